package io.ta.runtime.source;

import io.ta.error.SnapshotMismatchException;

/**
 * A Neumaier-compensated sum with a wider exponent than a double's: its two parts times 2^(64·level). While the sum
 * fits a double the level is 0 and it is the plain compensated sum, with one test per term. Finite terms whose sum
 * passes the largest double (prices near it, or a price times an amount beyond it) raise the level, which scales the
 * sum by 2⁻⁶⁴, exactly, and the terms with it; it drops back as soon as the sum fits again. So a mean or a ratio of
 * such sums is the one a wider exponent range would give (docs/contracts.md, "Extreme values"), where the plain sum
 * read ∞ and its mean NaN. Above level 0 a term below 2⁻¹⁰⁷⁴ of the level's unit is lost, some 2⁹⁵⁰ times below
 * the sum. An infinite term makes the sum missing (NaN) until it is cleared.
 */
final class WideSum {
    private static final double MAX = Double.MAX_VALUE;
    /** Levels are 2⁶⁴ apart: scaling by a power of two is exact for every double that stays normal. */
    private static final int STEP = 64;
    /** The highest level a sum of products of finite doubles needs: 2^(64·17) > 2²⁰⁴⁸ / 2¹⁰²⁴. */
    private static final int MAX_LEVEL = 17;

    /** The sum at level 0; +Infinity at any other level, so that the common case takes one test. */
    private double hi;
    private double lo;
    /** The sum's parts at {@link #level}, above 0. */
    private double wideHi;
    private double wideLo;
    private int level;
    private boolean missing;

    void clear() {
        hi = 0;
        lo = 0;
        wideHi = 0;
        wideLo = 0;
        level = 0;
        missing = false;
    }

    /** Adds x (not NaN). */
    void add(double x) {
        addProduct(x, 1.0);
    }

    /** Adds v·w (not NaN), the product rounded once as with a wider exponent. */
    void addProduct(double v, double w) {
        double p = v * w;
        double t = hi + p;
        if (Math.abs(t) <= MAX) {
            lo += error(hi, p, t);
            hi = t;
        } else {
            addWide(v, w);
        }
    }

    /** The exact rounding error of {@code a + b}, which rounded to {@code s} (Neumaier's compensation term). */
    private static double error(double a, double b, double s) {
        return Math.abs(a) >= Math.abs(b) ? (a - s) + b : (b - s) + a;
    }

    /** The rare way: v·w added at the level where both it and the sum fit, then the lowest level that holds it. */
    private void addWide(double v, double w) {
        if (missing || !Double.isFinite(v) || !Double.isFinite(w)) {
            missing = true;
            return;
        }
        if (level == 0) {
            wideHi = hi;
            wideLo = lo;
        }
        while (true) {
            // The larger factor is scaled: it is at least √|v·w|, so it stays normal at any level the product needs.
            double p = Math.abs(v) >= Math.abs(w) ? Math.scalb(v, -STEP * level) * w : v * Math.scalb(w, -STEP * level);
            double t = wideHi + p;
            if (Math.abs(t) <= MAX) {
                wideLo += error(wideHi, p, t);
                wideHi = t;
                break;
            }
            level++;
            wideHi = Math.scalb(wideHi, -STEP);
            wideLo = Math.scalb(wideLo, -STEP);
        }
        while (level > 0 && Math.abs(wideHi) <= Math.scalb(MAX, -STEP)) {
            level--;
            wideHi = Math.scalb(wideHi, STEP);
            wideLo = Math.scalb(wideLo, STEP);
        }
        hi = level == 0 ? wideHi : Double.POSITIVE_INFINITY;
        lo = level == 0 ? wideLo : 0;
    }

    // The results below may be ±∞ where a wider exponent is all that holds them; Accumulator makes every output that
    // is not finite NaN, once.

    /** The sum rounded once; NaN when it is missing or no double holds it (above level 0). */
    double value() {
        return missing || level > 0 ? Double.NaN : hi + lo;
    }

    /** The sum divided by n, rounded once; NaN when missing. */
    double mean(long n) {
        return missing ? Double.NaN : up(parts() / n, level);
    }

    /** This sum over {@code d}, rounded once; NaN when either is missing or d is 0. */
    double over(WideSum d) {
        double den = d.parts();
        if (missing || d.missing || den == 0) {
            return Double.NaN;
        }
        return up(parts() / den, level - d.level);
    }

    /** x times 2^(64·levels); x itself for 0, the common case, where {@code Math.scalb} still costs a call. */
    private static double up(double x, int levels) {
        return levels == 0 ? x : Math.scalb(x, STEP * levels);
    }

    /** The sum at its level, rounded once. */
    private double parts() {
        return level == 0 ? hi + lo : wideHi + wideLo;
    }

    /** The state: hi, lo, level and missing. */
    void write(double[] s, int at) {
        s[at] = level == 0 ? hi : wideHi;
        s[at + 1] = level == 0 ? lo : wideLo;
        s[at + 2] = missing ? -1 : level;
    }

    /**
     * Refuses a state no sum reaches, changing nothing: a level no sum of finite doubles needs (a product of two is
     * below 2²⁰⁴⁸, 2⁶⁴ to the 17th), or parts that are not finite.
     *
     * @throws SnapshotMismatchException naming the parts
     */
    static void check(double[] s, int at) {
        double l = s[at + 2];
        if (!(l == -1 || l >= 0 && l <= MAX_LEVEL && l == Math.rint(l)) || !Double.isFinite(s[at])
                || !Double.isFinite(s[at + 1])) {
            throw new SnapshotMismatchException("a sum's state is its two parts, finite, and a level from 0 to "
                    + MAX_LEVEL + " (-1: missing); got " + s[at] + ", " + s[at + 1] + ", " + l);
        }
    }

    /** Reads a state {@link #write} wrote and {@link #check} passed. */
    void read(double[] s, int at) {
        double l = s[at + 2];
        missing = l < 0;
        level = missing ? 0 : (int) l;
        wideHi = s[at];
        wideLo = s[at + 1];
        hi = level == 0 ? wideHi : Double.POSITIVE_INFINITY;
        lo = level == 0 ? wideLo : 0;
    }
}
