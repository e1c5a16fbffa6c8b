/**
 * Trend indicators: the directional-movement family, whose Wilder sums live once in {@link
 * io.ta.kernels.trend.WilderDm}, parabolic SAR, Aroon, Ichimoku, Supertrend, Vortex and their relatives. Kernels here
 * are pure: they hold their math and declared state and depend only on {@code io.ta.annotation}, {@code io.ta.spi},
 * {@code io.ta.state} and other kernel packages they compose — never on the runtime, the generated facade, I/O or
 * mutable statics.
 */
package io.ta.kernels.trend;
