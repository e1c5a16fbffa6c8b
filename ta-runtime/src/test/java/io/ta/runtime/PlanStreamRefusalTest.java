package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.ShapeMismatchException;
import io.ta.error.StreamStateException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bar a stream refuses leaves it as it was: it goes on equal to the batch of the bars it took, and its snapshot
 * restores. A bar that fails part-way through the plan, which no check can foresee, stops the stream instead of
 * letting it give numbers from half a bar.
 */
class PlanStreamRefusalTest {
    private static final long DAY = 86_400_000L;
    private static final long MAX = Long.MAX_VALUE;

    /**
     * A bar whose day ends past the largest timestamp is refused by the timeframe or session operator. The sma node
     * before it in the plan had taken it (52.5 where the batch gives 3), and the stream's own snapshot was refused.
     */
    @Test
    void aBarWhosePeriodEndsPastTheLastTimestampChangesNothing() {
        for (String expression : List.of("sma(close, 2) + close@1d", "sma(close, 2) + session_high(close, '1d')",
                "sma(close, 2) + session_start('1d')", "ema(close, 3) + close@12h - close@1d")) {
            Plan plan = Plan.compile(expression);
            PlanStream s = plan.stream();
            s.update(MAX - 5 * DAY, 1.0);
            assertThrows(ShapeMismatchException.class, () -> s.update(MAX - 1_000, 100.0), expression);
            assertThrows(ShapeMismatchException.class, () -> s.preview(MAX - 1_000, 100.0), expression);
            s.update(MAX - 3 * DAY, 3.0);
            Bars bars = Bars.builder().time(new long[] {MAX - 5 * DAY, MAX - 3 * DAY})
                    .column("close", new double[] {1, 3}).build();
            double[] batch = plan.run(bars).value().toArray();
            assertEquals(batch[1], s.value(), expression);
            PlanStream restored = plan.stream();
            restored.restore(s.snapshot());
            assertEquals(batch[1], restored.value(), expression);
            s.replaceLast(3.0);
            assertEquals(batch[1], s.value(), expression);
        }
    }

    /**
     * A coarse bar whose session, inside the timeframe, ends past the largest timestamp is refused before any node
     * takes the base bar that would commit it: the inner stream refused it only once the timeframe operator, and the
     * sma before it, had taken the bar, which stopped the stream, even for a preview.
     */
    @Test
    void aBarClosingACoarseBarWhoseInnerSessionEndsPastTheLastTimestampChangesNothing() {
        long hour = 3_600_000L;
        long top = MAX - MAX % hour; // the last hour's end
        for (String expression : List.of("sma(close, 2) + (close + session_high(close, '1d'))@1h",
                "sma(close, 2) + (close - session_open(close, '1w'))@1h")) {
            Plan plan = Plan.compile(expression);
            PlanStream s = plan.stream();
            s.update(top - 3 * hour + 5, 1.0);
            s.update(top - 3 * hour + 9, 2.0);
            assertThrows(ShapeMismatchException.class, () -> s.preview(top - 2 * hour, 100.0), expression);
            assertThrows(ShapeMismatchException.class, () -> s.update(top - 2 * hour, 100.0), expression);
            assertThrows(ShapeMismatchException.class, () -> s.update(top - hour + 1, 100.0), expression);
            s.replaceLast(3.0);
            Bars bars = Bars.builder().time(new long[] {top - 3 * hour + 5, top - 3 * hour + 9})
                    .column("close", new double[] {1, 3}).build();
            double[] batch = plan.run(bars).value().toArray();
            assertEquals(batch[1], s.value(), expression);
            PlanStream restored = plan.stream();
            restored.restore(s.snapshot());
            assertEquals(batch[1], restored.value(), expression);
        }
    }

    /** An extension kernel whose step throws part-way through the plan stops the stream, compiled or not. */
    @Test
    void aKernelThatThrowsFromItsStepStopsTheStream() {
        Registry registry = Registry.of(withFragile());
        for (String expression : List.of("sma(close, 2) + fragile(close, 2)",
                "sma(close, 2) + fragile(close, 2) + close@1d")) {
            Plan plan = Plan.compile(Map.of("v", expression), registry);
            PlanStream s = plan.stream();
            long t = DAY;
            s.update(t, 1.0);
            s.update(t += DAY, 2.0);
            long at = t += DAY;
            assertThrows(IllegalStateException.class, () -> s.update(at, 13.0), expression);
            assertTrue(Double.isNaN(s.value()), expression + ": no value of half a bar");
            long next = t += DAY;
            StreamStateException e = assertThrows(StreamStateException.class, () -> s.update(next, 4.0), expression);
            assertTrue(e.getMessage().contains("failed part-way"), e.getMessage());
            assertThrows(StreamStateException.class, () -> s.preview(next, 4.0), expression);
            assertThrows(StreamStateException.class, () -> s.replaceLast(4.0), expression);
            assertThrows(StreamStateException.class, s::snapshot, expression);
            s.reset();
            s.update(DAY, 1.0);
            s.update(2 * DAY, 2.0);
            Bars bars = Bars.builder().time(new long[] {DAY, 2 * DAY}).column("close", new double[] {1, 2}).build();
            assertEquals(plan.run(bars).get("v").toArray()[1], s.value(), expression);
        }
    }

    /** The standard kernels and {@code fragile}: sma, whose stream throws on an input of 13. */
    private static List<KernelDescriptor> withFragile() {
        KernelDescriptor sma = Registry.standard().kernel("sma");
        ClassLoader loader = PlanStreamRefusalTest.class.getClassLoader();
        KernelDescriptor fragile = (KernelDescriptor) Proxy.newProxyInstance(loader,
                new Class<?>[] {KernelDescriptor.class}, (proxy, m, args) -> {
                    if (args == null && m.getName().equals("name")) {
                        return "fragile";
                    }
                    if (args == null && (m.getName().equals("aliases") || m.getName().equals("selectors"))) {
                        return List.of();
                    }
                    if (args != null) {
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof io.ta.spi.ParamValues p) {
                                args[i] = io.ta.spi.ParamValues.of(sma, p.asMap()); // the same parameters, sma's
                            }
                        }
                    }
                    Object out = invoke(m, sma, args);
                    return out instanceof KernelStream stream ? throwingOn13(stream) : out;
                });
        List<KernelDescriptor> all = new ArrayList<>(Registry.standard().kernels());
        all.add(fragile);
        return all;
    }

    private static KernelStream throwingOn13(KernelStream stream) {
        return (KernelStream) Proxy.newProxyInstance(PlanStreamRefusalTest.class.getClassLoader(),
                new Class<?>[] {KernelStream.class}, (proxy, m, args) -> {
                    boolean thirteen = args != null && args[0] instanceof double[] bar && bar[0] == 13;
                    if (m.getName().equals("update") && thirteen) {
                        invoke(m, stream, args); // as a step that throws after it has changed its state
                        throw new IllegalStateException("fragile: 13");
                    }
                    return invoke(m, stream, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code update(3)} binds to {@code update(long time, double... bar)}: the 3 is the time and the bar is empty. The
     * message said only "a bar needs 1 values (close), got 0", which reads as if the 3 had been lost.
     */
    @Test
    void anIntegerFirstValueTakenAsTheTimeIsNamed() {
        PlanStream s = Plan.compile("sma(close, 2)").stream();
        var update = assertThrows(ShapeMismatchException.class, () -> s.update(3));
        assertEquals("plan: a bar needs 1 values (close), got 0; update(3) takes 3 as the bar's close time (epoch ms):"
                + " if it is the bar's first value, write update(3.0)", update.getMessage());
        var preview = assertThrows(ShapeMismatchException.class, () -> s.preview(3));
        assertTrue(preview.getMessage().endsWith("write preview(3.0)"), preview.getMessage());
        PlanStream two = Plan.compile("high - low").stream();
        var pair = assertThrows(ShapeMismatchException.class, () -> two.update(101, 99.5));
        assertEquals("plan: a bar needs 2 values (high, low), got 1; update(101, …) takes 101 as the bar's close time"
                + " (epoch ms): if it is the bar's first value, write update(101.0, 99.5)", pair.getMessage());
        s.update(3.0);
        two.update(101, 99.5, 98.0);
        assertEquals(1.5, two.value());
        assertEquals(0, s.count() - 1);
    }
}
