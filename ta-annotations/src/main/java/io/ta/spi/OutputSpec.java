package io.ta.spi;

import io.ta.annotation.Scale;

/**
 * One named output of a kernel; single-output kernels have one output named {@code value}.
 *
 * @param name output name, lower snake case
 * @param doc one line describing it
 * @param scale how it changes when price inputs are multiplied by c and volume inputs by v (never
 *     {@link Scale#DEFAULT}: the processor resolves it)
 */
public record OutputSpec(String name, String doc, Scale scale) {}
