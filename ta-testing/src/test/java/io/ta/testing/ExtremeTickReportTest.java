package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.ParamValues;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtremeTickReportTest {
    @Test
    void aShareThatReadsZeroWhereItsSumOverflowsIsReported() {
        List<ExtremeTickReport.Difference> found = ExtremeTickReport.differences(
                Descriptors.named("fixture_share_of_pair"), ParamValues.defaults(Descriptors.named("fixture_share_of_pair")),
                Double.MAX_VALUE, 64);
        ExtremeTickReport.Difference two = found.stream()
                .filter(f -> f.ticks().length == 2 && f.ticks()[0] == f.ticks()[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError("two ticks of MAX_VALUE not reported: " + found));
        assertEquals(1, two.zeros(), two::toString);
        assertEquals(1, two.firstAfter(), two::toString);
        assertEquals(0.5, two.scaled(), 0.0);
        assertTrue(two.toString().contains("1 values differ (1 read 0)"), two::toString);
    }

    @Test
    void aMaximumHasNothingToReport() {
        assertEquals(List.of(), ExtremeTickReport.differences(Descriptors.named("fixture_window_high"),
                ParamValues.defaults(Descriptors.named("fixture_window_high")), Double.MAX_VALUE, 64));
    }
}
