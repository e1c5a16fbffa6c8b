package io.ta.annotation;

/**
 * How a value changes when the data is re-quoted: every price-like input multiplied by {@code c} (dollars to
 * cents, a crypto asset quoted in satoshi) and, separately, every volume input multiplied by {@code v}.
 *
 * <p>Kernels declare it for their outputs ({@link Kernel#scale()}, overridable per {@link Output#scale()}) and
 * inputs ({@link Input#scale()}); the catalog manifest publishes it, and the property suite checks it: a kernel's
 * answer must not depend on the unit its inputs are quoted in (docs/contracts.md, "Scale").
 */
public enum Scale {
    /** Not declared: inputs named {@code volume} are {@link #VOLUME}, every other input {@link #PRICE}. */
    DEFAULT,
    /** Scales with prices: {@code × c} (moving averages, bands, ATR, price levels). */
    PRICE,
    /** Scales with the square of prices: {@code × c²} (variance). */
    PRICE_SQUARED,
    /** Unchanged (oscillators, ratios, correlations, flags, counts, bar indices, pattern codes). */
    UNITLESS,
    /** Scales with volume: {@code × v} (OBV, A/D line, volume sums). */
    VOLUME,
    /** Scales with price times volume: {@code × c·v} (dollar volume, force index). */
    PRICE_VOLUME,
    /** No such law (logarithms, trigonometry, angles of a slope, exponentials): not checked. */
    NONE
}
