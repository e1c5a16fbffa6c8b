package io.ta.golden;

import static org.junit.jupiter.api.Assertions.fail;

/** The golden comparison of docs/spec.md §1.5: NaN positions exactly, values to {@code 1e-9 · max(1, |ref|)}. */
final class Parity {
    static final double TOLERANCE = 1e-9;

    private Parity() {}

    static int firstValid(double[] column) {
        for (int t = 0; t < column.length; t++) {
            if (!Double.isNaN(column[t])) {
                return t;
            }
        }
        return column.length;
    }

    /**
     * Returns the largest relative error seen. Every bar of every reference output is compared, and the reference
     * must have exactly ta's bars: a truncated or padded fixture is a failure, not a shorter comparison.
     */
    static double check(String what, double[][] reference, double[][] actual) {
        double worst = 0;
        if (reference.length > actual.length) {
            fail(what + ": the reference has " + reference.length + " outputs, ta " + actual.length);
        }
        for (int o = 0; o < reference.length; o++) {
            sameBars(what + ": output " + o, reference[o], actual[o]);
            for (int t = 0; t < reference[o].length; t++) {
                double ref = reference[o][t];
                double got = actual[o][t];
                if (Double.isNaN(ref) != Double.isNaN(got)) {
                    fail(what + ": output " + o + " at bar " + t + " is " + got + ", reference " + ref
                            + " (first valid index differs)");
                }
                if (!Double.isNaN(ref)) {
                    double err = Math.abs(got - ref) / Math.max(1, Math.abs(ref));
                    if (err > TOLERANCE) {
                        fail(what + ": output " + o + " at bar " + t + " is " + got + ", reference " + ref + " (error " + err + ")");
                    }
                    worst = Math.max(worst, err);
                }
            }
        }
        return worst;
    }

    /** Bit for bit (integer outputs: the candlestick patterns), NaN positions included. */
    static void checkExact(String what, double[] reference, double[] actual) {
        sameBars(what, reference, actual);
        for (int t = 0; t < reference.length; t++) {
            if (Double.compare(reference[t], actual[t]) != 0) {
                fail(what + ": bar " + t + " is " + actual[t] + ", reference " + reference[t]);
            }
        }
    }

    private static void sameBars(String what, double[] reference, double[] actual) {
        if (reference.length != actual.length) {
            fail(what + ": the reference has " + reference.length + " bars, ta " + actual.length);
        }
    }
}
