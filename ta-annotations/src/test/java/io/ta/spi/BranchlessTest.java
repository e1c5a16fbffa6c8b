package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each choice equals the conditional expression it replaces, raw bits included (−0.0, NaN payloads, infinities). */
class BranchlessTest {
    static final double[] VALUES = {0.0, -0.0, 1.0, -1.0, 2.5, 4.9e-324, -4.9e-324, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.longBitsToDouble(0xfff8000000000001L)};

    static void same(double want, double got, String what) {
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), what);
    }

    @Test
    void everyChoiceIsTheConditionalExpression() {
        SplittableRandom r = new SplittableRandom(3);
        double[] values = new double[VALUES.length + 200];
        System.arraycopy(VALUES, 0, values, 0, VALUES.length);
        for (int i = VALUES.length; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(r.nextLong());
        }
        for (boolean c : new boolean[] {true, false}) {
            same(c ? 1.0 : 0.0, Branchless.indicator(c), "indicator(" + c + ")");
            for (double a : values) {
                same(c ? a : 0.0, Branchless.keepIf(c, a), "keepIf(" + c + ", " + a + ")");
                for (double b : VALUES) {
                    same(c ? a : b, Branchless.choose(c, a, b), "choose(" + c + ", " + a + ", " + b + ")");
                }
            }
        }
    }
}
