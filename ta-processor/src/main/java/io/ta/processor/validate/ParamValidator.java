package io.ta.processor.validate;

import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.processor.KernelElements;
import io.ta.processor.model.GeneratedMembers;
import io.ta.spi.ParamSpec;
import io.ta.spi.RequireSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * The constructor's parameters: one public constructor, every parameter {@code @Param}-annotated with a supported
 * type, a snake-case name clashing with no generated stream field, consistent bounds and a default inside them; and
 * the {@code @Require} rules between numeric parameters.
 */
final class ParamValidator {
    private final KernelElements elements;

    ParamValidator(KernelElements elements) {
        this.elements = elements;
    }

    /** Returns the parameters by Java name (empty when the constructor is unusable). */
    Map<String, VariableElement> checkConstructor(ValidationReport r, TypeElement type) {
        Map<String, VariableElement> byJava = new LinkedHashMap<>();
        List<ExecutableElement> ctors = elements.publicConstructors(type);
        if (ctors.size() != 1) {
            r.error(type, Messages.CONSTRUCTOR.formatted(type.getSimpleName(), ctors.size()));
            return byJava;
        }
        if (!ctors.get(0).getThrownTypes().isEmpty()) {
            r.error(ctors.get(0), Messages.CONSTRUCTOR_THROWS.formatted(type.getSimpleName(), thrown(ctors.get(0))));
        }
        Set<String> names = new HashSet<>();
        for (VariableElement p : ctors.get(0).getParameters()) {
            AnnotationMirror pm = mirror(p, KernelElements.PARAM);
            String javaName = p.getSimpleName().toString();
            if (pm == null) {
                r.error(p, Messages.PARAM_NOT_ANNOTATED.formatted(javaName));
                continue;
            }
            String name = KernelElements.paramName(p);
            NameRules.checkName(r, p, pm, "parameter", name);
            if (GeneratedMembers.isReserved(javaName)) {
                r.error(p, pm, Messages.PARAM_RESERVED.formatted(javaName, GeneratedMembers.reservedList(), name));
            }
            if (!names.add(name)) {
                r.error(p, pm, Messages.DUPLICATE_MEMBER.formatted("parameter", name, type.getSimpleName(), "parameter"));
            }
            checkParam(r, p, pm, name);
            byJava.put(javaName, p);
        }
        return byJava;
    }

    /** The throws clause of {@code e} as written, for a message. */
    static String thrown(ExecutableElement e) {
        return String.join(", ", e.getThrownTypes().stream().map(Object::toString).toList());
    }

    private void checkParam(ValidationReport r, VariableElement p, AnnotationMirror pm, String name) {
        Param a = p.getAnnotation(Param.class);
        TypeMirror t = p.asType();
        String kind = paramKind(t);
        if (kind == null) {
            r.error(p, Messages.PARAM_TYPE.formatted(name, t));
            return;
        }
        if (kind.equals("enum")) {
            Set<String> choices = new HashSet<>();
            for (String c : enumConstants(t)) {
                String choice = c.toLowerCase(Locale.ROOT);
                if (!choices.add(choice)) {
                    r.error(p, pm, Messages.DUPLICATE_MEMBER.formatted("choice", choice, kernel(p), "choice of parameter '" + name + "'"));
                }
            }
        }
        boolean numeric = kind.equals("int") || kind.equals("double");
        boolean hasBounds = a.min() != Double.NEGATIVE_INFINITY || a.max() != Double.POSITIVE_INFINITY
                || a.minExclusive() || a.maxExclusive();
        if (!numeric && hasBounds) {
            r.error(p, pm, Messages.PARAM_RANGE.formatted(name, "bounds on a " + kind + " parameter"));
            return;
        }
        if (numeric && (Double.isNaN(a.min()) || Double.isNaN(a.max()) || a.min() > a.max()
                || (a.min() == a.max() && (a.minExclusive() || a.maxExclusive())))) {
            r.error(p, pm, Messages.PARAM_RANGE.formatted(name, "min " + a.min() + ", max " + a.max()));
            return;
        }
        if (numeric && !holdsAValue(a, kind.equals("int"))) {
            String range = (a.minExclusive() ? "(" : "[") + ParamSpec.number(a.min()) + ", " + ParamSpec.number(a.max())
                    + (a.maxExclusive() ? ")" : "]");
            r.error(p, pm, Messages.PARAM_RANGE.formatted(name,
                    "no " + (kind.equals("int") ? "int" : "finite double") + " lies in " + range));
            return;
        }
        String d = a.defaultValue();
        if (d.isEmpty()) {
            return;
        }
        String problem = switch (kind) {
            case "int" -> checkNumber(d, true, a);
            case "double" -> checkNumber(d, false, a);
            case "boolean" -> d.equals("true") || d.equals("false") ? null : "not true or false";
            default -> checkChoice(d, t);
        };
        if (problem != null) {
            r.error(p, pm, Messages.PARAM_DEFAULT.formatted(d, name, problem));
        }
    }

    /**
     * Whether some value of the parameter's type lies in the declared range: an int, a finite double (real
     * parameters must be finite). Otherwise every call of the kernel fails with {@code InvalidParameterException}.
     */
    private static boolean holdsAValue(Param a, boolean integer) {
        return lowest(a, integer) <= highest(a, integer);
    }

    /** The smallest value of the parameter's type in its range (above {@link #highest} when there is none). */
    private static double lowest(Param a, boolean integer) {
        return integer
                ? Math.max(a.minExclusive() ? Math.floor(a.min()) + 1 : Math.ceil(a.min()), Integer.MIN_VALUE)
                : Math.max(a.minExclusive() ? Math.nextUp(a.min()) : a.min(), -Double.MAX_VALUE);
    }

    /** The largest value of the parameter's type in its range. */
    private static double highest(Param a, boolean integer) {
        return integer
                ? Math.min(a.maxExclusive() ? Math.ceil(a.max()) - 1 : Math.floor(a.max()), Integer.MAX_VALUE)
                : Math.min(a.maxExclusive() ? Math.nextDown(a.max()) : a.max(), Double.MAX_VALUE);
    }

    /**
     * A default as the DSL writes a number (docs/dsl.md, "Numbers"), with a minus: the catalog publishes it as text
     * for other languages, and Java's parsers would also take {@code +3}, {@code ٣}, {@code 0x1p3}, {@code 2.5f} or
     * {@code " 3"}.
     */
    private static final Pattern INT = Pattern.compile("-?[0-9]+");
    private static final Pattern REAL =
            Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** The simple name of the kernel class declaring constructor parameter {@code p}. */
    private static String kernel(VariableElement p) {
        return p.getEnclosingElement().getEnclosingElement().getSimpleName().toString();
    }

    private static String checkNumber(String d, boolean integer, Param a) {
        if (!(integer ? INT : REAL).matcher(d).matches()) {
            return integer ? "not an int in ASCII digits" : "not a decimal number in ASCII digits";
        }
        double v;
        try {
            v = integer ? Integer.parseInt(d) : Double.parseDouble(d);
        } catch (NumberFormatException e) {
            return integer ? "not an int literal" : "not a number";
        }
        if (!Double.isFinite(v)) {
            return "not finite";
        }
        boolean low = a.minExclusive() ? v > a.min() : v >= a.min();
        boolean high = a.maxExclusive() ? v < a.max() : v <= a.max();
        return low && high ? null : "outside the declared range";
    }

    private static String checkChoice(String d, TypeMirror t) {
        for (String c : enumConstants(t)) {
            if (c.equalsIgnoreCase(d)) {
                return null;
            }
        }
        return "not one of " + String.join(", ", enumConstants(t)).toLowerCase(Locale.ROOT);
    }

    /** {@code int}, {@code double}, {@code boolean}, {@code enum} or null if unsupported. */
    static String paramKind(TypeMirror t) {
        return switch (t.getKind()) {
            case INT -> "int";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DECLARED -> {
                Element e = ((DeclaredType) t).asElement();
                yield e.getKind() == ElementKind.ENUM && isPublicEverywhere(e) ? "enum" : null;
            }
            default -> null;
        };
    }

    /**
     * Whether {@code e} and every class it is nested in are public: the generated facade (in the library's package)
     * and the stream and descriptor name a parameter's enum type, so a public enum inside a private or package-private
     * class made generated code that did not compile.
     */
    private static boolean isPublicEverywhere(Element e) {
        for (Element x = e; x instanceof TypeElement; x = x.getEnclosingElement()) {
            if (!x.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    static List<String> enumConstants(TypeMirror t) {
        List<String> out = new ArrayList<>();
        for (Element e : ((DeclaredType) t).asElement().getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                out.add(e.getSimpleName().toString());
            }
        }
        return out;
    }

    void checkRequires(ValidationReport r, TypeElement type, Kernel kernel, Map<String, VariableElement> params) {
        Map<String, VariableElement> byCatalog = new LinkedHashMap<>();
        for (VariableElement p : params.values()) {
            byCatalog.put(KernelElements.paramName(p), p);
        }
        AnnotationMirror m = mirror(type, KernelElements.REQUIRE);
        if (m == null) {
            m = mirror(type, KernelElements.REQUIRE_LIST);
        }
        for (Require req : type.getAnnotationsByType(Require.class)) {
            boolean numeric = true;
            for (String side : List.of(req.left(), req.right())) {
                VariableElement p = byCatalog.get(side);
                if (p == null) {
                    r.error(type, m, Messages.REQUIRE_UNKNOWN.formatted(kernel.name(), side, String.join(", ", byCatalog.keySet())));
                    numeric = false;
                } else {
                    String k = paramKind(p.asType());
                    if (!"int".equals(k) && !"double".equals(k)) {
                        r.error(type, m, Messages.REQUIRE_TYPE.formatted(kernel.name(), side));
                        numeric = false;
                    }
                }
            }
            if (numeric) {
                checkSatisfiable(r, type, m, kernel, req, byCatalog.get(req.left()), byCatalog.get(req.right()));
            }
        }
    }

    /**
     * A rule no values in the two ranges satisfy, or that the two defaults break, made every call (or every call
     * with the defaults, {@code k(close)}) fail with {@code InvalidParameterException}.
     */
    private static void checkSatisfiable(ValidationReport r, TypeElement type, AnnotationMirror m, Kernel kernel,
            Require req, VariableElement left, VariableElement right) {
        Param l = left.getAnnotation(Param.class);
        Param g = right.getAnnotation(Param.class);
        boolean li = "int".equals(paramKind(left.asType()));
        boolean ri = "int".equals(paramKind(right.asType()));
        if (l == null || g == null || !holdsAValue(l, li) || !holdsAValue(g, ri)) {
            return;
        }
        RequireSpec spec = new RequireSpec(req.left(), req.op(), req.right());
        String rule = spec.toString();
        // The rule holds for some values when it holds at the two ends that favour it most.
        boolean less = req.op() == Require.Op.LT || req.op() == Require.Op.LE;
        boolean possible = less ? spec.holds(lowest(l, li), highest(g, ri)) : spec.holds(highest(l, li), lowest(g, ri));
        if (!possible) {
            r.error(type, m, Messages.REQUIRE_UNSATISFIABLE.formatted(rule, kernel.name(),
                    "holds for no values in their ranges"));
            return;
        }
        Double a = defaultNumber(l, li);
        Double b = defaultNumber(g, ri);
        if (a != null && b != null && !spec.holds(a, b)) {
            r.error(type, m, Messages.REQUIRE_UNSATISFIABLE.formatted(rule, kernel.name(),
                    "fails for the defaults " + l.defaultValue() + " and " + g.defaultValue()));
        }
    }

    /** A parameter's default as a number, or null if it has none or a malformed one (reported elsewhere). */
    private static Double defaultNumber(Param a, boolean integer) {
        String d = a.defaultValue();
        if (!(integer ? INT : REAL).matcher(d).matches()) {
            return null;
        }
        try {
            return integer ? (double) Integer.parseInt(d) : Double.parseDouble(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
