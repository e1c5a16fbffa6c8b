package io.ta.kernels.trend;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.kernels.price.TrueRange;
import io.ta.spi.Branchless;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The Wilder directional-movement core (Wilder 1978; docs/spec.md §3.2): the one home of the running sums of +DM, −DM
 * and the true range that {@code plus_dm}, {@code minus_dm}, {@code plus_di}, {@code minus_di}, {@code dx},
 * {@code adx} and {@code adxr} are built on. A kernel holds one in a final field and calls one of the two advance
 * methods once per step ({@code advance(high, low)} for the DM sums, {@code advance(high, low, close)} for the
 * true-range sum too); it is a state part, so the kernel's preview, replace-last and snapshot cover it.
 *
 * <p>Guarantees, per bar t ≥ 1, with {@code up = H_t − H_{t−1}} and {@code dn = L_{t−1} − L_t}: {@code −DM = dn} if
 * {@code dn > 0 and dn > up}, {@code +DM = up} if {@code up > 0 and up > dn}, else 0 (TA-Lib's rule). Each sum is
 * seeded with the plain sum of its first {@code n − 1} values (bars 1..n−1; one value for n = 1) and then follows
 * {@code S = S − S/n + v}: TA-Lib's operations in TA-Lib's order, so kernels built on it match TA-Lib bit for bit.
 * {@link #isSummed()} turns true with the seed (the DM outputs exist from there), {@link #isSmoothed()} one
 * Wilder step later (the DI outputs exist from there, bar n).
 *
 * <p>Missing values (§5.2): the previous bar's high and low are a one-bar window; a bar whose movement or true range
 * reads a missing cell returns false and leaves every sum unchanged, so the sums always cover the same bars; so does a
 * bar that would overflow a sum (a tick near the largest double).
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
public final class WilderDm implements StatePart<WilderDm.Mark> {
    private final int period;
    private final double n;
    private final int seedLength;
    private double previousHigh = Double.NaN;
    private double previousLow = Double.NaN;
    private double previousClose = Double.NaN;
    private double plusSum;
    private double minusSum;
    private double rangeSum;
    /** Bars summed so far, saturating at {@code seedLength + 1}. */
    private int count;

    /**
     * An empty core.
     *
     * @param period Wilder's n, at least 1
     */
    public WilderDm(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("WilderDm period must be at least 1, got " + period);
        }
        this.period = period;
        this.n = period;
        this.seedLength = Math.max(period - 1, 1);
    }

    /**
     * Advances the +DM and −DM sums by one bar (the true-range sum takes 0).
     *
     * @return false, with every sum unchanged, when the bar reads a missing cell or would overflow a sum
     */
    public boolean advance(double high, double low) {
        return accumulate(high, low, 0.0);
    }

    /**
     * Advances the +DM, −DM and true-range sums together by one bar (the DI, DX and ADX path), the true range being
     * {@link TrueRange#of} this bar and the previous close. Call one of the two advance methods on every bar, always
     * the same one.
     *
     * @return false, with every sum unchanged, when the movement or the true range reads a missing cell, or the bar
     *     would overflow a sum
     */
    public boolean advance(double high, double low, double close) {
        double c = previousClose;
        previousClose = close;
        return accumulate(high, low, TrueRange.of(c, high, low));
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
        // TA-Lib: −DM = down when down > 0 and down > up, +DM = up when up > 0 and up > down, else 0. Which side
        // moved more is a coin flip: no branch.
        double plus = Branchless.keepIf(up > down, Math.max(up, 0.0));
        double minus = Branchless.keepIf(down > up, Math.max(down, 0.0));
        double p;
        double m;
        double r;
        if (count < seedLength) {
            p = plusSum + plus;
            m = minusSum + minus;
            r = rangeSum + trueRange;
        } else {
            p = plusSum - plusSum / n + plus;
            m = minusSum - minusSum / n + minus;
            r = rangeSum - rangeSum / n + trueRange;
        }
        // Wilder's sums hold about n bars of movement, so a tick near the largest double can overflow them; such a
        // bar is skipped, as a missing one is (its high, low and close still become the previous ones), instead of
        // leaving an infinite sum for ever. (x − x) is 0 for a finite x and NaN otherwise.
        if (!((p - p) + (m - m) + (r - r) == 0.0)) {
            return false;
        }
        plusSum = p;
        minusSum = m;
        rangeSum = r;
        if (count <= seedLength) {
            count++;
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
     * {@code +DI = 100·S⁺/S^TR}, 0 when {@code S^TR} is 0 (TA-Lib PLUS_DI: below its absolute 1e-8): every true range
     * in its memory was 0.
     * Meaningful on the three-input {@code advance} path once {@link #isSmoothed()}.
     */
    public double plusDi() {
        return di(plusSum);
    }

    /** {@code −DI = 100·S⁻/S^TR}, 0 when {@code S^TR} ≈ 0 (TA-Lib MINUS_DI); see {@link #plusDi()}. */
    public double minusDi() {
        return di(minusSum);
    }

    private double di(double movement) {
        double r = rangeSum;
        // S^TR is a Wilder sum of non-negative true ranges: 0 only when every range in its memory was, so any other
        // sum is a real range, however small next to the price (ranges of 1 at 1e15 read +DI 0 under a relative
        // "≈ 0" next to n times the high).
        return r == 0.0 ? 0.0 : 100.0 * (movement / r);
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.previousHigh = previousHigh;
        m.previousLow = previousLow;
        m.previousClose = previousClose;
        m.plusSum = plusSum;
        m.minusSum = minusSum;
        m.rangeSum = rangeSum;
        m.count = count;
    }

    @Override
    public void rewind(Mark m) {
        previousHigh = m.previousHigh;
        previousLow = m.previousLow;
        previousClose = m.previousClose;
        plusSum = m.plusSum;
        minusSum = m.minusSum;
        rangeSum = m.rangeSum;
        count = m.count;
    }

    /** The period (checked on read), the bars summed, the previous high, low and close, then the three sums. */
    @Override
    public void write(StateWriter out) {
        out.putInt(period);
        out.putInt(count);
        out.putDouble(previousHigh);
        out.putDouble(previousLow);
        out.putDouble(previousClose);
        out.putDouble(plusSum);
        out.putDouble(minusSum);
        out.putDouble(rangeSum);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("dm period", period);
        int c = in.getInt("bars summed", 0, seedLength + 1);
        // Any double: the previous cells may be missing, and sums of extreme prices may overflow as the step's would.
        previousHigh = in.getDouble();
        previousLow = in.getDouble();
        previousClose = in.getDouble();
        plusSum = in.getDouble();
        minusSum = in.getDouble();
        rangeSum = in.getDouble();
        count = c;
    }

    /** A {@link WilderDm} position: its scalars. */
    public static final class Mark implements StatePart.Mark {
        double previousHigh;
        double previousLow;
        double previousClose;
        double plusSum;
        double minusSum;
        double rangeSum;
        int count;

        /** Only {@link WilderDm#newMark()} makes one. */
        Mark() {}
    }
}
