package io.ta.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A messy but deterministic live feed over a {@link TestMarket}: bars arrive out of order within blocks of four
 * consecutive minutes, some first with wrong values that a correction with the same timestamp replaces — before the watermark
 * released them (a buffered revision) or right after (a {@code replaceLast} revision) — and some old bars are re-sent
 * with wrong values after newer bars were committed (late bars). The final, correct version of every bar arrives
 * exactly once, so the committed history equals the market's, and batch results over it are the expected output.
 *
 * <p>Watermarks are punctuated ({@link #watermarks()}): after each bar, the largest timestamp seen minus
 * {@link #BOUND} minus 1 — Flink's bounded-out-of-orderness formula, emitted per record instead of periodically, so
 * what the operator sees is a function of the event order alone. With the source at parallelism 1 the keyed operator
 * receives records and watermarks in exactly that order, which is how the generator knows in advance which corrections
 * are {@link TaResult.Kind#REVISION}s and which bars are late: it replays the documented event-time policy while it
 * writes the feed, and only places a correction or late copy where its outcome is certain.
 */
final class Feed {
    /** The watermark's out-of-orderness bound: four bars, more than the three-bar reordering within a block. */
    static final long BOUND = 4 * TestMarket.STEP;

    private static final int CORRECT = 0;
    private static final int WRONG = 1;
    private static final int LATE = 2;
    private static final int LATE_DISTANCE = 10;

    private static final Map<String, Feed> CACHE = new ConcurrentHashMap<>();

    final TestMarket market;
    private final long[] events;
    /** Corrections that arrive after their wrong version was committed: emitted as REVISION. */
    final int revisions;
    /** Corrections that replace a wrong version still waiting for the watermark. */
    final int bufferedRevisions;
    /** The late bars, in feed order: what the operator must send to {@link TaFlink#LATE}. */
    final List<Bar> late;
    /** [n]: the newest bar time among events 0..n, what the watermark follows. */
    private final long[] clock;

    private Feed(TestMarket market, long[] events, int revisions, int bufferedRevisions, List<Bar> late) {
        this.market = market;
        this.events = events;
        this.clock = new long[events.length];
        long max = Long.MIN_VALUE;
        for (int n = 0; n < events.length; n++) {
            max = Math.max(max, market.timeOf((int) (events[n] & 0xFFFFF)));
            clock[n] = max;
        }
        this.revisions = revisions;
        this.bufferedRevisions = bufferedRevisions;
        this.late = List.copyOf(late);
    }

    /** The feed for {@code market}, cached by its key so sources in the MiniCluster find it by that key. */
    static Feed of(String key, TestMarket market, long seed, double pWrong, double pLate) {
        return CACHE.computeIfAbsent(key, k -> new Builder(market, seed, pWrong, pLate).build());
    }

    static Feed get(String key) {
        Feed f = CACHE.get(key);
        if (f == null) {
            throw new IllegalStateException("no feed " + key + " in this JVM");
        }
        return f;
    }

    int size() {
        return events.length;
    }

    /** The newest bar time among events 0..n: where the feed's clock stands once event n went out. */
    long clock(long n) {
        return clock[(int) n];
    }

    /** Event {@code n} as the bar the source emits. */
    Bar bar(long n) {
        long e = events[(int) n];
        int kind = (int) (e >>> 40);
        int s = (int) ((e >>> 20) & 0xFFFFF);
        int i = (int) (e & 0xFFFFF);
        return kind == CORRECT ? market.bar(s, i) : market.wrong(s, i);
    }

    static long pack(int kind, int s, int i) {
        return ((long) kind << 40) | ((long) s << 20) | i;
    }

    /** Punctuated bounded-out-of-orderness watermarks, as described above. */
    static WatermarkStrategy<Bar> watermarks() {
        return WatermarkStrategy.<Bar>forGenerator(ctx -> new Punctuated()).withTimestampAssigner((b, ts) -> b.time());
    }

    /** After every bar: the largest timestamp so far minus {@link #BOUND} minus 1. */
    static final class Punctuated implements WatermarkGenerator<Bar> {
        private long max = Long.MIN_VALUE + BOUND + 1;

        @Override
        public void onEvent(Bar bar, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(new Watermark(max - BOUND - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Writes the feed while replaying the event-time policy per symbol, so every outcome is known. */
    private static final class Builder {
        private final TestMarket m;
        private final SplittableRandom r;
        private final double pWrong;
        private final double pLate;
        private final List<Long> out = new ArrayList<>();
        private final List<Bar> late = new ArrayList<>();
        private final int[] last;
        private final List<TreeSet<Integer>> pending = new ArrayList<>();
        /** Symbols whose wrong bar waits for its correction, with that bar's index. */
        private final Map<Integer, Integer> awaiting = new HashMap<>();
        private long max = Long.MIN_VALUE + BOUND + 1;
        private long wm = Long.MIN_VALUE;
        private int revisions;
        private int buffered;

        Builder(TestMarket m, long seed, double pWrong, double pLate) {
            this.m = m;
            this.r = new SplittableRandom(seed);
            this.pWrong = pWrong;
            this.pLate = pLate;
            this.last = new int[m.symbols];
            java.util.Arrays.fill(last, -1);
            for (int s = 0; s < m.symbols; s++) {
                pending.add(new TreeSet<>());
            }
        }

        Feed build() {
            for (int b = 0; b * 4 < m.bars; b++) {
                int size = Math.min(4, m.bars - b * 4);
                // Bars are reordered only within consecutive minutes, which the watermark's bound covers; a block that
                // spans a gap (the market's night or a missing minute) arrives in order.
                boolean consecutive = m.timeOf(b * 4 + size - 1) - m.timeOf(b * 4) == (size - 1) * TestMarket.STEP;
                int[][] order = new int[m.symbols][];
                for (int s = 0; s < m.symbols; s++) {
                    order[s] = consecutive ? shuffled(size) : inOrder(size);
                }
                for (int p = 0; p < size; p++) {
                    for (int s = 0; s < m.symbols; s++) {
                        int i = b * 4 + order[s][p];
                        if (!awaiting.containsKey(s) && r.nextDouble() < pWrong) {
                            emit(WRONG, s, i);
                            awaiting.put(s, i);
                            if (r.nextBoolean()) {
                                correct(s);
                            }
                        } else {
                            emit(CORRECT, s, i);
                        }
                        if (i >= LATE_DISTANCE && r.nextDouble() < pLate && last[s] > i - LATE_DISTANCE) {
                            emit(LATE, s, i - LATE_DISTANCE);
                        }
                        // A correction goes out as soon as its wrong bar is the last committed one: a replaceLast.
                        for (int w : List.copyOf(awaiting.keySet())) {
                            if (last[w] == awaiting.get(w)) {
                                correct(w);
                            }
                        }
                    }
                }
            }
            for (int w : List.copyOf(awaiting.keySet())) {
                correct(w);
            }
            long[] events = out.stream().mapToLong(Long::longValue).toArray();
            return new Feed(m, events, revisions, buffered, late);
        }

        private static int[] inOrder(int n) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            return a;
        }

        private int[] shuffled(int n) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            return a;
        }

        private void correct(int s) {
            emit(CORRECT, s, awaiting.remove(s));
        }

        /** Appends one bar and replays what the operator does with it and with the watermark that follows it. */
        private void emit(int kind, int s, int i) {
            long t = m.timeOf(i);
            if (kind != LATE) {
                // A later bar of a symbol whose correction is outstanding must not be committed before the correction.
                Integer w = awaiting.get(s);
                long next = Math.max(max, t) - BOUND - 1;
                if (w != null && kind == CORRECT && i != w && (i > w && t <= wm || next >= m.timeOf(w + 1))) {
                    correct(s);
                }
                for (int o : List.copyOf(awaiting.keySet())) {
                    if (o != s && next >= m.timeOf(awaiting.get(o) + 1)) {
                        correct(o);
                    }
                }
            }
            out.add(pack(kind, s, i));
            if (last[s] >= 0 && i < last[s]) {
                if (kind != LATE) {
                    throw new IllegalStateException("the feed would make bar " + i + " of " + s + " late");
                }
                late.add(m.wrong(s, i));
            } else if (kind == LATE) {
                throw new IllegalStateException("a late copy that is not late: " + i + " of " + s);
            } else if (i == last[s]) {
                revisions++;
            } else if (t <= wm) {
                last[s] = i;
            } else if (!pending.get(s).add(i)) {
                buffered++;
            }
            if (kind != LATE && t > max) {
                max = t;
            }
            long next = max - BOUND - 1;
            if (next > wm) {
                wm = next;
                for (int x = 0; x < m.symbols; x++) {
                    TreeSet<Integer> p = pending.get(x);
                    while (!p.isEmpty() && m.timeOf(p.first()) <= wm) {
                        last[x] = p.pollFirst();
                    }
                }
            }
        }
    }

    /** The events in order, decoded, for tests that drive a harness with the same feed. */
    List<Bar> bars() {
        List<Bar> out = new ArrayList<>(events.length);
        for (int n = 0; n < events.length; n++) {
            out.add(bar(n));
        }
        return out;
    }
}
