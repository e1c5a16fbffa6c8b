package io.ta.runtime.plan;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.runtime.Bars;
import io.ta.runtime.time.TimeSpec;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical expression of a plan's value: rebuilt from the DAG, never from the source, so every spelling of one
 * computation — text with aliases, omitted defaults, keyword or positional arguments, {@code 14.0} for {@code 14}, or
 * the fluent API — prints the same. Kernels by canonical name with every parameter (defaults filled, choices in their
 * canonical spelling); non-constant series inputs positional, then parameters positional up to the first choice; a
 * bar-field input reading its own column is left implicit; everything else by keyword. The text parses back into the
 * same plan, with one exception: a timeframe whose inner expression mixes an aggregated series with a kernel that
 * reads bar fields implicitly prints in a form that reads those fields on the base bars.
 */
final class Canonical {
    private final Map<Node, Expr[]> memo = new HashMap<>();
    private final Map<String, Expr> columns;

    /** {@code columns} replaces column names (a timeframe's synthetic columns); empty for a top-level plan. */
    Canonical(Map<String, Expr> columns) {
        this.columns = columns;
    }

    /**
     * The expression of one output of a node. Nodes are numbered topologically, so each input is built before the
     * nodes reading it (no recursion), and a node shared by several readers is one {@code Expr} object.
     */
    Expr of(List<Node> nodes, Ref ref) {
        for (Node n : nodes) {
            if (!memo.containsKey(n)) {
                memo.put(n, build(n));
            }
            if (n == ref.node()) {
                break;
            }
        }
        return memo.get(ref.node())[ref.output()];
    }

    private Expr in(Ref r) {
        return memo.get(r.node())[r.output()];
    }

    private Expr[] build(Node n) {
        return switch (n) {
            case Node.Column c -> new Expr[] {columns.getOrDefault(c.name(), new Expr.Name(c.name()))};
            case Node.Constant k -> new Expr[] {constant(k)};
            case Node.Operator o -> new Expr[] {o.inputs().size() == 1 ? new Expr.Unary(o.op(), in(o.inputs().get(0)))
                    : new Expr.Binary(o.op(), in(o.inputs().get(0)), in(o.inputs().get(1)))};
            case Node.Kernel k -> kernel(k);
            case Node.Timed t -> new Expr[] {timed(t)};
        };
    }

    /** A constant as DSL text that folds back to it; also how {@code explain} shows it. */
    static Expr constant(Node.Constant k) {
        // NaN (a folded 0 / 0) has no literal; 0 / 0 folds back to it, and 0 / 0 > 0 to a condition that is NaN (a
        // comparison with a constant operand that is missing on every bar), which is neither true nor false.
        boolean condition = k.type(0) == ValueType.CONDITION;
        if (!Double.isNaN(k.value())) {
            return condition ? new Expr.Bool(k.value() != 0) : new Expr.Num(k.value());
        }
        Expr nan = new Expr.Binary(Expr.Op.DIV, new Expr.Num(0), new Expr.Num(0));
        return condition ? new Expr.Binary(Expr.Op.GT, nan, new Expr.Num(0)) : nan;
    }

    private Expr[] kernel(Node.Kernel k) {
        KernelDescriptor d = k.descriptor();
        List<Arg> args = new ArrayList<>();
        boolean positional = true;
        List<String> inputs = d.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i);
            if (Bars.FIELDS.contains(name)) {
                continue;
            }
            Ref r = k.inputs().get(i);
            // A positional constant would bind to the next parameter, so constants and what follows go by keyword.
            positional &= !(r.node() instanceof Node.Constant);
            args.add(positional ? Arg.of(in(r)) : Arg.named(name, in(r)));
        }
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i);
            Ref r = k.inputs().get(i);
            if (Bars.FIELDS.contains(name) && !(r.node() instanceof Node.Column c && c.name().equals(name) && !columns.containsKey(name))) {
                positional = false;
                args.add(Arg.named(name, in(r)));
            }
        }
        ParamValues p = k.params();
        for (int i = 0; i < d.params().size(); i++) {
            ParamSpec s = d.params().get(i);
            positional &= s.type() != ParamType.CHOICE;
            Expr v = switch (p.get(i)) {
                case Integer x -> new Expr.Num(x);
                case Double x -> new Expr.Num(x);
                case Boolean x -> new Expr.Bool(x);
                case Object x -> new Expr.Name(String.valueOf(x));
            };
            args.add(positional ? Arg.of(v) : Arg.named(s.name(), v));
        }
        Expr call = new Expr.Call(d.name(), args);
        Expr[] out = new Expr[d.outputs().size()];
        for (int o = 0; o < out.length; o++) {
            out[o] = out.length == 1 ? call : new Expr.Output(call, d.outputs().get(o).name());
        }
        return out;
    }

    private Expr timed(Node.Timed t) {
        return switch (t.spec()) {
            case TimeSpec.Lag l -> new Expr.Call(l.kind().name().toLowerCase(Locale.ROOT), List.of(Arg.of(in(t.inputs().get(0))),
                    Arg.of(new Expr.Text(l.text()))));
            case TimeSpec.Session s -> {
                String name = "session_" + s.kind().name().toLowerCase(Locale.ROOT);
                Expr tf = new Expr.Text(s.timeframe().toString());
                yield new Expr.Call(name, t.inputs().isEmpty() ? List.of(Arg.of(tf)) : List.of(Arg.of(in(t.inputs().get(0))), Arg.of(tf)));
            }
            case TimeSpec.Frame f -> frame(t, f);
        };
    }

    /**
     * A timeframe node, shown on the base bars: {@code upsample(timeframe(inner, 'tf'))} when the inner expression
     * reads base columns only; otherwise {@code upsample} of the inner expression with each aggregated series as
     * {@code downsample(series, 'tf', agg)} and each base column as {@code timeframe(column, 'tf')}, which the planner
     * keeps on the timeframe.
     */
    private Expr frame(Node.Timed t, TimeSpec.Frame f) {
        PlanGraph inner = f.inner();
        List<String> cols = inner.columns();
        Expr tf = new Expr.Text(f.timeframe().toString());
        boolean synthetic = cols.stream().anyMatch(c -> c.startsWith("$"));
        Map<String, Expr> replace = new HashMap<>();
        for (int i = 0; i < cols.size() && synthetic; i++) {
            String c = cols.get(i);
            replace.put(c, c.startsWith("$")
                    ? new Expr.Call("downsample", List.of(Arg.of(in(t.inputs().get(i))), Arg.of(tf),
                            Arg.of(new Expr.Name(f.aggs().get(i).name().toLowerCase(Locale.ROOT)))))
                    : new Expr.Call("timeframe", List.of(Arg.of(new Expr.Name(c)), Arg.of(tf))));
        }
        Expr body = new Canonical(replace).of(inner.nodes(), inner.root());
        // upsample: the node is the coarse value shown on the base bars, so a kernel reading it runs on the base bars
        return new Expr.Call("upsample", List.of(Arg.of(synthetic ? body : new Expr.Call("timeframe", List.of(Arg.of(body), Arg.of(tf))))));
    }
}
