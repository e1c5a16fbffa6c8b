package io.ta.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.Trees;
import io.ta.annotation.Chart;
import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.annotation.Kernel;
import io.ta.annotation.Nullable;
import io.ta.annotation.OfInput;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.processor.KernelElements;
import io.ta.spi.ParamType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Builds the {@link KernelModel} of a kernel class that passed validation. */
public final class ModelFactory {
    private final KernelElements elements;
    private final LookbackFormula formulas;
    private final StepResults results;

    public ModelFactory(ProcessingEnvironment env, KernelElements elements) {
        this.elements = elements;
        Trees trees = elements.trees(); // null outside javac: the catalog then shows no lookback formula
        this.formulas = new LookbackFormula(trees);
        this.results = new StepResults(trees);
    }

    public KernelModel create(TypeElement type) {
        Kernel k = type.getAnnotation(Kernel.class);
        ClassName kernel = ClassName.get(type);

        List<ParamModel> params = new ArrayList<>();
        for (VariableElement p : elements.publicConstructors(type).get(0).getParameters()) {
            params.add(param(p));
        }

        ExecutableElement step = elements.steps(type).get(0);
        List<InputModel> inputs = new ArrayList<>();
        for (VariableElement p : step.getParameters()) {
            io.ta.annotation.Input in = p.getAnnotation(io.ta.annotation.Input.class);
            String inputName = KernelElements.inputName(p);
            inputs.add(in == null
                    ? new InputModel(inputName, p.getSimpleName().toString())
                    : new InputModel(inputName, p.getSimpleName().toString(), in.min(), in.max(),
                            in.minExclusive(), in.maxExclusive(), in.nonZero(), inputScale(inputName, in.scale())));
        }

        boolean multi = step.getReturnType().getKind() == TypeKind.VOID;
        List<OutputModel> outputs = new ArrayList<>();
        if (multi) {
            for (VariableElement f : elements.outputFields(type)) {
                io.ta.annotation.Output o = f.getAnnotation(io.ta.annotation.Output.class);
                Scale scale = outputScale(k, o.scale());
                if (o.lookback().isEmpty()) {
                    outputs.add(new OutputModel(KernelElements.outputName(f), f.getSimpleName().toString(), o.doc(), scale));
                } else {
                    ExecutableElement m = elements.method(type, o.lookback());
                    List<String> args = new ArrayList<>();
                    for (VariableElement p : m.getParameters()) {
                        args.add(p.getSimpleName().toString());
                    }
                    outputs.add(new OutputModel(KernelElements.outputName(f), f.getSimpleName().toString(), o.doc(),
                            o.lookback(), args, formulas.of(m, params), scale));
                }
            }
        } else {
            outputs.add(new OutputModel("value", "value", "", outputScale(k, Scale.DEFAULT)));
        }

        ExecutableElement lookback = elements.lookbacks(type).get(0);
        List<String> lookbackArgs = new ArrayList<>();
        for (VariableElement p : lookback.getParameters()) {
            lookbackArgs.add(p.getSimpleName().toString());
        }

        Set<String> stepResults = multi ? results.of(step, elements.outputFields(type), elements.invariants(type)) : Set.of();
        List<FieldModel> fields = new ArrayList<>();
        for (VariableElement f : elements.fields(type)) {
            if (!KernelElements.isStatic(f)) {
                fields.add(field(type, f, stepResults.contains(f.getSimpleName().toString())));
            }
        }

        List<RequireModel> requires = new ArrayList<>();
        for (Require r : type.getAnnotationsByType(Require.class)) {
            requires.add(new RequireModel(r.left(), javaName(params, r.left()), r.op().name(), r.right(), javaName(params, r.right())));
        }

        Complexity[] cost = cost(type);
        cost[0] = cost[0].max(k.cost());

        List<SelectorModel> selectors = new ArrayList<>();
        for (Selector s : k.selectors()) {
            selectors.add(new SelectorModel(s.alias(), s.output()));
        }

        return new KernelModel(
                kernel,
                k.name(),
                List.of(k.aliases()),
                selectors,
                k.family(),
                k.kind(),
                chart(type, outputs.size()),
                k.summary(),
                k.reference(),
                formulas.of(lookback, params),
                lookbackArgs,
                params,
                inputs,
                outputs,
                multi,
                step.getSimpleName().toString(),
                fields,
                requires,
                fnv1a(layout(type)),
                invariants(type),
                cost[0],
                cost[1],
                k.cost(),
                scalarState(type));
    }

    private List<String> invariants(TypeElement type) {
        List<String> out = new ArrayList<>();
        for (ExecutableElement m : elements.invariants(type)) {
            out.add(m.getSimpleName().toString());
        }
        return out;
    }

    /** The declared range of a state field as Java expressions over {@code k}, or null. */
    private RangeModel range(TypeElement type, VariableElement f) {
        io.ta.annotation.Range r = f.getAnnotation(io.ta.annotation.Range.class);
        if (r == null) {
            return null;
        }
        return new RangeModel(bound(type, r.min()), bound(type, r.max()), r.nan());
    }

    private String bound(TypeElement type, String text) {
        if (text.isEmpty()) {
            return null;
        }
        RangeModel.Bound b = RangeModel.parse(text);
        if (b.field() == null) {
            return b.java("");
        }
        for (VariableElement g : elements.fields(type)) {
            if (g.getSimpleName().contentEquals(b.field()) && KernelElements.isStatic(g)) {
                return b.java(type.getSimpleName() + ".");
            }
        }
        return b.java("k.");
    }

    /** An input's validated scale; {@code DEFAULT} means volume for an input called {@code volume}, else price. */
    private static Scale inputScale(String name, Scale declared) {
        if (declared != Scale.DEFAULT) {
            return declared;
        }
        return name.equals("volume") ? Scale.VOLUME : Scale.PRICE;
    }

    /** An output's validated scale: its own, else the kernel's; only flag kernels may leave it (unitless). */
    private static Scale outputScale(Kernel k, Scale own) {
        Scale s = own != Scale.DEFAULT ? own : k.scale();
        return s == Scale.DEFAULT ? Scale.UNITLESS : s;
    }

    /**
     * Per-bar cost and memory: the largest over the kernel's state parts (their {@code @Cost}) and nested kernels;
     * scalars and fixed arrays are O(1).
     */
    private Complexity[] cost(TypeElement type) {
        Complexity time = Complexity.CONSTANT;
        Complexity memory = Complexity.CONSTANT;
        for (VariableElement f : elements.fields(type)) {
            if (KernelElements.isStatic(f) || f.asType().getKind() != TypeKind.DECLARED) {
                continue;
            }
            TypeElement t = (TypeElement) ((DeclaredType) f.asType()).asElement();
            Complexity[] c;
            if (elements.isKernelType(f.asType())) {
                c = cost(t);
            } else {
                c = partCost(t);
                if (c == null) {
                    continue; // not a part, or one without @Cost: the validator has reported it
                }
            }
            time = time.max(c[0]);
            memory = memory.max(c[1]);
        }
        return new Complexity[] {time, memory};
    }

    /**
     * Whether the kernel's state is primitive fields, some of them mutable: no arrays, parts or nested kernels.
     * Building such a kernel allocates one object the JIT can keep in registers, and its checkpoint copies fields,
     * which C2 inlines; a part's mark, called once per range, it leaves out of line as a cold call, and the part then
     * escapes into it (performance-log.md, "A stream's range on a local kernel").
     */
    private boolean scalarState(TypeElement type) {
        boolean mutable = false;
        for (VariableElement f : elements.fields(type)) {
            if (KernelElements.isStatic(f)) {
                continue;
            }
            if (!f.asType().getKind().isPrimitive()) {
                return false;
            }
            mutable |= !KernelElements.isFinal(f);
        }
        return mutable;
    }

    /** A state part's declared time and memory ({@code @Cost}), or null for a type without one. */
    private static Complexity[] partCost(TypeElement part) {
        Cost declared = part.getAnnotation(Cost.class);
        return declared == null ? null : new Complexity[] {declared.time(), declared.memory()};
    }

    /** The kernel's {@code @Chart} and its outputs' panes and styles (an output without its own takes the kernel's). */
    private ChartModel chart(TypeElement type, int outputs) {
        Chart c = type.getAnnotation(Chart.class);
        String pane = c == null ? Chart.Pane.AUTO.name() : c.pane().name();
        String style = c == null ? Chart.Style.AUTO.name() : c.style().name();
        List<String> panes = new ArrayList<>(java.util.Collections.nCopies(outputs, pane));
        List<String> styles = new ArrayList<>(java.util.Collections.nCopies(outputs, style));
        boolean declared = c != null;
        List<VariableElement> fields = elements.outputFields(type);
        for (int i = 0; i < fields.size() && i < outputs; i++) {
            Chart own = fields.get(i).getAnnotation(Chart.class);
            if (own != null) {
                declared = true;
                if (own.pane() != Chart.Pane.AUTO) {
                    panes.set(i, own.pane().name());
                }
                if (own.style() != Chart.Style.AUTO) {
                    styles.set(i, own.style().name());
                }
            }
        }
        List<Double> guides = new ArrayList<>();
        if (c != null) {
            for (double g : c.guides()) {
                guides.add(g);
            }
            guides.sort(null);
        }
        return new ChartModel(declared, panes, styles, guides,
                c == null ? Double.NaN : c.min(), c == null ? Double.NaN : c.max());
    }

    /**
     * The state layout, nested kernels expanded, so the schema hash changes whenever any part of the state does —
     * including a nested kernel compiled in another jar (its fields are visible from its class file). A state part is
     * not expanded (its fields are its own business, and its snapshot is what {@code write} writes), so a part whose
     * encoding changes says so by declaring or raising its {@link #PART_LAYOUT} constant, which enters the hash of
     * every kernel holding it; a part without one hashes as before the constant existed.
     */
    private String layout(TypeElement type) {
        StringBuilder sb = new StringBuilder(type.getAnnotation(Kernel.class).name()).append('{');
        for (VariableElement f : elements.fields(type)) {
            if (KernelElements.isStatic(f)) {
                continue;
            }
            sb.append(f.getSimpleName()).append(':').append(f.asType()).append(';');
            if (elements.isKernelType(f.asType())) {
                sb.append(layout((TypeElement) ((DeclaredType) f.asType()).asElement()));
            }
            Object version = elements.statePartMark(f.asType()) == null
                    ? null : partLayout((TypeElement) ((DeclaredType) f.asType()).asElement());
            if (version != null) {
                sb.append('@').append(version).append(';');
            }
        }
        return sb.append('}').toString();
    }

    /** The name of the constant by which a state part versions its snapshot encoding (docs/kernel-guide.md). */
    static final String PART_LAYOUT = "SNAPSHOT_LAYOUT";

    /** The part's {@link #PART_LAYOUT}, declared by it or a superclass, or null. */
    private static Object partLayout(TypeElement part) {
        for (TypeElement c = part; c != null; ) {
            for (Element e : c.getEnclosedElements()) {
                if (e.getKind() == ElementKind.FIELD && e.getSimpleName().contentEquals(PART_LAYOUT)
                        && KernelElements.isStatic(e)) {
                    return ((VariableElement) e).getConstantValue();
                }
            }
            TypeMirror sup = c.getSuperclass();
            c = sup.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) sup).asElement() : null;
        }
        return null;
    }

    private static String javaName(List<ParamModel> params, String catalogName) {
        for (ParamModel p : params) {
            if (p.name().equals(catalogName)) {
                return p.javaName();
            }
        }
        throw new IllegalStateException("validated @Require names unknown parameter " + catalogName);
    }

    private static ParamModel param(VariableElement p) {
        Param a = p.getAnnotation(Param.class);
        TypeMirror t = p.asType();
        ParamType type;
        List<String> choices = new ArrayList<>();
        List<String> constants = new ArrayList<>();
        switch (t.getKind()) {
            case INT -> type = ParamType.INT;
            case DOUBLE -> type = ParamType.REAL;
            case BOOLEAN -> type = ParamType.BOOL;
            default -> {
                type = ParamType.CHOICE;
                for (Element e : ((DeclaredType) t).asElement().getEnclosedElements()) {
                    if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                        constants.add(e.getSimpleName().toString());
                        choices.add(e.getSimpleName().toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        String dflt = a.defaultValue().isEmpty() ? null : a.defaultValue();
        if (dflt != null && type == ParamType.CHOICE) {
            dflt = dflt.toLowerCase(Locale.ROOT);
        }
        return new ParamModel(
                KernelElements.paramName(p),
                p.getSimpleName().toString(),
                type,
                TypeName.get(t),
                dflt,
                a.min(),
                a.max(),
                a.minExclusive(),
                a.maxExclusive(),
                choices,
                constants,
                a.doc(),
                a.scale() == Scale.DEFAULT ? Scale.UNITLESS : a.scale());
    }

    private FieldModel field(TypeElement type, VariableElement f, boolean result) {
        TypeMirror t = f.asType();
        String name = f.getSimpleName().toString();
        boolean fin = KernelElements.isFinal(f);
        TypeName tn = TypeName.get(t);
        Nullable absent = f.getAnnotation(Nullable.class);
        OfInput ofInput = f.getAnnotation(OfInput.class);
        FieldModel.Presence presence = absent == null ? FieldModel.Presence.ALWAYS
                : absent.alternative() ? FieldModel.Presence.ALTERNATIVE : FieldModel.Presence.NULLABLE;
        return switch (t.getKind()) {
            case DOUBLE, INT, LONG, BOOLEAN ->
                    new FieldModel(name, FieldModel.Kind.SCALAR, tn, fin, t.toString(), null, FieldModel.Presence.ALWAYS, range(type, f),
                            Complexity.CONSTANT, null, result);
            case ARRAY -> new FieldModel(
                    name, KernelElements.mirror(f, KernelElements.DERIVED) != null ? FieldModel.Kind.DERIVED : FieldModel.Kind.ARRAY, tn, fin, ((ArrayType) t).getComponentType().toString(), null, FieldModel.Presence.ALWAYS, null,
                    Complexity.CONSTANT, null, false);
            default -> {
                if (elements.isKernelType(t)) {
                    yield new FieldModel(name, FieldModel.Kind.NESTED, tn, fin, "", null, presence, null, Complexity.CONSTANT, null, false);
                }
                TypeMirror mark = elements.statePartMark(t);
                Complexity[] declared = partCost((TypeElement) ((DeclaredType) t).asElement());
                yield new FieldModel(name, FieldModel.Kind.PART, tn, fin, "", (ClassName) TypeName.get(mark), presence, null,
                        declared == null ? Complexity.CONSTANT : declared[0], ofInput == null ? null : ofInput.value(), false);
            }
        };
    }

    /** 64-bit FNV-1a: a stable hash of the state layout. */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
