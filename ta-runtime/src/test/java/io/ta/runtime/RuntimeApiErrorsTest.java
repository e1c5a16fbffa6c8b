package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.TaException;
import io.ta.error.UnknownNameException;
import io.ta.kernels.TaExpr;
import io.ta.runtime.dsl.ParseException;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.resample.Resample;
import io.ta.runtime.source.Events;
import io.ta.runtime.source.Requirements;
import io.ta.runtime.source.SourceStream;
import io.ta.runtime.source.SourceType;
import io.ta.runtime.source.Sources;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public runtime API answers bad arguments with our typed errors, never a raw JDK exception. */
class RuntimeApiErrorsTest {
    static final Plan SMA = Plan.compile("sma(close, 3)");
    static final Bars BARS = Bars.builder().time(new long[] {1, 2, 3, 4}).column("close", new double[] {1, 2, 3, 4}).build();

    @Test
    void blockExecutorParameters() {
        var zero = assertThrows(InvalidParameterException.class, () -> new BlockExecutor(SMA, 0));
        assertEquals("block_executor: block must be >= 1 bars, got 0", zero.getMessage());
        assertEquals(List.of("block"), zero.parameters());
        assertEquals("block_executor: plan must not be null",
                assertThrows(InvalidParameterException.class, () -> new BlockExecutor(null)).getMessage());
        assertEquals("plan: bars are null", assertThrows(ShapeMismatchException.class, () -> new BlockExecutor(SMA).run(null)).getMessage());
    }

    @Test
    void anEmptyPlanIsRefusedAtCompile() {
        assertEquals("a plan needs at least one expression, got none",
                assertThrows(ParseException.class, () -> Plan.compile(Map.of(), Registry.standard())).getMessage());
        assertEquals("a plan needs at least one expression, got none",
                assertThrows(ParseException.class, () -> Plan.of(Map.<String, TaExpr>of(), Registry.standard())).getMessage());
        assertEquals("plan: registry must not be null",
                assertThrows(InvalidParameterException.class, () -> Plan.compile(Map.of("a", "close"), null)).getMessage());
        Map<String, String> unnamed = new LinkedHashMap<>();
        unnamed.put(null, "close");
        assertEquals("every expression of a plan needs a name; one has none (null)",
                assertThrows(ParseException.class, () -> Plan.compile(unnamed, Registry.standard())).getMessage());
    }

    @Test
    void seriesIndicesOutsideTheSeries() {
        Series one = Series.of(1.0);
        var e = assertThrows(ShapeMismatchException.class, () -> one.get(5));
        assertEquals("series: bar 5 is outside the series (bars 0 to 0, length 1)", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> one.get(-1));
        assertThrows(ShapeMismatchException.class, () -> one.isValid(1));
        assertThrows(ShapeMismatchException.class, () -> one.mask().get(1));
        assertThrows(ShapeMismatchException.class, () -> Series.of((double[]) null));
        assertEquals("series: 1 bars do not fit at offset 1 of an array of length 1",
                assertThrows(ShapeMismatchException.class, () -> one.copyTo(new double[1], 1)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> one.copyTo(null, 0));
        assertThrows(ShapeMismatchException.class, () -> BARS.time(4));
        assertEquals("sma: no output #1; it has 1 (value)", assertThrows(UnknownNameException.class,
                () -> Registry.standard().compute("sma", Map.of(), new double[3]).get(1)).getMessage());
    }

    @Test
    void runAllNamesTheFailingSymbolAndKeepsTheErrorType() {
        Plan tr = Plan.compile("true_range()");
        Bars full = Bars.builder().column("high", new double[] {2, 3}).column("low", new double[] {1, 1}).column("close", new double[] {1.5, 2})
                .build();
        Bars closeOnly = Bars.builder().column("close", new double[] {1, 2}).build();
        Map<String, Bars> universe = new LinkedHashMap<>();
        universe.put("AAA", full);
        universe.put("BBB", closeOnly);
        universe.put("CCC", null);
        universe.put("DDD", full);
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> new BlockExecutor(tr).runAll(universe));
        assertEquals("BBB: the expression needs column 'high', which the data does not have; columns: close", e.getMessage());
        assertEquals("high", e.name());
        assertInstanceOf(UnknownNameException.class, e.getCause());
        assertEquals(1, e.getSuppressed().length);
        assertEquals("CCC: plan: bars are null", e.getSuppressed()[0].getMessage());
        assertInstanceOf(ShapeMismatchException.class, e.getSuppressed()[0]);
        assertThrows(ShapeMismatchException.class, () -> new BlockExecutor(tr).runAll(null));
    }

    @Test
    void anUnknownResultIsOneErrorWhereverItIsLookedUp() {
        Map<String, String> two = new LinkedHashMap<>();
        two.put("fast", "sma(close, 2)");
        two.put("slow", "sma(close, 3)");
        Plan plan = Plan.compile(two, Registry.standard());
        PlanStream s = plan.stream();
        PlanResult r = plan.run(BARS);
        List<org.junit.jupiter.api.function.Executable> lookups = List.of(() -> plan.lookback("slw"), () -> plan.canonical("slw"),
                () -> plan.columns("slw"), () -> s.value("slw"), () -> r.get("slw"), () -> r.lookback("slw"));
        for (org.junit.jupiter.api.function.Executable lookup : lookups) {
            UnknownNameException e = assertThrows(UnknownNameException.class, lookup);
            assertEquals("no result named 'slw' (did you mean slow?); results: fast, slow", e.getMessage());
            assertEquals("result", e.what());
            assertEquals("slw", e.name());
            assertEquals(java.util.Optional.of("slow"), e.suggestion());
        }
        assertEquals("no result named 'x'; results: value", assertThrows(UnknownNameException.class, () -> SMA.lookback("x")).getMessage(),
                "no suggestion when nothing is close");
    }

    @Test
    void streamsResultsAndRegistry() {
        assertThrows(InvalidParameterException.class, () -> new PlanStream(null));
        PlanStream s = SMA.stream();
        assertEquals("plan: snapshot is null", assertThrows(SnapshotMismatchException.class, () -> s.restore(null)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> s.bar(null));
        assertThrows(UnknownNameException.class, () -> s.value(null));
        assertThrows(UnknownNameException.class, () -> SMA.lookback("nope"));
        assertThrows(UnknownNameException.class, () -> SMA.columns("nope"));
        assertThrows(UnknownNameException.class, () -> SMA.text(null));
        PlanResult r = SMA.run(BARS);
        assertThrows(UnknownNameException.class, () -> r.get(null));
        assertEquals("no kernel name given (null)", assertThrows(UnknownNameException.class, () -> Registry.standard().resolve(null)).getMessage());
        assertThrows(InvalidParameterException.class, () -> Registry.of(null));
        assertThrows(InvalidParameterException.class, () -> Registry.of(Arrays.asList(Registry.standard().kernel("sma"), null)));
        assertEquals("sma: parameters must not be null (Map.of() takes every default)",
                assertThrows(InvalidParameterException.class, () -> Registry.standard().compute("sma", null, new double[3])).getMessage());
        assertThrows(ShapeMismatchException.class, () -> Bars.builder().column(null, new double[1]));
        assertThrows(UnknownNameException.class, () -> BARS.column(null));
    }

    /** Nulls and short arrays given to event sources, parameter maps and CSV readers: typed errors, not NPEs. */
    @Test
    void sourcesParametersAndCsvReadersNameWhatIsMissing() {
        Plan trades = Plan.compile("trades.count");
        var type = io.ta.runtime.source.SourceType.TRADES;
        assertThrows(InvalidParameterException.class, () -> new io.ta.runtime.source.SourceStream(null));
        var s = new io.ta.runtime.source.SourceStream(trades);
        assertThrows(UnknownNameException.class, () -> s.event(null, 1, 1, 1, 0));
        assertThrows(ShapeMismatchException.class, () -> s.event("trades", 1, (double[]) null));
        assertThrows(ShapeMismatchException.class, () -> s.update(1, (double[]) null));
        assertThrows(SnapshotMismatchException.class, () -> s.restore(null));
        assertThrows(InvalidParameterException.class, () -> io.ta.runtime.source.Events.builder(null));
        // A null event was a NullPointerException; an index past the list an ArrayIndexOutOfBoundsException, and a
        // row of two numbers was filled with the fields at 2·i, part of another trade.
        var builder = io.ta.runtime.source.Events.builder(type);
        assertEquals("trades: an event has 3 fields (price, amount, side), got null",
                assertThrows(ShapeMismatchException.class, () -> builder.add(1, (double[]) null)).getMessage());
        var two = builder.add(1, 10, 2, 0).add(2, 11, 3, 1).build();
        assertEquals("trades: event 2 is outside the list (events 0 to 1, size 2)",
                assertThrows(ShapeMismatchException.class, () -> two.time(2)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> two.time(-1));
        assertThrows(ShapeMismatchException.class, () -> two.row(2, new double[3]));
        assertEquals("trades: a row has 3 fields (price, amount, side), got 2",
                assertThrows(ShapeMismatchException.class, () -> two.row(1, new double[2])).getMessage());
        assertThrows(ShapeMismatchException.class, () -> two.row(0, null));
        double[] row = new double[3];
        two.row(1, row);
        assertArrayEquals(new double[] {11, 3, 1}, row);
        var events = Map.of("trades", io.ta.runtime.source.Events.builder(type).build());
        Bars timed = Bars.builder().time(new long[] {1}).build();
        assertThrows(ShapeMismatchException.class, () -> io.ta.runtime.source.Sources.attach(null, events,
                trades.columns()));
        assertThrows(ShapeMismatchException.class, () -> io.ta.runtime.source.Sources.attach(timed, null,
                trades.columns()));
        // A null list under its key was "no trades events were given; given: trades".
        Map<String, io.ta.runtime.source.Events> nullList = new java.util.HashMap<>();
        nullList.put("trades", null);
        assertEquals("sources: the trades events are null (no events: an empty list, Events.builder(type).build())",
                assertThrows(ShapeMismatchException.class,
                () -> io.ta.runtime.source.Sources.attach(timed, nullList, trades.columns())).getMessage());
        assertThrows(InvalidParameterException.class, () -> io.ta.spi.ParamValues.of(
                Registry.standard().kernel("sma"), null));
        assertThrows(InvalidParameterException.class, () -> io.ta.runtime.csv.CsvOptions.defaults()
                .withColumns(Arrays.asList("close", null)));
        byte[] text = "date,close\n2024-01-01,2\n2024-01-02,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var csv = io.ta.runtime.csv.CsvBars.read(new java.io.ByteArrayInputStream(text), "mem.csv",
                io.ta.runtime.csv.CsvOptions.defaults());
        assertThrows(ShapeMismatchException.class, () -> csv.bars(new int[] {5}));
        assertThrows(ShapeMismatchException.class, () -> csv.bars(null));
        assertEquals(2, csv.bars(new int[] {0, 1}).length());
    }

    @Test
    void csvBarsAndTimeframesNameWhatIsWrong() {
        var csv = io.ta.runtime.csv.CsvBars.read(new java.io.ByteArrayInputStream(
                "date,close\n2024-01-01,1\n2024-01-02,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "a.csv",
                io.ta.runtime.csv.CsvOptions.defaults());
        assertEquals("a.csv: row 99 is outside the data (2 rows)",
                assertThrows(ShapeMismatchException.class, () -> csv.value(0, 99)).getMessage());
        assertEquals("a.csv: column 99 is not one of the 1 columns loaded (close)",
                assertThrows(ShapeMismatchException.class, () -> csv.value(99, 0)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> csv.time(-1));
        assertThrows(ShapeMismatchException.class, () -> csv.label(2));
        assertEquals("a.csv: the rows have no symbol column",
                assertThrows(ShapeMismatchException.class, () -> csv.symbolId(0)).getMessage());
        assertEquals(2.0, csv.value(0, 1));
        var bars = io.ta.runtime.time.Timeframe.parse("5");
        assertEquals("timeframe: 5 is a count of bars, which has no time boundaries; end() takes a timed timeframe such"
                + " as 5m or 1d", assertThrows(InvalidParameterException.class,
                        () -> bars.end(0, java.time.ZoneOffset.UTC)).getMessage());
    }

    @Test
    void aDescriptorRefusesParameterValuesNotBuiltForIt() {
        var sma = Registry.standard().kernel("sma");
        assertEquals("sma: parameter values are null; ParamValues.defaults(descriptor) takes every default",
                assertThrows(InvalidParameterException.class, () -> sma.newStream(null)).getMessage());
        var ema = io.ta.spi.ParamValues.defaults(Registry.standard().kernel("ema"));
        assertEquals("sma: parameter values were built for ema; build them from this kernel's descriptor"
                + " (ParamValues.of(descriptor, map))",
                assertThrows(InvalidParameterException.class, () -> sma.newStream(ema)).getMessage());
        assertThrows(InvalidParameterException.class, () -> sma.batch(ema, new double[3]));
    }

    @Test
    void barsKeepTheTimestampsTheyChecked() {
        long hour = 3_600_000L;
        long[] t = {hour, 2 * hour, 3 * hour, 4 * hour};
        Bars b = Bars.builder().time(t).column("close", new double[] {1, 2, 3, 4}).build();
        t[2] = 0; // the caller reuses its array
        assertEquals(3 * hour, b.time(2));
        PlanResult r = Plan.compile("close@2h").run(b);
        assertEquals(List.of(Double.NaN, 2.0, 2.0, 4.0), Arrays.stream(r.value().toArray()).boxed().toList());
    }

    @Test
    void csvBarsAccessorsNameTheRowOrTheMissingSymbolColumn() {
        CsvBars table = CsvBars.read(csv(), "prices.csv", CsvOptions.defaults());
        assertEquals("prices.csv: the rows have no symbol column",
                assertThrows(ShapeMismatchException.class, table::rowsBySymbol).getMessage());
        assertEquals("prices.csv: row 5 is outside the data (2 rows)", assertThrows(ShapeMismatchException.class,
                () -> table.appendLabel(5, new StringBuilder())).getMessage());
        assertThrows(ShapeMismatchException.class, () -> table.appendLabel(-1, new StringBuilder()));
        StringBuilder sb = new StringBuilder();
        table.appendLabel(1, sb);
        assertEquals("2024-01-02", sb.toString());
        CsvReader reader = CsvReader.open(csv(), "prices.csv", CsvOptions.defaults());
        assertTrue(reader.next());
        assertEquals("prices.csv: column 1 is not one of the 1 columns selected (close)",
                assertThrows(ShapeMismatchException.class, () -> reader.value(1)).getMessage());
        assertEquals(1.0, reader.value(0));
    }

    @Test
    void aNullSourceSnapshotIsCalledNull() {
        SourceStream s = new SourceStream(VWAP);
        assertEquals("source_stream: snapshot is null",
                assertThrows(SnapshotMismatchException.class, () -> s.restore(null)).getMessage());
        assertEquals("source_stream: the snapshot holds no aggregates; this plan has 1",
                assertThrows(SnapshotMismatchException.class,
                        () -> s.restore(new SourceStream.Snapshot(s.snapshot().plan(), null, 0))).getMessage());
    }

    /** A result's series carry the result's times ("which every result series shares"), also in a hand-built one. */
    @Test
    void aHandBuiltResultWhoseSeriesCarryOtherTimesIsRefused() {
        long[] times = {10, 20};
        Map<String, Integer> lookbacks = Map.of("a", 0);
        PlanResult ok = new PlanResult(Map.of("a", Series.wrap(new double[] {1, 2}, times)), lookbacks, 2, times);
        assertEquals(ok.time(1), ok.get("a").time(1));
        assertEquals("plan_result: root 'a' carries other times than the result",
                assertThrows(ShapeMismatchException.class, () -> new PlanResult(Map.of("a",
                        Series.wrap(new double[] {1, 2}, new long[] {10, 30})), lookbacks, 2, times)).getMessage());
        assertEquals("plan_result: root 'a' carries no times, unlike the result",
                assertThrows(ShapeMismatchException.class,
                        () -> new PlanResult(Map.of("a", Series.of(1, 2)), lookbacks, 2, times)).getMessage());
        assertEquals("plan_result: root 'a' carries other times than the result, which has none",
                assertThrows(ShapeMismatchException.class, () -> new PlanResult(Map.of("a",
                        Series.wrap(new double[] {1, 2}, times)), lookbacks, 2, null)).getMessage());
    }

    /** Classes whose every public method and constructor the sweep below calls with nulls. */
    static final List<Class<?>> API = List.of(Plan.class, BlockExecutor.class, PlanStream.class, PlanResult.class, Series.class,
            Mask.class, Bars.class, Bars.Builder.class, Outputs.class, Registry.class, Resample.class,
            io.ta.runtime.plan.PlanGraph.class, io.ta.runtime.time.Timeframe.class, io.ta.runtime.dsl.Parser.class,
            io.ta.runtime.plan.Ops.class, PlanSnapshot.class, CsvBars.class, CsvOptions.class, CsvReader.class,
            Events.class, Events.Builder.class, Sources.class, SourceStream.class, SourceStream.Snapshot.class,
            Requirements.class, Resample.Timed.class);

    /**
     * Every public method and constructor of the runtime API, called with {@code null} in each reference parameter in
     * turn (the others given ordinary values), returns or throws one of our errors — never a NullPointerException or
     * another raw JDK exception.
     */
    @Test
    void nullInAnyReferenceParameterIsATypedErrorOrHarmless() throws Exception {
        List<String> escaped = new ArrayList<>();
        int calls = 0;
        for (Class<?> type : API) {
            List<Executable> all = new ArrayList<>(Arrays.asList(type.getMethods()));
            all.addAll(Arrays.asList(type.getConstructors()));
            for (Executable x : all) {
                if (x.getDeclaringClass() == Object.class || x.getDeclaringClass().isEnum()) {
                    continue;
                }
                Class<?>[] params = x.getParameterTypes();
                for (int i = 0; i < params.length; i++) {
                    if (params[i].isPrimitive()) {
                        continue;
                    }
                    Object[] args = new Object[params.length];
                    for (int j = 0; j < params.length; j++) {
                        args[j] = j == i ? null : sample(params[j]);
                    }
                    calls++;
                    Throwable t = call(x, instance(type), args);
                    if (t != null && !(t instanceof TaException)) {
                        escaped.add(x + " with null argument " + i + ": " + t);
                    }
                }
            }
        }
        assertEquals(List.of(), escaped);
        assertTrue(calls > 60, "the sweep reached " + calls + " calls");
    }

    static Throwable call(Executable x, Object target, Object[] args) throws IllegalAccessException, InstantiationException {
        try {
            if (x instanceof Constructor<?> c) {
                c.newInstance(args);
            } else {
                Method m = (Method) x;
                m.invoke(Modifier.isStatic(m.getModifiers()) ? null : target, args);
            }
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    static Object instance(Class<?> type) {
        if (type == Plan.class) {
            return SMA;
        }
        if (type == io.ta.runtime.plan.PlanGraph.class) {
            return SMA.graph();
        }
        if (type == BlockExecutor.class) {
            return new BlockExecutor(SMA);
        }
        if (type == PlanStream.class) {
            return SMA.stream();
        }
        if (type == PlanResult.class) {
            return SMA.run(BARS);
        }
        if (type == Series.class) {
            return Series.of(1, 2, 3);
        }
        if (type == Mask.class) {
            return Series.of(1, 2, 3).mask();
        }
        if (type == io.ta.runtime.time.Timeframe.class) {
            return io.ta.runtime.time.Timeframe.parse("1w");
        }
        if (type == Bars.class) {
            return BARS;
        }
        if (type == Bars.Builder.class) {
            return Bars.builder();
        }
        if (type == Outputs.class) {
            return Registry.standard().compute("sma", Map.of(), new double[] {1, 2, 3});
        }
        if (type == Registry.class) {
            return Registry.standard();
        }
        if (type == PlanSnapshot.class) {
            return SMA.stream().snapshot();
        }
        if (type == CsvBars.class) {
            return CsvBars.read(csv(), "prices.csv", CsvOptions.defaults());
        }
        if (type == CsvOptions.class) {
            return CsvOptions.defaults();
        }
        if (type == CsvReader.class) {
            return CsvReader.open(csv(), "prices.csv", CsvOptions.defaults());
        }
        if (type == Events.class) {
            return Events.builder(SourceType.TRADES).add(1, 10, 2, 0).build();
        }
        if (type == Events.Builder.class) {
            return Events.builder(SourceType.TRADES);
        }
        if (type == SourceStream.class) {
            return new SourceStream(VWAP);
        }
        if (type == SourceStream.Snapshot.class) {
            return new SourceStream(VWAP).snapshot();
        }
        if (type == Requirements.class) {
            return SMA.requirements();
        }
        if (type == Resample.Timed.class) {
            return Resample.downsample(new long[] {1, 2}, new double[] {1, 2}, 2, Resample.Agg.LAST);
        }
        return null;
    }

    static final Plan VWAP = Plan.compile("trades.vwap");

    static java.io.InputStream csv() {
        return new java.io.ByteArrayInputStream("date,close\n2024-01-01,1\n2024-01-02,2\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    static Object sample(Class<?> p) {
        if (p == int.class) {
            return 2;
        }
        if (p == long.class) {
            return 2L;
        }
        if (p == double.class) {
            return 2.0;
        }
        if (p == boolean.class) {
            return true;
        }
        if (p == String.class) {
            return "close";
        }
        if (p == double[].class) {
            return new double[] {1, 2, 3, 4};
        }
        if (p == long[].class) {
            return new long[] {1, 2, 3, 4};
        }
        if (p == double[][].class) {
            return new double[][] {{1, 2, 3, 4}};
        }
        if (p == Map.class) {
            return Map.of();
        }
        if (p == java.util.Collection.class || p == List.class) {
            return List.of();
        }
        if (p == Plan.class) {
            return SMA;
        }
        if (p == io.ta.runtime.plan.PlanGraph.class) {
            return SMA.graph();
        }
        if (p == Bars.class) {
            return BARS;
        }
        if (p == Registry.class) {
            return Registry.standard();
        }
        if (p == io.ta.expr.ToExpr.class) {
            return TaExpr.close();
        }
        if (p == io.ta.expr.Expr.Op.class) {
            return io.ta.expr.Expr.Op.ADD;
        }
        if (p == java.time.ZoneId.class) {
            return java.time.ZoneId.of("America/New_York");
        }
        if (p == io.ta.runtime.time.Timeframe.class) {
            return io.ta.runtime.time.Timeframe.parse("1w");
        }
        if (p == ClassLoader.class) {
            return RuntimeApiErrorsTest.class.getClassLoader();
        }
        if (p == io.ta.runtime.PlanSnapshot.class) {
            return SMA.stream().snapshot();
        }
        if (p == CsvOptions.class) {
            return CsvOptions.defaults();
        }
        if (p == CsvReader.class) {
            return CsvReader.open(csv(), "prices.csv", CsvOptions.defaults());
        }
        if (p == java.io.InputStream.class) {
            return csv();
        }
        if (p == java.nio.file.Path.class) {
            return java.nio.file.Path.of("no-such-file.csv");
        }
        if (p == java.util.function.LongConsumer.class) {
            return (java.util.function.LongConsumer) rows -> { };
        }
        if (p == StringBuilder.class) {
            return new StringBuilder();
        }
        if (p == int[].class) {
            return new int[] {0};
        }
        if (p == SourceType.class) {
            return SourceType.TRADES;
        }
        if (p == SourceStream.Snapshot.class) {
            return new SourceStream(VWAP).snapshot();
        }
        if (p == byte[].class) {
            return SMA.stream().snapshot().toBytes();
        }
        if (p.isEnum()) {
            return p.getEnumConstants()[0];
        }
        if (p == Object.class) {
            return "x";
        }
        throw new AssertionError("no sample value for " + p);
    }
}
