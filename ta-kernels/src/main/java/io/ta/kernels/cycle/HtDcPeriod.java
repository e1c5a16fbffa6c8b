package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hilbert transform dominant cycle period (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_DCPERIOD — and the
 * one Hilbert core of the whole family: {@code ht_dcphase}, {@code ht_phasor}, {@code ht_sine}, {@code ht_trendmode},
 * {@code ht_trendline} and {@code mama} hold one of these and read its state after calling {@link #step}.
 *
 * <p>Per valid bar t, operation for operation as TA-Lib (CATALOG.md §3.11):
 * <ol>
 *   <li>price smoother: the 4-bar weighted average {@code (4x_t + 3x_{t−1} + 2x_{t−2} + x_{t−3})/10}, from bar 3.
 *       TA-Lib keeps it as a running sum and a running weighted sum, which never forget an outlier (a 1e20 tick
 *       leaves ~1e3 in the smoothed price for good); here it is computed from the four values;</li>
 *   <li>from the transform start (bar 12; see {@link #startingAt}) the Hilbert FIR
 *       {@code (0.0962·v_t + 0.5769·v_{t−2} − 0.5769·v_{t−4} − 0.0962·v_{t−6})·(0.075·period_{t−1} + 0.54)}
 *       computes the detrender from the smoothed price, Q1 from the detrender, I1 = the detrender three bars back,
 *       and jI, jQ from I1, Q1. As in TA-Lib the FIR keeps separate delay lines for even and odd bars (the bar's
 *       parity is its valid-bar index, counted from 0), each a 3-slot circular buffer advanced on even bars;</li>
 *   <li>phasor advance: {@code I2 = 0.2(I1 − jQ) + 0.8·I2}, {@code Q2 = 0.2(Q1 + jI) + 0.8·Q2};</li>
 *   <li>homodyne discriminator: {@code Re = 0.2(I2·I2₋₁ + Q2·Q2₋₁) + 0.8·Re},
 *       {@code Im = 0.2(I2·Q2₋₁ − Q2·I2₋₁) + 0.8·Im}; {@code period = 360/atan°(Im/Re)} when both are non-zero
 *       (else unchanged), limited to [0.67, 1.5] times the previous period, clamped to [6, 50], then
 *       {@code period = 0.2·period + 0.8·period₋₁};</li>
 *   <li>{@code smoothPeriod = 0.33·period + 0.67·smoothPeriod} — the output.</li>
 * </ol>
 * State starts at zero as in TA-Lib; the first output is at bar 32 (TA-Lib's lookback with unstable period 0).
 *
 * <p>Recursive: a missing input returns NaN and changes no state (§5.2), so bar parity and every delay line count
 * valid bars only. The bar counter is a {@code long}: a stream can run for ever.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ht_dcperiod",
        family = Family.CYCLE,
        summary = "Hilbert transform dominant cycle period (Ehlers).",
        reference = "TA-Lib HT_DCPERIOD",
        scale = Scale.UNITLESS)
public final class HtDcPeriod {
    /**
     * Degrees per radian, as TA-Lib computes it: {@code 45/atan(1)}, bit for bit its {@code 180/(4·atan(1))} too
     * (multiplying by 4 is exact, and both divisions round the same quotient).
     */
    public static final double RAD_TO_DEG = 45.0 / Math.atan(1.0);
    /** The transform start of TA-Lib's lookback-32 functions: 3 bars of smoother seed, then 9 smoothed bars. */
    public static final int EARLY_START = 12;
    /** The transform start of TA-Lib's lookback-63 functions: 3 bars of smoother seed, then 34 smoothed bars. */
    public static final int LATE_START = 37;
    private static final double A = 0.0962;
    private static final double B = 0.5769;
    private static final int DETRENDER = 0;
    private static final int Q1 = 1;
    private static final int JI = 2;
    private static final int JQ = 3;

    /** Valid bar at which the Hilbert transform starts. */
    final int start;
    /** Valid bars consumed; the current bar's index is {@code bars − 1}. A long: a stream may run for years. */
    @Range(min = "0")
    long bars;

    // Price smoother: the last three inputs and the smoothed price.
    double x1;
    double x2;
    double x3;
    double smoothed;

    // Hilbert FIR state per stage (detrender, Q1, jI, jQ) and parity (even 0, odd 1): a 3-slot delay line of a·input,
    // the previous b·input term and the previous input.
    final double[] delay = new double[4 * 2 * 3];
    final double[] prevTerm = new double[4 * 2];
    final double[] prevInput = new double[4 * 2];
    /** The delay lines' current slot. */
    @Range(min = "0", max = "2")
    int hilbertIdx;

    // In-phase and quadrature components and the homodyne discriminator.
    double i1ForOddPrev2;
    double i1ForOddPrev3;
    double i1ForEvenPrev2;
    double i1ForEvenPrev3;
    double i1;
    double q1;
    double prevI2;
    double prevQ2;
    double re;
    double im;
    // Clamped to [6, 50] and smoothed from 0, so never outside [0, 50] (rounding is monotone); NaN once the
    // discriminator overflowed. smoothPeriod bounds the DFT loops of ht_dcphase and ht_trendline.
    @Range(min = "0", max = "50", nan = true)
    double period;
    @Range(min = "0", max = "50", nan = true)
    double smoothPeriod;

    public HtDcPeriod() {
        this(EARLY_START);
    }

    private HtDcPeriod(int start) {
        this.start = start;
    }

    /**
     * A core whose Hilbert transform starts at valid bar {@code start} instead of 12. TA-Lib's lookback-63 functions
     * (HT_DCPHASE, HT_SINE, HT_TRENDMODE, HT_TRENDLINE) run the price smoother 34 bars instead of 9 before the
     * transform, so their core starts at bar 37 and its state differs from HT_DCPERIOD's at every later bar.
     */
    public static HtDcPeriod startingAt(int start) {
        if (start < 3) {
            throw new IllegalArgumentException("the smoother needs 3 bars before the transform, got start " + start);
        }
        return new HtDcPeriod(start);
    }

    public static int lookback() {
        return 32;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        long today = bars++;
        if (!smooth(x, today) || today < start) {
            return Double.NaN;
        }
        double adjustedPrevPeriod = 0.075 * period + 0.54;
        // Even and odd bars run the same transform on their own delay lines (TA-Lib's two mirrored branches).
        boolean even = today % 2 == 0;
        int parity = even ? 0 : 1;
        double detrender = hilbert(DETRENDER, parity, smoothed, adjustedPrevPeriod);
        q1 = hilbert(Q1, parity, detrender, adjustedPrevPeriod);
        i1 = even ? i1ForEvenPrev3 : i1ForOddPrev3;
        double jI = hilbert(JI, parity, i1, adjustedPrevPeriod);
        double jQ = hilbert(JQ, parity, q1, adjustedPrevPeriod);
        double q2 = 0.2 * (q1 + jI) + 0.8 * prevQ2;
        double i2 = 0.2 * (i1 - jQ) + 0.8 * prevI2;
        // The detrender delayed by three bars is I1: today's detrender enters the other parity's delay line.
        if (even) {
            if (++hilbertIdx == 3) {
                hilbertIdx = 0;
            }
            i1ForOddPrev3 = i1ForOddPrev2;
            i1ForOddPrev2 = detrender;
        } else {
            i1ForEvenPrev3 = i1ForEvenPrev2;
            i1ForEvenPrev2 = detrender;
        }
        re = 0.2 * (i2 * prevI2 + q2 * prevQ2) + 0.8 * re;
        im = 0.2 * (i2 * prevQ2 - q2 * prevI2) + 0.8 * im;
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
        return today >= lookback() ? smoothPeriod : Double.NaN;
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
        int slot = line * 3 + hilbertIdx;
        double term = A * input;
        double v = -delay[slot];
        delay[slot] = term;
        v += term;
        v -= prevTerm[line];
        prevTerm[line] = B * prevInput[line];
        v += prevTerm[line];
        prevInput[line] = input;
        return v * adjustedPrevPeriod;
    }

    /** Whether the last valid bar ran the Hilbert transform (its index is at least the transform start). */
    public boolean transformed() {
        return bars > start;
    }

    /** Index of the last valid bar (valid bars consumed − 1): TA-Lib's {@code today}. */
    public long bar() {
        return bars - 1;
    }

    /** The last smoothed price (4-bar WMA). */
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

    /** The smoothed dominant cycle period after the last transformed bar. */
    public double smoothPeriod() {
        return smoothPeriod;
    }
}
