package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TA-Lib parity for the one trend kernel {@code talib/trend.tsv} cannot express, against the TA-Lib Java port run now
 * (no fixture): {@code adx}, whose three outputs are TA-Lib ADX, PLUS_DI and MINUS_DI (three functions). Same
 * comparison as {@link TalibParityTest}: NaN positions exactly, values to 1e-9 relative, first valid index = lookback.
 */
class TrendTalibParityTest {
    interface Call {
        RetCode run(Core core, int end, MInteger begin, MInteger count, double[] out);
    }

    /** The periods of the adx cases (catalog.md counts them as TA-Lib parity, with their largest difference). */
    static final List<Integer> ADX_PERIODS = List.of(14, 5, 2, 40);

    @TestFactory
    Stream<DynamicTest> adxMatchesAdxPlusDiMinusDi() {
        return ADX_PERIODS.stream().map(n -> dynamicTest("adx-" + n, () -> {
            compare("adx-" + n, "adx", Map.of("period", n), adxInputs(), adxReference(n));
        }));
    }

    /** adx's inputs on the daily data: high, low, close. */
    static double[][] adxInputs() {
        Dataset data = Dataset.load("ttrc");
        return new double[][] {data.column("high"), data.column("low"), data.column("close")};
    }

    /** TA-Lib's ADX, PLUS_DI and MINUS_DI of period n, aligned to the input, as adx's three outputs. */
    static double[][] adxReference(int n) {
        double[][] in = adxInputs();
        double[] h = in[0];
        double[] l = in[1];
        double[] c = in[2];
        int rows = h.length;
        double[][] reference = {
            talib(rows, (core, end, b, k, out) -> core.adx(0, end, h, l, c, n, b, k, out)),
            talib(rows, (core, end, b, k, out) -> core.plusDI(0, end, h, l, c, n, b, k, out)),
            talib(rows, (core, end, b, k, out) -> core.minusDI(0, end, h, l, c, n, b, k, out)),
        };
        // TA-Lib's DIs start at n; adx's (one lookback for every output) at 2n - 1.
        for (int o = 1; o < 3; o++) {
            Arrays.fill(reference[o], 0, Math.min(2 * n - 1, rows), Double.NaN);
        }
        return reference;
    }

    private static double[] talib(int n, Call call) {
        double[] raw = new double[n];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        assertEquals(RetCode.Success, call.run(new Core(), n - 1, begin, count, raw));
        double[] aligned = new double[n];
        Arrays.fill(aligned, Double.NaN);
        System.arraycopy(raw, 0, aligned, begin.value, count.value);
        return aligned;
    }

    private static void compare(String id, String kernel, Map<String, Object> params, double[][] inputs, double[][] reference) {
        KernelDescriptor d = TalibGenerator.descriptor(kernel);
        ParamValues p = ParamValues.of(d, params);
        double worst = Parity.check(id, reference, d.batch(p, inputs));
        for (double[] column : reference) {
            assertEquals(d.lookback(p), Parity.firstValid(column), id + ": the reference's first valid index is ta's lookback");
        }
        System.out.printf("parity %-24s max relative error %.3g (TA-Lib, live)%n", id, worst);
    }
}
