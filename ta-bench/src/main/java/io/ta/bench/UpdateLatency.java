package io.ta.bench;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The worst single stream update, which a live feed feels more than the mean: a kernel's stream over a random walk,
 * each {@code update} timed on its own with {@link System#nanoTime}, the first third of the updates left out as
 * warm-up (docs/performance-log.md, "Worst single stream update, by state part"). Through the registry API only, so the
 * same source runs against builds before and after a change:
 *
 * <pre>
 * java -cp ta-bench/target/benchmarks.jar io.ta.bench.UpdateLatency [kernel] [period] [updates]
 * </pre>
 *
 * Defaults: sma, 100,000, 3,000,000. Prints, per run, the worst update and how many took over 1, 10 and 100 µs.
 */
public final class UpdateLatency {
    private UpdateLatency() {}

    public static void main(String[] args) {
        String kernel = args.length > 0 ? args[0] : "sma";
        int period = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 3_000_000;
        KernelDescriptor d = NumericsReport.kernel(kernel);
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[n];
        double v = 100.0;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            x[i] = v;
        }
        double[] bar = new double[d.inputs().size()];
        for (int run = 0; run < 3; run++) {
            KernelStream s = d.newStream(ParamValues.of(d, Map.of("period", period)));
            double[] out = new double[d.outputs().size()];
            long worst = 0;
            long[] over = new long[3];
            for (int i = 0; i < n; i++) {
                Arrays.fill(bar, x[i]);
                long t0 = System.nanoTime();
                s.update(bar, out);
                long dt = System.nanoTime() - t0;
                if (i >= n / 3) {
                    worst = Math.max(worst, dt);
                    over[0] += dt > 1_000 ? 1 : 0;
                    over[1] += dt > 10_000 ? 1 : 0;
                    over[2] += dt > 100_000 ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "%s(period=%d), %d updates timed: worst %.1f µs; over 1 µs: %d,"
                    + " over 10 µs: %d, over 100 µs: %d%n", kernel, period, n - n / 3, worst / 1e3, over[0], over[1],
                    over[2]);
        }
    }
}
