package com.acme.ta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.TaExpr;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import org.junit.jupiter.api.Test;

/** An extension kernel is a first-class citizen: registry, DSL, fluent API (the properties: {@link AcmeKernelsTest}). */
class CustomKernelTest {
    static final double[] CLOSE = {10, 12, 11, 15, 14, 13, 16, 18, 17, 12, 11, 14, 15, 19, 20, 18};

    static Bars bars() {
        return Bars.builder().column("close", CLOSE).build();
    }

    @Test
    void theRuntimeFindsItThroughServiceLoader() {
        KernelDescriptor d = Registry.standard().kernel("range_position");
        assertEquals("com.acme.ta.RangePosition_Descriptor", d.getClass().getName());
        assertEquals(d, Registry.standard().kernel("rangepos"));
        assertTrue(Registry.standard().kernel("sma") != null, "and the built-ins are still there");
    }

    @Test
    void theGeneratedFacadeComputesIt() {
        double[] out = AcmeTa.rangePosition(CLOSE, 4);
        // bar 3: window 10,12,11,15 -> (15-10)/(15-10) = 1; bar 4: 12,11,15,14 -> (14-11)/(15-11) = 0.75
        assertEquals(Double.NaN, out[2]);
        assertEquals(1.0, out[3]);
        assertEquals(0.75, out[4]);
    }

    @Test
    void theDslCallsItByNameAndAlias() {
        double[] expected = AcmeTa.rangePosition(CLOSE, 4);
        assertArrayEquals(expected, Plan.compile("range_position(close, 4)").run(bars()).value().toArray());
        assertArrayEquals(expected, Plan.compile("rangepos(period=4)").run(bars()).value().toArray());
        assertEquals(3, Plan.compile("range_position(close, 4) > 0.5").lookback());
    }

    @Test
    void theGeneratedFluentApiExposesItAndMixesWithTheBuiltIns() {
        AcmeTaExpr close = AcmeTaExpr.close();
        Plan fluent = Plan.of(close.rangePosition(4).gt(0.5));
        Plan dsl = Plan.compile("range_position(close, 4) > 0.5");
        assertArrayEquals(dsl.run(bars()).value().toArray(), fluent.run(bars()).value().toArray());
        // A built-in's output fed into the extension kernel: sma from TaExpr, range_position from AcmeTaExpr.
        AcmeTaExpr smoothed = AcmeTaExpr.of(TaExpr.close().sma(2));
        assertArrayEquals(Plan.compile("range_position(sma(close, 2), 4)").run(bars()).value().toArray(),
                Plan.of(smoothed.rangePosition(4)).run(bars()).value().toArray());
    }
}
