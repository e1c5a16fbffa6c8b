package io.ta.bench;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The numbers of issue 8 ("numbers you can trust"), measured the way the issue measured them, through the registry
 * API only so the same source runs against the build before the change and after it (docs/performance.md, "Exact
 * numerics"):
 *
 * <pre>
 * java -cp ta-bench/target/benchmarks.jar io.ta.bench.NumericsReport golden/data/ttrc-daily.csv [--long]
 * </pre>
 *
 * {@code --long} adds the 2³¹-update streams of kama and ht_dcperiod (a minute or more each). Section 6 measures
 * the known limitation of the window sums: what a dominant tick leaves in the window after it has left.
 */
public final class NumericsReport {
    private NumericsReport() {}

    static KernelDescriptor kernel(String name) {
        for (KernelDescriptor d : KernelLoader.load(Thread.currentThread().getContextClassLoader()).kernels()) {
            if (d.name().equals(name) || d.aliases().contains(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no kernel named " + name);
    }

    static double[][] batch(String name, Map<String, ?> params, double[]... inputs) {
        KernelDescriptor d = kernel(name);
        return d.batch(ParamValues.of(d, params), inputs);
    }

    static double last(double[] x) {
        return x[x.length - 1];
    }

    static double[] times(double[] x, double c) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
        return out;
    }

    private static final MathContext EXACT = new MathContext(60);

    /** Population standard deviation of the last n values, two-pass in exact arithmetic. */
    static double exactStd(double[] window) {
        return Math.sqrt(comoment(window, window).divide(BigDecimal.valueOf(window.length), EXACT).doubleValue());
    }

    /** The sample covariance of two equal-length windows, two-pass in 60-digit decimals. */
    static double exactCov(double[] x, double[] y) {
        return comoment(x, y).divide(BigDecimal.valueOf(x.length - 1), EXACT).doubleValue();
    }

    /** {@code Σ(x − x̄)(y − ȳ)} of two equal-length windows, two-pass in 60-digit decimals. */
    private static BigDecimal comoment(double[] x, double[] y) {
        BigDecimal sx = BigDecimal.ZERO;
        BigDecimal sy = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            sx = sx.add(new BigDecimal(x[i]));
            sy = sy.add(new BigDecimal(y[i]));
        }
        BigDecimal mx = sx.divide(BigDecimal.valueOf(x.length), EXACT);
        BigDecimal my = sy.divide(BigDecimal.valueOf(x.length), EXACT);
        BigDecimal c = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            c = c.add(new BigDecimal(x[i]).subtract(mx).multiply(new BigDecimal(y[i]).subtract(my)));
        }
        return c;
    }

    static void line(String what, double got, double expected) {
        double err = Math.abs(got - expected) / Math.max(Math.abs(expected), Double.MIN_NORMAL);
        System.out.printf(Locale.ROOT, "  %-58s %-22s exact %-22s rel. error %.2g%n", what, fmt(got), fmt(expected), err);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.10g", v);
    }

    /** Streams {@code n} updates of a walk near {@code level} with steps of {@code step} through {@code name}. */
    static double[] stream(String name, Map<String, ?> params, long n, double level, double step, int keep, double[][] tail) {
        KernelDescriptor d = kernel(name);
        KernelStream s = d.newStream(ParamValues.of(d, params));
        SplittableRandom r = new SplittableRandom(8);
        int chunk = 1 << 16;
        double[][] in = new double[1][chunk];
        double[][] out = new double[d.outputs().size()][chunk];
        double v = level;
        double[] recent = new double[keep];
        long done = 0;
        while (done < n) {
            int len = (int) Math.min(chunk, n - done);
            for (int i = 0; i < len; i++) {
                v += step * r.nextGaussian();
                in[0][i] = v;
                recent[(int) ((done + i) % keep)] = v;
            }
            s.updateRange(in, out, 0, len);
            done += len;
        }
        double[] ordered = new double[keep];
        for (int i = 0; i < keep; i++) {
            ordered[i] = recent[(int) ((done + i) % keep)];
        }
        tail[0] = ordered;
        double[] last = new double[out.length];
        int at = (int) ((n - 1) % chunk);
        for (int o = 0; o < out.length; o++) {
            last[o] = out[o][at];
        }
        return last;
    }

    public static void main(String[] args) throws IOException {
        double[][] columns = columns(Path.of(args.length > 0 ? args[0] : "golden/data/ttrc-daily.csv"));
        double[] close = columns[3];
        boolean longRuns = List.of(args).contains("--long");
        int n = close.length;
        Map<String, Integer> p20 = Map.of("period", 20);

        System.out.println("1. One bad tick (row 1001 of ttrc-daily.csv), read at the last bar");
        double[] exactWindow = java.util.Arrays.copyOfRange(close, n - 20, n);
        double[] bad = close.clone();
        bad[1000] = 1e8;
        line("stddev(close, 20) after a 1e8 tick", last(batch("rolling_std", Map.of("period", 20, "nbdev", 1.0), bad)[0]), exactStd(exactWindow));
        line("var(close, 20) after a 1e8 tick", last(batch("var", p20, bad)[0]), Math.pow(exactStd(exactWindow), 2));
        double[][] bands = batch("bbands", Map.of("period", 20, "std_dev", 2.0), bad);
        line("bbands(close, 20, 2) width after a 1e8 tick", last(bands[0]) - last(bands[2]), 4 * exactStd(exactWindow));
        bad[1000] = 1e20;
        double mean = 0;
        for (double v : exactWindow) {
            mean += v / 20;
        }
        line("sma(close, 20) after a 1e20 tick", last(batch("sma", p20, bad)[0]), mean);

        System.out.println("2. Long streams: a walk near 1e6 (exact = two-pass over the last window)");
        double[][] tail = new double[1][];
        for (long updates : new long[] {1_000_000L, 10_000_000L}) {
            double got = stream("rolling_std", Map.of("period", 20, "nbdev", 1.0), updates, 1e6, 1.0, 20, tail)[0];
            line("stddev(20) after " + updates + " updates, steps 1.0", got, exactStd(tail[0]));
            got = stream("var", p20, updates, 1e6, 0.01, 20, tail)[0];
            line("var(20) after " + updates + " updates, steps 0.01", got, Math.pow(exactStd(tail[0]), 2));
        }
        int rows = 3_000_000;
        double[] walk = new double[rows];
        SplittableRandom r = new SplittableRandom(3);
        double v = 1e6;
        for (int i = 0; i < rows; i++) {
            v += r.nextGaussian();
            walk[i] = v;
        }
        double[] sma3 = batch("sma", Map.of("period", 3), walk)[0];
        double full = last(batch("correl", Map.of("period", 30), walk, sma3)[0]);
        double[] lastWalk = java.util.Arrays.copyOfRange(walk, rows - 60, rows);
        double[] lastSma = batch("sma", Map.of("period", 3), lastWalk)[0];
        line("correl(x, sma(x, 3), 30), 3M rows vs the last 60 alone", full, last(batch("correl", Map.of("period", 30), lastWalk, lastSma)[0]));

        // A spread 1e-9 of the level: a running mean's rounding (a few ulps of 1e6) is then large next to the deviations.
        double[] cx = new double[200_000];
        double[] cy = new double[cx.length];
        SplittableRandom rc = new SplittableRandom(7);
        double u = 1e6;
        double w = 1e6;
        for (int i = 0; i < cx.length; i++) {
            u += 1e-3 * rc.nextGaussian();
            w += 1e-3 * rc.nextGaussian();
            cx[i] = u;
            cy[i] = 0.5 * u + 0.5 * w;
        }
        double[] cov = batch("rolling_cov", Map.of("period", 10, "sample", true), cx, cy)[0];
        double worst = 0;
        for (int t = cx.length - 2_000; t < cx.length; t++) {
            double[] wx = java.util.Arrays.copyOfRange(cx, t - 9, t + 1);
            double[] wy = java.util.Arrays.copyOfRange(cy, t - 9, t + 1);
            // In units of √(var x·var y), the covariance's natural scale (a correlation's error).
            worst = Math.max(worst, Math.abs(cov[t] - exactCov(wx, wy)) / Math.sqrt(exactCov(wx, wx) * exactCov(wy, wy)));
        }
        System.out.printf(Locale.ROOT, "  %-58s worst error / √(var x·var y) %.2g%n", "rolling_cov(x, y, 10), last 2k of 200k rows near 1e6, steps 1e-3", worst);

        System.out.println("3. Small prices (the same series times c, result divided by c)");
        double std = last(batch("rolling_std", Map.of("period", 20, "nbdev", 1.0), close)[0]);
        line("stddev(close*1e-3, 20)*1e3", last(batch("rolling_std", Map.of("period", 20, "nbdev", 1.0), times(close, 1e-3))[0]) * 1e3, std);
        double[][] small = batch("bbands", Map.of("period", 20, "std_dev", 2.0), times(close, 1e-4));
        double[][] normal = batch("bbands", Map.of("period", 20, "std_dev", 2.0), close);
        line("bbands width of close*1e-4, times 1e4", (last(small[0]) - last(small[2])) * 1e4, last(normal[0]) - last(normal[2]));
        line("stddev(close*1e-6, 20)*1e6", last(batch("rolling_std", Map.of("period", 20, "nbdev", 1.0), times(close, 1e-6))[0]) * 1e6, std);
        line("rsi(close*1e-6, 14)", last(batch("rsi", Map.of("period", 14), times(close, 1e-6))[0]), last(batch("rsi", Map.of("period", 14), close)[0]));
        double[] other = java.util.Arrays.copyOf(close, n);
        for (int i = 1; i < n; i++) {
            other[i] = other[i - 1] * (1 + 0.5 * (close[i] / close[i - 1] - 1)) + 0.01 * Math.sin(i);
        }
        line("beta(close*1e-6, other*1e-6, 5)", last(batch("beta", Map.of("period", 5), times(close, 1e-6), times(other, 1e-6))[0]),
                last(batch("beta", Map.of("period", 5), close, other)[0]));

        System.out.println("4. Counters (kama, ht_dcperiod: one output after 2^31 + 1000 updates)");
        if (longRuns) {
            for (String k : List.of("kama", "ht_dcperiod")) {
                double got = stream(k, Map.of(), (1L << 31) + 1000, 100, 0.01, 1, tail)[0];
                System.out.printf(Locale.ROOT, "  %-58s %s%n", k + " after 2^31 + 1000 updates", fmt(got) + (Double.isNaN(got) ? "  (NaN: overflowed)" : ""));
            }
        } else {
            System.out.println("  (run with --long)");
        }

        System.out.println("5. Cost of one preview + update + replaceLast, period 100,000 vs 10 (best of 5 rounds of 200 bars)");
        for (String k : List.of("cci", "avgdev", "rolling_median", "rolling_sum", "var", "correl", "linearreg", "wma")) {
            double slow = perBar(k, 100_000);
            double fast = perBar(k, 10);
            System.out.printf(Locale.ROOT, "  %-16s %10.3f µs at 100,000 %8.3f µs at 10  ratio %.1f%n", k, slow / 1e3, fast / 1e3, slow / fast);
        }

        for (double tick : new double[] {1e8, 1e16}) {
            System.out.println("6. The window after a tick left: bar 1000 of every price and volume times " + tick);
            tickResidue(columns, tick);
        }
    }

    /**
     * Section 6: each kernel at its default parameters over the daily bars, with bar 1000 of every input that has a
     * unit (prices, volumes) multiplied by {@code tick}. Prints the kernels whose outputs, in the window after the tick
     * has left it, differ from a run started after the tick by more than 1e-12 of that run's largest output there, and
     * how far they are one window later (docs/contracts.md, "Extreme values": the known limitation). Kernels that
     * remember more than a window (a clean run and the later one disagree) are left out.
     */
    static void tickResidue(double[][] columns, double tick) {
        int t = 1000;
        Map<String, Integer> at = Map.of("open", 0, "high", 1, "low", 2, "close", 3, "volume", 4);
        int shown = 0;
        for (KernelDescriptor d : KernelLoader.load(Thread.currentThread().getContextClassLoader()).kernels()) {
            ParamValues p = ParamValues.defaults(d);
            int w = d.lookback(p) + 1;
            int n = columns[0].length;
            if (t + 3 * w > n) {
                continue;
            }
            double[][] in = new double[d.inputs().size()][];
            double[][] hit = new double[in.length][];
            double[][] later = new double[in.length][];
            for (int i = 0; i < in.length; i++) {
                in[i] = columns[at.getOrDefault(d.inputs().get(i), 3)];
                hit[i] = in[i].clone();
                if (d.inputScale(i) != io.ta.annotation.Scale.UNITLESS) {
                    hit[i][t] = hit[i][t] == 0 ? tick : hit[i][t] * tick;
                }
                later[i] = java.util.Arrays.copyOfRange(in[i], t + 1, n);
            }
            double[][] clean = d.batch(p, in);
            double[][] fresh = d.batch(p, later);
            if (distance(clean, fresh, t + 1, t + w, t + 3 * w) > 1e-9) {
                continue;
            }
            double[][] spiked = d.batch(p, hit);
            double after = distance(spiked, fresh, t + 1, t + w, t + 2 * w);
            if (after > 1e-12) {
                double next = distance(spiked, fresh, t + 1, t + 2 * w, t + 3 * w);
                System.out.printf(Locale.ROOT, "  %-20s window %4d: %9.2e in the window after, %9.2e one window"
                        + " later%n", d.name(), w, after, next);
                shown++;
            }
        }
        System.out.println("  (" + shown + " kernels over 1e-12)");
    }

    /**
     * The largest |a − b| over bars {@code [from, to)} of each output, relative to the largest |b| there ({@code b}
     * starts at bar {@code start}); infinite where one is NaN and the other is not.
     */
    static double distance(double[][] a, double[][] b, int start, int from, int to) {
        double worst = 0;
        for (int o = 0; o < a.length; o++) {
            double scale = 0;
            for (int t = from; t < to; t++) {
                double v = b[o][t - start];
                if (Math.abs(v) <= Double.MAX_VALUE) {
                    scale = Math.max(scale, Math.abs(v));
                }
            }
            for (int t = from; t < to; t++) {
                double x = a[o][t];
                double y = b[o][t - start];
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    worst = Double.isNaN(x) == Double.isNaN(y) ? worst : Double.POSITIVE_INFINITY;
                } else {
                    worst = Math.max(worst, Math.abs(x - y) / Math.max(scale, Double.MIN_NORMAL));
                }
            }
        }
        return worst;
    }

    /** The open, high, low, close and volume columns of a daily CSV (time first). */
    static double[][] columns(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        double[][] c = new double[5][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int k = 0; k < 5; k++) {
                c[k][i - 1] = Double.parseDouble(f[k + 1]);
            }
        }
        return c;
    }

    static double perBar(String name, int period) {
        KernelDescriptor d = kernel(name);
        KernelStream s = d.newStream(ParamValues.of(d, Map.of("period", period)));
        BenchData data = new BenchData(period + 1200);
        double[][] in = new double[d.inputs().size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = switch (d.inputs().get(i)) {
                case "high" -> data.high;
                case "low" -> data.low;
                case "y" -> data.open;
                default -> data.close;
            };
        }
        s.updateRange(in, new double[d.outputs().size()][in[0].length], 0, period);
        double[] bar = new double[in.length];
        double[] out = new double[d.outputs().size()];
        double best = Double.POSITIVE_INFINITY;
        int t = period;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 200; i++, t++) {
                for (int k = 0; k < bar.length; k++) {
                    bar[k] = in[k][t];
                }
                s.preview(bar, out);
                s.update(bar, out);
                s.replaceLast(bar, out);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 200.0);
        }
        return best;
    }
}
