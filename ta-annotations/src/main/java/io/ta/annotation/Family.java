package io.ta.annotation;

/** Catalog families (docs/spec.md §2). */
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
    PATTERN,
    /** Japanese candlestick patterns (TA-Lib's CDL functions): +100 bullish, -100 bearish, 0 none. */
    CANDLE
}
