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

    /** Returns the largest relative error seen. */
    static double check(String what, double[][] reference, double[][] actual) {
        double worst = 0;
        for (int o = 0; o < reference.length; o++) {
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
}
