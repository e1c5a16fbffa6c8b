package io.ta.processor.validate;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** The errors found in one kernel. Validation reports every problem it can find rather than stopping at the first. */
public final class ValidationReport {
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<InCode> inCode = new ArrayList<>();

    /** An error on an expression inside a method body, which no element stands for. */
    private record InCode(Trees trees, TreePath path, String message) {}

    void error(Element element, String message) {
        errors.add(new Diagnostic(element, null, message));
    }

    void error(Element element, AnnotationMirror annotation, String message) {
        errors.add(new Diagnostic(element, annotation, message));
    }

    void error(Trees trees, TreePath path, String message) {
        inCode.add(new InCode(trees, path, message));
    }

    /** Whether the kernel can be modelled and generated. */
    public boolean isClean() {
        return errors.isEmpty() && inCode.isEmpty();
    }

    /** The errors on elements, in the order found (those inside method bodies are only printed). */
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
        for (InCode d : inCode) {
            d.trees().printMessage(Kind.ERROR, d.message(), d.path().getLeaf(), d.path().getCompilationUnit());
        }
    }
}
