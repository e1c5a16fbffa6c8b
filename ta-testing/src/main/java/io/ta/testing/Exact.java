package io.ta.testing;

import static org.junit.jupiter.api.Assertions.fail;

/** Bit-exact comparison of outputs (all NaNs are equal; +0.0 and -0.0 are not). */
public final class Exact {
    private Exact() {}

    /**
     * Whether two doubles are the same bits up to NaN payloads ({@link Double#compare} equal).
     *
     * @param a a value
     * @param b another value
     * @return true if both are NaN or both have the same bits ({@code 0.0} and {@code -0.0} differ)
     */
    public static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    /**
     * Fails unless every output series of {@code actual} equals {@code expected} bit for bit.
     *
     * @param expected one array per output
     * @param actual one array per output, to compare
     * @param what names the check in the failure message
     */
    public static void assertSame(double[][] expected, double[][] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": " + actual.length + " outputs, expected " + expected.length);
        }
        for (int o = 0; o < expected.length; o++) {
            if (expected[o].length != actual[o].length) {
                fail(what + ": output " + o + " has length " + actual[o].length + ", expected " + expected[o].length);
            }
            for (int t = 0; t < expected[o].length; t++) {
                if (!same(expected[o][t], actual[o][t])) {
                    fail(what + ": output " + o + " differs at bar " + t + ": " + actual[o][t] + " vs expected " + expected[o][t]);
                }
            }
        }
    }

    /**
     * Fails unless the outputs of bar {@code t} equal {@code expected} bit for bit.
     *
     * @param expected the bar's expected value of each output
     * @param actual the bar's value of each output, at least as many as expected
     * @param t the bar's index, for the failure message
     * @param what names the check in the failure message
     */
    public static void assertSame(double[] expected, double[] actual, int t, String what) {
        for (int o = 0; o < expected.length; o++) {
            if (!same(expected[o], actual[o])) {
                fail(what + ": output " + o + " at bar " + t + " is " + actual[o] + ", expected " + expected[o]);
            }
        }
    }

    /**
     * The outputs of bar {@code t} from a batch result.
     *
     * @param batch one array per output
     * @param t the bar's index
     * @return a new array of each output's value at bar {@code t}
     */
    public static double[] at(double[][] batch, int t) {
        double[] v = new double[batch.length];
        for (int o = 0; o < batch.length; o++) {
            v[o] = batch[o][t];
        }
        return v;
    }
}
