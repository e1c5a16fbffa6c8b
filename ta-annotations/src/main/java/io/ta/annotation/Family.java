package io.ta.annotation;

/** Catalog families (CATALOG.md §2). */
public enum Family {
    MOVING_AVERAGE,
    STATISTIC,
    MOMENTUM,
    TREND,
    VOLATILITY,
    VOLUME,
    PRICE,
    MATH,
    CYCLE,
    EVENT,
    PATTERN
}
