package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.ma.Ema_Descriptor;
import io.ta.kernels.ma.Rma_Descriptor;
import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Ticks at the edge of the doubles in the recursive averages, where TA-Lib's operation order overflows although the
 * average does not. The property "one extreme tick does not end the stream" checks every kernel for an output left
 * NaN for good; these check the numbers: the average of finite values, computed exactly here, is what comes out.
 */
class ExtremeTickTest {
    static final MathContext EXACT = MathContext.DECIMAL128;

    /** Wilder's {@code (e·13 + x)/14}: e·13 + MAX overflows once the average itself is near MAX/14. */
    @Test
    void wildersAverageOfTwoMaxTicksIsTheirAverage() {
        double[] x = series();
        x[20] = Double.MAX_VALUE;
        x[21] = Double.MAX_VALUE;
        double[] out = new double[x.length];
        Rma_Descriptor.batch(x, 14, out);
        BigDecimal n = BigDecimal.valueOf(14);
        BigDecimal e = BigDecimal.ZERO;
        for (int t = 0; t < 14; t++) {
            e = e.add(new BigDecimal(x[t]));
        }
        e = e.divide(n, EXACT);
        for (int t = 14; t < x.length; t++) {
            e = e.multiply(BigDecimal.valueOf(13)).add(new BigDecimal(x[t])).divide(n, EXACT);
            near(e, out[t], "rma at bar " + t);
        }
    }

    /** TA-Lib's {@code (x − e)·k + e}: x − e overflows for a tick of −MAX after an average near +MAX·k. */
    @Test
    void anEmaAcrossTicksOfBothSignsIsTheirAverage() {
        double[] x = series();
        x[20] = Double.MAX_VALUE;
        x[21] = -Double.MAX_VALUE;
        double[] out = new double[x.length];
        Ema_Descriptor.batch(x, 3, out);
        BigDecimal k = new BigDecimal(2.0 / 4);
        BigDecimal e = new BigDecimal(x[0]).add(new BigDecimal(x[1])).add(new BigDecimal(x[2]))
                .divide(BigDecimal.valueOf(3), EXACT);
        for (int t = 3; t < x.length; t++) {
            e = e.add(k.multiply(new BigDecimal(x[t]).subtract(e)), EXACT);
            near(e, out[t], "ema at bar " + t);
        }
    }

    static double[] series() {
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 + 10 * Math.sin(t / 3.0);
        }
        return x;
    }

    static void near(BigDecimal exact, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + " is " + actual);
        double expected = exact.doubleValue();
        assertEquals(expected, actual, 1e-14 * Math.abs(expected), what);
    }
}
