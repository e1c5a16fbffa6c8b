package io.ta.processor.model;

/**
 * An alias bound to one output.
 *
 * @param alias registry name
 * @param output output name
 */
public record SelectorModel(String alias, String output) {}
