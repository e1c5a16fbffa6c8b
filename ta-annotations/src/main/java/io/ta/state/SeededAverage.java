package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * A recursive average seeded with the arithmetic mean of its first {@code period} values — TA-Lib's seed for EMA,
 * Wilder's smoothing, T3's stages and ADX — in one place. Until {@code period} finite values were pushed
 * {@link #push} returns NaN; the {@code period}-th returns their mean (summed oldest first from {@code 0.0}, then
 * divided by {@code period}: TA-Lib's order); every later push applies the recursion the factory chose, in TA-Lib's
 * operation order for that indicator, so kernels built on it reproduce TA-Lib bit for bit:
 *
 * <ul>
 *   <li>{@link Exponential}: {@code e = (x − e)·k + e} (TA-Lib EMA, MACD);
 *   <li>{@link Wilder}: {@code e = (e·(n−1) + x)/n} (Wilder's RMA inside ATR, RSI, ADX);
 *   <li>{@link Blend}: {@code e = k·x + (1−k)·e} (TA-Lib T3's stages).
 * </ul>
 *
 * <p>The three recursions are three final classes built with {@code new}, not one class with a mode chosen by a
 * factory: a kernel's constructor runs once per batch, so the JIT will not inline a static factory called there, and
 * an average it returns would live on the heap, loaded and stored every bar; a constructor is inlined, the average is
 * scalar-replaced into registers, and the recursion is known statically.
 *
 * <p>Missing values (docs/spec.md §5.2): a non-finite push returns NaN and changes nothing, neither the seed nor the
 * average, so the average recovers on the next finite value and an average of another kernel's output starts its
 * seed at that output's first valid bar. The seed is a plain sum of at most {@code period} values that is used once
 * and then dropped: it cannot drift, and the recursion that follows forgets any outlier geometrically. Neither the
 * seed nor the recursion overflows on finite values (see {@link #push}), so one extreme value fades like any other
 * instead of leaving an infinite average for ever.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
public abstract sealed class SeededAverage implements StatePart<SeededAverage.Mark>
        permits SeededAverage.Exponential, SeededAverage.Wilder, SeededAverage.Blend {
    final int period;
    /** The weight of a new value in {@link #next}: {@code x·w + e·(1 − w)}; an EMA's k, Wilder's 1/n. */
    final double weight;
    private double value;
    private double seedSum;
    private int seeded;

    SeededAverage(int period, double weight) {
        this.period = checked(period);
        this.weight = weight;
    }

    private static int checked(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SeededAverage period must be at least 1, got " + period);
        }
        return period;
    }

    /** The recursion after the seed: the next average from the current one {@code e} and a finite {@code x}. */
    abstract double next(double e, double x);

    /**
     * Adds {@code x}: NaN (and no change) when {@code x} is not finite or the seed is still incomplete, else the
     * average including {@code x}. Finite values always give a finite average: a seed whose sum would overflow goes on
     * as their mean, and a recursion whose operation order overflows weighs each term first.
     */
    public final double push(double x) {
        if (seeded >= period) {
            double e = next(value, x);
            if (Math.abs(e) <= Double.MAX_VALUE) {
                value = e;
                return e;
            }
            // One test on the way every bar after the seed takes, where a test of x before it made two: a finite
            // average's recursion with a value that is not finite is not finite, so a missing x lands here too, and
            // the weighed average below is not finite either, so it is skipped. Each untaken test is a deoptimisation
            // trap in the compiled step, and a step of several averages crosses the size C2 inlines into its batch
            // loop sooner. Otherwise the recursion's own operation order overflowed, which only its intermediate can
            // (one tick of ±MAX_VALUE next to an average of the opposite sign, or of the same sign and a period above
            // 1): an average of two finite values is finite, with each weighed before the two are added. Written
            // here, not called: a call this rare is left out of line, and the average would escape into it.
            double w = weight;
            e = x * w + value * (1.0 - w);
            if (!(Math.abs(e) <= Double.MAX_VALUE)) {
                return Double.NaN; // a missing x, or rounded past the largest double: skipped, as a missing value
            }
            value = e;
            return e;
        }
        double sum = seedSum + x;
        if (!(Math.abs(sum) <= Double.MAX_VALUE)) {
            // A missing x makes the sum not finite too: one test on the seed's way, as on the recursion's.
            if (!(Math.abs(x) <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
            // The seed goes on as the mean of the values so far, which is finite, kept in value (unused until the
            // seed is complete), with seedSum NaN to say so; every later value of the seed continues that mean.
            // The value is not skipped: a kernel that seeds two averages side by side (a ratio of two EMAs:
            // smi, tsi) must keep them over the same values, or the ratio leaves its bounds. Only this path departs
            // from TA-Lib's sum. Written here, not called: C2 inlines no method it has never seen run, and a call
            // left in a loop, even on a branch not taken, cost mass's batch 1.5x in some JVMs.
            double m = seeded;
            double mean = seedSum == seedSum ? seedSum / m : value;
            value = mean * (m / (m + 1.0)) + x / (m + 1.0);
            seedSum = Double.NaN;
        } else {
            seedSum = sum;
        }
        if (++seeded < period) {
            return Double.NaN;
        }
        value = seedSum == seedSum ? seedSum / period : value;
        return value;
    }

    /** Whether the seed is complete: the last finite push returned an average. */
    public final boolean isSeeded() {
        return seeded == period;
    }

    /** The current average; meaningful once {@link #isSeeded()}. */
    public final double value() {
        return value;
    }

    /** TA-Lib's EMA recursion {@code e = (x − e)·k + e} after the seed. */
    @Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
    public static final class Exponential extends SeededAverage {
        /**
         * An empty average.
         *
         * @param period the number of values the seed averages, at least 1
         * @param k the smoothing factor, {@code 2/(period+1)} for a plain EMA
         */
        public Exponential(int period, double k) {
            super(period, k);
        }

        @Override
        double next(double e, double x) {
            return (x - e) * weight + e;
        }
    }

    /** Wilder's recursion {@code e = (e·(n−1) + x)/n} after the seed. */
    @Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
    public static final class Wilder extends SeededAverage {
        /**
         * An empty average.
         *
         * @param period the number of values the seed averages, and Wilder's n; at least 1
         */
        public Wilder(int period) {
            super(period, 1.0 / period);
        }

        @Override
        double next(double e, double x) {
            return (e * (period - 1) + x) / period;
        }

    }

    /**
     * The recursion {@code e = k·x + (1−k)·e} after the seed: an EMA in TA-Lib T3's operation order, which differs
     * from {@link Exponential}'s in the last bits.
     */
    @Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
    public static final class Blend extends SeededAverage {
        /**
         * An empty average.
         *
         * @param period the number of values the seed averages, at least 1
         * @param k the smoothing factor
         */
        public Blend(int period, double k) {
            super(period, k);
        }

        @Override
        double next(double e, double x) {
            return weight * x + (1.0 - weight) * e;
        }
    }

    @Override
    public final Mark newMark() {
        return new Mark();
    }

    @Override
    public final void mark(Mark m) {
        m.value = value;
        m.seedSum = seedSum;
        m.seeded = seeded;
    }

    @Override
    public final void rewind(Mark m) {
        value = m.value;
        seedSum = m.seedSum;
        seeded = m.seeded;
    }

    /** The period (checked on read), the values seeded so far, the seed's sum and the average. */
    @Override
    public final void write(StateWriter out) {
        out.putInt(period);
        out.putInt(seeded);
        out.putDouble(seedSum);
        out.putDouble(value);
    }

    @Override
    public final void read(StateReader in) {
        in.expectInt("average period", period);
        int s = in.getInt("values seeded", 0, period);
        // Any double: a sum or an average of values near the largest double may overflow, as the step's would.
        seedSum = in.getDouble();
        value = in.getDouble();
        seeded = s;
    }

    /** A {@link SeededAverage} position: its three scalars. */
    public static final class Mark implements StatePart.Mark {
        double value;
        double seedSum;
        int seeded;

        /** Only {@link SeededAverage#newMark()} makes one. */
        Mark() {}
    }
}
