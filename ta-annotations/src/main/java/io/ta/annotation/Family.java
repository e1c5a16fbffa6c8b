package io.ta.annotation;

/** Catalog families (docs/spec.md §2). */
public enum Family {
    /** Moving averages of a series (sma, ema, kama, ...). */
    MOVING_AVERAGE,
    /** Window statistics: variance, correlation, regression, quantiles, ... */
    STATISTIC,
    /** Momentum oscillators (rsi, macd, stochastic, ...). */
    MOMENTUM,
    /** Trend direction and strength (adx, aroon, sar, ...). */
    TREND,
    /** Volatility measures and bands (atr, bbands, keltner, ...). */
    VOLATILITY,
    /** Indicators of volume (obv, mfi, vwap, ...). */
    VOLUME,
    /** Prices derived from a bar or from the bars before it (typical price, pivots, Heikin-Ashi, ...). */
    PRICE,
    /** Math on series: elementwise functions and operators, cumulative sums, ... */
    MATH,
    /** Cycle measures (Hilbert transform, dominant cycle, ...). */
    CYCLE,
    /** Conditions that mark bars where something happens (crosses, new highs, ...). */
    EVENT,
    /** Swing points, fractals and the levels drawn from them (Fibonacci retracements); candlesticks are CANDLE. */
    PATTERN,
    /** Japanese candlestick patterns (TA-Lib's CDL functions): +100 bullish, -100 bearish, 0 none. */
    CANDLE
}
