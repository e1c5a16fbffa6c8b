package io.ta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run the {@code ta} launcher trains its ahead-of-time cache on ({@code -XX:AOTCacheOutput}, JDK 25): the commands
 * a user starts with, one after another in one JVM, so that the cache holds the classes each of them loads and links,
 * and a later {@code ta} finds them ready instead of reading, verifying and linking them again (an eval or a stream
 * takes about a quarter less time; docs/performance.md, "The first calls"). Everything is written to a temporary
 * folder, deleted at the end; a failing command fails the training, and the launcher then runs without a cache.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=ta.aot -cp ta-cli.jar io.ta.cli.Training BARS.csv}.
 */
public final class Training {
    private Training() {}

    /**
     * Runs the training commands over {@code args[0]}, a CSV of daily bars.
     *
     * @param args the bars' file
     * @throws IOException if the temporary folder cannot be made or deleted
     */
    public static void main(String[] args) throws IOException {
        String bars = args[0];
        Path dir = Files.createTempDirectory("ta-training");
        try {
            List<String> eval = new ArrayList<>(List.of("eval", "--csv", bars, "--out",
                    dir.resolve("out.csv").toString()));
            for (String e : DemoCommand.EXPRESSIONS) {
                eval.addAll(List.of("--expr", e));
            }
            run(eval.toArray(String[]::new));
            run("stream", "--csv", bars, "--expr", "r=rsi(close, 14)", "--expr", "up=close > sma(close, 20)");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void run(String... args) {
        int code = Main.run(args, InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream());
        if (code != Main.OK) {
            throw new IllegalStateException("ta " + String.join(" ", args) + " exited with " + code);
        }
    }
}
