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
 *   <li>{@link #ema(int, double)}: {@code e = (x − e)·k + e} (TA-Lib EMA, MACD);
 *   <li>{@link #wilder(int)}: {@code e = (e·(n−1) + x)/n} (Wilder's RMA inside ATR, RSI, ADX);
 *   <li>{@link #blend(int, double)}: {@code e = k·x + (1−k)·e} (TA-Lib T3's stages).
 * </ul>
 *
 * <p>Missing values (CATALOG.md §5.2): a non-finite push returns NaN and changes nothing, neither the seed nor the
 * average, so the average recovers on the next finite value and an average of another kernel's output starts its
 * seed at that output's first valid bar. The seed is a plain sum of at most {@code period} values that is used once
 * and then dropped: it cannot drift, and the recursion that follows forgets any outlier geometrically.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
public final class SeededAverage implements StatePart<SeededAverage.Mark> {
    private static final int EMA = 0;
    private static final int WILDER = 1;
    private static final int BLEND = 2;

    private final int period;
    private final int form;
    private final double k;
    private final double oneMinusK;
    private final double periodMinusOne;
    private double value;
    private double seedSum;
    private int seeded;

    private SeededAverage(int period, int form, double k) {
        if (period < 1) {
            throw new IllegalArgumentException("SeededAverage period must be at least 1, got " + period);
        }
        this.period = period;
        this.form = form;
        this.k = k;
        this.oneMinusK = 1.0 - k;
        this.periodMinusOne = period - 1;
    }

    /**
     * TA-Lib's EMA recursion {@code e = (x − e)·k + e} after the seed.
     *
     * @param period the number of values the seed averages, at least 1
     * @param k the smoothing factor, {@code 2/(period+1)} for a plain EMA
     * @return an empty average
     */
    public static SeededAverage ema(int period, double k) {
        return new SeededAverage(period, EMA, k);
    }

    /**
     * Wilder's recursion {@code e = (e·(n−1) + x)/n} after the seed.
     *
     * @param period the number of values the seed averages, and Wilder's n; at least 1
     * @return an empty average
     */
    public static SeededAverage wilder(int period) {
        return new SeededAverage(period, WILDER, 1.0 / period);
    }

    /**
     * The recursion {@code e = k·x + (1−k)·e} after the seed: an EMA in TA-Lib T3's operation order, which differs
     * from {@link #ema(int, double)}'s in the last bits.
     *
     * @param period the number of values the seed averages, at least 1
     * @param k the smoothing factor
     * @return an empty average
     */
    public static SeededAverage blend(int period, double k) {
        return new SeededAverage(period, BLEND, k);
    }

    /**
     * Adds {@code x}: NaN (and no change) when {@code x} is not finite or the seed is still incomplete, else the
     * average including {@code x}.
     */
    public double push(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (seeded < period) {
            seedSum += x;
            if (++seeded < period) {
                return Double.NaN;
            }
            value = seedSum / period;
            return value;
        }
        double e = value;
        value = switch (form) {
            case EMA -> (x - e) * k + e;
            case WILDER -> (e * periodMinusOne + x) / period;
            default -> k * x + oneMinusK * e;
        };
        return value;
    }

    /** Whether the seed is complete: the last finite push returned an average. */
    public boolean isSeeded() {
        return seeded == period;
    }

    /** The current average; meaningful once {@link #isSeeded()}. */
    public double value() {
        return value;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.value = value;
        m.seedSum = seedSum;
        m.seeded = seeded;
    }

    @Override
    public void rewind(Mark m) {
        value = m.value;
        seedSum = m.seedSum;
        seeded = m.seeded;
    }

    /** The period (checked on read), the values seeded so far, the seed's sum and the average. */
    @Override
    public void write(StateWriter out) {
        out.putInt(period);
        out.putInt(seeded);
        out.putDouble(seedSum);
        out.putDouble(value);
    }

    @Override
    public void read(StateReader in) {
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
