/**
 * Event sources beyond bars — trades, order-book snapshots, liquidations — each a {@link io.ta.runtime.source.SourceType}
 * with a declared schema, and their per-bar aggregates ({@code trades.sum(amount)}, {@code orderbook.spread}) as
 * series a plan reads like any column; another symbol's bars are one more source ({@code ETH.close} is the close of
 * ETH's latest bar, {@link io.ta.runtime.source.SourceType#BARS}). One {@link io.ta.runtime.source.Accumulator} per
 * aggregate serves both the batch path ({@link io.ta.runtime.source.Sources#attach}) and the stream
 * ({@link io.ta.runtime.source.SourceStream}).
 */
package io.ta.runtime.source;
