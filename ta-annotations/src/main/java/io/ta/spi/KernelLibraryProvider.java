package io.ta.spi;

import java.util.List;

/**
 * One kernel library — the kernels of one compilation, such as the built-ins or an extension jar — as the registry
 * finds it through {@link java.util.ServiceLoader}. The annotation processor generates exactly one implementation per
 * library ({@code <Facade>Library}, next to the facade) and registers it in
 * {@code META-INF/services/io.ta.spi.KernelLibraryProvider} for the class path; a library that is a named module
 * declares it in its {@code module-info.java}:
 *
 * <pre>{@code
 * provides io.ta.spi.KernelLibraryProvider with com.acme.ta.AcmeLibrary;
 * }</pre>
 *
 * <p>One provider per library rather than one per kernel keeps a module descriptor to one line however many kernels
 * the library has, and lets a module add kernels without touching it.
 */
public interface KernelLibraryProvider {
    /**
     * The library's kernels, one descriptor each, in a fixed order.
     *
     * @return an immutable list, never null
     */
    List<KernelDescriptor> kernels();
}
