/**
 * Price transforms of one bar or two: typical, median, weighted-close and average prices, the true range, Heikin-Ashi
 * candles and pivot levels. Kernels here are pure: they hold their math and declared state and depend only on {@code
 * io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on the
 * runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.price;
