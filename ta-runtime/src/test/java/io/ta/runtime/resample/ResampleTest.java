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

/** docs/spec.md §3.10, checked on worked examples. */
class ResampleTest {
    static final long[] T = {10, 20, 30, 40, 50};
    static final double[] X = {1, 5, 3, 2, 4};

    @Test
    void downsampleBucketsFromIndexZeroWithAPartialLastBucket() {
        Resample.Timed last = Resample.downsample(T, X, 2, Agg.LAST);
        // the partial bucket {50} closes at its second bar, 51 at the earliest
        assertArrayEquals(new long[] {20, 40, 51}, last.time());
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
        assertArrayEquals(new long[] {2000, 4000, 5001}, two.times());
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
    void aPartialCountIsNotShownBySyncAsThePlanDoesNotShowIt() {
        // Stamped with its last bar's time, the forming bucket {40, 50} of close@3 showed at bar 50 through sync (4)
        // where the plan shows the closed bucket's 3.
        Bars b = Bars.builder().time(T).column("close", X).build();
        for (String tf : new String[] {"2", "3", "4", "6"}) {
            Bars coarse = Resample.resample(b, io.ta.runtime.time.Timeframe.parse(tf), java.time.ZoneOffset.UTC);
            double[] synced = Resample.sync(coarse.times(), coarse.column("close"), T, Fill.FFILL);
            double[] plan = io.ta.runtime.Plan.compile("close@" + tf).run(b).value().toArray();
            assertArrayEquals(plan, synced, "close@" + tf);
            Resample.Timed down = Resample.downsample(T, X, Integer.parseInt(tf), Agg.LAST);
            assertArrayEquals(synced, Resample.sync(down.time(), down.values(), T, Fill.FFILL), "downsample by " + tf);
        }
        long[] late = {Long.MAX_VALUE - 3, Long.MAX_VALUE - 1};
        double[] two = {1, 2};
        var e = assertThrows(ShapeMismatchException.class, () -> Resample.downsample(late, two, 4, Agg.LAST));
        assertEquals("downsample: the last 2 bars (to 9223372036854775806) are a bucket of 4 that would close after "
                + "the largest timestamp (9223372036854775807)", e.getMessage());
        assertArrayEquals(new long[] {Long.MAX_VALUE}, Resample.downsample(late, two, 3, Agg.LAST).time());
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

    @Test
    void aTimeframeOfMoreBarsThanDownsamplesFactorLimitResamplesAsThePlanDoes() {
        // close@2000000 runs in a plan; its Resample form was refused as a downsample factor outside [1, 1000000].
        Bars b = Bars.builder().time(new long[] {10, 20, 30}).column("close", new double[] {1, 2, 3})
                .column("volume", new double[] {4, 5, 6}).build();
        Bars out = Resample.resample(b, io.ta.runtime.time.Timeframe.parse("2000000"), java.time.ZoneOffset.UTC);
        // its 2,000,000th bar closes then at the earliest
        assertArrayEquals(new long[] {30 + 1_999_997}, out.times());
        assertArrayEquals(new double[] {3}, out.column("close"));
        assertArrayEquals(new double[] {15}, out.column("volume"));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN},
                io.ta.runtime.Plan.compile("close@2000000").run(b).value().toArray());
        assertThrows(InvalidParameterException.class, () -> Resample.downsample(b, 2_000_000));
    }

    @Test
    void upsampleRefusesOutputsNoArrayCanHoldBeforeAllocating() {
        long[] wide = new long[5000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = i * 2_000_000L;
        }
        double[] x = new double[wide.length];
        // 4999 * 1e6 + 1 overflows int: this used to be a NegativeArraySizeException
        var overflow = assertThrows(InvalidParameterException.class, () -> Resample.upsample(wide, x, 1_000_000));
        assertEquals("upsample: 5000 bars with factor 1000000 would give 4999000001 bars, more than the 2147483639 a series can hold",
                overflow.getMessage());
        long[] t = java.util.Arrays.copyOf(wide, 2149);
        assertThrows(InvalidParameterException.class, () -> Resample.upsample(t, new double[t.length], 1_000_000));
    }

    @Test
    void upsampleRefusesFactorsThatWouldRepeatTimestamps() {
        var e = assertThrows(InvalidParameterException.class, () -> Resample.upsample(new long[] {0, 10, 11}, new double[] {1, 2, 3}, 3));
        assertEquals("upsample: factor 3 needs bars at least 3 ms apart, but bars 1 (10) and 2 (11) are 1 ms apart;"
                + " inserted timestamps would repeat", e.getMessage());
        assertArrayEquals(new long[] {0, 1, 2, 3}, Resample.upsample(new long[] {0, 3}, new double[] {1, 2}, 3).time());
    }

    @Test
    void upsampleTimestampsAreExactAcrossTheWholeLongRange() {
        assertArrayEquals(new long[] {-4_000_000_000_000_000_000L, -2_000_000_000_000_000_000L, 0, 2_000_000_000_000_000_000L,
            4_000_000_000_000_000_000L}, Resample.upsample(new long[] {-4_000_000_000_000_000_000L, 4_000_000_000_000_000_000L},
                new double[] {1, 2}, 4).time());
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int round = 0; round < 500; round++) {
            int factor = 1 + r.nextInt(round % 2 == 0 ? 1_000 : 1_000_000);
            long[] time = new long[2 + r.nextInt(4)];
            time[0] = round % 3 == 0 ? Long.MIN_VALUE + r.nextLong(1000) : r.nextLong();
            boolean fits = true;
            for (int i = 1; i < time.length && fits; i++) {
                long room = Long.MAX_VALUE - time[i - 1];
                fits = Long.compareUnsigned(room, factor) >= 0;
                long step = Math.max(factor, r.nextLong(Math.max(1, room / (time.length - i + 1))));
                time[i] = time[i - 1] + Math.min(step, room);
            }
            if (!fits || time.length * (long) factor > 1_000_000) {
                continue;
            }
            Resample.Timed up = Resample.upsample(time, new double[time.length], factor);
            for (int i = 0; i + 1 < time.length; i++) {
                java.math.BigInteger gap = java.math.BigInteger.valueOf(time[i + 1]).subtract(java.math.BigInteger.valueOf(time[i]));
                for (int k = 0; k < Math.min(factor, 40); k++) {
                    int j = k < 2 ? k * (factor - 1) : r.nextInt(factor); // the ends, then a sample
                    long want = java.math.BigInteger.valueOf(time[i]).add(gap.multiply(java.math.BigInteger.valueOf(j))
                            .divide(java.math.BigInteger.valueOf(factor))).longValueExact();
                    if (up.time()[i * factor + j] != want) {
                        assertEquals(want, up.time()[i * factor + j], "bar " + i + ", step " + j + " of " + factor);
                    }
                }
            }
            for (int i = 1; i < up.length(); i++) {
                if (up.time()[i] <= up.time()[i - 1]) {
                    throw new AssertionError("not ascending at " + i + ": " + java.util.Arrays.toString(time) + ", factor " + factor);
                }
            }
        }
        long[] extremes = Resample.upsample(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new double[] {1, 2}, 3).time();
        assertArrayEquals(new long[] {Long.MIN_VALUE, -3_074_457_345_618_258_603L, 3_074_457_345_618_258_602L, Long.MAX_VALUE}, extremes);
    }

    @Test
    void resampleByTimeIsExactNearTheEndsOfTheLongRange() {
        long min = Long.MIN_VALUE;
        Bars low = Bars.builder().time(new long[] {min, min + 999, min + 1_000, min + 5_000}).column("close", new double[] {1, 2, 3, 4})
                .build();
        Bars out = Resample.resample(low, 1_000);
        java.math.BigInteger p = java.math.BigInteger.valueOf(1_000);
        long[] want = new long[4];
        int m = 0;
        for (long t : low.times()) {
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(t).divideAndRemainder(p);
            java.math.BigInteger k = qr[1].signum() > 0 ? qr[0].add(java.math.BigInteger.ONE) : qr[0]; // ceil for t > 0 or exact
            long stamp = k.multiply(p).longValueExact();
            if (m == 0 || want[m - 1] != stamp) {
                want[m++] = stamp;
            }
        }
        assertArrayEquals(java.util.Arrays.copyOf(want, m), out.times());
        Bars high = Bars.builder().time(new long[] {Long.MAX_VALUE - 5}).column("close", new double[] {1}).build();
        var e = assertThrows(ShapeMismatchException.class, () -> Resample.resample(high, 1_000));
        assertEquals("resample: bar 0 (9223372036854775802) falls in a period of 1000 ms that ends after the largest timestamp"
                + " (9223372036854775807)", e.getMessage());
    }

    @Test
    void linearSyncWeighsExtremeTimestampsWithoutOverflow() {
        double[] v = Resample.sync(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, new double[] {0, 1}, new long[] {0}, Fill.LINEAR);
        assertEquals(0.5, v[0], 1e-15);
    }

    /**
     * A point between two finite values of opposite sign near the largest double is finite: the one the values 2^64
     * times smaller give, scaled back (it read NaN, as their difference overflowed).
     */
    @Test
    void linearSyncBetweenExtremeValuesOfOppositeSignIsTheInterpolatedPoint() {
        double max = Double.MAX_VALUE;
        long[] src = {0, 10, 20, 30};
        double[] x = {-max, max, -1e308, 0.9e308};
        long[] ref = {1, 3, 5, 7, 9, 10, 11, 15, 19, 25};
        double[] small = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            small[i] = x[i] * 0x1p-64;
        }
        double[] got = Resample.sync(src, x, ref, Fill.LINEAR);
        for (int i = 0; i < ref.length; i++) {
            int j = (int) (ref[i] / 10);
            double w = (ref[i] - src[j]) / 10.0;
            double expected = (small[j] + (small[j + 1] - small[j]) * w) * 0x1p64;
            assertEquals(expected, got[i], 0.0, "reference time " + ref[i]);
        }
        assertEquals(0.0, got[2], 0.0, "-MAX_VALUE and MAX_VALUE meet half way at 0");
    }

    @Test
    void infinitiesAreMissingAndNeverEmitted() {
        double inf = Double.POSITIVE_INFINITY;
        double nan = Double.NaN;
        long[] t = {1, 2, 3, 4};
        double[] x = {inf, 1, 2, -inf};
        assertArrayEquals(new double[] {nan, 2}, Resample.downsample(t, x, 2, Agg.FIRST).values());
        assertArrayEquals(new double[] {1, nan}, Resample.downsample(t, x, 2, Agg.LAST).values());
        assertArrayEquals(new double[] {nan, nan}, Resample.downsample(t, x, 2, Agg.MAX).values());
        assertArrayEquals(new double[] {nan}, Resample.downsample(new long[] {1, 2}, new double[] {1e308, 1e308}, 2, Agg.SUM).values(),
                "an overflowing sum is NaN, not Infinity");
        assertArrayEquals(new double[] {nan, nan, 2}, Resample.upsample(new long[] {0, 10}, new double[] {-inf, 2}, 2).values());
        assertArrayEquals(new double[] {nan, nan}, Resample.sync(new long[] {1}, new double[] {inf}, new long[] {1, 2}, Fill.FFILL));
    }

    /**
     * Finite values whose sum passes the largest double have a mean all the same, the one a wider exponent gives (it
     * read NaN, sum / count of an infinite sum); their sum is NaN while it is past the largest double.
     */
    @Test
    void aMeanOfValuesWhoseSumOverflowsIsTheirMean() {
        double max = Double.MAX_VALUE;
        long[] t = {1, 2, 3, 4, 5, 6};
        double[] x = {max, max, -max, 1e308, 1e308, 1e308};
        double[] small = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            small[i] = x[i] * 0x1p-64;
        }
        double[] mean = Resample.downsample(t, x, 3, Agg.MEAN).values();
        double[] smallMean = Resample.downsample(t, small, 3, Agg.MEAN).values();
        for (int b = 0; b < mean.length; b++) {
            assertEquals(smallMean[b] * 0x1p64, mean[b], 0.0, "the mean of the values 2^64 times smaller, scaled back");
        }
        assertEquals(1e308, mean[1], 0.0);
        // The first bucket's sum passes the largest double and comes back under it: it is the exact one again.
        assertArrayEquals(new double[] {max, Double.NaN}, Resample.downsample(t, x, 3, Agg.SUM).values());
        assertArrayEquals(new double[] {max}, Resample.downsample(new long[] {1, 2}, new double[] {max, max}, 2, Agg.MEAN).values());
    }

    @Test
    void nullArgumentsAreTyped() {
        assertEquals("downsample: agg must not be null",
                assertThrows(InvalidParameterException.class, () -> Resample.downsample(T, X, 2, null)).getMessage());
        assertEquals("sync_timeframe: fill must not be null",
                assertThrows(InvalidParameterException.class, () -> Resample.sync(T, X, T, null)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> Resample.downsample(T, null, 2, Agg.LAST));
        assertThrows(ShapeMismatchException.class, () -> Resample.downsample(null, X, 2, Agg.LAST));
        assertThrows(ShapeMismatchException.class, () -> Resample.upsample(T, null, 2));
        assertThrows(ShapeMismatchException.class, () -> Resample.sync(T, X, null, Fill.FFILL));
        assertThrows(ShapeMismatchException.class, () -> Resample.downsample((Bars) null, 2));
        assertThrows(ShapeMismatchException.class, () -> Resample.resample(null, 2));
    }
}
