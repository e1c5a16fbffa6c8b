package io.ta.processor.model;

import io.ta.annotation.Scale;

import java.util.List;

/**
 * One output.
 *
 * @param name catalog name
 * @param javaName the {@code @Output} field (multi-output) or {@code value}
 * @param doc one line
 * @param lookbackMethod the output's own lookback method, or empty for the kernel's
 * @param lookbackArgs Java names of the constructor parameters that method takes
 * @param lookbackFormula its return expression in catalog names, or empty
 * @param scale how it scales with the inputs, never {@code DEFAULT}
 */
public record OutputModel(
        String name, String javaName, String doc, String lookbackMethod, List<String> lookbackArgs, String lookbackFormula,
        Scale scale) {

    public OutputModel {
        lookbackArgs = List.copyOf(lookbackArgs);
    }

    /** An output using the kernel's lookback. */
    public OutputModel(String name, String javaName, String doc, Scale scale) {
        this(name, javaName, doc, "", List.of(), "", scale);
    }

    public boolean hasOwnLookback() {
        return !lookbackMethod.isEmpty();
    }
}
