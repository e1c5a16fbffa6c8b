package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.annotation.Scale;
import io.ta.kernels.price.MedPrice_Descriptor;
import io.ta.kernels.price.Pivots;
import io.ta.kernels.price.Pivots_Descriptor;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.Means;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import io.ta.testing.RandomBars;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Means of finite prices are finite (docs/contracts.md, "Extreme values"): a bar near the edge of the doubles, whose
 * median, typical price or midpoint fits a double although the sum of its prices does not, gives the value that a
 * double with a wider exponent range would give. The reference is the same run at prices 2⁻⁶⁴ times smaller, where
 * nothing overflows, scaled back: a power of two scales exactly, so every output must be its bits, bar for bar.
 */
class MeansNearTheEdgeTest {
    static final int N = 400;
    static final int AT = 150;

    @Test
    void medianPriceOfABarNearTheEdgeIsItsMedian() {
        double[] out = new double[1];
        MedPrice_Descriptor.batch(new double[] {1.6e308}, new double[] {1.2e308}, out);
        assertEquals(1.6e308 / 2 + 1.2e308 / 2, out[0]);
    }

    @Test
    void theHelperKeepsThePlainBitsAndScalesOnlyWhereTheyOverflow() {
        assertEquals((3.0 + 4.5) / 2.0, Means.mean(3.0, 4.5));
        assertEquals((0.1 + 0.7 + 0.2) / 3.0, Means.mean(0.1, 0.7, 0.2));
        assertEquals((0.1 + 0.7 + 0.3 * 2.0) / 4.0, Means.weighted(1, 0.1, 1, 0.7, 2, 0.3, 4));
        assertEquals(Double.MAX_VALUE, Means.mean(Double.MAX_VALUE, Double.MAX_VALUE));
        assertEquals(Double.MAX_VALUE, Means.mean(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE));
        assertEquals(-Double.MAX_VALUE, Means.mean(-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE,
                -Double.MAX_VALUE));
        assertEquals(1.5e308, Means.weighted(2, 1.5e308, -1, 1.5e308, 1));
        // A true value beyond the largest double stays infinite (the generated loop writes it as NaN).
        assertEquals(Double.POSITIVE_INFINITY, Means.weighted(2, 1.5e308, -1, -1.5e308, 1));
        assertEquals(Double.NaN, Means.mean(Double.NaN, 1.0));
        assertEquals(Double.NaN, Means.mean(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Means.mean(Double.POSITIVE_INFINITY, 1.0));
        // The scaled path rounds as the plain one does at a smaller exponent: its bits, scaled back.
        double a = 1.7e308;
        double b = 1.1e308 + 3 * Math.ulp(1.1e308);
        double c = 0.9e308;
        assertEquals(Math.scalb((Math.scalb(a, -8) + Math.scalb(b, -8) + Math.scalb(c, -8)) / 3.0, 8),
                Means.mean(a, b, c));
    }

    @Test
    void barPricesOfABarNearTheEdge() {
        for (String k : new String[] {"medprice", "typical_price", "avgprice", "wclprice", "heikin_ashi"}) {
            for (int run : new int[] {1, 3}) {
                matchesTheScaledRun(k, Map.of(), run);
            }
        }
    }

    @Test
    void kernelsOnABarsMedianOrTypicalPrice() {
        // Not cci: its deviations from the mean sum past the largest double there (documented).
        for (String k : new String[] {"ao", "ttm_trend", "alligator", "fisher"}) {
            matchesTheScaledRun(k, Map.of(), 1);
        }
        // Its ATR's Wilder average weighs its terms first after the tick (the bar after it has a true range near the
        // tick's close), which rounds otherwise than the run at 2^-64: the documented rule, to an ulp.
        matchesTheScaledRun("supertrend", Map.of(), 1, BAR, 1e-15);
    }

    @Test
    void pivotPointsOfABarNearTheEdge() {
        for (String method : new String[] {"classic", "fibonacci", "camarilla", "woodie", "demark"}) {
            matchesTheScaledRun("pivots", Map.of("method", method), 2);
        }
    }

    @Test
    void pivotLevelsThatFitWhereTheirTermsOverflow() {
        // Open, high, low, close: a bar from −1.7e308 to −0.3e308 (classic r3 = h + 2(pp − l) is 1.57e308 where
        // 2(pp − l) passes the largest double; mirrored, s3), and one from −1.6e308 to 0.36e308 whose range h − l
        // overflows where pp + range (r2, fibonacci's r3, camarilla's r4) fits. Both read NaN.
        double[][] bars = {{-0.3e308, -0.3e308, -1.7e308, -0.3e308, 0}, {-1.6e308, 0.36e308, -1.6e308, -1.6e308, 0}};
        for (double[] bar : bars) {
            for (String method : new String[] {"classic", "fibonacci", "camarilla", "woodie", "demark"}) {
                matchesTheScaledRun("pivots", Map.of("method", method), 1, bar, 0);
            }
        }
        double[] r3 = new double[3];
        Pivots_Descriptor.batch(new double[] {0, -0.3e308, 0}, new double[] {0, -0.3e308, 0},
                new double[] {0, -1.7e308, 0}, new double[] {0, -0.3e308, 0}, Pivots.Method.CLASSIC,
                new double[3], new double[3], new double[3], r3, new double[3], new double[3], new double[3],
                new double[3], new double[3]);
        assertEquals((7 * Math.scalb(-0.3e308, -4) - 4 * Math.scalb(-1.7e308, -4)) / 3 * 16, r3[2], 1e294);
    }

    @Test
    void midpointsOfAWindowNearTheEdge() {
        for (String k : new String[] {"midpoint", "midprice", "donchian", "ichimoku", "rolling_median"}) {
            matchesTheScaledRun(k, Map.of(), 100);
        }
    }

    @Test
    void accelerationBandsWidenByTheBarsRatioNearTheEdge() {
        // A bar whose widened high, H·(1 + 4(H − L)/(H + L)), still fits a double, where H + L does not.
        matchesTheScaledRun("accbands", Map.of(), 1, new double[] {1.1e308, 1.2e308, 1.0e308, 1.1e308, 1.1e308}, 0);
    }

    @Test
    void averagesExtrapolatedFromEmasNearTheEdge() {
        for (String k : new String[] {"dema", "tema", "t3"}) {
            matchesTheScaledRun(k, Map.of(), 200);
        }
    }

    /**
     * Bars {@code [AT, AT + run)} near the edge of the doubles (consistent: low ≤ open, close ≤ high), of either sign;
     * every output of the run must be the bits of the run at 2⁻⁶⁴ scaled back, at every bar.
     */
    static void matchesTheScaledRun(String kernel, Map<String, ?> given, int run) {
        matchesTheScaledRun(kernel, given, run, BAR, 0);
    }

    /** Open, high, low, close, and any other price input of a bar near the edge. */
    static final double[] BAR = {1.3e308, 1.6e308, 1.2e308, 1.5e308, 1.4e308};

    /**
     * {@link #matchesTheScaledRun(String, Map, int)} with {@code bar}'s prices, to {@code tolerance} relative
     * (0: bit for bit).
     */
    static void matchesTheScaledRun(String kernel, Map<String, ?> given, int run, double[] bar, double tolerance) {
        KernelDescriptor d = Descriptors.named(kernel);
        ParamValues p = ParamValues.of(d, given);
        for (double sign : new double[] {1, -1}) {
            double[][] big = new RandomBars(31, false).inputs(d.inputs(), N);
            for (int i = 0; i < big.length; i++) {
                if (d.inputScale(i) != Scale.PRICE) {
                    continue;
                }
                double v = switch (d.inputs().get(i)) {
                    case "open" -> bar[0];
                    case "high" -> sign > 0 ? bar[1] : bar[2];
                    case "low" -> sign > 0 ? bar[2] : bar[1];
                    case "close" -> bar[3];
                    default -> bar[4];
                };
                for (int t = AT; t < AT + run; t++) {
                    big[i][t] = sign * (v + (t % 3) * 1e306 * (d.inputs().get(i).equals("low") ? -1 : 1));
                }
            }
            double[][] small = new double[big.length][];
            for (int i = 0; i < big.length; i++) {
                small[i] = big[i].clone();
                if (d.inputScale(i) == Scale.PRICE) {
                    for (int t = 0; t < N; t++) {
                        small[i][t] = Math.scalb(big[i][t], -64);
                    }
                }
            }
            double[][] ob = d.batch(p, big);
            double[][] os = d.batch(p, small);
            for (int o = 0; o < ob.length; o++) {
                int k = d.outputs().get(o).scale() == Scale.PRICE ? 64 : 0;
                for (int t = 0; t < N; t++) {
                    double expected = Math.scalb(os[o][t], k);
                    expected = Math.abs(expected) <= Double.MAX_VALUE ? expected : Double.NaN;
                    double actual = ob[o][t];
                    boolean same = tolerance == 0 ? Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual)
                            : Double.isNaN(expected) ? Double.isNaN(actual)
                            : Math.abs(actual - expected) <= tolerance * Math.abs(expected);
                    if (!same) {
                        fail(kernel + "(" + p + ")." + d.outputs().get(o).name() + " at bar " + t + " (bars " + AT
                                + " to " + (AT + run - 1) + " near " + sign + "·1.5e308): " + actual
                                + ", the run at 2^-64 gives " + expected);
                    }
                }
            }
        }
    }
}
