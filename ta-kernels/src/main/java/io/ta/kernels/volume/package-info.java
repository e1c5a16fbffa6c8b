/**
 * Volume-weighted indicators: on-balance volume, accumulation/distribution, money flow, VWAP and their oscillators.
 * Their outputs scale with volume, price × volume or neither, as each kernel declares. Kernels here are pure: they hold
 * their math and declared state and depend only on {@code io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and
 * other kernel packages they compose — never on the runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.volume;
