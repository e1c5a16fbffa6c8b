/**
 * The annotations kernels are written with, the SPI generated code implements and the runtime consumes
 * ({@link io.ta.spi.KernelLibraryProvider}, {@link io.ta.spi.KernelDescriptor}), the typed errors, the expression IR
 * and the state parts. Depends on nothing but {@code java.base}, and reads one flag of the JVM's from
 * {@code jdk.management} where that module is present ({@link io.ta.spi.Checks#finiteOrNaN}).
 */
module io.ta.annotations {
    exports io.ta.annotation;
    exports io.ta.error;
    exports io.ta.expr;
    exports io.ta.spi;
    exports io.ta.state;

    // Optional: without it, io.ta.spi.Checks assumes no hardware fused multiply-add.
    requires static jdk.management;

    // io.ta.spi.KernelLoader, the one discovery path the registry and the property suite share, loads the providers.
    uses io.ta.spi.KernelLibraryProvider;
}
