package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Registry;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A compiled plan is shared by equal plans only when their kernels are the same descriptors. Equal plans name the same
 * kernels (a fingerprint names a kernel by its name), but a registry of its own may give a name another kernel: before
 * 2026-12-07 the first of two such plans to be compiled ran for both, so the standard {@code sma} plan gave an ema's
 * values after an equal plan of a registry whose {@code sma} is an ema had run, and that plan's stream failed to open
 * with a ClassCastException (EmaStream cannot be cast to SmaStream). Each test plans an expression no other test does.
 */
class CompiledPerKernelsTest {
    private static final int N = FusedCompiler.COMPILE_FROM;

    /** The standard kernels, but with {@code sma} an ema: its descriptor and streams are ema's, under sma's name. */
    private static Registry smaIsEma() {
        KernelDescriptor ema = Registry.standard().kernel("ema");
        KernelDescriptor fake = (KernelDescriptor) Proxy.newProxyInstance(CompiledPerKernelsTest.class.getClassLoader(),
                new Class<?>[] {KernelDescriptor.class}, (proxy, m, args) -> {
                    if (args == null && m.getName().equals("name")) {
                        return "sma";
                    }
                    if (args == null && (m.getName().equals("aliases") || m.getName().equals("selectors"))) {
                        return List.of();
                    }
                    if (args != null) {
                        for (int i = 0; i < args.length; i++) {
                            if (args[i] instanceof ParamValues p) {
                                args[i] = ParamValues.of(ema, p.asMap());
                            }
                        }
                    }
                    try {
                        return m.invoke(ema, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<KernelDescriptor> all = new ArrayList<>();
        for (KernelDescriptor d : Registry.standard().kernels()) {
            if (!d.name().equals("sma")) {
                all.add(d);
            }
        }
        all.add(fake);
        return Registry.of(all);
    }

    private static double[] run(Plan plan, Bars bars) {
        return plan.run(bars).get(Plan.VALUE).toArray();
    }

    private static double[] interpreted(Plan plan, Bars bars) {
        return BlockExecutor.interpreted(plan, 1024).run(bars).get(Plan.VALUE).toArray();
    }

    /** The stream's value after every bar. */
    private static double[] streamed(Plan plan, Bars bars) {
        PlanStream s = plan.stream();
        double[] close = bars.column("close");
        double[] out = new double[close.length];
        for (int i = 0; i < close.length; i++) {
            s.update(close[i]);
            out[i] = s.value();
        }
        return out;
    }

    @Test
    void aPlanOfAnotherRegistryCompiledFirstLeavesTheStandardPlanItsOwnKernels() {
        String text = "sma(close, 7793) - close * 0.000123";
        Plan standard = Plan.compile(text);
        Plan other = Plan.compile(Map.of(Plan.VALUE, text), smaIsEma());
        assertEquals(standard, other, "the same computation by fingerprint");
        Bars bars = CompileWhenWorthItTest.bars(N, 11);
        double[] ema = interpreted(other, bars);
        double[] sma = interpreted(standard, bars);
        assertFalse(java.util.Arrays.equals(ema, sma), "the two kernels differ on these bars");

        assertArrayEquals(ema, run(other, bars), "compiled from the ema");
        assertArrayEquals(sma, run(standard, bars), "the standard plan still runs sma");
        assertArrayEquals(ema, run(other, bars), "and the other plan still its ema");
        Bars some = CompileWhenWorthItTest.bars(3_000, 12);
        assertArrayEquals(interpreted(standard, some), streamed(standard, some));
        assertArrayEquals(interpreted(other, some), streamed(other, some));
    }

    @Test
    void theStandardPlanCompiledFirstLeavesAPlanOfAnotherRegistryItsOwnKernels() {
        String text = "sma(close, 7789) + close * 0.000321";
        Plan standard = Plan.compile(text);
        Plan other = Plan.compile(Map.of(Plan.VALUE, text), smaIsEma());
        Bars bars = CompileWhenWorthItTest.bars(N, 13);
        assertArrayEquals(interpreted(standard, bars), run(standard, bars));
        assertArrayEquals(interpreted(other, bars), run(other, bars));
        Bars some = CompileWhenWorthItTest.bars(3_000, 14);
        assertArrayEquals(interpreted(other, some), streamed(other, some), "its stream opens and runs the ema");
        assertArrayEquals(interpreted(standard, some), streamed(standard, some));
    }
}
