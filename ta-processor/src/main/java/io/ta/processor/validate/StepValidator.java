package io.ta.processor.validate;

import static io.ta.processor.KernelElements.isFinal;
import static io.ta.processor.KernelElements.isStatic;
import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Kernel;
import io.ta.annotation.Selector;
import io.ta.processor.KernelElements;
import io.ta.processor.model.GeneratedMembers;
import io.ta.processor.model.JavaNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The single {@code @Step} method and the outputs: its signature, its inputs (doubles, snake-case names, consistent
 * domains), single or {@code @Output}-field outputs whose names clash with nothing generated, and the selectors.
 */
final class StepValidator {
    private final KernelElements elements;

    StepValidator(KernelElements elements) {
        this.elements = elements;
    }

    /** Methods of the generated stream that an output's accessor would collide with. */
    private static final Set<String> STREAM_METHODS = GeneratedMembers.streamMethodNames();
    /** No-argument methods of every object, which a fluent builder's output method ({@code toString()}) cannot be. */
    private static final Set<String> OBJECT_METHODS = objectMethods();

    private static Set<String> objectMethods() {
        Set<String> names = new HashSet<>();
        for (java.lang.reflect.Method m : Object.class.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && !java.lang.reflect.Modifier.isPrivate(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        return names;
    }

    /** Returns the output names, or null if the step is unusable. */
    List<String> checkStepAndOutputs(ValidationReport r, TypeElement type, Kernel kernel) {
        List<ExecutableElement> steps = elements.steps(type);
        String simple = type.getSimpleName().toString();
        if (steps.isEmpty()) {
            r.error(type, Messages.NO_STEP.formatted(simple));
            return null;
        }
        if (steps.size() > 1) {
            for (ExecutableElement s : steps.subList(1, steps.size())) {
                r.error(s, Messages.MULTIPLE_STEPS.formatted(simple, steps.size()));
            }
            return null;
        }
        ExecutableElement step = steps.get(0);
        String stepName = simple + "." + step.getSimpleName() + "()";
        List<String> problems = new ArrayList<>();
        if (!step.getModifiers().contains(Modifier.PUBLIC)) {
            problems.add("is not public");
        }
        if (step.getModifiers().contains(Modifier.STATIC)) {
            problems.add("is static");
        }
        if (!step.getTypeParameters().isEmpty()) {
            problems.add("has type parameters");
        }
        if (!step.getThrownTypes().isEmpty()) {
            problems.add("declares thrown exceptions");
        }
        if (step.getParameters().isEmpty()) {
            problems.add("has no inputs");
        }
        TypeKind ret = step.getReturnType().getKind();
        if (ret != TypeKind.DOUBLE && ret != TypeKind.VOID) {
            problems.add("returns " + step.getReturnType());
        }
        Set<String> inputs = new HashSet<>();
        Set<String> params = paramNames(type);
        for (VariableElement p : step.getParameters()) {
            if (p.asType().getKind() != TypeKind.DOUBLE) {
                problems.add("takes input '" + p.getSimpleName() + "' of type " + p.asType() + " (inputs are double)");
                continue;
            }
            String in = KernelElements.inputName(p);
            NameRules.checkName(r, p, null, "input", in);
            String javaName = p.getSimpleName().toString();
            if (GeneratedMembers.isReserved(javaName)) {
                r.error(p, Messages.INPUT_RESERVED.formatted(javaName, GeneratedMembers.reservedList(), in));
            } else if (params.contains(javaName)) {
                r.error(p, Messages.INPUT_IS_PARAM.formatted(javaName));
            }
            io.ta.annotation.Input domain = p.getAnnotation(io.ta.annotation.Input.class);
            if (domain != null && (Double.isNaN(domain.min()) || Double.isNaN(domain.max()) || domain.min() > domain.max()
                    || (domain.min() == domain.max() && (domain.minExclusive() || domain.maxExclusive())))) {
                r.error(p, mirror(p, "io.ta.annotation.Input"), Messages.INPUT_DOMAIN.formatted(in, domain.min(), domain.max()));
            }
            if (!inputs.add(in)) {
                r.error(p, Messages.DUPLICATE_MEMBER.formatted("input", in, simple, "input"));
            }
        }
        if (!problems.isEmpty()) {
            r.error(step, Messages.STEP_SIGNATURE.formatted(stepName, String.join(", ", problems)));
            return null;
        }

        List<VariableElement> outFields = elements.outputFields(type);
        if (ret == TypeKind.DOUBLE) {
            if (!outFields.isEmpty()) {
                r.error(outFields.get(0), Messages.OUTPUT_MIXED.formatted(stepName, simple));
                return null;
            }
            return List.of("value");
        }
        if (outFields.isEmpty()) {
            r.error(step, Messages.NO_OUTPUTS.formatted(stepName, simple));
            return null;
        }
        Map<String, String> seen = new HashMap<>();
        Map<String, String> methods = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (VariableElement f : outFields) {
            String field = f.getSimpleName().toString();
            if (f.asType().getKind() != TypeKind.DOUBLE || isFinal(f) || isStatic(f) || f.getModifiers().contains(Modifier.PRIVATE)) {
                r.error(f, Messages.OUTPUT_FIELD.formatted(field, field));
                continue;
            }
            String name = KernelElements.outputName(f);
            NameRules.checkName(r, f, mirror(f, KernelElements.OUTPUT), "output", name);
            String prior = seen.putIfAbsent(name, field);
            if (prior != null) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "output field '" + prior + "' of the same name"));
            } else if (inputs.contains(name)) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "the input of the same name"));
            } else if (STREAM_METHODS.contains(field)) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "the generated stream method '" + field + "()'"));
            } else {
                // The fluent builder picks an output by a method named after it in camel case.
                String method = JavaNames.method(name);
                String twin = methods.putIfAbsent(method, name);
                if (twin != null) {
                    r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "output '" + twin + "', both the Java method " + method + "()"));
                } else if (OBJECT_METHODS.contains(method)) {
                    r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "the method " + method + "() of every Java object"));
                }
            }
            names.add(name);
        }
        return names;
    }

    /** Each selector picks an output the kernel has. */
    void checkSelectors(ValidationReport r, TypeElement type, Kernel kernel, AnnotationMirror kernelMirror, List<String> outputs) {
        for (Selector s : kernel.selectors()) {
            if (outputs != null && !outputs.contains(s.output())) {
                r.error(type, kernelMirror, Messages.SELECTOR_OUTPUT.formatted(s.alias(), kernel.name(), s.output(), String.join(", ", outputs)));
            }
        }
    }

    /** The Java names of the constructors' parameters. */
    private static Set<String> paramNames(TypeElement type) {
        Set<String> names = new HashSet<>();
        for (ExecutableElement c : javax.lang.model.util.ElementFilter.constructorsIn(type.getEnclosedElements())) {
            for (VariableElement p : c.getParameters()) {
                names.add(p.getSimpleName().toString());
            }
        }
        return names;
    }
}
