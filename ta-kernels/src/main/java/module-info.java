import io.ta.kernels.TaLibrary;
import io.ta.spi.KernelLibraryProvider;

/**
 * The built-in kernels and everything generated from them: the {@link io.ta.kernels.Ta} facade, streams, results,
 * descriptors. The whole library is one {@link KernelLibraryProvider}, {@link TaLibrary}, which the annotation
 * processor generates and checks is provided here.
 */
module io.ta.kernels {
    // Generated code and every kernel's public signature use the annotations and the SPI.
    requires transitive io.ta.annotations;
    // Generated public classes carry @javax.annotation.processing.Generated (source retention): needed to compile
    // them only ('static'), and 'transitive' because -Xlint:exports counts the annotation as part of their API.
    requires static transitive java.compiler;

    exports io.ta.kernels;
    exports io.ta.kernels.candle;
    exports io.ta.kernels.cycle;
    exports io.ta.kernels.event;
    exports io.ta.kernels.ma;
    exports io.ta.kernels.math;
    exports io.ta.kernels.momentum;
    exports io.ta.kernels.pattern;
    exports io.ta.kernels.price;
    exports io.ta.kernels.stats;
    exports io.ta.kernels.trend;
    exports io.ta.kernels.volatility;
    exports io.ta.kernels.volume;

    provides KernelLibraryProvider with TaLibrary;
}
