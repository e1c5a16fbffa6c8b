package io.ta.runtime.time;

import io.ta.spi.StateSnapshot;

/**
 * The executable form of a time-aware plan node ({@link TimeSpec}): state over the plan's time column, driven one bar
 * at a time with the bar's close time. Kernels never see time; these operators are the only things in a plan that
 * do (timeframes, wall-clock shifts, sessions). Both executors drive them through this interface only — the block
 * executor through {@link #updateRange}, the plan stream per bar — so a stream equals the batch result bit for bit.
 *
 * <p>Contract, as for kernel streams: {@link #update} commits a bar (times strictly ascending), {@link #preview}
 * evaluates a forming bar without changing any state, {@link #replaceLast} revises the values of the last committed
 * bar (its time stays), {@link #snapshot}/{@link #restore} capture everything including what {@code replaceLast}
 * needs. Per bar: O(1) amortized and no allocation, except where an implementation documents otherwise.
 */
public interface TimeOperator {
    /** Commits a bar that closed at {@code time}; writes one value per output into {@code out}. */
    void update(long time, double[] in, double[] out);

    /**
     * Throws, changing nothing, where {@link #update} or {@link #preview} of a bar closing at {@code time} would: a
     * plan stream asks every operator first, so that a bar one of them refuses leaves the whole plan as it was.
     *
     * @throws io.ta.error.ShapeMismatchException if the bar's period ends outside the range of timestamps
     */
    default void accept(long time) {}

    /**
     * The close time of the last committed bar, {@code Long.MIN_VALUE} before any: the plan's clock, which a plan
     * stream holds to it on restore (a forged clock would let a bar go back in time).
     */
    default long lastTime() {
        return Long.MIN_VALUE;
    }

    /** The outputs a bar closing at {@code time} would give, without committing it. */
    void preview(long time, double[] in, double[] out);

    /** Replaces the values of the last committed bar (same time). */
    void replaceLast(double[] in, double[] out);

    /** The complete state. */
    StateSnapshot snapshot();

    /**
     * Restores a state taken from an operator of the same spec.
     *
     * @throws io.ta.error.SnapshotMismatchException for a snapshot of another operator or a corrupt one; this
     *     operator is then unchanged
     */
    void restore(StateSnapshot snapshot);

    /** Back to the state of a new operator. */
    void reset();

    /**
     * The block form: {@code len} bars, bar {@code i} closing at {@code time[timeOffset + i]}, inputs
     * {@code in[k][i]}, outputs into {@code out[o][i]}. The same per-bar step as {@link #update}.
     */
    void updateRange(long[] time, int timeOffset, double[][] in, double[][] out, int len);
}
