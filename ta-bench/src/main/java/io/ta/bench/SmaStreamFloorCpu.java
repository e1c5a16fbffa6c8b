package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.ma.SmaStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where an sma(20) stream update's time goes: TA-Lib's SMA batch against one of ta's batch, ta's stream, or a model
 * stream that keeps only part of what ta's must keep, by thread CPU time in one JVM. The models are measuring sticks,
 * not implementations: each adds one obligation to the one before (docs/performance-log.md, "What an sma stream update
 * must cost").
 *
 * <ul>
 *   <li>{@code running}: TA-Lib's running total and a ring, in a heap object, updated bar by bar. No checkpoint, and
 *       it drifts.
 *   <li>{@code checkpoint}: and the total and count saved before each update, as {@code replaceLast} needs.
 *   <li>{@code anchored}: and issue 8's drift-free sum, a second running sum of the current block that replaces the
 *       total every period bars ({@link io.ta.state.AnchoredSum}'s arithmetic, without its missing values).
 *   <li>{@code api}: and the count, the last input (for snapshots) and the output ({@code value()}) a stream keeps.
 * </ul>
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.SmaStreamFloorCpu
 * batch|stream|running|checkpoint|anchored|api}, one JVM per variant, since C2 compiles from the profile it has seen.
 * Prints the fastest of 300 interleaved rounds ({@code CpuTime.fastestInterleaved}) in CPU ns per bar, over 100,000 bars
 * of a Gaussian walk.
 */
public final class SmaStreamFloorCpu {
    private static final int PERIOD = 20;
    private static final int ROUNDS = 300;
    /** Keeps each stream reachable, as a live feed's is, so C2 cannot keep its fields in registers. */
    static Object keep;
    /** What the timed calls return, summed so that C2 cannot drop them. */
    static double sink;

    private SmaStreamFloorCpu() {}

    public static void main(String[] args) {
        String variant = args.length > 0 ? args[0] : "stream";
        int n = 100_000;
        double[] x = new double[n];
        double[] out = new double[n];
        SplittableRandom r = new SplittableRandom(1);
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            x[i] = v;
        }
        Core core = new Core();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] best = CpuTime.fastestInterleaved(new Runnable[] {
            () -> {
                core.sma(0, n - 1, x, PERIOD, begin, count, out);
                sink += out[n - 1];
            },
            () -> sink += run(variant, x, out)
        }, ROUNDS, n);
        System.out.printf(Locale.ROOT, "%-10s %6.2f ns/bar, TA-Lib SMA %5.2f, ratio %.2f%s%n", variant, best[1], best[0],
                best[1] / best[0], sink == 42 ? " " : "");
    }

    private static double run(String variant, double[] x, double[] out) {
        switch (variant) {
            case "batch" -> {
                Ta.sma(x, PERIOD, out);
                return out[x.length - 1];
            }
            case "stream" -> {
                SmaStream s = Ta.smaStream(PERIOD);
                keep = s;
                double acc = 0;
                for (double v : x) {
                    acc += s.update(v);
                }
                return acc;
            }
            case "running" -> {
                return feed(new Running(), x);
            }
            case "checkpoint" -> {
                return feed(new Checkpointed(), x);
            }
            case "anchored" -> {
                return feed(new Anchored(), x);
            }
            case "api" -> {
                return feed(new Api(), x);
            }
            default -> throw new IllegalArgumentException(
                    "variant must be batch, stream, running, checkpoint, anchored or api: " + variant);
        }
    }

    /**
     * Updates {@code s} bar by bar. One JVM runs one model, so this call site sees one class and C2 inlines its
     * {@code update} as it would a stream's.
     */
    private static double feed(Model s, double[] x) {
        keep = s;
        double acc = 0;
        for (double v : x) {
            acc += s.update(v);
        }
        return acc;
    }

    /** A model stream: a ring of the last period values and a push count. */
    abstract static class Model {
        final double[] ring = new double[PERIOD];
        int slot;
        long seq;

        abstract double update(double x);

        /** Stores {@code x} and returns the value it replaces, the one leaving the window. */
        final double swap(double x) {
            int j = slot;
            double leaving = ring[j];
            ring[j] = x;
            slot = j + 1 == PERIOD ? 0 : j + 1;
            return leaving;
        }
    }

    static class Running extends Model {
        double total;

        @Override
        double update(double x) {
            total += x - swap(x);
            return ++seq >= PERIOD ? total / PERIOD : Double.NaN;
        }
    }

    static final class Checkpointed extends Running {
        long markSeq;
        double markTotal;

        @Override
        double update(double x) {
            markSeq = seq;
            markTotal = total;
            return super.update(x);
        }
    }

    static final class Anchored extends Model {
        long anchorAt = PERIOD;
        double total;
        double shadow;
        long markSeq;
        double markTotal;
        double markShadow;

        @Override
        double update(double x) {
            markSeq = seq;
            markTotal = total;
            markShadow = shadow;
            total += x - swap(x);
            shadow += x;
            long s = ++seq;
            if (s == anchorAt) {
                anchorAt += PERIOD;
                total = shadow;
                shadow = 0.0;
            }
            return s >= PERIOD ? total / PERIOD : Double.NaN;
        }
    }

    static final class Api extends Model {
        final Anchored window = new Anchored();
        long count;
        double lastInput;
        double output;

        @Override
        double update(double x) {
            count++;
            lastInput = x;
            return output = window.update(x);
        }
    }
}
