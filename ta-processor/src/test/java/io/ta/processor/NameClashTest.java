package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ta.annotation.Kernel;
import io.ta.processor.validate.NameClashValidator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel named like one already on the compile classpath is an error on its {@code @Kernel}, naming both kernels
 * and the jar or folder the other comes from: the built-ins found through their package even inside a jar, another
 * library's manifest in a classpath folder through the filer.
 */
class NameClashTest {
    @TempDir
    Path dir;

    static JavaFileObject kernel(String annotation) {
        return JavaFileObjects.forSourceString("test.Mine", """
                package test;

                import io.ta.annotation.*;

                %s
                public final class Mine {
                    public Mine(@Param(defaultValue = "3", min = 1, max = 10) int period) {}

                    public static int lookback(int period) {
                        return period - 1;
                    }

                    @Step
                    public double step(double x) {
                        return x;
                    }
                }
                """.formatted(annotation));
    }

    /** The classpath of a compilation that sees ta-annotations and {@code library}. */
    static List<File> classpath(Path library) throws Exception {
        return List.of(Path.of(Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile(), library.toFile());
    }

    static Compilation compile(Path library, JavaFileObject source) throws Exception {
        return javac().withProcessors(new KernelProcessor()).withClasspath(classpath(library)).compile(source);
    }

    static final String BUILTINS = """
            {
              "format": 1,
              "kernels": [
                {"name": "sma", "aliases": ["ma_simple"], "selectors": [], "classes": {"kernel": "io.ta.kernels.ma.Sma"}}
              ]
            }
            """;

    /** A library folder: one compiled class in {@code pkg} and {@code manifest} as its catalog. */
    Path folder(String name, String pkg, String manifest) throws Exception {
        Path root = dir.resolve(name);
        Path src = dir.resolve(name + "-src/Anchor.java");
        Files.createDirectories(src.getParent());
        Files.createDirectories(root.resolve("META-INF/ta"));
        Files.writeString(src, "package " + pkg + ";\n\npublic final class Anchor {}\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, log, log, "-proc:none", "-d", root.toString(), src.toString()),
                log.toString(StandardCharsets.UTF_8));
        Files.writeString(root.resolve("META-INF/ta/catalog.json"), manifest);
        return root;
    }

    /** The same library packed as a jar. */
    Path jar(String name, String pkg, String manifest) throws Exception {
        Path root = folder(name, pkg, manifest);
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(root)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aKernelNamedLikeABuiltInInTheBuiltInsJarIsAnErrorOnTheKernel() throws Exception {
        Path builtins = jar("ta-kernels", "io.ta.kernels", BUILTINS);
        JavaFileObject mine = kernel("@Kernel(name = \"sma\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)");
        Compilation c = compile(builtins, mine);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(NameClashValidator.CLASH.formatted("sma", "Mine", "sma", "io.ta.kernels.ma.Sma",
                builtins.toString())).inFile(mine).onLineContaining("@Kernel(name = \"sma\"");
        assertEquals(1, c.errors().size(), c.errors()::toString);
    }

    @Test
    void anAliasTakenByABuiltInIsAnErrorNamingBothKernels() throws Exception {
        Path builtins = jar("ta-kernels", "io.ta.kernels", BUILTINS);
        JavaFileObject mine = kernel("@Kernel(name = \"mine\", aliases = {\"m\", \"ma_simple\"}, family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)");
        Compilation c = compile(builtins, mine);
        assertThat(c).hadErrorContaining(NameClashValidator.CLASH.formatted("ma_simple", "Mine", "sma", "io.ta.kernels.ma.Sma",
                builtins.toString())).inFile(mine).onLineContaining("aliases = {\"m\", \"ma_simple\"}");
        assertEquals(1, c.errors().size(), c.errors()::toString);
    }

    @Test
    void aSelectorTakenInAnotherLibrarysFolderIsAnError() throws Exception {
        Path lib = folder("other", "com.other", """
                {
                  "format": 1,
                  "kernels": [
                    {"name": "bbands", "aliases": ["bollinger"], "selectors": [{"alias": "bb_upper", "output": "upper"}],
                     "summary": "with \\"quotes\\" and \\u00e9", "params": [{"name": "k", "min": -1.5e3, "default": null}],
                     "classes": {"kernel": "io.ta.kernels.volatility.Bbands", "stream": "x"}}
                  ]
                }
                """);
        JavaFileObject mine = JavaFileObjects.forSourceString("test.Mine", """
                package test;

                import io.ta.annotation.*;

                @Kernel(name = "mine", family = Family.STATISTIC, summary = "s", scale = Scale.PRICE,
                        selectors = @Selector(alias = "bb_upper", output = "hi"))
                public final class Mine {
                    @Output(doc = "x") double hi;
                    @Output(doc = "minus x") double lo;

                    public Mine() {}

                    public static int lookback() {
                        return 0;
                    }

                    @Step
                    public void step(double x) {
                        hi = x;
                        lo = -x;
                    }
                }
                """);
        Compilation c = compile(lib, mine);
        assertThat(c).hadErrorContaining(NameClashValidator.CLASH.formatted("bb_upper", "Mine", "bbands",
                "io.ta.kernels.volatility.Bbands", lib.toString())).inFile(mine).onLineContaining("@Kernel(name = \"mine\"");
    }

    /**
     * A manifest the processor cannot read adds no names and fails nothing (the runtime reports it): also one nested
     * deeper than the reader's stack, which crashed the compilation with a StackOverflowError from the processor.
     */
    @Test
    void aManifestNestedTooDeeplyIsUnreadableNotACrash() throws Exception {
        String deep = "{\"format\": 1, \"kernels\": " + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        Compilation c = compile(folder("deep", "com.deep", deep), kernel(
                "@Kernel(name = \"mine\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void aFreeNameCompilesWithTheBuiltInsOnTheClasspath() throws Exception {
        Compilation c = compile(jar("ta-kernels", "io.ta.kernels", BUILTINS), kernel(
                "@Kernel(name = \"mine\", aliases = \"my\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)"));
        assertThat(c).succeededWithoutWarnings();
    }
}
