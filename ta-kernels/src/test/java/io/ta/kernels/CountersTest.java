package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.CorruptSnapshotException;
import io.ta.kernels.cycle.HtDcPeriod;
import io.ta.kernels.cycle.HtDcPeriod_State;
import io.ta.kernels.cycle.HtTrendMode;
import io.ta.kernels.cycle.HtTrendMode_State;
import io.ta.kernels.ma.Kama;
import io.ta.kernels.ma.Kama_State;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.ma.Sma_State;
import io.ta.kernels.stats.RollingMedian;
import io.ta.kernels.stats.RollingMedian_State;
import io.ta.kernels.stats.RollingSum;
import io.ta.kernels.stats.RollingSum_State;
import io.ta.testing.Descriptors;
import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.lang.reflect.Field;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * No counter can overflow in a stream that runs for years. A stream cannot be run 2³¹ times in a unit test, so each
 * case builds the snapshot such a stream would have — its counters moved past 2³¹, everything else from a real run —
 * restores it, and checks that the stream then computes exactly what an uninterrupted stream does. With the old
 * {@code int} counters (kama's values seen, the Hilbert core's bar count, ht_trendmode's trend length) every output
 * after update 2³¹ was NaN or wrong.
 */
class CountersTest {
    static final long FAR = (1L << 31) + 12_345;

    /** Sets an instance field, whatever its declaring class (reflection: kernel state is package-private). */
    static void set(Object target, String field, Object value) {
        try {
            Class<?> c = target.getClass();
            while (c != null) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(field)) {
                        f.setAccessible(true);
                        f.set(target, value);
                        return;
                    }
                }
                c = c.getSuperclass();
            }
            throw new IllegalArgumentException("no field " + field + " in " + target.getClass());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object get(Object target, String field) {
        try {
            Class<?> c = target.getClass();
            while (c != null) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(field)) {
                        f.setAccessible(true);
                        return f.get(target);
                    }
                }
                c = c.getSuperclass();
            }
            throw new IllegalArgumentException("no field " + field + " in " + target.getClass());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static double[] walk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v *= 1 + 0.01 * r.nextGaussian();
            x[i] = v;
        }
        return x;
    }

    /**
     * Runs {@code make} over the first {@code k − 1} values, lets {@code age} move its counters as if the stream were
     * {@code FAR} updates old, writes the snapshot of that stream (the state before its last bar, then bar
     * {@code k − 1}, as a stream's snapshot holds them), restores it into a fresh stream of {@code name} and checks the
     * rest of {@code x} bit for bit against an uninterrupted kernel.
     */
    static <K> void ages(String name, ParamValues params, Function<ParamValues, K> make,
            Function<K, DoubleUnaryOperator> stepOf, BiConsumer<K, StateWriter> writeState,
            long schema, java.util.function.Consumer<K> age, double[] x, int k) {
        K aged = make.apply(params);
        K plain = make.apply(params);
        DoubleUnaryOperator agedStep = stepOf.apply(aged);
        DoubleUnaryOperator plainStep = stepOf.apply(plain);
        for (int t = 0; t < k - 1; t++) {
            agedStep.applyAsDouble(x[t]);
            plainStep.applyAsDouble(x[t]);
        }
        age.accept(aged);
        double last = Checks.finiteOrNaN(plainStep.applyAsDouble(x[k - 1]));
        StateWriter w = new StateWriter();
        w.putLong(FAR);
        w.putParams(params);
        w.putDouble(last);
        w.putDouble(x[k - 1]);
        writeState.accept(aged, w);
        KernelDescriptor d = Descriptors.named(name);
        KernelStream s = d.newStream(params);
        s.restore(new StateSnapshot(name, schema, w.toArray()));
        assertEquals(FAR, s.count());
        double[] out = new double[1];
        for (int t = k; t < x.length; t++) {
            s.update(new double[] {x[t]}, out);
            double expected = Checks.finiteOrNaN(plainStep.applyAsDouble(x[t]));
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[0]),
                    name + " after 2^31 updates: bar " + t + " is " + out[0] + ", an uninterrupted stream gives " + expected);
        }
        // Not vacuous: the stream produced values.
        assertEquals(false, Double.isNaN(out[0]), name + " ends in NaN");
    }

    /**
     * Kama's count of values seen saturates at {@code period + 1}, so a stream 2³¹ updates old holds the same kama
     * state as one {@code period + 1} updates old and continues exactly; a count beyond the saturation is no state a
     * stream can reach, and a snapshot claiming one is refused.
     */
    @Test
    void kamaKeepsWorkingAfterTwoToThe31Updates() {
        ParamValues p = ParamValues.defaults(Descriptors.named("kama"));
        double[] x = walk(400, 1);
        ages("kama", p, q -> new Kama(30, 2, 30), k -> k::step, Kama_State::writeState, Kama_State.SCHEMA, k -> {}, x, 200);
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                () -> ages("kama", p, q -> new Kama(30, 2, 30), k -> k::step, Kama_State::writeState, Kama_State.SCHEMA,
                        k -> set(k, "seen", Integer.MAX_VALUE), x, 200));
        assertEquals("kama: corrupt snapshot: kama.seen holds 2147483647, outside its range [0, 31]", e.getMessage());
        // The previous value kama keeps beside its ring must be the ring's newest: a snapshot that disagrees is refused.
        CorruptSnapshotException p2 = assertThrows(CorruptSnapshotException.class,
                () -> ages("kama", p, q -> new Kama(30, 2, 30), k -> k::step, Kama_State::writeState, Kama_State.SCHEMA,
                        k -> set(k, "previous", (double) get(k, "previous") * 2), x, 200));
        assertEquals("kama: corrupt snapshot: kama state breaks its invariant ringAndPreviousHoldWhatWasSeen()", p2.getMessage());
    }

    @Test
    void theHilbertCoreKeepsWorkingAfterTwoToThe31Bars() {
        ParamValues p = ParamValues.defaults(Descriptors.named("ht_dcperiod"));
        double[] x = walk(400, 2);
        // An even shift keeps the bar's parity, which selects the transform's delay lines.
        ages("ht_dcperiod", p, q -> new HtDcPeriod(), k -> k::step, HtDcPeriod_State::writeState,
                HtDcPeriod_State.SCHEMA, k -> {
                    Object core = get(k, "core");
                    set(core, "bars", (long) get(core, "bars") + (1L << 32));
                }, x, 200);
        ages("ht_trendmode", ParamValues.defaults(Descriptors.named("ht_trendmode")), q -> new HtTrendMode(),
                k -> k::step, HtTrendMode_State::writeState,
                HtTrendMode_State.SCHEMA, k -> {
                    set(k, "daysInTrend", (long) get(k, "daysInTrend") + (1L << 32));
                    Object core = get(get(k, "phase"), "core");
                    set(core, "bars", (long) get(core, "bars") + (1L << 32));
                }, x, 200);
    }

    @Test
    void windowPartsKeepWorkingAfterTwoToThe31Pushes() {
        double[] x = walk(600, 3);
        int period = 20;
        ParamValues p = ParamValues.of(Descriptors.named("sma"), java.util.Map.of("period", period));
        // Moving the push count by a multiple of the ring (period + 2) and of the anchor's block (period) keeps every
        // value in its slot and every anchor where it was.
        ages("sma", p, q -> new Sma(period), k -> k::step, Sma_State::writeState,
                Sma_State.SCHEMA, k -> {
                    Object part = get(k, "sum");
                    set(part, "seq", (long) get(part, "seq") + (long) period * (period + 2) * (1L << 24));
                }, x, 333);
        ParamValues ps = ParamValues.of(Descriptors.named("rolling_sum"), java.util.Map.of("period", period));
        // Moving the push count by a multiple of both block buffers (2·period) keeps every value where it was.
        ages("rolling_sum", ps, q -> new RollingSum(period), k -> k::step, RollingSum_State::writeState,
                RollingSum_State.SCHEMA, k -> {
                    Object part = get(k, "window");
                    set(part, "seq", (long) get(part, "seq") + 2L * period * (1L << 26));
                }, x, 333);
        ParamValues pm = ParamValues.of(Descriptors.named("rolling_median"), java.util.Map.of("period", period));
        // The tree's slots are push index mod (period + 2).
        ages("rolling_median", pm, q -> new RollingMedian(period), k -> k::step, RollingMedian_State::writeState,
                RollingMedian_State.SCHEMA, k -> {
                    Object part = get(k, "window");
                    set(part, "seq", (long) get(part, "seq") + (period + 2L) * (1L << 26));
                }, x, 333);
    }
}
