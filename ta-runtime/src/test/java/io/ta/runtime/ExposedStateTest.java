package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an accessor hands out cannot change the plan, stream or result behind it, whatever the caller does with it. */
class ExposedStateTest {
    /** Changes {@code list} if it can; an unmodifiable list is the other right answer. */
    static void tryToReverse(List<String> list) {
        try {
            java.util.Collections.reverse(list);
        } catch (UnsupportedOperationException unmodifiable) {
            // as it should be
        }
    }

    @Test
    void aStreamsColumnsAreItsOwn() {
        PlanStream s = Plan.compile("open - close").stream();
        tryToReverse(s.columns());
        assertEquals(List.of("open", "close"), s.columns());
        s.update(s.bar(Map.of("open", 5.0, "close", 2.0)));
        assertEquals(3.0, s.value(), "the bar was built in the stream's column order");
    }

    @Test
    void aPlansAndAResultsListsAreCopies() {
        Plan p = Plan.compile("open - close");
        tryToReverse(p.columns());
        tryToReverse(p.columns(Plan.VALUE));
        assertEquals(List.of("open", "close"), p.columns());
        assertEquals(List.of("open", "close"), p.columns(Plan.VALUE));
        Bars bars = Bars.builder().column("open", new double[] {5}).column("close", new double[] {2}).build();
        tryToReverse(bars.columns());
        assertEquals(List.of("open", "close"), bars.columns());
        PlanResult r = p.run(bars);
        tryToReverse(r.names());
        assertEquals(3.0, r.value().get(0));
    }
}
