package io.ta.processor.model;

/**
 * One input of the step.
 *
 * @param name catalog name
 * @param javaName step parameter name
 */
public record InputModel(String name, String javaName) {}
