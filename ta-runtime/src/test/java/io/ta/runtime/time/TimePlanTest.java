package io.ta.runtime.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.error.ShapeMismatchException;
import io.ta.error.StreamStateException;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.ExpressionException;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import io.ta.runtime.resample.Resample;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Time in plans: timeframes without look-ahead, wall-clock shifts over gaps, sessions — checked by hand, against
 * {@link Resample} and naive references, by perturbing the future, and batch ≡ stream ≡ stream with restore.
 */
class TimePlanTest {
    static final double NAN = Double.NaN;
    static final long H = 3_600_000L;
    static final long M = 60_000L;
    static final ZoneId NY = ZoneId.of("America/New_York");

    /** Every time construct the language has, one per expression. */
    static final List<String> CONSTRUCTS = List.of("close@1h", "rsi(close, 3)@4h", "rsi(close@1d, 3) > 50", "atr(3)@1d",
            "close@1w - close", "downsample(close, '4h', 'mean')", "sma(downsample(volume, '1d', agg='sum'), 2)",
            "sync_timeframe(downsample(close, '1d'), close)", "upsample(close@1d)", "high@5", "macd(close@4h, 3, 6, 2).signal",
            "shift(close, '1d')", "close.24h_ago", "volume.change_pct_24h", "change(close, '90m')", "roc(close, '1h')",
            "close.change_2h", "session_start('1d')", "session_high('1d')", "session_low(close, '4h')", "session_open('1w')",
            "anchored_vwap('1d')", "anchored_vwap(anchor=session_start('1w'))", "(close@1M + close@1M) / 2",
            "close@1Q", "close@1y > sma(close, 3)");

    static Bars bars(long first, long[] gaps, double[] close) {
        long[] t = new long[close.length];
        t[0] = first;
        for (int i = 1; i < t.length; i++) {
            t[i] = t[i - 1] + gaps[(i - 1) % gaps.length];
        }
        return Bars.builder().time(t).column("close", close).build();
    }

    static long utc(String iso) {
        return java.time.Instant.parse(iso).toEpochMilli();
    }

    /** Random OHLCV bars with irregular gaps (some of days), a few missing values. */
    static Bars randomBars(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] t = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        long step = new long[] {M, 15 * M, H, 4 * H, 24 * H}[r.nextInt(5)];
        t[0] = utc("2024-01-01T00:00:00Z") + r.nextLong(40 * 24 * H);
        double p = 100;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                t[i] = t[i - 1] + (r.nextInt(10) == 0 ? step * (1 + r.nextInt(60)) : r.nextInt(6) == 0 ? step / 2 + 1 : step);
            }
            double open = p;
            p = Math.max(1, p + r.nextGaussian());
            o[i] = open;
            c[i] = p;
            h[i] = Math.max(open, p) + r.nextDouble();
            l[i] = Math.min(open, p) - r.nextDouble();
            v[i] = Math.rint(1000 * r.nextDouble());
            if (r.nextInt(40) == 0) {
                c[i] = NAN;
            }
        }
        return Bars.ohlcv(t, o, h, l, c, v);
    }

    /**
     * {@link #randomBars} with a few ticks at the edges of the doubles: on one field of a bar, or on the volumes of two
     * bars in a row, whose sum (a coarse bar's volume) passes the largest double.
     */
    static Bars hostileBars(long seed, int n) {
        Bars b = randomBars(seed, n);
        SplittableRandom r = new SplittableRandom(~seed);
        double[][] f = {b.column("open").clone(), b.column("high").clone(), b.column("low").clone(),
            b.column("close").clone(), b.column("volume").clone()};
        double[] ticks = {Double.MAX_VALUE, -Double.MAX_VALUE, 1e200, 1e300, 1e-300};
        for (int k = 0; k < 3 && n > 1; k++) {
            int at = r.nextInt(n - 1);
            if (r.nextBoolean()) {
                f[4][at] = Double.MAX_VALUE;
                f[4][at + 1] = Double.MAX_VALUE;
            } else {
                f[r.nextInt(5)][at] = ticks[r.nextInt(ticks.length)];
            }
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = b.time(i);
        }
        return Bars.ohlcv(t, f[0], f[1], f[2], f[3], f[4]);
    }

    static Plan plan(String expr, ZoneId zone) {
        return Plan.compile(Map.of(Plan.VALUE, expr), Registry.standard(), zone);
    }

    static double[] stream(Plan plan, Bars bars) {
        PlanStream s = plan.stream();
        double[] out = new double[bars.length()];
        for (int i = 0; i < out.length; i++) {
            s.update(bars.time(i), bar(s, bars, i));
            out[i] = s.value();
        }
        return out;
    }

    static double[] bar(PlanStream s, Bars bars, int i) {
        double[] b = new double[s.columns().size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = bars.column(s.columns().get(k))[i];
        }
        return b;
    }

    static void same(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual[i]) != 0) {
                fail(what + " at bar " + i + ": " + actual[i] + " vs expected " + expected[i]);
            }
        }
    }

    @Test
    void aCoarseValueIsVisibleOnceItsPeriodHasClosed() {
        // 1h periods (10,11], (11,12], (13,14]: 11:00 closes the first at its own bar; 13:15 shows that (11,12] closed.
        Bars b = Bars.builder().time(new long[] {utc("2024-01-02T10:30:00Z"), utc("2024-01-02T11:00:00Z"),
                utc("2024-01-02T11:30:00Z"), utc("2024-01-02T13:15:00Z"), utc("2024-01-02T14:00:00Z")})
                .column("close", new double[] {1, 2, 3, 4, 5}).build();
        Plan p = Plan.compile("close@1h");
        assertArrayEquals(new double[] {NAN, 2, 2, 3, 5}, p.run(b).value().toArray());
        same(new double[] {NAN, 2, 2, 3, 5}, stream(p, b), "stream");
        // mean of each hour: (1+2)/2, then 3 alone, then 4 and 5.
        assertArrayEquals(new double[] {NAN, 1.5, 1.5, 3, 4.5}, Plan.compile("downsample(close, '1h', 'mean')").run(b).value().toArray());
    }

    @Test
    void aBarAfterAGapStampedAtABoundaryClosesTwoPeriods() {
        // 10:30 opens (10,11]; 12:00 closes it (pending) and closes (11,12] at its own stamp: both in one bar.
        Bars b = Bars.builder().time(new long[] {utc("2024-01-02T10:30:00Z"), utc("2024-01-02T12:00:00Z"), utc("2024-01-02T12:30:00Z")})
                .column("close", new double[] {1, 2, 3}).build();
        Plan p = Plan.compile("sma(close@1h, 2)");
        assertArrayEquals(new double[] {NAN, 1.5, 1.5}, p.run(b).value().toArray());
        PlanStream s = p.stream();
        s.update(b.time(0), 1);
        s.preview(b.time(1), 2);
        assertEquals(1.5, s.value()); // the preview commits nothing ...
        s.preview(b.time(1), 4);
        assertEquals(2.5, s.value());
        s.update(b.time(1), 7);
        s.replaceLast(2);
        assertEquals(1.5, s.value()); // ... and replaceLast revises the coarse bar the last bar closed
    }

    @Test
    void shiftsByWallClockOverGaps() {
        // 10:00, 10:30, 11:00, 11:45, then a gap to 13:00, 13:30.
        Bars b = bars(utc("2024-01-02T10:00:00Z"), new long[] {30 * M, 30 * M, 45 * M, 75 * M, 30 * M}, new double[] {1, 2, 3, 4, 5, 6});
        assertArrayEquals(new double[] {NAN, NAN, 1, 2, 4, 4}, Plan.compile("shift(close, '1h')").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 1, 2, 4, 4}, Plan.compile("close.1h_ago").run(b).value().toArray());
        // A bar count reads the wrong bar after the gap: shift(close, 2) at 13:30 is 11:45's... and at 13:00 is 11:00's.
        assertArrayEquals(new double[] {NAN, NAN, 1, 2, 3, 4}, Plan.compile("shift(close, 2)").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 2, 2, 1, 2}, Plan.compile("change(close, '1h')").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 200, 100, 25, 50}, Plan.compile("change_pct(close, '1h')").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 200, 100, 25, 50}, Plan.compile("close.change_pct_1h").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 200, 100, 25, 50}, Plan.compile("roc(close, '60m')").run(b).value().toArray());
    }

    /**
     * A lag's result that passes the largest double is NaN, as any operator's is and as the roc kernel's is: a rate of
     * -1e308 against 0.5 is -2e310 %, and roc by time showed -Infinity there (and +Infinity for 1e308 against -0.5).
     */
    @Test
    void aWallClockRateThatOverflowsIsNaNNeverInfinite() {
        Bars b = bars(utc("2024-01-02T10:00:00Z"), new long[] {H, H, H, H}, new double[] {0.5, -1e308, -0.5, 1e308, 2e307});
        double[] kernel = Plan.compile("roc(close, 1)").run(b).value().toArray();
        assertTrue(Double.isNaN(kernel[1]) && Double.isNaN(kernel[3]) && Double.isFinite(kernel[4]), "the kernel's rates");
        for (String e : List.of("roc(close, '1h')", "change_pct(close, '1h')", "change(close, '1h')")) {
            Plan plan = Plan.compile(e);
            double[] batch = plan.run(b).value().toArray();
            PlanStream s = plan.stream();
            for (int i = 0; i < b.length(); i++) {
                s.update(b.time(i), b.column("close")[i]);
                assertTrue(!Double.isInfinite(batch[i]) && !Double.isInfinite(s.value()), e + " at bar " + i + ": " + batch[i]);
                assertEquals(batch[i], s.value(), e + " at bar " + i);
            }
            if (e.startsWith("roc")) {
                assertArrayEquals(kernel, batch, "roc by time over hourly bars is the roc kernel over one bar");
            }
        }
    }

    @Test
    void weekendsAndMissingDaysInADailyShift() {
        // Daily closes Thu 4, Fri 5, Mon 8, Tue 9 Jan 2024 (16:00 UTC): a day before Monday is Sunday → Friday's close.
        long thu = utc("2024-01-04T16:00:00Z");
        long d = 24 * H;
        Bars b = Bars.builder().time(new long[] {thu, thu + d, thu + 4 * d, thu + 5 * d}).column("close", new double[] {10, 11, 12, 13}).build();
        assertArrayEquals(new double[] {NAN, 10, 11, 12}, Plan.compile("close.24h_ago").run(b).value().toArray());
        assertArrayEquals(new double[] {NAN, NAN, 11, 11}, Plan.compile("shift(close, '2d')").run(b).value().toArray());
    }

    @Test
    void timeframesEqualResampleThenSync() {
        for (long seed = 1; seed <= 30; seed++) {
            Bars b = randomBars(seed, 300);
            ZoneId zone = seed % 3 == 0 ? NY : ZoneOffset.UTC;
            for (String tf : new String[] {"15m", "1h", "4h", "1d", "1w", "1M", "7"}) {
                Bars coarse = Resample.resample(b, Timeframe.parse(tf), zone);
                for (String inner : new String[] {"close", "high", "volume", "rsi(close, 3)", "atr(2)"}) {
                    double[] onCoarse = Plan.compile(inner).run(coarse).value().toArray();
                    double[] expected = Resample.sync(coarse.times(), onCoarse, b.times(), Resample.Fill.FFILL);
                    Plan p = plan("(" + inner + ")@" + tf, zone);
                    String what = "seed " + seed + " " + inner + "@" + tf;
                    same(expected, p.run(b).value().toArray(), what);
                    same(expected, stream(p, b), what + " streamed");
                }
            }
        }
    }

    @Test
    void noLookAheadInAnyConstruct() {
        for (long seed = 1; seed <= 12; seed++) {
            Bars b = randomBars(seed, 240);
            SplittableRandom r = new SplittableRandom(seed);
            for (String expr : CONSTRUCTS) {
                Plan p = plan(expr, seed % 2 == 0 ? NY : ZoneOffset.UTC);
                double[] base = p.run(b).value().toArray();
                for (int trial = 0; trial < 3; trial++) {
                    int k = r.nextInt(b.length());
                    Bars changed = perturbAfter(b, k, r);
                    double[] after = p.run(changed).value().toArray();
                    for (int i = 0; i <= k; i++) {
                        if (Double.compare(base[i], after[i]) != 0) {
                            fail(expr + " (seed " + seed + "): bar " + i + " changed from " + base[i] + " to " + after[i]
                                    + " when only bars after " + k + " changed");
                        }
                    }
                }
            }
        }
    }

    /** The same bars up to {@code k}; every later value (and later times) changed. */
    static Bars perturbAfter(Bars b, int k, SplittableRandom r) {
        long[] old = b.times();
        long[] t = b.times();
        for (int i = k + 1; i < t.length; i++) {
            t[i] = t[i - 1] + 1 + r.nextLong(2 * (old[i] - old[i - 1]) + 1);
        }
        Bars.Builder out = Bars.builder().time(t);
        for (String c : b.columns()) {
            double[] v = b.column(c).clone();
            for (int i = k + 1; i < v.length; i++) {
                v[i] = r.nextInt(10) == 0 ? NAN : v[i] * (1 + r.nextGaussian());
            }
            out.column(c, v);
        }
        return out.build();
    }

    @Test
    void batchEqualsStreamEqualsRestoredWithPreviewsAndRevisions() {
        for (long seed = 1; seed <= 30; seed++) {
            Bars b = seed <= 20 ? randomBars(seed, 200) : hostileBars(seed, 200);
            SplittableRandom r = new SplittableRandom(seed);
            Map<String, String> exprs = new HashMap<>();
            for (int i = 0; i < CONSTRUCTS.size(); i++) {
                exprs.put("e" + i, CONSTRUCTS.get(i));
            }
            Plan p = Plan.compile(new java.util.TreeMap<>(exprs), Registry.standard(), seed % 2 == 0 ? NY : ZoneOffset.UTC);
            PlanResult batch = new BlockExecutor(p, 1 + r.nextInt(64)).run(b);
            PlanStream s = p.stream();
            PlanStream restored = null;
            int cut = r.nextInt(b.length());
            for (int i = 0; i < b.length(); i++) {
                double[] bar = bar(s, b, i);
                if (r.nextInt(3) == 0) {
                    s.preview(b.time(i), wrong(bar, r));
                }
                if (r.nextInt(4) == 0) {
                    s.update(b.time(i), wrong(bar, r));
                    s.replaceLast(bar);
                } else {
                    s.update(b.time(i), bar);
                }
                if (restored != null) {
                    restored.update(b.time(i), bar);
                }
                for (String root : p.roots().keySet()) {
                    double expected = batch.get(root).get(i);
                    if (Double.compare(expected, s.value(root)) != 0) {
                        fail("seed " + seed + " " + p.text(root) + " at " + i + ": stream " + s.value(root) + " vs batch " + expected);
                    }
                    if (restored != null && Double.compare(expected, restored.value(root)) != 0) {
                        fail("seed " + seed + " " + p.text(root) + " at " + i + ": restored " + restored.value(root) + " vs batch " + expected);
                    }
                }
                if (i == cut) {
                    restored = p.stream();
                    restored.restore(PlanSnapshot.fromBytes(s.snapshot().toBytes()));
                    assertEquals(s.count(), restored.count());
                }
            }
        }
    }

    /**
     * A live feed previews each bar's ticks before the bar closes, and a checkpoint may fall between a tick and the
     * close. A snapshot taken right after a preview restores, and the restored stream goes on as the original: a tick
     * stamped at the end of a timeframe's period closes it in the preview, whose value the inner stream kept, and the
     * snapshot was refused ("timeframe: corrupt snapshot (shows 4.0, its closed periods give 9.0)").
     */
    @Test
    void aSnapshotTakenRightAfterAPreviewRestoresAndContinues() {
        for (long seed = 1; seed <= 12; seed++) {
            Bars b = seed <= 8 ? randomBars(seed, 150) : hostileBars(seed, 150);
            SplittableRandom r = new SplittableRandom(seed);
            for (String expr : CONSTRUCTS) {
                Plan p = plan(expr, seed % 2 == 0 ? NY : ZoneOffset.UTC);
                PlanStream s = p.stream();
                PlanStream restored = null;
                for (int i = 0; i < b.length(); i++) {
                    double[] bar = bar(s, b, i);
                    if (i > 0) {
                        s.preview(b.time(i), wrong(bar, r));
                        if (r.nextInt(10) == 0) {
                            restored = p.stream();
                            restored.restore(PlanSnapshot.fromBytes(s.snapshot().toBytes()));
                        }
                    }
                    s.update(b.time(i), bar);
                    if (restored != null) {
                        restored.update(b.time(i), bar);
                        if (Double.compare(s.value(), restored.value()) != 0) {
                            fail(expr + " seed " + seed + " at " + i + ": restored " + restored.value() + ", original "
                                    + s.value());
                        }
                    }
                }
            }
        }
    }

    /** Each preview equals what an update with the same bar would give. */
    @Test
    void previewEqualsTheUpdateItForetells() {
        for (long seed = 1; seed <= 15; seed++) {
            Bars b = seed <= 10 ? randomBars(seed, 150) : hostileBars(seed, 150);
            for (String expr : CONSTRUCTS) {
                Plan p = plan(expr, NY);
                PlanStream s = p.stream();
                for (int i = 0; i < b.length(); i++) {
                    double[] bar = bar(s, b, i);
                    s.preview(b.time(i), bar);
                    double previewed = s.value();
                    s.update(b.time(i), bar);
                    if (Double.compare(previewed, s.value()) != 0) {
                        fail(expr + " seed " + seed + " at " + i + ": preview " + previewed + ", update " + s.value());
                    }
                }
            }
        }
    }

    @Test
    void sessionVwapEqualsANaiveDailyVwap() {
        for (long seed = 1; seed <= 10; seed++) {
            Bars b = randomBars(seed, 500);
            double[] got = plan("anchored_vwap('1d')", NY).run(b).value().toArray();
            double[] high = b.column("high");
            double[] low = b.column("low");
            double[] close = b.column("close");
            double[] vol = b.column("volume");
            LocalDate day = null;
            double pv = 0;
            double v = 0;
            for (int i = 0; i < b.length(); i++) {
                // Stamped at its close: a bar at exactly midnight is the last of the day before.
                LocalDate d = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(b.time(i) - 1), NY);
                if (!d.equals(day)) {
                    day = d;
                    pv = 0;
                    v = 0;
                }
                double expected;
                if (!Double.isFinite(close[i])) {
                    expected = NAN;
                } else {
                    double tp = (high[i] + low[i] + close[i]) / 3;
                    pv += tp * vol[i];
                    v += vol[i];
                    expected = v == 0 ? tp : pv / v;
                }
                if (Double.isNaN(expected) != Double.isNaN(got[i])
                        || (!Double.isNaN(expected) && Math.abs(expected - got[i]) > 1e-9 * Math.max(1, Math.abs(expected)))) {
                    fail("seed " + seed + " bar " + i + ": " + got[i] + " vs naive " + expected);
                }
            }
        }
    }

    @Test
    void sessionOpenHighLowSinceTheSessionStart() {
        // 4h sessions (00,04], (04,08]: bars at 01, 02, 04 (closes the first), 05, 06.
        long t0 = utc("2024-01-02T01:00:00Z");
        Bars b = Bars.builder().time(new long[] {t0, t0 + H, t0 + 3 * H, t0 + 4 * H, t0 + 5 * H})
                .column("open", new double[] {5, 6, 7, 8, 9}).column("high", new double[] {10, 12, 11, 9, 13})
                .column("low", new double[] {4, 3, 5, 7, 6}).build();
        assertArrayEquals(new double[] {1, 0, 0, 1, 0}, plan("session_start('4h')", ZoneOffset.UTC).run(b).value().toArray());
        assertArrayEquals(new double[] {5, 5, 5, 8, 8}, plan("session_open('4h')", ZoneOffset.UTC).run(b).value().toArray());
        assertArrayEquals(new double[] {10, 12, 12, 9, 13}, plan("session_high('4h')", ZoneOffset.UTC).run(b).value().toArray());
        assertArrayEquals(new double[] {4, 3, 3, 7, 6}, plan("session_low('4h')", ZoneOffset.UTC).run(b).value().toArray());
    }

    @Test
    void resultsCarryTheBarsTimes() {
        Bars b = randomBars(3, 20);
        PlanResult r = Plan.compile("close@1h").run(b);
        assertArrayEquals(b.times(), r.times());
        assertEquals(b.time(7), r.value().time(7));
        assertTrue(r.value().hasTime());
    }

    @Test
    void oneNodePerComputationAndZoneInTheFingerprint() {
        Plan p = Plan.compile("rsi(close@1w, 14) > 50 and rsi(close, 14)@1w > 50 and rsi(downsample(close, '1w'), 14) > 50");
        long frames = p.nodes().stream().filter(n -> n instanceof io.ta.runtime.plan.Node.Timed).count();
        assertEquals(1, frames, p.explain());
        assertTrue(Plan.compile("sma(close, 5)").fingerprint() == plan("sma(close, 5)", NY).fingerprint());
        assertTrue(Plan.compile("close@1w").fingerprint() != plan("close@1w", NY).fingerprint());
        assertTrue(Plan.compile("close@1w").fingerprint() != Plan.compile("close@1d").fingerprint());
    }

    /**
     * {@code 60m} and {@code 1h} are one period: a kernel whose arguments are on both runs on the hourly bars, as when
     * both say {@code 1h}, and every spelling is one plan. They were two timeframes: the kernel ran on the base bars
     * over two forward-filled series (correl 1.0 where the hourly correl is -0.61) and each spelling had its own
     * fingerprint.
     */
    @Test
    void spellingsOfOneFixedPeriodAreOneTimeframe() {
        int n = 200;
        long[] t = new long[n];
        double[] close = new double[n];
        double[] open = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = (i + 1) * 10 * M;
            close[i] = 100 + 10 * Math.sin(i / 7.0) + i * 0.1;
            open[i] = 100 + 5 * Math.cos(i / 3.0);
        }
        Bars b = Bars.builder().time(t).column("close", close).column("open", open).build();
        Plan hourly = Plan.compile("correl(close@1h, open@1h, 5)");
        for (String e : List.of("correl(close@60m, open@1h, 5)", "correl(close@3600s, open@60m, 5)")) {
            Plan p = Plan.compile(e);
            assertArrayEquals(hourly.run(b).value().toArray(), p.run(b).value().toArray(), e);
            assertEquals(hourly.fingerprint(), p.fingerprint(), e);
            assertEquals(hourly.canonical(Plan.VALUE), p.canonical(Plan.VALUE), e);
        }
        assertEquals(Plan.compile("session_high(high, '1h')"), Plan.compile("session_high(high, '60m')"));
    }

    @Test
    void namesOfOneFixedOffsetAreOnePlan() {
        long utc = Plan.compile("close@1w").fingerprint();
        for (String same : new String[] {"UTC", "Etc/UTC", "GMT", "Z", "+00:00", "UT"}) {
            assertEquals(utc, plan("close@1w", ZoneId.of(same)).fingerprint(), same);
        }
        assertEquals(plan("close@1w", ZoneId.of("+02:00")).fingerprint(),
                plan("close@1w", ZoneId.of("Etc/GMT-2")).fingerprint());
        assertTrue(plan("close@1w", ZoneId.of("Europe/London")).fingerprint() != utc, "a region with DST is not UTC");
        // A snapshot of the plan in "UTC" restores into the plan in the default zone and continues bit for bit.
        Bars b = randomBars(7, 400);
        PlanStream named = plan("sma(close, 3)@1w", ZoneId.of("UTC")).stream();
        PlanStream plain = Plan.compile("sma(close, 3)@1w").stream();
        for (int i = 0; i < 200; i++) {
            named.update(b.time(i), bar(named, b, i));
        }
        plain.restore(named.snapshot());
        for (int i = 200; i < 400; i++) {
            named.update(b.time(i), bar(named, b, i));
            plain.update(b.time(i), bar(plain, b, i));
            assertEquals(Double.doubleToRawLongBits(named.value()), Double.doubleToRawLongBits(plain.value()), "bar " + i);
        }
    }

    @Test
    void typedErrors() {
        for (String bad : new String[] {"close@", "close@1x", "close@2w", "(close@1d)@1w", "downsample(close@1d, '1w')",
                "sync_timeframe(close@1d, close, fill='linear')", "downsample(close, '1w', 'ohlcv')", "upsample(close, 4)",
                "shift(close, '1M')", "change(close)", "session_start('x')", "close@0"}) {
            assertThrows(ExpressionException.class, () -> Plan.compile(bad), bad);
        }
        Bars untimed = Bars.builder().column("close", new double[] {1, 2, 3}).build();
        assertThrows(ShapeMismatchException.class, () -> Plan.compile("close@1h").run(untimed));
        // Buckets of two bars: {1, 2} closes at bar 1; {3} is still forming at bar 2.
        assertArrayEquals(new double[] {NAN, 2, 2}, Plan.compile("close@2").run(untimed).value().toArray());
        PlanStream s = Plan.compile("close@1h").stream();
        assertThrows(StreamStateException.class, () -> s.update(1.0));
        s.update(10, 1.0);
        assertThrows(ShapeMismatchException.class, () -> s.update(10, 1.0));
        assertThrows(ShapeMismatchException.class, () -> s.preview(5, 1.0));
    }

    @Test
    void aCountOfBarsPastTheLargestIsAnErrorAtTheNumber() {
        // A number of bars up to 1e9 went to Timeframe.parse unchecked: an InvalidParameterException without a line.
        String[][] cases = {{"downsample(close, 1e9)", "19"}, {"timeframe(close, 1000000000)", "18"},
            {"session_start(2e10)", "15"}, {"session_high(close, 1e300)", "21"}};
        for (String[] c : cases) {
            io.ta.runtime.dsl.BindingException e = assertThrows(io.ta.runtime.dsl.BindingException.class,
                    () -> Plan.compile(c[0]), c[0]);
            assertEquals(Integer.parseInt(c[1]), e.column(), c[0]);
            assertTrue(e.reason().startsWith("timeframe: '"), e.reason());
        }
        assertEquals(Plan.compile("close@999999999"), Plan.compile("downsample(close, 999999999)"));
    }

    /**
     * The history {@code requirements()} names is enough for a value at the last bar: its duration before the first
     * of its bars, on evenly spaced bars. Durations on one chain add up: {@code change(close@1d, '1d')} was given 1d1h
     * (the largest one alone) and read NaN there, where it needs a day's close from a day before.
     */
    @Test
    void theHistoryTheRequirementsNameGivesAValue() {
        String[] exprs = {"change(close@1d, '1d')", "shift(shift(close, '1d'), '1d')", "shift(close@1d, '1w')",
            "shift(close, '1d')@1d", "shift(close, '36h')@1d", "(close - close.24h_ago)@1w", "rsi(close@1w, 14)",
            "shift(sma(close, 20), '1d')", "sma(close@1d, 5)", "shift(session_high('1d'), '12h')",
            "anchored_vwap('1d')", "change(close, '2h') + shift(close, '1d')"};
        for (String e : exprs) {
            Plan p = Plan.compile(e);
            io.ta.runtime.source.Requirements req = p.requirements();
            for (long phase = 0; phase < 24 * H; phase += 97 * M) {
                long last = utc("2024-03-06T00:00:00Z") + phase;
                long first = last - req.historyMillis() - (req.historyBars() - 1) * H;
                int n = (int) ((last - first) / H) + 1;
                long[] t = new long[n];
                double[] c = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = last - (n - 1 - i) * H;
                    c[i] = 100 + i % 7;
                }
                Bars b = Bars.ohlcv(t, c, c, c, c, c);
                double v = p.run(b).value().get(n - 1);
                assertTrue(!Double.isNaN(v), e + " over " + n + " hourly bars (" + req.describe().strip()
                        + ") ending at " + java.time.Instant.ofEpochMilli(last) + ": NaN");
            }
        }
    }

    static double[] wrong(double[] bar, SplittableRandom r) {
        double[] b = bar.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = switch (r.nextInt(10)) {
                case 0, 1 -> NAN;
                case 2 -> r.nextBoolean() ? Double.MAX_VALUE : -1e300;
                default -> b[i] * (1 + 0.05 * r.nextGaussian());
            };
        }
        return b;
    }

}
