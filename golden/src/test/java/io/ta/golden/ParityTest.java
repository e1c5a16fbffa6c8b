package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The comparison every parity test relies on: it must fail on any bar a fixture does not account for, so a truncated
 * or padded fixture, a NaN against a number, or a difference beyond 1e-9 relative cannot pass.
 */
class ParityTest {
    private static final double NAN = Double.NaN;

    @Test
    void aReferenceShorterThanTaFails() {
        // A fixture cut off after its first rows (a truncated write, a bad regeneration) compared nothing beyond them.
        double[][] reference = {{NAN, 1.0}};
        double[][] ours = {{NAN, 1.0, 2.0, 3.0}};
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Parity.check("cut", reference, ours));
        assertTrue(e.getMessage().contains("2 bars") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void aReferenceLongerThanTaFails() {
        double[][] reference = {{NAN, 1.0, 2.0}};
        double[][] ours = {{NAN, 1.0}};
        assertThrows(AssertionFailedError.class, () -> Parity.check("padded", reference, ours));
    }

    @Test
    void aNanAgainstANumberFailsBothWays() {
        double[][] missing = {{NAN, NAN}};
        double[][] number = {{NAN, 1}};
        assertThrows(AssertionFailedError.class, () -> Parity.check("nan", missing, number));
        assertThrows(AssertionFailedError.class, () -> Parity.check("nan", number, missing));
    }

    @Test
    void theToleranceIsOneBillionthRelative() {
        assertEquals(0.0, Parity.check("same", new double[][] {{1e6}}, new double[][] {{1e6}}));
        Parity.check("inside", new double[][] {{1e6}}, new double[][] {{1e6 * (1 + 0.9e-9)}});
        assertThrows(AssertionFailedError.class, () -> Parity.check("outside", new double[][] {{1e6}},
                new double[][] {{1e6 * (1 + 1.1e-9)}}));
        assertThrows(AssertionFailedError.class, () -> Parity.check("infinite", new double[][] {{1}},
                new double[][] {{Double.POSITIVE_INFINITY}}));
    }

    @Test
    void exactComparisonFailsOnAnyBitOrLength() {
        Parity.checkExact("same", new double[] {NAN, 0, 100}, new double[] {NAN, 0, 100});
        assertThrows(AssertionFailedError.class, () -> Parity.checkExact("value", new double[] {NAN, 0, 100},
                new double[] {NAN, 0, 80}));
        assertThrows(AssertionFailedError.class, () -> Parity.checkExact("nan", new double[] {NAN, 0},
                new double[] {0, 0}));
        // A sparse candle fixture whose bar count is short of the data's must not pass on the bars it has.
        assertThrows(AssertionFailedError.class, () -> Parity.checkExact("cut", new double[] {NAN, 0},
                new double[] {NAN, 0, 100}));
    }
}
