package io.ta.runtime.csv;

import java.util.Arrays;

/**
 * Growable primitive columns kept as fixed-size chunks (after a first one that grows from a few values), so loading
 * never copies what it already holds (a doubling array briefly needs three times its final size) and the final array
 * is assembled chunk by chunk while the chunks are released (at most one column is held twice).
 */
final class Chunks {
    static final int SHIFT = 16;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    static final int FIRST = 64;

    private Chunks() {}

    /** A growable {@code double} column. */
    static final class Doubles {
        private double[][] chunks = new double[8][];
        private int size;

        void add(double v) {
            if (size < SIZE) {
                // The first chunk grows by doubling, so a small table stays small.
                if (size == 0 || size == chunks[0].length) {
                    chunks[0] = size == 0 ? new double[FIRST] : Arrays.copyOf(chunks[0], size * 2);
                }
                chunks[0][size++] = v;
                return;
            }
            int c = size >>> SHIFT;
            if ((size & MASK) == 0) {
                if (c == chunks.length) {
                    chunks = Arrays.copyOf(chunks, c * 2);
                }
                chunks[c] = new double[SIZE];
            }
            chunks[c][size & MASK] = v;
            size++;
        }

        /** The values as one array; the chunks are released. */
        double[] toArray() {
            double[] out = new double[size];
            for (int c = 0, at = 0; at < size; c++, at += SIZE) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(SIZE, size - at));
                chunks[c] = null;
            }
            return out;
        }
    }

    /** A growable {@code long} column. */
    static final class Longs {
        private long[][] chunks = new long[8][];
        private int size;

        void add(long v) {
            if (size < SIZE) {
                // The first chunk grows by doubling, so a small table stays small.
                if (size == 0 || size == chunks[0].length) {
                    chunks[0] = size == 0 ? new long[FIRST] : Arrays.copyOf(chunks[0], size * 2);
                }
                chunks[0][size++] = v;
                return;
            }
            int c = size >>> SHIFT;
            if ((size & MASK) == 0) {
                if (c == chunks.length) {
                    chunks = Arrays.copyOf(chunks, c * 2);
                }
                chunks[c] = new long[SIZE];
            }
            chunks[c][size & MASK] = v;
            size++;
        }

        long get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        /** The values as one array; the chunks are released. */
        long[] toArray() {
            long[] out = new long[size];
            for (int c = 0, at = 0; at < size; c++, at += SIZE) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(SIZE, size - at));
                chunks[c] = null;
            }
            return out;
        }
    }

    /** A growable {@code int} column. */
    static final class Ints {
        private int[][] chunks = new int[8][];
        private int size;

        void add(int v) {
            if (size < SIZE) {
                // The first chunk grows by doubling, so a small table stays small.
                if (size == 0 || size == chunks[0].length) {
                    chunks[0] = size == 0 ? new int[FIRST] : Arrays.copyOf(chunks[0], size * 2);
                }
                chunks[0][size++] = v;
                return;
            }
            int c = size >>> SHIFT;
            if ((size & MASK) == 0) {
                if (c == chunks.length) {
                    chunks = Arrays.copyOf(chunks, c * 2);
                }
                chunks[c] = new int[SIZE];
            }
            chunks[c][size & MASK] = v;
            size++;
        }

        int size() {
            return size;
        }

        /** The values as one array; the chunks are released. */
        int[] toArray() {
            int[] out = new int[size];
            for (int c = 0, at = 0; at < size; c++, at += SIZE) {
                System.arraycopy(chunks[c], 0, out, at, Math.min(SIZE, size - at));
                chunks[c] = null;
            }
            return out;
        }
    }

    /** Texts laid end to end in one byte array, with the end offset of each. */
    static final class Texts {
        private byte[] bytes = new byte[1 << 12];
        private int used;
        private final Ints ends = new Ints();

        void add(byte[] b, int s, int e) {
            int n = e - s;
            if (used + n > bytes.length) {
                long want = Math.max(used + (long) n, bytes.length + (bytes.length >> 1));
                if (want > Integer.MAX_VALUE - 16) {
                    throw new OutOfMemoryError("row labels beyond 2 GiB of text");
                }
                bytes = Arrays.copyOf(bytes, (int) want);
            }
            System.arraycopy(b, s, bytes, used, n);
            used += n;
            ends.add(used);
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, used);
        }

        int[] ends() {
            return ends.toArray();
        }
    }
}
