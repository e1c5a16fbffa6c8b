/**
 * What the writers know about a validated kernel: immutable records ({@link io.ta.processor.model.KernelModel} and
 * its parts) in the SPI's own vocabulary ({@code ParamType}, {@code Family}, {@code OutputKind}, {@code Scale},
 * {@code Complexity}), free of {@code javax.lang.model} so writers can be tested on hand-built models.
 * {@link io.ta.processor.model.ModelFactory} builds them from elements; {@link io.ta.processor.model.LookbackFormula}
 * reads the published lookback formula from the lookback method's syntax tree;
 * {@link io.ta.processor.model.GeneratedMembers} lists the members generated code adds, which kernel names must not
 * take.
 */
package io.ta.processor.model;
