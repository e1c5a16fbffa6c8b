package io.ta.runtime.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Batch ≡ stream ≡ stream restored from a snapshot taken in the middle of a bar, for random plans over several
 * sources and symbols, other symbols' bars among them ({@code ETH.close}), and random events (out of order within
 * bars, empty bars, events on bar boundaries, bars of another symbol on the primary's timestamps).
 */
class SourcesPropertiesTest {
    private static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) / 5;

    private static final List<String> ATOMS = List.of("trades.count", "trades.sum(amount)", "trades.avg(price)",
            "trades.max(price)", "trades.min(price)", "trades.first(price)", "trades.last(price)", "trades.vwap",
            "trades.filter(amount > 5).count", "trades.filter(side == 'sell').sum(amount)", "orderbook.spread",
            "orderbook.mid", "orderbook.spread_bps", "orderbook.imbalance", "liquidations.sum(amount)",
            "ETH.trades.count", "ETH.trades.vwap", "ETH.trades.filter(side == 'buy' and price < 100).sum(amount)", "close",
            "ETH.close", "BTC.close", "ETH.volume", "BTC.high", "ETH.bars.count", "ETH.bars.sum(volume)",
            "correl(ETH.close, BTC.close, 3)", "ETH.close - BTC.close");

    private static final List<String> SHAPES = List.of("%s", "sma(%s, 3)", "ema(%s, 4) - %s", "rsi(%s, 3)",
            "%s > %s", "rolling_max(%s, 5) / (%s + 1)", "stddev(%s, 4)", "crossup(%s, %s)");

    /** An event as it arrives: its source's key, its time and its fields. */
    record Arrival(String key, long time, double[] row) {}

    @Test
    void batchStreamAndRestoredStreamAgreeBitForBit() {
        for (int seed = 0; seed < EXAMPLES; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            String shape = SHAPES.get(r.nextInt(SHAPES.size()));
            String expression = shape.formatted(ATOMS.get(r.nextInt(ATOMS.size())), ATOMS.get(r.nextInt(ATOMS.size())));
            Plan plan = Plan.compile(Map.of("a", expression, "b", ATOMS.get(r.nextInt(ATOMS.size()))),
                    io.ta.runtime.Registry.standard());
            check(plan, r, "seed " + seed + ": " + expression);
        }
    }

    private static void check(Plan plan, SplittableRandom r, String what) {
        int n = 5 + r.nextInt(40);
        long[] t = new long[n];
        double[] close = new double[n];
        long now = 1_000;
        for (int i = 0; i < n; i++) {
            now += 1 + r.nextInt(100);
            t[i] = now;
            close[i] = 100 + r.nextGaussian();
        }
        Map<String, SourceType> keys = new LinkedHashMap<>();
        keys.put("trades", SourceType.TRADES);
        keys.put("orderbook", SourceType.ORDERBOOK);
        keys.put("liquidations", SourceType.LIQUIDATIONS);
        keys.put("ETH.trades", SourceType.TRADES);
        keys.put("ETH.bars", SourceType.BARS); // other symbols' bars: missing in some bars, several or tied in others
        keys.put("BTC.bars", SourceType.BARS);
        // per bar, the events arriving before it closes, shuffled (so out of order within the bar)
        List<List<Arrival>> perBar = new ArrayList<>();
        Map<String, Events.Builder> builders = new LinkedHashMap<>();
        keys.forEach((k, type) -> builders.put(k, Events.builder(type)));
        for (int i = 0; i < n; i++) {
            List<Arrival> bar = new ArrayList<>();
            long lo = i == 0 ? t[0] - 50 : t[i - 1] + 1;
            int count = r.nextInt(4) == 0 ? 0 : r.nextInt(8);
            for (int k = 0; k < count; k++) {
                String key = List.copyOf(keys.keySet()).get(r.nextInt(keys.size()));
                long time = r.nextInt(5) == 0 ? t[i] : lo + r.nextLong(t[i] - lo + 1);
                bar.add(new Arrival(key, time, row(keys.get(key), r)));
            }
            perBar.add(bar);
            for (Arrival a : bar) {
                builders.get(a.key()).add(a.time(), a.row());
            }
        }
        Map<String, Events> events = new LinkedHashMap<>();
        builders.forEach((k, b) -> events.put(k, b.build()));
        Bars bars = Bars.builder().time(t).column("close", close).build();
        var batch = plan.run(Sources.attach(bars, events, plan.columns()));
        for (String root : List.of("a", "b")) {
            double[] expected = batch.get(root).toArray();
            assertArrayEquals(expected, stream(plan, t, close, perBar, -1, root), what + " (stream, " + root + ")");
            int cut = r.nextInt(n);
            assertArrayEquals(expected, stream(plan, t, close, perBar, cut, root), what + " (restored in bar " + cut + ", " + root + ")");
        }
    }

    private static double[] row(SourceType type, SplittableRandom r) {
        double[] row = new double[type.fields().size()];
        for (int f = 0; f < row.length; f++) {
            SourceField field = type.fields().get(f);
            row[f] = field.isText() ? r.nextInt(field.values().size()) : 95 + r.nextInt(1000) / 100.0;
        }
        if (type == SourceType.TRADES) {
            row[1] = r.nextInt(1000) / 100.0; // amounts around the filter's threshold
        }
        return row;
    }

    /**
     * Streams every bar, closing bar {@code i} with the value {@code close[i]} in each bar column; with
     * {@code cut >= 0}, continues from a snapshot taken halfway through bar {@code cut}.
     */
    static double[] stream(Plan plan, long[] t, double[] close, List<List<Arrival>> perBar, int cut, String root) {
        SourceStream s = new SourceStream(plan);
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            List<Arrival> bar = perBar.get(i);
            for (int k = 0; k <= bar.size(); k++) {
                if (i == cut && k == bar.size() / 2) {
                    SourceStream.Snapshot snap = s.snapshot();
                    s = new SourceStream(plan);
                    s.restore(snap);
                }
                if (k == bar.size()) {
                    break;
                }
                Arrival a = bar.get(k);
                if (s.sources().contains(a.key())) {
                    s.event(a.key(), a.time(), a.row());
                }
            }
            double[] values = new double[s.barColumns().size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = close[i]; // the only bar column the plans read
            }
            s.update(t[i], values);
            out[i] = s.value(root);
        }
        return out;
    }
}
