package io.ta.kernels.candle;

/**
 * TA-Lib's candle settings: what "long", "short", "doji", "near", "far" and "equal" mean for the candlestick patterns.
 * Each setting compares a part of a candle against {@code factor} times the average of one {@link RangeType range}
 * over the {@code period} candles <em>before</em> the candle being judged (the candle itself is not in its own
 * average); a period of 0 means the candle's own range, and a {@link RangeType#SHADOWS} average is halved, so it is
 * the average of one shadow. The values are TA-Lib's defaults ({@code TA_RestoreCandleDefaultSettings} in TA-Lib C
 * 0.6 {@code ta_global.c}, the same in the 0.4 Java port).
 *
 * <p>They are constants, not parameters: TA-Lib keeps them in process-global mutable state
 * ({@code TA_SetCandleSettings}), which a pure kernel cannot read, and exposing them per call would add up to three
 * parameters per setting to every pattern (fifteen on {@code cdl_advanceblock}) for a knob few users turn. Every
 * pattern reads them through one {@link CandleFrame}; docs/candles.md explains the choice.
 */
public enum CandleSetting {
    /** A real body is long when it is longer than the average real body of the 10 candles before. */
    BODY_LONG(RangeType.REAL_BODY, 10, 1.0),
    /** A real body is very long when it is longer than 3 times the average real body of the 10 candles before. */
    BODY_VERY_LONG(RangeType.REAL_BODY, 10, 3.0),
    /** A real body is short when it is shorter than the average real body of the 10 candles before. */
    BODY_SHORT(RangeType.REAL_BODY, 10, 1.0),
    /** A real body is a doji's when it is at most 10% of the average high-low range of the 10 candles before. */
    BODY_DOJI(RangeType.HIGH_LOW, 10, 0.1),
    /** A shadow is long when it is longer than the candle's own real body. */
    SHADOW_LONG(RangeType.REAL_BODY, 0, 1.0),
    /** A shadow is very long when it is longer than twice the candle's own real body. */
    SHADOW_VERY_LONG(RangeType.REAL_BODY, 0, 2.0),
    /** A shadow is short when it is shorter than the average shadow (half the shadows' sum) of the 10 candles before. */
    SHADOW_SHORT(RangeType.SHADOWS, 10, 1.0),
    /** A shadow is very short when it is shorter than 10% of the average high-low range of the 10 candles before. */
    SHADOW_VERY_SHORT(RangeType.HIGH_LOW, 10, 0.1),
    /** Two prices are near when they differ by at most 20% of the average high-low range of the 5 candles before. */
    NEAR(RangeType.HIGH_LOW, 5, 0.2),
    /** Two prices are far apart when they differ by at least 60% of the average high-low range of the 5 candles before. */
    FAR(RangeType.HIGH_LOW, 5, 0.6),
    /** Two prices are equal when they differ by at most 5% of the average high-low range of the 5 candles before. */
    EQUAL(RangeType.HIGH_LOW, 5, 0.05);

    private final RangeType range;
    private final int period;
    private final double factor;

    CandleSetting(RangeType range, int period, double factor) {
        this.range = range;
        this.period = period;
        this.factor = factor;
    }

    /** The part of each candle that is averaged. */
    public RangeType range() {
        return range;
    }

    /** How many candles before the judged one are averaged; 0 means the judged candle's own range. */
    public int period() {
        return period;
    }

    /** The multiple of the average that is the threshold. */
    public double factor() {
        return factor;
    }

    /** The part of a candle a setting measures (TA-Lib {@code TA_RangeType}). */
    public enum RangeType {
        /** {@code |close − open|}. */
        REAL_BODY,
        /** {@code high − low}. */
        HIGH_LOW,
        /** Upper plus lower shadow; averages of it are halved, so they measure one shadow. */
        SHADOWS
    }
}
