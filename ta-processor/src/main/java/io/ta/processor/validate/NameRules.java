package io.ta.processor.validate;

import io.ta.expr.LanguageNames;
import io.ta.spi.ParamSpec;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The catalog's name rule, lower snake case, shared by every part that checks a name. */
final class NameRules {
    private NameRules() {}

    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * A name of the catalog: lower snake case and no keyword of the language, which could not be written where the
     * language takes a name (a keyword argument {@code or=2}, an output {@code .true}).
     */
    static void checkName(ValidationReport r, Element e, AnnotationMirror m, String what, String name) {
        if (!SNAKE.matcher(name).matches()) {
            String fixed = ParamSpec.snake(name).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z]+", "");
            r.error(e, m, Messages.NAME_FORMAT.formatted(what, name, fixed.isEmpty() ? "my_kernel" : fixed));
        } else if (LanguageNames.KEYWORDS.contains(name)) {
            r.error(e, m, Messages.NAME_RESERVED.formatted(what, name, LanguageNames.whyReserved("", name)));
        }
    }

    /**
     * A kernel's name, alias or selector of {@code kernel}: a catalog name that the language does not read itself
     * either, since the registry refuses to load a library with such a kernel.
     */
    static void checkKernelName(ValidationReport r, Element e, AnnotationMirror m, String what, String name, String kernel) {
        checkName(r, e, m, what, name);
        String why = LanguageNames.whyReserved(kernel, name);
        if (SNAKE.matcher(name).matches() && !LanguageNames.KEYWORDS.contains(name) && why != null) {
            r.error(e, m, Messages.NAME_RESERVED.formatted(what, name, why));
        }
    }
}
