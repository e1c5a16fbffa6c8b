/**
 * Volatility: average true range, bands and channels (Bollinger, Keltner, Donchian and others), historical volatility
 * and the indicators derived from them. Kernels here are pure: they hold their math and declared state and depend only
 * on {@code io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on
 * the runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.volatility;
