package io.ta.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * What {@code ta --version} and {@code ta version} print: the project version (a {@code -SNAPSHOT} says it is not a
 * release), the commit it was built from ({@code +dirty} when the working tree had changes) and the build date, then
 * the Java runtime. The build writes both resources; a missing one reads as {@code unknown}.
 */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // The lines below say "unknown".
        }
        String commit = resource("commit.txt");
        return new String[] {
            "ta " + known(p.getProperty("version")) + " (commit " + known(commit) + ", built " + known(p.getProperty("built")) + ")",
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ") on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }

    private static String resource(String name) {
        try (InputStream in = Version.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** The value, or {@code unknown} when the build did not fill it in. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? "unknown" : value;
    }

    /** {@code ta version}: the same as {@code ta --version}. */
    @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version, the commit it was built from and the Java runtime.")
    static final class Print implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            for (String line : lines()) {
                spec.commandLine().getOut().println(line);
            }
            spec.commandLine().getOut().flush();
        }
    }
}
