package com.acme.ta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.annotation.Kernel;
import io.ta.kernels.Ta;
import io.ta.kernels.TaLibrary;
import io.ta.runtime.Registry;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code src/test/modular-app}: {@code requires io.ta.runtime;} and nothing else) compiled with
 * {@code -Xlint:all -Werror} and run on the module path alone — ta-annotations, ta-kernels, ta-runtime and this
 * extension as explicit modules, no class path — finds the built-in kernels and this library's kernels through
 * {@code provides io.ta.spi.KernelLibraryProvider}.
 */
class ModularApplicationTest {
    @Test
    void aModularApplicationFindsBuiltInAndExtensionKernelsOnTheModulePath(@TempDir Path dir) throws Exception {
        // The four modules as the build produced them: jars, or class directories when run from an IDE.
        String modulePath = String.join(File.pathSeparator,
                location(Kernel.class), location(Ta.class), location(Registry.class), location(RangePosition.class));
        Path out = dir.resolve("classes");

        List<String> errors = compile(modulePath, out);
        assertEquals(List.of(), errors, "compiling the modular application");

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath + File.pathSeparator + out, "--module", "com.acme.app/com.acme.app.Main")
                .redirectErrorStream(true).start();
        java.getOutputStream().close();
        assertTrue(java.waitFor(120, TimeUnit.SECONDS), "the application did not finish");
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("app module=com.acme.app"), output);
        assertTrue(lines.contains("automatic modules=0"), output);
        assertTrue(lines.contains("problems=[]"), output);
        int kernels = new TaLibrary().kernels().size() + new AcmeTaLibrary().kernels().size();
        assertTrue(lines.contains("kernels=" + kernels), output);
        assertTrue(lines.contains("rsi from io.ta.kernels"), output);
        assertTrue(lines.contains("range_position from com.acme.ta as range_position"), output);
        // sma(close, 2) of 10, 12 is 11; from bar 2 the sma is 11.5, 13, 14.5, 13.5, so at bar 5 the window of 4 runs
        // from 11.5 to 14.5 and 13.5 sits at (13.5 - 11.5) / (14.5 - 11.5) = 2/3 of it.
        assertTrue(lines.contains("sma(close, 2)[1]=11.0"), output);
        assertTrue(lines.contains("range_position(sma(close, 2), 4)[5]=" + (2.0 / 3.0)), output);
        // dm_balance runs io.ta.kernels' WilderDm inside com.acme.ta. Period 1 is the raw +DM and -DM of each bar:
        // bar 1 moves up (high +1, low +1: +DM 1) -> 1; bar 2 down (high -0.5, low -1: -DM 1) -> 0; bar 3 is inside
        // bar 2 (high -0.1, low +0.5: neither moved out) -> 0/0, which the kernel defines as 0.5.
        assertTrue(lines.contains("dm_balance from com.acme.ta"), output);
        assertTrue(lines.contains("dm_balance(1)=[NaN, 1.0, 0.0, 0.5]"), output);
        // Both plans ran compiled, not interpreted: the plan compiler's generated class calls the extension's streams
        // directly, so it gave io.ta.runtime the read edge that service binding does not (the module declares none).
        assertTrue(lines.contains("io.ta.runtime reads com.acme.ta=true"), output);
    }

    private static List<String> compile(String modulePath, Path out) throws IOException {
        Path src = Path.of("src/test/modular-app");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(src)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-Xlint:all", "-Werror", "--module-path", modulePath,
                    "-d", out.toString()));
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
