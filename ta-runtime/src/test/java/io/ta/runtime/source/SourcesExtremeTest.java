package io.ta.runtime.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.source.SourcesPropertiesTest.Arrival;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over events near the largest double (docs/contracts.md, "Extreme values"): each equals the aggregate of
 * the same events 2⁶⁴ times smaller, scaled back, bit for bit — the bits a wider exponent gives — and NaN only where
 * no double holds that value. The run at the smaller scale never passes the largest double, so it takes the plain
 * compensated sums; the run near it takes {@link WideSum}'s rare way. Batch, stream and a stream restored from a
 * snapshot taken mid-bar agree bit for bit.
 */
class SourcesExtremeTest {
    private static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) / 5;
    private static final double MAX = Double.MAX_VALUE;
    private static final double SCALE = 0x1p-64;
    private static final double NaN = Double.NaN;

    /** Each aggregate and the power of two it scales by when every price and amount does (0: unitless). */
    private static final Map<String, Integer> AGGREGATES = aggregates();

    private static Map<String, Integer> aggregates() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String a : List.of("trades.sum(price)", "trades.avg(price)", "trades.sum(amount)", "trades.avg(amount)",
                "trades.max(price)", "trades.min(price)", "trades.first(price)", "trades.last(price)", "trades.vwap",
                "trades.filter(side == 'buy').vwap", "orderbook.mid", "orderbook.spread")) {
            m.put(a, 64);
        }
        m.put("trades.count", 0);
        m.put("orderbook.spread_bps", 0);
        m.put("orderbook.imbalance", 0);
        return m;
    }

    @Test
    void aggregatesNearTheLargestDoubleAreTheAggregatesOfSmallerEventsScaledBack() {
        Plan plan = Plan.compile(roots(), io.ta.runtime.Registry.standard());
        int tested = 0;
        for (int seed = 0; seed < EXAMPLES; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 3 + r.nextInt(12);
            long[] t = new long[n];
            List<List<Arrival>> perBar = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                t[i] = 1_000L * (i + 1);
                List<Arrival> bar = new ArrayList<>();
                int count = r.nextInt(7);
                for (int k = 0; k < count; k++) {
                    long time = t[i] - r.nextInt(1_000);
                    bar.add(r.nextBoolean() ? new Arrival("trades", time, trade(r))
                            : new Arrival("orderbook", time, book(r)));
                }
                perBar.add(bar);
            }
            Bars near = Sources.attach(bars(t), events(perBar, 1), List.copyOf(AGGREGATES.keySet()));
            Bars small = Sources.attach(bars(t), events(perBar, SCALE), List.copyOf(AGGREGATES.keySet()));
            for (var e : AGGREGATES.entrySet()) {
                double[] expected = small.column(e.getKey()).clone();
                for (int i = 0; i < n; i++) {
                    double v = Math.scalb(expected[i], e.getValue());
                    expected[i] = Double.isFinite(v) ? v : Double.NaN;
                    tested += Double.isNaN(expected[i]) ? 0 : 1;
                }
                assertArrayEquals(expected, near.column(e.getKey()), "seed " + seed + ": " + e.getKey());
            }
            int cut = r.nextInt(n);
            double[] noBarColumns = new double[n];
            for (int root = 0; root < AGGREGATES.size(); root++) {
                String name = List.copyOf(AGGREGATES.keySet()).get(root);
                double[] batch = near.column(name);
                assertArrayEquals(batch, SourcesPropertiesTest.stream(plan, t, noBarColumns, perBar, -1, "a" + root),
                        "seed " + seed + ": " + name + " stream");
                assertArrayEquals(batch, SourcesPropertiesTest.stream(plan, t, noBarColumns, perBar, cut, "a" + root),
                        "seed " + seed + ": " + name + " restored in bar " + cut);
            }
        }
        assertTrue(tested > EXAMPLES * 10, "too few values compared: " + tested);
    }

    /** MAX, MAX, then −MAX: the sum passes the largest double and comes back, and every step of it was exact. */
    @Test
    void aSumThatPassesTheLargestDoubleAndComesBackIsExact() {
        Events e = Events.builder(SourceType.TRADES).add(100, MAX, 1, 0).add(200, MAX, 1, 0).add(300, -MAX, 1, 0)
                .add(1_100, MAX, 1, 0).add(1_200, MAX / 2, 1, 0).build();
        Bars b = Sources.attach(bars(new long[] {1_000, 2_000}), Map.of("trades", e),
                List.of("trades.sum(price)", "trades.avg(price)"));
        assertArrayEquals(new double[] {MAX, NaN}, b.column("trades.sum(price)")); // 1.5·MAX: no double holds it
        assertArrayEquals(new double[] {MAX / 3, MAX * 0.75}, b.column("trades.avg(price)"));
    }

    /** A bad price tick of 1e300 traded in an amount of 1e10: price × amount passes the largest double. */
    @Test
    void aVwapWhosePriceTimesAmountOverflowsIsTheVwap() {
        Events e = Events.builder(SourceType.TRADES).add(100, 1e300, 1e10, 0).add(200, 1e300, 3e10, 1).build();
        Bars b = Sources.attach(bars(new long[] {1_000}), Map.of("trades", e), List.of("trades.vwap"));
        assertArrayEquals(new double[] {1e300}, b.column("trades.vwap"));
    }

    /**
     * Products up to MAX², 2²⁰⁴⁸, which a sum holds 2⁶⁴ to the 16th and 17th times smaller: each bar's vwap is the one
     * of its prices 2⁻¹⁰³⁰ times smaller (every product then a double) scaled back.
     */
    @Test
    void productsOfTwoValuesNearTheLargestDouble() {
        double[][] bars = {{1e300, 1e200, 1e300, 3e200}, {3e307, 1e300, 2, 5}, {MAX, MAX / 4, MAX / 2, MAX / 4},
            {MAX, MAX / 4, -MAX, MAX / 4, 7, 1}, {1e300, 1e300, 5, 2}};
        long[] t = new long[bars.length];
        Events.Builder near = Events.builder(SourceType.TRADES);
        Events.Builder small = Events.builder(SourceType.TRADES);
        for (int i = 0; i < bars.length; i++) {
            t[i] = 1_000L * (i + 1);
            for (int k = 0; k < bars[i].length; k += 2) {
                near.add(t[i] - 10 + k, bars[i][k], bars[i][k + 1], 0);
                small.add(t[i] - 10 + k, Math.scalb(bars[i][k], -1030), bars[i][k + 1], 0);
            }
        }
        double[] got = Sources.attach(bars(t), Map.of("trades", near.build()), List.of("trades.vwap"))
                .column("trades.vwap");
        double[] expected = Sources.attach(bars(t), Map.of("trades", small.build()), List.of("trades.vwap"))
                .column("trades.vwap");
        for (int i = 0; i < t.length; i++) {
            if (i != 3) {
                assertEquals(Math.scalb(expected[i], 1030), got[i], "bar " + i);
            }
        }
        assertEquals(1e300, got[0]);
        // MAX·MAX/4 − MAX·MAX/4 cancels exactly at the seventeenth level, and 7·1 is added at the first: 7 over the
        // amounts. (The smaller run cannot say so: 7·2⁻¹⁰³⁰ over MAX/2 is below the smallest double.)
        assertEquals(7 / (MAX / 2), got[3]);
    }

    @Test
    void anInfiniteValueMakesItsBarNaN() {
        double inf = Double.POSITIVE_INFINITY;
        Events e = Events.builder(SourceType.TRADES).add(100, inf, 1, 0).add(200, 5, 1, 0).add(1_100, 7, inf, 0)
                .add(1_200, 5, 1, 0).add(2_100, 3, 1, 0).build();
        Bars b = Sources.attach(bars(new long[] {1_000, 2_000, 3_000}), Map.of("trades", e),
                List.of("trades.avg(price)", "trades.sum(amount)", "trades.vwap", "trades.max(price)"));
        assertArrayEquals(new double[] {NaN, 6, 3}, b.column("trades.avg(price)"));
        assertArrayEquals(new double[] {2, NaN, 1}, b.column("trades.sum(amount)"));
        assertArrayEquals(new double[] {NaN, NaN, 3}, b.column("trades.vwap"));
        assertArrayEquals(new double[] {NaN, 7, 3}, b.column("trades.max(price)"));
    }

    /**
     * Either infinity makes a bar's max and min NaN, in batch and stream, whatever the arrival order: −∞ was the
     * smallest value so far and a finite price then replaced it, so max(−∞, 5) read 5 and min(+∞, 3) read 3, while
     * max(+∞, 5) and min(−∞, 3) read NaN.
     */
    @Test
    void anInfinityOfEitherSignMakesItsBarsMaxAndMinNaN() {
        double inf = Double.POSITIVE_INFINITY;
        double[][] prices = {{-inf, 5}, {5, -inf}, {inf, 3}, {3, inf}, {4, 6}};
        long[] t = new long[prices.length];
        Events.Builder b = Events.builder(SourceType.TRADES);
        for (int i = 0; i < prices.length; i++) {
            t[i] = 1_000L * (i + 1);
            for (int k = 0; k < prices[i].length; k++) {
                b.add(t[i] - 500 + k, prices[i][k], 1, 0);
            }
        }
        Events e = b.build();
        for (String agg : List.of("trades.max(price)", "trades.min(price)")) {
            double[] expected = new double[prices.length];
            for (int i = 0; i < prices.length; i++) {
                double x = agg.contains("max") ? Double.NEGATIVE_INFINITY : inf;
                for (double p : prices[i]) {
                    x = agg.contains("max") ? Math.max(x, p) : Math.min(x, p);
                    expected[i] = Double.isInfinite(p) || Double.isNaN(expected[i]) ? NaN : x;
                }
            }
            Plan plan = Plan.compile(agg);
            assertArrayEquals(expected, plan.run(Sources.attach(bars(t), Map.of("trades", e), plan.columns()))
                    .value().toArray(), agg);
            assertArrayEquals(expected, streamed(plan, e, t), agg + " streamed");
        }
    }

    /**
     * An infinite price in an amount of 0, or an amount of ∞ at a price of 0, makes its bar's vwap NaN as any other
     * infinite price or amount does: the product ∞·0 is NaN, and such a trade was skipped as if a field were missing,
     * so the vwap of (5, 1) and (∞, 0) read 5.
     */
    @Test
    void anInfinityTimesZeroMakesItsBarsVwapNaN() {
        double inf = Double.POSITIVE_INFINITY;
        Events e = Events.builder(SourceType.TRADES).add(100, 5, 1, 0).add(200, inf, 0, 0).add(1_100, 5, 1, 0)
                .add(1_200, 0, inf, 0).add(2_100, 5, 1, 0).add(2_200, NaN, 0, 0).add(2_300, 7, 3, 0).build();
        long[] t = {1_000, 2_000, 3_000};
        Plan plan = Plan.compile("trades.vwap");
        // bar 2: a missing price leaves its trade out; (5·1 + 7·3) / 4
        double[] expected = {NaN, NaN, (5.0 * 1 + 7.0 * 3) / 4};
        assertArrayEquals(expected, plan.run(Sources.attach(bars(t), Map.of("trades", e), plan.columns()))
                .value().toArray());
        assertArrayEquals(expected, streamed(plan, e, t), "streamed");
    }

    /** The plan's value after each bar of a stream given each bar's trades up to its close, then the bar. */
    private static double[] streamed(Plan plan, Events e, long[] t) {
        SourceStream s = new SourceStream(plan);
        double[] values = new double[t.length];
        for (int i = 0, k = 0; i < t.length; i++) {
            for (; k < e.size() && e.time(k) <= t[i]; k++) {
                double[] row = new double[3];
                e.row(k, row);
                s.event("trades", e.time(k), row);
            }
            s.update(t[i]);
            values[i] = s.value();
        }
        return values;
    }

    @Test
    void aStateOfAnotherShapeIsRefused() {
        SourceStream s = new SourceStream(Plan.compile("trades.vwap"));
        SourceStream.Snapshot good = s.snapshot();
        for (double[] bad : List.of(new double[9], state(good, 0, -1), state(good, 0, 0.5), state(good, 1, 1),
                state(good, 4, 18), state(good, 4, 1.5), state(good, 2, Double.POSITIVE_INFINITY))) {
            var snap = new SourceStream.Snapshot(good.plan(), new double[][] {bad}, good.last());
            SourceStream fresh = new SourceStream(Plan.compile("trades.vwap"));
            assertThrows(SnapshotMismatchException.class, () -> fresh.restore(snap), java.util.Arrays.toString(bad));
        }
        new SourceStream(Plan.compile("trades.vwap")).restore(good);
    }


    private static double[] state(SourceStream.Snapshot s, int at, double value) {
        double[] copy = s.accumulators()[0].clone();
        copy[at] = value;
        return copy;
    }

    private static Map<String, String> roots() {
        Map<String, String> roots = new LinkedHashMap<>();
        int i = 0;
        for (String a : AGGREGATES.keySet()) {
            roots.put("a" + i++, a);
        }
        return roots;
    }

    /**
     * A trade: mostly ordinary, sometimes a price or an amount near the largest double (a negative price now and then),
     * not both: their product, times 2⁻¹²⁸ in the smaller run, must be a double there for that run to be the plain
     * sums' (products of two such values are {@link #productsOfTwoValuesNearTheLargestDouble}'s).
     */
    private static double[] trade(SplittableRandom r) {
        int kind = r.nextInt(6);
        double price = kind < 2 ? tick(r) : 90 + r.nextInt(2_000) / 100.0;
        double amount = kind == 2 ? Math.abs(tick(r)) : 1 + r.nextInt(1_000) / 100.0;
        return new double[] {price, amount, r.nextInt(2)};
    }

    private static double[] book(SplittableRandom r) {
        double[] row = new double[4];
        for (int f = 0; f < 4; f++) {
            row[f] = r.nextInt(3) == 0 ? tick(r) : 90 + r.nextInt(2_000) / 100.0;
        }
        row[2] = Math.abs(row[2]);
        row[3] = Math.abs(row[3]);
        return row;
    }

    private static double tick(SplittableRandom r) {
        double[] ticks = {MAX, MAX / 2, 0.9 * MAX, 1e308, 1e300, 3e307};
        double v = ticks[r.nextInt(ticks.length)];
        return r.nextInt(4) == 0 ? -v : v;
    }

    private static Bars bars(long[] t) {
        return Bars.builder().time(t).column("close", new double[t.length]).build();
    }

    /** The events with every price, amount, bid, ask and size times {@code scale} (a power of two: exact). */
    private static Map<String, Events> events(List<List<Arrival>> perBar, double scale) {
        Events.Builder trades = Events.builder(SourceType.TRADES);
        Events.Builder book = Events.builder(SourceType.ORDERBOOK);
        for (List<Arrival> bar : perBar) {
            for (Arrival a : bar) {
                double[] row = a.row().clone();
                boolean trade = a.key().equals("trades");
                for (int f = 0; f < (trade ? 2 : 4); f++) {
                    row[f] *= scale;
                }
                (trade ? trades : book).add(a.time(), row);
            }
        }
        return Map.of("trades", trades.build(), "orderbook", book.build());
    }
}
