/**
 * Events: crossings, channel entries and exits, rising and falling runs. Every output is a flag (1.0 or 0.0, warm-up
 * 0.0), unitless whatever the inputs are quoted in. Kernels here are pure: they hold their math and declared state and
 * depend only on {@code io.ta.annotation}, {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they
 * compose — never on the runtime, the generated facade, I/O or mutable statics.
 */
package io.ta.kernels.event;
