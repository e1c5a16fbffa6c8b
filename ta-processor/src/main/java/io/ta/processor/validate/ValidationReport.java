package io.ta.processor.validate;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** The errors found in one kernel. Validation reports every problem it can find rather than stopping at the first. */
public final class ValidationReport {
    private final List<Diagnostic> errors = new ArrayList<>();

    void error(Element element, String message) {
        errors.add(new Diagnostic(element, null, message));
    }

    void error(Element element, AnnotationMirror annotation, String message) {
        errors.add(new Diagnostic(element, annotation, message));
    }

    /** Whether the kernel can be modelled and generated. */
    public boolean isClean() {
        return errors.isEmpty();
    }

    /** The errors, in the order found. */
    public List<Diagnostic> errors() {
        return List.copyOf(errors);
    }

    /** Reports every error to javac. */
    public void printTo(Messager messager) {
        for (Diagnostic d : errors) {
            if (d.annotation() != null) {
                messager.printMessage(Kind.ERROR, d.message(), d.element(), d.annotation());
            } else {
                messager.printMessage(Kind.ERROR, d.message(), d.element());
            }
        }
    }
}
