package io.ta.testing;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Every kernel registered on the test classpath, found the way the runtime finds them. */
public final class Descriptors {
    private Descriptors() {}

    /**
     * Every registered kernel, sorted by name: the descriptors each {@link KernelLibraryProvider} lists, then those
     * registered directly as {@link KernelDescriptor} services whose class no library supplied (class-path jars of an
     * earlier processor), so a kernel found both ways appears once. Libraries in named modules on the module path
     * are found through their {@code provides} clause, which is all a named module offers.
     */
    public static List<KernelDescriptor> all() {
        // On the class path and as the automatic module io.ta.testing this class may load any service; compiled or
        // patched into an explicit module it may load only those the module uses, hence the uses added here.
        Descriptors.class.getModule().addUses(KernelLibraryProvider.class).addUses(KernelDescriptor.class);
        List<KernelDescriptor> out = new ArrayList<>();
        Set<Class<?>> supplied = new HashSet<>();
        for (KernelLibraryProvider library : ServiceLoader.load(KernelLibraryProvider.class)) {
            for (KernelDescriptor d : library.kernels()) {
                supplied.add(d.getClass());
                out.add(d);
            }
        }
        for (KernelDescriptor d : ServiceLoader.load(KernelDescriptor.class)) {
            if (!supplied.contains(d.getClass())) {
                out.add(d);
            }
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
