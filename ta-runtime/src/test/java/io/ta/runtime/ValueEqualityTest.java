package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.resample.Resample;
import io.ta.runtime.source.SourceStream;
import org.junit.jupiter.api.Test;

/**
 * The public values with array components compare, hash and print by content: a user comparing two checkpoints, or
 * keeping them in a set, gets the answer the bytes give.
 */
class ValueEqualityTest {
    private static PlanStream fed(int bars) {
        PlanStream s = Plan.compile("rsi(close, 14) > sma(close, 5)").stream();
        for (int i = 0; i < bars; i++) {
            s.update(100 + 3 * Math.sin(i / 2.0));
        }
        return s;
    }

    @Test
    void planSnapshotsOfTheSameStateAreEqual() {
        byte[] bytes = fed(30).snapshot().toBytes();
        PlanSnapshot a = PlanSnapshot.fromBytes(bytes);
        PlanSnapshot b = PlanSnapshot.fromBytes(bytes);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(1, new java.util.HashSet<>(java.util.List.of(a, b, fed(30).snapshot())).size());
        assertEquals(a, fed(30).snapshot());
        assertNotEquals(a, fed(31).snapshot());
        assertEquals(a.toString(), b.toString());
        assertFalse(a.toString().contains("[D@"), a.toString());
        assertTrue(a.toString().contains("count=30"), a.toString());
    }

    @Test
    void sourceStreamSnapshotsCompareByContentAndCannotBeChangedFromOutside() {
        SourceStream s = new SourceStream(Plan.compile("trades.vwap"));
        s.event("trades", 5, 10.0, 2.0, 0);
        SourceStream.Snapshot a = s.snapshot();
        SourceStream.Snapshot b = s.snapshot();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.toString().contains("[[D@"), a.toString());
        double[] before = a.accumulators()[0].clone();
        a.accumulators()[0][0] = 12345;
        assertArrayEquals(before, a.accumulators()[0], "the snapshot's state is its own");
    }

    @Test
    void timedSeriesCompareByContent() {
        Resample.Timed a = Resample.downsample(new long[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, 2, Resample.Agg.LAST);
        Resample.Timed b = Resample.downsample(new long[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}, 2, Resample.Agg.LAST);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("Timed[2 points: 2=2.0, 4=4.0]", a.toString());
    }

    @Test
    void resultsOfTheSameRunAreEqual() {
        Bars bars = Bars.builder().time(new long[] {1, 2, 3, 4}).column("close", new double[] {1, 2, 3, 5}).build();
        PlanResult a = Plan.compile("sma(close, 2)").run(bars);
        PlanResult b = Plan.of(io.ta.kernels.TaExpr.close().sma(2)).run(bars);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Plan.compile("sma(close, 3)").run(bars));
        assertEquals("PlanResult[4 bars with times, {value=Series[4 bars: NaN, 1.5, 2.5, 4.0]}]", a.toString());
        Outputs x = Registry.standard().compute("bbands", java.util.Map.of(), new double[] {1, 2, 3, 5, 4});
        Outputs y = Registry.standard().compute("bbands", java.util.Map.of(), new double[] {1, 2, 3, 5, 4});
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
    }

    @Test
    void barsCompareHashAndPrintByContent() {
        Bars a = Bars.builder().time(new long[] {1, 2, 3}).column("close", new double[] {1, 2, Double.NaN})
                .column("volume", new double[] {5, 6, 7}).build();
        Bars b = Bars.ohlcv(new long[] {1, 2, 3}, null, null, null, new double[] {1, 2, Double.NaN},
                new double[] {5, 6, 7});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("Bars[3 bars with times, {close=Series[3 bars: 1.0, 2.0, NaN], volume=Series[3 bars: 5.0, 6.0, "
                + "7.0]}]", a.toString());
        assertNotEquals(a, Bars.builder().column("close", new double[] {1, 2, Double.NaN})
                .column("volume", new double[] {5, 6, 7}).build(), "without times");
        assertNotEquals(a, Bars.builder().time(new long[] {1, 2, 3}).column("volume", new double[] {5, 6, 7})
                .column("close", new double[] {1, 2, Double.NaN}).build(), "columns in another order");
        assertNotEquals(a, Bars.builder().time(new long[] {1, 2, 3}).column("close", new double[] {1, 2, 3})
                .column("volume", new double[] {5, 6, 7}).build(), "another value");
        assertNotEquals(a, Bars.builder().time(new long[] {1, 2, 4}).column("close", new double[] {1, 2, Double.NaN})
                .column("volume", new double[] {5, 6, 7}).build(), "another time");
        assertEquals(Bars.builder().build(), Bars.builder().column("close", null).build());
        String big = Bars.builder().column("close", new double[1_000_000]).build().toString();
        assertEquals("Bars[1000000 bars, {close=Series[1000000 bars: 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 (last 6)]}]", big);
    }

    @Test
    void masksAreEqualWhenTheSameBarsAreValid() {
        Mask a = Series.of(Double.NaN, 1, 2).mask();
        Mask b = Series.of(Double.NaN, 7, -0.0).mask();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("Mask[3 bars, 2 valid: false, true, true]", a.toString());
        assertNotEquals(a, Series.of(1, 2, Double.NaN).mask());
        assertNotEquals(a, Series.of(Double.NaN, 1, 2, 3).mask());
        double[] missing = new double[100_000];
        java.util.Arrays.fill(missing, Double.NaN);
        assertEquals("Mask[100000 bars, 0 valid: false, false, false, false, false, false (last 6)]",
                Series.wrap(missing).mask().toString());
    }

    @Test
    void outputsPrintTheirValues() {
        Outputs x = Registry.standard().compute("sma", java.util.Map.of("period", 2), new double[] {1, 2, 4});
        assertEquals("sma[value=Series[3 bars: NaN, 1.5, 3.0]]", x.toString());
    }
}
