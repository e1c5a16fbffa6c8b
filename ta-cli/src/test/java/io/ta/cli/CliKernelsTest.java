package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.Registry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extension jars in the CLI: a kernel compiled here by the annotation processor, as an extension author's build
 * compiles it, packed into a jar, and loaded with {@code --kernels} (a jar or a plugin folder) or {@code TA_KERNELS}.
 */
class CliKernelsTest {
    static final String TTRC = "golden/data/ttrc-daily.csv";

    @TempDir
    static Path work;
    static Path jar;

    /** Compiles {@code twice} (alias {@code dbl}: 2·x) with the processor and packs it with its service file. */
    @BeforeAll
    static void buildTheExtensionJar() throws Exception {
        Path src = work.resolve("src/org/example/ext/Twice.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package org.example.ext;

                import io.ta.annotation.Family;
                import io.ta.annotation.Kernel;
                import io.ta.annotation.Scale;
                import io.ta.annotation.Step;

                @Kernel(name = "twice", aliases = "dbl", family = Family.MATH, summary = "Twice x.", scale = Scale.PRICE)
                public final class Twice {
                    public Twice() {}

                    public static int lookback() {
                        return 0;
                    }

                    @Step
                    public double step(double x) {
                        return 2 * x;
                    }
                }
                """);
        Path boom = work.resolve("src/org/example/ext/Boom.java");
        Files.writeString(boom, """
                package org.example.ext;

                import io.ta.annotation.Family;
                import io.ta.annotation.Kernel;
                import io.ta.annotation.Scale;
                import io.ta.annotation.Step;

                @Kernel(name = "boom", family = Family.MATH, summary = "x, until its 50th bar throws.", scale = Scale.PRICE)
                public final class Boom {
                    long bars;

                    public Boom() {}

                    public static int lookback() {
                        return 0;
                    }

                    @Step
                    public double step(double x) {
                        if (++bars == 50) {
                            throw new IllegalStateException("boom at bar 50");
                        }
                        return x;
                    }
                }
                """);
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path generated = Files.createDirectories(work.resolve("generated"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = javac.run(null, log, log, "-classpath", System.getProperty("java.class.path"),
                "-processor", "io.ta.processor.KernelProcessor", "-d", classes.toString(), "-s", generated.toString(), src.toString(), boom.toString());
        assertEquals(0, code, log.toString(StandardCharsets.UTF_8));
        jar = Files.createDirectories(work.resolve("plugins")).resolve("example-ext.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evalComputesAnExtensionKernelFromAJar() {
        Run r = run("eval", "--kernels", jar.toString(), "--csv", TTRC, "--expr", "d=twice(close)", "--expr", "a=dbl(close)",
                "--expr", "e=close * 2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("date,d,a,e", lines.get(0));
        assertTrue(lines.size() > 100, "rows: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(cells[3], cells[1], line);
            assertEquals(cells[3], cells[2], line);
        }
    }

    @Test
    void anExtensionKernelThatThrowsIsNamedWithItsJarNotReportedAsOurs() {
        for (String command : new String[] {"eval", "stream"}) {
            Run r = run(command, "--kernels", jar.toString(), "--csv", TTRC, "--expr", "b=boom(close) + sma(close, 5)");
            assertEquals(1, r.code(), command + ": " + r.err());
            String err = r.err().strip();
            assertTrue(err.startsWith("ta: extension kernel code failed: org.example.ext.Boom.step (in " + jar + ") threw "
                    + "java.lang.IllegalStateException: boom at bar 50; this is a defect of that jar, not of ta"), err);
            assertTrue(!err.contains("please report"), err);
        }
    }

    @Test
    void withoutItTheKernelIsUnknown() {
        Run r = run("eval", "--csv", TTRC, "--expr", "d=twice(close)");
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("unknown kernel 'twice'"), r.err());
    }

    @Test
    void aPluginFolderLoadsEveryJarInIt() {
        Run r = run("list", "--kernels", jar.getParent().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("twice")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sma")), "the built-ins are still there");
        Run d = run("describe", "dbl", "--kernels", jar.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("twice"), d.out());
    }

    @Test
    void theEnvironmentVariableAddsJarsAndFolders() {
        Registry r = ExtensionKernels.registry(null, List.of(), "" + java.io.File.pathSeparator + jar.getParent(),
                new ArrayList<>());
        assertEquals("org.example.ext.Twice_Descriptor", r.kernel("dbl").getClass().getName());
        assertEquals(Registry.standard().kernels().size() + 2, r.kernels().size()); // twice and boom
        assertEquals(Registry.standard(), ExtensionKernels.registry(null, List.of(), null, new ArrayList<>()));
    }

    @Test
    void aMissingJarIsAUsageError() {
        Run r = run("eval", "--kernels", work.resolve("nope.jar").toString(), "--csv", TTRC, "--expr", "x=close");
        assertEquals(Main.USAGE, r.code(), r.err());
        assertTrue(r.err().startsWith("ta: --kernels: no such jar or folder: " + work.resolve("nope.jar") + "\n"), r.err());
    }

    @Test
    void aFileThatIsNoJarIsSkippedWithAWarning() throws Exception {
        Path folder = Files.createDirectories(work.resolve("mixed"));
        Path garbage = folder.resolve("garbage.jar");
        byte[] bytes = new byte[3000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(garbage, bytes);
        Files.copy(jar, folder.resolve("good.jar"));
        String warning = "ta: warning: kernel jar " + garbage + " skipped: it is not a jar (zip) file (";
        for (String[] args : new String[][] {
            {"eval", "--kernels", garbage.toString(), "--csv", TTRC, "--expr", "x=close"},
            {"list", "--kernels", garbage.toString()},
            {"describe", "sma", "--kernels", garbage.toString()},
            {"eval", "--kernels", folder.toString(), "--csv", TTRC, "--expr", "x=twice(close)"}}) {
            Run r = run(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().startsWith(warning), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        }
    }

    @Test
    void controlCharactersOfAServiceFileAreEscapedInTheWarning() throws Exception {
        Path bad = Files.createDirectories(work.resolve("escape")).resolve("bad.jar");
        try (OutputStream file = Files.newOutputStream(bad); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("META-INF/services/io.ta.spi.KernelLibraryProvider"));
            out.write("com.acme.\u001b[31mRed\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Run r = run("list", "--kernels", bad.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("ta: warning: "), r.err());
        assertTrue(r.err().contains("\\x1B[31mRed"), r.err());
        assertTrue(r.err().chars().noneMatch(c -> c == 0x1b), "no raw ESC: " + r.err());
        CliTest.Run option = CliTest.run("eval", "--csv", TTRC, "--expr", "a=close", "--x\u001b[31m");
        assertEquals(Main.USAGE, option.code());
        assertTrue(option.err().startsWith("ta: Unknown option: '--x\\x1B[31m'"), option.err());
    }
}
