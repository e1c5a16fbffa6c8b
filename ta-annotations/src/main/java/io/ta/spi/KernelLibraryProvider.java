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

    /**
     * Every name each kernel answers to, without loading any descriptor: for kernel {@code i} of {@link #kernels()},
     * its name first, then its aliases, then its selectors' aliases. A registry that has them resolves a name to one
     * kernel and loads that descriptor alone ({@link #kernel(int)}), where loading all of them costs a fresh JVM
     * about half a millisecond each (docs/performance.md, "The first calls"). The generated provider lists them;
     * the default, null, has every descriptor loaded up front, as a provider written by hand may want.
     *
     * @return one list per kernel, in {@link #kernels()} order, or null
     */
    default List<List<String>> names() {
        return null;
    }

    /**
     * Kernel {@code i} of {@link #kernels()}, loading no other descriptor (the generated provider's does not); the
     * default reads {@link #kernels()}.
     *
     * @param i the kernel's index in {@link #kernels()}
     * @return the same shared instance {@link #kernels()} lists
     * @throws IndexOutOfBoundsException if there is no kernel {@code i}
     */
    default KernelDescriptor kernel(int i) {
        return kernels().get(i);
    }
}
