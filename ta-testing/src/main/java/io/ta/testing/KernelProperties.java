package io.ta.testing;

import static io.ta.testing.Exact.assertSame;
import static io.ta.testing.Exact.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ta.annotation.Complexity;
import io.ta.annotation.OutputKind;
import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * The properties every kernel must have. {@code KernelPropertiesTest} enrolls every kernel registered with
 * {@link java.util.ServiceLoader}; an extension jar enrolls its own with {@link #of}. Each property runs
 * {@code ta.examples} random cases (default 1000) from a fixed seed ({@code ta.seed}); a failure prints the case
 * (kernel, parameters, length, seed).
 */
public final class KernelProperties {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000);
    static final long SEED = Long.getLong("ta.seed", 0x7A5EEDL);

    private KernelProperties() {}

    /**
     * The seed the suite's random cases come from ({@code -Dta.seed}): for a test of one's own, such as an exact
     * reference for a kernel that keeps its whole history, whose data should change when a soak changes the suite's.
     *
     * @return the seed
     */
    public static long seed() {
        return SEED;
    }

    /**
     * Random cases per property ({@code -Dta.examples}, default 1000).
     *
     * @return the number of cases
     */
    public static int examples() {
        return EXAMPLES;
    }

    /**
     * Stream updates of the drift property ({@code -Dta.drift}): 10⁶ by default, 10⁸ with {@code -Dta.examples=100000}.
     *
     * @return the number of updates
     */
    public static long driftUpdates() {
        return NumericsProperties.DRIFT_UPDATES;
    }

    /**
     * All properties of one kernel, as a JUnit dynamic container.
     *
     * @param d the kernel
     * @return a container named after the kernel, one dynamic test per property
     */
    public static DynamicNode of(KernelDescriptor d) {
        return dynamicContainer(d.name(), Stream.of(
                dynamicTest("batch == stream update, bit for bit", () -> forAll(d, true, KernelProperties::batchEqualsStream)),
                dynamicTest("batch == range-chunked batch", () -> forAll(d, true, KernelProperties::batchEqualsChunks)),
                dynamicTest("preview then update == update", () -> forAll(d, true, KernelProperties::previewIsPure)),
                dynamicTest("replaceLast == the revised bar", () -> forAll(d, true, KernelProperties::replaceLastRevises)),
                dynamicTest("snapshot, restore, continue == uninterrupted", () -> forAll(d, true, KernelProperties::snapshotRestores)),
                dynamicTest("concurrent snapshots agree", () -> concurrentSnapshotsAgree(d)),
                dynamicTest("a counter of updates outlives 2^31 of them", () -> countersOutliveInts(d)),
                dynamicTest("reset == fresh stream", () -> forAll(d, true, KernelProperties::resetIsFresh)),
                dynamicTest("every single-byte corruption of a snapshot is rejected", () -> forAll(d, true, KernelProperties::corruptBytesAreRejected)),
                dynamicTest("hostile snapshot words fail at restore or run", () -> forAll(d, true, KernelProperties::hostileWordsFailOrRun)),
                dynamicTest("first valid index == lookback", () -> {
                    forAll(d, false, KernelProperties::lookbackIsExact);
                    lookbackIsExactAtLargeParameters(d);
                }),
                dynamicTest("causal, and recovers from a missing value", () -> forAll(d, false, KernelProperties::causalAndRecovers)),
                dynamicTest("bad parameters fail before any bar", () -> badParametersFail(d)),
                dynamicTest("an outlier is forgotten one window after it left", () -> NumericsProperties.outlierRecovery(d)),
                dynamicTest("no drift over a long stream", () -> NumericsProperties.longStreamDrift(d)),
                dynamicTest("extreme ticks do not end the stream", () -> NumericsProperties.extremeTickFades(d)),
                dynamicTest("across extreme ticks, batch = ranges = updates = restored snapshots", () -> NumericsProperties.pathsAgreeAcrossExtremeTicks(d)),
                dynamicTest("outputs scale with the prices as declared", () -> forAll(d, false, NumericsProperties::scaleEquivariance)),
                dynamicTest("per-bar cost does not grow with the period", () -> NumericsProperties.costIsNotLinear(d)),
                dynamicTest("cost as built is at most the declared cost", () -> forAll(d, false, KernelProperties::builtCostWithinDeclared))));
    }

    /**
     * Checks {@code property} on {@code ta.examples} random cases of {@code d}, shrinking a failure to a small case.
     *
     * @param d the kernel
     * @param dirty whether the cases may hold missing cells and extreme magnitudes
     * @param property throws (an assertion) on a case that violates it
     */
    public static void forAll(KernelDescriptor d, boolean dirty, Consumer<KernelCase> property) {
        qt().withExamples(EXAMPLES)
                .withFixedSeed(SEED ^ d.name().hashCode())
                .withShrinkCycles(20)
                .forAll(longs().all().map(seed -> KernelCase.of(d, seed, dirty)))
                .checkAssert(property);
    }

    /**
     * The descriptor's batch of a case, failing on any infinity (docs/spec.md §1.1).
     *
     * @param c the case
     * @return one array per output, aligned to the inputs
     */
    public static double[][] batch(KernelCase c) {
        double[][] b = c.descriptor().batch(c.params(), c.inputs());
        for (double[] out : b) {
            for (double v : out) {
                if (Double.isInfinite(v)) {
                    fail(c + ": batch emitted an infinity (docs/spec.md §1.1)");
                }
            }
        }
        return b;
    }

    static void batchEqualsStream(KernelCase c) {
        double[][] batch = batch(c);
        KernelStream s = c.descriptor().newStream(c.params());
        double[] out = new double[batch.length];
        for (int t = 0; t < c.length(); t++) {
            s.update(c.bar(t), out);
            assertSame(at(batch, t), out, t, "update");
        }
        assertEquals(c.length(), s.count());
        assertEquals(c.length() > s.lookback(), s.isReady());
        assertEquals(c.descriptor().lookback(c.params()), s.lookback());
        assertEquals(c.params(), s.params());
    }

    /**
     * The same state: {@code actual} holds {@code expected}'s words, where a NaN may have either sign. Snapshots keep a
     * double's raw bits, and the sign of a NaN that arithmetic makes depends on the order of its operands, which the JIT
     * may commute (x86 keeps the first operand's NaN): a range loop compiled by C2 and updates run by the interpreter
     * left one output's NaN as 0x7ff8… and 0xfff8… (pbands, about one case in 3,000). The first differing word is named.
     */
    static void assertSameState(StateSnapshot expected, StateSnapshot actual, String what) {
        long[] e = expected.words();
        long[] a = actual.words();
        boolean same = expected.kernel().equals(actual.kernel()) && expected.schema() == actual.schema()
                && e.length == a.length;
        for (int i = 0; same && i < e.length; i++) {
            boolean bothNaN = Double.isNaN(Double.longBitsToDouble(e[i])) && Double.isNaN(Double.longBitsToDouble(a[i]));
            if (e[i] != a[i] && !bothNaN) {
                fail(what + ": word " + i + " is 0x" + Long.toHexString(a[i]) + ", expected 0x" + Long.toHexString(e[i]));
            }
        }
        if (!same) {
            assertEquals(expected, actual, what);
        }
    }

    /**
     * {@code updateRange} in random chunks, short and long (a kernel of scalars steps a long one as a copy of its
     * kernel), gives the batch's outputs and leaves the stream as bar-by-bar updates do: the same snapshot after every
     * chunk, and the same revision of its last bar.
     */
    static void batchEqualsChunks(KernelCase c) {
        double[][] batch = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelStream s = c.descriptor().newStream(c.params());
        KernelStream byBar = c.descriptor().newStream(c.params());
        double[][] out = new double[batch.length][c.length()];
        double[] one = new double[batch.length];
        double[] other = new double[batch.length];
        int from = 0;
        while (from < c.length()) {
            int to = Math.min(c.length(), from + r.nextInt(r.nextBoolean() ? 4 : 64));
            s.updateRange(c.inputs(), out, from, to);
            for (int t = from; t < to; t++) {
                byBar.update(c.bar(t), one);
            }
            if (to > from) {
                assertSameState(byBar.snapshot(), s.snapshot(), "snapshot after updateRange(" + from + ", " + to + ")");
                if (r.nextInt(3) == 0) {
                    double[] wrong = other(c.bar(to - 1), r);
                    s.replaceLast(wrong, other);
                    byBar.replaceLast(wrong, one);
                    assertSame(one, other, to - 1, "replaceLast after updateRange(" + from + ", " + to + ")");
                    s.replaceLast(c.bar(to - 1), other);
                    byBar.replaceLast(c.bar(to - 1), one);
                }
            }
            from = to;
        }
        assertSame(batch, out, "chunked");
    }

    /**
     * The cost of the kernel built with a case's parameters, which the planner reads to decide on an own loop, is never
     * above the published cost that holds for every parameter.
     */
    static void builtCostWithinDeclared(KernelCase c) {
        Complexity built = c.descriptor().timeCost(c.params());
        assertTrue(built.compareTo(c.descriptor().timeCost()) <= 0,
                c + ": costs " + built.notation() + " as built, above its declared " + c.descriptor().timeCost().notation());
    }

    /**
     * A bar near {@code bar}, a missing one, or a bad tick (at an edge of the doubles, 1e8 times the bar), for previews
     * and for wrong updates that {@code replaceLast} corrects, as a feed corrects a bad tick.
     */
    static double[] other(double[] bar, SplittableRandom r) {
        double[] b = bar.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = switch (r.nextInt(12)) {
                case 0 -> Double.NaN;
                case 1 -> 0.0;
                case 2 -> Double.MAX_VALUE;
                case 3 -> -Double.MAX_VALUE;
                case 4 -> 1e200;
                case 5 -> -1e300;
                case 6 -> 1e-300;
                case 7 -> b[i] * 1e8;
                default -> b[i] * (1 + 0.1 * r.nextGaussian());
            };
        }
        return b;
    }

    static void previewIsPure(KernelCase c) {
        double[][] batch = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelStream s = c.descriptor().newStream(c.params());
        double[] out = new double[batch.length];
        double[] pv = new double[batch.length];
        for (int t = 0; t < c.length(); t++) {
            if (r.nextBoolean()) {
                s.preview(other(c.bar(t), r), pv);
            }
            s.preview(c.bar(t), pv);
            assertSame(at(batch, t), pv, t, "preview of the real bar");
            s.update(c.bar(t), out);
            assertSame(at(batch, t), out, t, "update after preview");
        }
        assertEquals(c.length(), s.count());
    }

    static void replaceLastRevises(KernelCase c) {
        double[][] batch = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelStream s = c.descriptor().newStream(c.params());
        double[] out = new double[batch.length];
        assertThrows(StreamStateException.class, () -> s.replaceLast(c.length() > 0 ? c.bar(0) : new double[c.inputs().length], out));
        for (int t = 0; t < c.length(); t++) {
            s.update(other(c.bar(t), r), out);
            int revisions = r.nextInt(3);
            for (int i = 0; i < revisions; i++) {
                if (r.nextBoolean()) {
                    s.preview(other(c.bar(t), r), out);
                }
                s.replaceLast(other(c.bar(t), r), out);
            }
            s.replaceLast(c.bar(t), out);
            assertSame(at(batch, t), out, t, "replaceLast with the real bar");
        }
        assertEquals(c.length(), s.count());
    }

    /** The most updates a stream's snapshot may count: far beyond any real stream, far from overflow. */
    static final long COUNT_LIMIT = 1L << 62;

    /**
     * A snapshot's words after its count, parameters and outputs: the committed bar and the kernel state, which a
     * preview must leave alone (the outputs are the preview's, by design).
     */
    private static long[] committed(KernelDescriptor d, ParamValues params, StateSnapshot snap) {
        StateReader r = snap.reader();
        r.getLong("count", 0, Long.MAX_VALUE);
        r.expectParams(params);
        for (int i = 0; i < d.outputs().size(); i++) {
            r.getDouble();
        }
        long[] w = snap.words();
        return Arrays.copyOfRange(w, w.length - r.remaining(), w.length);
    }

    static void snapshotRestores(KernelCase c) {
        double[][] batch = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelDescriptor d = c.descriptor();
        KernelStream s = d.newStream(c.params());
        int k = c.length() == 0 ? 0 : r.nextInt(c.length() + 1);
        double[] out = new double[batch.length];
        for (int t = 0; t < k; t++) {
            s.update(c.bar(t), out);
        }
        if (r.nextBoolean() && k < c.length()) {
            long[] before = committed(d, c.params(), s.snapshot());
            s.preview(c.bar(k), out);
            assertTrue(Arrays.equals(before, committed(d, c.params(), s.snapshot())),
                    c + ": a pending preview changed the snapshot's committed state");
        }
        StateSnapshot snap = s.snapshot();
        StateSnapshot decoded = StateSnapshot.fromBytes(snap.toBytes());
        assertEquals(snap, decoded);
        KernelStream restored = d.newStream(c.params());
        restored.update(other(c.length() > 0 ? c.bar(0) : new double[c.inputs().length], r), out); // dirty it first
        restored.restore(decoded);
        assertEquals(snap, restored.snapshot());
        assertEquals(s.count(), restored.count());
        if (k > 0 && r.nextBoolean()) {
            restored.replaceLast(c.bar(k - 1), out);
            assertSame(at(batch, k - 1), out, k - 1, "replaceLast right after restore");
        }
        // The same state with its update count at the limit (2^62) goes on as the original did, ready; one past the
        // limit is corrupt: a count of Long.MAX_VALUE would overflow on the next update.
        KernelStream aged = null;
        if (k > 0) {
            long[] words = snap.words();
            words[0] = COUNT_LIMIT + 1;
            StateSnapshot over = new StateSnapshot(d.name(), snap.schema(), words.clone());
            assertThrows(CorruptSnapshotException.class, () -> d.newStream(c.params()).restore(over),
                    "count past 2^62");
            words[0] = COUNT_LIMIT;
            aged = d.newStream(c.params());
            aged.restore(new StateSnapshot(d.name(), snap.schema(), words));
        }
        for (int t = k; t < c.length(); t++) {
            s.update(c.bar(t), out);
            assertSame(at(batch, t), out, t, "original after snapshot");
            restored.update(c.bar(t), out);
            assertSame(at(batch, t), out, t, "restored");
            if (aged != null) {
                aged.update(c.bar(t), out);
                assertSame(at(batch, t), out, t, "restored with 2^62 updates counted");
            }
        }
        if (aged != null) {
            assertEquals(COUNT_LIMIT + c.length() - k, aged.count());
            assertTrue(aged.isReady(), c + ": a stream of 2^62 updates is not ready");
        }
        // A snapshot only lands where it came from.
        ParamValues otherParams = KernelCase.params(d, r);
        if (!otherParams.equals(c.params())) {
            KernelStream foreign = d.newStream(otherParams);
            assertThrows(SnapshotMismatchException.class, () -> foreign.restore(snap), "restore with other parameters " + otherParams);
        }
        StateSnapshot wrongKernel = new StateSnapshot(d.name() + "_other", snap.schema(), snap.words());
        assertThrows(SnapshotMismatchException.class, () -> d.newStream(c.params()).restore(wrongKernel));
        if (snap.words().length > 0) {
            long[] cut = Arrays.copyOf(snap.words(), snap.words().length - 1);
            assertThrows(SnapshotMismatchException.class, () -> d.newStream(c.params()).restore(new StateSnapshot(d.name(), snap.schema(), cut)));
        }
        // The exact word count (docs/contracts.md, "Snapshots"): a word past the state is read by no part, so only the
        // final count check refuses it; accepted, the stream would snapshot to other words than it restored.
        long[] longer = Arrays.copyOf(snap.words(), snap.words().length + 1);
        assertThrows(CorruptSnapshotException.class,
                () -> d.newStream(c.params()).restore(new StateSnapshot(d.name(), snap.schema(), longer)),
                c + ": a word past the state");
    }

    /** Updates over which a word of the state must grow by one each to count as a counter of updates. */
    static final int COUNTING = 32;

    /**
     * A counter that grows with the stream is a {@code long} or saturates (docs/contracts.md, "Counters"): an
     * {@code int} that counts updates turns negative after 2^31 of them, some months of ticks, and no random case is
     * that long. So the property finds such counters in the snapshot, as words of the state that grow by one on each
     * of {@link #COUNTING} updates past twice the lookback, and restores each set to the limit of the stream's own
     * count (2^62): a counter a restore refuses there but accepts at 2^31 − 2 is an {@code int} (or bounded as one)
     * and fails. A word refused at both is bounded by a range or an invariant, and not a counter of the stream.
     */
    static void countersOutliveInts(KernelDescriptor d) {
        SplittableRandom r = new SplittableRandom(SEED ^ d.name().hashCode() ^ 0xC0047L);
        for (int example = 0; example < 4; example++) {
            ParamValues p = example == 0 ? ParamValues.defaults(d) : KernelCase.params(d, r);
            int before = 2 * (d.lookback(p) + 1);
            int n = before + COUNTING + 1;
            double[][] in = NumericsProperties.fold(d, new RandomBars(r.nextLong(), false).inputs(d.inputs(), n));
            KernelStream s = d.newStream(p);
            double[] out = new double[d.outputs().size()];
            double[] bar = new double[in.length];
            long[][] words = new long[n][];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < in.length; i++) {
                    bar[i] = in[i][t];
                }
                s.update(bar, out);
                if (t >= before) {
                    words[t] = s.snapshot().words();
                }
            }
            StateSnapshot last = s.snapshot();
            long[] w = last.words();
            int state = w.length - committed(d, p, last).length;
            for (int i = state; i < w.length; i++) {
                boolean counts = w[i] >= 0;
                for (int t = before + 1; counts && t < n; t++) {
                    counts = words[t].length == w.length && words[t - 1].length == w.length
                            && words[t][i] == words[t - 1][i] + 1;
                }
                if (counts && !restores(d, p, last, i, COUNT_LIMIT) && restores(d, p, last, i, Integer.MAX_VALUE - 1)) {
                    fail(d.name() + "(" + p + "): word " + i + " of the snapshot counts updates (" + w[i] + " after "
                            + n + ") and is refused at 2^62 but not at 2^31 - 2: an int counter, which overflows after"
                            + " 2^31 updates; keep it in a long, or let it saturate (docs/contracts.md, \"Counters\")");
                }
            }
        }
    }

    /** Whether {@code snap} with word {@code i} set to {@code value} restores. */
    private static boolean restores(KernelDescriptor d, ParamValues p, StateSnapshot snap, int i, long value) {
        long[] words = snap.words();
        words[i] = value;
        try {
            d.newStream(p).restore(new StateSnapshot(snap.kernel(), snap.schema(), words));
            return true;
        } catch (SnapshotMismatchException refused) {
            return false;
        }
    }

    /**
     * Two threads may snapshot one stream at once — Flink's heap state backend does exactly that when a checkpoint
     * serializes a key's state while the task thread copies it. A snapshot steps the kernel back one bar and forward
     * again; unguarded, one of them would get a state from the middle of a step, and the copy would compute wrong
     * numbers from then on.
     */
    static void concurrentSnapshotsAgree(KernelDescriptor d) throws Exception {
        SplittableRandom r = new SplittableRandom(SEED ^ d.name().hashCode());
        for (int example = 0; example < 4; example++) {
            KernelCase c = KernelCase.of(d, r.nextLong(), false);
            if (c.length() < 2) {
                continue;
            }
            double[][] batch = batch(c);
            KernelStream s = d.newStream(c.params());
            double[] out = new double[batch.length];
            int last = c.length() - 1;
            for (int t = 0; t < last; t++) {
                s.update(c.bar(t), out);
            }
            StateSnapshot reference = s.snapshot();
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<String> taker = () -> {
                start.await();
                for (int i = 0; i < 400; i++) {
                    StateSnapshot x = s.snapshot();
                    if (!x.equals(reference)) {
                        return "snapshot " + i + " differs from the one taken alone";
                    }
                }
                return null;
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> a = pool.submit(taker);
                Future<String> b = pool.submit(taker);
                String fa = a.get();
                String fb = b.get();
                assertTrue(fa == null && fb == null, c + ": " + (fa != null ? fa : fb));
            } finally {
                pool.shutdownNow();
            }
            s.update(c.bar(last), out);
            assertSame(at(batch, last), out, last, "update after concurrent snapshots");
        }
    }

    static void resetIsFresh(KernelCase c) {
        double[][] batch = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelStream s = c.descriptor().newStream(c.params());
        double[] out = new double[batch.length];
        int k = c.length() == 0 ? 0 : r.nextInt(c.length() + 1);
        for (int t = 0; t < k; t++) {
            s.update(c.bar(t), out);
        }
        s.reset();
        assertEquals(d(c).newStream(c.params()).snapshot(), s.snapshot(), "snapshot after reset");
        assertEquals(0, s.count());
        assertFalse(s.isReady() && s.lookback() >= 0);
        for (int t = 0; t < c.length(); t++) {
            s.update(c.bar(t), out);
            assertSame(at(batch, t), out, t, "after reset");
        }
    }

    private static KernelDescriptor d(KernelCase c) {
        return c.descriptor();
    }

    /** A stream fed a random prefix of the case, sometimes with a pending preview and a revised last bar. */
    static KernelStream fed(KernelCase c, SplittableRandom r) {
        KernelStream s = c.descriptor().newStream(c.params());
        double[] out = new double[c.descriptor().outputs().size()];
        int k = c.length() == 0 ? 0 : r.nextInt(c.length() + 1);
        for (int t = 0; t < k; t++) {
            s.update(c.bar(t), out);
        }
        if (k > 0 && r.nextBoolean()) {
            s.replaceLast(other(c.bar(k - 1), r), out);
        }
        if (k < c.length() && r.nextBoolean()) {
            s.preview(c.bar(k), out);
        }
        return s;
    }

    /**
     * CRC32C detects every single-byte change: a byte of an encoded snapshot replaced by another value makes
     * {@code fromBytes} throw our typed error — never a silently different state. Each case tries 8 random positions
     * (the header, the magic and the checksum included), so 1,000 cases cover every position of a kernel's snapshots
     * many times over; {@code SnapshotHardeningTest} tries all of them on one.
     */
    static void corruptBytesAreRejected(KernelCase c) {
        SplittableRandom r = new SplittableRandom(c.seed());
        byte[] bytes = fed(c, r).snapshot().toBytes();
        for (int i = 0; i < 8; i++) {
            int at = r.nextInt(bytes.length);
            byte[] bad = bytes.clone();
            bad[at] = (byte) (bad[at] + 1 + r.nextInt(255));
            try {
                StateSnapshot.fromBytes(bad);
                fail(c + ": a snapshot with byte " + at + " changed was accepted");
            } catch (SnapshotMismatchException expected) {
                assertFalse(expected.getMessage().contains("null"), expected.getMessage());
            }
        }
        for (int cut : new int[] {0, 1, bytes.length / 2, bytes.length - 1}) {
            SnapshotMismatchException e = assertThrows(SnapshotMismatchException.class,
                    () -> StateSnapshot.fromBytes(Arrays.copyOf(bytes, cut)), c + ": truncated to " + cut);
            assertFalse(e.getMessage().contains("null"), e.getMessage());
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(SnapshotMismatchException.class, () -> StateSnapshot.fromBytes(longer), c + ": a trailing byte");
        // The same byte inside the envelope, behind a checksum that matches: only the body's strict end refuses it.
        byte[] padded = resealed(bytes, (byte) r.nextInt(256));
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                () -> StateSnapshot.fromBytes(padded), c + ": a byte after the words, behind a valid checksum");
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    /** {@code bytes} (an encoded snapshot) with {@code extra} appended to the body and the checksum made good again. */
    static byte[] resealed(byte[] bytes, byte extra) {
        int body = bytes.length - 4;
        byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
        out[body] = extra;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(out, 0, body + 1);
        java.nio.ByteBuffer.wrap(out).putInt(body + 1, (int) crc.getValue());
        return out;
    }

    /** Values a hostile or damaged word may hold: boundaries, small counts, huge counts, special doubles, bit flips. */
    static long hostile(long w, SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> r.nextLong();
            case 1 -> r.nextInt(-3, 70);
            case 2 -> w + 1;
            case 3 -> w - 1;
            case 4 -> w ^ (1L << r.nextInt(64));
            case 5 -> Long.MAX_VALUE;
            case 6 -> Long.MIN_VALUE;
            case 7 -> Integer.MAX_VALUE;
            case 8 -> Double.doubleToRawLongBits(1e10);
            case 9 -> Double.doubleToRawLongBits(r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            case 10 -> Double.doubleToRawLongBits(Double.NaN);
            default -> Double.doubleToRawLongBits(-Double.longBitsToDouble(w));
        };
    }

    /**
     * Random word edits behind a valid checksum (what an attacker, or a bug in someone's storage layer, can produce):
     * restore either fails with our typed error and leaves the stream as it was, or gives a stream that snapshots to
     * the same words and whose next updates, previews and revisions neither throw, nor hang, nor emit an infinity.
     */
    static void hostileWordsFailOrRun(KernelCase c) {
        SplittableRandom r = new SplittableRandom(c.seed());
        KernelDescriptor d = c.descriptor();
        StateSnapshot snap = fed(c, r).snapshot();
        long[] words = snap.words();
        if (words.length == 0) {
            return;
        }
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = r.nextInt(words.length);
            words[at] = hostile(words[at], r);
        }
        StateSnapshot bad = StateSnapshot.fromBytes(new StateSnapshot(snap.kernel(), snap.schema(), words).toBytes());
        KernelStream s = d.newStream(c.params());
        StateSnapshot before = s.snapshot();
        try {
            s.restore(bad);
        } catch (SnapshotMismatchException refused) {
            assertEquals(before, s.snapshot(), c + ": a refused restore changed the stream");
            if (refused.getMessage().contains(Checks.REPLAY_FAILED)) {
                // The user gets a typed error, but no declared check refused the words: the step crashed on them, and
                // in a snapshot with no bar to replay (taken before the first update) the same word crashes an update.
                fail(c + ": restore refused hostile words only because stepping the last bar again threw "
                        + refused.getCause() + "; declare the @Range (or @Invariant) of the field it trusts", refused);
            }
            return;
        }
        assertEquals(bad, s.snapshot(), c + ": an accepted snapshot does not round-trip");
        double[] out = new double[d.outputs().size()];
        withDeadline(c + ": updates after a hostile restore", () -> {
            for (int t = 0; t < 24; t++) {
                double[] bar = c.length() == 0 ? new double[c.inputs().length] : other(c.bar(r.nextInt(c.length())), r);
                switch (r.nextInt(4)) {
                    case 0 -> s.preview(bar, out);
                    case 1 -> {
                        if (s.count() > 0) {
                            s.replaceLast(bar, out);
                        }
                    }
                    default -> s.update(bar, out);
                }
                for (double v : out) {
                    if (Double.isInfinite(v)) {
                        fail(c + ": emitted an infinity after a hostile restore");
                    }
                }
            }
            s.snapshot();
        });
    }

    /** One reusable worker, so a deadline costs no thread per case; replaced when a task overran. */
    private static ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "kernel-properties-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code body}, failing if it throws or takes more than 20 seconds (a hang). */
    static synchronized void withDeadline(String what, Runnable body) {
        var f = worker.submit(body);
        try {
            f.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException hang) {
            f.cancel(true);
            worker = newWorker();
            fail(what + " hang (more than 20 s)");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(what + " was interrupted", e);
        }
    }

    /** On clean input, outputs are warm-up before the lookback and valid from it on (docs/spec.md §1.2). */
    static void lookbackIsExact(KernelCase c) {
        double[][] batch = batch(c);
        OutputKind kind = c.descriptor().kind();
        int kernelLookback = c.descriptor().lookback(c.params());
        int widest = 0;
        for (int o = 0; o < batch.length; o++) {
            double[] out = batch[o];
            int lb = c.descriptor().lookback(c.params(), o);
            widest = Math.max(widest, lb);
            for (int t = 0; t < out.length; t++) {
                double v = out[t];
                switch (kind) {
                    case NUMBER -> {
                        if (t < lb && !Double.isNaN(v)) {
                            fail(c + ": bar " + t + " is " + v + " before the lookback " + lb);
                        }
                        if (t >= lb && Double.isNaN(v)) {
                            fail(c + ": bar " + t + " is NaN at or after the lookback " + lb);
                        }
                    }
                    case FLAG -> {
                        if (v != 0.0 && v != 1.0) {
                            fail(c + ": flag output " + v + " at bar " + t);
                        }
                        if (t < lb && v != 0.0) {
                            fail(c + ": flag set at bar " + t + " before the lookback " + lb);
                        }
                    }
                    case LEVEL -> {
                        if (t < lb && !Double.isNaN(v) && v != 0.0) {
                            fail(c + ": pattern value " + v + " at bar " + t + " before the earliest index " + lb);
                        }
                    }
                }
            }
        }
        assertEquals(kernelLookback, widest, c + ": the kernel lookback is the largest output lookback");
    }

    /**
     * {@link #lookbackIsExact} on one clean case with every {@code int} parameter near 100,000 (as far as its range and
     * the cross-parameter rules allow). The random cases draw periods at most 60 above a parameter's minimum, so a
     * window that stops growing at some size, or a lookback formula wrong only for long periods, shows only here.
     * Kernels that declare O(n) per bar are left out: 10^5 bars of 10^5 steps each.
     */
    static void lookbackIsExactAtLargeParameters(KernelDescriptor d) {
        if (d.timeCost() == Complexity.LINEAR || d.params().stream().noneMatch(s -> s.type() == ParamType.INT)) {
            return;
        }
        SplittableRandom r = new SplittableRandom(SEED ^ d.name().hashCode() ^ 0x1A26EL);
        ParamValues p = NumericsProperties.near(d, 100_000, r);
        if (p == null) {
            return;
        }
        long seed = r.nextLong();
        int n = d.lookback(p) + 1 + 60;
        double[][] in = NumericsProperties.fold(d, new RandomBars(seed, false).inputs(d.inputs(), n));
        lookbackIsExact(new KernelCase(d, p, in, seed, false));
    }

    /**
     * Changing bar p changes nothing before p (causality); a single missing value at p leaves every output from
     * {@code p + lookback + 1} on valid again (docs/spec.md §5.2: NaN never poisons a stream for good).
     */
    static void causalAndRecovers(KernelCase c) {
        if (c.length() == 0) {
            return;
        }
        double[][] clean = batch(c);
        SplittableRandom r = new SplittableRandom(c.seed());
        int p = r.nextInt(c.length());
        double[][] holed = new double[c.inputs().length][];
        for (int i = 0; i < holed.length; i++) {
            holed[i] = c.inputs()[i].clone();
        }
        int which = r.nextInt(holed.length);
        holed[which][p] = Double.NaN;
        double[][] after = c.descriptor().batch(c.params(), holed);
        int lb = c.descriptor().lookback(c.params());
        for (int o = 0; o < clean.length; o++) {
            for (int t = 0; t < p; t++) {
                if (!Exact.same(clean[o][t], after[o][t])) {
                    fail(c + ": a change at bar " + p + " changed output " + o + " at earlier bar " + t);
                }
            }
            if (c.descriptor().kind() == OutputKind.NUMBER) {
                for (int t = Math.max(lb, p + lb + 1); t < c.length(); t++) {
                    if (Double.isNaN(after[o][t])) {
                        fail(c + ": still NaN at bar " + t + " after a single missing value at bar " + p + " (lookback " + lb + ")");
                    }
                }
            }
        }
    }

    /**
     * Every numeric parameter just outside its range, NaN and infinite reals, and every violated cross-parameter rule
     * are rejected with the kernel and the parameter(s) named.
     */
    static void badParametersFail(KernelDescriptor d) {
        ParamValues ok = KernelCase.params(d, new SplittableRandom(1));
        for (var rule : d.requires()) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(ok.asMap());
            // make the rule fail by setting left to right's value (fails <, >) or beyond it (fails <=, >=)
            double r = ((Number) m.get(rule.right())).doubleValue();
            double l = switch (rule.op()) {
                case LT -> r;
                case LE -> r + 1;
                case GT -> r;
                case GE -> r - 1;
            };
            var leftSpec = d.params().stream().filter(s -> s.name().equals(rule.left())).findFirst().orElseThrow();
            if (!leftSpec.inRange(l)) {
                continue; // the rule cannot be broken without breaking a range first
            }
            m.put(rule.left(), leftSpec.type() == io.ta.spi.ParamType.INT ? (Object) (int) l : (Object) l);
            var e = assertThrows(io.ta.error.InvalidParameterException.class, () -> d.newStream(ParamValues.of(d, m)),
                    d.name() + ": " + rule + " must be enforced");
            assertEquals(java.util.List.of(rule.left(), rule.right()), e.parameters());
        }
        for (int i = 0; i < d.params().size(); i++) {
            var spec = d.params().get(i);
            java.util.List<Object> bad = new java.util.ArrayList<>();
            switch (spec.type()) {
                case INT -> {
                    if (spec.min() > Integer.MIN_VALUE) {
                        bad.add((int) spec.min() - (spec.minExclusive() ? 0 : 1));
                    }
                    if (spec.max() < Integer.MAX_VALUE) {
                        bad.add((int) spec.max() + (spec.maxExclusive() ? 0 : 1));
                    }
                }
                case REAL -> {
                    bad.add(Double.NaN);
                    bad.add(Double.POSITIVE_INFINITY);
                    if (Double.isFinite(spec.min())) {
                        bad.add(spec.minExclusive() ? spec.min() : Math.nextDown(spec.min()));
                    }
                    if (Double.isFinite(spec.max())) {
                        bad.add(spec.maxExclusive() ? spec.max() : Math.nextUp(spec.max()));
                    }
                }
                default -> { }
            }
            for (Object v : bad) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(ok.asMap());
                m.put(spec.name(), v);
                var e = assertThrows(io.ta.error.InvalidParameterException.class, () -> d.newStream(ParamValues.of(d, m)),
                        d.name() + ": " + spec.name() + "=" + v + " must be rejected");
                assertTrue(e.getMessage().startsWith(d.name() + ": " + spec.name() + " "), e.getMessage());
                assertTrue(e.parameters().contains(spec.name()));
                assertThrows(io.ta.error.InvalidParameterException.class, () -> d.lookback(ParamValues.of(d, m)));
            }
            // The twin: each finite end a range includes is a valid value (lookback validates without allocating a
            // window as large as the bound), unless it breaks a cross-parameter rule with the other values.
            java.util.List<Object> edges = new java.util.ArrayList<>();
            if (spec.type() == ParamType.INT || spec.type() == ParamType.REAL) {
                if (Double.isFinite(spec.min()) && !spec.minExclusive()) {
                    edges.add(spec.type() == ParamType.INT ? (Object) (int) spec.min() : (Object) spec.min());
                }
                if (Double.isFinite(spec.max()) && !spec.maxExclusive()) {
                    edges.add(spec.type() == ParamType.INT ? (Object) (int) spec.max() : (Object) spec.max());
                }
            }
            for (Object v : edges) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(ok.asMap());
                m.put(spec.name(), v);
                boolean rulesHold = d.requires().stream().allMatch(rule -> rule.holds(
                        ((Number) m.get(rule.left())).doubleValue(), ((Number) m.get(rule.right())).doubleValue()));
                if (rulesHold) {
                    ParamValues p = ParamValues.of(d, m);
                    d.lookback(p); // throws, and fails the property, if the range's own end is refused
                }
            }
        }
    }
}
