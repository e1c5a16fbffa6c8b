/**
 * Momentum oscillators: RSI, MACD, stochastics, rate of change, CCI and their relatives. Most compose the averages of
 * {@code io.ta.kernels.ma} and the window kernels of {@code io.ta.kernels.stats} through their steps. Kernels here are
 * pure: they hold their math and declared state and depend only on {@code io.ta.annotation}, {@code io.ta.spi}, {@code
 * io.ta.state} and other kernel packages they compose — never on the runtime, the generated facade, I/O or mutable
 * statics.
 */
package io.ta.kernels.momentum;
