package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.volatility.BbandsResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A multi-output result is a record of arrays: two runs of one batch call were unequal (the record compared the
 * arrays by identity) and printed as {@code BbandsResult[upper=[D@…, …]}. They compare and print by content.
 */
class ResultEqualityTest {
    @Test
    void twoRunsOfOneBatchAreEqualAndPrintTheirValues() {
        SplittableRandom random = new SplittableRandom(65);
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = 100 + random.nextDouble(-1, 1);
        }
        BbandsResult a = Ta.bbands(x, 20, 2.0);
        BbandsResult b = Ta.bbands(x, 20, 2.0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Ta.bbands(x, 21, 2.0));
        String text = a.toString();
        assertTrue(text.startsWith("BbandsResult[upper=50 bars, last 6 ["), text);
        assertTrue(text.contains(", middle=50 bars, last 6 " + Arrays.toString(Arrays.copyOfRange(a.middle(), 44, 50))
                + ", lower="), text);
    }
}
