package io.ta.spi;

/**
 * The values an input accepts before its kernel's result is undefined (NaN): a closed or open interval, optionally
 * without 0. Most inputs are {@link #UNBOUNDED}; partial functions declare theirs with
 * {@link io.ta.annotation.Input}.
 *
 * @param min smallest value
 * @param max largest value
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param nonZero whether 0 is excluded
 */
public record Domain(double min, double max, boolean minExclusive, boolean maxExclusive, boolean nonZero) {
    /** Every value. */
    public static final Domain UNBOUNDED = new Domain(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, false);

    /** Whether {@code v} is in the domain. */
    public boolean contains(double v) {
        return (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max) && !(nonZero && v == 0.0);
    }

    public boolean isUnbounded() {
        return equals(UNBOUNDED);
    }

    @Override
    public String toString() {
        if (isUnbounded()) {
            return "any value";
        }
        String range = ParamSpec.rangeText(min, max, minExclusive, maxExclusive, true);
        return range.equals("any finite value") ? "non-zero" : range + (nonZero ? ", non-zero" : "");
    }
}
