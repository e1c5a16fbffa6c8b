package test;

import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import javax.annotation.processing.Generated;

/**
 * State companion of {@link Bands}: a checkpoint of its mutable state, and its snapshot encoding.
 */
@Generated("io.ta.processor.KernelProcessor")
public final class Bands_State {
    /**
     * Hash of the state layout (nested kernels included); snapshots carry it so a changed kernel
     * rejects old snapshots.
     */
    public static final long SCHEMA = 0x6675637ec5518c07L;

    private final WindowMean_State mean;

    private final WindowMean_State fast;

    private final double[] recent;

    private double upper;

    private double middle;

    private double lower;

    /**
     * A checkpoint sized for {@code k}'s parameters.
     */
    public Bands_State(Bands k) {
        this.mean = new WindowMean_State(k.mean);
        this.fast = k.fast == null ? null : new WindowMean_State(k.fast);
        this.recent = new double[k.recent.length];
    }

    /**
     * Records {@code k}'s mutable state.
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
    }

    /**
     * Puts the recorded state back into {@code k}.
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
    }

    /**
     * Appends this checkpoint to a snapshot.
     */
    public void write(StateWriter w) {
        this.mean.write(w);
        if (this.fast != null) {
            this.fast.write(w);
        }
        w.putDoubles(this.recent);
        w.putDouble(this.upper);
        w.putDouble(this.middle);
        w.putDouble(this.lower);
    }

    /**
     * Reads this checkpoint from a snapshot.
     */
    public void read(StateReader r) {
        this.mean.read(r);
        if (this.fast != null) {
            this.fast.read(r);
        }
        r.getDoubles("recent", this.recent);
        this.upper = r.getDouble();
        this.middle = r.getDouble();
        this.lower = r.getDouble();
    }

    /**
     * Appends the complete state of {@code k}.
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
    }

    /**
     * Replaces the state of {@code k}; fixed fields must match.
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
    }
}
