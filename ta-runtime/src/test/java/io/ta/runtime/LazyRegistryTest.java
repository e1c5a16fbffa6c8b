package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.UnknownNameException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import io.ta.spi.KernelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry loads a kernel's descriptor only when a name resolves to it, for libraries that list their names (every
 * generated one): proven on a class loader of its own that records which classes it defines. A listed kernel that
 * cannot be loaded, or whose descriptor answers to other names than its library lists, is a problem from the moment
 * a name resolves to it, and its name an {@link UnknownNameException} that says why.
 */
class LazyRegistryTest {
    /**
     * Defines the classes under {@code prefix} itself from {@code urls} (and records them), finds resources in
     * {@code urls} only, and delegates every other class to {@code parent}: a library seen as a fresh JVM sees it.
     */
    static final class Isolated extends URLClassLoader {
        final String prefix;
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        Isolated(URL[] urls, ClassLoader parent, String prefix) {
            super(urls, parent);
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(prefix)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                    defined.add(name);
                }
                return c;
            }
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return findResources(name);
        }

        @Override
        public URL getResource(String name) {
            return findResource(name);
        }
    }

    static URL builtIns() throws Exception {
        return io.ta.kernels.TaLibrary.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void aDescriptorIsLoadedWhenANameResolvesToIt() throws Exception {
        try (Isolated loader = new Isolated(new URL[] {builtIns()}, LazyRegistryTest.class.getClassLoader(),
                "io.ta.kernels.")) {
            Registry r = Registry.load(loader);
            assertEquals(List.of(), r.problems());
            assertTrue(r.names().containsAll(List.of("sma", "rolling_mean", "bbands", "bb_upper", "macd")));
            assertEquals(List.of(), descriptors(loader), "no descriptor loaded by the load");

            Registry.Entry upper = r.resolve("bb_upper");
            assertEquals("bbands", upper.kernel().name());
            assertEquals(upper.kernel().outputIndex("upper"), upper.output());
            assertSame(upper.kernel(), r.resolve("bbands").kernel());
            assertEquals(-1, r.resolve("bb").output(), "an alias selects no output");
            assertSame(upper, r.resolve("bb_upper"), "resolved once");
            assertEquals(List.of("io.ta.kernels.volatility.Bbands_Descriptor"), descriptors(loader));

            Plan p = Plan.compile(Map.of("v", "rolling_mean(close, 20) > bb_upper(close, 20, 2)"), r);
            assertEquals(19, p.lookback());
            assertEquals(List.of("io.ta.kernels.ma.Sma_Descriptor", "io.ta.kernels.volatility.Bbands_Descriptor"),
                    descriptors(loader));

            List<KernelDescriptor> all = r.kernels();
            assertEquals(Registry.standard().kernels().size(), all.size());
            assertEquals(all.size(), descriptors(loader).size(), "kernels() loads every descriptor");
            assertSame(upper.kernel(), r.kernel("bbands"), "the one shared instance");
            assertEquals(List.of(), r.problems());
        }
    }

    /** Threads resolving names of a fresh registry at once all get the one instance each kernel's library lists. */
    @Test
    void concurrentResolvesShareOneDescriptorPerKernel() throws Exception {
        try (Isolated loader = new Isolated(new URL[] {builtIns()}, LazyRegistryTest.class.getClassLoader(),
                "io.ta.kernels.")) {
            Registry r = Registry.load(loader);
            List<String> names = List.copyOf(new java.util.TreeSet<>(r.names()));
            int threads = 8;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<Map<String, Registry.Entry>>> seen = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    seen.add(pool.submit(() -> {
                        List<String> order = new java.util.ArrayList<>(names);
                        Collections.shuffle(order, new java.util.Random(seed));
                        start.await();
                        Map<String, Registry.Entry> got = new java.util.HashMap<>();
                        for (String n : order) {
                            got.put(n, r.resolve(n));
                        }
                        return got;
                    }));
                }
                Map<String, KernelDescriptor> byName = new java.util.HashMap<>();
                for (KernelDescriptor d : r.kernels()) {
                    byName.put(d.name(), d);
                }
                for (java.util.concurrent.Future<Map<String, Registry.Entry>> f : seen) {
                    for (Map.Entry<String, Registry.Entry> e : f.get().entrySet()) {
                        assertSame(byName.get(e.getValue().kernel().name()), e.getValue().kernel(), e.getKey());
                        assertSame(r.resolve(e.getKey()), e.getValue(), "one entry per name: " + e.getKey());
                    }
                }
                assertEquals(byName.size(), descriptors(loader).size(), "each descriptor class defined once");
                assertEquals(List.of(), r.problems());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aListedKernelThatCannotLoadIsAProblemFromItsFirstResolve(@TempDir Path dir) throws Exception {
        Path jar = RegistryProblemsTest.jarWith(dir, Registry.LIBRARY_FILE, Ghosts.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                LazyRegistryTest.class.getClassLoader())) {
            Registry r = Registry.load(loader);
            assertTrue(r.names().containsAll(List.of("ghost", "ghost_alias", "liar")));
            assertEquals(List.of(), r.problems(), "nothing is loaded yet, so nothing has failed");

            UnknownNameException e = assertThrows(UnknownNameException.class, () -> r.resolve("ghost_alias"));
            assertTrue(e.getMessage().startsWith("kernel 'ghost_alias' could not be loaded: kernel provider "
                    + Ghosts.class.getName() + " (from " + jar + ") skipped: kernel 'ghost': NoClassDefFoundError: "
                    + "com/example/ta/Ghost_Descriptor"), e.getMessage());
            assertEquals(1, r.problems().size(), r.problems().toString());
            assertThrows(UnknownNameException.class, () -> r.resolve("ghost"));
            assertEquals(1, r.problems().size(), "one problem per kernel, however often it is named");

            UnknownNameException liar = assertThrows(UnknownNameException.class, () -> r.kernel("liar"));
            assertTrue(liar.getMessage().contains("its names() lists [liar] for kernel 1, whose descriptor answers to "
                    + "[truth]"), liar.getMessage());

            List<KernelDescriptor> all = r.kernels();
            assertEquals(Registry.standard().kernels().size(), all.size(), "the listed kernels that load, no other");
            assertEquals(2, r.problems().size());
            io.ta.runtime.dsl.ExpressionException x = assertThrows(io.ta.runtime.dsl.ExpressionException.class,
                    () -> Plan.compile(Map.of("v", "ghost(close)"), r));
            assertTrue(x.getMessage().startsWith("line 1, column 1: kernel 'ghost' could not be loaded")
                    && x.getMessage().contains("\n^"), x.getMessage());
        }
    }

    @Test
    void aListedNameClaimedTwiceIsAConflictBeforeAnyDescriptorLoads(@TempDir Path dir) throws Exception {
        Path jar = RegistryProblemsTest.jarWith(dir, Registry.LIBRARY_FILE, Impostor.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                LazyRegistryTest.class.getClassLoader())) {
            RegistryConflictException e = assertThrows(RegistryConflictException.class, () -> Registry.load(loader));
            assertTrue(e.getMessage().startsWith("kernel name 'sma' is claimed by both "), e.getMessage());
            assertTrue(e.getMessage().contains(Impostor.class.getName()), e.getMessage());
        }
    }

    @Test
    void theLoaderChecksEveryDescriptorWhereNamesAreNotAskedFor() {
        KernelLoader.Loaded loaded = KernelLoader.load(LazyRegistryTest.class.getClassLoader());
        KernelLoader.Index index = KernelLoader.index(LazyRegistryTest.class.getClassLoader());
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of(), index.problems());
        assertEquals(List.of(), index.kernels(), "the built-ins list their names");
        assertEquals(loaded.kernels().size(), index.listed().size());
        for (int i = 0; i < index.listed().size(); i++) {
            KernelLoader.Listed l = index.listed().get(i);
            assertSame(loaded.kernels().get(i), l.load(), l.toString());
            assertEquals(l.load().name(), l.names().getFirst());
        }
    }

    /** A manifest whose format comes after more text than one read returns is still read, and still refused. */
    @Test
    void aManifestIsReadUpToItsFormat(@TempDir Path dir) throws Exception {
        String pad = "\"pad\": \"" + "x".repeat(5000) + "\", ";
        assertEquals(List.of(), problems(dir.resolve("one"), "{" + pad + "\"format\": 1, \"kernels\": []}"));
        List<Registry.Problem> two = problems(dir.resolve("two"), "{" + pad + "\"format\": 2, \"kernels\": []}");
        assertEquals(1, two.size(), two.toString());
        assertTrue(two.getFirst().reason().contains("is format 2; this version of ta reads format 1"), two.toString());
        // "format": 12 with the 1 the last character of the first read: the 2 must be read before the format is.
        String head = "{\"format\": 1";
        String straddling = "{\"pad\": \"" + "y".repeat(2048 - head.length() - 11) + "\", " + head.substring(1) + "2}";
        assertEquals('1', straddling.charAt(2047));
        List<Registry.Problem> twelve = problems(dir.resolve("twelve"), straddling);
        assertEquals(1, twelve.size(), twelve.toString());
        assertTrue(twelve.getFirst().reason().contains("is format 12"), twelve.toString());
        List<Registry.Problem> none = problems(dir.resolve("none"), "{" + pad + "\"kernels\": []}");
        assertTrue(none.getFirst().reason().contains("has no \"format\""), none.toString());
    }

    /** The problems of loading {@link Ghosts}' class from a folder of its own that holds {@code manifest}. */
    private static List<Registry.Problem> problems(Path folder, String manifest) throws Exception {
        String file = Ghosts.class.getName().replace('.', '/') + ".class";
        Files.createDirectories(folder.resolve(file).getParent());
        try (InputStream in = LazyRegistryTest.class.getClassLoader().getResourceAsStream(file)) {
            Files.write(folder.resolve(file), in.readAllBytes());
        }
        Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(folder.resolve(Registry.LIBRARY_FILE), Ghosts.class.getName() + "\n");
        Files.createDirectories(folder.resolve("META-INF/ta"));
        Files.writeString(folder.resolve(KernelLoader.MANIFEST), manifest, StandardCharsets.UTF_8);
        try (Isolated loader = new Isolated(new URL[] {folder.toUri().toURL()}, LazyRegistryTest.class.getClassLoader(),
                Ghosts.class.getName())) {
            return Registry.load(loader).problems();
        }
    }

    private static List<String> descriptors(Isolated loader) {
        return loader.defined.stream().filter(n -> n.endsWith("_Descriptor")).sorted().toList();
    }

    /** Lists a kernel whose descriptor class is missing, and one whose descriptor answers to another name. */
    public static final class Ghosts implements KernelLibraryProvider {
        @Override
        public List<KernelDescriptor> kernels() {
            return List.of(kernel(0), kernel(1));
        }

        @Override
        public List<List<String>> names() {
            return List.of(List.of("ghost", "ghost_alias"), List.of("liar"));
        }

        @Override
        public KernelDescriptor kernel(int i) {
            if (i == 0) {
                throw new NoClassDefFoundError("com/example/ta/Ghost_Descriptor");
            }
            return new RegistryProblemsTest.Stub() {
                @Override
                public String name() {
                    return "truth";
                }

                @Override
                public List<io.ta.spi.OutputSpec> outputs() {
                    return List.of(new io.ta.spi.OutputSpec("value", "", io.ta.annotation.Scale.UNITLESS));
                }
            };
        }
    }

    /** Lists a name the built-ins claim; loading its descriptor would fail, and must not be needed to refuse it. */
    public static final class Impostor implements KernelLibraryProvider {
        @Override
        public List<KernelDescriptor> kernels() {
            throw new AssertionError("not to be loaded");
        }

        @Override
        public List<List<String>> names() {
            return List.of(Collections.nCopies(1, "sma"));
        }

        @Override
        public KernelDescriptor kernel(int i) {
            throw new AssertionError("not to be loaded");
        }
    }
}
