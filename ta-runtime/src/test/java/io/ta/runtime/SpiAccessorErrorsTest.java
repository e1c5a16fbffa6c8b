package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPI's accessors answer a careless call (a wrong index, a read of the wrong type, a null) with a typed error that
 * names the kernel, the parameter or input and what is valid, where they threw ClassCastException,
 * ArrayIndexOutOfBoundsException or NullPointerException, or answered an output the kernel does not have.
 */
class SpiAccessorErrorsTest {
    private static final KernelDescriptor BBANDS = Registry.standard().kernel("bbands");
    private static final KernelDescriptor RSI = Registry.standard().kernel("rsi");

    @Test
    void aReadOfTheWrongTypeNamesTheParameterAndTheRightRead() {
        ParamValues p = ParamValues.defaults(BBANDS);
        var e = assertThrows(InvalidParameterException.class, () -> p.intValue(1));
        assertEquals("bbands: intValue(1) reads an int, but std_dev is a real; read it with realValue(1) or get(1)",
                e.getMessage());
        assertEquals("bbands", e.kernel());
        assertEquals(List.of("std_dev"), e.parameters());
        assertEquals("bbands: realValue(0) reads a real, but period is an int; read it with intValue(0) or get(0)",
                assertThrows(InvalidParameterException.class, () -> p.realValue(0)).getMessage());
        assertThrows(InvalidParameterException.class, () -> p.boolValue(0));
        assertThrows(InvalidParameterException.class, () -> p.choice(1));
        assertEquals(20, p.intValue(0));
        assertEquals(2.0, p.realValue(1));
    }

    @Test
    void anIndexOutsideTheParametersNamesThem() {
        ParamValues p = ParamValues.defaults(BBANDS);
        for (int i : new int[] {-1, 2, 7}) {
            var e = assertThrows(InvalidParameterException.class, () -> p.get(i));
            assertEquals("bbands: there is no parameter " + i + "; parameters 0 to 1: period, std_dev", e.getMessage());
            assertThrows(InvalidParameterException.class, () -> p.intValue(i));
            assertThrows(InvalidParameterException.class, () -> p.realValue(i));
        }
        ParamValues none = ParamValues.defaults(Registry.standard().kernel("obv"));
        assertEquals("obv: there is no parameter 0; it takes no parameters",
                assertThrows(InvalidParameterException.class, () -> none.get(0)).getMessage());
    }

    @Test
    void nullPositionalValuesAreTyped() {
        assertEquals("kernel", assertThrows(InvalidParameterException.class,
                () -> ParamValues.ofPositional(null, 14)).kernel());
        assertEquals("rsi: the positional values must not be null (no parameters given: no values after the descriptor)",
                assertThrows(InvalidParameterException.class,
                        () -> ParamValues.ofPositional(RSI, (Object[]) null)).getMessage());
        assertEquals(ParamValues.defaults(RSI), ParamValues.ofPositional(RSI));
    }

    @Test
    void anOutputOrInputTheKernelDoesNotHaveIsNotAnswered() {
        ParamValues p = ParamValues.defaults(RSI);
        var e = assertThrows(ShapeMismatchException.class, () -> RSI.lookback(p, 1));
        assertEquals("rsi: there is no output 1; outputs 0 to 0: value", e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> RSI.lookback(p, -1));
        assertEquals(14, RSI.lookback(p, 0));
        assertEquals("rsi: there is no input 3; inputs 0 to 0: x",
                assertThrows(ShapeMismatchException.class, () -> RSI.domain(3)).getMessage());
    }

    /** The generated overrides: inputScale, a bounded kernel's domain and a per-output kernel's lookback. */
    @Test
    void theGeneratedAccessorsCheckTheirIndexToo() {
        KernelDescriptor sqrt = Registry.standard().kernel("sqrt");
        KernelDescriptor ichimoku = Registry.standard().kernel("ichimoku");
        assertEquals("sqrt: there is no input 1; inputs 0 to 0: x",
                assertThrows(ShapeMismatchException.class, () -> sqrt.domain(1)).getMessage());
        assertEquals("rsi: there is no input 7; inputs 0 to 0: x",
                assertThrows(ShapeMismatchException.class, () -> RSI.inputScale(7)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> sqrt.inputScale(-1));
        ParamValues p = ParamValues.defaults(ichimoku);
        var e = assertThrows(ShapeMismatchException.class, () -> ichimoku.lookback(p, ichimoku.outputs().size()));
        assertEquals("ichimoku: there is no output " + ichimoku.outputs().size(), e.getMessage().split(";")[0]);
        for (int o = 0; o < ichimoku.outputs().size(); o++) {
            ichimoku.lookback(p, o);
        }
        sqrt.domain(0);
        RSI.inputScale(0);
    }

    @Test
    void aChartOfAnOutputTheKernelDoesNotHaveIsTyped() {
        assertEquals("chart: there is no output 1; outputs 0 to 0",
                assertThrows(ShapeMismatchException.class, () -> RSI.chart().pane(1)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> RSI.chart().style(-1));
        assertThrows(ShapeMismatchException.class, () -> new io.ta.spi.ChartSpec(List.of(), null, List.of(), 0, 1));
        // A null inside a list was List.copyOf's NullPointerException.
        List<io.ta.annotation.Chart.Pane> noPane = java.util.Arrays.asList((io.ta.annotation.Chart.Pane) null);
        assertEquals("chart: a pane, style or guide is null",
                assertThrows(ShapeMismatchException.class, () -> new io.ta.spi.ChartSpec(noPane,
                        List.of(io.ta.annotation.Chart.Style.AUTO), List.of(), 0, 1)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> new io.ta.spi.ChartSpec(List.of(), List.of(),
                java.util.Arrays.asList((Double) null), 0, 1));
        assertEquals(BBANDS.chart().panes().get(2), BBANDS.chart().pane(2));
    }
}
