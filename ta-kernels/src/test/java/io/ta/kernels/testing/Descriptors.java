package io.ta.kernels.testing;

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

    public static List<KernelDescriptor> all() {
        // Patched into module io.ta.kernels (the module path), this class may only load services its module uses.
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

    public static KernelDescriptor named(String name) {
        for (KernelDescriptor d : all()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no kernel " + name);
    }
}
