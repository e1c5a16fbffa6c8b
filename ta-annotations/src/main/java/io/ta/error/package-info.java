/**
 * The typed errors of {@code ta}. Every user mistake (bad parameter, ragged input, unknown name, unusable snapshot,
 * and in {@code ta-runtime} parse and type errors) is a subclass of {@link io.ta.error.TaException} whose message
 * names the kernel and what to change.
 */
package io.ta.error;
