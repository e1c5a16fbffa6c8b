package io.ta.kernels.candle;

/**
 * The candle patterns TA-Lib writes twice, once per direction (morning/evening star and their doji forms,
 * hammer/hanging man, inverted hammer/shooting star) and the pairs that differ in one candle setting (harami/harami
 * cross): each rule once, parameterised by direction or setting, so a pair's kernels and {@link CdlScan} share it.
 *
 * <p>Each method keeps TA-Lib's tests in TA-Lib's order and short-circuits as TA-Lib does; a direction only selects
 * which of two mirrored comparisons runs (never rewrites one as the other: {@code a > b + c} and {@code a − b > c}
 * round differently), so the results are bit for bit those of the two separate rules. The frame must carry every
 * setting the chosen variant reads.
 */
final class MirroredPatterns {
    private MirroredPatterns() {}

    /**
     * Morning star ({@code bullish}, +100) or evening star (−100): a long candle against the direction; a short (or,
     * with {@code dojiMiddle}, doji) candle whose body gaps away from it; a candle in the direction that is not short
     * and closes more than {@code penetration} of the first body beyond the first close.
     */
    static double star(CandleFrame f, double penetration, boolean bullish, boolean dojiMiddle) {
        int color = bullish ? 1 : -1;
        return f.body(2) > f.bodyLong(2) && f.color(2) == -color
                && f.body(1) <= (dojiMiddle ? f.bodyDoji(1) : f.bodyShort(1))
                && (bullish ? f.bodyGapDown(1, 2) : f.bodyGapUp(1, 2))
                && f.body(0) > f.bodyShort(0) && f.color(0) == color
                && (bullish
                        ? f.close(0) > f.close(2) + f.body(2) * penetration
                        : f.close(0) < f.close(2) - f.body(2) * penetration) ? 100 * color : 0;
    }

    /**
     * Hammer ({@code bullish}, +100) or hanging man (−100): a small body, a long lower shadow and a very short upper
     * one, the body at or near the previous candle's low (hammer) or high (hanging man).
     */
    static double hammer(CandleFrame f, boolean bullish) {
        return f.body(0) < f.bodyShort(0) && f.lowerShadow(0) > f.shadowLong(0)
                && f.upperShadow(0) < f.shadowVeryShort(0)
                && (bullish ? f.bodyBottom(0) <= f.low(1) + f.near(1) : f.bodyBottom(0) >= f.high(1) - f.near(1))
                        ? (bullish ? 100 : -100) : 0;
    }

    /**
     * Inverted hammer ({@code bullish}, +100) or shooting star (−100): a small body, a long upper shadow and a very
     * short lower one, the body gapping down (inverted hammer) or up (shooting star) from the previous candle's.
     */
    static double invertedHammer(CandleFrame f, boolean bullish) {
        return f.body(0) < f.bodyShort(0) && f.upperShadow(0) > f.shadowLong(0)
                && f.lowerShadow(0) < f.shadowVeryShort(0)
                && (bullish ? f.bodyGapDown(0, 1) : f.bodyGapUp(0, 1)) ? (bullish ? 100 : -100) : 0;
    }

    /**
     * Harami (a short second body) or, with {@code cross}, harami cross (a doji): a long candle, then one whose body
     * lies inside the first; ±100 strictly inside, ±80 when one end of the bodies is equal, against the first color.
     */
    static double harami(CandleFrame f, boolean cross) {
        if (f.body(1) > f.bodyLong(1) && f.body(0) <= (cross ? f.bodyDoji(0) : f.bodyShort(0))) {
            if (f.bodyTop(0) < f.bodyTop(1) && f.bodyBottom(0) > f.bodyBottom(1)) {
                return -f.color(1) * 100;
            }
            if (f.bodyTop(0) <= f.bodyTop(1) && f.bodyBottom(0) >= f.bodyBottom(1)) {
                return -f.color(1) * 80;
            }
        }
        return 0;
    }
}
