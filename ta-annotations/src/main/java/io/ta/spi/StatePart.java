package io.ta.spi;

/**
 * A reusable piece of kernel state with its own checkpointing, such as {@link io.ta.state.DoubleRing}. A kernel
 * holds it in a final field; the generated code checkpoints it through {@link #mark}/{@link #rewind} and snapshots
 * it through {@link #write}/{@link #read}.
 *
 * <p>Contract: marking and rewinding cost O(1); between a {@code mark} and its {@code rewind} the part is mutated by
 * at most one kernel step, and two nested marks (the stream's "before the last bar" and a preview's "now") must both
 * rewind correctly, innermost first. That is exactly what {@code preview} and {@code replaceLast} need.
 *
 * <p>Snapshots hold the part's <em>logical</em> content (a ring's values oldest first, not its buffer and head), so
 * equal states give equal snapshots whatever their history, and {@link #read} rebuilds every derived structure from
 * that content instead of trusting it. Marks are never serialized: a restored stream re-derives its replace-last
 * checkpoint by stepping its last bar again.
 *
 * @param <M> the part's mark type, allocated once per checkpoint by {@link #newMark()}
 */
public interface StatePart<M extends StatePart.Mark> {
    /** A fresh mark holder for this part. */
    M newMark();

    /** Records the current position into {@code mark}. */
    void mark(M mark);

    /** Returns to the position recorded in {@code mark}. */
    void rewind(M mark);

    /** Appends the complete logical state. */
    void write(StateWriter out);

    /**
     * Replaces the complete state by what {@link #write} wrote.
     *
     * @throws io.ta.error.CorruptSnapshotException if the words break one of the part's invariants (a size beyond its
     *     capacity, a value it cannot hold); the part may then be half-read and must be discarded, which generated
     *     restore code does
     */
    void read(StateReader in);

    /** A checkpoint of a {@link StatePart}: positions and scalars, never a copy of the part's contents. */
    interface Mark {}
}
