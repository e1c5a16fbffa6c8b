/**
 * The one package a user of the runtime needs: {@link io.ta.runtime.Plan} (an expression planned once, run in blocks
 * with {@code run}), {@link io.ta.runtime.PlanStream} (the same plan bar by bar, with preview, replace-last and
 * {@link io.ta.runtime.PlanSnapshot}s), {@link io.ta.runtime.PlanResult}, and the contracts they speak:
 * {@link io.ta.runtime.Series} (aligned values, NaN warm-up, derived {@link io.ta.runtime.Mask}),
 * {@link io.ta.runtime.Bars} (timestamped columns), {@link io.ta.runtime.Outputs} (multi-output results) and the
 * {@link io.ta.runtime.Registry} of every kernel on the classpath. See {@code docs/contracts.md}.
 */
package io.ta.runtime;
