package io.ta.spi;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import java.util.Arrays;

/**
 * A stream's complete state as a plain value: the kernel name, the state-layout hash it was written with, and the
 * state as 64-bit words (doubles as raw bits). Restoring into a stream of another kernel, layout or parameter set
 * fails with {@link SnapshotMismatchException}; words no stream could have written fail with
 * {@link CorruptSnapshotException}. {@link #toBytes()} gives a portable, checksummed encoding (format {@value #FORMAT}).
 *
 * @param kernel the kernel's canonical name
 * @param schema the layout hash ({@link KernelDescriptor#schema()})
 * @param words the encoded state
 */
public record StateSnapshot(String kernel, long schema, long[] words) {
    /** Version of the byte encoding; format 1 (no checksum) is no longer read. */
    public static final int FORMAT = 2;

    private static final int MAGIC = 0x5441534E; // "TASN"
    private static final String WHAT = "state snapshot";

    /**
     * A snapshot value.
     *
     * @throws CorruptSnapshotException if the kernel name or the words are missing, or the name is no kernel's (lower
     *     snake case, 1 to 255 characters): {@link #toBytes()} would write bytes {@link #fromBytes} refuses
     */
    public StateSnapshot {
        if (kernel == null || kernel.isEmpty()) {
            throw new CorruptSnapshotException("corrupt state snapshot: no kernel name");
        }
        if (!SnapshotBytes.isName(kernel)) {
            throw new CorruptSnapshotException("corrupt state snapshot: kernel name '"
                    + (kernel.length() > 40 ? kernel.substring(0, 40) + "…" : kernel) + "' (" + kernel.length()
                    + " characters) is not a kernel's: lower snake case, 1 to 255 characters");
        }
        if (words == null) {
            throw new CorruptSnapshotException(kernel + ": corrupt state snapshot: no state words");
        }
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

    /**
     * Portable bytes, big-endian: magic {@code TASN}, format (2 bytes), kernel name (2-byte length, UTF-8), schema
     * (8 bytes), word count (4 bytes), the words (8 bytes each), and a CRC32C of all the preceding bytes (4 bytes).
     */
    public byte[] toBytes() {
        return new SnapshotBytes.Builder(MAGIC, FORMAT, 16 + kernel.length() + words.length * 8)
                .putName(kernel)
                .putLong(schema)
                .putInt(words.length)
                .put(longsToBytes(words))
                .seal();
    }

    private static byte[] longsToBytes(long[] words) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(words.length * 8);
        b.asLongBuffer().put(words);
        return b.array();
    }

    /**
     * Decodes {@link #toBytes()}, strictly: the checksum must match, the word count must be exactly what the bytes
     * hold, and nothing may follow.
     *
     * @throws CorruptSnapshotException for null, truncated, damaged or over-long bytes, or bytes that are not a
     *     state snapshot
     * @throws SnapshotMismatchException for an intact snapshot of another format version
     */
    public static StateSnapshot fromBytes(byte[] bytes) {
        SnapshotBytes.Cursor in = SnapshotBytes.open(bytes, MAGIC, FORMAT, WHAT);
        String kernel = in.getName("kernel name");
        long schema = in.getLong("schema");
        int n = in.getCount("word count", 8);
        long[] words = new long[n];
        java.nio.ByteBuffer.wrap(in.getBytes("words", n * 8)).asLongBuffer().get(words);
        in.end();
        return new StateSnapshot(kernel, schema, words);
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
