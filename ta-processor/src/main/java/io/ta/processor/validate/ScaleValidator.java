package io.ta.processor.validate;

import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import io.ta.processor.KernelElements;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Units: every number or level output declares how it scales with the prices; inputs are prices, volume or unitless.
 */
final class ScaleValidator {
    private final KernelElements elements;

    ScaleValidator(KernelElements elements) {
        this.elements = elements;
    }

    /**
     * Every number or level output says how it scales with the prices (docs/spec.md; the property suite checks it), so
     * no kernel can forget; flags are unitless by nature. Inputs are quoted in prices, volume or nothing.
     */
    void checkScales(ValidationReport r, TypeElement type, Kernel kernel, AnnotationMirror kernelMirror, List<String> outputs) {
        for (ExecutableElement step : elements.steps(type)) {
            for (VariableElement p : step.getParameters()) {
                io.ta.annotation.Input in = p.getAnnotation(io.ta.annotation.Input.class);
                Scale s = in == null ? Scale.DEFAULT : in.scale();
                if (s != Scale.DEFAULT && s != Scale.PRICE && s != Scale.VOLUME && s != Scale.UNITLESS) {
                    r.error(p, mirror(p, "io.ta.annotation.Input"), Messages.SCALE_INPUT.formatted(KernelElements.inputName(p), s));
                }
            }
        }
        if (outputs == null) {
            return; // the step or outputs are unusable: already reported
        }
        boolean flag = kernel.kind() == OutputKind.FLAG;
        List<VariableElement> fields = elements.outputFields(type);
        int n = fields.isEmpty() ? 1 : fields.size();
        for (int i = 0; i < n; i++) {
            VariableElement field = fields.isEmpty() ? null : fields.get(i);
            String name = field == null ? "value" : KernelElements.outputName(field);
            Scale own = field == null ? Scale.DEFAULT : field.getAnnotation(io.ta.annotation.Output.class).scale();
            Scale s = own != Scale.DEFAULT ? own : kernel.scale();
            Element at = own != Scale.DEFAULT ? field : type;
            AnnotationMirror m = own != Scale.DEFAULT ? mirror(field, KernelElements.OUTPUT) : kernelMirror;
            if (flag && s != Scale.DEFAULT && s != Scale.UNITLESS) {
                r.error(at, m, Messages.SCALE_FLAG.formatted(name, type.getSimpleName(), s));
            } else if (!flag && s == Scale.DEFAULT) {
                r.error(type, kernelMirror, Messages.SCALE_MISSING.formatted(type.getSimpleName(), name));
            }
        }
    }
}
