package io.ta.runtime.exec;

import io.ta.annotation.OutputKind;
import io.ta.expr.ToExpr;
import io.ta.kernels.TaExpr;
import io.ta.testing.KernelCase;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random expressions built twice, independently: as DSL text written the many ways a user may write it (positional or
 * keyword arguments in any order, defaults omitted or given, aliases and selector aliases, bar fields implicit or
 * explicit, {@code 14} or {@code 14.0} or {@code 1.4e1} or {@code 7 * 2}, choices bare, quoted or in capitals), and
 * through the generated fluent API, {@link TaExpr}, by reflection on its methods — nothing shared but the kernel
 * catalog, so a difference in how either path fills defaults, binds arguments, spells numbers or resolves names shows
 * up as two plans.
 */
final class TextFluentTwins {
    /** One expression in both forms; {@code constant} when it reads no bar (so text must not pass it positionally). */
    record Twin(String text, TaExpr fluent, boolean condition, boolean constant) {}

    /** Mirrors the processor's reserved builder method names (FluentWriter.RESERVED). */
    private static final Set<String> RESERVED = Set.of("of", "toExpr", "column", "num", "open", "high", "low", "close", "volume",
            "plus", "minus", "times", "over", "mod", "pow", "negate", "gt", "ge", "lt", "le", "eq", "ne", "and", "or", "not",
            "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");
    private static final String[][] ARITHMETIC = {{"+", "plus"}, {"-", "minus"}, {"*", "times"}, {"/", "over"}, {"%", "mod"},
        {"**", "pow"}};
    private static final String[][] COMPARISON = {{">", "gt"}, {">=", "ge"}, {"<", "lt"}, {"<=", "le"}, {"==", "eq"}, {"!=", "ne"}};

    private final Registry registry = Registry.standard();
    private final List<KernelDescriptor> kernels = new ArrayList<>();
    private final Map<String, List<String>> aliases = new HashMap<>();
    private final Map<String, String> selectors = new HashMap<>();

    TextFluentTwins() {
        for (KernelDescriptor d : registry.kernels()) {
            if (fluentMethod(d, false) != null) {
                kernels.add(d);
            }
        }
        List<String> names = new ArrayList<>(registry.names());
        Collections.sort(names);
        for (String n : names) {
            Registry.Entry e = registry.resolve(n);
            if (e.isSelector()) {
                selectors.put(e.kernel().name() + "." + e.kernel().outputs().get(e.output()).name(), n);
            } else if (!n.equals(e.kernel().name())) {
                aliases.computeIfAbsent(e.kernel().name(), k -> new ArrayList<>()).add(n);
            }
        }
    }

    /** The kernels the fluent API offers (every registered kernel, checked by the test). */
    List<KernelDescriptor> kernels() {
        return kernels;
    }

    /** A random expression of at most {@code depth} levels. */
    Twin expression(SplittableRandom r, int depth, boolean condition) {
        if (condition) {
            return switch (depth <= 0 ? 0 : r.nextInt(5)) {
                case 0, 1 -> {
                    String[] op = COMPARISON[r.nextInt(COMPARISON.length)];
                    yield binary(r, op, expression(r, depth - 1, false), expression(r, depth - 1, false), true);
                }
                case 2 -> {
                    boolean and = r.nextBoolean();
                    yield binary(r, new String[] {and ? "and" : "or", and ? "and" : "or"}, expression(r, depth - 1, true),
                            expression(r, depth - 1, true), true);
                }
                case 3 -> {
                    Twin a = expression(r, depth - 1, true);
                    yield new Twin("(not " + a.text() + ")", a.fluent().not(), true, a.constant());
                }
                default -> {
                    Twin t = call(r, depth - 1, true);
                    yield t == null ? expression(r, 0, true) : t;
                }
            };
        }
        return switch (depth <= 0 ? r.nextInt(2) : r.nextInt(8)) {
            case 0 -> {
                String f = Bars.FIELDS.get(r.nextInt(Bars.FIELDS.size()));
                yield new Twin(f, r.nextBoolean() ? TaExpr.column(f) : field(f), false, false);
            }
            case 1 -> number(r, Math.rint(r.nextGaussian() * 40) / (r.nextBoolean() ? 1 : 4));
            case 2, 3 -> binary(r, ARITHMETIC[r.nextInt(r.nextInt(6) == 0 ? 6 : 4)], expression(r, depth - 1, false),
                    expression(r, depth - 1, false), false);
            case 4 -> {
                Twin a = expression(r, depth - 1, false);
                yield new Twin("(-" + a.text() + ")", a.fluent().negate(), false, a.constant());
            }
            case 5 -> expression(r, depth - 1, true);
            default -> call(r, depth - 1, false);
        };
    }

    private static TaExpr field(String f) {
        return switch (f) {
            case "open" -> TaExpr.open();
            case "high" -> TaExpr.high();
            case "low" -> TaExpr.low();
            case "close" -> TaExpr.close();
            default -> TaExpr.volume();
        };
    }

    /** A number written one of the ways the DSL reads as the same double. */
    static Twin number(SplittableRandom r, double v) {
        double a = Math.abs(v);
        String s = spell(r, a);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        String text = negative ? "(-" + s + ")" : s;
        TaExpr fluent = negative && r.nextBoolean() ? TaExpr.num(a).negate() : TaExpr.num(v);
        return new Twin(text, fluent, false, true);
    }

    /** A non-negative number's spelling: {@code 14}, {@code 14.0}, {@code 14.}, {@code 1.4e1}, {@code 140E-1}, {@code 7 * 2}. */
    static String spell(SplittableRandom r, double a) {
        if (a != Math.rint(a) || a >= 1e6) {
            return r.nextBoolean() ? Double.toString(a) : String.format(Locale.ROOT, "%.17e", a);
        }
        long k = (long) a;
        return switch (r.nextInt(7)) {
            case 0 -> k + ".0";
            case 1 -> k + ".";
            case 2 -> k == 0 ? "0e5" : (k / 10.0 == Math.rint(k / 10.0) ? (k / 10) + "e1" : k + "0e-1");
            case 3 -> k + "E0";
            case 4 -> k % 2 == 0 && k > 0 ? "(" + (k / 2) + " * 2)" : "(" + k + " + 0)";
            default -> Long.toString(k);
        };
    }

    private Twin binary(SplittableRandom r, String[] op, Twin a, Twin b, boolean condition) {
        String text = "(" + a.text() + " " + op[0] + " " + b.text() + ")";
        boolean withDouble = b.constant() && b.fluent().toExpr() instanceof io.ta.expr.Expr.Num && r.nextBoolean()
                && !op[1].equals("and") && !op[1].equals("or");
        try {
            TaExpr fluent = withDouble
                    ? (TaExpr) TaExpr.class.getMethod(op[1], double.class).invoke(a.fluent(), ((io.ta.expr.Expr.Num) b.fluent().toExpr()).value())
                    : (TaExpr) TaExpr.class.getMethod(op[1], ToExpr.class).invoke(a.fluent(), b.fluent());
            return new Twin(text, fluent, condition, a.constant() && b.constant());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("TaExpr." + op[1], e);
        }
    }

    /** A call of a random kernel; null when {@code condition} is asked and the drawn kernel is not a flag. */
    Twin call(SplittableRandom r, int depth, boolean condition) {
        KernelDescriptor d = kernels.get(r.nextInt(kernels.size()));
        if (condition && d.kind() != OutputKind.FLAG) {
            return null;
        }
        ParamValues p = KernelCase.params(d, r);
        List<String> generic = d.inputs().stream().filter(in -> !Bars.FIELDS.contains(in)).toList();
        List<Twin> inputs = new ArrayList<>();
        for (int i = 0; i < generic.size(); i++) {
            inputs.add(expression(r, depth, false));
        }
        boolean defaults = allDefaults(d, p);
        boolean omitAll = defaults && fluentMethod(d, true) != null && r.nextBoolean();

        // fluent: the first generic input is the receiver; the others and the parameters are arguments
        Method m = fluentMethod(d, omitAll);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            args.add(inputs.get(i).fluent());
        }
        if (!omitAll) {
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < d.params().size(); i++) {
                args.add(javaValue(types[generic.isEmpty() ? i : generic.size() - 1 + i], p.get(i)));
            }
        }
        Object handle;
        try {
            handle = m.invoke(generic.isEmpty() ? null : inputs.get(0).fluent(), args.toArray());
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(String.valueOf(m), e);
        }

        // text
        int output = d.outputs().size() > 1 ? r.nextInt(d.outputs().size()) : 0;
        String outName = d.outputs().get(output).name();
        String selector = selectors.get(d.name() + "." + outName);
        boolean bySelector = d.outputs().size() > 1 && selector != null && r.nextBoolean();
        List<String> names = aliases.getOrDefault(d.name(), List.of());
        String name = bySelector ? selector : names.isEmpty() || r.nextBoolean() ? d.name() : names.get(r.nextInt(names.size()));
        List<String> positional = new ArrayList<>();
        List<String> keyword = new ArrayList<>();
        boolean inOrder = true;
        for (int i = 0; i < generic.size(); i++) {
            Twin in = inputs.get(i);
            inOrder &= !in.constant() && r.nextInt(4) != 0;
            (inOrder ? positional : keyword).add(inOrder ? in.text() : generic.get(i) + "=" + in.text());
        }
        if (generic.isEmpty() && !d.inputs().isEmpty() && r.nextInt(4) == 0) {
            positional.addAll(d.inputs()); // atr(high, low, close, 14): positional series fill the bar-field inputs in order
        } else {
            for (String in : d.inputs()) {
                if (Bars.FIELDS.contains(in) && r.nextInt(5) == 0) {
                    keyword.add(in + "=" + in);
                }
            }
        }
        inOrder = inOrder && !omitAll;
        for (int i = 0; i < d.params().size(); i++) {
            ParamSpec s = d.params().get(i);
            boolean isDefault = s.hasDefault() && s.defaultObject().equals(p.get(i));
            inOrder &= r.nextInt(3) != 0;
            if (omitAll || (isDefault && !inOrder && r.nextBoolean())) {
                continue;
            }
            String v = literal(r, s, p.get(i));
            (inOrder ? positional : keyword).add(inOrder ? v : s.name() + " = " + v);
        }
        Collections.shuffle(keyword, new java.util.Random(r.nextLong()));
        List<String> all = new ArrayList<>(positional);
        all.addAll(keyword);
        String text = name + "(" + String.join(r.nextBoolean() ? ", " : ",", all) + ")";
        if (d.outputs().size() > 1 && !bySelector) {
            text = text + "." + outName;
        }
        TaExpr fluent;
        if (d.outputs().size() > 1) {
            try {
                fluent = (TaExpr) handle.getClass().getMethod(javaName(outName)).invoke(handle);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(d.name() + "." + outName, e);
            }
        } else {
            fluent = (TaExpr) handle;
        }
        boolean constant = d.inputs().size() == generic.size() && inputs.stream().allMatch(Twin::constant);
        return new Twin(text, fluent, d.kind() == OutputKind.FLAG, constant);
    }

    private static boolean allDefaults(KernelDescriptor d, ParamValues p) {
        for (int i = 0; i < d.params().size(); i++) {
            ParamSpec s = d.params().get(i);
            if (!s.hasDefault() || !s.defaultObject().equals(p.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A parameter value as text, spelled at random. */
    private static String literal(SplittableRandom r, ParamSpec s, Object v) {
        return switch (s.type()) {
            case INT, REAL -> {
                double x = ((Number) v).doubleValue();
                String a = spell(r, Math.abs(x));
                // -0.0 too (found at 100,000 examples: the text said 0, the fluent plan -0, two plans).
                yield x < 0 || (x == 0 && 1 / x < 0) ? "-" + a : a;
            }
            case BOOL -> v.toString();
            case CHOICE -> switch (r.nextInt(4)) {
                case 0 -> "'" + v + "'";
                case 1 -> "\"" + v + "\"";
                case 2 -> ((String) v).toUpperCase(Locale.ROOT);
                default -> (String) v;
            };
        };
    }

    private static Object javaValue(Class<?> type, Object v) {
        if (type == int.class) {
            return ((Number) v).intValue();
        }
        if (type == double.class) {
            return ((Number) v).doubleValue();
        }
        if (type == boolean.class) {
            return v;
        }
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().toLowerCase(Locale.ROOT).equals(v)) {
                return c;
            }
        }
        throw new AssertionError(type + " has no constant for choice " + v);
    }

    /** camelCase of a catalog name, as the processor spells methods. */
    static String javaName(String snake) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        String s = sb.toString();
        return javax.lang.model.SourceVersion.isKeyword(s) ? s + "_" : s;
    }

    /** The fluent method of a kernel: with every parameter, or ({@code defaults}) the overload without parameters. */
    static Method fluentMethod(KernelDescriptor d, boolean defaults) {
        String name = javaName(d.name());
        if (RESERVED.contains(name)) {
            name = name + "Kernel";
        }
        long generic = d.inputs().stream().filter(in -> !Bars.FIELDS.contains(in)).count();
        int arity = (int) Math.max(0, generic - 1) + (defaults ? 0 : d.params().size());
        for (Method m : TaExpr.class.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && Modifier.isStatic(m.getModifiers()) == (generic == 0)) {
                return m;
            }
        }
        return null;
    }
}
