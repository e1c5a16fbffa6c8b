package io.ta.processor.validate;

import static io.ta.processor.KernelElements.isFinal;
import static io.ta.processor.KernelElements.isStatic;
import static io.ta.processor.KernelElements.mirror;

import io.ta.annotation.Chart;
import io.ta.annotation.Cost;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.processor.KernelElements;
import io.ta.spi.ParamSpec;
import java.util.ArrayList;
import java.util.HashMap;
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
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one {@code @Kernel} class against the kernel contract (see {@link io.ta.annotation.Kernel}) and reports
 * every violation it finds, each attached to the offending element.
 */
public final class KernelValidator {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> SCALARS = Set.of("double", "int", "long", "boolean");

    /** Members of the generated stream that an output's Java name must not shadow. */
    static final Set<String> RESERVED = Set.of(
            "update", "preview", "replaceLast", "updateRange", "value", "count", "lookback", "isReady", "params",
            "descriptor", "snapshot", "restore", "reset", "validate", "loop", "equals", "hashCode", "toString",
            "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    /** Fields of the generated stream; a constructor parameter becomes a field of the same name beside them. */
    static final Set<String> STREAM_FIELDS =
            new java.util.TreeSet<>(Set.of("KERNEL", "lookback", "k", "last", "probe", "count", "outputs", "lastInputs"));

    private final KernelElements elements;

    public KernelValidator(KernelElements elements) {
        this.elements = elements;
    }

    public ValidationReport validate(Element element) {
        ValidationReport r = new ValidationReport();
        AnnotationMirror kernelMirror = mirror(element, KernelElements.KERNEL);
        if (element.getKind() != ElementKind.CLASS) {
            r.error(element, kernelMirror, Messages.NOT_CLASS.formatted(element.getSimpleName(), describe(element.getKind())));
            return r;
        }
        TypeElement type = (TypeElement) element;
        Kernel kernel = type.getAnnotation(Kernel.class);
        String simple = type.getSimpleName().toString();
        if (!type.getModifiers().contains(Modifier.PUBLIC)
                || !type.getModifiers().contains(Modifier.FINAL)
                || type.getNestingKind() != NestingKind.TOP_LEVEL
                || !type.getTypeParameters().isEmpty()) {
            r.error(type, Messages.SHAPE.formatted(simple, simple));
        }
        checkName(r, type, kernelMirror, "kernel name", kernel.name());
        for (String a : kernel.aliases()) {
            checkName(r, type, kernelMirror, "alias", a);
        }
        for (Selector s : kernel.selectors()) {
            checkName(r, type, kernelMirror, "selector", s.alias());
        }

        Map<String, VariableElement> params = checkConstructor(r, type);
        List<String> outputs = checkStepAndOutputs(r, type, kernel);
        checkLookback(r, type, params);
        checkFields(r, type);
        checkRanges(r, type);
        checkInvariants(r, type);
        checkRequires(r, type, kernel, params);
        checkChart(r, type, kernel);
        checkScales(r, type, kernel, kernelMirror, outputs);

        for (Selector s : kernel.selectors()) {
            if (outputs != null && !outputs.contains(s.output())) {
                r.error(type, kernelMirror, Messages.SELECTOR_OUTPUT.formatted(s.alias(), kernel.name(), s.output(), String.join(", ", outputs)));
            }
        }
        return r;
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

    private static void checkName(ValidationReport r, Element e, AnnotationMirror m, String what, String name) {
        if (!SNAKE.matcher(name).matches()) {
            String fixed = ParamSpec.snake(name).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z]+", "");
            r.error(e, m, Messages.NAME_FORMAT.formatted(what, name, fixed.isEmpty() ? "my_kernel" : fixed));
        }
    }

    /** Returns the parameters by Java name (empty when the constructor is unusable). */
    private Map<String, VariableElement> checkConstructor(ValidationReport r, TypeElement type) {
        Map<String, VariableElement> byJava = new LinkedHashMap<>();
        List<ExecutableElement> ctors = elements.publicConstructors(type);
        if (ctors.size() != 1) {
            r.error(type, Messages.CONSTRUCTOR.formatted(type.getSimpleName(), ctors.size()));
            return byJava;
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
            checkName(r, p, pm, "parameter", name);
            if (STREAM_FIELDS.contains(javaName)) {
                r.error(p, pm, Messages.PARAM_RESERVED.formatted(javaName, String.join(", ", STREAM_FIELDS), name));
            }
            if (!names.add(name)) {
                r.error(p, pm, Messages.DUPLICATE_MEMBER.formatted("parameter", name, type.getSimpleName(), "parameter"));
            }
            checkParam(r, p, pm, name);
            byJava.put(javaName, p);
        }
        return byJava;
    }

    private void checkParam(ValidationReport r, VariableElement p, AnnotationMirror pm, String name) {
        Param a = p.getAnnotation(Param.class);
        TypeMirror t = p.asType();
        String kind = paramKind(t);
        if (kind == null) {
            r.error(p, Messages.PARAM_TYPE.formatted(name, t));
            return;
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

    private static String checkNumber(String d, boolean integer, Param a) {
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
                yield e.getKind() == ElementKind.ENUM && e.getModifiers().contains(Modifier.PUBLIC) ? "enum" : null;
            }
            default -> null;
        };
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

    /** Returns the output names, or null if the step is unusable. */
    private List<String> checkStepAndOutputs(ValidationReport r, TypeElement type, Kernel kernel) {
        List<ExecutableElement> steps = elements.steps(type);
        String simple = type.getSimpleName().toString();
        if (steps.isEmpty()) {
            r.error(type, Messages.NO_STEP.formatted(simple));
            return null;
        }
        if (steps.size() > 1) {
            for (ExecutableElement s : steps.subList(1, steps.size())) {
                r.error(s, Messages.MULTIPLE_STEPS.formatted(simple, steps.size()));
            }
            return null;
        }
        ExecutableElement step = steps.get(0);
        String stepName = simple + "." + step.getSimpleName() + "()";
        List<String> problems = new ArrayList<>();
        if (!step.getModifiers().contains(Modifier.PUBLIC)) {
            problems.add("is not public");
        }
        if (step.getModifiers().contains(Modifier.STATIC)) {
            problems.add("is static");
        }
        if (!step.getTypeParameters().isEmpty()) {
            problems.add("has type parameters");
        }
        if (!step.getThrownTypes().isEmpty()) {
            problems.add("declares thrown exceptions");
        }
        if (step.getParameters().isEmpty()) {
            problems.add("has no inputs");
        }
        TypeKind ret = step.getReturnType().getKind();
        if (ret != TypeKind.DOUBLE && ret != TypeKind.VOID) {
            problems.add("returns " + step.getReturnType());
        }
        Set<String> inputs = new HashSet<>();
        for (VariableElement p : step.getParameters()) {
            if (p.asType().getKind() != TypeKind.DOUBLE) {
                problems.add("takes input '" + p.getSimpleName() + "' of type " + p.asType() + " (inputs are double)");
                continue;
            }
            String in = KernelElements.inputName(p);
            checkName(r, p, null, "input", in);
            io.ta.annotation.Input domain = p.getAnnotation(io.ta.annotation.Input.class);
            if (domain != null && (Double.isNaN(domain.min()) || Double.isNaN(domain.max()) || domain.min() > domain.max()
                    || (domain.min() == domain.max() && (domain.minExclusive() || domain.maxExclusive())))) {
                r.error(p, mirror(p, "io.ta.annotation.Input"), Messages.INPUT_DOMAIN.formatted(in, domain.min(), domain.max()));
            }
            if (!inputs.add(in)) {
                r.error(p, Messages.DUPLICATE_MEMBER.formatted("input", in, simple, "input"));
            }
        }
        if (!problems.isEmpty()) {
            r.error(step, Messages.STEP_SIGNATURE.formatted(stepName, String.join(", ", problems)));
            return null;
        }

        List<VariableElement> outFields = elements.outputFields(type);
        if (ret == TypeKind.DOUBLE) {
            if (!outFields.isEmpty()) {
                r.error(outFields.get(0), Messages.OUTPUT_MIXED.formatted(stepName, simple));
                return null;
            }
            return List.of("value");
        }
        if (outFields.isEmpty()) {
            r.error(step, Messages.NO_OUTPUTS.formatted(stepName, simple));
            return null;
        }
        Map<String, String> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (VariableElement f : outFields) {
            String field = f.getSimpleName().toString();
            if (f.asType().getKind() != TypeKind.DOUBLE || isFinal(f) || isStatic(f) || f.getModifiers().contains(Modifier.PRIVATE)) {
                r.error(f, Messages.OUTPUT_FIELD.formatted(field, field));
                continue;
            }
            String name = KernelElements.outputName(f);
            checkName(r, f, mirror(f, KernelElements.OUTPUT), "output", name);
            String prior = seen.putIfAbsent(name, field);
            if (prior != null) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "output field '" + prior + "' of the same name"));
            } else if (inputs.contains(name)) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "the input of the same name"));
            } else if (RESERVED.contains(field)) {
                r.error(f, Messages.OUTPUT_CLASH.formatted(name, simple, "the generated stream method '" + field + "()'"));
            }
            names.add(name);
        }
        return names;
    }

    private void checkLookback(ValidationReport r, TypeElement type, Map<String, VariableElement> params) {
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
        for (VariableElement p : lb.getParameters()) {
            VariableElement match = params.get(p.getSimpleName().toString());
            if (match == null || !match.asType().toString().equals(p.asType().toString())) {
                r.error(p, Messages.LOOKBACK_SIGNATURE.formatted(
                        simple, which + "takes '" + p.getSimpleName() + "', which is not a constructor parameter of the same type"));
            }
        }
    }

    private void checkFields(ValidationReport r, TypeElement type) {
        for (VariableElement f : elements.fields(type)) {
            String name = f.getSimpleName().toString();
            if (isStatic(f)) {
                if (!isFinal(f)) {
                    r.error(f, Messages.IMPURE_STATIC.formatted(name));
                }
                continue;
            }
            if (f.getModifiers().contains(Modifier.PRIVATE)) {
                r.error(f, Messages.PRIVATE_STATE.formatted(name));
                continue;
            }
            if (mirror(f, KernelElements.OUTPUT) != null) {
                continue; // checked with the step
            }
            TypeMirror t = f.asType();
            if (mirror(f, KernelElements.NULLABLE) != null
                    && (!isFinal(f) || (!elements.isKernelType(t) && elements.statePartMark(t) == null))) {
                r.error(f, mirror(f, KernelElements.NULLABLE), Messages.NULLABLE_FIELD.formatted(name));
                continue;
            }
            if (mirror(f, KernelElements.DERIVED) != null
                    && (t.getKind() != TypeKind.ARRAY || !isFinal(f)
                            || !SCALARS.contains(((ArrayType) t).getComponentType().toString()))) {
                String what = t.getKind() != TypeKind.ARRAY || !SCALARS.contains(((ArrayType) t).getComponentType().toString())
                        ? "a " + t
                        : "not final";
                r.error(f, mirror(f, KernelElements.DERIVED), Messages.DERIVED_FIELD.formatted(name, what));
                continue;
            }
            switch (t.getKind()) {
                case DOUBLE, INT, LONG, BOOLEAN -> {}
                case ARRAY -> {
                    TypeMirror c = ((ArrayType) t).getComponentType();
                    if (!SCALARS.contains(c.toString())) {
                        r.error(f, Messages.STATE_TYPE.formatted(name, t));
                    } else if (!isFinal(f)) {
                        r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "an array"));
                    }
                }
                case DECLARED -> {
                    if (elements.isKernelType(t)) {
                        if (((DeclaredType) t).asElement().equals(type)) {
                            r.error(f, Messages.SELF_NESTING.formatted(name, type.getSimpleName()));
                        } else if (!isFinal(f)) {
                            r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "a nested kernel"));
                        }
                    } else if (elements.statePartMark(t) != null) {
                        if (!isFinal(f)) {
                            r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "a state part"));
                        }
                        Element part = ((DeclaredType) t).asElement();
                        if (part.getAnnotation(Cost.class) == null) {
                            r.error(f, Messages.PART_COST.formatted(name, t, part.getSimpleName()));
                        }
                    } else {
                        r.error(f, Messages.STATE_TYPE.formatted(name, t));
                    }
                }
                default -> r.error(f, Messages.STATE_TYPE.formatted(name, t));
            }
        }
    }

    /** {@code @Range}: on mutable numeric scalars only, with bounds the generated restore can evaluate. */
    private void checkRanges(ValidationReport r, TypeElement type) {
        for (VariableElement f : elements.fields(type)) {
            AnnotationMirror m = mirror(f, KernelElements.RANGE);
            if (m == null) {
                continue;
            }
            String name = f.getSimpleName().toString();
            io.ta.annotation.Range range = f.getAnnotation(io.ta.annotation.Range.class);
            TypeKind k = f.asType().getKind();
            boolean numeric = k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.DOUBLE;
            if (!numeric || isFinal(f) || isStatic(f) || (range.nan() && k != TypeKind.DOUBLE)) {
                String why = !numeric ? "a " + f.asType() : isFinal(f) || isStatic(f) ? "final or static" : "nan = true on " + f.asType();
                r.error(f, m, Messages.RANGE_FIELD.formatted(name, why));
                continue;
            }
            for (String bound : List.of(range.min(), range.max())) {
                if (bound.isEmpty()) {
                    continue;
                }
                String problem = boundProblem(type, bound);
                if (problem != null) {
                    r.error(f, m, Messages.RANGE_BOUND.formatted(bound, name, problem));
                }
            }
        }
    }

    private String boundProblem(TypeElement type, String bound) {
        io.ta.processor.model.RangeModel.Bound b = io.ta.processor.model.RangeModel.parse(bound);
        if (b == null) {
            return "is neither a number nor 'field', 'field + number' or 'field - number'";
        }
        if (b.field() == null) {
            return null;
        }
        for (VariableElement g : elements.fields(type)) {
            if (g.getSimpleName().contentEquals(b.field())) {
                TypeKind gk = g.asType().getKind();
                boolean numeric = gk == TypeKind.INT || gk == TypeKind.LONG || gk == TypeKind.DOUBLE;
                return numeric && isFinal(g) && !g.getModifiers().contains(Modifier.PRIVATE)
                        ? null
                        : "names '" + b.field() + "', which is not a non-private final int, long or double field";
            }
        }
        return "names '" + b.field() + "', which is not a field of " + type.getSimpleName();
    }

    /** {@code @Invariant}: {@code boolean name()}, an instance method the generated restore can call. */
    private void checkInvariants(ValidationReport r, TypeElement type) {
        for (ExecutableElement m : elements.invariants(type)) {
            List<String> problems = new ArrayList<>();
            if (m.getModifiers().contains(Modifier.STATIC)) {
                problems.add("is static");
            }
            if (m.getModifiers().contains(Modifier.PRIVATE)) {
                problems.add("is private");
            }
            if (!m.getParameters().isEmpty()) {
                problems.add("takes parameters");
            }
            if (m.getReturnType().getKind() != TypeKind.BOOLEAN) {
                problems.add("returns " + m.getReturnType());
            }
            if (!problems.isEmpty()) {
                r.error(m, mirror(m, KernelElements.INVARIANT),
                        Messages.INVARIANT_SIGNATURE.formatted(m.getSimpleName(), String.join(", ", problems)));
            }
        }
    }

    /**
     * Every number or level output says how it scales with the prices (CATALOG.md; the property suite checks it), so
     * no kernel can forget; flags are unitless by nature. Inputs are quoted in prices, volume or nothing.
     */
    private void checkScales(ValidationReport r, TypeElement type, Kernel kernel, AnnotationMirror kernelMirror, List<String> outputs) {
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

    private void checkRequires(ValidationReport r, TypeElement type, Kernel kernel, Map<String, VariableElement> params) {
        Map<String, VariableElement> byCatalog = new LinkedHashMap<>();
        for (VariableElement p : params.values()) {
            byCatalog.put(KernelElements.paramName(p), p);
        }
        AnnotationMirror m = mirror(type, KernelElements.REQUIRE);
        if (m == null) {
            m = mirror(type, KernelElements.REQUIRE_LIST);
        }
        for (Require req : type.getAnnotationsByType(Require.class)) {
            for (String side : List.of(req.left(), req.right())) {
                VariableElement p = byCatalog.get(side);
                if (p == null) {
                    r.error(type, m, Messages.REQUIRE_UNKNOWN.formatted(kernel.name(), side, String.join(", ", byCatalog.keySet())));
                } else {
                    String k = paramKind(p.asType());
                    if (!"int".equals(k) && !"double".equals(k)) {
                        r.error(type, m, Messages.REQUIRE_TYPE.formatted(kernel.name(), side));
                    }
                }
            }
        }
    }

    /** The kernel's {@code @Chart}: a range with both ends in order, guides inside it; on fields only outputs' panes and styles. */
    private void checkChart(ValidationReport r, TypeElement type, Kernel kernel) {
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
    public ValidationReport validateChartElsewhere(Element element) {
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
