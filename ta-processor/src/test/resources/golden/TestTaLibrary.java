package test;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLibraryProvider;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The kernels of the library whose facade is {@link TestTa}, as one provider for
 * {@link java.util.ServiceLoader}: a module declares
 * {@code provides io.ta.spi.KernelLibraryProvider with test.TestTaLibrary;}
 */
@Generated("io.ta.processor.KernelProcessor")
public final class TestTaLibrary implements KernelLibraryProvider {
    private static final List<List<String>> NAMES = List.of(
            List.of("bands", "bands_upper"),
            List.of("window_mean", "wmean"));

    /**
     * For {@link java.util.ServiceLoader}.
     */
    public TestTaLibrary() {
    }

    /**
     * Every kernel of this library, sorted by name.
     *
     * @return the descriptors' shared instances
     */
    @Override
    public List<KernelDescriptor> kernels() {
        return All.KERNELS;
    }

    /**
     * Each kernel's name, aliases and selectors' aliases, in {@link #kernels()} order.
     *
     * @return one list per kernel
     */
    @Override
    public List<List<String>> names() {
        return NAMES;
    }

    /**
     * Kernel {@code i} of {@link #kernels()}, loading no other descriptor.
     *
     * @param i the kernel's index
     * @return its descriptor's shared instance
     */
    @Override
    public KernelDescriptor kernel(int i) {
        return switch (i) {
            case 0 -> Bands_Descriptor.INSTANCE;
            case 1 -> WindowMean_Descriptor.INSTANCE;
            default -> throw new IndexOutOfBoundsException("no kernel " + i + " in a library of 2");
        };
    }

    /**
     * Every descriptor, loaded when {@link #kernels()} is first called.
     */
    private static final class All {
        static final List<KernelDescriptor> KERNELS = List.of(
                Bands_Descriptor.INSTANCE,
                WindowMean_Descriptor.INSTANCE);

        private All() {
        }
    }
}
