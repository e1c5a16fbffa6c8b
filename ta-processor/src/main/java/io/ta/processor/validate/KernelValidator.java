package io.ta.processor.validate;

import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Kernel;
import io.ta.annotation.Selector;
import io.ta.processor.KernelElements;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Checks one {@code @Kernel} class against the kernel contract (see {@link io.ta.annotation.Kernel}) and reports
 * every violation it finds, each attached to the offending element. It checks the class's shape and names itself and
 * hands each other part of the contract to the validator that owns it: parameters, step and outputs, lookback, state,
 * scales and charts.
 */
public final class KernelValidator {
    private final ParamValidator params;
    private final StepValidator step;
    private final LookbackValidator lookback;
    private final StateValidator state;
    private final ScaleValidator scales;
    private final ChartValidator charts;
    private final KernelElements elements;

    /**
     * A validator over one processing round's elements.
     *
     * @param elements the round's element utilities
     */
    public KernelValidator(KernelElements elements) {
        this.params = new ParamValidator(elements);
        this.step = new StepValidator(elements);
        this.lookback = new LookbackValidator(elements);
        this.state = new StateValidator(elements);
        this.scales = new ScaleValidator(elements);
        this.charts = new ChartValidator(elements);
        this.elements = elements;
    }

    /**
     * Every violation of the kernel contract by {@code element}, which carries {@code @Kernel}.
     *
     * @param element the annotated element
     * @return the diagnostics, empty when the kernel is valid
     */
    public ValidationReport validate(Element element) {
        ValidationReport r = new ValidationReport();
        AnnotationMirror kernelMirror = mirror(element, KernelElements.KERNEL);
        if (element.getKind() != ElementKind.CLASS) {
            r.error(element, kernelMirror, Messages.NOT_CLASS.formatted(element.getSimpleName(), describe(element.getKind())));
            return r;
        }
        TypeElement type = (TypeElement) element;
        Kernel kernel = type.getAnnotation(Kernel.class);
        checkShape(r, type, kernel, kernelMirror);

        Map<String, VariableElement> byJavaName = params.checkConstructor(r, type);
        List<String> outputs = step.checkStepAndOutputs(r, type, kernel);
        lookback.checkLookback(r, type, byJavaName);
        state.checkFields(r, type);
        state.checkStaticWrites(r, type);
        state.checkInherited(r, type);
        state.checkRanges(r, type);
        state.checkInvariants(r, type);
        state.checkOfInput(r, type);
        params.checkRequires(r, type, kernel, byJavaName);
        charts.checkChart(r, type, kernel);
        scales.checkScales(r, type, kernel, kernelMirror, outputs);
        step.checkSelectors(r, type, kernel, kernelMirror, outputs);
        if (outputs != null) {
            checkWidth(r, type, byJavaName, outputs.size());
        }
        return r;
    }

    /**
     * A Java method takes at most 255 parameter slots: the generated batch methods take every input, parameter and
     * output, and the stream's updateRange (an instance method) every input and output and the range's two ends.
     */
    private void checkWidth(ValidationReport r, TypeElement type, Map<String, VariableElement> params, int outputs) {
        int inputs = elements.steps(type).get(0).getParameters().size();
        int slots = 0;
        for (VariableElement p : params.values()) {
            slots += p.asType().getKind() == TypeKind.DOUBLE ? 2 : 1;
        }
        if (inputs + slots + outputs > 255 || inputs + outputs + 3 > 255) {
            r.error(type, Messages.TOO_WIDE.formatted(type.getSimpleName(), inputs, slots, outputs));
        }
    }

    /** A public final top-level class without type parameters, with snake-case names, aliases and selectors. */
    private static void checkShape(ValidationReport r, TypeElement type, Kernel kernel, AnnotationMirror kernelMirror) {
        String simple = type.getSimpleName().toString();
        if (!type.getModifiers().contains(Modifier.PUBLIC)
                || !type.getModifiers().contains(Modifier.FINAL)
                || type.getNestingKind() != NestingKind.TOP_LEVEL
                || !type.getTypeParameters().isEmpty()) {
            r.error(type, Messages.SHAPE.formatted(simple, simple));
        }
        NameRules.checkKernelName(r, type, kernelMirror, "kernel name", kernel.name(), kernel.name());
        for (String a : kernel.aliases()) {
            NameRules.checkKernelName(r, type, kernelMirror, "alias", a, kernel.name());
        }
        for (Selector s : kernel.selectors()) {
            NameRules.checkKernelName(r, type, kernelMirror, "selector", s.alias(), kernel.name());
        }
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case RECORD -> "a record (its fields are final, so it cannot hold state)";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * Reports a {@code @Chart} on an element no kernel owns: a class or field outside a {@code @Kernel} class, where
     * nothing would read it.
     *
     * @param element an element carrying {@code @Chart}
     * @return the diagnostics, empty when a kernel owns the element
     */
    public ValidationReport validateChartElsewhere(Element element) {
        return charts.validateChartElsewhere(element);
    }
}
