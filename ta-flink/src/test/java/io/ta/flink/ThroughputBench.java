package io.ta.flink;

import com.sun.management.OperatingSystemMXBean;
import java.io.Serial;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Throughput of the ten-node plan of {@link FlinkClusterTest} in bars per CPU-second — per core — on a MiniCluster and
 * in a single process, plus the plan state's size per key. Not part of the build (no timing assertions in tests): run
 * with {@code -Dta.flink.bench=true}, see docs/flink.md. Writes {@code target/flink-throughput.txt}.
 *
 * <p>Per core: the process's CPU time over the whole job (every Flink thread, the JIT and the collector included), so
 * the number does not depend on how many cores the job spreads over or on other load on the machine.
 */
@EnabledIfSystemProperty(named = "ta.flink.bench", matches = "true")
class ThroughputBench {
    static final int SYMBOLS = 100;
    static final int BARS = Integer.getInteger("ta.flink.bench.bars", 20_000);
    static final int ROUNDS = Integer.getInteger("ta.flink.bench.rounds", 3);
    static final long SEED = 3;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private final List<String> report = new ArrayList<>();

    @Test
    void measure() throws Exception {
        TestMarket market = TestMarket.of(SYMBOLS, BARS, SEED);
        long bars = (long) SYMBOLS * BARS;
        line("ta-flink throughput: %d symbols x %d bars = %,d bars, plan of %s", SYMBOLS, BARS, bars,
                FlinkClusterTest.SPEC.explain().lines().findFirst().orElseThrow());
        line("%d available processors, %s, best of %d rounds after one warm-up", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"), ROUNDS);
        line("");
        line("%-52s %14s %14s", "configuration", "bars/CPU-s", "bars/s (wall)");
        measure("single process: PlanStream.update, 100 streams", () -> singleProcess(market, false));
        measure("single process: restore + update + snapshot per bar", () -> singleProcess(market, true));
        measure("flink: keyed pass-through (no ta), heap state", () -> flink(market, null, "hashmap"));
        measure("flink: TaPlanFunction ARRIVAL, heap state", () -> flink(market, TaPlanFunction.Ordering.ARRIVAL, "hashmap"));
        measure("flink: TaPlanFunction EVENT_TIME, heap state", () -> flink(market, TaPlanFunction.Ordering.EVENT_TIME, "hashmap"));
        measure("flink: TaPlanFunction EVENT_TIME, RocksDB state", () -> flink(market, TaPlanFunction.Ordering.EVENT_TIME, "rocksdb"));
        line("");
        stateSize(market);
        Files.write(Path.of("target", "flink-throughput.txt"), report);
    }

    interface Run {
        /** Runs once; returns {wall ns, cpu ns}. */
        long[] run() throws Exception;
    }

    private void measure(String name, Run run) throws Exception {
        run.run();
        double bestCpu = 0;
        double bestWall = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long[] t = run.run();
            double bars = (double) SYMBOLS * BARS;
            bestWall = Math.max(bestWall, bars / (t[0] / 1e9));
            bestCpu = Math.max(bestCpu, bars / (t[1] / 1e9));
        }
        line("%-52s %,14.0f %,14.0f", name, bestCpu, bestWall);
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        report.add(s);
    }

    /** One thread, the same bars in the same interleaving as the Flink source, every root read after every bar. */
    private static long[] singleProcess(TestMarket market, boolean restorePerBar) {
        CompiledPlan plan = FlinkClusterTest.SPEC.compiled();
        PlanState[] states = new PlanState[SYMBOLS];
        byte[][] bytes = new byte[SYMBOLS][];
        for (int s = 0; s < SYMBOLS; s++) {
            states[s] = plan.newState();
            bytes[s] = states[s].snapshotBytes();
        }
        double[] row = new double[plan.columnCount()];
        double sink = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < BARS; i++) {
            for (int s = 0; s < SYMBOLS; s++) {
                Bar b = market.bar(s, i);
                plan.columns(b, row);
                if (restorePerBar) {
                    PlanState st = plan.restore(bytes[s], 0);
                    st.update(b.time(), row);
                    sink += st.values()[0];
                    bytes[s] = st.snapshotBytes();
                } else {
                    states[s].update(b.time(), row);
                    sink += states[s].values()[0];
                }
            }
        }
        long wall = System.nanoTime() - wall0;
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        if (sink == 42) {
            System.out.println("(unlikely) " + sink);
        }
        return new long[] {wall, cpu};
    }

    private static long[] flink(TestMarket market, TaPlanFunction.Ordering ordering, String backend) throws Exception {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        DataStream<Bar> bars = env.fromSequence(0, (long) SYMBOLS * BARS - 1)
                .map(new MarketLookup(SYMBOLS, BARS, SEED))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Bar>forBoundedOutOfOrderness(Duration.ofMinutes(1))
                        .withTimestampAssigner((b, ts) -> b.time()));
        DataStream<TaResult> out = ordering == null
                ? bars.keyBy(Bar::symbol).process(new PassThrough())
                : TaFlink.evaluate(bars, Bar::symbol, FlinkClusterTest.SPEC, ordering);
        out.sinkTo(new DiscardingSink<>());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        env.execute("throughput");
        return new long[] {System.nanoTime() - wall0, os.getProcessCpuTime() - cpu0};
    }

    private void stateSize(TestMarket market) throws Exception {
        PlanStateSerializer serializer = new PlanStateSerializer(FlinkClusterTest.SPEC);
        PlanState st = serializer.createInstance();
        double[] row = new double[st.plan().columnCount()];
        for (int i = 0; i < 500; i++) {
            st.plan().columns(market.bar(0, i), row);
            st.update(market.bar(0, i).time(), row);
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(st, out);
        TypeSerializer<Bar> bar = TypeInformation.of(Bar.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer b = new DataOutputSerializer(64);
        bar.serialize(market.bar(0, 0), b);
        line("state per key, ten-node plan: %d bytes of plan state (8 timestamp + 4 length + %d plan snapshot)",
                out.length(), out.length() - 12);
        line("plus, under EVENT_TIME, %d bytes per bar waiting for the watermark (8 key + %d bar) and one timer",
                8 + b.length(), b.length());
    }

    /** Sequence number to bar, symbols interleaved bar by bar like a live feed. */
    static final class MarketLookup implements MapFunction<Long, Bar> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int symbols;
        private final int bars;
        private final long seed;

        MarketLookup(int symbols, int bars, long seed) {
            this.symbols = symbols;
            this.bars = bars;
            this.seed = seed;
        }

        @Override
        public Bar map(Long n) {
            return TestMarket.of(symbols, bars, seed).bar((int) (n % symbols), (int) (n / symbols));
        }
    }

    /** The same keyed record flow without ta: a keyed state read and write and one result per bar. */
    static final class PassThrough extends KeyedProcessFunction<String, Bar, TaResult> {
        @Serial
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Bar bar, Context ctx, Collector<TaResult> out) throws Exception {
            Long c = count.value();
            count.update(c == null ? 1 : c + 1);
            out.collect(new TaResult(bar.symbol(), bar.time(), TaResult.Kind.BAR, new double[] {bar.close(), 0, 0, 0}));
        }
    }
}
