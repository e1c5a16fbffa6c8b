package io.ta.spi;

/**
 * A registry alias bound to one output of a kernel (docs/spec.md §1.3), e.g. {@code bb_upper → upper}.
 *
 * @param alias the registry name
 * @param output the selected output's name
 */
public record SelectorSpec(String alias, String output) {}
