package io.ta.golden;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code golden/} folder, wherever the JVM was started (Surefire runs in it; the generators from the root). */
final class Golden {
    private Golden() {}

    static Path path(String first, String... more) {
        Path here = Path.of(first, more);
        return Files.exists(Path.of("talib")) ? here : Path.of("golden").resolve(here);
    }

    /** The gzip-compressed fixture {@code <reference>/fixtures/<id>.csv.gz} (read with {@link Fixture#lines}). */
    static Path fixture(String reference, String id) {
        return path(reference, "fixtures", id + ".csv.gz");
    }
}
