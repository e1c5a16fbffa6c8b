package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the generated code for a single-output kernel ({@code WindowMean}) and a multi-output kernel
 * composed from it ({@code Bands}). The goldens live in {@code src/test/resources/golden}; after an intended change
 * to the writers, regenerate them with {@link GenerateOnce} and review the diff.
 */
class GeneratedSourceTest {
    static Compilation compile() {
        return javac()
                .withOptions("-Xlint:all,-processing", "-Werror")
                .withProcessors(new KernelProcessor())
                .compile(Sources.WINDOW_MEAN, Sources.BANDS, Sources.LIBRARY);
    }

    @Test
    void generatedCodeCompilesWithoutWarnings() {
        assertThat(compile()).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "WindowMeanStream", "WindowMean_State", "WindowMean_Descriptor",
        "BandsStream", "Bands_State", "Bands_Descriptor", "BandsResult", "TestTa", "TestTaExpr", "TestTaLibrary"})
    void generatedSourceMatchesGolden(String type) throws IOException {
        assertThat(compile()).generatedSourceFile("test." + type).contentsAsUtf8String().isEqualTo(golden(type + ".java"));
    }

    @Test
    void registersNoDescriptorOneByOne() {
        // The library provider is the one discovery path: a per-descriptor service entry would load each twice.
        org.junit.jupiter.api.Assertions.assertTrue(
                compile().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.ta.spi.KernelDescriptor").isEmpty());
    }

    @Test
    void registersTheOneLibraryProvider() throws IOException {
        assertThat(compile())
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/io.ta.spi.KernelLibraryProvider")
                .contentsAsUtf8String()
                .isEqualTo("test.TestTaLibrary\n");
    }

    @Test
    void writesTheCatalogManifest() throws IOException {
        assertThat(compile())
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/ta/catalog.json")
                .contentsAsUtf8String()
                .isEqualTo(golden("catalog.json"));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = GeneratedSourceTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden " + name + "; run GenerateOnce");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
