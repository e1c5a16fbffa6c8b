package io.ta.runtime;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.spi.SnapshotBytes;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The complete state of a {@link PlanStream}: the plan's fingerprint, the bar count, the last values of every node,
 * and one {@link StateSnapshot} per kernel node. {@link #toBytes()} is a portable, checksummed encoding (magic
 * {@code TAPS}, format {@value #FORMAT}) built from the kernels' own.
 *
 * @param plan the plan's fingerprint
 * @param count bars committed
 * @param values every node's last values, in node order
 * @param kernels every kernel node's state, in node order
 */
public record PlanSnapshot(long plan, long count, double[] values, List<StateSnapshot> kernels) {
    /** Version of the byte encoding; format 1 (no checksum) is no longer read. */
    public static final int FORMAT = 2;
    private static final int MAGIC = 0x54415053; // "TAPS"
    private static final String WHAT = "plan snapshot";
    /** The fewest bytes a kernel's encoded state can take: its envelope, a 1-byte name, schema and word count. */
    private static final int MIN_KERNEL_BYTES = SnapshotBytes.HEADER + 2 + 1 + 8 + 4 + SnapshotBytes.CHECKSUM;

    /**
     * A plan snapshot value.
     *
     * @throws CorruptSnapshotException if the values or kernel states are missing, or the count lies outside
     *     [0, 2^62]: no stream sees more bars, and a count of {@code Long.MAX_VALUE} would overflow on the next bar
     */
    public PlanSnapshot {
        if (values == null || kernels == null || kernels.stream().anyMatch(java.util.Objects::isNull)) {
            throw new CorruptSnapshotException("corrupt plan snapshot: missing values or kernel states");
        }
        if (count < 0 || count > StateReader.MAX_COUNT) {
            throw new CorruptSnapshotException("corrupt plan snapshot: bar count " + count + " is outside [0, 2^62]");
        }
        values = values.clone();
        kernels = List.copyOf(kernels);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * Equal to a snapshot of the same plan, count, values and kernel states: two decodes of the same bytes are equal.
     * Values compare as {@link Double#equals} does (every NaN equal to every NaN, 0.0 not equal to -0.0).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlanSnapshot s && s.plan == plan && s.count == count && Arrays.equals(s.values, values)
                && s.kernels.equals(kernels);
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(plan) * 31 + Long.hashCode(count)) * 31 + Arrays.hashCode(values)) * 31
                + kernels.hashCode();
    }

    @Override
    public String toString() {
        return "PlanSnapshot[plan=" + Long.toHexString(plan) + ", count=" + count + ", values="
                + Arrays.toString(values) + ", kernels=" + kernels + "]";
    }

    /**
     * Portable bytes, big-endian: magic {@code TAPS}, format (2 bytes), fingerprint (8), bar count (8), value count (4)
     * and the values as raw double bits (8 each), kernel count (4) and per kernel its {@link StateSnapshot#toBytes()}
     * prefixed by their length (4), then a CRC32C of all the preceding bytes (4).
     */
    public byte[] toBytes() {
        SnapshotBytes.Builder b = new SnapshotBytes.Builder(MAGIC, FORMAT, 24 + values.length * 8)
                .putLong(plan)
                .putLong(count)
                .putInt(values.length);
        for (double v : values) {
            b.putLong(Double.doubleToRawLongBits(v));
        }
        b.putInt(kernels.size());
        for (StateSnapshot k : kernels) {
            byte[] bytes = k.toBytes();
            b.putInt(bytes.length).put(bytes);
        }
        return b.seal();
    }

    /**
     * Decodes {@link #toBytes()}, strictly: the checksum must match, every count must fit in the bytes that follow,
     * every kernel state must decode, and nothing may follow.
     *
     * @throws CorruptSnapshotException for null, truncated, damaged or over-long bytes
     * @throws SnapshotMismatchException for an intact snapshot of another format version
     */
    public static PlanSnapshot fromBytes(byte[] bytes) {
        SnapshotBytes.Cursor in = SnapshotBytes.open(bytes, MAGIC, FORMAT, WHAT);
        long plan = in.getLong("fingerprint");
        long count = in.getLong("bar count"); // checked by the constructor, as a count built in code is
        int nv = in.getCount("value count", 8);
        double[] values = new double[nv];
        for (int i = 0; i < nv; i++) {
            values[i] = Double.longBitsToDouble(in.getLong("value"));
        }
        int nk = in.getCount("kernel count", 4 + MIN_KERNEL_BYTES);
        List<StateSnapshot> kernels = new ArrayList<>(nk);
        for (int i = 0; i < nk; i++) {
            int len = in.getCount("length of kernel state " + i, 1);
            try {
                kernels.add(StateSnapshot.fromBytes(in.getBytes("kernel state " + i, len)));
            } catch (SnapshotMismatchException e) {
                throw in.corrupt("kernel state " + i + ": " + e.getMessage());
            }
        }
        in.end();
        return new PlanSnapshot(plan, count, values, kernels);
    }
}
