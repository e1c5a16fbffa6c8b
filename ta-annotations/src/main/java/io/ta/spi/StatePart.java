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
 * @param <M> the part's mark type, allocated once per checkpoint by {@link #newMark()}
 */
public interface StatePart<M extends StatePart.Mark> {
    /** A fresh mark holder for this part. */
    M newMark();

    /** Records the current position into {@code mark}. */
    void mark(M mark);

    /** Returns to the position recorded in {@code mark}. */
    void rewind(M mark);

    /** Appends the complete state. */
    void write(StateWriter out);

    /** Replaces the complete state by what {@link #write} wrote. */
    void read(StateReader in);

    /** A checkpoint of a {@link StatePart}; serializable so streams can snapshot their replace-last checkpoint. */
    interface Mark {
        void write(StateWriter out);

        void read(StateReader in);
    }
}
