package io.ta.runtime.csv;

import java.nio.charset.StandardCharsets;

/**
 * The number syntax of a CSV cell: an optional sign, ASCII digits with an optional fraction ({@code 12}, {@code 12.5},
 * {@code .5}, {@code 12.}), an optional exponent ({@code 1e-3}, {@code 2.5E+4}). Nothing else is a number: no
 * hexadecimal, no {@code 100F} or {@code 7d} suffixes, no digits of other scripts, no thousands separators. A cell that
 * is empty or, ignoring case, {@code NaN}, {@code NA}, {@code Inf} or {@code Infinity} (the latter two with an optional
 * sign) is a missing value and reads as NaN: kernels and operators treat infinities as missing, so reading them as
 * missing keeps every consumer of the column consistent. A number whose magnitude exceeds {@link Double#MAX_VALUE}
 * (such as {@code 1e400}) is an error, not an infinity.
 */
final class CsvNumbers {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22};
    private static final long EXACT = 1L << 53;

    private CsvNumbers() {}

    /**
     * The value of {@code b[s..e)} (already trimmed), correctly rounded.
     *
     * @throws CellError if the text is not a number or is out of range
     */
    static double parse(byte[] b, int s, int e) {
        if (s == e) {
            return Double.NaN;
        }
        int i = s;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int exp10 = 0;
        boolean any = false;
        boolean inexact = false;
        while (i < e && isDigit(b[i])) {
            int d = b[i++] - '0';
            any = true;
            if (m == 0 && d == 0) {
                continue;
            }
            if (digits < 18) {
                m = m * 10 + d;
                digits++;
            } else {
                exp10++;
                inexact |= d != 0;
            }
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && isDigit(b[i])) {
                int d = b[i++] - '0';
                any = true;
                if (m == 0 && d == 0) {
                    exp10--;
                } else if (digits < 18) {
                    m = m * 10 + d;
                    digits++;
                    exp10--;
                } else {
                    inexact |= d != 0;
                }
            }
        }
        if (!any) {
            if (missingWord(b, s, e)) {
                return Double.NaN;
            }
            throw notANumber(b, s, e);
        }
        boolean bigExponent = false;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < e && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == e || !isDigit(b[i])) {
                throw notANumber(b, s, e);
            }
            int x = 0;
            while (i < e && isDigit(b[i])) {
                x = x * 10 + (b[i++] - '0');
                if (x > 100_000) {
                    bigExponent = true;
                    x = 100_000;
                }
            }
            exp10 += negativeExponent ? -x : x;
        }
        if (i != e) {
            throw notANumber(b, s, e);
        }
        if (m == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (!inexact && !bigExponent && m <= EXACT && exp10 >= -22 && exp10 <= 22) {
            // Clinger's fast path: m and 10^|exp10| are exact doubles, so one IEEE operation rounds correctly.
            double v = exp10 < 0 ? m / POW10[-exp10] : m * POW10[exp10];
            return negative ? -v : v;
        }
        // The syntax is ours (checked above) and a subset of Java's, which rounds correctly for any length.
        double v = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(v)) {
            throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is out of range (the largest number is "
                    + Double.MAX_VALUE + ")");
        }
        return v;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** {@code nan}, {@code na}, {@code [+-]inf}, {@code [+-]infinity}, ignoring case. */
    private static boolean missingWord(byte[] b, int s, int e) {
        int i = s;
        boolean signed = b[i] == '+' || b[i] == '-';
        if (signed) {
            i++;
        }
        int n = e - i;
        if (!signed && (equalsIgnoreCase(b, i, n, "nan") || equalsIgnoreCase(b, i, n, "na"))) {
            return true;
        }
        return equalsIgnoreCase(b, i, n, "inf") || equalsIgnoreCase(b, i, n, "infinity");
    }

    private static boolean equalsIgnoreCase(byte[] b, int i, int n, String word) {
        if (n != word.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            int c = b[i + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static CellError notANumber(byte[] b, int s, int e) {
        String hint = "a decimal such as -12.5 or 1.5e-3; empty, NaN or NA for a missing value";
        int commas = 0;
        boolean dot = false;
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                hint = "only the ASCII digits 0-9 are read";
                commas = 0;
                break;
            }
            commas += b[i] == ',' ? 1 : 0;
            dot |= b[i] == '.';
        }
        if (commas > 0) {
            // With a '.' as well, or several commas, the commas group thousands (1,234.5 or 1.234,5): telling the
            // user the decimal mark is '.' would not say what is wrong with a cell that already has one.
            hint = dot || commas > 1 ? "thousands separators are not read: write 1234.5" : "the decimal mark is '.'";
        }
        return new CellError("'" + CsvReader.excerpt(b, s, e) + "' is not a number (" + hint + ")");
    }
}
