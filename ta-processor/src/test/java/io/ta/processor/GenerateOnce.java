package io.ta.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Writes the current generated sources of {@link Sources} (and the manifest) to a folder, to recreate the goldens:
 * run with {@code ta-processor/src/test/resources/golden} as argument after an intended writer change, then review
 * the diff.
 */
final class GenerateOnce {
    private GenerateOnce() {}

    public static void main(String[] args) throws Exception {
        Compilation c = javac().withProcessors(new KernelProcessor()).compile(Sources.WINDOW_MEAN, Sources.BANDS, Sources.LIBRARY);
        System.out.println(c.status() + " " + c.diagnostics());
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        for (JavaFileObject f : c.generatedSourceFiles()) {
            String name = f.getName().substring(f.getName().lastIndexOf('/') + 1);
            Files.writeString(out.resolve(name), f.getCharContent(true));
        }
        Files.writeString(out.resolve("catalog.json"),
                c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/ta/catalog.json").orElseThrow().getCharContent(true));
    }
}
