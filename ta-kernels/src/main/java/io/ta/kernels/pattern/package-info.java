/**
 * Price-structure patterns: swing pivots, fractals and Fibonacci retracements. The pivot rule lives once, in {@link
 * io.ta.kernels.pattern.SwingPoints}; the others compose it and read {@link
 * io.ta.kernels.pattern.SwingPoints#pivotHigh()} and {@link io.ta.kernels.pattern.SwingPoints#pivotLow()}. Kernels here
 * are pure: they hold their math and declared state and depend only on {@code io.ta.annotation}, {@code io.ta.spi},
 * {@code io.ta.state} and other kernel packages they compose — never on the runtime, the generated facade, I/O or
 * mutable statics.
 */
package io.ta.kernels.pattern;
