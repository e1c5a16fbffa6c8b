package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Time in the language on a real local Flink cluster: a plan with timeframes ({@code rsi(close@1h, 14)},
 * {@code atr(14)@15m}, {@code close@1d}), sessions ({@code session_start}, {@code session_high},
 * {@code anchored_vwap('1d')}) and a wall-clock lag, in the Sydney exchange's zone, over a dozen symbols interleaved
 * in one event-time feed (out of order within the watermark bound, corrected bars, late bars; overnight and weekend
 * gaps, missing minutes, a DST change). The job is made to fail once after a checkpoint taken in the middle of an hour
 * — the plan's hourly bar half-built in every key's state — and before that hour ends; it restarts from that
 * checkpoint, and its exactly-once output equals both the batch plan over each symbol's history and an uninterrupted
 * run of the same job, bit for bit.
 */
class TimeFlinkClusterTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final long HOUR = 3_600_000L;
    /** How far from either end of its hour a restore point and the failure must lie: the hour is well under way. */
    static final long MARGIN = 10 * TestMarket.STEP;

    static final Map<String, String> PLAN = new LinkedHashMap<>();

    static {
        PLAN.put("rsi1h", "rsi(close@1h, 14)");
        PLAN.put("atr15m", "atr(14)@15m");
        PLAN.put("aboveYesterday", "close > close@1d");
        PLAN.put("vwap", "anchored_vwap('1d')");
        PLAN.put("dayHigh", "session_high('1d')");
        PLAN.put("opening", "session_start('1d')");
        PLAN.put("chg1h", "change_pct(close, '1h')");
    }

    static final PlanSpec SPEC = PlanSpec.of(PLAN).inZone(TestMarket.EXCHANGE);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aTimeframeAndSessionPlanRestartedMidHourEqualsTheBatchPlanAndTheUninterruptedRun() throws Exception {
        TestMarket market = TestMarket.sessions(12, 2_000, 43);
        Feed feed = Feed.of("time", market, 47, 0.01, 0.004);
        Expected batch = new Expected(market, PLAN, TestMarket.EXCHANGE);
        assertZoneMatters(market, batch);

        StreamExecutionEnvironment clean = env();
        pipeline(clean, "time-clean", feed, false).sinkTo(new ExactlyOnceSink<>("time-clean", ExactlyOnceSink.RESULTS))
                .uid("results");
        clean.executeAsync("ta time, uninterrupted").getJobExecutionResult().get(5, TimeUnit.MINUTES);
        assertEquals(0, MidHourFailure.failedAt("time-clean"), "the uninterrupted run did not fail");

        StreamExecutionEnvironment failing = env();
        SingleOutputStreamOperator<TaResult> out = pipeline(failing, "time-recovery", feed, true);
        out.sinkTo(new ExactlyOnceSink<>("time-recovery", ExactlyOnceSink.RESULTS)).uid("results");
        out.getSideOutput(TaFlink.LATE).sinkTo(new ExactlyOnceSink<>("time-recovery-late", ExactlyOnceSink.BARS)).uid("late");
        failing.executeAsync("ta time, failing mid-hour").getJobExecutionResult().get(5, TimeUnit.MINUTES);

        long failedAt = MidHourFailure.failedAt("time-recovery");
        long restoredFrom = MidHourFailure.restoredFrom("time-recovery");
        assertTrue(failedAt > 0, "the job failed once, mid-stream");
        assertTrue(restoredFrom > feed.size() / 4 && restoredFrom <= failedAt,
                "the restarted source resumed from a checkpoint (event " + restoredFrom + ") before the failure (" + failedAt + ")");
        long restoredClock = feed.clock(restoredFrom - 1);
        long failedClock = feed.clock(failedAt);
        String where = "restored at " + Instant.ofEpochMilli(restoredClock) + ", failed at " + Instant.ofEpochMilli(failedClock);
        assertTrue(insideAnHour(restoredClock) && insideAnHour(failedClock), where);
        assertEquals(hourEnd(restoredClock), hourEnd(failedClock), "the restore point and the failure lie in one hour: " + where);

        List<TaResult> recovered = ExactlyOnceSink.committed("time-recovery");
        List<TaResult> uninterrupted = ExactlyOnceSink.committed("time-clean");
        batch.check(uninterrupted);
        int revisions = batch.check(recovered);
        assertEquals(feed.revisions, revisions, "corrections after commit are emitted as revisions");
        assertSameOutput(uninterrupted, recovered);
        assertEquals(sorted(feed.late), sorted(ExactlyOnceSink.committed("time-recovery-late")),
                "every late bar reaches the side output, once");
    }

    /**
     * The Sydney batch results differ from the same plan in UTC on this market, and the hourly RSI becomes valid: equal
     * to the Sydney batch bit for bit, the cluster's output shows that the zone travelled with the job and that the
     * timeframe produced values, not warm-up NaN only.
     */
    private static void assertZoneMatters(TestMarket market, Expected batch) {
        Expected utc = new Expected(market, PLAN);
        int differ = 0;
        int validRsi = 0;
        for (int i = 0; i < market.bars; i++) {
            double[] a = batch.at(0, i);
            double[] b = utc.at(0, i);
            differ += java.util.Arrays.equals(a, b) ? 0 : 1;
            validRsi += Double.isNaN(a[0]) ? 0 : 1;
        }
        assertTrue(differ > 100, "the zone changes " + differ + " rows");
        assertTrue(validRsi > market.bars / 3, "the hourly RSI is valid on " + validRsi + " bars");
        assertNotEquals(PlanSpec.of(PLAN).fingerprint(), SPEC.fingerprint(), "the zone is part of the plan's identity");
    }

    /** Both outputs hold the same results, keyed by (symbol, time, kind), with the same values bit for bit. */
    private static void assertSameOutput(List<TaResult> expected, List<TaResult> actual) {
        Map<String, TaResult> a = byKey(expected);
        Map<String, TaResult> b = byKey(actual);
        assertEquals(a.size(), b.size(), "as many results as the uninterrupted run");
        for (Map.Entry<String, TaResult> e : a.entrySet()) {
            TaResult r = b.get(e.getKey());
            assertNotNull(r, "the recovered run has no " + e.getKey());
            assertArrayEquals(e.getValue().values(), r.values(), () -> "after recovery " + r + ", uninterrupted " + e.getValue());
        }
    }

    private static Map<String, TaResult> byKey(List<TaResult> rs) {
        Map<String, TaResult> out = new HashMap<>();
        for (TaResult r : rs) {
            TaResult before = out.put(r.symbol() + "@" + r.time() + "/" + r.kind(), r);
            if (before != null) {
                throw new AssertionError("emitted twice: " + before + " and " + r);
            }
        }
        return out;
    }

    private static <T> List<String> sorted(List<T> xs) {
        return xs.stream().map(String::valueOf).sorted().toList();
    }

    /** The end of the epoch-aligned hour holding {@code t}: a bar stamped at the end belongs to the hour it closes. */
    static long hourEnd(long t) {
        return Math.floorDiv(t + HOUR - 1, HOUR) * HOUR;
    }

    static boolean insideAnHour(long t) {
        long end = hourEnd(t);
        return end - t >= MARGIN && t - (end - HOUR) >= MARGIN;
    }

    private static StreamExecutionEnvironment env() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.setMaxParallelism(128);
        env.enableCheckpointing(100);
        return env;
    }

    /** Feed → (single source task: index, lookup, watermarks) → keyBy symbol → the plan. */
    private static SingleOutputStreamOperator<TaResult> pipeline(StreamExecutionEnvironment env, String key, Feed feed,
            boolean fail) {
        DataStream<Bar> bars = env.fromSequence(0, feed.size() - 1).setParallelism(1).uid("feed-index")
                .map(new MidHourFailure(key, "time", fail)).setParallelism(1).uid("feed-lookup")
                .assignTimestampsAndWatermarks(Feed.watermarks()).setParallelism(1).uid("watermarks");
        return TaFlink.evaluate(bars, Bar::symbol, SPEC).uid("ta-plan");
    }

    /**
     * Turns a sequence number into the feed's bar and, if asked to, fails once (first attempt only): past the first
     * half of the feed, at an event inside an hour, once the last completed checkpoint was taken inside the same hour.
     * It records the event each checkpoint was taken after, so it knows where a restore would resume. Past the half
     * way it slows down, so checkpoints come every few market minutes.
     */
    static final class MidHourFailure extends RichMapFunction<Long, Bar> implements CheckpointedFunction, CheckpointListener {
        @Serial
        private static final long serialVersionUID = 1L;

        private static final Map<String, AtomicLong> FAILED_AT = new ConcurrentHashMap<>();
        private static final Map<String, AtomicLong> RESTORED = new ConcurrentHashMap<>();

        private final String run;
        private final String feedKey;
        private final boolean fail;
        private transient Feed feed;
        private transient long last;
        private transient TreeMap<Long, Long> taken;
        private transient long completed;
        private transient boolean firstAttempt;
        private transient boolean firstRecord;

        MidHourFailure(String run, String feedKey, boolean fail) {
            this.run = run;
            this.feedKey = feedKey;
            this.fail = fail;
            FAILED_AT.put(run, new AtomicLong());
            RESTORED.put(run, new AtomicLong());
        }

        /** The event at which the job failed; 0 if it did not. */
        static long failedAt(String run) {
            return FAILED_AT.get(run).get();
        }

        /** The first event of the attempt that restarted from a checkpoint; 0 if none did. */
        static long restoredFrom(String run) {
            return RESTORED.get(run).get();
        }

        @Override
        public void open(OpenContext context) {
            feed = Feed.get(feedKey);
            firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
            firstRecord = true;
            taken = new TreeMap<>();
            completed = -1;
            last = -1;
        }

        @Override
        public Bar map(Long n) throws Exception {
            if (firstRecord) {
                firstRecord = false;
                if (n > 0) {
                    RESTORED.get(run).set(n);
                }
            }
            last = n;
            boolean late = n >= feed.size() / 2;
            if (fail && firstAttempt && late && completed > feed.size() / 4) {
                long c = feed.clock(completed);
                long t = feed.clock(n);
                if (insideAnHour(c) && insideAnHour(t) && hourEnd(c) == hourEnd(t)) {
                    FAILED_AT.get(run).set(n);
                    throw new IllegalStateException("injected failure at event " + n + ", inside the hour of the last checkpoint");
                }
            }
            if (fail && firstAttempt && late) {
                Thread.sleep(1);
            }
            return feed.bar(n);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            taken.put(context.getCheckpointId(), last);
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            Long at = taken.get(checkpointId);
            if (at != null) {
                completed = Math.max(completed, at);
            }
            taken.headMap(checkpointId, true).clear();
        }
    }
}
