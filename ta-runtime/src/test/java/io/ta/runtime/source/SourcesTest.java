package io.ta.runtime.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.ShapeMismatchException;
import io.ta.error.StreamStateException;
import io.ta.expr.Expr;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.SmallStack;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.Parser;
import io.ta.runtime.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked aggregates. Bars close at 1000, 2000, 3000, 4000, so bar 0 holds events up to 1000, bar 1 (1000, 2000],
 * bar 2 (2000, 3000] (empty here), bar 3 (3000, 4000]. Trades, in arrival order (time, price, amount, side):
 * 500 100 1 buy and 1000 102 3 sell (on the boundary: bar 0); 1001 101 2 buy, 1500 103 10 sell, then 1200 99 4 buy
 * (out of order within bar 1); 4000 105 6 buy (bar 3); 4500 106 1 buy (after the last close: no bar).
 */
class SourcesTest {
    private static final double BUY = 0;
    private static final double SELL = 1;
    private static final double NaN = Double.NaN;

    private static final long[] T = {1000, 2000, 3000, 4000};

    private static Bars bars() {
        return Bars.builder().time(T).column("close", new double[] {10, 11, 12, 13}).build();
    }

    private static Events trades() {
        return Events.builder(SourceType.TRADES).add(500, 100, 1, BUY).add(1000, 102, 3, SELL).add(1001, 101, 2, BUY)
                .add(1500, 103, 10, SELL).add(1200, 99, 4, BUY).add(4000, 105, 6, BUY).add(4500, 106, 1, BUY).build();
    }

    /** Snapshots (time, bid, ask, bid_size, ask_size): 900 in bar 0; 1800 then an older 1700 in bar 1; none after. */
    private static Events book() {
        return Events.builder(SourceType.ORDERBOOK).add(900, 99, 101, 3, 1).add(1800, 100, 100.5, 1, 1)
                .add(1700, 98, 102, 5, 1).build();
    }

    private static Events liquidations() {
        return Events.builder(SourceType.LIQUIDATIONS).add(2500, SELL, 90, 7).add(2999, BUY, 91, 0.5).build();
    }

    private static double[] eval(String expression) {
        Plan plan = Plan.compile(expression);
        Map<String, Events> events = Map.of("trades", trades(), "orderbook", book(), "liquidations", liquidations());
        double[] batch = plan.run(Sources.attach(bars(), events, plan.columns())).value().toArray();
        assertArrayEquals(batch, stream(plan), expression + ": stream differs from batch");
        return batch;
    }

    /** The same events interleaved with the bars, each event just before the bar it belongs to closes. */
    private static double[] stream(Plan plan) {
        SourceStream s = new SourceStream(plan);
        Map<String, Events> all = Map.of("trades", trades(), "orderbook", book(), "liquidations", liquidations());
        double[] out = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            for (String key : s.sources()) {
                Events e = all.get(key);
                double[] row = new double[e.type().fields().size()];
                for (int k = 0; k < e.size(); k++) {
                    long t = e.time(k);
                    if (t <= T[i] && (i == 0 || t > T[i - 1])) {
                        e.row(k, row);
                        s.event(key, t, row.clone());
                    }
                }
            }
            double[] bar = new double[s.barColumns().size()];
            for (int c = 0; c < bar.length; c++) {
                bar[c] = bars().column(s.barColumns().get(c))[i];
            }
            s.update(T[i], bar);
            out[i] = s.value();
        }
        return out;
    }

    /**
     * A batch places a late event (arriving after events of a later bar) in the bar its time belongs to, keeping the
     * arrival order within each bar: the same columns as the events given in bar order. Every aggregate of one source
     * is computed in one pass, so this checks several at once.
     */
    @Test
    void lateEventsJoinTheirOwnBar() {
        Events late = Events.builder(SourceType.TRADES).add(1500, 103, 10, SELL).add(3500, 104, 5, BUY)
                .add(900, 100, 1, BUY).add(1200, 99, 4, BUY).add(950, 101, 2, SELL).build();
        Events inOrder = Events.builder(SourceType.TRADES).add(900, 100, 1, BUY).add(950, 101, 2, SELL)
                .add(1500, 103, 10, SELL).add(1200, 99, 4, BUY).add(3500, 104, 5, BUY).build();
        List<String> columns = List.of("trades.count", "trades.sum(amount)", "trades.last(price)", "trades.vwap");
        Bars a = Sources.attach(bars(), Map.of("trades", late), columns);
        Bars b = Sources.attach(bars(), Map.of("trades", inOrder), columns);
        assertArrayEquals(new double[] {2, 2, 0, 1}, a.column("trades.count"));
        assertArrayEquals(new double[] {3, 14, 0, 5}, a.column("trades.sum(amount)"));
        assertArrayEquals(new double[] {101, 103, NaN, 104}, a.column("trades.last(price)"));
        for (String c : columns) {
            assertArrayEquals(b.column(c), a.column(c), c);
        }
    }

    @Test
    void countAndSumAreZeroOnAnEmptyBar() {
        assertArrayEquals(new double[] {2, 3, 0, 1}, eval("trades.count"));
        assertArrayEquals(new double[] {4, 16, 0, 6}, eval("trades.sum(amount)"));
    }

    @Test
    void meansAndExtremesAreNaNOnAnEmptyBar() {
        assertArrayEquals(new double[] {101, 101, NaN, 105}, eval("trades.avg(price)")); // (101+103+99)/3 in bar 1
        assertArrayEquals(new double[] {102, 103, NaN, 105}, eval("trades.max(price)"));
        assertArrayEquals(new double[] {100, 99, NaN, 105}, eval("trades.min(price)"));
        // vwap bar 0: (100·1 + 102·3)/4 = 101.5; bar 1: (101·2 + 103·10 + 99·4)/16 = 1628/16 = 101.75
        assertArrayEquals(new double[] {101.5, 101.75, NaN, 105}, eval("trades.vwap"));
    }

    @Test
    void firstAndLastGoByEventTimeNotArrival() {
        assertArrayEquals(new double[] {100, 101, NaN, 105}, eval("trades.first(price)"));
        assertArrayEquals(new double[] {102, 103, NaN, 105}, eval("trades.last(price)")); // 1500 arrived before 1200
    }

    @Test
    void filtersSelectEventsByNumberAndText() {
        assertArrayEquals(new double[] {0, 1, 0, 1}, eval("trades.filter(amount > 5).count"));
        assertArrayEquals(new double[] {1, 6, 0, 6}, eval("trades.filter(side == 'buy').sum(amount)"));
        assertArrayEquals(new double[] {0, 4, 0, 6}, eval("trades.filter(side == 'buy' and 3 < amount).sum(amount)"));
        assertArrayEquals(new double[] {0, 4, 0, 6}, eval("trades.filter(side == 'buy').filter(amount > 3).sum(amount)"));
    }

    /**
     * A comparison with a missing field is undefined, and so is its negation: an event passes only a condition that is
     * true. {@code not side == 'buy'} counted a trade without a side, which {@code side != 'buy'} leaves out.
     */
    @Test
    void aNegatedConditionOnAMissingFieldPassesNoEvent() {
        Events events = Events.builder(SourceType.TRADES).add(100, 100, 1, BUY).add(200, 100, NaN, NaN)
                .add(300, NaN, 2, SELL).add(400, 99, 7, SELL).build();
        Bars one = Bars.builder().time(new long[] {1000}).column("close", new double[] {1}).build();
        java.util.function.ToDoubleFunction<String> count = e -> {
            Plan p = Plan.compile("trades.filter(" + e + ").count");
            return p.run(Sources.attach(one, Map.of("trades", events), p.columns())).value().get(0);
        };
        // Each pair: a condition with not, and its equivalent without; a missing field is neither true nor false.
        String[][] pairs = {
            {"not side == 'buy'", "side != 'buy'"},
            {"not amount > 1", "amount <= 1"},
            {"not (amount > 1 or price < 100)", "amount <= 1 and price >= 100"},
            {"not (amount > 1 and price < 100)", "amount <= 1 or price >= 100"},
            {"not not amount > 1", "amount > 1"},
            {"not (side == 'sell' and not amount < 5)", "side != 'sell' or amount < 5"},
            {"amount > 5 or not price > 99", "amount > 5 or price <= 99"},
            {"not true", "false"},
        };
        double[] expected = {2, 1, 1, 2, 2, 2, 1, 0};
        for (int i = 0; i < pairs.length; i++) {
            assertEquals(expected[i], count.applyAsDouble(pairs[i][1]), pairs[i][1]);
            assertEquals(expected[i], count.applyAsDouble(pairs[i][0]), pairs[i][0] + " is " + pairs[i][1]);
        }
    }

    @Test
    void longConditionsAndChainsOfFiltersNeedNoDeepStack() {
        double[] simple = eval("trades.filter(amount > 2).count");
        assertArrayEquals(new double[] {1, 2, 0, 1}, simple);
        SmallStack.run(() -> {
            assertArrayEquals(simple, eval("trades.filter(amount > 2" + " and amount > 2".repeat(5_999) + ").count"));
            assertArrayEquals(simple, eval("trades.filter(amount > 1e9" + " or amount > 2".repeat(5_999) + ").count"));
            assertArrayEquals(simple, eval("trades" + ".filter(amount > 2)".repeat(4_000) + ".count"));
        });
    }

    @Test
    void aHandBuiltConditionNestedTooDeeplyIsRefused() {
        Expr cond = Parser.parse("amount > 2");
        for (int i = 0; i < 1_000; i++) {
            cond = new Expr.Unary(Expr.Op.NOT, cond);
        }
        Expr thousand = cond;
        SmallStack.run(() -> {
            Filter f = Filter.compile(SourceType.TRADES, thousand, (at, why) -> new IllegalStateException(why));
            assertEquals(true, f.test(new double[] {100, 3, BUY}));
            assertEquals(false, f.test(new double[] {100, 1, BUY}));
        });
        Expr deeper = new Expr.Unary(Expr.Op.NOT, thousand);
        Expr count = new Expr.Output(new Expr.Call("filter",
                List.of(Expr.Arg.of(new Expr.Name("trades")), Expr.Arg.of(deeper))), "count");
        var e = assertThrows(BindingException.class, () -> Plan.of(count));
        assertEquals("a filter condition is nested too deeply (more than 1000 levels of and, or and not inside one"
                + " another); simplify it", e.reason());
    }

    @Test
    void aSnapshotMissingAFieldLeavesTheValuesOnItAsTheyWere() {
        // Bar 1's only snapshot has no bid: mid and spread carry bar 0's (they read NaN until the next snapshot, where
        // last(bid) and every generic aggregate skip a missing field); its sizes still count for the imbalance.
        Events book = Events.builder(SourceType.ORDERBOOK).add(900, 99, 101, 3, 1).add(1800, Double.NaN, 100.5, 1, 1)
                .add(3500, 100, 100.5, 1, 3).build();
        String[][] expected = {{"orderbook.mid", "100", "100", "100.25"}, {"orderbook.spread", "2", "2", "0.5"},
                {"orderbook.imbalance", "0.75", "0.5", "0.25"}, {"orderbook.last(bid)", "99", "NaN", "100"}};
        for (String[] e : expected) {
            Plan plan = Plan.compile(e[0]);
            double[] batch = plan.run(Sources.attach(bars(), Map.of("orderbook", book), plan.columns())).value()
                    .toArray();
            double b1 = Double.parseDouble(e[2]);
            double last = Double.parseDouble(e[3]);
            assertArrayEquals(new double[] {Double.parseDouble(e[1]), b1, b1, last},
                    batch, e[0]);
            SourceStream s = new SourceStream(plan);
            double[] row = new double[4];
            double[] streamed = new double[T.length];
            for (int i = 0; i < T.length; i++) {
                for (int k = 0; k < book.size(); k++) {
                    long t = book.time(k);
                    if (t <= T[i] && (i == 0 || t > T[i - 1])) {
                        book.row(k, row);
                        s.event("orderbook", t, row.clone());
                    }
                }
                s.update(T[i], new double[s.barColumns().size()]);
                streamed[i] = s.value();
            }
            assertArrayEquals(batch, streamed, e[0] + ": stream differs from batch");
        }
    }

    @Test
    void theOrderBookIsItsLatestSnapshotCarriedIntoBarsWithoutOne() {
        // bar 1's latest snapshot is 1800 (100 / 100.5), though 1700 arrived after it; bars 2 and 3 carry it
        assertArrayEquals(new double[] {2, 0.5, 0.5, 0.5}, eval("orderbook.spread"));
        assertArrayEquals(new double[] {100, 100.25, 100.25, 100.25}, eval("orderbook.mid"));
        assertArrayEquals(new double[] {0.75, 0.5, 0.5, 0.5}, eval("orderbook.imbalance")); // 3/(3+1), 1/(1+1)
        double bps1 = 0.5 / 100.25 * 10_000; // spread over mid, in basis points
        assertArrayEquals(new double[] {200, bps1, bps1, bps1}, eval("orderbook.spread_bps"));
    }

    @Test
    void liquidationsAndKernelsOverAggregates() {
        assertArrayEquals(new double[] {0, 0, 7.5, 0}, eval("liquidations.sum(amount)"));
        assertArrayEquals(new double[] {NaN, 10, 8, 3}, eval("sma(trades.sum(amount), 2)"));
        assertArrayEquals(new double[] {0, 1, 0, 0}, eval("trades.count > 2"));
    }

    @Test
    void oneAggregateWrittenTwiceIsOneColumn() {
        Plan plan = Plan.compile("trades.sum(amount) + sum(trades, amount) + trades.count()");
        assertEquals(List.of("trades.sum(amount)", "trades.count"), plan.columns());
    }

    @Test
    void mistakesPointAtTheirPart() {
        var e = assertThrows(BindingException.class, () -> Plan.compile("trades.filter(volume > 1).count"));
        assertEquals(15, e.column());
        assertEquals("trades has no field 'volume'; fields: price, amount, side", e.reason());
        e = assertThrows(BindingException.class, () -> Plan.compile("sma(trades.sum(side), 3)"));
        assertEquals(16, e.column());
        e = assertThrows(BindingException.class, () -> Plan.compile("trades.filter(side == 'up').count"));
        assertEquals(23, e.column());
        e = assertThrows(BindingException.class, () -> Plan.compile("sma(trades, 3)"));
        assertEquals("trades is a source of events, not a series; aggregate it per bar, e.g. trades.count", e.reason());
        e = assertThrows(BindingException.class, () -> Plan.compile("orderbook.depth"));
        assertEquals(1, e.column());
    }

    @Test
    void aTextFieldTakesACodeOfItsVocabularyOrNaN() {
        for (double bad : new double[] {0.5, 7, 2, -1, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(ShapeMismatchException.class,
                    () -> Events.builder(SourceType.TRADES).add(500, 100, 1, bad));
            assertEquals("trades: field 'side' is text, so its value is 0 for 'buy', 1 for 'sell', or NaN when missing;"
                    + " got " + bad, e.getMessage());
            SourceStream s = new SourceStream(Plan.compile("trades.filter(side != 'buy').count"));
            assertThrows(ShapeMismatchException.class, () -> s.event("trades", 500, 100, 1, bad));
        }
        Events ok = Events.builder(SourceType.TRADES).add(500, 100, 1, BUY).add(600, 100, 1, NaN).add(700, 1, 1, SELL)
                .build();
        assertEquals(3, ok.size());
    }

    @Test
    void aClosedBarNeverChanges() {
        SourceStream s = new SourceStream(Plan.compile("trades.count"));
        s.event("trades", 900, 1, 1, BUY);
        s.update(1000);
        assertEquals(1, s.value());
        assertThrows(StreamStateException.class, () -> s.event("trades", 1000, 1, 1, BUY));
        assertThrows(UnknownNameException.class, () -> s.event("orderbook", 1100, 1, 2, 1, 1));
    }

    @Test
    void missingEventsAreNamed() {
        Plan plan = Plan.compile("trades.count");
        var e = assertThrows(UnknownNameException.class, () -> Sources.attach(bars(), Map.of(), plan.columns()));
        assertEquals("the plan reads trades.count but no trades events were given; given: none", e.getMessage());
    }

    @Test
    void requirementsListWhatToFetch() {
        Requirements r = Plan.compile("sma(trades.filter(side == 'buy').sum(amount), 20) > ETH.trades.vwap and "
                + "orderbook.spread_bps < 5 and rsi(close@1h, 14) > 50 and close.24h_ago < close").requirements();
        assertEquals(List.of("close"), r.columns());
        // vwap reads price and amount; the filter reads side; spread_bps reads the whole best level
        assertEquals(Map.of("trades", List.of("amount", "side"), "ETH.trades", List.of("amount", "price"),
                "orderbook", List.of("ask", "ask_size", "bid", "bid_size")), r.sources());
        assertEquals(List.of("ETH"), r.symbols());
        assertEquals(List.of("1h"), r.timeframes());
        assertEquals(20, r.historyBars()); // sma(…, 20) is valid from bar 19
        assertEquals(24 * 3_600_000L, r.historyMillis()); // the 24h lag needs more than rsi(…, 14) on 1h bars (15 hours)
        assertEquals(15 * 3_600_000L, Plan.compile("rsi(close@1h, 14)").requirements().historyMillis());
        // Sorted, as documented: a Map.copyOf iterated them in an order that changed from one JVM to the next.
        assertEquals(List.of("ETH.trades", "orderbook", "trades"), List.copyOf(r.sources().keySet()));
        Requirements six = Plan.compile("FFF.trades.vwap + AAA.trades.vwap + EEE.trades.vwap + BBB.trades.vwap"
                + " + DDD.trades.vwap + CCC.trades.vwap").requirements();
        assertEquals(List.of("AAA.trades", "BBB.trades", "CCC.trades", "DDD.trades", "EEE.trades", "FFF.trades"),
                List.copyOf(six.sources().keySet()));
    }

    @Test
    void requirementsBuiltByHandKeepTheirOrderAndRefuseNulls() {
        List<String> fields = new java.util.ArrayList<>(List.of("price"));
        Map<String, List<String>> sources = new java.util.LinkedHashMap<>();
        sources.put("trades", fields);
        sources.put("orderbook", List.of("bid"));
        Requirements r = new Requirements(List.of("close"), sources, List.of(), List.of(), 1, 0);
        fields.add("amount");
        assertEquals(List.of("price"), r.sources().get("trades"), "the record keeps its own copy of each list");
        assertEquals(List.of("trades", "orderbook"), List.copyOf(r.sources().keySet()));
        var e = assertThrows(io.ta.error.InvalidParameterException.class,
                () -> new Requirements(null, Map.of(), List.of(), List.of(), 1, 0));
        assertEquals("requirements: columns must not be null (empty when there are none)", e.getMessage());
        Map<String, List<String>> none = new java.util.HashMap<>();
        none.put("trades", null);
        assertThrows(io.ta.error.InvalidParameterException.class,
                () -> new Requirements(List.of(), none, List.of(), List.of(), 1, 0));
    }
}
