package io.ta.runtime.exec;

import io.ta.error.SnapshotMismatchException;
import io.ta.spi.StateSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The complete state of a {@link PlanStream}: the plan's fingerprint, the bar count, the last values of every node,
 * and one {@link StateSnapshot} per kernel node. {@link #toBytes()} is a portable encoding (magic {@code TAPS},
 * format {@value #FORMAT}) built from the kernels' own.
 */
public record PlanSnapshot(long plan, long count, double[] values, List<StateSnapshot> kernels) {
    public static final int FORMAT = 1;
    private static final int MAGIC = 0x54415053; // "TAPS"

    public PlanSnapshot {
        values = values.clone();
        kernels = List.copyOf(kernels);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(FORMAT);
            out.writeLong(plan);
            out.writeLong(count);
            out.writeInt(values.length);
            for (double v : values) {
                out.writeLong(Double.doubleToRawLongBits(v));
            }
            out.writeInt(kernels.size());
            for (StateSnapshot k : kernels) {
                byte[] b = k.toBytes();
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static PlanSnapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new SnapshotMismatchException("not a ta plan snapshot (bad magic number)");
            }
            int format = in.readUnsignedShort();
            if (format != FORMAT) {
                throw new SnapshotMismatchException("unsupported plan snapshot format " + format);
            }
            long plan = in.readLong();
            long count = in.readLong();
            int nv = in.readInt();
            if (nv < 0 || nv > bytes.length / 8) {
                throw new SnapshotMismatchException("corrupt plan snapshot (value count " + nv + ")");
            }
            double[] values = new double[nv];
            for (int i = 0; i < nv; i++) {
                values[i] = Double.longBitsToDouble(in.readLong());
            }
            int nk = in.readInt();
            if (nk < 0 || nk > bytes.length) {
                throw new SnapshotMismatchException("corrupt plan snapshot (kernel count " + nk + ")");
            }
            List<StateSnapshot> kernels = new ArrayList<>();
            for (int i = 0; i < nk; i++) {
                int len = in.readInt();
                if (len < 0 || len > bytes.length) {
                    throw new SnapshotMismatchException("corrupt plan snapshot (kernel state length " + len + ")");
                }
                kernels.add(StateSnapshot.fromBytes(in.readNBytes(len)));
            }
            return new PlanSnapshot(plan, count, values, kernels);
        } catch (IOException e) {
            throw new SnapshotMismatchException("truncated or corrupt plan snapshot: " + e.getMessage());
        }
    }
}
