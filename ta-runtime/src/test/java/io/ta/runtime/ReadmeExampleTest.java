package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java quick start is a whole program: this test cuts it out of README.md as it is, compiles it against
 * the reactor's classes with the build's own gate ({@code -Xlint:all -Werror}, so a missing import or a deprecation
 * fails here, not for the first user), runs it, and checks what it prints says what the README claims: the stream
 * reproduces the batch value bit for bit, and the text plan, its stream and the fluent plan agree.
 */
class ReadmeExampleTest {
    private static final Pattern CLASS = Pattern.compile("public class (\\w+)");
    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

    @Test
    void quickStartCompilesAndRunsAsWritten(@TempDir Path dir) throws Exception {
        String program = quickStart(readme());
        Matcher m = CLASS.matcher(program);
        assertTrue(m.find(), "the quick start declares a public class");
        String className = m.group(1);
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, program);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        compile(source, classes);
        Map<String, Map<String, Double>> printed = run(classes, className);

        Map<String, Double> rsi = printed.get("rsi");
        assertEquals(0, Double.compare(rsi.get("batch"), rsi.get("stream")), "stream reproduces the batch RSI: " + rsi);
        for (double v : rsi.values()) {
            assertTrue(v >= 0 && v <= 100, "RSI in [0, 100]: " + rsi);
        }
        for (double v : printed.get("trend").values()) {
            assertTrue(Double.isFinite(v), "past warm-up: " + printed.get("trend"));
        }
        Map<String, Double> trend = printed.get("trend");
        assertEquals(0, Double.compare(trend.get("histogram"), trend.get("histogramStream")),
                "the chained multi-output stream reproduces the batch MACD histogram: " + trend);
        Map<String, Double> buy = printed.get("buy");
        assertEquals(buy.get("batch"), buy.get("stream"), "plan batch and plan stream agree: " + buy);
        assertEquals(buy.get("batch"), buy.get("fluent"), "text and fluent plans agree: " + buy);
        assertTrue(buy.get("batch") == 0.0 || buy.get("batch") == 1.0, "a condition is 0 or 1: " + buy);
    }

    /** README.md at the repository root, found from the module directory surefire runs in. */
    private static String readme() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("README.md");
            if (Files.isRegularFile(f) && Files.readString(f).contains("## Java quick start")) {
                return Files.readString(f);
            }
        }
        throw new IllegalStateException("README.md with a Java quick start not found above " + Path.of("").toAbsolutePath());
    }

    /** The first {@code ```java} block of the quick start section. */
    private static String quickStart(String readme) {
        int section = readme.indexOf("## Java quick start");
        int open = readme.indexOf("```java\n", section);
        int next = readme.indexOf("\n## ", section + 1);
        assertTrue(open > 0 && (next < 0 || open < next), "the quick start has a java block");
        int close = readme.indexOf("\n```", open + 8);
        return readme.substring(open + "```java\n".length(), close + 1);
    }

    private static void compile(Path source, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(source.toFile());
            List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "-classpath", classpath,
                    "-d", classes.toString());
            boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertTrue(ok, "README quick start does not compile:\n" + diagnostics);
        }
    }

    /** Runs {@code main} and parses each printed line {@code label k=v k=v ...}. */
    private static Map<String, Map<String, Double>> run(Path classes, String className) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        Map<String, Map<String, Double>> lines = new HashMap<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Double> fields = new HashMap<>();
            Matcher f = FIELD.matcher(line);
            while (f.find()) {
                fields.put(f.group(1), Double.parseDouble(f.group(2)));
            }
            lines.put(line.substring(0, line.indexOf(' ')), fields);
        }
        assertEquals(List.of("buy", "rsi", "trend"), lines.keySet().stream().sorted().toList(), "printed: " + lines);
        return lines;
    }
}
