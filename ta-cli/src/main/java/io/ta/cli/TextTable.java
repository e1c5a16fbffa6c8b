package io.ta.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns stay aligned whatever the cell lengths: a cell longer than its column's width
 * wraps onto continuation lines (after a {@code ", "} or a space when it can, else anywhere), with the cells of the
 * other columns left blank there. The last column is never padded.
 */
final class TextTable {
    private final int[] max;
    private final List<String[]> rows = new ArrayList<>();

    /** @param maxWidths the widest each column may be (its longest cell when narrower); the last is ignored */
    TextTable(int... maxWidths) {
        this.max = maxWidths.clone();
    }

    TextTable row(String... cells) {
        if (cells.length != max.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + max.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** The lines, without trailing spaces. */
    List<String> lines(String indent) {
        int n = max.length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int c = 0; c < n - 1; c++) {
                width[c] = Math.max(width[c], Math.min(max[c], r[c].length()));
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < n; c++) {
                List<String> parts = c == n - 1 ? List.of(r[c]) : wrap(r[c], width[c]);
                wrapped.add(parts);
                height = Math.max(height, parts.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder sb = new StringBuilder(indent);
                for (int c = 0; c < n; c++) {
                    String part = line < wrapped.get(c).size() ? wrapped.get(c).get(line) : "";
                    sb.append(part);
                    if (c < n - 1) {
                        sb.append(" ".repeat(width[c] - part.length() + 2));
                    }
                }
                out.add(sb.toString().stripTrailing());
            }
        }
        return out;
    }

    /** {@code text} in pieces of at most {@code width} characters, broken after ", " or a space where possible. */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(", ", width - 1);
            int next;
            if (cut > 0) {
                next = cut + 2;
                cut = cut + 1;
            } else {
                cut = rest.lastIndexOf(' ', width);
                next = cut + 1;
                if (cut <= 0) {
                    cut = width;
                    next = width;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(next);
        }
        out.add(rest);
        return out;
    }
}
