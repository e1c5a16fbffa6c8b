package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The "did you mean" suggestions of every unknown-name error. */
class NamesTest {
    @Test
    void suggestsCaseTyposAndSwaps() {
        List<String> known = List.of("sma", "ema", "period", "bb_upper");
        assertEquals("sma", Names.closest("SMA", known));
        assertEquals("sma", Names.closest("smaa", known));
        assertEquals("period", Names.closest("perod", known));
        assertEquals("bb_upper", Names.closest("bb_uppre", known));
        assertNull(Names.closest("macdext", known));
        assertNull(Names.closest(null, known));
    }

    /**
     * A long unknown name costs what a short one does: the edit distance of every known name to a name of a million
     * characters allocated a million-row table per name, so Registry.resolve of one took 340 s, and one of ten
     * million ended in an OutOfMemoryError, where the answer (no suggestion) follows from the lengths alone.
     */
    @Test
    void aLongUnknownNameIsAnsweredAtOnce() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            known.add("kernel_" + i);
        }
        String huge = "a".repeat(10_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertNull(Names.closest(huge, known)));
        assertEquals("kernel_1", Names.closest("kernel_1" + "x".repeat(3), known));
    }

    /** Leaving out the names too long or too short to be suggested changes no suggestion. */
    @Test
    void theSuggestionIsTheClosestWithinTheLimit() {
        SplittableRandom r = new SplittableRandom(64);
        for (int c = 0; c < 2_000; c++) {
            List<String> known = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                known.add(word(r));
            }
            String name = word(r);
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String k : known) {
                int d = Names.distance(name, k);
                if (d < bestDistance || d == bestDistance && k.compareTo(best) < 0) {
                    best = k;
                    bestDistance = d;
                }
            }
            int limit = Math.min(3, Math.max(1, Math.max(name.length(), best.length()) / 3));
            boolean caseOnly = known.stream().anyMatch(k -> k.equalsIgnoreCase(name));
            if (!caseOnly) {
                assertEquals(bestDistance <= limit ? best : null, Names.closest(name, known), name + " in " + known);
            }
        }
    }

    private static String word(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + r.nextInt(4)));
        }
        return sb.toString();
    }
}
