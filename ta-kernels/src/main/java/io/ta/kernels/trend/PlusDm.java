package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TrueRange;
import io.ta.spi.Checks;

/**
 * Plus directional movement (Wilder 1978), as TA-Lib PLUS_DM: Wilder's running sum of +DM (CATALOG.md §3.2).
 *
 * <p>This class is also the one home of every Wilder sum of §3.2: {@code minus_dm}, {@code plus_di},
 * {@code minus_di}, {@code dx}, {@code adx} and {@code adxr} compose it. Per bar t ≥ 1, with
 * {@code up = H_t − H_{t−1}} and {@code dn = L_{t−1} − L_t}: {@code −DM = dn} if {@code dn > 0 and up < dn},
 * else {@code +DM = up} if {@code up > 0 and up > dn} (TA-Lib's test order; the other is 0). The three sums (+DM,
 * −DM and, on the {@link #advance(double, double, double)} path, the true range) are seeded with the plain sum of
 * their first {@code n − 1} values (bars 1..n−1) and then follow {@code S = S − S/n + v}, TA-Lib's operations in
 * TA-Lib's order, so results match it bit for bit. Period 1 outputs the raw +DM from bar 1 (TA-Lib), which is the
 * same recursion seeded with one value.
 *
 * <p>Missing values: the previous bar's high and low are a one-bar window; a bar whose movement (or true range)
 * reads a missing cell outputs NaN and leaves every sum unchanged (§5.2), so the sums of one instance always cover
 * the same bars.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "plus_dm",
        family = Family.TREND,
        summary = "Plus directional movement: Wilder's running sum of +DM over period bars.",
        reference = "TA-Lib PLUS_DM (Wilder 1978)",
        scale = Scale.PRICE)
public final class PlusDm {
    final double period;
    final int seedLength;
    final TrueRange range;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    double plusSum;
    double minusSum;
    double rangeSum;
    /** Bars summed so far, saturating at {@code seedLength + 1}. */
    @Range(min = "0", max = "seedLength + 1")
    int count;

    public PlusDm(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.seedLength = Math.max(period - 1, 1);
        this.range = new TrueRange();
    }

    public static int lookback(int period) {
        return period > 1 ? period - 1 : 1;
    }

    @Step
    public double step(double high, double low) {
        return advance(high, low) && isSummed() ? plusSum : Double.NaN;
    }

    /** Advances the +DM and −DM sums by one bar; false (nothing summed) when the bar reads a missing cell. */
    public boolean advance(double high, double low) {
        return accumulate(high, low, 0.0);
    }

    /**
     * Advances the +DM, −DM and true-range sums together by one bar (the DI, DX and ADX path); false, with every sum
     * unchanged, when the movement or the true range reads a missing cell.
     */
    public boolean advance(double high, double low, double close) {
        return accumulate(high, low, range.step(high, low, close));
    }

    private boolean accumulate(double high, double low, double trueRange) {
        double h0 = previousHigh;
        double l0 = previousLow;
        previousHigh = high;
        previousLow = low;
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(h0) && Double.isFinite(l0)
                && Double.isFinite(trueRange))) {
            return false;
        }
        double up = high - h0;
        double down = l0 - low;
        // TA-Lib: −DM = down when down > 0 and down > up, +DM = up when up > 0 and up > down, else 0. Written as
        // one-condition selects so the JIT emits conditional moves: which side moved more is a coin flip.
        double upMove = Math.max(up, 0.0);
        double downMove = Math.max(down, 0.0);
        double plus = up > down ? upMove : 0.0;
        double minus = down > up ? downMove : 0.0;
        if (count < seedLength) {
            plusSum += plus;
            minusSum += minus;
            rangeSum += trueRange;
            count++;
        } else {
            plusSum = plusSum - plusSum / period + plus;
            minusSum = minusSum - minusSum / period + minus;
            rangeSum = rangeSum - rangeSum / period + trueRange;
            if (count == seedLength) {
                count++;
            }
        }
        return true;
    }

    /** Whether the sums are seeded (the plus_dm/minus_dm output exists). */
    public boolean isSummed() {
        return count >= seedLength;
    }

    /** Whether the sums have taken at least one Wilder step after the seed (the DI output exists, bar n on). */
    public boolean isSmoothed() {
        return count > seedLength;
    }

    /** The running sum of +DM. */
    public double plusSum() {
        return plusSum;
    }

    /** The running sum of −DM. */
    public double minusSum() {
        return minusSum;
    }

    /**
     * {@code +DI = 100·S⁺/S^TR}, 0 when {@code S^TR} ≈ 0 (TA-Lib PLUS_DI) — negligible next to n times the last high,
     * i.e. a mean true range below 1e-12 of the price ({@link Checks#negligible}), not TA-Lib's absolute 1e-8.
     */
    public double plusDi() {
        return di(plusSum);
    }

    /** {@code −DI = 100·S⁻/S^TR}, 0 when {@code S^TR} ≈ 0 (TA-Lib MINUS_DI). */
    public double minusDi() {
        return di(minusSum);
    }

    private double di(double movement) {
        double r = rangeSum;
        return Checks.negligible(r, period * previousHigh) ? 0.0 : 100.0 * (movement / r);
    }
}
