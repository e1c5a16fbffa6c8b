package test;

import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import javax.annotation.processing.Generated;

/**
 * State companion of {@link Bands}: a checkpoint of its mutable state, and its snapshot encoding.
 *
 * <p>Generated internals, for generated code and for kernels that compose this one (a generated name
 * with {@code _} is not API).
 *
 * @hidden
 */
@Generated("io.ta.processor.KernelProcessor")
public final class Bands_State {
    /**
     * Hash of the state layout (nested kernels included); snapshots carry it so a changed kernel
     * rejects old snapshots.
     */
    public static final long SCHEMA = 0x8b18f4d6827348c8L;

    private final WindowMean_State mean;

    private final WindowMean_State fast;

    private final double[] recent;

    private double upper;

    private double middle;

    private double lower;

    private double spread;

    /**
     * A checkpoint sized for {@code k}'s parameters, holding its state as constructed.
     *
     * @param k the kernel whose state this checkpoint records
     */
    public Bands_State(Bands k) {
        this.mean = new WindowMean_State(k.mean);
        this.fast = k.fast == null ? null : new WindowMean_State(k.fast);
        this.recent = new double[k.recent.length];
        this.middle = k.middle;
    }

    /**
     * Records {@code k}'s mutable state.
     *
     * @param k the kernel
     */
    public void save(Bands k) {
        this.mean.save(k.mean);
        if (k.fast != null) {
            this.fast.save(k.fast);
        }
        System.arraycopy(k.recent, 0, this.recent, 0, this.recent.length);
        this.upper = k.upper;
        this.middle = k.middle;
        this.lower = k.lower;
        this.spread = k.spread;
    }

    /**
     * Puts the recorded state back into {@code k}.
     *
     * @param k the kernel
     */
    public void restore(Bands k) {
        this.mean.restore(k.mean);
        if (k.fast != null) {
            this.fast.restore(k.fast);
        }
        System.arraycopy(this.recent, 0, k.recent, 0, this.recent.length);
        k.upper = this.upper;
        k.middle = this.middle;
        k.lower = this.lower;
        k.spread = this.spread;
    }

    /**
     * {@link #save}, but for the stream that owns {@code k}: skips the outputs its step
     * assigns before anything reads them.
     *
     * @param k the kernel
     */
    public void saveOwn(Bands k) {
        this.mean.save(k.mean);
        if (k.fast != null) {
            this.fast.save(k.fast);
        }
        System.arraycopy(k.recent, 0, this.recent, 0, this.recent.length);
        this.upper = k.upper;
        this.lower = k.lower;
        this.spread = k.spread;
    }

    /**
     * {@link #restore} of what {@link #saveOwn} recorded.
     *
     * @param k the kernel
     */
    public void restoreOwn(Bands k) {
        this.mean.restore(k.mean);
        if (k.fast != null) {
            this.fast.restore(k.fast);
        }
        System.arraycopy(this.recent, 0, k.recent, 0, this.recent.length);
        k.upper = this.upper;
        k.lower = this.lower;
        k.spread = this.spread;
    }

    /**
     * Puts back only the results {@link #save} (or the constructor) recorded:
     * what the owning stream's snapshots write for them.
     *
     * @param k the kernel
     */
    public void restoreResults(Bands k) {
        k.middle = this.middle;
    }

    /**
     * Appends the complete state of {@code k}.
     *
     * @param k the kernel to encode
     * @param w the snapshot being written
     */
    public static void writeState(Bands k, StateWriter w) {
        WindowMean_State.writeState(k.mean, w);
        w.putBoolean(k.fast != null);
        if (k.fast != null) {
            WindowMean_State.writeState(k.fast, w);
        }
        w.putDouble(k.width);
        w.putDoubles(k.recent);
        w.putDouble(k.upper);
        w.putDouble(k.middle);
        w.putDouble(k.lower);
        w.putDouble(k.spread);
    }

    /**
     * Replaces the state of {@code k}; fixed fields must match and
     * every field must satisfy its declared range and the kernel's invariants.
     *
     * @param k a fresh kernel with the snapshot's parameters, whose state is replaced
     * @param r the snapshot, positioned at this kernel's state; left past it
     * @throws io.ta.error.CorruptSnapshotException naming the first field or invariant that fails
     */
    public static void readState(Bands k, StateReader r) {
        WindowMean_State.readState(k.mean, r);
        r.expectBoolean("fast present", k.fast != null);
        if (k.fast != null) {
            WindowMean_State.readState(k.fast, r);
        }
        r.expectDouble("width", k.width);
        r.getDoubles("recent", k.recent);
        k.upper = r.getDouble();
        k.middle = r.getDouble();
        k.lower = r.getDouble();
        k.spread = r.getDouble("bands.spread", 0.0, k.width + 1.0, true);
        if (!k.ordered()) {
            throw r.corrupt("bands state breaks its invariant ordered()");
        }
    }
}
