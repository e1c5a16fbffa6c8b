package io.ta.runtime.csv;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Symbol texts numbered in order of first appearance, looked up from the bytes of a cell without creating a String
 * per row: an open-addressing hash table over byte strings.
 */
final class Symbols {
    private int[] slots = new int[64];
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private String[] names = new String[16];
    private int count;

    int count() {
        return count;
    }

    String name(int id) {
        return names[id];
    }

    List<String> names() {
        return List.of(Arrays.copyOf(names, count));
    }

    /** The id of the symbol spelled by {@code b[s..e)} (valid UTF-8), adding it when new. */
    int id(byte[] b, int s, int e) {
        int h = 1;
        for (int i = s; i < e; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 16;
        int mask = slots.length - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (id < 0) {
                return add(b, s, e, h, slot);
            }
            if (hashes[id] == h && Arrays.equals(keys[id], 0, keys[id].length, b, s, e)) {
                return id;
            }
        }
    }

    private int add(byte[] b, int s, int e, int h, int slot) {
        if (count == keys.length) {
            int n = count * 2;
            keys = Arrays.copyOf(keys, n);
            hashes = Arrays.copyOf(hashes, n);
            names = Arrays.copyOf(names, n);
        }
        int id = count++;
        keys[id] = Arrays.copyOfRange(b, s, e);
        hashes[id] = h;
        names[id] = new String(b, s, e - s, StandardCharsets.UTF_8);
        slots[slot] = id + 1;
        if (count * 2 > slots.length) {
            int[] grown = new int[slots.length * 2];
            int mask = grown.length - 1;
            for (int k = 0; k < count; k++) {
                int at = hashes[k] & mask;
                while (grown[at] != 0) {
                    at = (at + 1) & mask;
                }
                grown[at] = k + 1;
            }
            slots = grown;
        }
        return id;
    }
}
