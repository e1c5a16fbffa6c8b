package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * ta on a real local Flink cluster (a MiniCluster with one task manager and four slots, started by this test): the
 * output for 100 symbols × 5,000 bars equals the batch plan bit for bit; a job made to fail mid-stream restarts from
 * its last checkpoint and its exactly-once output equals the uninterrupted run; a job stopped with a savepoint at
 * parallelism 2 resumes at parallelism 4 with the same results.
 *
 * <p>Every job reads a {@link Feed} — out-of-order bars, corrections before and after commit, late bars — through a
 * source at parallelism 1 with per-record watermarks, so what each keyed subtask sees is fixed by the feed, and writes
 * to an {@link ExactlyOnceSink}, so a lost or duplicated result shows.
 */
class FlinkClusterTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    /**
     * The plan of these tests and of the throughput numbers in docs/flink.md: ten nodes (three columns, five kernels,
     * two comparisons), four roots.
     */
    static final Map<String, String> PLAN = new LinkedHashMap<>();

    static {
        PLAN.put("rsi", "rsi(close, 14)");
        PLAN.put("trend", "ema(close, 12) > ema(close, 26)");
        PLAN.put("atr", "atr(14)");
        PLAN.put("above", "close > sma(close, 20)");
    }

    static final PlanSpec SPEC = PlanSpec.of(PLAN);

    @Test
    void thePlanHasTenNodes() {
        assertTrue(SPEC.explain().startsWith("plan: 4 roots, 10 nodes,"), SPEC.explain());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aHundredSymbolsOfFiveThousandBarsEqualTheBatchPlanBitForBit() throws Exception {
        TestMarket market = TestMarket.of(100, 5_000, 17);
        Feed feed = Feed.of("full", market, 23, 0.01, 0.004);
        StreamExecutionEnvironment env = env(2);
        SingleOutputStreamOperator<TaResult> out = pipeline(env, "full", feed, Long.MAX_VALUE, Long.MAX_VALUE);
        out.sinkTo(new ExactlyOnceSink<>("full", ExactlyOnceSink.RESULTS)).uid("results");
        out.getSideOutput(TaFlink.LATE).sinkTo(new ExactlyOnceSink<>("full-late", ExactlyOnceSink.BARS)).uid("late");
        JobClient job = env.executeAsync("ta 100 x 5000");
        job.getJobExecutionResult().get(10, TimeUnit.MINUTES);

        int revisions = new Expected(market, PLAN).check(ExactlyOnceSink.committed("full"));
        assertEquals(feed.revisions, revisions, "corrections after commit are emitted as revisions");
        assertTrue(feed.revisions > 100 && feed.bufferedRevisions > 100 && feed.late.size() > 100, "the feed is messy");
        List<Bar> late = ExactlyOnceSink.committed("full-late");
        assertEquals(sorted(feed.late), sorted(late), "every late bar reaches the side output");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aJobThatFailsMidStreamRestartsFromItsCheckpointWithNothingLostOrDuplicated() throws Exception {
        TestMarket market = TestMarket.of(100, 2_000, 29);
        Feed feed = Feed.of("recovery", market, 31, 0.01, 0.004);
        StreamExecutionEnvironment env = env(2);
        env.enableCheckpointing(200);
        long failAt = feed.size() / 2;
        SingleOutputStreamOperator<TaResult> out = pipeline(env, "recovery", feed, failAt, Long.MAX_VALUE);
        out.sinkTo(new ExactlyOnceSink<>("recovery", ExactlyOnceSink.RESULTS)).uid("results");
        JobClient job = env.executeAsync("ta recovery");
        job.getJobExecutionResult().get(10, TimeUnit.MINUTES);

        assertEquals(1, FeedLookup.failures("recovery"), "the job failed once, mid-stream");
        assertTrue(FeedLookup.restoredFrom("recovery") > 0, "the restarted source resumed from a checkpoint");
        assertTrue(ExactlyOnceSink.transactions("recovery") > 2, "output was committed at several checkpoints");
        new Expected(market, PLAN).check(ExactlyOnceSink.committed("recovery"));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aJobStoppedWithASavepointAtParallelismTwoResumesAtFourWithTheSameResults(@TempDir Path dir) throws Exception {
        TestMarket market = TestMarket.of(100, 2_000, 37);
        Feed feed = Feed.of("rescale", market, 41, 0.01, 0.004);

        StreamExecutionEnvironment first = env(2);
        first.enableCheckpointing(500);
        long slowFrom = feed.size() / 3;
        pipeline(first, "rescale", feed, Long.MAX_VALUE, slowFrom)
                .sinkTo(new ExactlyOnceSink<>("rescale", ExactlyOnceSink.RESULTS)).uid("results");
        JobClient job = first.executeAsync("ta rescale, parallelism 2");
        while (FeedLookup.progress("rescale") < slowFrom + 100) {
            JobStatus status = job.getJobStatus().get();
            assertTrue(!status.isGloballyTerminalState(), "the first job is still running: " + status);
            Thread.sleep(50);
        }
        String savepoint = job.stopWithSavepoint(false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(5, TimeUnit.MINUTES);
        long stoppedAt = FeedLookup.progress("rescale");
        assertTrue(stoppedAt < feed.size(), "stopped mid-stream, at event " + stoppedAt + " of " + feed.size());
        int before = ExactlyOnceSink.committed("rescale").size();

        StreamExecutionEnvironment second = env(4);
        second.enableCheckpointing(500);
        pipeline(second, "rescale", feed, Long.MAX_VALUE, Long.MAX_VALUE)
                .sinkTo(new ExactlyOnceSink<>("rescale", ExactlyOnceSink.RESULTS)).uid("results");
        StreamGraph graph = second.getStreamGraph();
        graph.setJobName("ta rescale, parallelism 4");
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        second.executeAsync(graph).getJobExecutionResult().get(10, TimeUnit.MINUTES);

        List<TaResult> all = ExactlyOnceSink.committed("rescale");
        assertTrue(before > 0 && all.size() > before, "both jobs produced results: " + before + " then " + (all.size() - before));
        new Expected(market, PLAN).check(all);
    }

    private static <T> List<String> sorted(List<T> xs) {
        return xs.stream().map(String::valueOf).sorted().toList();
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.setMaxParallelism(128);
        return env;
    }

    /** Feed → (single source task: index, lookup, watermarks) → keyBy symbol → the plan. */
    private static SingleOutputStreamOperator<TaResult> pipeline(StreamExecutionEnvironment env, String key, Feed feed,
            long failAt, long slowFrom) {
        DataStream<Bar> bars = env.fromSequence(0, feed.size() - 1).setParallelism(1).uid("feed-index")
                .map(new FeedLookup(key, failAt, slowFrom)).setParallelism(1).uid("feed-lookup")
                .assignTimestampsAndWatermarks(Feed.watermarks()).setParallelism(1).uid("watermarks");
        return TaFlink.evaluate(bars, Bar::symbol, SPEC).uid("ta-plan");
    }

    /**
     * Turns a sequence number into the feed's bar. Can fail once (first attempt only) after {@code failAt} records, but
     * only once a checkpoint taken past the half-way mark completed, so recovery restores real state; can slow down after
     * {@code slowFrom} records, so a test can stop the job while it runs.
     */
    static final class FeedLookup extends RichMapFunction<Long, Bar> implements CheckpointListener {
        @Serial
        private static final long serialVersionUID = 1L;

        private static final Map<String, AtomicLong> PROGRESS = new ConcurrentHashMap<>();
        private static final Map<String, AtomicLong> FAILURES = new ConcurrentHashMap<>();
        private static final Map<String, AtomicLong> RESTORED = new ConcurrentHashMap<>();

        private final String key;
        private final long failAt;
        private final long slowFrom;
        private transient Feed feed;
        private transient long seen;
        private transient boolean checkpointPastHalf;
        private transient boolean firstAttempt;
        private transient boolean firstRecord;

        FeedLookup(String key, long failAt, long slowFrom) {
            this.key = key;
            this.failAt = failAt;
            this.slowFrom = slowFrom;
            PROGRESS.put(key, new AtomicLong());
            FAILURES.put(key, new AtomicLong());
            RESTORED.put(key, new AtomicLong());
        }

        static long progress(String key) {
            return PROGRESS.get(key).get();
        }

        static long failures(String key) {
            return FAILURES.get(key).get();
        }

        /** The sequence number of the first record of the last attempt that started past the beginning. */
        static long restoredFrom(String key) {
            return RESTORED.get(key).get();
        }

        @Override
        public void open(OpenContext context) {
            feed = Feed.get(key);
            firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
            firstRecord = true;
        }

        @Override
        public Bar map(Long n) throws Exception {
            if (firstRecord) {
                firstRecord = false;
                if (n > 0) {
                    RESTORED.get(key).set(n);
                }
            }
            seen++;
            PROGRESS.get(key).set(n + 1);
            if (firstAttempt && n >= failAt && checkpointPastHalf) {
                FAILURES.get(key).incrementAndGet();
                throw new IllegalStateException("injected failure at record " + n);
            }
            if (n >= slowFrom || firstAttempt && n >= failAt) {
                Thread.sleep(1);
            }
            return feed.bar(n);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (seen >= failAt / 2) {
                checkpointPastHalf = true;
            }
        }
    }
}
