package io.ta.spi;

import java.util.Collection;

/** Name suggestions for unknown-name errors ("did you mean ...?"). */
public final class Names {
    /** The largest edit distance a suggestion may have. */
    private static final int MAX_DISTANCE = 3;

    private Names() {}

    /**
     * The known name closest to {@code name}: one that differs only in case ({@code SMA} → {@code sma}), else the
     * closest by edit distance, or {@code null} when none is close enough to be a plausible typo (distance at most a
     * third of the longer name, and at most 3) or {@code name} is null.
     */
    public static String closest(String name, Collection<String> known) {
        if (name == null || known == null) {
            return null;
        }
        for (String k : known) {
            if (k != null && k.equalsIgnoreCase(name)) {
                return k;
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            // A name longer or shorter by more than the largest limit below is never suggested, and its distance costs
            // a table of both lengths: a name of a million characters took minutes, one of ten million all the memory.
            if (k == null || Math.abs(k.length() - name.length()) > MAX_DISTANCE) {
                continue;
            }
            int d = distance(name, k);
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return null;
        }
        int limit = Math.min(MAX_DISTANCE, Math.max(1, Math.max(name.length(), best.length()) / 3));
        return bestDistance <= limit ? best : null;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    public static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /** {@code " (did you mean x?)"} or the empty string. */
    public static String hint(String suggestion) {
        return suggestion == null ? "" : " (did you mean " + suggestion + "?)";
    }
}
