package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Nullable;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingSum;
import io.ta.state.MomentWindow;

/**
 * Historical volatility over {@code period} bars, annualized by {@code √annualize}, as R TTR {@code volatility(OHLC, n,
 * calc, N)} computes each estimator (TTR's {@code garman.klass}, {@code rogers.satchell}, {@code gk.yz},
 * {@code yang.zhang} are spelled with underscores here):
 * <ul>
 *   <li>{@code close}: the sample standard deviation of the last n − 1 log returns {@code ln(C/C₋₁)}, times √N
 *       (lookback n − 1);
 *   <li>{@code parkinson} (Parkinson 1980): {@code √(N/(4n·ln 2)·Σ ln(H/L)²)} (lookback n − 1);
 *   <li>{@code garman_klass} (Garman &amp; Klass 1980): {@code √(N/n·Σ(½ln(H/L)² − (2ln 2 − 1)·ln(C/O)²))}
 *       (lookback n − 1);
 *   <li>{@code rogers_satchell} (Rogers &amp; Satchell 1991):
 *       {@code √(N/n·Σ(ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O)))} (lookback n − 1);
 *   <li>{@code gk_yz} (Garman–Klass with Yang &amp; Zhang's overnight term): the Garman–Klass sum plus
 *       {@code ln(O/C₋₁)²} per bar (lookback n);
 *   <li>{@code yang_zhang} (Yang &amp; Zhang 2000): {@code √(σ²ₒ + k·σ²꜀ + (1 − k)·σ²ᵣₛ)} with the annualized sample
 *       variances of {@code ln(O/C₋₁)} and {@code ln(C/O)} over n bars, the Rogers–Satchell variance, and
 *       {@code k = 0.34/(1.34 + (n + 1)/(n − 1))} (lookback n).
 * </ul>
 * The sums are {@link RollingSum}s; the sample variances come from {@link MomentWindow}s (centred sums, so exact for
 * returns of any size). A Parkinson, Garman–Klass or Rogers–Satchell sum of well-formed bars is never negative; one
 * that rounds below zero reads 0. TTR's optional {@code mean0} form of {@code close} is not offered.
 *
 * <p>Prices must be positive (logarithms); a missing or non-positive price makes the output NaN while its bar is
 * inside the window, and a missing close also the next bar's close-to-close or overnight term (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "volatility",
        aliases = "historical_volatility",
        family = Family.VOLATILITY,
        summary = "Annualized historical volatility: close-to-close, Parkinson, Garman-Klass, Rogers-Satchell, GK-YZ or Yang-Zhang.",
        reference = "R TTR volatility (Parkinson 1980; Garman & Klass 1980; Rogers & Satchell 1991; Yang & Zhang 2000)",
        scale = Scale.UNITLESS)
public final class Volatility {
    /** The estimator. */
    public enum Calc {
        /** Close-to-close: sample standard deviation of log returns. */
        CLOSE,
        /** High-low range (Parkinson). */
        PARKINSON,
        /** Open-high-low-close (Garman–Klass). */
        GARMAN_KLASS,
        /** Drift-independent open-high-low-close (Rogers–Satchell). */
        ROGERS_SATCHELL,
        /** Garman–Klass plus the overnight jump (Yang–Zhang's extension). */
        GK_YZ,
        /** Overnight, open-to-close and Rogers–Satchell variances combined (Yang–Zhang). */
        YANG_ZHANG
    }

    /** The choices by ordinal, so the step can switch on the stored estimator (an enum is not kernel state). */
    private static final Calc[] CALCS = Calc.values();

    /** {@code 2·ln 2 − 1}, the weight of the open-to-close term in Garman–Klass. */
    static final double GK_WEIGHT = 2 * Math.log(2) - 1;

    final int calc;
    final double annualize;
    /** N/n, or N/(4n·ln 2) for Parkinson: what multiplies the window's sum. */
    final double sumScale;
    /** Yang–Zhang's weight of the open-to-close variance. */
    final double k;
    /** The sample variances' divisor: n − 2 for the n − 1 returns of close-to-close, n − 1 for Yang–Zhang's n terms. */
    final double dof;
    /** The per-bar terms of the range estimators (all but close-to-close). */
    @Nullable final RollingSum sum;
    /** Close-to-close log returns, or Yang–Zhang's overnight log returns ln(O/C₋₁). */
    @Nullable final MomentWindow returns;
    /** Yang–Zhang's open-to-close log returns ln(C/O). */
    @Nullable final MomentWindow openToClose;
    double previousClose = Double.NaN;

    public Volatility(
            @Param(defaultValue = "10", min = 3, max = 100_000, doc = "bars in the estimate") int period,
            @Param(defaultValue = "close", doc = "estimator: close, parkinson, garman_klass, rogers_satchell, gk_yz or yang_zhang")
                    Calc calc,
            @Param(defaultValue = "260", min = 0, minExclusive = true, doc = "periods per year") double annualize) {
        this.calc = calc.ordinal();
        this.annualize = annualize;
        this.sumScale = calc == Calc.PARKINSON ? annualize / (4 * period * Math.log(2)) : annualize / period;
        this.k = 0.34 / (1.34 + (period + 1.0) / (period - 1.0));
        this.dof = calc == Calc.CLOSE ? period - 2 : period - 1;
        this.sum = calc == Calc.CLOSE ? null : new RollingSum(period);
        this.returns = calc == Calc.CLOSE ? new MomentWindow(period - 1)
                : calc == Calc.YANG_ZHANG ? new MomentWindow(period) : null;
        this.openToClose = calc == Calc.YANG_ZHANG ? new MomentWindow(period) : null;
    }

    public static int lookback(int period, Calc calc) {
        return calc == Calc.GK_YZ || calc == Calc.YANG_ZHANG ? period : period - 1;
    }

    @Step
    public double step(
            @Input(min = 0, minExclusive = true) double open,
            @Input(min = 0, minExclusive = true) double high,
            @Input(min = 0, minExclusive = true) double low,
            @Input(min = 0, minExclusive = true) double close) {
        // A price outside the domain is missing. Every estimator takes logarithms of ratios of prices, and a ratio of
        // two negative prices is positive: closes of −10 and −11 (a spread, a future below zero) read as a volatility.
        close = positive(close);
        double before = previousClose;
        previousClose = close;
        Calc estimator = CALCS[calc];
        if (estimator == Calc.CLOSE) {
            returns.push(Math.log(close / before));
            return Math.sqrt(annualize) * Math.sqrt(returns.m2() / dof);
        }
        open = positive(open);
        high = positive(high);
        low = positive(low);
        double hl = Math.log(high / low);
        double co = Math.log(close / open);
        double term = switch (estimator) {
            case PARKINSON -> hl * hl;
            case GARMAN_KLASS -> 0.5 * hl * hl - GK_WEIGHT * co * co;
            case GK_YZ -> {
                double oc = Math.log(open / before);
                yield oc * oc + 0.5 * hl * hl - GK_WEIGHT * co * co;
            }
            default -> Math.log(high / close) * Math.log(high / open) + Math.log(low / close) * Math.log(low / open);
        };
        double variance = sumScale * Math.max(sum.step(term), 0.0);
        return estimator != Calc.YANG_ZHANG ? Math.sqrt(variance) : yangZhang(Math.log(open / before), co, variance);
    }

    /** A price inside the domain, or NaN (missing). A method of its own: the step stays under C2's inlining limit. */
    private static double positive(double price) {
        return price > 0 ? price : Double.NaN;
    }

    /**
     * Yang-Zhang's combination of the overnight, open-to-close and Rogers-Satchell variances. Out of the step, which it
     * would take over the 325 bytes of bytecode C2 inlines into a batch loop.
     */
    private double yangZhang(double overnightReturn, double co, double variance) {
        returns.push(overnightReturn);
        openToClose.push(co);
        double overnight = annualize * (returns.m2() / dof);
        double intraday = annualize * (openToClose.m2() / dof);
        return Math.sqrt(overnight + k * intraday + (1 - k) * variance);
    }
}
