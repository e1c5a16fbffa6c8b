package io.ta.runtime.exec;

import io.ta.annotation.OutputKind;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.testing.KernelCase;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.plan.Ops;
import io.ta.runtime.resample.Resample;
import io.ta.runtime.time.Timeframe;
import java.time.ZoneOffset;
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
 * Time constructs appear as {@code upsample(timeframe(x, tf))} and {@code shift|change|change_pct|roc(x, duration)};
 * the reference evaluates them through {@link Resample} and a backwards scan over the timestamps.
 */
public final class RandomPlans {
    static final List<String> FIELDS = Bars.FIELDS;
    static final List<String> TIMEFRAMES = List.of("3", "15m", "1h", "4h", "1d", "1w", "1M");
    static final List<String> LAGS = List.of("shift", "change", "change_pct", "roc");
    static final List<String> DURATIONS = List.of("30m", "1h", "90m", "1d");

    private RandomPlans() {}

    /** A random expression of at most {@code depth} levels; {@code condition} asks for a condition-typed one. */
    public static Expr expression(SplittableRandom r, int depth, boolean condition) {
        return expression(r, depth, condition, true);
    }

    /** {@code timed}: whether time constructs may appear (not inside a timeframe: timeframes do not nest). */
    static Expr expression(SplittableRandom r, int depth, boolean condition, boolean timed) {
        if (condition) {
            return switch (depth <= 0 ? 0 : r.nextInt(4)) {
                case 0, 1 -> new Expr.Binary(new Op[] {Op.GT, Op.LT, Op.GE, Op.LE, Op.EQ, Op.NE}[r.nextInt(6)],
                        expression(r, depth - 1, false, timed), expression(r, depth - 1, false, timed));
                case 2 -> new Expr.Binary(r.nextBoolean() ? Op.AND : Op.OR, expression(r, depth - 1, true, timed), expression(r, depth - 1, true, timed));
                default -> new Expr.Unary(Op.NOT, expression(r, depth - 1, true, timed));
            };
        }
        int choice = depth <= 0 ? r.nextInt(2) : r.nextInt(timed ? 12 : 10);
        return switch (choice) {
            case 10 -> new Expr.Call("upsample", List.of(Arg.of(new Expr.Call("timeframe", List.of(Arg.of(expression(r, depth - 1, false, false)),
                    Arg.of(new Expr.Text(TIMEFRAMES.get(r.nextInt(TIMEFRAMES.size())))))))));
            case 11 -> new Expr.Call(LAGS.get(r.nextInt(LAGS.size())), List.of(Arg.of(expression(r, depth - 1, false, timed)),
                    Arg.of(new Expr.Text(DURATIONS.get(r.nextInt(DURATIONS.size()))))));
            case 0 -> new Expr.Name(FIELDS.get(r.nextInt(FIELDS.size())));
            case 1 -> new Expr.Num(Math.rint(r.nextGaussian() * 100) / 10);
            case 2, 3 -> new Expr.Binary(new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW}[r.nextInt(r.nextInt(8) == 0 ? 6 : 4)],
                    expression(r, depth - 1, false, timed), expression(r, depth - 1, false, timed));
            case 4 -> new Expr.Unary(Op.NEG, expression(r, depth - 1, false, timed));
            case 5 -> expression(r, depth - 1, true, timed);
            default -> call(r, depth - 1, timed);
        };
    }

    /** A random kernel call (one output of a multi-output kernel), its inputs at most {@code depth} levels deep. */
    public static Expr call(SplittableRandom r, int depth) {
        return call(r, depth, false);
    }

    static Expr call(SplittableRandom r, int depth, boolean timed) {
        List<KernelDescriptor> all = Registry.standard().kernels();
        KernelDescriptor d = all.get(r.nextInt(all.size()));
        ParamValues p = KernelCase.params(d, r);
        List<Arg> args = new ArrayList<>();
        for (String in : d.inputs()) {
            if (FIELDS.contains(in) && r.nextInt(3) != 0) {
                continue; // implicit binding to the bar field
            }
            args.add(Arg.named(in, expression(r, depth, d.kind() == OutputKind.FLAG && r.nextInt(4) == 0, timed)));
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
    public static double[] evaluate(Expr e, Bars bars) {
        int n = bars.length();
        return switch (e) {
            case Expr.Num num -> filled(n, num.value());
            case Expr.Bool b -> filled(n, b.value() ? 1 : 0);
            case Expr.Name name -> bars.column(name.name()).clone();
            case Expr.Call c when c.kernel().equals("upsample") -> upsampled((Expr.Call) c.args().get(0).value(), bars);
            case Expr.Call c when c.args().size() == 2 && c.args().get(1).value() instanceof Expr.Text t -> lagged(c.kernel(),
                    evaluate(c.args().get(0).value(), bars), bars, t.value());
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

    /**
     * {@code timeframe(x, tf)} the slow way: {@link Resample} cuts the coarse bars, each stamped with the moment it
     * closes (a forming count at the earliest it can), x is evaluated on them, and {@link Resample#sync} shows each
     * on the base bars from its stamp on.
     */
    private static double[] upsampled(Expr.Call frame, Bars bars) {
        Timeframe tf = Timeframe.parse(((Expr.Text) frame.args().get(1).value()).value());
        Bars coarse = Resample.resample(bars, tf, ZoneOffset.UTC);
        double[] x = evaluate(frame.args().get(0).value(), coarse);
        return Resample.sync(coarse.times(), x, bars.times(), Resample.Fill.FFILL);
    }

    /** A wall-clock lag by scanning back from every bar: the latest bar at or before t − d. */
    private static double[] lagged(String kind, double[] x, Bars bars, String duration) {
        long d = Timeframe.duration(duration);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double p = Double.NaN;
            for (int j = i - 1; j >= 0; j--) {
                if (bars.time(j) <= bars.time(i) - d) {
                    p = Double.isFinite(x[j]) ? x[j] : Double.NaN;
                    break;
                }
            }
            out[i] = switch (kind) {
                case "shift" -> p;
                case "change" -> Ops.apply(Op.SUB, x[i], p);
                case "change_pct" -> Ops.apply(Op.MUL, 100, Ops.apply(Op.DIV, Ops.apply(Op.SUB, x[i], p), p));
                default -> Double.isFinite(x[i]) && Double.isFinite(p) ? (p != 0 ? (x[i] / p - 1) * 100 : 0) : Double.NaN;
            };
            // A rate of finite values can pass the largest double; no result is infinite (docs/dsl.md).
            out[i] = Double.isFinite(out[i]) ? out[i] : Double.NaN;
        }
        return out;
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
