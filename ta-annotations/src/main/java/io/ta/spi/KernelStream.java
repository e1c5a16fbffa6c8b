package io.ta.spi;

/**
 * The uniform, array-based view of a kernel's incremental state that the runtime drives; every generated
 * {@code NameStream} implements it next to its typed methods.
 *
 * <p>Bars are passed as one {@code double} per input in {@link KernelDescriptor#inputs()} order; outputs are
 * written one per output. A bar is <em>committed</em> by {@link #update}; {@link #preview} evaluates a forming bar
 * without committing it; {@link #replaceLast} revises the last committed bar. All three cost O(1) for kernels whose
 * step is O(1).
 */
public interface KernelStream {
    /** The kernel's descriptor. */
    KernelDescriptor descriptor();

    /** The parameters this stream was made with. */
    ParamValues params();

    /** Index of the first valid output for NaN-free input. */
    int lookback();

    /** Committed bars so far. */
    long count();

    /** Whether enough bars were committed for NaN-free input to give valid output ({@code count() > lookback()}). */
    boolean isReady();

    /** Commits one bar. */
    void update(double[] bar, double[] out);

    /** Evaluates {@code bar} as the next bar without committing it; the state is unchanged afterwards. */
    void preview(double[] bar, double[] out);

    /**
     * Replaces the last committed bar by {@code bar} (a revised tick of the same bar).
     *
     * @throws io.ta.error.StreamStateException if no bar was committed yet
     */
    void replaceLast(double[] bar, double[] out);

    /**
     * Commits the bars {@code [from, to)} of {@code in} (one array per input), writing outputs at the same indices of
     * {@code out} (one array per output). Equivalent to {@code to - from} calls of {@link #update}, with one call's
     * overhead: the building block of batch and block-at-a-time execution.
     */
    void updateRange(double[][] in, double[][] out, int from, int to);

    /**
     * The complete state, as a compact versioned value: equal states give equal snapshots, and a reset stream's equals
     * a fresh one's. The stream is left as it was. A stream belongs to one thread at a time, with one exception: while
     * no thread changes it, several may take its snapshot at once (a checkpoint serializing a state while the task
     * copies it does).
     */
    StateSnapshot snapshot();

    /**
     * Replaces this stream's state by {@code snapshot}, after validating all of it; on failure the stream is unchanged.
     *
     * @throws io.ta.error.SnapshotMismatchException if it was taken from another kernel, layout or parameter set (the
     *     message names the parameters that differ)
     * @throws io.ta.error.CorruptSnapshotException if a word breaks the kernel's invariants (a damaged or forged
     *     snapshot), naming the field
     */
    void restore(StateSnapshot snapshot);

    /** Back to the state of a fresh stream with the same parameters. */
    void reset();
}
