package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;
import io.ta.testing.Descriptors;
import io.ta.testing.Exact;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kernels built on TA-Lib's MA-type choice: {@code ma} is the standalone kernel of its type bit for bit (the
 * identity at period 1); {@code mavp} is, at every bar, the {@code ma} of that bar's clamped period run on the input
 * suffix TA-Lib gives it, and with a constant period of max_period simply {@code ma}; stochf is the naive fast %K and
 * the standalone average of it, stochrsi the same on the RSI, both in [0, 100] (fastd only for the averaging types
 * that cannot overshoot); macdext's histogram is macd − signal and with EMA
 * types it is {@code macd}; apo is the difference of two {@code ma}s and ppo is {@code 100·apo/MA_slow} where
 * {@code MA_slow} is not negligible next to the input ({@code |MA_slow| > 1e-12·|x|}), 0 elsewhere — all bit for bit.
 */
class MaTypeInvariantsTest extends InvariantSuite {
    /** Rounding slack for an oscillator on a 0..100 scale (ratios of exact or running sums). */
    static final double SCALE_SLACK = 1e-9;

    /** Types whose average is a convex combination of its inputs, so an average of values in [0, 100] stays there. */
    static final Set<String> CONVEX = Set.of("sma", "ema", "wma", "trima", "kama", "mama");

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("ma", MaTypeInvariantsTest::maIsItsKernel),
                Map.entry("mavp", MaTypeInvariantsTest::mavpIsMaPerBar),
                Map.entry("stochf", MaTypeInvariantsTest::stochfIsNaiveFastK),
                Map.entry("stochrsi", MaTypeInvariantsTest::stochrsiIsStochfOfRsi),
                Map.entry("macdext", MaTypeInvariantsTest::macdextIsMacdLine),
                Map.entry("apo", MaTypeInvariantsTest::apoIsMaDifference),
                Map.entry("ppo", MaTypeInvariantsTest::ppoIsApoOverSlow));
    }

    static int param(KernelCase c, String name) {
        return (Integer) c.params().get(name);
    }

    static String choice(KernelCase c, String name) {
        return ((String) c.params().get(name)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Output {@code o} of kernel {@code name} with the given parameters. */
    static double[] run(String name, Map<String, ?> params, int o, double[]... inputs) {
        var d = Descriptors.named(name);
        return d.batch(ParamValues.of(d, params), inputs)[o];
    }

    static void assertSame(double[] expected, double[] actual, KernelCase c, String what) {
        for (int t = 0; t < expected.length; t++) {
            if (!Exact.same(expected[t], actual[t])) {
                fail(c + ": " + what + " differs at bar " + t + ": " + actual[t] + ", expected " + expected[t]);
            }
        }
    }

    /** {@code ma(x, period, type)} through the standalone kernel of the type, with the constants TA-Lib's MA uses. */
    static double[] standalone(String type, int period, double[] x) {
        if (period == 1) {
            // TA-Lib's MA copies its input for period 1, whatever the type.
            double[] copy = x.clone();
            for (int t = 0; t < copy.length; t++) {
                copy[t] = Double.isFinite(copy[t]) ? copy[t] : Double.NaN;
            }
            return copy;
        }
        Map<String, Object> p = new LinkedHashMap<>();
        switch (type) {
            case "kama" -> {
                p.put("period", period);
                p.put("fast", 2);
                p.put("slow", 30);
            }
            case "mama" -> {
                p.put("fast_limit", 0.5);
                p.put("slow_limit", 0.05);
            }
            case "t3" -> {
                p.put("period", period);
                p.put("v_factor", 0.7);
            }
            default -> p.put("period", period);
        }
        return run(type, p, 0, x);
    }

    static void maIsItsKernel(KernelCase c, double[][] out) {
        double[] expected = standalone(choice(c, "ma_type"), param(c, "period"), c.inputs()[0]);
        assertSame(expected, out[0], c, "ma vs its type's kernel");
    }

    /**
     * {@code ma(x, p, type)} run on an input suffix, as TA-Lib's MA runs when asked to start late: the suffix begins
     * after {@code offset} valid values; NaN before it.
     */
    static double[] suffixMa(double[] x, int offset, int p, String type) {
        int start = 0;
        for (int valid = 0; valid < offset && start < x.length; start++) {
            if (Double.isFinite(x[start])) {
                valid++;
            }
        }
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        double[] tail = standalone(type, p, Arrays.copyOfRange(x, start, x.length));
        System.arraycopy(tail, 0, out, start, tail.length);
        return out;
    }

    static int lookback(int period, String type) {
        var d = Descriptors.named("ma");
        return d.lookback(ParamValues.of(d, Map.of("period", period, "ma_type", type)));
    }

    static void mavpIsMaPerBar(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        double[] periods = c.inputs()[1];
        int min = param(c, "min_period");
        int max = param(c, "max_period");
        String type = choice(c, "ma_type");
        // Each bar: the clamped period's average, on the suffix TA-Lib's MA gets inside MAVP (lb(max) − lb(p) valid
        // values in; 0 for MAMA, whose lookback ignores the period).
        Map<Integer, double[]> byPeriod = new LinkedHashMap<>();
        for (int t = 0; t < x.length; t++) {
            double expected = Double.NaN;
            if (Double.isFinite(periods[t])) {
                int p = Math.min(Math.max((int) periods[t], min), max);
                expected = byPeriod.computeIfAbsent(p, q -> suffixMa(x, lookback(max, type) - lookback(q, type), q, type))[t];
            }
            if (!Exact.same(expected, out[0][t])) {
                fail(c + ": bar " + t + " (periods " + periods[t] + ") is " + out[0][t] + ", expected " + expected);
            }
        }
        // A constant period of max_period (given above the range, so it is clamped) is plain ma.
        double[] constant = new double[x.length];
        Arrays.fill(constant, max + 1000.5);
        double[] mavp = run("mavp", c.params().asMap(), 0, x, constant);
        assertSame(standalone(type, max, x), mavp, c, "mavp with constant period max_period vs ma");
    }

    /**
     * TA-Lib STOCHF from its definition: fast %K over each complete window of finite values (NaN otherwise), in
     * TA-Lib's form {@code (C − LL)/((HH − LL)/100)}, 0 when {@code HH − LL} is at most 1e-12 of HH (ta's relative
     * zero); fast %D the standalone average
     * of fast %K from its first value on; fast %K reported from fast %D's first value on.
     */
    static double[][] naiveStochf(double[] high, double[] low, double[] close, int k, int d, String type) {
        int n = close.length;
        double[] fastK = new double[n];
        Arrays.fill(fastK, Double.NaN);
        for (int t = k - 1; t < n; t++) {
            double hh = Double.NEGATIVE_INFINITY;
            double ll = Double.POSITIVE_INFINITY;
            boolean finite = Double.isFinite(close[t]);
            for (int i = t - k + 1; i <= t; i++) {
                finite &= Double.isFinite(high[i]) && Double.isFinite(low[i]);
                hh = Math.max(hh, high[i]);
                ll = Math.min(ll, low[i]);
            }
            if (finite) {
                double diff = (hh - ll) / 100.0;
                double zero = 1e-12 * Math.max(Math.abs(hh), Math.abs(ll)); // a close this near the low is at it
                fastK[t] = Math.abs(hh - ll) <= 1e-12 * Math.abs(hh) || Math.abs(close[t] - ll) <= zero ? 0.0
                        : Math.abs(hh - close[t]) <= zero ? 100.0
                        : (close[t] - ll) / diff;
            }
        }
        double[] fastD = new double[n];
        Arrays.fill(fastD, Double.NaN);
        int first = 0;
        while (first < n && Double.isNaN(fastK[first])) {
            first++;
        }
        double[] tail = standalone(type, d, Arrays.copyOfRange(fastK, first, n));
        System.arraycopy(tail, 0, fastD, first, tail.length);
        double[] reported = new double[n];
        Arrays.fill(reported, Double.NaN);
        boolean ready = false;
        for (int t = 0; t < n; t++) {
            ready |= !Double.isNaN(fastD[t]);
            if (ready) {
                reported[t] = Double.isFinite(fastK[t]) ? fastK[t] : Double.NaN;
            }
        }
        return new double[][] {reported, fastD};
    }

    static void stochf(KernelCase c, double[][] out, double[] high, double[] low, double[] close) {
        double[][] expected = naiveStochf(high, low, close, param(c, "fastk_period"), param(c, "fastd_period"),
                choice(c, "fastd_ma_type"));
        assertSame(expected[0], out[0], c, "fastk vs the naive fast %K");
        assertSame(expected[1], out[1], c, "fastd vs the average of the naive fast %K");
        // fastk in [0, 100] on well-formed bars; fastd too when its average is convex.
        inRange(c, out, 0, -SCALE_SLACK, 100.0 + SCALE_SLACK);
        if (CONVEX.contains(choice(c, "fastd_ma_type"))) {
            inRange(c, out, 1, -SCALE_SLACK, 100.0 + SCALE_SLACK);
        }
    }

    static void stochfIsNaiveFastK(KernelCase c, double[][] out) {
        var in = c.descriptor().inputs();
        stochf(c, out, c.inputs()[in.indexOf("high")], c.inputs()[in.indexOf("low")], c.inputs()[in.indexOf("close")]);
    }

    static void stochrsiIsStochfOfRsi(KernelCase c, double[][] out) {
        double[] rsi = run("rsi", Map.of("period", param(c, "period")), 0, c.inputs()[0]);
        stochf(c, out, rsi, rsi, rsi);
    }

    /**
     * TA-Lib MACDEXT from its definition: both averages first output at {@code L = max(lb fast, lb slow)}, each run on
     * the suffix that starts {@code L − lb own} valid values in; the signal average runs on the macd line from its first
     * finite value; the outputs are reported where the signal is valid. Also: the histogram is macd − signal, and with
     * EMA types macdext is {@code macd}.
     */
    static void macdextIsMacdLine(KernelCase c, double[][] out) {
        MomentumInvariantsTest.histogramIsMacdMinusSignal(c, out);
        double[] x = c.inputs()[0];
        int n = x.length;
        int fastPeriod = param(c, "fast_period");
        int slowPeriod = param(c, "slow_period");
        int signalPeriod = param(c, "signal_period");
        String fastType = choice(c, "fast_ma_type");
        String slowType = choice(c, "slow_ma_type");
        int largest = Math.max(lookback(fastPeriod, fastType), lookback(slowPeriod, slowType));
        double[] fast = suffixMa(x, largest - lookback(fastPeriod, fastType), fastPeriod, fastType);
        double[] slow = suffixMa(x, largest - lookback(slowPeriod, slowType), slowPeriod, slowType);
        double[] line = new double[n];
        int first = n;
        double fastUlps = new Ma(fastPeriod, MaType.valueOf(fastType.toUpperCase(Locale.ROOT))).residueUlps();
        double slowUlps = new Ma(slowPeriod, MaType.valueOf(slowType.toUpperCase(Locale.ROOT))).residueUlps();
        for (int t = 0; t < n; t++) {
            line[t] = fast[t] - slow[t];
            double level = Math.max(Math.abs(fast[t]), Math.abs(slow[t]));
            double u = Math.ulp(level);
            if (level <= Double.MAX_VALUE && Math.abs(fast[t] - x[t]) <= fastUlps * u
                    && Math.abs(slow[t] - x[t]) <= slowUlps * u) {
                line[t] = 0.0; // a rounding residue of two averages of a window flat to its last bit
            }
            if (first == n && Double.isFinite(line[t])) {
                first = t;
            }
        }
        double[] signal = new double[n];
        Arrays.fill(signal, Double.NaN);
        double[] tail = standalone(choice(c, "signal_ma_type"), signalPeriod, Arrays.copyOfRange(line, first, n));
        System.arraycopy(tail, 0, signal, first, tail.length);
        double[][] expected = new double[3][n];
        for (int t = 0; t < n; t++) {
            boolean valid = !Double.isNaN(signal[t]);
            double[] v = {line[t], signal[t], line[t] - signal[t]};
            for (int o = 0; o < 3; o++) {
                expected[o][t] = valid && Double.isFinite(v[o]) ? v[o] : Double.NaN;
            }
        }
        for (int o = 0; o < 3; o++) {
            assertSame(expected[o], out[o], c, "macdext output " + o + " vs its definition");
        }
        if (signalPeriod < 2) {
            return; // macd's signal is TA-Lib's internal EMA even at period 1; ma (and macdext) copy there
        }
        Map<String, Object> ema = new LinkedHashMap<>(c.params().asMap());
        ema.put("fast_ma_type", "ema");
        ema.put("slow_ma_type", "ema");
        ema.put("signal_ma_type", "ema");
        Map<String, Object> macd = Map.of("fast_period", fastPeriod, "slow_period", slowPeriod, "signal_period", signalPeriod);
        for (int o = 0; o < 3; o++) {
            assertSame(run("macd", macd, o, x), run("macdext", ema, o, x), c, "macdext with ema types vs macd, output " + o);
        }
    }

    static void apoIsMaDifference(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        String type = choice(c, "ma_type");
        double[] fast = standalone(type, param(c, "fast_period"), x);
        double[] slow = standalone(type, param(c, "slow_period"), x);
        double[] expected = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double v = fast[t] - slow[t];
            expected[t] = Double.isFinite(v) ? v : Double.NaN;
        }
        assertSame(expected, out[0], c, "apo vs ma(fast) - ma(slow)");
    }

    static void ppoIsApoOverSlow(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        double[] apo = run("apo", c.params().asMap(), 0, x);
        double[] slow = standalone(choice(c, "ma_type"), param(c, "slow_period"), x);
        double[] expected = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            double s = slow[t];
            double v = apo[t] != apo[t] || s != s ? Double.NaN
                    : Math.abs(s) <= 1e-12 * Math.abs(x[t]) ? 0.0 : (apo[t] / s) * 100.0;
            expected[t] = Double.isFinite(v) ? v : Double.NaN;
        }
        assertSame(expected, out[0], c, "ppo vs 100·apo/ma(slow)");
    }
}
