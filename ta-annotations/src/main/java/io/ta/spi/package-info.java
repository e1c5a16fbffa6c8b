/**
 * The small SPI between generated code and the runtime: {@link io.ta.spi.KernelDescriptor} (registered through
 * {@link java.util.ServiceLoader}), {@link io.ta.spi.KernelStream}, parameter schemas and values, state snapshots,
 * and the shared checks generated code calls.
 */
package io.ta.spi;
