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
    private static final List<KernelDescriptor> KERNELS = List.of(
            Bands_Descriptor.INSTANCE,
            WindowMean_Descriptor.INSTANCE);

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
        return KERNELS;
    }
}
