/**
 * The annotations kernels are written with, the SPI generated code implements and the runtime consumes
 * ({@link io.ta.spi.KernelLibraryProvider}, {@link io.ta.spi.KernelDescriptor}), the typed errors, the expression IR
 * and the state parts. Depends on {@code java.base}, and on {@code jdk.management} for one flag of the JVM's
 * ({@link io.ta.spi.Checks#finiteOrNaN}).
 */
module io.ta.annotations {
    exports io.ta.annotation;
    exports io.ta.error;
    exports io.ta.expr;
    exports io.ta.spi;
    exports io.ta.state;

    // One flag of the JVM's, read once: whether io.ta.spi.Checks may use a hardware fused multiply-add. Required, not
    // optional, so that a modular application computes as fast as one on the class path.
    requires jdk.management;

    // io.ta.spi.KernelLoader, the one discovery path the registry and the property suite share, loads the providers.
    uses io.ta.spi.KernelLibraryProvider;
}
