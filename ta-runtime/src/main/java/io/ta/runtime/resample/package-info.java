/**
 * Resampling bars to a coarser timeframe: calendar-aligned buckets in a time zone and the aggregators (first, last,
 * sum, mean, max, min) that fold a bucket's bars. It depends on {@code io.ta.runtime.time} and the runtime's column
 * types only, not on plans or executors, which call it.
 */
package io.ta.runtime.resample;
