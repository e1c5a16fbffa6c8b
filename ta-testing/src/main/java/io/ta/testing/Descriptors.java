package io.ta.testing;

import io.ta.spi.KernelDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every kernel registered on the test classpath, found the way the runtime finds them. */
public final class Descriptors {
    private Descriptors() {}

    /** Every kernel {@link ServiceLoader} finds for {@link KernelDescriptor}, sorted by name. */
    public static List<KernelDescriptor> all() {
        List<KernelDescriptor> out = new ArrayList<>();
        for (KernelDescriptor d : ServiceLoader.load(KernelDescriptor.class)) {
            out.add(d);
        }
        out.sort(Comparator.comparing(KernelDescriptor::name));
        return out;
    }

    /**
     * The kernels whose descriptor class is in {@code packageName} or a package below it (a library's kernels, when
     * the package is the library's root), sorted by name. The empty package name selects every kernel.
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
