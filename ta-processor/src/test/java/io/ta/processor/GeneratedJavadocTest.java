package io.ta.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every public member of the generated sources is documented, with no malformed javadoc: the javadoc jar of a kernel
 * library is built with doclint's {@code missing} group on, so a generated method without its {@code @param} or
 * {@code @return} fails the build of every library, not just this project's.
 */
class GeneratedJavadocTest {
    /** The hand-written test kernels: only what the processor writes is judged here. */
    private static final Set<String> INPUTS = Set.of("WindowMean.java", "Bands.java", "package-info.java");

    @Test
    void generatedSourcesPassDoclintWithMissingOn() {
        List<String> found = doclint(javac().withOptions("-Xdoclint:all/protected")
                .withProcessors(new KernelProcessor())
                .compile(Sources.WINDOW_MEAN, Sources.BANDS, Sources.LIBRARY));
        assertEquals(List.of(), found);
    }

    @Test
    void outputDocsAreEscapedInEveryGeneratedComment() throws IOException {
        // Author text is plain text: "a < b & c" in an output's doc must not become malformed HTML anywhere.
        String bands = Sources.BANDS.getCharContent(true).toString().replace("\"the mean\"", "\"the mean, a < b & c\"");
        JavaFileObject source = JavaFileObjects.forSourceString("test.Bands", bands);
        List<String> found = doclint(javac().withOptions("-Xdoclint:all/protected")
                .withProcessors(new KernelProcessor())
                .compile(Sources.WINDOW_MEAN, source, Sources.LIBRARY));
        assertEquals(List.of(), found);
    }

    @Test
    void streamsDocumentTheMethodsTheyImplement() throws IOException {
        // A javadoc run has the SPI on its class path, not its sources, so a generated override without a comment of
        // its own showed users no description at all (isReady, snapshot, restore, reset, ... on every stream page).
        Compilation c = GeneratedSourceTest.compile();
        List<String> bare = new ArrayList<>();
        for (String type : List.of("WindowMeanStream", "BandsStream")) {
            String[] lines = c.generatedSourceFile("test." + type).orElseThrow().getCharContent(true).toString()
                    .split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("    public ")) {
                    continue;
                }
                int j = i - 1;
                while (lines[j].trim().startsWith("@")) {
                    j--;
                }
                if (!lines[j].trim().equals("*/") && !lines[i].contains(" toString()")) {
                    bare.add(type + ": " + lines[i].trim());
                }
            }
        }
        assertEquals(List.of(), bare);
    }

    private static List<String> doclint(Compilation c) {
        return c.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getSource() != null)
                .filter(d -> !INPUTS.contains(simpleName(d.getSource())))
                .map(d -> simpleName(d.getSource()) + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                .toList();
    }

    private static String simpleName(JavaFileObject f) {
        String name = f.getName();
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
