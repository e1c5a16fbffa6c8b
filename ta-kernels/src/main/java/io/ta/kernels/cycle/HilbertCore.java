package io.ta.kernels.cycle;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The Hilbert-transform core (Ehlers, Rocket Science for Traders 2001; docs/spec.md §3.11): the one home of the price
 * smoother, the Hilbert FIR, the phasor and the homodyne period discriminator that {@code ht_dcperiod},
 * {@code ht_dcphase}, {@code ht_phasor}, {@code ht_sine}, {@code ht_trendmode}, {@code ht_trendline} and {@code mama}
 * are built on. A kernel holds one in a final field, calls {@link #advance} once per step and reads the accessors
 * after it; it is a state part, so the kernel's preview, replace-last and snapshot cover it.
 *
 * <p>TA-Lib starts the transform at one of two bars, and the state differs from there on, so the start is chosen by
 * factory: {@link #standard()} (bar 12, TA-Lib's lookback-32 functions HT_DCPERIOD, HT_PHASOR, MAMA) and
 * {@link #lateStart()} (bar 37, the lookback-63 functions HT_DCPHASE, HT_SINE, HT_TRENDMODE, HT_TRENDLINE, which run
 * the smoother 34 bars instead of 9 first).
 *
 * <p>Per valid bar t, operation for operation as TA-Lib:
 * <ol>
 *   <li>price smoother: the 4-bar weighted average {@code (4x_t + 3x_{t−1} + 2x_{t−2} + x_{t−3})/10}, from bar 3.
 *       TA-Lib keeps it as a running sum and a running weighted sum, which never forget an outlier (a 1e20 tick
 *       leaves ~1e3 in the smoothed price for good); here it is computed from the four values;</li>
 *   <li>from the transform start the Hilbert FIR
 *       {@code (0.0962·v_t + 0.5769·v_{t−2} − 0.5769·v_{t−4} − 0.0962·v_{t−6})·(0.075·period_{t−1} + 0.54)}
 *       computes the detrender from the smoothed price, Q1 from the detrender, I1 = the detrender three bars back,
 *       and jI, jQ from I1, Q1. As in TA-Lib the FIR keeps separate delay lines for even and odd bars (the bar's
 *       parity is its valid-bar index, counted from 0), each a 3-slot circular buffer advanced on even bars;</li>
 *   <li>phasor advance: {@code I2 = 0.2(I1 − jQ) + 0.8·I2}, {@code Q2 = 0.2(Q1 + jI) + 0.8·Q2};</li>
 *   <li>homodyne discriminator: {@code Re = 0.2(I2·I2₋₁ + Q2·Q2₋₁) + 0.8·Re},
 *       {@code Im = 0.2(I2·Q2₋₁ − Q2·I2₋₁) + 0.8·Im}; {@code period = 360/atan°(Im/Re)} when both are non-zero
 *       (else unchanged), limited to [0.67, 1.5] times the previous period, clamped to [6, 50], then
 *       {@code period = 0.2·period + 0.8·period₋₁};</li>
 *   <li>{@code smoothPeriod = 0.33·period + 0.67·smoothPeriod}.</li>
 * </ol>
 * State starts at zero as in TA-Lib. The smoothed period never leaves [0, 50] (clamped to [6, 50] and smoothed from
 * 0; rounding is monotone); kernels bound their one-cycle loops by it, and restore refuses anything else.
 *
 * <p>Missing values (§5.2): a missing input changes no state, so bar parity and every delay line count valid bars
 * only. The bar counter is a {@code long}: a stream can run for ever.
 *
 * <p>Overflow: the discriminator multiplies two price-sized values, so prices beyond ~1e154 overflow it, and a tick
 * near ±{@code Double.MAX_VALUE} overflows the smoother or the FIR. Any non-finite value of a bar reaches Re or Im,
 * and both are recursive: kept, it would leave the period NaN, or pinned, for good. A bar that leaves Re or Im
 * non-finite therefore <b>restarts</b> the transform: the core returns to a fresh instance's state (bar counter and
 * parity included), {@link #advance} returns false and {@link #fresh()} is true, and from the next valid bar on the
 * core computes exactly what a core started at that bar does, warm-up included. A kernel resets its own state when it
 * finds its core fresh after a valid bar, so it too restarts as a whole.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
public final class HilbertCore implements StatePart<HilbertCore.Mark> {
    /**
     * Degrees per radian, as TA-Lib computes it: {@code 45/atan(1)}, bit for bit its {@code 180/(4·atan(1))} too
     * (multiplying by 4 is exact, and both divisions round the same quotient).
     */
    public static final double RAD_TO_DEG = 45.0 / Math.atan(1.0);
    /** The transform start of TA-Lib's lookback-32 functions: 3 bars of smoother seed, then 9 smoothed bars. */
    private static final int STANDARD_START = 12;
    /** The transform start of TA-Lib's lookback-63 functions: 3 bars of smoother seed, then 34 smoothed bars. */
    private static final int LATE_START = 37;
    private static final double A = 0.0962;
    private static final double B = 0.5769;
    private static final int STAGES = 4;
    private static final int DETRENDER = 0;
    private static final int Q1 = 1;
    private static final int JI = 2;
    private static final int JQ = 3;
    /** Delay lines: one per stage and parity (even 0, odd 1). */
    private static final int LINES = STAGES * 2;
    private static final int SLOTS = 3;

    /** Valid bar at which the transform starts. */
    private final int start;
    /** Valid bars consumed; the current bar's index is {@code bars − 1}. */
    private long bars;

    // Price smoother: the last three inputs and the smoothed price.
    private double x1;
    private double x2;
    private double x3;
    private double smoothed;

    // Hilbert FIR state per line: a 3-slot delay line of a·input, the previous b·input term and the previous input.
    private final double[] delay = new double[LINES * SLOTS];
    private final double[] prevTerm = new double[LINES];
    private final double[] prevInput = new double[LINES];
    /** The delay lines' current slot, in [0, 2]. */
    private int slot;

    // The detrender delayed to I1, per parity of the bar that will read it: two bars back and three bars back.
    private final double[] i1Prev2 = new double[2];
    private final double[] i1Prev3 = new double[2];
    // In-phase and quadrature components and the homodyne discriminator.
    private double i1;
    private double q1;
    private double prevI2;
    private double prevQ2;
    private double re;
    private double im;
    private double period;
    private double smoothPeriod;

    private HilbertCore(int start) {
        this.start = start;
    }

    /** A core whose transform starts at valid bar 12, as TA-Lib's HT_DCPERIOD, HT_PHASOR and MAMA. */
    public static HilbertCore standard() {
        return new HilbertCore(STANDARD_START);
    }

    /**
     * A core whose transform starts at valid bar 37, as TA-Lib's lookback-63 functions (HT_DCPHASE, HT_SINE,
     * HT_TRENDMODE, HT_TRENDLINE): their state differs from {@link #standard()}'s at every later bar.
     */
    public static HilbertCore lateStart() {
        return new HilbertCore(LATE_START);
    }

    /**
     * Advances the core by one bar.
     *
     * @return whether this bar ran the transform ({@link #transformed()} for a valid bar); false, with the state
     *     unchanged, when {@code x} is missing, and false, with the core {@link #fresh()}, when the bar overflowed
     *     the transform and restarted it
     */
    public boolean advance(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return false;
        }
        long today = bars++;
        if (!smooth(x, today) || today < start) {
            return false;
        }
        double adjustedPrevPeriod = 0.075 * period + 0.54;
        // TA-Lib's even and odd branches are one transform on the bar's own delay lines.
        int parity = (int) (today & 1);
        double detrender = hilbert(DETRENDER, parity, smoothed, adjustedPrevPeriod);
        q1 = hilbert(Q1, parity, detrender, adjustedPrevPeriod);
        i1 = i1Prev3[parity];
        double jI = hilbert(JI, parity, i1, adjustedPrevPeriod);
        double jQ = hilbert(JQ, parity, q1, adjustedPrevPeriod);
        double q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2;
        double i2 = 0.2 * (i1 - jQ) + 0.8 * prevI2;
        // The detrender delayed by three bars is I1: today's detrender enters the other parity's delay line.
        int other = parity ^ 1;
        i1Prev3[other] = i1Prev2[other];
        i1Prev2[other] = detrender;
        if (parity == 0 && ++slot == SLOTS) {
            slot = 0;
        }
        re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * re;
        im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * im;
        if (!(Double.isFinite(re) && Double.isFinite(im))) {
            // Every value this bar computed flows into Re or Im, so this one test guards the whole state.
            restart();
            return false;
        }
        prevQ2 = q2;
        prevI2 = i2;
        double previous = period;
        if (im != 0.0 && re != 0.0) {
            period = 360.0 / (Math.atan(im / re) * RAD_TO_DEG);
        }
        double limit = 1.5 * previous;
        if (period > limit) {
            period = limit;
        }
        limit = 0.67 * previous;
        if (period < limit) {
            period = limit;
        }
        if (period < 6) {
            period = 6;
        } else if (period > 50) {
            period = 50;
        }
        period = 0.2 * period + 0.8 * previous;
        smoothPeriod = 0.33 * period + 0.67 * smoothPeriod;
        return true;
    }

    /** Returns to a fresh instance's state: an overflowed bar leaves nothing a later bar could read. */
    private void restart() {
        bars = 0;
        x1 = 0.0;
        x2 = 0.0;
        x3 = 0.0;
        smoothed = 0.0;
        Arrays.fill(delay, 0.0);
        Arrays.fill(prevTerm, 0.0);
        Arrays.fill(prevInput, 0.0);
        slot = 0;
        Arrays.fill(i1Prev2, 0.0);
        Arrays.fill(i1Prev3, 0.0);
        i1 = 0.0;
        q1 = 0.0;
        prevI2 = 0.0;
        prevQ2 = 0.0;
        re = 0.0;
        im = 0.0;
        period = 0.0;
        smoothPeriod = 0.0;
    }

    /** The 4-bar weighted price smoother; returns whether {@link #smoothed} holds a value (from bar 3). */
    private boolean smooth(double x, long today) {
        boolean ready = today >= 3;
        if (ready) {
            smoothed = (4.0 * x + 3.0 * x1 + 2.0 * x2 + x3) * 0.1;
        }
        x3 = x2;
        x2 = x1;
        x1 = x;
        return ready;
    }

    /** One Hilbert FIR stage on {@code input} for the bar's parity, in TA-Lib's operation order. */
    private double hilbert(int stage, int parity, double input, double adjustedPrevPeriod) {
        int line = stage * 2 + parity;
        int cell = line * SLOTS + slot;
        double term = A * input;
        double v = -delay[cell];
        delay[cell] = term;
        v += term;
        v -= prevTerm[line];
        prevTerm[line] = B * prevInput[line];
        v += prevTerm[line];
        prevInput[line] = input;
        return v * adjustedPrevPeriod;
    }

    /**
     * Whether the core holds a fresh instance's state: no valid bar yet, or the last valid bar overflowed the
     * transform and restarted it. A kernel that finds it fresh after a valid bar resets its own state.
     */
    public boolean fresh() {
        return bars == 0;
    }

    /** Whether the last valid bar ran the transform (its index is at least the transform start). */
    public boolean transformed() {
        return bars > start;
    }

    /** Index of the last valid bar (valid bars consumed − 1; −1 before any): TA-Lib's {@code today}. */
    public long bar() {
        return bars - 1;
    }

    /** The last smoothed price (4-bar WMA); 0 before bar 3. */
    public double smoothedPrice() {
        return smoothed;
    }

    /** The last in-phase component I1 (the detrender three bars back). */
    public double inPhase() {
        return i1;
    }

    /** The last quadrature component Q1. */
    public double quadrature() {
        return q1;
    }

    /** The smoothed dominant cycle period after the last transformed bar, in [0, 50]. */
    public double smoothPeriod() {
        return smoothPeriod;
    }

    @Override
    public Mark newMark() {
        return new Mark(new HilbertCore(start));
    }

    @Override
    public void mark(Mark m) {
        m.saved.copy(this);
    }

    @Override
    public void rewind(Mark m) {
        copy(m.saved);
    }

    /** Takes every field of {@code o} but the start, which both share. */
    private void copy(HilbertCore o) {
        bars = o.bars;
        x1 = o.x1;
        x2 = o.x2;
        x3 = o.x3;
        smoothed = o.smoothed;
        System.arraycopy(o.delay, 0, delay, 0, delay.length);
        System.arraycopy(o.prevTerm, 0, prevTerm, 0, LINES);
        System.arraycopy(o.prevInput, 0, prevInput, 0, LINES);
        slot = o.slot;
        System.arraycopy(o.i1Prev2, 0, i1Prev2, 0, 2);
        System.arraycopy(o.i1Prev3, 0, i1Prev3, 0, 2);
        i1 = o.i1;
        q1 = o.q1;
        prevI2 = o.prevI2;
        prevQ2 = o.prevQ2;
        re = o.re;
        im = o.im;
        period = o.period;
        smoothPeriod = o.smoothPeriod;
    }

    /**
     * The transform start (checked on read), the bars consumed, the smoother, the FIR delay lines and slot, the I1
     * delay, then the phasor, discriminator and periods.
     */
    @Override
    public void write(StateWriter out) {
        out.putInt(start);
        out.putLong(bars);
        out.putDouble(x1);
        out.putDouble(x2);
        out.putDouble(x3);
        out.putDouble(smoothed);
        out.putDoubles(delay);
        out.putDoubles(prevTerm);
        out.putDoubles(prevInput);
        out.putInt(slot);
        out.putDoubles(i1Prev2);
        out.putDoubles(i1Prev3);
        out.putDouble(i1);
        out.putDouble(q1);
        out.putDouble(prevI2);
        out.putDouble(prevQ2);
        out.putDouble(re);
        out.putDouble(im);
        out.putDouble(period);
        out.putDouble(smoothPeriod);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("hilbert.start", start);
        bars = in.getCount("hilbert.bars");
        // Any double elsewhere: the smoothed price of an extreme tick before the transform starts is infinite, and a
        // non-finite value anywhere reaches Re or Im once read, where it restarts the transform as a bar's would.
        x1 = in.getDouble();
        x2 = in.getDouble();
        x3 = in.getDouble();
        smoothed = in.getDouble();
        in.getDoubles("hilbert.delay", delay);
        in.getDoubles("hilbert.prevTerm", prevTerm);
        in.getDoubles("hilbert.prevInput", prevInput);
        // Indexes the delay lines.
        slot = in.getInt("hilbert.slot", 0.0, SLOTS - 1);
        in.getDoubles("hilbert.i1Prev2", i1Prev2);
        in.getDoubles("hilbert.i1Prev3", i1Prev3);
        i1 = in.getDouble();
        q1 = in.getDouble();
        prevI2 = in.getDouble();
        prevQ2 = in.getDouble();
        re = in.getDouble();
        im = in.getDouble();
        // The smoothed period bounds the one-cycle loops of ht_dcphase and ht_trendline. Never NaN: a bar that would
        // make it so restarts the transform instead.
        period = in.getDouble("hilbert.period", 0.0, 50.0, false);
        smoothPeriod = in.getDouble("hilbert.smoothPeriod", 0.0, 50.0, false);
    }

    /** A {@link HilbertCore} position: a core of the same start holding a copy of the state. */
    public static final class Mark implements StatePart.Mark {
        final HilbertCore saved;

        /** Only {@link HilbertCore#newMark()} makes one. */
        Mark(HilbertCore saved) {
            this.saved = saved;
        }
    }
}
