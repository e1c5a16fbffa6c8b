/**
 * The typed errors of {@code ta}. Every user mistake (bad parameter, ragged input, unknown name, unusable snapshot,
 * and in {@code ta-runtime} parse and type errors) is a subclass of {@link io.ta.error.TaException} whose message
 * names the kernel and what to change. Plain exception types: they depend on nothing of {@code ta}, so every
 * module can throw and catch them.
 */
package io.ta.error;
