package io.ta.processor;

import com.sun.source.util.Trees;
import io.ta.annotation.Input;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.spi.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Finds the parts of a kernel class (constructor, step, lookback, fields) the same way for validator and model. */
public final class KernelElements {
    public static final String KERNEL = "io.ta.annotation.Kernel";
    public static final String STEP = "io.ta.annotation.Step";
    public static final String OUTPUT = "io.ta.annotation.Output";
    public static final String PARAM = "io.ta.annotation.Param";
    public static final String REQUIRE = "io.ta.annotation.Require";
    public static final String REQUIRE_LIST = "io.ta.annotation.Require.List";
    public static final String STATE_PART = "io.ta.spi.StatePart";
    public static final String NULLABLE = "io.ta.annotation.Nullable";
    public static final String CHART = "io.ta.annotation.Chart";
    public static final String DERIVED = "io.ta.annotation.Derived";
    public static final String RANGE = "io.ta.annotation.Range";
    public static final String INVARIANT = "io.ta.annotation.Invariant";
    public static final String OF_INPUT = "io.ta.annotation.OfInput";
    public static final String INPUT_BACKED = "io.ta.spi.InputBacked";

    private final Types types;
    private final TypeElement statePart;
    private final TypeElement inputBacked;
    private final Trees trees;

    public KernelElements(ProcessingEnvironment env) {
        this.types = env.getTypeUtils();
        this.statePart = env.getElementUtils().getTypeElement(STATE_PART);
        this.inputBacked = env.getElementUtils().getTypeElement(INPUT_BACKED);
        this.trees = treesOrNull(env);
    }

    private static Trees treesOrNull(ProcessingEnvironment env) {
        try {
            return Trees.instance(env);
        } catch (RuntimeException | LinkageError e) {
            return null; // not javac: checks that read method bodies are skipped
        }
    }

    /** javac's syntax trees, or null under another compiler. */
    public Trees trees() {
        return trees;
    }

    public List<ExecutableElement> publicConstructors(TypeElement kernel) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.CONSTRUCTOR && e.getModifiers().contains(Modifier.PUBLIC)) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }

    public List<ExecutableElement> steps(TypeElement kernel) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && mirror(e, STEP) != null) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }

    public List<ExecutableElement> lookbacks(TypeElement kernel) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals("lookback")) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }

    /** The method called {@code name} (the first, if overloaded), or null. */
    public ExecutableElement method(TypeElement kernel, String name) {
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(name)) {
                return (ExecutableElement) e;
            }
        }
        return null;
    }

    /** Methods marked {@code @Invariant}, in declaration order. */
    public List<ExecutableElement> invariants(TypeElement kernel) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && mirror(e, INVARIANT) != null) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }

    /** Instance and static fields, in declaration order. */
    public List<VariableElement> fields(TypeElement kernel) {
        List<VariableElement> out = new ArrayList<>();
        for (Element e : kernel.getEnclosedElements()) {
            if (e.getKind() == ElementKind.FIELD) {
                out.add((VariableElement) e);
            }
        }
        return out;
    }

    public static boolean isStatic(Element e) {
        return e.getModifiers().contains(Modifier.STATIC);
    }

    public static boolean isFinal(Element e) {
        return e.getModifiers().contains(Modifier.FINAL);
    }

    /** The mirror of the annotation named {@code fqn} on {@code e}, or null. */
    public static AnnotationMirror mirror(Element e, String fqn) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(fqn)) {
                return m;
            }
        }
        return null;
    }

    /** Whether {@code type} is a class annotated {@code @Kernel} (a nested kernel). */
    public boolean isKernelType(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        return mirror(((DeclaredType) type).asElement(), KERNEL) != null;
    }

    /** The {@code M} of {@code StatePart<M>} if {@code type} implements it, else null. */
    public TypeMirror statePartMark(TypeMirror type) {
        if (statePart == null || type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        if (!types.isAssignable(types.erasure(type), types.erasure(statePart.asType()))) {
            return null;
        }
        return findMark(type);
    }

    /** Whether {@code type} is a state part that can read its window back from an input ({@code @OfInput}). */
    public boolean isInputBacked(TypeMirror type) {
        return inputBacked != null && statePartMark(type) != null
                && types.isAssignable(types.erasure(type), types.erasure(inputBacked.asType()));
    }

    private TypeMirror findMark(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) type;
        if (((TypeElement) d.asElement()).getQualifiedName().contentEquals(STATE_PART)) {
            return d.getTypeArguments().isEmpty() ? null : d.getTypeArguments().get(0);
        }
        for (TypeMirror s : types.directSupertypes(type)) {
            TypeMirror m = findMark(s);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** Catalog name of a constructor parameter: {@code @Param(name)} or the Java name in snake case. */
    public static String paramName(VariableElement p) {
        Param a = p.getAnnotation(Param.class);
        String n = a == null ? "" : a.name();
        return n.isEmpty() ? ParamSpec.snake(p.getSimpleName().toString()) : n;
    }

    /** Catalog name of a step parameter: {@code @Input} or the Java name in snake case. */
    public static String inputName(VariableElement p) {
        Input a = p.getAnnotation(Input.class);
        return a == null || a.value().isEmpty() ? ParamSpec.snake(p.getSimpleName().toString()) : a.value();
    }

    /** Catalog name of an {@code @Output} field. */
    public static String outputName(VariableElement f) {
        Output a = f.getAnnotation(Output.class);
        String n = a == null ? "" : a.name();
        return n.isEmpty() ? ParamSpec.snake(f.getSimpleName().toString()) : n;
    }

    /** Fields marked {@code @Output}, in declaration order. */
    public List<VariableElement> outputFields(TypeElement kernel) {
        List<VariableElement> out = new ArrayList<>();
        for (VariableElement f : fields(kernel)) {
            if (mirror(f, OUTPUT) != null) {
                out.add(f);
            }
        }
        return out;
    }
}
