package io.ta.processor.validate;

import static io.ta.processor.KernelElements.mirror;

import io.ta.processor.KernelElements;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The {@code lookback} method and the per-output ones {@code @Output(lookback = ...)} names: public static int
 * methods over constructor parameters.
 */
final class LookbackValidator {
    private final KernelElements elements;

    LookbackValidator(KernelElements elements) {
        this.elements = elements;
    }

    void checkLookback(ValidationReport r, TypeElement type, Map<String, VariableElement> params) {
        List<ExecutableElement> lbs = elements.lookbacks(type);
        String simple = type.getSimpleName().toString();
        if (lbs.isEmpty()) {
            r.error(type, Messages.NO_LOOKBACK.formatted(simple));
            return;
        }
        if (lbs.size() > 1) {
            r.error(lbs.get(1), Messages.LOOKBACK_SIGNATURE.formatted(simple, "is overloaded"));
            return;
        }
        checkLookbackMethod(r, simple, lbs.get(0), "", params);
        for (VariableElement f : elements.outputFields(type)) {
            String own = f.getAnnotation(io.ta.annotation.Output.class).lookback();
            if (own.isEmpty()) {
                continue;
            }
            ExecutableElement m = elements.method(type, own);
            if (m == null) {
                r.error(f, mirror(f, KernelElements.OUTPUT), Messages.LOOKBACK_SIGNATURE.formatted(
                        simple, "of output '" + f.getSimpleName() + "' names '" + own + "', which is not a method of the kernel"));
            } else {
                checkLookbackMethod(r, simple, m, "of output '" + f.getSimpleName() + "' ", params);
            }
        }
    }

    private static void checkLookbackMethod(
            ValidationReport r, String simple, ExecutableElement lb, String which, Map<String, VariableElement> params) {
        if (!lb.getModifiers().contains(Modifier.STATIC) || !lb.getModifiers().contains(Modifier.PUBLIC)
                || lb.getReturnType().getKind() != TypeKind.INT) {
            r.error(lb, Messages.LOOKBACK_SIGNATURE.formatted(simple, which + "must be public static and return int"));
            return;
        }
        if (!lb.getThrownTypes().isEmpty()) {
            // The stream's constructor and the descriptor call it without a try.
            r.error(lb, Messages.LOOKBACK_SIGNATURE.formatted(
                    simple, which + "declares thrown exceptions (" + ParamValidator.thrown(lb) + ")"));
        }
        for (VariableElement p : lb.getParameters()) {
            VariableElement match = params.get(p.getSimpleName().toString());
            if (match == null || !match.asType().toString().equals(p.asType().toString())) {
                r.error(p, Messages.LOOKBACK_SIGNATURE.formatted(
                        simple, which + "takes '" + p.getSimpleName() + "', which is not a constructor parameter of the same type"));
            }
        }
    }
}
