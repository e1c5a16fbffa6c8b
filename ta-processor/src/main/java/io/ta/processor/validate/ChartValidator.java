package io.ta.processor.validate;

import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Chart;
import io.ta.annotation.Kernel;
import io.ta.processor.KernelElements;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * {@code @Chart}: on the kernel a range in order with guides inside it; on output fields only a pane and a style;
 * nowhere else.
 */
final class ChartValidator {
    private final KernelElements elements;

    ChartValidator(KernelElements elements) {
        this.elements = elements;
    }

    /** The kernel's {@code @Chart}: a range with both ends in order, guides inside it; on fields only outputs' panes and styles. */
    void checkChart(ValidationReport r, TypeElement type, Kernel kernel) {
        Chart chart = type.getAnnotation(Chart.class);
        if (chart != null) {
            AnnotationMirror m = mirror(type, KernelElements.CHART);
            double min = chart.min();
            double max = chart.max();
            boolean bounded = !Double.isNaN(min) || !Double.isNaN(max);
            if (bounded && !(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
                r.error(type, m, Messages.CHART_RANGE.formatted(kernel.name(), "min = " + number(min) + ", max = " + number(max)));
                bounded = false;
            }
            Set<Double> seen = new HashSet<>();
            for (double g : chart.guides()) {
                String problem = !Double.isFinite(g) ? "is not a finite value"
                        : !seen.add(g) ? "is listed twice"
                        : bounded && (g < min || g > max) ? "lies outside the range " + number(min) + ".." + number(max)
                        : null;
                if (problem != null) {
                    r.error(type, m, Messages.CHART_GUIDE.formatted(number(g), kernel.name(), problem));
                }
            }
        }
        for (VariableElement f : elements.fields(type)) {
            Chart c = f.getAnnotation(Chart.class);
            if (c == null) {
                continue;
            }
            AnnotationMirror m = mirror(f, KernelElements.CHART);
            if (mirror(f, KernelElements.OUTPUT) == null) {
                r.error(f, m, Messages.CHART_PLACE.formatted("field '" + f.getSimpleName() + "'", "which is not an @Output field"));
            } else if (kernelLevel(c)) {
                r.error(f, m, Messages.CHART_PLACE.formatted("output field '" + f.getSimpleName() + "'",
                        "sets guides or a range, which belong to the kernel"));
            }
        }
    }

    /** Whether a {@code @Chart} sets more than a pane and a style. */
    private static boolean kernelLevel(Chart c) {
        return c.guides().length > 0 || !Double.isNaN(c.min()) || !Double.isNaN(c.max());
    }

    /**
     * Reports a {@code @Chart} on an element no kernel owns: a class or field outside a {@code @Kernel} class, where
     * nothing would read it.
     */
    ValidationReport validateChartElsewhere(Element element) {
        ValidationReport r = new ValidationReport();
        Element owner = element.getKind() == ElementKind.FIELD ? element.getEnclosingElement() : element;
        if (mirror(owner, KernelElements.KERNEL) == null) {
            String what = element.getKind() == ElementKind.FIELD ? "field '" + element.getSimpleName() + "'" : element.getSimpleName().toString();
            r.error(element, mirror(element, KernelElements.CHART), Messages.CHART_PLACE.formatted(what, "outside a @Kernel class"));
        }
        return r;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
