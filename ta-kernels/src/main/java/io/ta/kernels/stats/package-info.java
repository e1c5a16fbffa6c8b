/**
 * Rolling statistics: sums, extremes and their positions, variance, correlation, regression, quantiles, ranks and
 * moments, each built on an exact {@code io.ta.state} window part rather than running totals (docs/contracts.md,
 * "Numerics"). Kernels here are pure: they hold their math and declared state and depend only on {@code
 * io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on the
 * runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.stats;
