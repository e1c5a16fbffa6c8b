package io.ta.runtime.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.runtime.Bars;
import io.ta.runtime.resample.Resample.Agg;
import io.ta.runtime.resample.Resample.Fill;
import org.junit.jupiter.api.Test;

/** CATALOG.md §3.10, checked on worked examples. */
class ResampleTest {
    static final long[] T = {10, 20, 30, 40, 50};
    static final double[] X = {1, 5, 3, 2, 4};

    @Test
    void downsampleBucketsFromIndexZeroWithAPartialLastBucket() {
        Resample.Timed last = Resample.downsample(T, X, 2, Agg.LAST);
        assertArrayEquals(new long[] {20, 40, 50}, last.time());
        assertArrayEquals(new double[] {5, 2, 4}, last.values());
        assertArrayEquals(new double[] {1, 3, 4}, Resample.downsample(T, X, 2, Agg.FIRST).values());
        assertArrayEquals(new double[] {3, 2.5, 4}, Resample.downsample(T, X, 2, Agg.MEAN).values());
        assertArrayEquals(new double[] {6, 5, 4}, Resample.downsample(T, X, 2, Agg.SUM).values());
        assertArrayEquals(new double[] {5, 3, 4}, Resample.downsample(T, X, 2, Agg.MAX).values());
        assertArrayEquals(new double[] {1, 2, 4}, Resample.downsample(T, X, 2, Agg.MIN).values());
        assertArrayEquals(X, Resample.downsample(T, X, 1, Agg.MEAN).values(), "factor 1 is the identity");
        double[] holed = {1, Double.NaN, 3, 2, 4};
        assertArrayEquals(new double[] {Double.NaN, 5, 4}, Resample.downsample(T, holed, 2, Agg.SUM).values());
    }

    @Test
    void ohlcvByCountAndByTime() {
        Bars bars = Bars.ohlcv(new long[] {1000, 2000, 3000, 4000, 5000},
                new double[] {10, 11, 12, 13, 14}, new double[] {12, 15, 13, 16, 15},
                new double[] {9, 10, 11, 12, 13}, new double[] {11, 12, 12.5, 15, 14.5}, new double[] {100, 200, 300, 400, 500});
        Bars two = Resample.downsample(bars, 2);
        assertArrayEquals(new long[] {2000, 4000, 5000}, two.times());
        assertArrayEquals(new double[] {10, 12, 14}, two.column("open"));
        assertArrayEquals(new double[] {15, 16, 15}, two.column("high"));
        assertArrayEquals(new double[] {9, 11, 13}, two.column("low"));
        assertArrayEquals(new double[] {12, 15, 14.5}, two.column("close"));
        assertArrayEquals(new double[] {300, 700, 500}, two.column("volume"));
        // 2.5-second periods: (0, 2500] holds the bars closing at 1000 and 2000, and closes at 2500.
        Bars timed = Resample.resample(bars, 2500);
        assertArrayEquals(new long[] {2500, 5000}, timed.times());
        assertArrayEquals(new double[] {10, 12}, timed.column("open"));
        assertArrayEquals(new double[] {15, 16}, timed.column("high"));
        assertArrayEquals(new double[] {12, 14.5}, timed.column("close"));
        assertArrayEquals(new double[] {300, 1200}, timed.column("volume"));
    }

    @Test
    void upsampleRepeatsAndSpacesTimestampsEvenly() {
        Resample.Timed up = Resample.upsample(new long[] {0, 10, 13}, new double[] {1, 2, 3}, 3);
        assertArrayEquals(new long[] {0, 3, 6, 10, 11, 12, 13}, up.time());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2, 3}, up.values());
        assertEquals(0, Resample.upsample(new long[0], new double[0], 3).length());
    }

    @Test
    void syncShowsASlowBarOnlyAfterItClosed() {
        long[] slow = {100, 200, 300};
        double[] v = {1, 2, 3};
        long[] fast = {50, 100, 150, 199, 200, 250, 400};
        assertArrayEquals(new double[] {Double.NaN, 1, 1, 1, 2, 2, 3}, Resample.sync(slow, v, fast, Fill.FFILL));
        assertArrayEquals(new double[] {1, 1, 1.5, 1.99, 2, 2.5, 3}, Resample.sync(slow, v, fast, Fill.LINEAR), 1e-12);
    }

    @Test
    void badArgumentsAreTyped() {
        assertEquals("downsample: factor must be in [1, 1000000], got 0",
                assertThrows(InvalidParameterException.class, () -> Resample.downsample(T, X, 0, Agg.LAST)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> Resample.downsample(new long[] {1, 1, 2, 3, 4}, X, 2, Agg.LAST));
        assertThrows(ShapeMismatchException.class, () -> Resample.sync(new long[] {1}, X, T, Fill.FFILL));
        assertThrows(InvalidParameterException.class, () -> Resample.resample(Bars.builder().time(T).column("close", X).build(), 0));
    }
}
