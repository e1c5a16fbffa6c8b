package io.ta.processor.model;

/**
 * One input of the step.
 *
 * @param name catalog name
 * @param javaName step parameter name
 * @param min domain lower bound
 * @param max domain upper bound
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param nonZero whether 0 is excluded
 */
public record InputModel(
        String name, String javaName, double min, double max, boolean minExclusive, boolean maxExclusive, boolean nonZero) {

    /** An input accepting every value. */
    public InputModel(String name, String javaName) {
        this(name, javaName, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, false);
    }

    public boolean isBounded() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY || minExclusive || maxExclusive || nonZero;
    }
}
