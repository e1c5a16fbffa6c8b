package io.ta.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The one way kernels are discovered: every {@link KernelLibraryProvider} visible to a class loader (named modules
 * through their {@code provides} clause, class-path jars through {@code META-INF/services}), each listing its
 * library's descriptors. The runtime's registry and the property suite both load through here, so each descriptor is
 * the one shared instance its library lists, found once.
 *
 * <p>Providers are loaded one at a time: a broken one — its service file names a class that is missing, is not a
 * provider, cannot be instantiated, lists a null, or lists a descriptor that answers its metadata with an error — is
 * skipped and reported as a {@link Problem}, so one bad extension jar does not take every other kernel down with it.
 */
public final class KernelLoader {
    /** The service file a kernel library on the class path registers its provider in. */
    public static final String SERVICE_FILE = "META-INF/services/" + KernelLibraryProvider.class.getName();

    /** The catalog manifest a kernel library's jar carries (written by the processor). */
    public static final String MANIFEST = "META-INF/ta/catalog.json";

    /** The one major version of the catalog manifest's schema this version of ta reads and writes. */
    public static final int MANIFEST_FORMAT = 1;

    private static final Pattern FORMAT = Pattern.compile("\"format\"\\s*:\\s*(-?\\d+)");

    /** Beyond this many broken providers loading stops, so a loader that fails the same way forever cannot hang it. */
    static final int MAX_PROBLEMS = 1000;

    private KernelLoader() {}

    /**
     * A provider or descriptor skipped because it could not be loaded.
     *
     * @param provider the class name (as its service file gives it, or the descriptor's), {@code "?"} if unknown
     * @param source where the service file listing it was found (a jar or directory), or {@code ""} if unknown
     * @param reason what went wrong, in one line
     * @param cause the error behind it
     */
    public record Problem(String provider, String source, String reason, Throwable cause) {}

    /**
     * What a load found.
     *
     * @param kernels every descriptor that answered its metadata, in provider order
     * @param problems what was skipped, in the order it was met
     */
    public record Loaded(List<KernelDescriptor> kernels, List<Problem> problems) {
        /** Immutable copies. */
        public Loaded {
            kernels = List.copyOf(kernels);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The kernels of every library visible to {@code loader} (the system class loader if null).
     *
     * @param loader where to look for providers
     * @return the descriptors and the problems, never null
     */
    public static Loaded load(ClassLoader loader) {
        Index all = scan(loader, false);
        return new Loaded(all.kernels(), all.problems());
    }

    /**
     * The kernels of every library visible to {@code loader} (the system class loader if null), those of a library
     * that lists its kernels' names ({@link KernelLibraryProvider#names()}, as every generated one does) listed by
     * name and not loaded: a program that plans {@code rsi(close, 14)} then loads rsi's descriptor alone. A listed
     * kernel is checked as {@link #load} checks a descriptor when it is loaded, and its names against its
     * descriptor's.
     *
     * @param loader where to look for providers
     * @return the listed kernels, the loaded descriptors of the other libraries and the problems, never null
     */
    public static Index index(ClassLoader loader) {
        return scan(loader, true);
    }

    /**
     * What {@link #index} found.
     *
     * @param listed the kernels of libraries that list their names, not loaded, in provider order
     * @param kernels the descriptors of the other libraries, each of which answered its metadata, in provider order
     * @param problems what was skipped, in the order it was met
     */
    public record Index(List<Listed> listed, List<KernelDescriptor> kernels, List<Problem> problems) {
        /** Immutable copies. */
        public Index {
            listed = List.copyOf(listed);
            kernels = List.copyOf(kernels);
            problems = List.copyOf(problems);
        }
    }

    /**
     * A kernel listed by its library's {@link KernelLibraryProvider#names()}, loaded on the first {@link #load()}.
     * Thread-safe: the descriptor is loaded once and shared.
     */
    public static final class Listed {
        private final List<String> names;
        private final KernelLibraryProvider library;
        private final int index;
        private final String source;
        private volatile KernelDescriptor loaded;
        private volatile RuntimeException failed;

        Listed(List<String> names, KernelLibraryProvider library, int index, String source) {
            this.names = names;
            this.library = library;
            this.index = index;
            this.source = source;
        }

        /** The kernel's name, then its aliases, then its selectors' aliases, as its library lists them. */
        public List<String> names() {
            return names;
        }

        /** The class name of the provider that lists the kernel. */
        public String provider() {
            return library.getClass().getName();
        }

        /** The jar or directory whose service file lists the provider, or {@code ""} if unknown. */
        public String source() {
            return source;
        }

        /**
         * The kernel's descriptor, loaded on the first call and checked as {@link KernelLoader#load} checks one, with
         * its names, aliases and selectors' aliases those {@link #names()} lists.
         *
         * @return the shared instance its library lists
         * @throws IllegalStateException if it cannot be loaded, with the reason as a {@link Problem}'s (and the error
         *     behind it as the cause); every later call throws the same
         */
        public KernelDescriptor load() {
            KernelDescriptor d = loaded;
            if (d != null) {
                return d;
            }
            synchronized (this) {
                if (loaded == null && failed == null) {
                    try {
                        KernelDescriptor k = library.kernel(index);
                        if (k == null) {
                            throw new IllegalStateException("it lists a null descriptor");
                        }
                        checkMetadata(k);
                        List<String> claimed = KernelDescriptor.namesOf(k);
                        if (!claimed.equals(names)) {
                            throw new IllegalStateException("its names() lists " + names + " for kernel " + index
                                    + ", whose descriptor answers to " + claimed);
                        }
                        loaded = k;
                    } catch (LinkageError | RuntimeException e) {
                        // Named, since the provider a problem names lists many kernels.
                        failed = new IllegalStateException("kernel '" + names.getFirst() + "': " + reason(e), e);
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                return loaded;
            }
        }

        @Override
        public String toString() {
            return names.getFirst() + " (" + provider() + ")";
        }
    }

    /** Both loads: every provider in turn, a library that lists its names listed rather than loaded if {@code lazy}. */
    private static Index scan(ClassLoader loader, boolean lazy) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> sources = declaredProviders(loader, problems);
        List<Listed> listed = new ArrayList<>();
        List<KernelDescriptor> found = new ArrayList<>();
        Iterator<KernelLibraryProvider> libraries = ServiceLoader.load(KernelLibraryProvider.class, loader).iterator();
        String previous = null;
        while (problems.size() < MAX_PROBLEMS) {
            KernelLibraryProvider library = null;
            try {
                if (!libraries.hasNext()) {
                    break;
                }
                library = libraries.next();
                checkManifest(library);
                List<List<String>> names = lazy ? library.names() : null;
                if (names != null) {
                    listed.addAll(listed(library, names, sourceOf(library, sources)));
                    continue;
                }
                List<KernelDescriptor> kernels = library.kernels();
                if (kernels == null) {
                    throw new IllegalStateException("its kernels() is null");
                }
                for (KernelDescriptor d : kernels) {
                    try {
                        if (d == null) {
                            throw new IllegalStateException("it lists a null descriptor");
                        }
                        checkMetadata(d);
                        found.add(d);
                    } catch (LinkageError | RuntimeException e) {
                        problems.add(problem(e, d, library, sources));
                    }
                }
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                Problem p = problem(e, null, library, sources);
                if (p.reason().equals(previous)) {
                    break; // the iterator did not move past the failure: it would repeat forever
                }
                previous = p.reason();
                problems.add(p);
            }
        }
        return new Index(listed, found, problems);
    }

    /** A library's names as {@link Listed} kernels; a malformed list fails the library, as a null kernels() does. */
    private static List<Listed> listed(KernelLibraryProvider library, List<List<String>> names, String source) {
        List<Listed> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            List<String> n = names.get(i);
            if (n == null || n.isEmpty()) {
                throw new IllegalStateException("its names() lists no name for kernel " + i);
            }
            for (String s : n) { // contains(null) throws on immutable lists
                if (s == null || s.isBlank()) {
                    throw new IllegalStateException("its names() lists a null or blank name for kernel " + i);
                }
            }
            out.add(new Listed(List.copyOf(n), library, i, source));
        }
        return out;
    }

    /** Calls what registries and planners rely on, so a descriptor that cannot answer is skipped here, not later. */
    private static void checkMetadata(KernelDescriptor d) {
        String name = d.name();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("its descriptor has no name");
        }
        if (d.aliases() == null || d.selectors() == null || d.inputs() == null || d.outputs() == null || d.params() == null
                || d.outputs().isEmpty()) {
            throw new IllegalStateException("descriptor '" + name + "' lacks aliases, selectors, inputs, outputs or parameters");
        }
        for (SelectorSpec s : d.selectors()) {
            if (d.outputIndex(s.output()) < 0) {
                throw new IllegalStateException("descriptor '" + name + "' selects an output it does not have: " + s.output());
            }
        }
    }

    /**
     * Refuses a library whose jar (or class folder) carries a catalog manifest of a format this version does not read:
     * its kernels could mean something other than what the manifest tells the tools (docs/api/versioning.md). A library
     * without a manifest (descriptors written by hand) is accepted.
     */
    private static void checkManifest(KernelLibraryProvider library) {
        java.security.CodeSource source = library.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return;
        }
        String text;
        try {
            java.nio.file.Path where = java.nio.file.Path.of(source.getLocation().toURI());
            if (java.nio.file.Files.isDirectory(where)) {
                java.nio.file.Path m = where.resolve(MANIFEST);
                if (!java.nio.file.Files.isRegularFile(m)) {
                    return;
                }
                try (InputStream in = java.nio.file.Files.newInputStream(m)) {
                    text = throughFormat(in);
                }
            } else {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(where.toFile())) {
                    java.util.zip.ZipEntry e = jar.getEntry(MANIFEST);
                    if (e == null) {
                        return;
                    }
                    try (InputStream in = jar.getInputStream(e)) {
                        text = throughFormat(in);
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | IllegalArgumentException
                | java.nio.file.FileSystemNotFoundException e) {
            return; // not a local file (a custom class loader): nothing to compare, the descriptors speak for themselves
        }
        manifestFormat(text);
    }

    /**
     * A manifest's text up to and past its first {@code "format"} member, or all of it if it has none: the generated
     * manifest names its format first, and reading and decoding the whole of the built-ins' (350 KB) cost a fresh
     * JVM about 17 ms.
     */
    private static String throughFormat(InputStream in) throws IOException {
        java.io.Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        java.util.regex.Matcher m = FORMAT.matcher("");
        char[] chunk = new char[2048];
        int n;
        while ((n = r.read(chunk)) >= 0) {
            int from = Math.max(0, text.length() - 64);
            text.append(chunk, 0, n);
            // A match that ends with the text read so far may lack digits still to come.
            if (m.reset(text).find(from) && m.end() < text.length()) {
                break;
            }
        }
        return text.toString();
    }

    /**
     * The format of a catalog manifest, which must be {@value #MANIFEST_FORMAT}.
     *
     * @param manifest the manifest's JSON text
     * @return {@value #MANIFEST_FORMAT}
     * @throws IllegalStateException if the manifest names no format or another one
     */
    public static int manifestFormat(String manifest) {
        java.util.regex.Matcher m = FORMAT.matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("its " + MANIFEST + " has no \"format\"; this version of ta reads format " + MANIFEST_FORMAT);
        }
        long format;
        try {
            format = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            format = Long.MAX_VALUE;
        }
        if (format != MANIFEST_FORMAT) {
            throw new IllegalStateException("its " + MANIFEST + " is format " + m.group(1) + "; this version of ta reads format "
                    + MANIFEST_FORMAT + " (docs/api/versioning.md): rebuild the library against this version of ta");
        }
        return (int) format;
    }

    private static Problem problem(Throwable e, KernelDescriptor loaded, KernelLibraryProvider library, Map<String, String> sources) {
        String provider = loaded != null ? loaded.getClass().getName() : library != null ? library.getClass().getName() : null;
        String message = String.valueOf(e.getMessage());
        if (provider == null) {
            for (String name : sources.keySet()) { // the longest declared name the error mentions
                if (message.contains(name) && (provider == null || name.length() > provider.length())) {
                    provider = name;
                }
            }
        }
        String source = provider == null ? "" : sources.getOrDefault(provider,
                library != null ? sourceOf(library, sources) : "");
        return new Problem(provider == null ? "?" : provider, source, reason(e), e);
    }

    /** A problem's reason: what went wrong, in one line. */
    private static String reason(Throwable e) {
        String prefix = "^" + Pattern.quote(KernelLibraryProvider.class.getName()) + ": ";
        String reason = e instanceof ServiceConfigurationError
                ? String.valueOf(e.getMessage()).replaceFirst(prefix, "")
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e.getCause() != null && e instanceof ServiceConfigurationError) {
            reason += " (" + e.getCause() + ")";
        }
        return reason.replace('\n', ' ');
    }

    /** The jar or directory whose service file lists {@code library}, or {@code ""}. */
    private static String sourceOf(KernelLibraryProvider library, Map<String, String> sources) {
        return sources.getOrDefault(library.getClass().getName(), "");
    }

    /**
     * Provider class name → the jar or directory whose service file lists it (first one wins, as for the loader). A
     * provider listed again from another jar or directory is a second copy of one library, two versions of it most
     * likely: the class loader loads the first copy's classes and the service loader ignores the other, which is added
     * to {@code problems} rather than dropped without a word.
     */
    private static Map<String, String> declaredProviders(ClassLoader loader, List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader == null ? ClassLoader.getSystemResources(SERVICE_FILE) : loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int hash = line.indexOf('#');
                        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                        String where = location(url);
                        String first = name.isEmpty() ? null : out.putIfAbsent(name, where);
                        if (first != null && !first.equals(where) && problems.size() < MAX_PROBLEMS) {
                            problems.add(new Problem(name, where, "it is a second copy of the library from " + first
                                    + ", whose classes are the ones loaded (two versions on one class path?); remove one",
                                    null));
                        }
                    }
                } catch (IOException e) {
                    // ServiceLoader reports an unreadable service file itself, as a problem.
                }
            }
        } catch (IOException e) {
            // Names only make the problems more precise; without them the errors are still reported.
        }
        return out;
    }

    /** {@code /x/acme.jar} for {@code jar:file:/x/acme.jar!/META-INF/...}, else the directory holding META-INF. */
    private static String location(URL url) {
        String s = url.toString();
        if (s.startsWith("jar:")) {
            int bang = s.indexOf("!/");
            s = s.substring(4, bang < 0 ? s.length() : bang);
        } else if (s.endsWith(SERVICE_FILE)) {
            s = s.substring(0, s.length() - SERVICE_FILE.length());
        }
        return s.startsWith("file:") ? s.substring(5) : s;
    }
}
