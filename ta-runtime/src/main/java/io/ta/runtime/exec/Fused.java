package io.ta.runtime.exec;

/**
 * A plan compiled by {@link FusedCompiler}: its loop body steps every node of the plan for one bar, with every
 * intermediate value in a local variable. A plan too large for one compilation runs its batch in stages, a class each
 * ({@code Staged}). Instances are made for one run ({@code batch}) or one plan stream.
 */
public interface Fused {
    /**
     * Bars {@code [0, n)} of the columns (one array per plan column) through fresh kernels with the parameters of this
     * instance's streams, {@code block} bars at a time, writing every root's value at the same index of its array. The
     * streams are only read.
     */
    void batch(double[][] columns, double[][] roots, int n, int block);

    /**
     * Commits one bar through the kernel streams. Writes the column and root slots of {@code values}, and those one part
     * of the compiled method hands to a later one; the other slots hold what they held (as in {@link #preview} and
     * {@link #replaceLast}).
     */
    void update(double[] bar, double[] values);

    /** Evaluates one bar without committing it; writes {@code values} as {@link #update} does. */
    void preview(double[] bar, double[] values);

    /** Replaces the last committed bar; writes {@code values} as {@link #update} does. */
    void replaceLast(double[] bar, double[] values);

    /**
     * Writes every kernel slot of {@code values}: the streams' outputs of the most recent {@code update},
     * {@code preview} or {@code replaceLast}, for a snapshot (which then recomputes the operator slots).
     */
    void kernelOutputs(double[] values);
}
