package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;

/**
 * Moving average convergence/divergence (G. Appel, 1979), as TA-Lib MACD with its alignment (docs/spec.md §3.1): the
 * slow {@link Ema} runs on every value; the fast one starts {@code slow_period − fast_period} values later, so its
 * seed is the mean of the fast_period values ending where the slow seed ends and both first output at bar
 * {@code slow_period − 1}. {@code macd = fast − slow}, 0 where both averages are within their own rounding of the
 * value ({@link Ma#residueUlps}, a few ulps: a window flat to its last bit, where TA-Lib passes on a residue);
 * {@code signal} is the EMA of the macd line
 * ({@code k = 2/(signal_period+1)}) seeded with the mean of its first signal_period values;
 * {@code histogram = macd − signal}. All three outputs start at {@code (slow−1) + (signal−1)} (TA-Lib's single
 * lookback). docs/spec.md §1.7: laakhay ran independent x[0]-seeded EMAs.
 *
 * <p>This class is also TA-Lib's aligned MA pair in general, for {@link MacdFix} ({@link #fixed}) and {@link MacdExt}
 * ({@link #extended}): each average is a {@link Ma} and runs on the input suffix that TA-Lib's MA gives it when asked
 * to start at the larger of the two lookbacks — it starts once {@code max(lb fast, lb slow) − lb own} values have
 * gone by, so both first output at {@code max(lb fast, lb slow)}; the signal average runs on the macd line from its
 * first value. TA-Lib's MACD calls its internal EMA (also at signal period 1), so MACD's averages are plain
 * {@link Ema}s wrapped with {@link Ma#of}.
 *
 * <p>{@code fast_period < slow_period} is required (TA-Lib swaps them; §5.3 rejects). Missing values (§5.2): every
 * bar goes to each started average, which skips it (recursive types) or holds it in its window (sma, wma, trima); the
 * start offsets count valid values only; the signal average sees a missing macd value the same way. The outputs are
 * valid together or not at all.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "macd",
        family = Family.MOMENTUM,
        summary = "MACD: fast EMA minus slow EMA (aligned as TA-Lib), its EMA signal and their difference.",
        reference = "TA-Lib MACD (Appel 1979)",
        scale = Scale.PRICE)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Macd {
    final Ma fast;
    final Ma slow;
    final Ma signalAverage;
    /** Valid values each average lets go by before it starts (TA-Lib's alignment, §3.1). */
    final int fastOffset;
    final int slowOffset;
    /** Valid values seen, counted up to the larger offset. */
    @Range(min = "0")
    int seen;
    boolean signalStarted;

    @Output(doc = "fast average minus slow average")
    double macd;

    @Output(doc = "moving average of the macd line over signal_period")
    double signal;

    @Chart(style = Chart.Style.HISTOGRAM)
    @Output(doc = "macd minus signal")
    double histogram;

    public Macd(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod) {
        this(Ma.of(new Ema(fastPeriod)), Ma.of(new Ema(slowPeriod)), Ma.of(new Ema(signalPeriod)),
                slowPeriod - fastPeriod, 0);
    }

    private Macd(Ma fast, Ma slow, Ma signalAverage, int fastOffset, int slowOffset) {
        this.fast = fast;
        this.slow = slow;
        this.signalAverage = signalAverage;
        this.fastOffset = fastOffset;
        this.slowOffset = slowOffset;
    }

    /**
     * TA-Lib MACDFIX's line: seed windows of 12 and 26 values but smoothing constants fixed at 0.15 and 0.075
     * (instead of 2/13 and 2/27), and an ordinary EMA signal, for {@link MacdFix}.
     */
    static Macd fixed(int signalPeriod) {
        return new Macd(Ma.of(Ema.withSmoothing(12, 0.15)), Ma.of(Ema.withSmoothing(26, 0.075)),
                Ma.of(new Ema(signalPeriod)), 26 - 12, 0);
    }

    /** TA-Lib MACDEXT's line: three {@link Ma}s of the given types, aligned at the larger MA lookback, for {@link MacdExt}. */
    static Macd extended(
            int fastPeriod, int slowPeriod, int signalPeriod, MaType fastMaType, MaType slowMaType, MaType signalMaType) {
        int fastLookback = Ma.lookback(fastPeriod, fastMaType);
        int slowLookback = Ma.lookback(slowPeriod, slowMaType);
        int largest = Math.max(fastLookback, slowLookback);
        return new Macd(new Ma(fastPeriod, fastMaType), new Ma(slowPeriod, slowMaType), new Ma(signalPeriod, signalMaType),
                largest - fastLookback, largest - slowLookback);
    }

    public static int lookback(int slowPeriod, int signalPeriod) {
        return (slowPeriod - 1) + (signalPeriod - 1);
    }

    /** {@code average}'s step, its EMA's directly where it is one (see {@link Ma#stepsEma()}). */
    private static double stepAverage(Ma average, double x) {
        return average.stepsEma() ? average.ema().step(x) : average.step(x);
    }

    /**
     * Whether the averages {@code f} and {@code s} are each within its own rounding (Ma#residueUlps, in ulps of
     * {@code level}) of the value {@code x}: a window flat to its last bit, where the line is a rounding residue. A
     * line as small between averages that lag a moving value is a move (ticks of 1 at 1e15 are 8 ulps). Nothing is
     * within rounding of an infinite level (a slow average past the largest double): the line there is not known.
     */
    private boolean flatWithinRounding(double f, double s, double x, double level) {
        double u = Math.ulp(level);
        return level <= Double.MAX_VALUE
                && Math.abs(f - x) <= fast.residueUlps() * u && Math.abs(s - x) <= slow.residueUlps() * u;
    }

    @Step
    public void step(double x) {
        macd = Double.NaN;
        signal = Double.NaN;
        histogram = Double.NaN;
        // Each average runs on the suffix that starts after its offset in valid values (§3.1).
        double s = seen >= slowOffset ? stepAverage(slow, x) : Double.NaN;
        double f = seen >= fastOffset ? stepAverage(fast, x) : Double.NaN;
        if (Double.isFinite(x) && seen < Math.max(fastOffset, slowOffset)) {
            seen++;
        }
        double line = f - s;
        // Two averages of a window flat to its last bit differ by a rounding residue, not a movement (sma 4 and sma 5
        // of equal values differ by an ulp whose sign depends on the unit; an EMA settles up to 0.5/k ulps away), and
        // an adaptive signal average (kama in macdext) would read it as movement: the line is 0 where both averages
        // are within their own rounding of the value, a few ulps, not a fixed fraction of the level, which read ticks
        // of 1 at 1e15 as no move. The first test, a multiply, keeps the ulps off an ordinary bar.
        double level = Math.max(Math.abs(f), Math.abs(s));
        if (Math.abs(line) <= 0x1p-24 * level && flatWithinRounding(f, s, x, level)) {
            line = 0.0;
        }
        // The signal average starts at the macd line's first valid value (docs/spec.md §1.2). Tested without a call:
        // this branch is cold, C2 does not inline a cold call to Double.isFinite, and a call left in a stream's update
        // loop cost macd's stream ~40 % (kernel guide, "Cold paths call nothing").
        if (!signalStarted) {
            if (!(Math.abs(line) <= Double.MAX_VALUE)) {
                return;
            }
            signalStarted = true;
        }
        double sig = stepAverage(signalAverage, line);
        if (sig != sig) {
            return;
        }
        macd = line;
        signal = sig;
        histogram = line - sig;
    }
}
