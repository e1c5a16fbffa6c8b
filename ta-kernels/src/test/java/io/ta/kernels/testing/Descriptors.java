package io.ta.kernels.testing;

import io.ta.spi.KernelDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every kernel registered on the test classpath, found the way the runtime finds them. */
public final class Descriptors {
    private Descriptors() {}

    public static List<KernelDescriptor> all() {
        List<KernelDescriptor> out = new ArrayList<>();
        for (KernelDescriptor d : ServiceLoader.load(KernelDescriptor.class)) {
            out.add(d);
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
