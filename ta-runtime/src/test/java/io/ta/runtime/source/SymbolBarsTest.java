package io.ta.runtime.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.TypeCheckException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked alignment of other symbols' bars. The primary symbol's bars close at 1000, 2000, 4000, 5000, 6000 (its
 * 3000 bar is missing). ETH's bars (time: close, volume) are 1000: 10, 1; 2000: 11, 2; 3000: 12, 3; 4000: 13, 4;
 * 6000: 15, 6 (its 5000 bar is missing), then 7000: 16, 7 after the primary's last bar. BTC's first bar comes after
 * the primary's first: 2500: 20, 5000: 21.
 *
 * <p>Primary bar i sees the latest bar closing at or before t[i]: at 1000 and 2000 ETH's bar on the same timestamp
 * (10, 11); at 4000 ETH's 4000 bar, not its 3000 one (13); at 5000 ETH has no bar in (4000, 5000], so 13 carries;
 * at 6000, 15. BTC: NaN before its first bar (1000, 2000), 20 at 4000, 21 at 5000 (same timestamp), 21 carried at
 * 6000. No primary bar ever sees ETH's 7000 bar.
 */
class SymbolBarsTest {
    private static final double NaN = Double.NaN;
    private static final long[] T = {1000, 2000, 4000, 5000, 6000};

    private static Bars bars() {
        return Bars.builder().time(T).column("close", new double[] {100, 101, 102, 103, 104}).build();
    }

    private static Events eth() {
        Events.Builder b = Events.builder(SourceType.BARS);
        long[] t = {1000, 2000, 3000, 4000, 6000, 7000};
        double[] c = {10, 11, 12, 13, 15, 16};
        for (int i = 0; i < t.length; i++) {
            b.add(t[i], c[i] - 0.5, c[i] + 1, c[i] - 1, c[i], t[i] / 1000.0);
        }
        return b.build();
    }

    private static Events btc() {
        return Events.builder(SourceType.BARS).add(2500, 19, 22, 18, 20, 5).add(5000, 20, 23, 19, 21, 5).build();
    }

    private static Map<String, Events> events() {
        return Map.of("ETH.bars", eth(), "BTC.bars", btc());
    }

    private static double[] eval(String expression) {
        Plan plan = Plan.compile(expression);
        double[] batch = plan.run(Sources.attach(bars(), events(), plan.columns())).value().toArray();
        assertArrayEquals(batch, stream(plan, false), expression + ": stream differs from batch");
        assertArrayEquals(batch, stream(plan, true), expression + ": restored stream differs from batch");
        return batch;
    }

    private record Arrival(String key, long time, double[] row) {}

    /**
     * The bars of every symbol interleaved by time as a feed delivers them (ties: other symbols first, then the primary
     * bar); with {@code restore}, every step goes through a snapshot restored into a fresh stream.
     */
    private static double[] stream(Plan plan, boolean restore) {
        List<Arrival> feed = new ArrayList<>();
        events().forEach((key, e) -> {
            for (int k = 0; k < e.size(); k++) {
                double[] row = new double[e.type().fields().size()];
                e.row(k, row);
                feed.add(new Arrival(key, e.time(k), row));
            }
        });
        for (int i = 0; i < T.length; i++) {
            feed.add(new Arrival(null, T[i], new double[] {bars().column("close")[i]}));
        }
        feed.sort(Comparator.comparingLong(Arrival::time).thenComparing(a -> a.key() == null));
        SourceStream s = new SourceStream(plan);
        double[] out = new double[T.length];
        int bar = 0;
        for (Arrival a : feed) {
            if (restore) {
                SourceStream.Snapshot snap = s.snapshot();
                s = new SourceStream(plan);
                s.restore(snap);
            }
            if (a.key() == null) {
                double[] values = new double[s.barColumns().size()];
                java.util.Arrays.fill(values, a.row()[0]);
                s.update(a.time(), values);
                out[bar++] = s.value();
            } else if (a.time() <= T[T.length - 1] && s.sources().contains(a.key())) {
                s.event(a.key(), a.time(), a.row());
            }
        }
        return out;
    }

    @Test
    void anotherSymbolsCloseIsItsLatestBarAtOrBeforeThePrimaryClose() {
        assertArrayEquals(new double[] {10, 11, 13, 13, 15}, eval("ETH.close"));
        assertArrayEquals(new double[] {NaN, NaN, 20, 21, 21}, eval("BTC.close"));
        assertArrayEquals(new double[] {1, 2, 4, 4, 6}, eval("ETH.volume")); // carried like every field
        assertArrayEquals(new double[] {11, 12, 14, 14, 16}, eval("ETH.high"));
        assertArrayEquals(new double[] {9.5, 10.5, 12.5, 12.5, 14.5}, eval("ETH.open"));
        assertArrayEquals(new double[] {NaN, NaN, 18, 19, 19}, eval("BTC.low"));
        assertArrayEquals(new double[] {NaN, NaN, -7, -8, -6}, eval("ETH.close - BTC.close"));
        assertArrayEquals(new double[] {90, 90, 89, 90, 89}, eval("close - ETH.close"));
    }

    @Test
    void theBarsSourceCountsAndAggregatesWithoutCarrying() {
        // ETH bars per primary bar: (..,1000] 1, (1000,2000] 1, (2000,4000] 2 (3000 and 4000), (4000,5000] 0, (5000,6000] 1
        assertArrayEquals(new double[] {1, 1, 2, 0, 1}, eval("ETH.bars.count"));
        assertArrayEquals(new double[] {1, 2, 7, 0, 6}, eval("ETH.bars.sum(volume)"));
        assertArrayEquals(new double[] {10, 11, 13, NaN, 15}, eval("ETH.bars.last(close)"));
        assertArrayEquals(new double[] {10, 11, 12, 12, 15}, eval("ETH.bars.filter(close < 13 or close > 14).close"));
    }

    @Test
    void kernelsReadAlignedColumnsAsAnyColumn() {
        Plan plan = Plan.compile("correl(ETH.close, BTC.close, 2) + sma(ETH.close, 2)");
        Bars aligned = Bars.builder().time(T).column("a", new double[] {10, 11, 13, 13, 15})
                .column("b", new double[] {NaN, NaN, 20, 21, 21}).build();
        assertArrayEquals(Plan.compile("correl(a, b, 2) + sma(a, 2)").run(aligned).value().toArray(),
                eval("correl(ETH.close, BTC.close, 2) + sma(ETH.close, 2)"));
        assertEquals(List.of("ETH.close", "BTC.close"), plan.columns());
    }

    @Test
    void onATimeframeOnlyTheCloseComposes() {
        // 2s periods (0,2000], (2000,4000], (4000,6000]: each shows once closed, with ETH's latest close in it
        assertArrayEquals(new double[] {NaN, 11, 13, 13, 15}, eval("ETH.close@2s"));
        var e = assertThrows(BindingException.class, () -> Plan.compile("ETH.high@1h"));
        assertEquals("ETH.high@1h would mix in values carried over ETH's missing bars; only ETH.close composes with a"
                + " timeframe (the latest ETH close in the period)", e.reason());
        assertThrows(BindingException.class, () -> Plan.compile("sma(ETH.volume, 3)@1h"));
        // event aggregates: counts add up over the period; a mean does not average into the period's mean
        assertArrayEquals(new double[] {NaN, 2, 2, 2, 1}, eval("ETH.bars.count@2s"));
        assertThrows(BindingException.class, () -> Plan.compile("trades.avg(price)@1h"));
    }

    @Test
    void oneColumnPerSymbolField() {
        Plan plan = Plan.compile("ETH.close + ETH.bars.close + ETH.close");
        assertEquals(List.of("ETH.close"), plan.columns());
    }

    @Test
    void requirementsNameTheSymbolsAndFields() {
        Requirements r = Plan.compile("correl(BTC.close, ETH.close, 30) > 0.5 and ETH.volume > ETH.bars.sum(volume)").requirements();
        assertEquals(List.of("BTC", "ETH"), r.symbols());
        assertEquals(Map.of("BTC.bars", List.of("close"), "ETH.bars", List.of("close", "volume")), r.sources());
        assertEquals(List.of(), r.columns());
    }

    @Test
    void anUnknownQualifierNamesTheSymbolsGiven() {
        Plan plan = Plan.compile("SOL.close");
        Map<String, Events> given = new LinkedHashMap<>();
        given.put("ETH.bars", eth());
        given.put("BTC.bars", btc());
        var e = assertThrows(UnknownNameException.class, () -> Sources.attach(bars(), given, plan.columns()));
        assertEquals("the plan reads SOL.close but no SOL.bars events were given; given: ETH.bars, BTC.bars", e.getMessage());
    }

    @Test
    void barsBelongToAnotherSymbol() {
        var e = assertThrows(BindingException.class, () -> Plan.compile("bars.count"));
        assertTrue(e.reason().startsWith("bars are another symbol's"), e.reason());
        e = assertThrows(BindingException.class, () -> Plan.compile("sma(ETH.bars, 3)"));
        assertEquals("ETH.bars is a source of events, not a series; aggregate it per bar, e.g. ETH.bars.count", e.reason());
        assertThrows(BindingException.class, () -> Plan.compile("ETH.bars.vwap"));
    }

    @Test
    void aMisspeltBarFieldIsNamed() {
        assertEquals("only a kernel call has named outputs; '.Close' follows ETH (another symbol's bar field? did you mean"
                + " ETH.close?)", assertThrows(TypeCheckException.class, () -> Plan.compile("ETH.Close")).reason());
        assertEquals("only a kernel call has named outputs; '.hl2' follows ETH",
                assertThrows(TypeCheckException.class, () -> Plan.compile("ETH.hl2")).reason());
    }
}
