/**
 * State building blocks for kernels — window structures whose checkpoints cost O(1), so that generated
 * {@code preview} and {@code replaceLast} stay O(1) for window kernels — and {@link io.ta.state.SeededAverage}, the one
 * mean-seeded recursive average. Each is a {@link io.ta.spi.StatePart}, generic over what it holds: it depends on the
 * SPI and annotations only, never on a kernel or the runtime.
 */
package io.ta.state;
