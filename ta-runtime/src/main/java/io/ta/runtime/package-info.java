/**
 * The runtime's public contracts: {@link io.ta.runtime.Series} (aligned values, NaN warm-up, derived
 * {@link io.ta.runtime.Mask}), {@link io.ta.runtime.Bars} (timestamped columns), {@link io.ta.runtime.Outputs}
 * (multi-output results) and the {@link io.ta.runtime.Registry} of every kernel on the classpath. See
 * {@code docs/contracts.md}.
 */
package io.ta.runtime;
