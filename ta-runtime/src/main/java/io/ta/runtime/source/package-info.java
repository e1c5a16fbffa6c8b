/**
 * Event sources beyond bars — trades, order-book snapshots, liquidations — each a {@link io.ta.runtime.source.SourceType}
 * with a declared schema, and their per-bar aggregates ({@code trades.sum(amount)}, {@code orderbook.spread}) as
 * series a plan reads like any column. One {@link io.ta.runtime.source.Accumulator} per aggregate serves both the
 * batch path ({@link io.ta.runtime.source.Sources#attach}) and the stream ({@link io.ta.runtime.source.SourceStream}).
 */
package io.ta.runtime.source;
