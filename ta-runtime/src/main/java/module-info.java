/**
 * The engine: the DSL and its planner, block and bar-by-bar executors, CSV input, resampling and time. Finds kernels
 * through the {@link io.ta.spi.KernelLibraryProvider} service (one per kernel library, built-in or extension), on the
 * module path and the class path alike, by {@link io.ta.spi.KernelLoader} (whose module declares the {@code uses});
 * requiring it brings the built-in kernels and the SPI. The executors ({@code io.ta.runtime.exec}) are internal:
 * {@link io.ta.runtime.Plan} runs a plan.
 */
module io.ta.runtime {
    requires transitive io.ta.annotations;
    requires transitive io.ta.kernels;

    exports io.ta.runtime;
    exports io.ta.runtime.csv;
    exports io.ta.runtime.dsl;
    exports io.ta.runtime.plan;
    exports io.ta.runtime.resample;
    exports io.ta.runtime.source;
    exports io.ta.runtime.time;

    uses io.ta.runtime.source.SourceType.Provider;
}
