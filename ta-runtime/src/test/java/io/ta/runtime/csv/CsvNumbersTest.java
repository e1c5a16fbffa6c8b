package io.ta.runtime.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The strict decimal syntax of numeric cells, and exact (correctly rounded) values. */
class CsvNumbersTest {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) * 100;

    static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return CsvNumbers.parse(b, 0, b.length);
    }

    static String refused(String text) {
        return assertThrows(CellError.class, () -> parse(text), text).getMessage();
    }

    @Test
    void decimalsInEverySpellingTheSyntaxAllows() {
        assertEquals(12.0, parse("12"));
        assertEquals(12.5, parse("12.5"));
        assertEquals(-12.5, parse("-12.5"));
        assertEquals(12.5, parse("+12.5"));
        assertEquals(0.5, parse(".5"));
        assertEquals(12.0, parse("12."));
        assertEquals(1500.0, parse("1.5e3"));
        assertEquals(0.0015, parse("1.5E-3"));
        assertEquals(25000.0, parse("2.5e+4"));
        assertEquals(7.0, parse("007"));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(parse("-0")));
        assertEquals(0.0, parse("0.000"));
        assertEquals(0.0, parse("1e-400"), "an underflow rounds to zero like any rounding");
        assertEquals(Double.MAX_VALUE, parse("1.7976931348623157e308"));
        assertEquals(Double.MIN_VALUE, parse("4.9e-324"));
        assertEquals(1e23, parse("100000000000000000000000"), "past the fast path's range");
        assertEquals(0.1, parse("0.1000000000000000000000000000000000001"));
    }

    @Test
    void missingValuesHaveOneDocumentedSetOfSpellings() {
        for (String missing : new String[] {"", "NaN", "nan", "NA", "na", "Inf", "-inf", "+INF", "Infinity", "-Infinity", "+infinity"}) {
            assertTrue(Double.isNaN(parse(missing)), missing);
        }
    }

    @Test
    void javaSyntaxAndOtherScriptsAreNotNumbers() {
        for (String bad : new String[] {"0x1p3", "0x10", "100F", "7d", "1.5f", "1L", "1_000", "abc", "1e", "e5", ".", "+", "-", "1.2.3",
            "1 2", "--1", "1e+", "1e5.5", "NaN1", "-NaN", "+nan", "infinit", "Infinityy", "1,5", "1,234.5", "١٤", "１２", "12€", "\u00a012"}) {
            assertTrue(refused(bad).contains("is not a number"), bad);
        }
        assertTrue(refused("١٤").contains("only the ASCII digits 0-9"));
        assertTrue(refused("1,5").contains("the decimal mark is '.'"));
        // '1,234.5' already has its '.': the comma is a thousands separator, and the message says that is the matter.
        for (String grouped : new String[] {"1,234.5", "1.234,5", "1,234,567"}) {
            assertTrue(refused(grouped).contains("(thousands separators are not read: write 1234.5)"), refused(grouped));
        }
        assertTrue(refused("0x1p3").contains("'0x1p3' is not a number (a decimal such as -12.5"));
    }

    @Test
    void anOverflowIsAnErrorNotAnInfinity() {
        assertTrue(refused("1e400").contains("'1e400' is out of range"));
        assertTrue(refused("-1.8e308").contains("out of range"));
        assertTrue(refused("1e99999999999999999999").contains("out of range"));
        assertEquals(0.0, parse("1e-99999999999999999999"));
        assertEquals(0.0, parse("0e99999999999999999999"));
    }

    @Test
    void everyDoubleWrittenByDoubleToStringReadsBackExactly() {
        SplittableRandom r = new SplittableRandom(41);
        for (int i = 0; i < EXAMPLES; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(parse(Double.toString(v))), Double.toString(v));
        }
    }

    @Test
    void shortDecimalsRoundExactlyLikeTheirExactValue() {
        // The fast path (<= 18 digits, exponent within ±22) against BigDecimal's exact value, correctly rounded.
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < EXAMPLES; i++) {
            long mantissa = r.nextLong(1, 1_000_000_000_000_000_000L) / (long) Math.pow(10, r.nextInt(18));
            int scale = r.nextInt(-25, 26);
            String text = new BigDecimal(java.math.BigInteger.valueOf(mantissa), scale).toString();
            assertEquals(new BigDecimal(text).doubleValue(), parse(text), text);
            String plain = new BigDecimal(java.math.BigInteger.valueOf(mantissa), Math.max(0, scale)).toPlainString();
            assertEquals(new BigDecimal(plain).doubleValue(), parse(plain), plain);
        }
    }
}
