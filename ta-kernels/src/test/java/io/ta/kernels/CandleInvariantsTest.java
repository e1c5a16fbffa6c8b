package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ta.annotation.Family;
import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.testing.KernelProperties;
import io.ta.testing.Oracles;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Candlestick patterns, accbands and imi: what their outputs mean, on random bars with missing values and extreme
 * magnitudes. Patterns give 0, ±100 (±80 only for engulfing, harami and harami cross, ±200 only for the hikkakes), and
 * are NaN exactly where a candle within their reach is incomplete; their answers do not depend on the unit of
 * quotation (scaling every price by a power of two, which is exact, changes nothing); {@code cdl_scan} is every pattern
 * kernel at once, bit for bit. Acceleration bands are ordered; IMI lies in [0, 100].
 */
class CandleInvariantsTest extends InvariantSuite {
    static final int EXAMPLES = KernelProperties.examples();
    static final long SEED = KernelProperties.seed();

    static List<KernelDescriptor> patterns() {
        return Descriptors.all().stream().filter(d -> d.family() == Family.CANDLE && d.outputs().size() == 1).toList();
    }

    @Override
    protected Map<String, Invariant> invariants() {
        Map<String, Invariant> m = new HashMap<>();
        for (KernelDescriptor d : patterns()) {
            Set<Double> allowed = switch (d.name()) {
                case "cdl_engulfing", "cdl_harami", "cdl_haramicross" -> Set.of(0.0, 100.0, -100.0, 80.0, -80.0);
                case "cdl_hikkake", "cdl_hikkakemod" -> Set.of(0.0, 100.0, -100.0, 200.0, -200.0);
                default -> Set.of(0.0, 100.0, -100.0);
            };
            m.put(d.name(), (c, out) -> {
                valuesIn(c, out[0], allowed);
                nanExactlyWhereACandleIsMissing(c, out[0], d.lookback(c.params()));
            });
        }
        m.put("accbands", (c, out) -> {
            double scale = 0;
            for (double[] x : c.inputs()) {
                for (double v : x) {
                    scale = Double.isFinite(v) ? Math.max(scale, Math.abs(v)) : scale;
                }
            }
            double slack = RESIDUE * scale * c.length();
            for (int t = 0; t < c.length(); t++) {
                if (!Double.isNaN(out[0][t] + out[1][t] + out[2][t])
                        && !(out[2][t] <= out[1][t] + slack && out[1][t] <= out[0][t] + slack)) {
                    fail(c + ": bar " + t + " bands out of order: " + out[2][t] + ", " + out[1][t] + ", " + out[0][t]);
                }
            }
        });
        m.put("imi", (c, out) -> Oracles.inRange(c, out, 0, 0, 100));
        return m;
    }

    static void valuesIn(KernelCase c, double[] v, Set<Double> allowed) {
        for (int t = 0; t < v.length; t++) {
            if (!Double.isNaN(v[t]) && !allowed.contains(v[t])) {
                fail(c + ": bar " + t + " is " + v[t] + ", not one of " + allowed);
            }
        }
    }

    /** NaN at t exactly when t < lookback or a candle among t − lookback .. t has a non-finite price. */
    static void nanExactlyWhereACandleIsMissing(KernelCase c, double[] v, int lookback) {
        int lastMissing = -1;
        for (int t = 0; t < v.length; t++) {
            for (double[] x : c.inputs()) {
                if (!Double.isFinite(x[t])) {
                    lastMissing = t;
                }
            }
            boolean expectNaN = t < lookback || lastMissing >= t - lookback;
            if (expectNaN != Double.isNaN(v[t])) {
                fail(c + ": bar " + t + " is " + v[t] + (expectNaN ? ", but a candle it reads is missing" : ", though every candle it reads is present"));
            }
        }
    }

    @Test
    void patternsDoNotDependOnTheUnitOfQuotation() {
        for (KernelDescriptor d : patterns()) {
            qt().withExamples(EXAMPLES / 4).withFixedSeed(SEED ^ d.name().hashCode() ^ 0x5CA1EL)
                    .forAll(longs().all().map(seed -> KernelCase.of(d, seed, false)))
                    .checkAssert(c -> {
                        double factor = Math.scalb(1.0, (int) Math.floorMod(c.seed(), 41L) - 20);
                        double[][] scaled = new double[c.inputs().length][];
                        for (int i = 0; i < scaled.length; i++) {
                            scaled[i] = c.inputs()[i].clone();
                            for (int t = 0; t < scaled[i].length; t++) {
                                scaled[i][t] *= factor;
                            }
                        }
                        double[] plain = d.batch(c.params(), c.inputs())[0];
                        double[] rescaled = d.batch(c.params(), scaled)[0];
                        for (int t = 0; t < plain.length; t++) {
                            assertEquals(plain[t], rescaled[t], c + ": bar " + t + " changes when prices are scaled by " + factor);
                        }
                    });
        }
    }

    @Test
    void scanIsEveryPatternAtOnce() {
        KernelDescriptor scan = Descriptors.named("cdl_scan");
        assertEquals(patterns().size(), scan.outputs().size(), "cdl_scan has one output per pattern kernel");
        qt().withExamples(EXAMPLES / 4).withFixedSeed(SEED ^ 0x5CA4L)
                .forAll(longs().all().map(seed -> KernelCase.of(scan, seed, true)))
                .checkAssert(c -> {
                    double[][] all = scan.batch(c.params(), c.inputs());
                    for (int o = 0; o < all.length; o++) {
                        KernelDescriptor d = Descriptors.named(scan.outputs().get(o).name());
                        double[] alone = d.batch(ParamValues.defaults(d), c.inputs())[0];
                        for (int t = 0; t < alone.length; t++) {
                            if (Double.doubleToLongBits(alone[t]) != Double.doubleToLongBits(all[o][t])) {
                                fail(c + ": cdl_scan." + d.name() + " at bar " + t + " is " + all[o][t] + ", " + d.name() + " gives " + alone[t]);
                            }
                        }
                        assertEquals(d.lookback(ParamValues.defaults(d)), scan.lookback(c.params(), o), d.name() + "'s lookback");
                    }
                });
        assertTrue(scan.lookback(ParamValues.defaults(scan)) >= 14);
    }
}
