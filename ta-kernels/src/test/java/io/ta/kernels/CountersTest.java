package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.ta.kernels.testing.Descriptors;
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
     * Runs {@code make} over the first {@code k} values, lets {@code age} move its counters as if the stream were
     * {@code FAR} updates old, writes the snapshot of that stream (the replace-last checkpoint at the current state),
     * restores it into a fresh stream of {@code name} and checks the rest of {@code x} bit for bit against an
     * uninterrupted kernel.
     */
    static <K> void ages(String name, ParamValues params, Function<ParamValues, K> make,
            Function<K, DoubleUnaryOperator> stepOf, BiConsumer<K, StateWriter> writeState, BiConsumer<K, StateWriter> writeCheckpoint,
            long schema, java.util.function.Consumer<K> age, double[] x, int k) {
        K aged = make.apply(params);
        K plain = make.apply(params);
        DoubleUnaryOperator agedStep = stepOf.apply(aged);
        DoubleUnaryOperator plainStep = stepOf.apply(plain);
        double last = Double.NaN;
        for (int t = 0; t < k; t++) {
            last = Checks.finiteOrNaN(agedStep.applyAsDouble(x[t]));
            plainStep.applyAsDouble(x[t]);
        }
        age.accept(aged);
        StateWriter w = new StateWriter();
        w.putLong(FAR);
        w.putDouble(last);
        writeState.accept(aged, w);
        writeCheckpoint.accept(aged, w);
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

    @Test
    void kamaKeepsWorkingAfterTwoToThe31Updates() {
        ParamValues p = ParamValues.defaults(Descriptors.named("kama"));
        double[] x = walk(400, 1);
        ages("kama", p, q -> new Kama(30, 2, 30), k -> k::step, Kama_State::writeState,
                (k, w) -> {
                    Kama_State s = new Kama_State(k);
                    s.save(k);
                    s.write(w);
                },
                Kama_State.SCHEMA, k -> set(k, "seen", Integer.MAX_VALUE), x, 200);
    }

    @Test
    void theHilbertCoreKeepsWorkingAfterTwoToThe31Bars() {
        ParamValues p = ParamValues.defaults(Descriptors.named("ht_dcperiod"));
        double[] x = walk(400, 2);
        // An even shift keeps the bar's parity, which selects the transform's delay lines.
        ages("ht_dcperiod", p, q -> new HtDcPeriod(), k -> k::step, HtDcPeriod_State::writeState,
                (k, w) -> {
                    HtDcPeriod_State s = new HtDcPeriod_State(k);
                    s.save(k);
                    s.write(w);
                },
                HtDcPeriod_State.SCHEMA, k -> set(k, "bars", (long) get(k, "bars") + (1L << 32)), x, 200);
        ages("ht_trendmode", ParamValues.defaults(Descriptors.named("ht_trendmode")), q -> new HtTrendMode(),
                k -> k::step, HtTrendMode_State::writeState,
                (k, w) -> {
                    HtTrendMode_State s = new HtTrendMode_State(k);
                    s.save(k);
                    s.write(w);
                },
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
        // Moving the push count by a multiple of both block buffers (2·period) keeps every value where it was.
        ages("sma", p, q -> new Sma(period), k -> k::step, Sma_State::writeState,
                (k, w) -> {
                    Sma_State s = new Sma_State(k);
                    s.save(k);
                    s.write(w);
                },
                Sma_State.SCHEMA, k -> {
                    Object part = get(get(k, "sum"), "window");
                    set(part, "seq", (long) get(part, "seq") + 2L * period * (1L << 26));
                }, x, 333);
        ParamValues pm = ParamValues.of(Descriptors.named("rolling_median"), java.util.Map.of("period", period));
        // The tree's slots are push index mod (period + 2).
        ages("rolling_median", pm, q -> new RollingMedian(period), k -> k::step, RollingMedian_State::writeState,
                (k, w) -> {
                    RollingMedian_State s = new RollingMedian_State(k);
                    s.save(k);
                    s.write(w);
                },
                RollingMedian_State.SCHEMA, k -> {
                    Object part = get(k, "window");
                    set(part, "seq", (long) get(part, "seq") + (period + 2L) * (1L << 26));
                }, x, 333);
    }
}
