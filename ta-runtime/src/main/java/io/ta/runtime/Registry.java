package io.ta.runtime;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.dsl.ReservedNames;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import io.ta.spi.KernelLoader;
import io.ta.spi.Names;
import io.ta.spi.ParamValues;
import io.ta.spi.SelectorSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every kernel on the class path and module path, found by {@link KernelLoader}: the built-ins and any extension jar's,
 * each kernel library being one {@link KernelLibraryProvider} (the one discovery path). Resolves
 * canonical names, aliases and selector aliases (an alias bound to one output, e.g. {@code bb_upper}); a name claimed
 * twice is a {@link RegistryConflictException} at load time, not a silent shadowing.
 *
 * <p>Providers are loaded one at a time: a broken one — its service file names a class that is missing, is not a
 * {@link KernelDescriptor}, cannot be instantiated, or answers its metadata with an error — is skipped and reported
 * in {@link #problems()}, so one bad extension jar does not take every other kernel down with it.
 *
 * <p>A loaded registry knows every name up front but loads a kernel's descriptor only when a name resolves to it
 * (or {@link #kernels()} lists them all), where the library lists its names ({@link KernelLibraryProvider#names()},
 * as every generated library does): a fresh JVM loading all 279 built-in descriptors spent about 150 ms on it before
 * its first plan. A listed kernel that then fails to load is reported in {@link #problems()} from that moment, and
 * its names resolve to an {@link UnknownNameException} that says why.
 */
public final class Registry {
    private static volatile Registry defaultRegistry;

    /** The service file kernel jars register their library provider in. */
    static final String LIBRARY_FILE = KernelLoader.SERVICE_FILE;

    /** Descriptors loaded up front: a {@link #of} registry's, and those of libraries that list no names. */
    private final List<KernelDescriptor> upFront;
    private final List<KernelLoader.Listed> listed;
    private final Map<String, Claim> byName;
    /** Names already resolved, one entry each. */
    private final Map<String, Entry> resolved = new ConcurrentHashMap<>();
    /** Every kernel, sorted by name: loaded on the first {@link #kernels()}. */
    private volatile List<KernelDescriptor> kernels;
    private final List<Problem> problems;
    private final Set<KernelLoader.Listed> failed = ConcurrentHashMap.newKeySet();

    /**
     * A name's kernel: its name, the class that brought it (for a conflict's message), and its descriptor if it was
     * loaded up front, else the listing that loads it.
     */
    private record Claim(String kernel, String owner, KernelDescriptor descriptor, KernelLoader.Listed listed) {}

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
        this(kernels, List.of(), List.of());
    }

    private Registry(List<KernelDescriptor> upFront, List<KernelLoader.Listed> listed, List<Problem> problems) {
        this.problems = new CopyOnWriteArrayList<>(problems);
        this.upFront = List.copyOf(upFront);
        this.listed = List.copyOf(listed);
        // Claimed in kernel name order, so that a conflict names the same two kernels however the libraries load.
        List<Map.Entry<Claim, List<String>>> all = new ArrayList<>();
        for (KernelDescriptor d : upFront) {
            List<String> names = names(d);
            Claim c = new Claim(names.getFirst(), d.getClass().getName(), d, null);
            checkNames(c, names);
            all.add(Map.entry(c, names));
        }
        for (KernelLoader.Listed l : listed) {
            Claim c = new Claim(l.names().getFirst(), l.provider(), null, l);
            checkNames(c, l.names());
            all.add(Map.entry(c, l.names()));
        }
        all.sort(Comparator.comparing(e -> e.getKey().kernel()));
        Map<String, Claim> m = new LinkedHashMap<>();
        for (Map.Entry<Claim, List<String>> e : all) {
            for (String n : e.getValue()) {
                claim(m, n, e.getKey());
            }
        }
        this.byName = Map.copyOf(m);
    }

    /** A descriptor's name, aliases and selector aliases, nulls kept (as {@link #checkNames} refuses them). */
    private static List<String> names(KernelDescriptor d) {
        List<String> names = new ArrayList<>();
        names.add(d.name());
        if (d.aliases() == null || d.selectors() == null) {
            throw new RegistryConflictException("kernel '" + d.name() + "' (" + d.getClass().getName() + ") has "
                    + (d.aliases() == null ? "null aliases" : "null selectors") + "; give an empty list for none");
        }
        names.addAll(d.aliases());
        for (SelectorSpec s : d.selectors()) {
            names.add(s == null ? null : s.alias());
        }
        return names;
    }

    /**
     * Refuses a name the language would not call this kernel by: one it cannot write, or one it gives a meaning of its
     * own (a kernel named session_high would be registered and never run, the built-in computed in its place).
     */
    private static void checkNames(Claim c, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String why = ReservedNames.whyNotAKernelName(c.kernel(), names.get(i));
            if (why != null) {
                String n = names.get(i);
                String kernel = c.kernel() == null ? "a kernel" : "kernel '" + c.kernel() + "'";
                String under = i == 0 ? "its name" : "the alias " + (n == null ? "null" : "'" + n + "'");
                throw new RegistryConflictException(kernel + " (" + c.owner() + ") cannot be registered under " + under
                        + ": " + why + "; rename it");
            }
        }
    }

    private static void claim(Map<String, Claim> m, String name, Claim c) {
        Claim prior = m.putIfAbsent(name, c);
        if (prior != null) {
            throw new RegistryConflictException("kernel name '" + name + "' is claimed by both " + prior.kernel() + " ("
                    + prior.owner() + ") and " + c.kernel() + " (" + c.owner()
                    + "); names, aliases and selectors must be globally unique");
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
     * @throws RegistryConflictException if two loaded kernels claim one name, or a kernel has a name or alias the
     *     language cannot call it by or reserves ({@link ReservedNames#whyNotAKernelName})
     */
    public static Registry load(ClassLoader loader) {
        KernelLoader.Index found = KernelLoader.index(loader);
        List<Problem> problems = new ArrayList<>();
        for (KernelLoader.Problem p : found.problems()) {
            problems.add(new Problem(p.provider(), p.source(), p.reason(), p.cause()));
        }
        return new Registry(found.kernels(), found.listed(), problems);
    }

    /**
     * The providers and kernels that could not be loaded and were skipped, in the order they were met; empty if
     * none. A listed kernel is loaded when a name first resolves to it, or by {@link #kernels()}: call that first for
     * every problem there is.
     */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * A registry of exactly these kernels (tests, embedding).
     *
     * @throws InvalidParameterException if the collection or one of its kernels is null
     * @throws RegistryConflictException if two kernels claim one name, or a kernel has a name or alias the language
     *     cannot call it by or reserves ({@link ReservedNames#whyNotAKernelName})
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

    /** Every kernel, sorted by name: the first call loads every descriptor not yet loaded. */
    public List<KernelDescriptor> kernels() {
        List<KernelDescriptor> k = kernels;
        if (k == null) {
            List<KernelDescriptor> all = new ArrayList<>(upFront);
            for (KernelLoader.Listed l : listed) {
                try {
                    all.add(load(l));
                } catch (IllegalStateException e) {
                    // one of the problems now: the other kernels are listed
                }
            }
            all.sort(Comparator.comparing(KernelDescriptor::name));
            kernels = k = List.copyOf(all);
        }
        return k;
    }

    /** A listed kernel's descriptor; one that cannot be loaded is one of the problems from its first try. */
    private KernelDescriptor load(KernelLoader.Listed l) {
        try {
            return l.load();
        } catch (IllegalStateException e) {
            if (failed.add(l)) {
                problems.add(problem(l, e));
            }
            throw e;
        }
    }

    private static Problem problem(KernelLoader.Listed l, IllegalStateException e) {
        return new Problem(l.provider(), l.source(), e.getMessage(), e.getCause());
    }

    /** The output {@code name} selects of {@code d}: -1 for its name or an alias, else its selector's. */
    private static int selected(KernelDescriptor d, String name) {
        for (SelectorSpec s : d.selectors()) {
            if (s.alias().equals(name)) {
                return d.outputIndex(s.output());
            }
        }
        return -1;
    }

    /** Every registered name: canonical names, aliases and selectors. */
    public Collection<String> names() {
        return byName.keySet();
    }

    /**
     * Resolves a name, alias or selector.
     *
     * @throws UnknownNameException with the closest registered name when one is close, or saying why the kernel a
     *     name belongs to could not be loaded
     */
    public Entry resolve(String name) {
        if (name == null) {
            throw new UnknownNameException("kernel", null, null, "no kernel name given (null)");
        }
        Claim c = byName.get(name);
        if (c == null) {
            String near = Names.closest(name, byName.keySet());
            throw new UnknownNameException("kernel", name, near, "unknown kernel '" + name + "'" + Names.hint(near));
        }
        Entry e = resolved.get(name);
        if (e == null) {
            KernelDescriptor d = c.descriptor();
            if (d == null) {
                try {
                    d = load(c.listed());
                } catch (IllegalStateException x) {
                    throw new UnknownNameException("kernel", name, null, "kernel '" + name + "' could not be loaded: "
                            + problem(c.listed(), x).describe());
                }
            }
            KernelDescriptor k = d;
            e = resolved.computeIfAbsent(name, n -> new Entry(k, selected(k, n)));
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
