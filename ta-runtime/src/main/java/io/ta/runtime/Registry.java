package io.ta.runtime;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import io.ta.spi.Names;
import io.ta.spi.ParamValues;
import io.ta.spi.SelectorSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every kernel on the class path and module path, found through {@link ServiceLoader}: the built-ins and any extension
 * jar's. Each kernel library is one {@link KernelLibraryProvider} (the only form a named module declares); descriptors
 * listed one by one as {@link KernelDescriptor} services on the class path (jars built before library providers
 * existed) are added when no library already supplied their class. Resolves
 * canonical names, aliases and selector aliases (an alias bound to one output, e.g. {@code bb_upper}); a name claimed
 * twice is a {@link RegistryConflictException} at load time, not a silent shadowing.
 *
 * <p>Providers are loaded one at a time: a broken one — its service file names a class that is missing, is not a
 * {@link KernelDescriptor}, cannot be instantiated, or answers its metadata with an error — is skipped and reported
 * in {@link #problems()}, so one bad extension jar does not take every other kernel down with it.
 */
public final class Registry {
    private static volatile Registry defaultRegistry;

    /** The service file kernel jars register their descriptors in. */
    static final String SERVICE_FILE = "META-INF/services/" + KernelDescriptor.class.getName();

    /** The service file kernel jars register their library provider in. */
    static final String LIBRARY_FILE = "META-INF/services/" + KernelLibraryProvider.class.getName();

    /** Beyond this many broken providers loading stops, so a loader that fails the same way forever cannot hang it. */
    static final int MAX_PROBLEMS = 1000;
    /** The catalog manifest a kernel library's jar carries, and the one major version of its schema this runtime reads. */
    static final String MANIFEST = "META-INF/ta/catalog.json";
    static final int MANIFEST_FORMAT = 1;
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("\"format\"\\s*:\\s*(-?\\d+)");

    private final List<KernelDescriptor> kernels;
    private final Map<String, Entry> byName;
    private final List<Problem> problems;

    /** What a registry name resolves to: a kernel, and for selector aliases the output it selects (else -1). */
    public record Entry(KernelDescriptor kernel, int output) {
        /** Whether the name selects one output of a multi-output kernel. */
        public boolean isSelector() {
            return output >= 0;
        }
    }

    /**
     * A kernel provider the registry skipped because it could not be loaded.
     *
     * @param provider the provider's class name as its service file gives it ({@code "?"} when the error names none)
     * @param source where the service file listing it was found (a jar or directory), or {@code ""} if unknown
     * @param reason what went wrong, in one line
     * @param cause the error behind it
     */
    public record Problem(String provider, String source, String reason, Throwable cause) {
        /** One line for a user: {@code kernel provider com.acme.Foo (from /x/acme.jar) skipped: class not found}. */
        public String describe() {
            return "kernel provider " + provider + (source.isEmpty() ? "" : " (from " + source + ")") + " skipped: " + reason;
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private Registry(List<KernelDescriptor> kernels) {
        this(kernels, List.of());
    }

    private Registry(List<KernelDescriptor> kernels, List<Problem> problems) {
        this.problems = List.copyOf(problems);
        List<KernelDescriptor> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelDescriptor::name));
        this.kernels = List.copyOf(sorted);
        Map<String, Entry> m = new LinkedHashMap<>();
        for (KernelDescriptor d : sorted) {
            claim(m, d.name(), new Entry(d, -1));
            for (String a : d.aliases()) {
                claim(m, a, new Entry(d, -1));
            }
            for (SelectorSpec s : d.selectors()) {
                claim(m, s.alias(), new Entry(d, d.outputIndex(s.output())));
            }
        }
        this.byName = Map.copyOf(m);
    }

    private static void claim(Map<String, Entry> m, String name, Entry e) {
        Entry prior = m.putIfAbsent(name, e);
        if (prior != null) {
            throw new RegistryConflictException("kernel name '" + name + "' is claimed by both " + prior.kernel().name()
                    + " (" + prior.kernel().getClass().getName() + ") and " + e.kernel().name() + " ("
                    + e.kernel().getClass().getName() + "); names, aliases and selectors must be globally unique");
        }
    }

    /** The registry of the context class loader, loaded once. */
    public static Registry standard() {
        Registry r = defaultRegistry;
        if (r == null) {
            synchronized (Registry.class) {
                r = defaultRegistry;
                if (r == null) {
                    r = load(Thread.currentThread().getContextClassLoader());
                    defaultRegistry = r;
                }
            }
        }
        return r;
    }

    /**
     * The kernels visible to {@code loader} (the system class loader if null). Broken providers are skipped and
     * listed in {@link #problems()}.
     *
     * @throws RegistryConflictException if two loaded kernels claim one name
     */
    public static Registry load(ClassLoader loader) {
        Map<String, String> sources = declaredProviders(loader, LIBRARY_FILE);
        declaredProviders(loader, SERVICE_FILE).forEach(sources::putIfAbsent);
        List<KernelDescriptor> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<Class<?>> supplied = new HashSet<>();
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
                        supplied.add(d.getClass());
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
        Iterator<KernelDescriptor> it = ServiceLoader.load(KernelDescriptor.class, loader).iterator();
        previous = null;
        while (problems.size() < MAX_PROBLEMS) {
            KernelDescriptor d = null;
            try {
                if (!it.hasNext()) {
                    break;
                }
                d = it.next();
                if (supplied.contains(d.getClass())) {
                    continue; // its library listed it already
                }
                checkMetadata(d);
                found.add(d);
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                Problem p = problem(e, d, null, sources);
                if (p.reason().equals(previous)) {
                    break;
                }
                previous = p.reason();
                problems.add(p);
            }
        }
        return new Registry(found, problems);
    }

    /** The providers that could not be loaded and were skipped, in the order they were met; empty if none. */
    public List<Problem> problems() {
        return problems;
    }

    /** Calls what the registry and planner rely on, so a descriptor that cannot answer is skipped here, not later. */
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
     * Refuses a library whose jar (or class folder) carries a catalog manifest of a format this runtime does not read:
     * its kernels could mean something else than the manifest the tools show (docs/api/versioning.md). A library
     * without a manifest (descriptors written by hand) is accepted.
     */
    static void checkManifest(KernelLibraryProvider library) {
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
                text = java.nio.file.Files.readString(m, StandardCharsets.UTF_8);
            } else {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile())) {
                    java.util.zip.ZipEntry e = jar.getEntry(MANIFEST);
                    if (e == null) {
                        return;
                    }
                    text = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return; // not a local file (a custom class loader): nothing to compare, the descriptors speak for themselves
        }
        manifestFormat(text);
    }

    /** The manifest's format, which must be {@value #MANIFEST_FORMAT}; anything else is refused. */
    static int manifestFormat(String manifest) {
        java.util.regex.Matcher m = FORMAT.matcher(manifest);
        if (!m.find()) {
            throw new IllegalStateException("its " + MANIFEST + " has no \"format\"; this runtime reads format " + MANIFEST_FORMAT);
        }
        long format;
        try {
            format = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            format = Long.MAX_VALUE;
        }
        if (format != MANIFEST_FORMAT) {
            throw new IllegalStateException("its " + MANIFEST + " is format " + m.group(1) + "; this runtime reads format "
                    + MANIFEST_FORMAT + " (docs/api/versioning.md): rebuild the library against this version of ta");
        }
        return (int) format;
    }

    private static Problem problem(Throwable e, KernelDescriptor loaded, KernelLibraryProvider library,
            Map<String, String> sources) {
        String provider = loaded != null ? loaded.getClass().getName() : library != null ? library.getClass().getName() : null;
        String message = String.valueOf(e.getMessage());
        if (provider == null) {
            for (String name : sources.keySet()) { // the longest declared name the error mentions
                if (message.contains(name) && (provider == null || name.length() > provider.length())) {
                    provider = name;
                }
            }
        }
        String reason = e instanceof ServiceConfigurationError
                ? message.replaceFirst("^(" + java.util.regex.Pattern.quote(KernelDescriptor.class.getName()) + "|"
                        + java.util.regex.Pattern.quote(KernelLibraryProvider.class.getName()) + "): ", "")
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (e.getCause() != null && e instanceof ServiceConfigurationError) {
            reason += " (" + e.getCause() + ")";
        }
        String source = provider == null ? "" : sources.getOrDefault(provider,
                library != null ? sources.getOrDefault(library.getClass().getName(), "") : "");
        return new Problem(provider == null ? "?" : provider, source, reason.replace('\n', ' '), e);
    }

    /**
     * Provider class name → the jar or directory whose service file {@code file} lists it (first one wins, as for the
     * loader).
     */
    private static Map<String, String> declaredProviders(ClassLoader loader, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader == null ? ClassLoader.getSystemResources(file) : loader.getResources(file);
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int hash = line.indexOf('#');
                        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                        if (!name.isEmpty()) {
                            out.putIfAbsent(name, location(url));
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
        } else if (s.endsWith(LIBRARY_FILE)) {
            s = s.substring(0, s.length() - LIBRARY_FILE.length());
        }
        return s.startsWith("file:") ? s.substring(5) : s;
    }

    /**
     * A registry of exactly these kernels (tests, embedding).
     *
     * @throws InvalidParameterException if the collection or one of its kernels is null
     * @throws RegistryConflictException if two kernels claim one name
     */
    public static Registry of(Collection<? extends KernelDescriptor> kernels) {
        boolean hasNull = kernels == null;
        for (KernelDescriptor k : hasNull ? List.<KernelDescriptor>of() : kernels) {
            hasNull |= k == null; // contains(null) throws on immutable collections
        }
        if (hasNull) {
            throw new InvalidParameterException("registry", List.of("kernels"), "non-null",
                    "registry: " + (kernels == null ? "the kernels are null" : "one of the kernels is null"));
        }
        return new Registry(List.copyOf(kernels));
    }

    /** Every kernel, sorted by name. */
    public List<KernelDescriptor> kernels() {
        return kernels;
    }

    /** Every registered name: canonical names, aliases and selectors. */
    public Collection<String> names() {
        return byName.keySet();
    }

    /**
     * Resolves a name, alias or selector.
     *
     * @throws UnknownNameException with the closest registered name when one is close
     */
    public Entry resolve(String name) {
        if (name == null) {
            throw new UnknownNameException("kernel", null, null, "no kernel name given (null)");
        }
        Entry e = byName.get(name);
        if (e == null) {
            String near = Names.closest(name, byName.keySet());
            throw new UnknownNameException("kernel", name, near, "unknown kernel '" + name + "'" + Names.hint(near));
        }
        return e;
    }

    /** The kernel a name, alias or selector belongs to. */
    public KernelDescriptor kernel(String name) {
        return resolve(name).kernel();
    }

    /**
     * Runs a kernel over whole series: parameters by catalog name (defaults fill the rest), inputs in the kernel's
     * input order. A selector name returns just its output.
     *
     * @throws UnknownNameException for an unknown kernel or parameter name
     * @throws InvalidParameterException for a parameter value out of range, or null parameters
     * @throws io.ta.error.ShapeMismatchException for missing, null or ragged inputs
     */
    public Outputs compute(String name, Map<String, ?> params, double[]... inputs) {
        Entry e = resolve(name);
        KernelDescriptor d = e.kernel();
        if (params == null) {
            throw new InvalidParameterException(d.name(), List.of(), "non-null",
                    d.name() + ": parameters must not be null (Map.of() takes every default)");
        }
        double[][] out = d.batch(ParamValues.of(d, params), inputs);
        List<String> names = d.outputs().stream().map(o -> o.name()).toList();
        if (e.isSelector()) {
            return new Outputs(d.name(), List.of(names.get(e.output())), new double[][] {out[e.output()]});
        }
        return new Outputs(d.name(), names, out);
    }
}
