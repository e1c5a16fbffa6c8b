package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code talib06/synthetic-candles.csv} is exactly what {@link SyntheticCandles} generates, so the data behind the
 * candle fixtures has a checked provenance. Regenerate with
 * {@code mvn -B -pl golden -am test -Dtest=SyntheticCandlesTest -Dsurefire.failIfNoSpecifiedTests=false -Dta.regenerate=true},
 * then regenerate the fixtures (talib06/README.md).
 */
class SyntheticCandlesTest {
    static Path file() {
        return Golden.path("talib06", "synthetic-candles.csv");
    }

    @Test
    void committedDataIsTheGeneratorsOutput() throws IOException {
        String generated = SyntheticCandles.csv();
        if (Boolean.getBoolean("ta.regenerate")) {
            Files.writeString(file(), generated);
        }
        assertEquals(generated, Files.exists(file()) ? Files.readString(file()) : "",
                "talib06/synthetic-candles.csv is not SyntheticCandles' output: regenerate it (see this test's class comment)");
    }
}
