package io.ta.processor.validate;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One error, attached to the element at fault (and its annotation, when the annotation is what is wrong).
 *
 * @param element the offending element
 * @param annotation the offending annotation on it, or {@code null}
 * @param message the full message, starting with its tag
 */
public record Diagnostic(Element element, AnnotationMirror annotation, String message) {}
