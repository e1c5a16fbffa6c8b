package io.ta.runtime.exec;

import io.ta.annotation.OutputKind;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.kernels.testing.KernelCase;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.plan.Ops;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random expressions over every registered kernel, and the naive reference evaluator the executors are checked
 * against: recursive, node-at-a-time, one full-length array per subexpression, kernels through
 * {@link KernelDescriptor#batch} — nothing shared with the planner or the block executor except operator semantics.
 */
final class RandomPlans {
    static final List<String> FIELDS = Bars.FIELDS;

    private RandomPlans() {}

    /** A random expression of at most {@code depth} levels; {@code condition} asks for a condition-typed one. */
    static Expr expression(SplittableRandom r, int depth, boolean condition) {
        if (condition) {
            return switch (depth <= 0 ? 0 : r.nextInt(4)) {
                case 0, 1 -> new Expr.Binary(new Op[] {Op.GT, Op.LT, Op.GE, Op.LE, Op.EQ, Op.NE}[r.nextInt(6)],
                        expression(r, depth - 1, false), expression(r, depth - 1, false));
                case 2 -> new Expr.Binary(r.nextBoolean() ? Op.AND : Op.OR, expression(r, depth - 1, true), expression(r, depth - 1, true));
                default -> new Expr.Unary(Op.NOT, expression(r, depth - 1, true));
            };
        }
        int choice = depth <= 0 ? r.nextInt(2) : r.nextInt(10);
        return switch (choice) {
            case 0 -> new Expr.Name(FIELDS.get(r.nextInt(FIELDS.size())));
            case 1 -> new Expr.Num(Math.rint(r.nextGaussian() * 100) / 10);
            case 2, 3 -> new Expr.Binary(new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW}[r.nextInt(r.nextInt(8) == 0 ? 6 : 4)],
                    expression(r, depth - 1, false), expression(r, depth - 1, false));
            case 4 -> new Expr.Unary(Op.NEG, expression(r, depth - 1, false));
            case 5 -> expression(r, depth - 1, true);
            default -> call(r, depth - 1);
        };
    }

    static Expr call(SplittableRandom r, int depth) {
        List<KernelDescriptor> all = Registry.standard().kernels();
        KernelDescriptor d = all.get(r.nextInt(all.size()));
        ParamValues p = KernelCase.params(d, r);
        List<Arg> args = new ArrayList<>();
        for (String in : d.inputs()) {
            if (FIELDS.contains(in) && r.nextInt(3) != 0) {
                continue; // implicit binding to the bar field
            }
            args.add(Arg.named(in, expression(r, depth, d.kind() == OutputKind.FLAG && r.nextInt(4) == 0)));
        }
        for (int i = 0; i < d.params().size(); i++) {
            ParamSpec s = d.params().get(i);
            Object v = p.get(i);
            Expr lit = switch (s.type()) {
                case INT -> new Expr.Num((Integer) v);
                case REAL -> new Expr.Num((Double) v);
                case BOOL -> new Expr.Bool((Boolean) v);
                case CHOICE -> new Expr.Name((String) v);
            };
            args.add(Arg.named(s.name(), lit));
        }
        Expr call = new Expr.Call(d.name(), args);
        if (d.outputs().size() > 1) {
            return new Expr.Output(call, d.outputs().get(r.nextInt(d.outputs().size())).name());
        }
        return call;
    }

    /** Naive, node-at-a-time reference evaluation over full arrays. */
    static double[] evaluate(Expr e, Bars bars) {
        int n = bars.length();
        return switch (e) {
            case Expr.Num num -> filled(n, num.value());
            case Expr.Bool b -> filled(n, b.value() ? 1 : 0);
            case Expr.Name name -> bars.column(name.name()).clone();
            case Expr.Call c -> kernel(c, bars, -1);
            case Expr.Output o -> {
                Expr.Call c = (Expr.Call) o.of();
                yield kernel(c, bars, Registry.standard().kernel(c.kernel()).outputIndex(o.name()));
            }
            case Expr.Unary u -> {
                double[] a = evaluate(u.operand(), bars);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Ops.apply(u.op(), a[i]);
                }
                yield out;
            }
            case Expr.Binary b -> {
                double[] x = evaluate(b.left(), bars);
                double[] y = evaluate(b.right(), bars);
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Ops.apply(b.op(), x[i], y[i]);
                }
                yield out;
            }
            case Expr.Text t -> throw new AssertionError(t);
        };
    }

    private static double[] kernel(Expr.Call c, Bars bars, int output) {
        KernelDescriptor d = Registry.standard().kernel(c.kernel());
        Map<String, Expr> named = new LinkedHashMap<>();
        for (Arg a : c.args()) {
            named.put(a.name(), a.value());
        }
        double[][] inputs = new double[d.inputs().size()][];
        for (int i = 0; i < inputs.length; i++) {
            String in = d.inputs().get(i);
            inputs[i] = named.containsKey(in) ? evaluate(named.get(in), bars) : bars.column(in).clone();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (ParamSpec s : d.params()) {
            Expr v = named.get(s.name());
            params.put(s.name(), switch (v) {
                case Expr.Num num -> s.type() == io.ta.spi.ParamType.INT ? (Object) (int) num.value() : (Object) num.value();
                case Expr.Bool b -> b.value();
                case Expr.Name name -> name.name();
                default -> throw new AssertionError(v);
            });
        }
        double[][] out = d.batch(ParamValues.of(d, params), inputs);
        return out[Math.max(output, 0)];
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
