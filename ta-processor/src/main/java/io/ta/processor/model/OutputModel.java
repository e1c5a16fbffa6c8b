package io.ta.processor.model;

/**
 * One output.
 *
 * @param name catalog name
 * @param javaName the {@code @Output} field (multi-output) or {@code value}
 * @param doc one line
 */
public record OutputModel(String name, String javaName, String doc) {}
