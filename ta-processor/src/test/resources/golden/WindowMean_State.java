package test;

import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import io.ta.state.DoubleRing;
import javax.annotation.processing.Generated;

/**
 * State companion of {@link WindowMean}: a checkpoint of its mutable state, and its snapshot encoding.
 *
 * <p>Generated internals, for generated code and for kernels that compose this one (a generated name
 * with {@code _} is not API).
 *
 * @hidden
 */
@Generated("io.ta.processor.KernelProcessor")
public final class WindowMean_State {
    /**
     * Hash of the state layout (nested kernels included); snapshots carry it so a changed kernel
     * rejects old snapshots.
     */
    public static final long SCHEMA = 0x2eb7094f47f1f05cL;

    private final DoubleRing.Mark window;

    private double sum;

    private int filled;

    /**
     * A checkpoint sized for {@code k}'s parameters, holding its state as constructed.
     *
     * @param k the kernel whose state this checkpoint records
     */
    public WindowMean_State(WindowMean k) {
        this.window = k.window.newMark();
    }

    /**
     * Records {@code k}'s mutable state.
     *
     * @param k the kernel
     */
    public void save(WindowMean k) {
        k.window.mark(this.window);
        this.sum = k.sum;
        this.filled = k.filled;
    }

    /**
     * Puts the recorded state back into {@code k}.
     *
     * @param k the kernel
     */
    public void restore(WindowMean k) {
        k.window.rewind(this.window);
        k.sum = this.sum;
        k.filled = this.filled;
    }

    /**
     * Appends the complete state of {@code k}.
     *
     * @param k the kernel to encode
     * @param w the snapshot being written
     */
    public static void writeState(WindowMean k, StateWriter w) {
        w.putInt(k.period);
        w.putBoolean(k.floor);
        k.window.write(w);
        w.putDouble(k.sum);
        w.putInt(k.filled);
    }

    /**
     * Replaces the state of {@code k}; fixed fields must match and
     * every field must satisfy its declared range and the kernel's invariants.
     *
     * @param k a fresh kernel with the snapshot's parameters, whose state is replaced
     * @param r the snapshot, positioned at this kernel's state; left past it
     * @throws io.ta.error.CorruptSnapshotException naming the first field or invariant that fails
     */
    public static void readState(WindowMean k, StateReader r) {
        r.expectInt("period", k.period);
        r.expectBoolean("floor", k.floor);
        r.readPart("window", k.window);
        k.sum = r.getDouble();
        k.filled = r.getInt("window_mean.filled", 0.0, k.period);
    }
}
