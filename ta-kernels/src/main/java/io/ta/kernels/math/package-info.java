/**
 * Element-wise math and arithmetic on series (TA-Lib's math transforms and operators, shift, difference, cumulative
 * sum) so that expressions can combine kernel outputs; none keeps more than one bar of state. Kernels here are pure:
 * they hold their math and declared state and depend only on {@code io.ta.annotation}, {@code io.ta.spi}, {@code
 * io.ta.state} and other kernel packages they compose — never on the runtime, the generated facade, I/O or mutable
 * statics.
 */
package io.ta.kernels.math;
