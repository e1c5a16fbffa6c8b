package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.UnknownNameException;
import io.ta.kernels.Ta;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed errors of docs/contracts.md, with their exact messages. */
class ErrorContractTest {
    final Registry registry = Registry.standard();

    @Test
    void invalidParameterNamesKernelParameterRangeAndValue() {
        var e = assertThrows(InvalidParameterException.class, () -> Ta.sma(new double[10], 0));
        assertEquals("sma: period must be in [1, 100000], got 0", e.getMessage());
        assertEquals("sma", e.kernel());
        assertEquals(List.of("period"), e.parameters());
        assertEquals("[1, 100000]", e.requirement());

        var real = assertThrows(InvalidParameterException.class, () -> Ta.rollingStd(new double[10], 20, Double.NaN));
        assertEquals("rolling_std: nbdev must be any finite value, got NaN", real.getMessage());

        var range = assertThrows(InvalidParameterException.class, () -> Ta.kamaStream(30, 0, 30));
        assertEquals("kama: fast must be in [1, 100000], got 0", range.getMessage());
    }

    @Test
    void invalidParametersFailBeforeAnyBarIsRead() {
        // A null input would be a shape error; the parameter error wins because parameters are checked first.
        assertThrows(InvalidParameterException.class, () -> Ta.ema(null, -3));
    }

    @Test
    void parameterValuesReportUnknownNamesAndWrongTypes() {
        KernelDescriptor sma = registry.kernel("sma");
        var unknown = assertThrows(UnknownNameException.class, () -> ParamValues.of(sma, Map.of("perod", 5)));
        assertEquals("sma: unknown parameter 'perod' (did you mean period?); parameters: period", unknown.getMessage());
        var type = assertThrows(InvalidParameterException.class, () -> ParamValues.of(sma, Map.of("period", 2.5)));
        assertEquals("sma: period must be an integer ([1, 100000]), got 2.5", type.getMessage());
    }

    @Test
    void raggedInputsListEveryLength() {
        var e = assertThrows(ShapeMismatchException.class,
                () -> registry.kernel("sma").batch(ParamValues.defaults(registry.kernel("sma")), new double[3], new double[4]));
        assertEquals("sma: expected 1 inputs (x), got 2", e.getMessage());
        var out = assertThrows(ShapeMismatchException.class, () -> Ta.sma(new double[10], 3, new double[9]));
        assertEquals("sma: output 'value' has length 9, inputs have 10", out.getMessage());
        var nul = assertThrows(ShapeMismatchException.class, () -> Ta.sma(null, 3));
        assertEquals("sma: input 'x' is null", nul.getMessage());
        var bars = assertThrows(ShapeMismatchException.class,
                () -> Bars.builder().column("high", new double[100]).column("low", new double[99]).build());
        assertEquals("bars: column lengths differ: high=100, low=99", bars.getMessage());
        var time = assertThrows(ShapeMismatchException.class, () -> Bars.builder().time(new long[] {1, 3, 3}).build());
        assertEquals("bars: timestamps must be strictly ascending, but bar 2 (3) is not after bar 1 (3)", time.getMessage());
    }

    @Test
    void unknownKernelSuggestsTheClosestName() {
        var e = assertThrows(UnknownNameException.class, () -> registry.resolve("smaa"));
        assertEquals("unknown kernel 'smaa' (did you mean sma?)", e.getMessage());
        assertEquals("sma", e.suggestion().orElseThrow());
        var upper = assertThrows(UnknownNameException.class, () -> registry.resolve("SMA"));
        assertEquals("unknown kernel 'SMA' (did you mean sma?)", upper.getMessage());
        var far = assertThrows(UnknownNameException.class, () -> registry.resolve("bollinger_fancy"));
        assertEquals("unknown kernel 'bollinger_fancy'", far.getMessage());
    }

    @Test
    void aliasesResolveToTheCanonicalKernel() {
        assertEquals("sma", registry.kernel("rolling_mean").name());
        assertEquals("rolling_std", registry.kernel("stddev").name());
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(registry.compute("avg", Map.of("period", 2), x).value(), Series.wrap(Ta.sma(x, 2)));
    }

    @Test
    void duplicateNamesAcrossJarsAreAConflict() {
        KernelDescriptor sma = registry.kernel("sma");
        var e = assertThrows(RegistryConflictException.class, () -> Registry.of(List.of(sma, sma)));
        assertEquals(true, e.getMessage().startsWith("kernel name 'sma' is claimed by both sma"));
    }

    @Test
    void streamAndSnapshotMisuseIsTyped() {
        var s = Ta.emaStream(5);
        var e = assertThrows(StreamStateException.class, () -> s.replaceLast(1.0));
        assertEquals("ema: replaceLast needs a committed bar; call update first", e.getMessage());
        StateSnapshot other = Ta.smaStream(5).snapshot();
        var m = assertThrows(SnapshotMismatchException.class, () -> s.restore(other));
        assertEquals("ema: snapshot was taken from kernel 'sma'", m.getMessage());
        var p = assertThrows(SnapshotMismatchException.class, () -> s.restore(Ta.emaStream(6).snapshot()));
        assertEquals("ema: snapshot was taken with period=6, this stream has period=5", p.getMessage());
        assertThrows(SnapshotMismatchException.class, () -> StateSnapshot.fromBytes(new byte[] {1, 2, 3}));
    }

    @Test
    void emptyAndShortInputsAreAllNaNNotErrors() {
        assertEquals(0, Ta.sma(new double[0], 5).length);
        double[] out = Ta.sma(new double[] {1, 2, 3}, 5);
        assertEquals(3, out.length);
        for (double v : out) {
            assertEquals(Double.NaN, v);
        }
    }
}
