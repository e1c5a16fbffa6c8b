package io.ta.spi;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The envelope shared by every snapshot encoding ({@link StateSnapshot}, the runtime's plan snapshot): a 4-byte magic
 * number, a 2-byte format version, the body, and a CRC32C of everything before it, big-endian. {@link #open} checks the
 * envelope before a single field is trusted; its {@link Cursor} reads the body strictly — every count is checked
 * against the bytes that remain before anything is allocated, and {@link Cursor#end} refuses trailing bytes.
 *
 * <p>Why CRC32C: it detects every error burst of up to 32 bits (so every single-byte corruption), is hardware-accelerated
 * in the JDK, and is the checksum of the storage formats users put checkpoints next to.
 */
public final class SnapshotBytes {
    /** Bytes of the magic number and format version. */
    public static final int HEADER = 6;
    /** Bytes of the trailing checksum. */
    public static final int CHECKSUM = 4;

    private SnapshotBytes() {}

    /** A growable big-endian body writer that {@link #seal}s into the final bytes. */
    public static final class Builder {
        private ByteBuffer buf;

        /** A body starting with {@code magic} and {@code format}. */
        public Builder(int magic, int format, int sizeHint) {
            buf = ByteBuffer.allocate(Math.max(64, HEADER + sizeHint + CHECKSUM));
            buf.putInt(magic);
            buf.putShort((short) format);
        }

        private void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        /** Appends a signed 32-bit integer. */
        public Builder putInt(int v) {
            room(4);
            buf.putInt(v);
            return this;
        }

        /** Appends a 64-bit integer. */
        public Builder putLong(long v) {
            room(8);
            buf.putLong(v);
            return this;
        }

        /** Appends raw bytes. */
        public Builder put(byte[] bytes) {
            room(bytes.length);
            buf.put(bytes);
            return this;
        }

        /** Appends a name as a 2-byte length and its UTF-8 bytes. */
        public Builder putName(String name) {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xFFFF) {
                throw new CorruptSnapshotException("snapshot name is longer than 65535 bytes");
            }
            room(2 + b.length);
            buf.putShort((short) b.length);
            buf.put(b);
            return this;
        }

        /** The bytes so far followed by their CRC32C. */
        public byte[] seal() {
            room(CHECKSUM);
            CRC32C crc = new CRC32C();
            crc.update(buf.array(), 0, buf.position());
            buf.putInt((int) crc.getValue());
            byte[] out = new byte[buf.position()];
            System.arraycopy(buf.array(), 0, out, 0, out.length);
            return out;
        }
    }

    /**
     * Checks the envelope of {@code bytes} — present, long enough, the right magic number, a format this build reads,
     * an intact checksum — and returns a cursor over the body.
     *
     * @param what how errors name the encoding, e.g. {@code "state snapshot"}
     * @throws CorruptSnapshotException for null, short, foreign or damaged bytes
     * @throws SnapshotMismatchException for an intact snapshot of another format version
     */
    public static Cursor open(byte[] bytes, int magic, int format, String what) {
        if (bytes == null) {
            throw new CorruptSnapshotException("no " + what + ": the bytes are null");
        }
        if (bytes.length < HEADER + CHECKSUM) {
            throw new CorruptSnapshotException(
                    "truncated " + what + ": " + bytes.length + " bytes, fewer than the " + (HEADER + CHECKSUM)
                            + " of an empty one");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int m = b.getInt(0);
        if (m != magic) {
            throw new CorruptSnapshotException(
                    "not a ta " + what + ": it starts with 0x" + hex(m) + ", expected 0x" + hex(magic));
        }
        int f = Short.toUnsignedInt(b.getShort(4));
        if (f != format) {
            throw new SnapshotMismatchException(
                    "unsupported " + what + " format " + f + " (this build reads format " + format
                            + "; snapshots are not converted between versions)");
        }
        int end = bytes.length - CHECKSUM;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        int computed = (int) crc.getValue();
        int stored = b.getInt(end);
        if (computed != stored) {
            throw new CorruptSnapshotException(
                    "corrupt " + what + ": checksum mismatch (stored 0x" + hex(stored) + ", computed 0x" + hex(computed)
                            + "); the bytes were damaged or truncated");
        }
        return new Cursor(b.slice(HEADER, end - HEADER), what);
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }

    /** A strict reader over a snapshot body whose envelope was checked. */
    public static final class Cursor {
        private final ByteBuffer b;
        private final String what;

        Cursor(ByteBuffer b, String what) {
            this.b = b;
            this.what = what;
        }

        /** Bytes left in the body. */
        public int remaining() {
            return b.remaining();
        }

        private void need(int n, String field) {
            if (b.remaining() < n) {
                throw corrupt(field + " needs " + n + " bytes but only " + b.remaining() + " remain");
            }
        }

        /** A signed 32-bit integer. */
        public int getInt(String field) {
            need(4, field);
            return b.getInt();
        }

        /** A 64-bit integer. */
        public long getLong(String field) {
            need(8, field);
            return b.getLong();
        }

        /**
         * A count of items of {@code itemBytes} bytes each that follow: at least 0 and no more than the remaining bytes
         * can hold, so nothing is ever allocated from a forged count.
         */
        public int getCount(String field, int itemBytes) {
            int n = getInt(field);
            if (n < 0 || (long) n * itemBytes > b.remaining()) {
                throw corrupt(field + " is " + Integer.toUnsignedString(n) + " but only " + b.remaining()
                        + " bytes remain");
            }
            return n;
        }

        /** {@code n} raw bytes. */
        public byte[] getBytes(String field, int n) {
            need(n, field);
            byte[] out = new byte[n];
            b.get(out);
            return out;
        }

        /** A name written by {@link Builder#putName}: valid UTF-8, lower snake case, 1 to 255 bytes. */
        public String getName(String field) {
            need(2, field);
            int n = Short.toUnsignedInt(b.getShort());
            if (n == 0 || n > 255) {
                throw corrupt(field + " has length " + n + " (1 to 255 bytes expected)");
            }
            byte[] raw = getBytes(field, n);
            String s;
            try {
                s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(raw))
                        .toString();
            } catch (CharacterCodingException e) {
                throw corrupt(field + " is not valid UTF-8");
            }
            if (!isName(s)) {
                throw corrupt(field + " is not a lower snake case name");
            }
            return s;
        }

        /** Fails unless every body byte was read. */
        public void end() {
            if (b.hasRemaining()) {
                throw corrupt(b.remaining() + " trailing bytes after the last field");
            }
        }

        /** A corruption error naming this encoding. */
        public CorruptSnapshotException corrupt(String detail) {
            return new CorruptSnapshotException("corrupt " + what + ": " + detail);
        }
    }

    /**
     * Whether {@code s} is a name {@link Cursor#getName} reads back: lower snake case ({@code [a-z][a-z0-9_]*}), so
     * ASCII, and 1 to 255 characters.
     */
    static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > 255 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
