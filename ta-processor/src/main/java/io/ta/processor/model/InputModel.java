package io.ta.processor.model;

import io.ta.annotation.Scale;

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
 * @param scale what the input is quoted in ({@code PRICE}, {@code VOLUME} or {@code UNITLESS}), resolved from the
 *     declaration or the input's name
 */
public record InputModel(
        String name, String javaName, double min, double max, boolean minExclusive, boolean maxExclusive, boolean nonZero,
        Scale scale) {

    /** An input accepting every value, quoted in prices (volume if it is called {@code volume}). */
    public InputModel(String name, String javaName) {
        this(name, javaName, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, false,
                name.equals("volume") ? Scale.VOLUME : Scale.PRICE);
    }

    public boolean isBounded() {
        return min != Double.NEGATIVE_INFINITY || max != Double.POSITIVE_INFINITY || minExclusive || maxExclusive || nonZero;
    }
}
