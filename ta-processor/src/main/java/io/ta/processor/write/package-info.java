/**
 * The writers: each turns {@link io.ta.processor.model.KernelModel}s into one generated artefact — the stream, the
 * state companion, the descriptor, the multi-output result, the {@code Ta} facade, the fluent {@code TaExpr}, the
 * library provider and the JSON manifest. They read only the model, never javac elements.
 */
package io.ta.processor.write;
