/**
 * Cycle measures: the Hilbert-transform family ({@code ht_*}), whose one core is
 * {@link io.ta.kernels.cycle.HilbertCore} (a state part every member holds and reads through its documented
 * accessors), and Ehlers' filters (high-pass, roofing, reflex, trendflex, even-better sine wave, centre of gravity).
 * Kernels here are pure: they hold their math and declared state and depend only on {@code io.ta.annotation},
 * {@code io.ta.spi}, {@code io.ta.state} and other kernel packages they compose — never on the runtime, the generated
 * facade, I/O or mutable statics.
 */
package io.ta.kernels.cycle;
