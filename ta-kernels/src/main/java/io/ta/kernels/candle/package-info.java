/**
 * Candlestick patterns (TA-Lib's {@code CDL*} family): one kernel per pattern, emitting ±100 at the bar that completes
 * it, and {@link io.ta.kernels.candle.CdlScan}, which runs them all over one shared {@link
 * io.ta.kernels.candle.CandleFrame} — the one home of TA-Lib's candle settings and body/shadow averages ({@link
 * io.ta.kernels.candle.CandleSetting}). Kernels here are pure: they hold their math and declared state and depend only
 * on {@code io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on
 * the runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.candle;
