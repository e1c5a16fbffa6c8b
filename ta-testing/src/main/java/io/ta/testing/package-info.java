/**
 * The property suite every kernel library runs ({@link io.ta.testing.KernelSuite}): batch, stream, preview,
 * replace-last, snapshot and scale equivalences, exact lookback, numerics and cost, on seeded random bars; and the
 * helpers the built-ins' own tests use ({@link io.ta.testing.InvariantSuite}, {@link io.ta.testing.RandomBars},
 * {@link io.ta.testing.Oracles}, {@link io.ta.testing.Exact}, {@link io.ta.testing.ChildJvm}). It reaches kernels
 * only through the SPI descriptors: it must not depend on {@code io.ta.kernels}, the runtime or any one kernel's class.
 */
package io.ta.testing;
