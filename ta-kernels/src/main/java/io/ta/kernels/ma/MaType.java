package io.ta.kernels.ma;

/**
 * The moving-average choice of TA-Lib's MA-type parameters ({@code ma_type}, {@code fastd_ma_type}, …), in TA-Lib's
 * {@code MAType} order 0–8. The choice names are the lower-case constant names ({@code sma} … {@code t3}). Inside a
 * choice {@code kama} runs with fast 2 / slow 30, {@code mama} with limits 0.5 / 0.05 (its {@code mama} output, the
 * period ignored) and {@code t3} with volume factor 0.7, as TA-Lib's MA does (docs/spec.md §1.4). {@link Ma} builds the
 * chosen average; {@link Ma#lookback} gives its lookback.
 */
public enum MaType {
    /** Simple moving average ({@link Sma}), TA-Lib MAType 0. */
    SMA,
    /** Exponential moving average ({@link Ema}), TA-Lib MAType 1. */
    EMA,
    /** Weighted moving average ({@link Wma}), TA-Lib MAType 2. */
    WMA,
    /** Double exponential moving average ({@link Dema}), TA-Lib MAType 3. */
    DEMA,
    /** Triple exponential moving average ({@link Tema}), TA-Lib MAType 4. */
    TEMA,
    /** Triangular moving average ({@link Trima}), TA-Lib MAType 5. */
    TRIMA,
    /** Kaufman adaptive moving average ({@link Kama}, fast 2, slow 30), TA-Lib MAType 6. */
    KAMA,
    /** MESA adaptive moving average ({@link Mama}, limits 0.5 and 0.05, period ignored), TA-Lib MAType 7. */
    MAMA,
    /** Tillson T3 ({@link T3}, volume factor 0.7), TA-Lib MAType 8. */
    T3
}
