package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import io.ta.spi.KernelStream;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import io.ta.spi.SelectorSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken extension jar on the class path — built here, its service file naming providers that cannot load — costs
 * only its own providers: every other kernel loads, and each broken provider is one {@link Registry.Problem} naming
 * it, its jar and the cause.
 */
class RegistryProblemsTest {
    /** A descriptor whose every method fails; the broken providers below extend it. */
    public abstract static class Stub implements KernelDescriptor {
        @Override
        public String name() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> aliases() {
            return List.of();
        }

        @Override
        public List<SelectorSpec> selectors() {
            return List.of();
        }

        @Override
        public Family family() {
            return Family.MATH;
        }

        @Override
        public OutputKind kind() {
            return OutputKind.NUMBER;
        }

        @Override
        public String summary() {
            return "";
        }

        @Override
        public String reference() {
            return "";
        }

        @Override
        public Scale inputScale(int input) {
            return Scale.PRICE;
        }

        @Override
        public Complexity timeCost() {
            return Complexity.CONSTANT;
        }

        @Override
        public Complexity memoryCost() {
            return Complexity.CONSTANT;
        }

        @Override
        public String lookbackFormula() {
            return "";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of();
        }

        @Override
        public List<String> inputs() {
            return List.of("x");
        }

        @Override
        public List<OutputSpec> outputs() {
            return List.of();
        }

        @Override
        public long schema() {
            return 0;
        }

        @Override
        public int lookback(ParamValues params) {
            return 0;
        }

        @Override
        public KernelStream newStream(ParamValues params) {
            throw new UnsupportedOperationException();
        }
    }

    /** Its constructor throws. */
    public static final class Exploding extends Stub {
        public Exploding() {
            throw new IllegalStateException("boom");
        }
    }

    /** Instantiates, but has no name. */
    public static final class Nameless extends Stub {
        @Override
        public String name() {
            return null;
        }
    }

    /** A library provider whose constructor throws. */
    public static final class ExplodingLibrary implements KernelLibraryProvider {
        /** Throws. */
        public ExplodingLibrary() {
            throw new IllegalStateException("boom");
        }

        @Override
        public List<KernelDescriptor> kernels() {
            return List.of();
        }
    }

    /** A library provider whose listing fails. */
    public static final class ThrowingLibrary implements KernelLibraryProvider {
        @Override
        public List<KernelDescriptor> kernels() {
            throw new IllegalStateException("broken library");
        }
    }

    /** A library provider listing one descriptor that cannot describe itself. */
    public static final class LibraryOfNameless implements KernelLibraryProvider {
        @Override
        public List<KernelDescriptor> kernels() {
            return List.of(new Nameless());
        }
    }

    static Path jarWith(Path dir, String serviceFile, String... providers) throws IOException {
        Path jar = dir.resolve("broken-extension.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(serviceFile));
            out.write(("# an extension whose build went wrong\n" + String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void brokenProvidersAreSkippedAndReportedOneLineEach(@TempDir Path dir) throws IOException {
        String notAProvider = RegistryProblemsTest.class.getName();
        Path jar = jarWith(dir, Registry.LIBRARY_FILE, "com.example.ta.Missing", notAProvider, ExplodingLibrary.class.getName(),
                LibraryOfNameless.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RegistryProblemsTest.class.getClassLoader())) {
            Registry r = Registry.load(loader);
            assertEquals(Registry.standard().kernels().size(), r.kernels().size(), "every working kernel still loads");
            assertEquals(19, Plan.compile(Map.of("v", "sma(close, 20)"), r).lookback());

            List<Registry.Problem> problems = r.problems();
            assertEquals(4, problems.size(), problems.toString());
            assertEquals(List.of("com.example.ta.Missing", notAProvider, ExplodingLibrary.class.getName(), Nameless.class.getName()),
                    problems.stream().map(Registry.Problem::provider).toList());
            for (Registry.Problem p : problems) {
                assertEquals(jar.toString(), p.source(), p.describe());
                assertTrue(p.describe().startsWith("kernel provider " + p.provider() + " (from " + jar + ") skipped: "), p.describe());
                assertEquals(1, p.describe().lines().count(), "one line per problem");
            }
            assertEquals("Provider com.example.ta.Missing not found", problems.get(0).reason());
            assertInstanceOf(java.util.ServiceConfigurationError.class, problems.get(0).cause());
            assertTrue(problems.get(1).reason().contains("not a subtype"), problems.get(1).reason());
            assertTrue(problems.get(2).reason().contains("could not be instantiated") && problems.get(2).reason().contains("boom"),
                    problems.get(2).reason());
            assertEquals("IllegalStateException: its descriptor has no name", problems.get(3).reason());
        }
        assertEquals(List.of(), Registry.standard().problems());
    }

    /**
     * Two versions of one library on a class path (acme-1.1.jar and acme-1.2.jar in a --kernels folder) list the same
     * provider class: the class loader loads the first jar's classes and the service loader drops the other listing, so
     * `ta eval --kernels v2.jar --kernels v1.jar` computed v2's numbers, the other order v1's, without a word. The
     * ignored copy is now a problem naming both places.
     */
    @Test
    void aSecondCopyOfALibraryIsReportedNotSilentlyIgnored(@TempDir Path dir) throws IOException {
        Path copy = jarWith(Files.createDirectories(dir.resolve("copy")), Registry.LIBRARY_FILE, "io.ta.kernels.TaLibrary");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()}, RegistryProblemsTest.class.getClassLoader())) {
            Registry r = Registry.load(loader);
            assertEquals(Registry.standard().kernels().size(), r.kernels().size(), "the first copy loads");
            List<Registry.Problem> problems = r.problems();
            assertEquals(1, problems.size(), problems.toString());
            Registry.Problem p = problems.get(0);
            assertEquals("io.ta.kernels.TaLibrary", p.provider());
            assertEquals(copy.toString(), p.source());
            assertTrue(p.reason().startsWith("it is a second copy of the library from "), p.reason());
            assertTrue(p.reason().contains("ta-kernels"), p.reason());
            assertEquals(1, p.describe().lines().count(), "one line per problem");
        }
        assertEquals(List.of(), Registry.standard().problems());
    }

    @Test
    void descriptorsRegisteredOneByOneAreNotADiscoveryPath(@TempDir Path dir) throws IOException {
        // Only library providers are read: a descriptor service file (even one naming a broken class) is ignored.
        Path jar = jarWith(dir, "META-INF/services/" + KernelDescriptor.class.getName(), "com.example.ta.Missing",
                Exploding.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RegistryProblemsTest.class.getClassLoader())) {
            Registry r = Registry.load(loader);
            assertEquals(Registry.standard().kernels().size(), r.kernels().size());
            assertEquals(List.of(), r.problems());
        }
    }

    @Test
    void brokenLibraryProvidersAreSkippedAndReportedOneLineEach(@TempDir Path dir) throws IOException {
        Path jar = jarWith(dir, Registry.LIBRARY_FILE, "com.example.ta.MissingLibrary", ThrowingLibrary.class.getName(),
                LibraryOfNameless.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RegistryProblemsTest.class.getClassLoader())) {
            Registry r = Registry.load(loader);
            assertEquals(Registry.standard().kernels().size(), r.kernels().size(), "every working kernel still loads");

            List<Registry.Problem> problems = r.problems();
            assertEquals(List.of("com.example.ta.MissingLibrary", ThrowingLibrary.class.getName(), Nameless.class.getName()),
                    problems.stream().map(Registry.Problem::provider).toList(), problems.toString());
            for (Registry.Problem p : problems) {
                assertEquals(jar.toString(), p.source(), p.describe());
                assertEquals(1, p.describe().lines().count(), "one line per problem");
            }
            assertEquals("Provider com.example.ta.MissingLibrary not found", problems.get(0).reason());
            assertEquals("IllegalStateException: broken library", problems.get(1).reason());
            assertEquals("IllegalStateException: its descriptor has no name", problems.get(2).reason());
        }
    }

    @Test
    void aCatalogManifestOfAnotherMajorFormatIsRefused() {
        assertEquals(1, io.ta.spi.KernelLoader.manifestFormat("{\n  \"format\": 1,\n  \"kernels\": []\n}\n"));
        IllegalStateException two = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> io.ta.spi.KernelLoader.manifestFormat("{\"format\": 2, \"kernels\": []}"));
        assertTrue(two.getMessage().contains("is format 2; this version of ta reads format 1"), two.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> io.ta.spi.KernelLoader.manifestFormat("{\"kernels\": []}"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> io.ta.spi.KernelLoader.manifestFormat("{\"format\": 99999999999999999999}"));
        assertEquals(List.of(), Registry.standard().problems(), "the built-in library's own manifest is read and accepted");
    }

    @Test
    void everyBuiltInIsTheOneInstanceItsLibraryLists() {
        List<KernelDescriptor> listed = new io.ta.kernels.TaLibrary().kernels();
        assertEquals(listed.size(), Registry.standard().kernels().size());
        for (KernelDescriptor d : listed) {
            assertTrue(Registry.standard().kernel(d.name()) == d, d.name() + " is loaded once, as the library's instance");
        }
        assertEquals(List.of(), Registry.standard().problems());
    }
}
