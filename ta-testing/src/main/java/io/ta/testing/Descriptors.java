package io.ta.testing;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every kernel registered on the test classpath, found the way the runtime finds them. */
public final class Descriptors {
    private Descriptors() {}

    /**
     * Every registered kernel, sorted by name: the descriptors of every {@link io.ta.spi.KernelLibraryProvider} on the
     * test class path or module path, loaded by {@link KernelLoader} exactly as the runtime's registry loads them.
     *
     * @return the descriptors, sorted by name
     * @throws IllegalStateException if a provider or descriptor cannot be loaded (a test must not pass by skipping it)
     */
    public static List<KernelDescriptor> all() {
        KernelLoader.Loaded loaded = KernelLoader.load(Thread.currentThread().getContextClassLoader());
        if (!loaded.problems().isEmpty()) {
            KernelLoader.Problem p = loaded.problems().get(0);
            throw new IllegalStateException("kernel provider " + p.provider() + " cannot be loaded: " + p.reason(), p.cause());
        }
        List<KernelDescriptor> out = new ArrayList<>(loaded.kernels());
        out.sort(Comparator.comparing(KernelDescriptor::name));
        return out;
    }

    /**
     * The kernels whose descriptor class is in {@code packageName} or a package below it (a library's kernels, when
     * the package is the library's root), sorted by name. The empty package name selects every kernel.
     *
     * @param packageName a package name such as {@code io.ta.kernels}, or empty
     * @return the descriptors in it, sorted by name (empty if none)
     * @throws IllegalStateException if a provider or descriptor cannot be loaded
     */
    public static List<KernelDescriptor> inPackage(String packageName) {
        return all().stream().filter(d -> {
            String p = d.getClass().getPackageName();
            return packageName.isEmpty() || p.equals(packageName) || p.startsWith(packageName + ".");
        }).toList();
    }

    /**
     * The kernel whose canonical name is {@code name}.
     *
     * @param name a canonical name such as {@code rsi} (not an alias)
     * @return its descriptor
     * @throws IllegalArgumentException if no registered kernel has that name
     */
    public static KernelDescriptor named(String name) {
        for (KernelDescriptor d : all()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no kernel " + name);
    }
}
