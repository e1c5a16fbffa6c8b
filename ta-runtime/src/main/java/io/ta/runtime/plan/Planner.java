package io.ta.runtime.plan;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.Parser;
import io.ta.runtime.dsl.TypeCheckException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.Names;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expr → DAG: binds calls to kernels, checks types, folds constants and shares every distinct subexpression
 * (hash-consing: {@code sma(close, 20)} used three times is one node). One planner builds one plan, possibly from
 * several root expressions that then share nodes too.
 */
final class Planner {
    /** Derived bar prices the DSL accepts as bare names, and the kernel each one is. */
    static final Map<String, String> DERIVED = Map.of("hl2", "medprice", "hlc3", "typical_price", "typical", "typical_price",
            "ohlc4", "avgprice");

    private final Registry registry;
    private final Map<String, Node> byKey = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private String source;

    Planner(Registry registry) {
        this.registry = registry;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** Plans one root; {@code text} is the DSL source it came from, or null for a fluent expression. */
    Ref root(Expr e, String text) {
        this.source = text;
        checkHeight(e);
        return bind(fold(e));
    }

    /**
     * Evaluates constant subtrees ({@code 2 + 3}, {@code -(1)}, {@code 1 > 2}) before binding, so folded operands
     * never become nodes. Only operator nodes over literals fold; the height check above bounds the recursion.
     */
    private static Expr fold(Expr e) {
        return switch (e) {
            case Expr.Unary u -> {
                Expr a = fold(u.operand());
                Double v = value(a);
                yield v == null ? (a == u.operand() ? u : new Expr.Unary(u.op(), a, u.span()))
                        : literal(Ops.apply(u.op(), v), u.op() == Op.NOT, u.span());
            }
            case Expr.Binary b -> {
                Expr l = fold(b.left());
                Expr r = fold(b.right());
                Double lv = value(l);
                Double rv = value(r);
                if (lv != null && rv != null && (!b.op().isLogical() || (l instanceof Expr.Bool && r instanceof Expr.Bool))) {
                    yield literal(Ops.apply(b.op(), lv, rv), !b.op().isArithmetic(), b.span());
                }
                yield l == b.left() && r == b.right() ? b : new Expr.Binary(b.op(), l, r, b.span());
            }
            case Expr.Call c -> {
                List<Arg> args = new ArrayList<>(c.args().size());
                boolean same = true;
                for (Arg a : c.args()) {
                    Expr v = fold(a.value());
                    same &= v == a.value();
                    args.add(new Arg(a.name(), v));
                }
                yield same ? c : new Expr.Call(c.kernel(), args, c.span());
            }
            case Expr.Output o -> {
                Expr of = fold(o.of());
                yield of == o.of() ? o : new Expr.Output(of, o.name(), o.span());
            }
            default -> e;
        };
    }

    private static Double value(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Bool b -> b.value() ? 1.0 : 0.0;
            default -> null;
        };
    }

    private static Expr literal(double v, boolean condition, Expr.Span span) {
        return condition && (v == 0.0 || v == 1.0) ? new Expr.Bool(v == 1.0, span) : new Expr.Num(v, span);
    }

    private <T extends Node> T intern(String key, java.util.function.IntFunction<T> make) {
        Node existing = byKey.get(key);
        if (existing != null) {
            @SuppressWarnings("unchecked")
            T t = (T) existing;
            return t;
        }
        T n = make.apply(nodes.size());
        byKey.put(key, n);
        nodes.add(n);
        return n;
    }

    // ---- errors, located in the text when there is one

    private int at(Expr e) {
        return source == null ? -1 : e.span().start();
    }

    private String where() {
        return source;
    }

    private TypeCheckException type(Expr e, String reason) {
        return new TypeCheckException(reason, where(), at(e));
    }

    private BindingException binding(Expr e, String reason, Throwable cause) {
        return new BindingException(reason, where(), at(e), cause);
    }

    /** Fluent expressions are not limited by the parser, so check their height without recursing. */
    private void checkHeight(Expr root) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 1});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Expr e = (Expr) top[0];
            int h = (Integer) top[1];
            if (h > Parser.MAX_HEIGHT) {
                throw new io.ta.runtime.dsl.ParseException(
                        "expression is nested too deeply (more than " + Parser.MAX_HEIGHT + " levels)", where(), at(e));
            }
            switch (e) {
                case Expr.Call c -> c.args().forEach(a -> stack.push(new Object[] {a.value(), h + 1}));
                case Expr.Output o -> stack.push(new Object[] {o.of(), h + 1});
                case Expr.Unary u -> stack.push(new Object[] {u.operand(), h + 1});
                case Expr.Binary b -> {
                    stack.push(new Object[] {b.left(), h + 1});
                    stack.push(new Object[] {b.right(), h + 1});
                }
                default -> { }
            }
        }
    }

    // ---- binding

    private Ref bind(Expr e) {
        return switch (e) {
            case Expr.Num n -> constant(n.value(), ValueType.NUMBER);
            case Expr.Bool b -> constant(b.value() ? 1.0 : 0.0, ValueType.CONDITION);
            case Expr.Text t -> throw type(t, "text '" + t.value() + "' can only be the value of a choice parameter, e.g. ma_type='ema'");
            case Expr.Name n -> name(n);
            case Expr.Call c -> {
                Ref r = call(c);
                if (r.output() < 0) {
                    KernelDescriptor d = ((Node.Kernel) r.node()).descriptor();
                    throw type(c, d.name() + " has " + d.outputs().size() + " outputs (" + outputNames(d)
                            + "); pick one, e.g. " + d.name() + "(...)." + d.outputs().get(d.outputs().size() > 1 ? 1 : 0).name());
                }
                yield r;
            }
            case Expr.Output o -> output(o);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
        };
    }

    private static String outputNames(KernelDescriptor d) {
        return String.join(", ", d.outputs().stream().map(o -> o.name()).toList());
    }

    private Ref constant(double v, ValueType type) {
        Node.Constant c = intern("k:" + type + ":" + Double.doubleToLongBits(v), id -> new Node.Constant(id, v, type));
        return new Ref(c, 0);
    }

    private Ref column(String name) {
        return new Ref(intern("c:" + name, id -> new Node.Column(id, name)), 0);
    }

    private Ref name(Expr.Name n) {
        String kernel = DERIVED.get(n.name());
        if (kernel != null) {
            return bind(new Expr.Call(kernel, List.of(), n.span()));
        }
        if (registry.names().contains(n.name())) {
            boolean generic = registry.kernel(n.name()).inputs().stream().anyMatch(in -> !Bars.FIELDS.contains(in));
            throw type(n, "'" + n.name() + "' is a kernel; call it, e.g. " + n.name() + (generic ? "(close)" : "()"));
        }
        return column(n.name());
    }

    private Ref output(Expr.Output o) {
        if (!(o.of() instanceof Expr.Call c)) {
            throw type(o, "only a kernel call has named outputs; '." + o.name() + "' follows " + Printer.print(o.of()));
        }
        Ref r = call(c);
        KernelDescriptor d = ((Node.Kernel) r.node()).descriptor();
        if (r.output() >= 0 && d.outputs().size() > 1 && !d.outputs().get(r.output()).name().equals(o.name())) {
            throw type(o, "'" + c.kernel() + "' already selects output " + d.outputs().get(r.output()).name());
        }
        int i = d.outputIndex(o.name());
        if (i < 0) {
            List<String> outs = d.outputs().stream().map(x -> x.name()).toList();
            String near = Names.closest(o.name(), outs);
            throw binding(o, d.name() + " has no output '" + o.name() + "'" + Names.hint(near) + "; outputs: " + String.join(", ", outs),
                    new UnknownNameException("output", o.name(), near, d.name() + " has no output " + o.name()));
        }
        return new Ref(r.node(), i);
    }

    /** Binds a call; the ref's output is the selected one, or -1 for a multi-output kernel without selection. */
    private Ref call(Expr.Call c) {
        Registry.Entry entry;
        try {
            entry = registry.resolve(c.kernel());
        } catch (UnknownNameException e) {
            throw binding(c, e.getMessage(), e);
        }
        KernelDescriptor d = entry.kernel();
        List<String> inputNames = d.inputs();
        Map<String, Expr> inputs = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Expr> paramSource = new HashMap<>();
        List<String> generic = inputNames.stream().filter(n -> !Bars.FIELDS.contains(n)).toList();
        List<String> fields = inputNames.stream().filter(Bars.FIELDS::contains).toList();

        for (Arg a : c.args()) {
            if (!a.isKeyword()) {
                continue;
            }
            if (inputNames.contains(a.name())) {
                inputs.put(a.name(), a.value());
            } else if (d.params().stream().anyMatch(p -> p.name().equals(a.name()))) {
                ParamSpec spec = d.params().stream().filter(p -> p.name().equals(a.name())).findFirst().orElseThrow();
                params.put(a.name(), literal(d, spec, a.value()));
                paramSource.put(a.name(), a.value());
            } else {
                List<String> known = new ArrayList<>(inputNames);
                d.params().forEach(p -> known.add(p.name()));
                String near = Names.closest(a.name(), known);
                throw binding(a.value(), d.name() + " has no argument '" + a.name() + "'" + Names.hint(near)
                        + "; inputs: " + String.join(", ", inputNames)
                        + (d.params().isEmpty() ? "; no parameters" : "; parameters: "
                                + String.join(", ", d.params().stream().map(ParamSpec::name).toList())),
                        new UnknownNameException("argument", a.name(), near, d.name() + " has no argument " + a.name()));
            }
        }
        List<ParamSpec> freeParams = new ArrayList<>(d.params().stream().filter(p -> !params.containsKey(p.name())).toList());
        List<String> freeInputs = new ArrayList<>(generic.stream().filter(n -> !inputs.containsKey(n)).toList());
        freeInputs.addAll(fields.stream().filter(n -> !inputs.containsKey(n)).toList());
        int genericLeft = (int) generic.stream().filter(n -> !inputs.containsKey(n)).count();
        for (Arg a : c.args()) {
            if (a.isKeyword()) {
                continue;
            }
            boolean literal = a.value() instanceof Expr.Num || a.value() instanceof Expr.Bool || a.value() instanceof Expr.Text
                    || (a.value() instanceof Expr.Unary u && u.op() == Op.NEG && u.operand() instanceof Expr.Num);
            // A series always goes to an input; a literal goes to an input only when no parameter can take it
            // (crossup(rsi(close, 14), 70) broadcasts 70; sma(20) means period=20 on close).
            boolean toInput = !freeInputs.isEmpty() && (!literal || freeParams.isEmpty()) && (!literal || genericLeft > 0);
            if (!literal && freeInputs.isEmpty()) {
                throw type(a.value(), d.name() + " takes no further series input here; parameters must be numbers"
                        + (freeParams.isEmpty() ? "" : " (next: " + freeParams.get(0).name() + ")"));
            }
            if (toInput) {
                String in = freeInputs.remove(0);
                if (!Bars.FIELDS.contains(in)) {
                    genericLeft--;
                }
                inputs.put(in, a.value());
            } else if (!freeParams.isEmpty()) {
                ParamSpec spec = freeParams.remove(0);
                params.put(spec.name(), literal(d, spec, a.value()));
                paramSource.put(spec.name(), a.value());
            } else {
                throw binding(a.value(), d.name() + " takes " + inputNames.size() + " input(s) (" + String.join(", ", inputNames)
                        + ") and " + d.params().size() + " parameter(s); this argument is one too many", null);
            }
        }
        for (String in : generic) {
            if (!inputs.containsKey(in)) {
                if (in.equals("x")) {
                    inputs.put("x", new Expr.Name("close", c.span()));
                } else {
                    throw binding(c, d.name() + " needs input '" + in + "' (inputs: " + String.join(", ", inputNames) + ")", null);
                }
            }
        }
        ParamValues values;
        try {
            values = ParamValues.of(d, params);
            d.lookback(values); // validates ranges and cross-parameter rules
        } catch (InvalidParameterException | UnknownNameException e) {
            Expr culprit = c;
            if (e instanceof InvalidParameterException ip && !ip.parameters().isEmpty() && paramSource.containsKey(ip.parameters().get(0))) {
                culprit = paramSource.get(ip.parameters().get(0));
            }
            throw binding(culprit, e.getMessage(), e);
        }
        List<Ref> refs = new ArrayList<>();
        StringBuilder key = new StringBuilder("K:").append(d.name()).append('(').append(values).append(")[");
        for (String in : inputNames) {
            Expr value = inputs.containsKey(in) ? inputs.get(in) : new Expr.Name(in, c.span());
            Ref r = bind(value);
            refs.add(r);
            key.append(r.node().id()).append('.').append(r.output()).append(',');
        }
        int base = 0;
        for (Ref r : refs) {
            base = Math.max(base, r.lookback());
        }
        int[] lookbacks = new int[d.outputs().size()];
        for (int o = 0; o < lookbacks.length; o++) {
            lookbacks[o] = saturatedAdd(base, d.lookback(values, o));
        }
        Node.Kernel node = intern(key.toString(), id -> new Node.Kernel(id, d, values, refs, lookbacks));
        int output = entry.isSelector() ? entry.output() : (d.outputs().size() == 1 ? 0 : -1);
        return new Ref(node, output);
    }

    private static int saturatedAdd(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }

    /** A parameter's value from a literal argument. */
    private Object literal(KernelDescriptor d, ParamSpec spec, Expr e) {
        if (spec.type() == ParamType.CHOICE) {
            if (e instanceof Expr.Name n) {
                return n.name();
            }
            if (e instanceof Expr.Text t) {
                return t.value();
            }
            throw type(e, d.name() + ": " + spec.name() + " must be " + spec.rangeText() + ", found " + Printer.print(e));
        }
        if (spec.type() == ParamType.BOOL) {
            if (e instanceof Expr.Bool b) {
                return b.value();
            }
            throw type(e, d.name() + ": " + spec.name() + " must be true or false, found " + Printer.print(e));
        }
        double sign = 1;
        Expr v = e;
        if (v instanceof Expr.Unary u && u.op() == Op.NEG) {
            sign = -1;
            v = u.operand();
        }
        if (v instanceof Expr.Num n) {
            return sign * n.value();
        }
        throw type(e, d.name() + ": parameter " + spec.name() + " must be a number (" + spec.rangeText() + "), found "
                + Printer.print(e));
    }

    // ---- operators

    private Ref unary(Expr.Unary u) {
        Ref a = bind(u.operand());
        if (u.op() == Op.NOT) {
            requireCondition(u.operand(), a, "not");
        }
        if (a.node() instanceof Node.Constant k) {
            return constant(Ops.apply(u.op(), k.value()), u.op() == Op.NOT ? ValueType.CONDITION : ValueType.NUMBER);
        }
        Ref in = a;
        return new Ref(intern("O:" + u.op() + "[" + in.node().id() + "." + in.output() + "]",
                id -> new Node.Operator(id, u.op(), List.of(in), in.lookback())), 0);
    }

    private Ref binary(Expr.Binary b) {
        Ref l = bind(b.left());
        Ref r = bind(b.right());
        if (b.op().isLogical()) {
            requireCondition(b.left(), l, b.op().symbol());
            requireCondition(b.right(), r, b.op().symbol());
        }
        if (l.node() instanceof Node.Constant kl && r.node() instanceof Node.Constant kr) {
            return constant(Ops.apply(b.op(), kl.value(), kr.value()), b.op().isArithmetic() ? ValueType.NUMBER : ValueType.CONDITION);
        }
        int lookback = Math.max(l.lookback(), r.lookback());
        return new Ref(intern("O:" + b.op() + "[" + l.node().id() + "." + l.output() + "," + r.node().id() + "." + r.output() + "]",
                id -> new Node.Operator(id, b.op(), List.of(l, r), lookback)), 0);
    }

    private void requireCondition(Expr e, Ref r, String op) {
        if (r.type() != ValueType.CONDITION) {
            throw type(e, "'" + op + "' needs conditions, but " + Printer.print(e) + " is a number; compare it, e.g. "
                    + Printer.print(e) + " > 0");
        }
    }
}
