package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TA-Lib parity for the two trend/volatility kernels {@code talib/trend.tsv} cannot express yet, against the TA-Lib
 * Java port run now (no fixture): {@code adx}, whose three outputs are TA-Lib ADX, PLUS_DI and MINUS_DI (three
 * functions), and {@code bbands}, whose TA-Lib call takes an {@code MAType} optional input (SMA). Same comparison as
 * {@link TalibParityTest}: NaN positions exactly, values to 1e-9 relative, first valid index = lookback.
 */
class TrendTalibParityTest {
    interface Call {
        RetCode run(Core core, int end, MInteger begin, MInteger count, double[] out);
    }

    @TestFactory
    Stream<DynamicTest> adxMatchesAdxPlusDiMinusDi() {
        return Stream.of(14, 5, 2, 40).map(n -> dynamicTest("adx-" + n, () -> {
            Dataset data = Dataset.load("ttrc");
            double[] h = data.column("high");
            double[] l = data.column("low");
            double[] c = data.column("close");
            double[][] reference = {
                talib(data.rows(), (core, end, b, k, out) -> core.adx(0, end, h, l, c, n, b, k, out)),
                talib(data.rows(), (core, end, b, k, out) -> core.plusDI(0, end, h, l, c, n, b, k, out)),
                talib(data.rows(), (core, end, b, k, out) -> core.minusDI(0, end, h, l, c, n, b, k, out)),
            };
            // TA-Lib's DIs start at n; adx's (one lookback for every output) at 2n - 1.
            for (int o = 1; o < 3; o++) {
                Arrays.fill(reference[o], 0, Math.min(2 * n - 1, data.rows()), Double.NaN);
            }
            compare("adx-" + n, "adx", Map.of("period", n), new double[][] {h, l, c}, reference);
        }));
    }

    @TestFactory
    Stream<DynamicTest> bbandsMatchesBbandsWithSma() {
        record Case(String dataset, String column, int period, double stdDev) {}
        return Stream.of(new Case("ttrc", "close", 20, 2.0), new Case("eu", "dax", 10, 1.0), new Case("eu", "smi", 30, 2.5),
                        new Case("eu", "cac", 5, -1.5))
                .map(k -> dynamicTest("bbands-" + k.column() + "-" + k.period() + "-" + k.stdDev(), () -> {
                    Dataset data = Dataset.load(k.dataset());
                    double[] x = data.column(k.column());
                    int n = data.rows();
                    double[][] reference = new double[3][n];
                    MInteger begin = new MInteger();
                    MInteger count = new MInteger();
                    double[][] raw = new double[3][n];
                    assertEquals(RetCode.Success, new Core().bbands(0, n - 1, x, k.period(), k.stdDev(), k.stdDev(), MAType.Sma,
                            begin, count, raw[0], raw[1], raw[2]));
                    for (int o = 0; o < 3; o++) {
                        Arrays.fill(reference[o], Double.NaN);
                        System.arraycopy(raw[o], 0, reference[o], begin.value, count.value);
                    }
                    compare("bbands-" + k.column() + "-" + k.period(), "bbands", Map.of("period", k.period(), "std_dev", k.stdDev()),
                            new double[][] {x}, reference);
                }));
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
