package io.ta.testing;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test's class run in a fresh JVM started with other options, for results that must not depend on them: the same
 * bits with and without a fused multiply-add ({@code -XX:-UseFMA}), which a JVM cannot switch once started. The child
 * runs everything on the class path: this JVM's class path and module path, and the class's own location first.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Runs {@code main}'s {@code main(String[])} in a fresh JVM started with {@code options} and returns the
     * {@code hash NAME VALUE} lines it printed, by name.
     *
     * @param main a class with a {@code main(String[])} method, on this JVM's class path or module path
     * @param options JVM options of the child, such as {@code -XX:-UseFMA}
     * @return each hash the child printed, by its name
     * @throws IOException if the child cannot be started or its class's location cannot be read
     * @throws InterruptedException if this thread is interrupted while waiting for the child
     * @throws AssertionError if the child exits with a non-zero status, with its output
     */
    public static Map<String, Long> hashes(Class<?> main, String... options) throws IOException, InterruptedException {
        List<String> path = new ArrayList<>();
        try {
            path.add(Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        for (String p : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(p, "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    path.add(entry);
                }
            }
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), main.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(main.getName() + " in a JVM started with " + List.of(options) + " failed:\n"
                    + out);
        }
        Map<String, Long> hashes = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 3 && w[0].equals("hash")) {
                hashes.put(w[1], Long.parseLong(w[2]));
            }
        }
        return hashes;
    }
}
