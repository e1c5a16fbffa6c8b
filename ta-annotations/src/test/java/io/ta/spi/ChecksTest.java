package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Checks#finiteOrNaN} takes one of two forms by the JVM it runs in; both must give every finite value back bit
 * for bit (−0.0 and subnormals included) and NaN for everything else, so no output depends on the processor.
 */
class ChecksTest {
    @Test
    void bothFormsOfFiniteOrNaNGiveTheValueOrNaN() {
        SplittableRandom r = new SplittableRandom(11);
        double[] values = new double[BranchlessTest.VALUES.length + 100_000];
        System.arraycopy(BranchlessTest.VALUES, 0, values, 0, BranchlessTest.VALUES.length);
        for (int i = BranchlessTest.VALUES.length; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(r.nextLong());
        }
        for (double v : values) {
            double plain = v + v * 0.0;
            double fused = Math.fma(v, 0.0, v);
            double chosen = Checks.finiteOrNaN(v);
            if (Double.isFinite(v)) {
                BranchlessTest.same(v, plain, "v + v * 0.0 for " + v);
                BranchlessTest.same(v, fused, "fma(v, 0.0, v) for " + v);
                BranchlessTest.same(v, chosen, "finiteOrNaN(" + v + ")");
            } else {
                assertTrue(Double.isNaN(plain) && Double.isNaN(fused) && Double.isNaN(chosen), "NaN for " + v);
            }
        }
    }
}
