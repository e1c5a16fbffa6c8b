package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.testing.Descriptors;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import io.ta.state.DoubleRing;
import io.ta.state.SlidingExtreme;
import io.ta.state.OrderStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshot cases of issue 9, each reproduced: before format 2, 495 of the single-byte corruptions of an sma
 * snapshot restored silently, corrupted mama/ht_* snapshots threw ArrayIndexOutOfBounds on the next update,
 * rolling_median threw IllegalStateException, a smooth period of 1e10 made one ht_sine update take 40 s, and a reset
 * stream's snapshot differed from a fresh one's. Also: parameter mismatches in parameter names, typed errors for null
 * and truncated bytes and null arrays, and window memory that grows with the data.
 */
class SnapshotHardeningTest {
    /** A random walk with a few missing values. */
    static double[] prices(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= 1 + 0.01 * r.nextGaussian();
            x[i] = r.nextInt(40) == 0 ? Double.NaN : p;
        }
        return x;
    }

    static KernelStream fed(String kernel, Map<String, ?> params, int bars) {
        KernelDescriptor d = Descriptors.named(kernel);
        KernelStream s = d.newStream(ParamValues.of(d, params));
        double[] x = prices(bars, 7);
        double[] bar = new double[d.inputs().size()];
        double[] out = new double[d.outputs().size()];
        for (double v : x) {
            for (int i = 0; i < bar.length; i++) {
                bar[i] = v * (1 + 0.001 * i);
            }
            s.update(bar, out);
        }
        return s;
    }

    @Test
    void everySingleByteCorruptionOfAnSmaSnapshotIsRejected() {
        byte[] bytes = fed("sma", Map.of("period", 20), 100).snapshot().toBytes();
        int rejected = 0;
        for (int at = 0; at < bytes.length; at++) {
            for (int delta = 1; delta < 256; delta++) {
                byte[] bad = bytes.clone();
                bad[at] = (byte) (bad[at] + delta);
                try {
                    StateSnapshot.fromBytes(bad);
                    fail("byte " + at + " + " + delta + " was accepted");
                } catch (SnapshotMismatchException e) {
                    rejected++;
                    if (at >= 6 && at < bytes.length - 4) {
                        assertTrue(e.getMessage().startsWith("corrupt state snapshot: checksum mismatch"), e.getMessage());
                    }
                }
            }
        }
        assertEquals(bytes.length * 255, rejected);
    }

    @Test
    void nullTruncatedAndPaddedBytesSayWhatIsWrong() {
        assertEquals("no state snapshot: the bytes are null",
                assertThrows(CorruptSnapshotException.class, () -> StateSnapshot.fromBytes(null)).getMessage());
        assertEquals("truncated state snapshot: 3 bytes, fewer than the 10 of an empty one",
                assertThrows(CorruptSnapshotException.class, () -> StateSnapshot.fromBytes(new byte[3])).getMessage());
        byte[] bytes = fed("sma", Map.of("period", 5), 10).snapshot().toBytes();
        String cut = assertThrows(CorruptSnapshotException.class,
                () -> StateSnapshot.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 8))).getMessage();
        assertTrue(cut.startsWith("corrupt state snapshot: checksum mismatch"), cut);
        byte[] notOurs = "PK\u0003\u0004 some zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("not a ta state snapshot: it starts with 0x504b0304, expected 0x5441534e",
                assertThrows(CorruptSnapshotException.class, () -> StateSnapshot.fromBytes(notOurs)).getMessage());
        byte[] format1 = bytes.clone();
        format1[5] = 1;
        SnapshotMismatchException old = assertThrows(SnapshotMismatchException.class, () -> StateSnapshot.fromBytes(format1));
        assertFalse(old instanceof CorruptSnapshotException);
        assertTrue(old.getMessage().startsWith("unsupported state snapshot format 1 (this build reads format 2"), old.getMessage());
    }

    @Test
    void aMismatchNamesTheParametersNotInternalFields() {
        StateSnapshot rsi14 = fed("rsi", Map.of("period", 14), 30).snapshot();
        KernelDescriptor rsi = Descriptors.named("rsi");
        SnapshotMismatchException e = assertThrows(SnapshotMismatchException.class,
                () -> rsi.newStream(ParamValues.of(rsi, Map.of("period", 20))).restore(rsi14));
        assertFalse(e instanceof CorruptSnapshotException);
        assertEquals("rsi: snapshot was taken with period=14, this stream has period=20", e.getMessage());

        StateSnapshot bb = fed("bbands", Map.of("period", 20, "std_dev", 2.0), 30).snapshot();
        KernelDescriptor bbands = Descriptors.named("bbands");
        e = assertThrows(SnapshotMismatchException.class,
                () -> bbands.newStream(ParamValues.of(bbands, Map.of("period", 20, "std_dev", 2.5))).restore(bb));
        assertEquals("bbands: snapshot was taken with std_dev=2, this stream has std_dev=2.5", e.getMessage());

        StateSnapshot ma = fed("ma", Map.of("period", 10, "ma_type", "ema"), 30).snapshot();
        KernelDescriptor maD = Descriptors.named("ma");
        e = assertThrows(SnapshotMismatchException.class,
                () -> maD.newStream(ParamValues.of(maD, Map.of("period", 10, "ma_type", "sma"))).restore(ma));
        assertEquals("ma: snapshot was taken with ma_type=ema, this stream has ma_type=sma", e.getMessage());
    }

    @Test
    void parametersAreComparedBitForBit() {
        StateSnapshot t3 = fed("t3", Map.of("period", 5, "v_factor", 0.0), 40).snapshot();
        long[] words = t3.words();
        words[2] = Double.doubleToRawLongBits(-0.0); // count, period, v_factor, ...
        StateSnapshot negativeZero = new StateSnapshot(t3.kernel(), t3.schema(), words);
        KernelDescriptor d = Descriptors.named("t3");
        SnapshotMismatchException e = assertThrows(SnapshotMismatchException.class,
                () -> d.newStream(ParamValues.of(d, Map.of("period", 5, "v_factor", 0.0))).restore(negativeZero));
        assertEquals("t3: snapshot was taken with v_factor=-0.0, this stream has v_factor=0.0", e.getMessage());
    }

    /** Every word of a snapshot set to each hostile value, behind a valid checksum. */
    static List<String> editEveryWord(KernelStream original, long[] hostile) {
        StateSnapshot snap = original.snapshot();
        long[] words = snap.words();
        KernelDescriptor d = original.descriptor();
        List<String> refusals = new ArrayList<>();
        for (int at = 0; at < words.length; at++) {
            for (long h : hostile) {
                long[] edited = words.clone();
                edited[at] = h;
                StateSnapshot bad = StateSnapshot.fromBytes(new StateSnapshot(snap.kernel(), snap.schema(), edited).toBytes());
                KernelStream s = d.newStream(original.params());
                try {
                    s.restore(bad);
                } catch (SnapshotMismatchException refused) {
                    refusals.add(refused.getMessage());
                    continue;
                }
                long start = System.nanoTime();
                double[] bar = new double[d.inputs().size()];
                double[] out = new double[d.outputs().size()];
                for (int t = 0; t < 30; t++) {
                    java.util.Arrays.fill(bar, 100 + t % 7);
                    s.update(bar, out);
                    s.preview(bar, out);
                    s.replaceLast(bar, out);
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(ms < 2_000, d.name() + ": word " + at + " = " + h + " made 30 updates take " + ms + " ms");
            }
        }
        return refusals;
    }

    static final long[] HOSTILE = {
        -1, 3, 7, 1000, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        Double.doubleToRawLongBits(1e10), Double.doubleToRawLongBits(-1e10), Double.doubleToRawLongBits(Double.NaN),
        Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)
    };

    @ParameterizedTest
    @ValueSource(strings = {"mama", "ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendmode", "ht_trendline"})
    void corruptedHilbertSnapshotsFailAtRestoreNeverAtUpdate(String kernel) {
        List<String> refusals = editEveryWord(fed(kernel, Map.of(), 200), HOSTILE);
        assertTrue(refusals.stream().anyMatch(m -> m.contains("hilbert.slot holds 3, outside its range [0, 2]")), refusals::toString);
        assertTrue(refusals.stream().anyMatch(m -> m.contains("hilbert.smoothPeriod holds 1.0E10, outside its range [0, 50]")),
                refusals::toString);
    }

    @Test
    void htSineWithASmoothPeriodOf1e10IsRefusedNotSlow() {
        List<String> refusals = editEveryWord(fed("ht_sine", Map.of(), 100), new long[] {Double.doubleToRawLongBits(1e10)});
        assertTrue(refusals.contains("ht_sine: corrupt snapshot: hilbert.smoothPeriod holds 1.0E10, outside its range [0, 50]"),
                refusals::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rolling_median", "rolling_max", "maxindex", "kama", "fib_retracement", "sma", "wma", "cci"})
    void corruptedWindowSnapshotsFailAtRestoreNeverAtUpdate(String kernel) {
        List<String> refusals = editEveryWord(fed(kernel, Map.of(), 60), HOSTILE);
        assertFalse(refusals.isEmpty());
        for (String m : refusals) {
            assertFalse(m.contains("null"), m);
        }
    }

    @Test
    void aRingThatClaimsMoreValuesThanItsCapacityIsCorrupt() {
        KernelStream s = fed("shift", Map.of("periods", 5), 3);
        TreeSet<String> refusals = new TreeSet<>(editEveryWord(s, new long[] {6}));
        assertTrue(refusals.stream().anyMatch(m -> m.contains("ring size claims 6 values")), refusals::toString);
    }

    /**
     * vortex counts, per term, the pushes since it was last missing and reads its triple's sum once the count reaches
     * the period, and it pushes a missing VM as 0: a snapshot that claims a full count before the triple has filled
     * its window, or that puts a NaN into a window whose counts are full, would read a sum the stream never had, so it
     * is refused.
     */
    @Test
    void vortexRefusesACleanRunLongerThanItsPushesAndAMissingTerm() {
        String broken = "breaks its invariant cleanRunsFitThePushes()";
        KernelStream early = fed("vortex", Map.of("period", 14), 5);
        assertTrue(editEveryWord(early, new long[] {14}).stream().anyMatch(m -> m.contains(broken)));
        KernelStream full = fed("vortex", Map.of("period", 14), 40);
        assertTrue(editEveryWord(full, new long[] {Double.doubleToRawLongBits(Double.NaN)}).stream()
                .anyMatch(m -> m.contains(broken)));
    }

    @Test
    void resetStreamsSnapshotLikeFreshOnes() {
        for (KernelDescriptor d : Descriptors.all()) {
            ParamValues p = ParamValues.defaults(d);
            KernelStream s = d.newStream(p);
            double[] bar = new double[d.inputs().size()];
            double[] out = new double[d.outputs().size()];
            for (int t = 0; t < 80; t++) {
                java.util.Arrays.fill(bar, 50 + (t * 7) % 11);
                s.update(bar, out);
            }
            s.replaceLast(bar, out);
            s.preview(bar, out);
            s.reset();
            assertEquals(d.newStream(p).snapshot(), s.snapshot(), d.name());
        }
    }

    @Test
    void nullArraysAreShapeErrors() {
        KernelStream s = Descriptors.named("sma").newStream(ParamValues.defaults(Descriptors.named("sma")));
        assertEquals("sma: the inputs array is null (expected 1 values)",
                assertThrows(ShapeMismatchException.class, () -> s.update(null, new double[1])).getMessage());
        assertThrows(ShapeMismatchException.class, () -> s.preview(new double[1], null));
        assertThrows(ShapeMismatchException.class, () -> s.replaceLast(null, null));
        assertThrows(ShapeMismatchException.class, () -> s.updateRange(null, new double[1][1], 0, 1));
        assertThrows(ShapeMismatchException.class, () -> s.updateRange(new double[][] {null}, new double[1][1], 0, 1));
        assertEquals("sma: snapshot is null", assertThrows(SnapshotMismatchException.class, () -> s.restore(null)).getMessage());
    }

    @Test
    void windowsGrowWithTheData() {
        DoubleRing ring = new DoubleRing(100_000);
        SlidingExtreme max = SlidingExtreme.max(100_000);
        OrderStatistics median = new OrderStatistics(100_000);
        for (int i = 0; i < 10; i++) {
            ring.push(i);
            max.push(i);
            median.push(i);
        }
        assertTrue(ring.allocated() <= 16, "ring " + ring.allocated());
        assertTrue(max.allocated() <= 16, "extreme " + max.allocated());
        for (int i = 10; i < 150_000; i++) {
            ring.push(i);
            max.push(i);
        }
        assertEquals(131_072, ring.allocated()); // the power of two from 100,002 up
        assertEquals(400_000, max.allocated()); // no positions until asked for
        assertEquals(149_999 - 99_999, (long) ring.oldest());
        assertEquals(149_999.0, max.value());
        assertEquals(149_999, max.index());
        assertEquals(600_000, max.allocated());
    }

    /** Issue 9: 10,000 symbols × sma(close, 100000) allocated every full window up front (8 GB) and died. */
    @Test
    void tenThousandLongWindowStreamsFitInLittleMemory() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        List<Object> streams = new ArrayList<>();
        for (int sym = 0; sym < 10_000; sym++) {
            var sma = Ta.smaStream(100_000);
            var max = Ta.rollingMaxStream(100_000);
            for (int t = 0; t < 10; t++) {
                sma.update(100 + t);
                max.update(100 + t);
            }
            streams.add(sma);
            streams.add(max);
        }
        System.gc();
        long used = rt.totalMemory() - rt.freeMemory() - before;
        assertTrue(used < 256L << 20, "10,000 sma and rolling_max streams of 100,000 bars hold " + (used >> 20) + " MB");
        assertEquals(20_000, streams.size());
    }

    /**
     * Every kind of window part grows with the data: a stream over a 100,000-bar window that has seen 10 bars holds a
     * few kilobytes, not the 800 KB or more of a full window (exact sums, moments, order statistics, ranks, extremes,
     * rings).
     */
    @ParameterizedTest
    @ValueSource(strings = {"sma", "wma", "rolling_std", "linearreg", "correl", "rolling_median", "percent_rank", "cci",
        "skew", "cti", "rolling_max", "maxindex", "shift", "kama"})
    void aLongWindowThatHasSeenTenBarsHoldsLittleMemory(String kernel) {
        KernelDescriptor d = Descriptors.named(kernel);
        String param = d.params().stream().map(p -> p.name()).filter(n -> n.equals("period") || n.equals("periods"))
                .findFirst().orElseThrow();
        ParamValues p = ParamValues.of(d, Map.of(param, 100_000));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        List<KernelStream> streams = new ArrayList<>();
        double[] bar = new double[d.inputs().size()];
        double[] out = new double[d.outputs().size()];
        for (int sym = 0; sym < 500; sym++) {
            KernelStream s = d.newStream(p);
            for (int t = 0; t < 10; t++) {
                for (int i = 0; i < bar.length; i++) {
                    bar[i] = 100 + t + i;
                }
                s.update(bar, out);
            }
            streams.add(s);
        }
        System.gc();
        long perStream = (rt.totalMemory() - rt.freeMemory() - before) / streams.size();
        assertTrue(perStream < 32 << 10, kernel + "(" + param + "=100000) after 10 bars holds " + perStream + " bytes per stream");
    }

    /** A derived constant (alma's weights) is recomputed from the parameters, not carried in the snapshot. */
    @Test
    void derivedWeightsAreNotInTheSnapshot() {
        KernelStream alma = fed("alma", Map.of("period", 1000), 10);
        assertTrue(alma.snapshot().words().length < 40, "alma snapshot of 10 bars: " + alma.snapshot().words().length + " words");
        KernelStream copy = Descriptors.named("alma").newStream(alma.params());
        copy.restore(alma.snapshot());
        double[] bar = new double[1];
        double[] a = new double[1];
        double[] b = new double[1];
        for (int t = 0; t < 1200; t++) {
            bar[0] = 100 + Math.sin(t);
            alma.update(bar, a);
            copy.update(bar, b);
            assertEquals(Double.doubleToRawLongBits(a[0]), Double.doubleToRawLongBits(b[0]), "bar " + t);
        }
    }
}
