package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.kernels.candle.CandleSetting;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The candle-settings table of {@code docs/candles.md} states exactly what {@link CandleSetting} holds. */
class CandleSettingsDocTest {
    @Test
    void docsTableIsTheSettings() throws IOException {
        List<String> documented = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(Golden.path("..").resolve("docs").resolve("candles.md").normalize())) {
            if (line.startsWith("| setting |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|---")) {
                continue;
            } else if (inTable && line.startsWith("| ")) {
                String[] cells = line.split("\\|");
                documented.add(cells[1].trim() + " " + cells[2].trim() + " " + cells[3].trim() + " " + cells[4].trim());
            } else if (inTable) {
                break;
            }
        }
        List<String> actual = new ArrayList<>();
        for (CandleSetting s : CandleSetting.values()) {
            StringBuilder name = new StringBuilder();
            for (String part : s.name().split("_")) {
                name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
            String range = switch (s.range()) {
                case REAL_BODY -> "real body";
                case HIGH_LOW -> "high − low";
                case SHADOWS -> "shadows";
            };
            actual.add(name + " " + range + " " + s.period() + " " + s.factor());
        }
        assertEquals(actual, documented, "docs/candles.md's settings table differs from CandleSetting");
    }
}
