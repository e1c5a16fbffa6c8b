/**
 * State building blocks for kernels — window structures whose checkpoints cost O(1), so that generated
 * {@code preview} and {@code replaceLast} stay O(1) for window kernels. Each is a {@link io.ta.spi.StatePart}.
 */
package io.ta.state;
