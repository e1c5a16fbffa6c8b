/**
 * The annotation processor that turns each {@code @Kernel} class into its generated companions, in three steps:
 * {@link io.ta.processor.validate validate} the class against the kernel contract, build a javac-free
 * {@link io.ta.processor.model model} of it, and {@link io.ta.processor.write write} the stream, state companion,
 * descriptor, facade, fluent API, library provider and {@code META-INF/ta/catalog.json} from that model.
 * {@link io.ta.processor.KernelProcessor} runs the rounds; {@link io.ta.processor.KernelElements} is the one place
 * that reads kernel elements (steps, lookbacks, outputs, catalog names).
 */
package io.ta.processor;
