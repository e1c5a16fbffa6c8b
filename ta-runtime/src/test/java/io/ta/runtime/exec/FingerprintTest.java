package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.SnapshotMismatchException;
import io.ta.kernels.TaExpr;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.testing.RandomBars;
import io.ta.runtime.Registry;
import io.ta.runtime.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan's fingerprint is the identity of its canonical DAG, not of its text: plans that compute the same thing
 * have one fingerprint and their snapshots restore into each other; plans that compute different things (or name
 * their results differently) do not.
 */
class FingerprintTest {
    static final double[] CLOSE = new RandomBars(7, true).walk(80);

    static Plan compile(Map<String, String> roots) {
        return Plan.compile(roots, Registry.standard());
    }

    static List<Plan> sameAsSma5() {
        return List.of(
                Plan.compile("sma(close, 5)"),
                Plan.compile("sma(close,5)"),
                Plan.compile("rolling_mean(close, 5)"),
                Plan.compile("avg(close, period=5)"),
                Plan.compile("sma(5)"),
                Plan.compile("sma(close, 5) # the five-bar mean"),
                Plan.compile("# mean\nsma(\n  close,\n  period = 2 + 3)"),
                Plan.of(TaExpr.close().sma(5)));
    }

    @Test
    void oneComputationHasOneFingerprintWhateverItsSpelling() {
        List<Plan> plans = sameAsSma5();
        for (Plan p : plans) {
            assertEquals(plans.get(0).fingerprint(), p.fingerprint(), p.text(Plan.VALUE));
        }
        assertEquals(Plan.compile("rsi(close)").fingerprint(), Plan.compile("rsi(close, 14)").fingerprint(), "defaults are filled");
        assertEquals(Plan.compile("ma(close, 30, ma_type=EMA)").fingerprint(), Plan.compile("ma(close, 30, ma_type='ema')").fingerprint());
        assertEquals(Plan.compile("hl2 > sma(close, 3)").fingerprint(), Plan.compile("medprice() > sma(close, 3)").fingerprint());
        assertEquals(Plan.compile("crossup(a=ema(close, 5), b=sma(open, 3))").fingerprint(),
                Plan.compile("crossup(b=sma(open, 3), a=ema(close, 5))").fingerprint(), "keyword order");
    }

    @Test
    void snapshotsOfTheSameComputationAreInterchangeable() {
        List<Plan> plans = sameAsSma5();
        for (Plan from : plans) {
            for (Plan into : plans) {
                PlanStream a = from.stream();
                PlanStream uninterrupted = into.stream();
                for (int i = 0; i < 40; i++) {
                    a.update(CLOSE[i]);
                    uninterrupted.update(CLOSE[i]);
                }
                PlanStream b = into.stream();
                b.restore(PlanSnapshot.fromBytes(a.snapshot().toBytes()));
                for (int i = 40; i < CLOSE.length; i++) {
                    b.update(CLOSE[i]);
                    uninterrupted.update(CLOSE[i]);
                    assertEquals(Double.doubleToRawLongBits(uninterrupted.value()), Double.doubleToRawLongBits(b.value()),
                            from.text(Plan.VALUE) + " -> " + into.text(Plan.VALUE) + " at bar " + i);
                }
            }
        }
    }

    @Test
    void differentComputationsOrResultNamesHaveDifferentFingerprints() {
        long sma5 = Plan.compile("sma(close, 5)").fingerprint();
        List<Plan> others = List.of(
                Plan.compile("sma(close, 6)"),
                Plan.compile("ema(close, 5)"),
                Plan.compile("sma(open, 5)"),
                Plan.compile("sma(close, 5) + 0"),
                Plan.compile("sma(close, 5) > 0"),
                compile(Map.of("mean", "sma(close, 5)")));
        for (Plan p : others) {
            assertNotEquals(sma5, p.fingerprint(), p.explain());
            PlanStream s = p.stream();
            PlanSnapshot snap = Plan.compile("sma(close, 5)").stream().snapshot();
            assertThrows(SnapshotMismatchException.class, () -> s.restore(snap), p.explain());
        }
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "sma(close, 5)");
        ab.put("b", "ema(close, 5)");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "ema(close, 5)");
        ba.put("a", "sma(close, 5)");
        assertNotEquals(compile(ab).fingerprint(), compile(ba).fingerprint(), "the order of results is part of the plan");
        assertNotEquals(Plan.compile("close - open").fingerprint(), Plan.compile("open - close").fingerprint());
        assertNotEquals(Plan.compile("close * -0").fingerprint(), Plan.compile("close * 0").fingerprint());
    }

    @Test
    void theFingerprintIsAStableFunctionOfThePlan() {
        // Snapshots persist the fingerprint, so its encoding is a format (docs/dsl.md, "Fingerprints"). The expected
        // value is the first 8 bytes of SHA-256 over that documented encoding, computed independently in Python:
        //   b = bytearray(); i = lambda v: b.extend(struct.pack('>q', v))
        //   def t(s): e = s.encode(); i(len(e)); b.extend(e)
        //   t("ta plan fingerprint 1"); i(2)
        //   b.extend(b'C'); t("close"); i(0)
        //   b.extend(b'F'); t("sma"); i(1); b.extend(b'i'); i(5); i(1); i(0); i(0)
        //   i(1); t("value"); i(1); i(0)
        //   hashlib.sha256(bytes(b)).hexdigest()[:16]  ->  'a1e674380ad41e10'
        assertEquals(0xa1e674380ad41e10L, Plan.compile("sma(close, 5)").fingerprint(),
                Long.toHexString(Plan.compile("sma(close, 5)").fingerprint()));
    }

    /**
     * Plans that read time keep the fingerprints earlier builds gave them (snapshots carry them), and their equality,
     * which also hashes each timeframe's inner plan's whole digest, follows the computation, not the spelling.
     */
    @Test
    void timedPlansKeepTheirFingerprintsAndAreEqualByTheirInnerPlans() {
        assertEquals(0x92482cc2b1b3e90bL, Plan.compile("rsi(close@1w, 14)").fingerprint());
        assertEquals(0x846605cf2d4cbc0L, Plan.compile("sma(close@1h, 3) > sma(close@4h, 3)").fingerprint());
        assertEquals(0xe4f80ba925a21080L, Plan.compile("close.24h_ago").fingerprint());
        assertEquals(0xa397281019feeb84L, Plan.compile(Map.of(Plan.VALUE, "rsi(close@1d, 14)"), Registry.standard(),
                java.time.ZoneId.of("America/New_York")).fingerprint());
        assertEquals(Plan.compile("rsi(close@1w, 14)"), Plan.compile("rsi(close, period=14)@1w"));
        assertEquals(Plan.compile("rsi(close@1w, 14)").hashCode(), Plan.compile("rsi(close, period=14)@1w").hashCode());
        assertNotEquals(Plan.compile("sma(close@1w, 3)"), Plan.compile("sma(open@1w, 3)"));
        assertNotEquals(Plan.compile("sma(close@1w, 3)"), Plan.compile("sma(close@1d, 3)"));
    }

    /**
     * 64 bits name a snapshot's plan well enough, but about 2^32 tries find two plans with one fingerprint. Forced here
     * (a field set by reflection), such plans were equal and shared one compiled class: the second ran the first's code.
     */
    @Test
    void plansWhoseFingerprintsCollideAreNotOnePlan() throws ReflectiveOperationException {
        Plan first = Plan.compile("sma(close, 7) - wma(close, 4)");
        Plan second = Plan.compile("sma(close, 7) + wma(close, 4)");
        java.lang.reflect.Field fingerprint = io.ta.runtime.plan.PlanGraph.class.getDeclaredField("fingerprint");
        fingerprint.setAccessible(true);
        fingerprint.setLong(second.graph(), first.fingerprint());
        assertEquals(first.fingerprint(), second.fingerprint());
        assertNotEquals(first, second);

        io.ta.runtime.Bars bars = io.ta.runtime.Bars.builder().column("close", CLOSE).build();
        double[] firstValues = BlockExecutor.compiled(first, 16).run(bars).get(Plan.VALUE).toArray();
        double[] secondValues = BlockExecutor.compiled(second, 16).run(bars).get(Plan.VALUE).toArray();
        double[] sma = io.ta.kernels.Ta.sma(CLOSE, 7);
        double[] wma = io.ta.kernels.Ta.wma(CLOSE, 4);
        for (int i = 6; i < CLOSE.length; i++) {
            assertEquals(sma[i] - wma[i], firstValues[i], "first at " + i);
            assertEquals(sma[i] + wma[i], secondValues[i], "second at " + i);
        }
    }
}
