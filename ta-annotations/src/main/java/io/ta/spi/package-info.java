/**
 * The small SPI between generated code and the runtime: {@link io.ta.spi.KernelDescriptor} (one per kernel, found
 * through its library's {@link io.ta.spi.KernelLibraryProvider} by {@link io.ta.spi.KernelLoader}),
 * {@link io.ta.spi.KernelStream}, parameter schemas and values, state snapshots, and the shared checks generated code
 * calls. Interfaces and small value types that generated code and the runtime agree on: it must not depend on any
 * kernel, on the runtime or on {@code io.ta.state}.
 */
package io.ta.spi;
