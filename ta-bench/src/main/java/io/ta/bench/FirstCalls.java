package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.Registry;
import java.util.Locale;

/**
 * A kernel's batch from the first call in a fresh JVM on: what a program that computes an indicator once over a long
 * series pays, where every other benchmark here reports the steady state after thousands of calls
 * (docs/performance.md, "The first calls"). One kernel per JVM, so that its first call is the JVM's first.
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -Xms1g -Xmx1g -cp ta-bench/target/benchmarks.jar io.ta.bench.FirstCalls
 * KERNEL [bars] [calls]} (default 1,000,000 bars, 40 calls). KERNEL is one of sma, ema, wma, rsi, max, bbands, macd,
 * or smaTalib, emaTalib, wmaTalib, rsiTalib, maxTalib for TA-Lib's Java port on the same bars; or strategy for
 * {@link PlanBench#STRATEGY} run into an array, and strategyHand for its kernels by hand, combined with {@code &&}, as
 * {@code PlanBench.strategyHand} does. Prints the first three calls' ns per bar, the first ten calls' total
 * milliseconds, the fastest of the last ten calls (the steady state) and all calls' total; for strategy, first what
 * comes before its first run: loading the registry, and {@code Plan.compile}.
 */
public final class FirstCalls {
    private FirstCalls() {}

    public static void main(String[] args) {
        String kernel = args[0];
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        if (calls < 10) {
            throw new IllegalArgumentException("at least 10 calls, got " + calls);
        }
        BenchData data = new BenchData(n);
        Runnable call = call(kernel, data);
        double[] ns = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.run();
            ns[i] = (double) (System.nanoTime() - start) / n;
        }
        double firstTen = 0;
        double all = 0;
        double steady = Double.MAX_VALUE;
        for (int i = 0; i < calls; i++) {
            double ms = ns[i] * n / 1e6;
            firstTen += i < 10 ? ms : 0;
            all += ms;
            steady = i >= calls - 10 ? Math.min(steady, ns[i]) : steady;
        }
        System.out.printf(Locale.ROOT, "%-9s calls 0, 1, 2: %6.2f %6.2f %6.2f ns/bar   first ten: %6.1f ms   "
                + "steady: %5.2f ns/bar   all %d: %.1f ms%n", kernel, ns[0], ns[1], ns[2], firstTen, steady, calls,
                all);
    }

    /** One call of {@code kernel} over {@code data}'s closes, into arrays allocated here, once. */
    private static Runnable call(String kernel, BenchData data) {
        double[] x = data.close;
        int last = x.length - 1;
        double[][] t = new double[4][x.length];
        double[] a = t[0];
        Core core = new Core();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        return switch (kernel) {
            case "sma" -> () -> Ta.sma(x, 20, a);
            case "ema" -> () -> Ta.ema(x, 20, a);
            case "wma" -> () -> Ta.wma(x, 20, a);
            case "rsi" -> () -> Ta.rsi(x, 14, a);
            case "max" -> () -> Ta.rollingMax(x, 20, a);
            case "bbands" -> () -> Ta.bbands(x, 20, 2, a, t[1], t[2]);
            case "macd" -> () -> Ta.macd(x, 12, 26, 9, a, t[1], t[2]);
            case "smaTalib" -> () -> core.sma(0, last, x, 20, begin, count, a);
            case "emaTalib" -> () -> core.ema(0, last, x, 20, begin, count, a);
            case "wmaTalib" -> () -> core.wma(0, last, x, 20, begin, count, a);
            case "rsiTalib" -> () -> core.rsi(0, last, x, 14, begin, count, a);
            case "maxTalib" -> () -> core.max(0, last, x, 20, begin, count, a);
            case "strategy" -> {
                long t0 = System.nanoTime();
                int names = Registry.standard().names().size(); // descriptors load as the plan resolves them
                long t1 = System.nanoTime();
                Plan strategy = Plan.compile(PlanBench.STRATEGY);
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "registry (%d names): %.1f ms   Plan.compile: %.1f ms%n", names,
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
                Bars bars = Bars.builder().column("close", x).build();
                yield () -> strategy.runInto(bars, a);
            }
            case "strategyHand" -> {
                double[] out = new double[x.length];
                yield () -> PlanBench.strategyHand(x, t, out);
            }
            default -> throw new IllegalArgumentException("unknown kernel '" + kernel + "'");
        };
    }
}
