/**
 * Time in plans: {@link io.ta.runtime.time.Timeframe} (counts of bars, fixed durations, calendar periods in a zone),
 * the specs of the time-aware plan nodes ({@link io.ta.runtime.time.TimeSpec}: timeframes, wall-clock lags,
 * sessions) and the one interface both executors drive them through ({@link io.ta.runtime.time.TimeOperator}).
 * Kernels never see time; these operators are the only parts of a plan that read the bars' timestamps.
 */
package io.ta.runtime.time;
