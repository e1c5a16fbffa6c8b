package io.ta.processor.validate;

import io.ta.spi.ParamSpec;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The catalog's name rule, lower snake case, shared by every part that checks a name. */
final class NameRules {
    private NameRules() {}

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    static void checkName(ValidationReport r, Element e, AnnotationMirror m, String what, String name) {
        if (!SNAKE.matcher(name).matches()) {
            String fixed = ParamSpec.snake(name).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z]+", "");
            r.error(e, m, Messages.NAME_FORMAT.formatted(what, name, fixed.isEmpty() ? "my_kernel" : fixed));
        }
    }
}
