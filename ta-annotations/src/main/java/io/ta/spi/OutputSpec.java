package io.ta.spi;

/**
 * One named output of a kernel; single-output kernels have one output named {@code value}.
 *
 * @param name output name, lower snake case
 * @param doc one line describing it
 */
public record OutputSpec(String name, String doc) {}
