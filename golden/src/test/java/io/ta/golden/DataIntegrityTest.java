package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The data every fixture was computed on is exactly the data recorded in {@code data/README.md}. */
class DataIntegrityTest {
    @Test
    void dataFilesMatchTheirRecordedChecksums() throws Exception {
        String readme = Files.readString(Golden.path("data", "README.md"));
        Matcher m = Pattern.compile("([0-9a-f]{64})  (\\S+\\.csv)").matcher(readme);
        int checked = 0;
        while (m.find()) {
            byte[] bytes = Files.readAllBytes(Golden.path("data", m.group(2)));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(m.group(1), actual, m.group(2) + " changed since its fixtures were generated");
            checked++;
        }
        assertEquals(2, checked, "both data files are listed with a checksum");
        assertTrue(Dataset.load("ttrc").rows() == 5550 && Dataset.load("eu").rows() == 1860);
    }
}
