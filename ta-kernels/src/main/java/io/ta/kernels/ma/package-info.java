/**
 * Moving averages, from SMA and EMA to MAMA and T3, and {@link io.ta.kernels.ma.Ma}/{@link io.ta.kernels.ma.MaType},
 * the selectable average other kernels compose. The mean-seeded recursions (EMA, Wilder's RMA, T3's stages) share one
 * {@link io.ta.state.SeededAverage}. Kernels here are pure: they hold their math and declared state and depend only on
 * {@code io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on
 * the runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.ma;
