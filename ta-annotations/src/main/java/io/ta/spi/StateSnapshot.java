package io.ta.spi;

import io.ta.error.SnapshotMismatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A stream's complete state as a plain value: the kernel name, the state-layout hash it was written with, and the
 * state as 64-bit words (doubles as raw bits). Restoring into a stream of another kernel, layout or parameter set
 * fails with {@link SnapshotMismatchException}. {@link #toBytes()} gives a portable encoding (format
 * {@value #FORMAT}).
 *
 * @param kernel the kernel's canonical name
 * @param schema the layout hash ({@link KernelDescriptor#schema()})
 * @param words the encoded state
 */
public record StateSnapshot(String kernel, long schema, long[] words) {
    /** Version of the byte encoding. */
    public static final int FORMAT = 1;

    private static final int MAGIC = 0x5441534E; // "TASN"

    public StateSnapshot {
        words = words.clone();
    }

    @Override
    public long[] words() {
        return words.clone();
    }

    /** A reader over the words, for generated restore code. */
    public StateReader reader() {
        return new StateReader(kernel, words);
    }

    /** Portable bytes: magic, format, kernel name, schema, word count, words (big-endian). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + words.length * 8);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(FORMAT);
            out.writeUTF(kernel);
            out.writeLong(schema);
            out.writeInt(words.length);
            for (long w : words) {
                out.writeLong(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes {@link #toBytes()}.
     *
     * @throws SnapshotMismatchException for bytes that are not a snapshot of a known format
     */
    public static StateSnapshot fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new SnapshotMismatchException("not a ta state snapshot (bad magic number)");
            }
            int format = in.readUnsignedShort();
            if (format != FORMAT) {
                throw new SnapshotMismatchException("unsupported snapshot format " + format + " (this build reads " + FORMAT + ")");
            }
            String kernel = in.readUTF();
            long schema = in.readLong();
            int n = in.readInt();
            if (n < 0 || n > (bytes.length / 8)) {
                throw new SnapshotMismatchException(kernel + ": corrupt snapshot (word count " + n + ")");
            }
            long[] words = new long[n];
            for (int i = 0; i < n; i++) {
                words[i] = in.readLong();
            }
            if (in.read() != -1) {
                throw new SnapshotMismatchException(kernel + ": corrupt snapshot (trailing bytes)");
            }
            return new StateSnapshot(kernel, schema, words);
        } catch (IOException e) {
            throw new SnapshotMismatchException("truncated or corrupt snapshot: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateSnapshot s && s.kernel.equals(kernel) && s.schema == schema && Arrays.equals(s.words, words);
    }

    @Override
    public int hashCode() {
        return (kernel.hashCode() * 31 + Long.hashCode(schema)) * 31 + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "StateSnapshot[" + kernel + ", schema=" + Long.toHexString(schema) + ", " + words.length + " words]";
    }
}
