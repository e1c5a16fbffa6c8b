package io.ta.runtime;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
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

/**
 * Every kernel on the class path and module path, found by {@link KernelLoader}: the built-ins and any extension jar's,
 * each kernel library being one {@link KernelLibraryProvider} (the one discovery path). Resolves
 * canonical names, aliases and selector aliases (an alias bound to one output, e.g. {@code bb_upper}); a name claimed
 * twice is a {@link RegistryConflictException} at load time, not a silent shadowing.
 *
 * <p>Providers are loaded one at a time: a broken one — its service file names a class that is missing, is not a
 * {@link KernelDescriptor}, cannot be instantiated, or answers its metadata with an error — is skipped and reported
 * in {@link #problems()}, so one bad extension jar does not take every other kernel down with it.
 */
public final class Registry {
    private static volatile Registry defaultRegistry;

    /** The service file kernel jars register their library provider in. */
    static final String LIBRARY_FILE = KernelLoader.SERVICE_FILE;

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
        KernelLoader.Loaded loaded = KernelLoader.load(loader);
        List<Problem> problems = new ArrayList<>();
        for (KernelLoader.Problem p : loaded.problems()) {
            problems.add(new Problem(p.provider(), p.source(), p.reason(), p.cause()));
        }
        return new Registry(loaded.kernels(), problems);
    }

    /** The providers that could not be loaded and were skipped, in the order they were met; empty if none. */
    public List<Problem> problems() {
        return problems;
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
