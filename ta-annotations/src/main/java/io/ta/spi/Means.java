package io.ta.spi;

/**
 * Means and weighted means of a few values, such as a bar's median price {@code (H + L)/2}, that are finite whenever
 * the values are and the mean fits a double. Each returns the plain formula's bits, in the order written in its
 * documentation, wherever that formula does not overflow, so a kernel keeps TA-Lib's bits and batch ≡ stream. Where
 * its sum passes the largest double (a bar near the edge of the doubles: {@code (1.6e308 + 1.2e308)/2} read NaN), the
 * same operations are taken on the values scaled by a power of two small enough that no partial sum overflows, and the
 * result scaled back: exactly the bits a double with a wider exponent range would give (docs/contracts.md, "Extreme
 * values"). A missing value (NaN, ±Infinity) gives what the plain formula gives.
 *
 * <p>One test of the result per call, a branch that a stream of finite prices never takes: the scaled path is out of
 * line, so the plain formula is what the JIT inlines into a kernel's loop.
 */
public final class Means {
    private Means() {}

    /** {@code (a + b) / 2}. */
    public static double mean(double a, double b) {
        double m = (a + b) / 2.0;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(1.0, a, 1.0, b, 0.0, 0.0, 0.0, 0.0, 2.0);
    }

    /** {@code (a + b + c) / 3}. */
    public static double mean(double a, double b, double c) {
        double m = (a + b + c) / 3.0;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(1.0, a, 1.0, b, 1.0, c, 0.0, 0.0, 3.0);
    }

    /** {@code (a + b + c + d) / 4}. */
    public static double mean(double a, double b, double c, double d) {
        double m = (a + b + c + d) / 4.0;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(1.0, a, 1.0, b, 1.0, c, 1.0, d, 4.0);
    }

    /**
     * {@code (wa·a + wb·b) / divisor}; a weight of 1 is exact, so {@code weighted(2, x, -1, y, 1)} has the bits of
     * {@code 2·x − y}.
     */
    public static double weighted(double wa, double a, double wb, double b, double divisor) {
        double m = (wa * a + wb * b) / divisor;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(wa, a, wb, b, 0.0, 0.0, 0.0, 0.0, divisor);
    }

    /** {@code (wa·a + wb·b + wc·c) / divisor}. */
    public static double weighted(double wa, double a, double wb, double b, double wc, double c, double divisor) {
        double m = (wa * a + wb * b + wc * c) / divisor;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(wa, a, wb, b, wc, c, 0.0, 0.0, divisor);
    }

    /** {@code (wa·a + wb·b + wc·c + wd·d) / divisor}. */
    public static double weighted(double wa, double a, double wb, double b, double wc, double c, double wd, double d,
            double divisor) {
        double m = (wa * a + wb * b + wc * c + wd * d) / divisor;
        return Math.abs(m) <= Double.MAX_VALUE ? m : scaled(wa, a, wb, b, wc, c, wd, d, divisor);
    }

    /**
     * The weighted mean at 2<sup>−k</sup>, with 2<sup>k</sup> above the sum of the weights' magnitudes, so no term
     * or partial sum of finite values can overflow, scaled back by 2<sup>k</sup>. Scaling by a power of two is exact
     * for every value whose scaled form is not subnormal, and a term that small cannot change the rounding of a sum
     * that passed the largest double, so every rounding is the plain formula's at another exponent. Absent terms have
     * weight 0; they add +0.0 to a sum that is not 0 here (it overflowed), which leaves it as it is. Runs only where
     * the plain formula's result was not finite, so it is never hot.
     */
    private static double scaled(double wa, double a, double wb, double b, double wc, double c, double wd, double d,
            double divisor) {
        int k = Math.getExponent(Math.abs(wa) + Math.abs(wb) + Math.abs(wc) + Math.abs(wd)) + 1;
        double down = Math.scalb(1.0, -k);
        double m = (wa * (a * down) + wb * (b * down) + wc * (c * down) + wd * (d * down)) / divisor;
        return m * Math.scalb(1.0, k);
    }
}
