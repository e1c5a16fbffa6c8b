package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.annotation.Complexity;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import io.ta.error.InvalidParameterException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The numeric properties every kernel must have (issue 8: numbers you can trust), enrolled by
 * {@link KernelProperties#of}:
 *
 * <ul>
 *   <li><b>outlier recovery</b>: a 1e8× spike on every input of one bar is forgotten once it has left the window and
 *       one more window has passed — the outputs equal a fresh run started after the spike, to 1e-12 relative;</li>
 *   <li><b>long-stream drift</b>: after {@link #DRIFT_UPDATES} stream updates of a walk near 1e6 with steps of 0.01
 *       (the hardest case for running sums) the outputs equal a fresh run over the last bars, to 1e-12 relative, so
 *       the error does not grow with the length of the stream;</li>
 *   <li><b>scale equivariance</b>: prices multiplied by {@code c = 10^k}, k in [−9, 9], and volumes by
 *       {@code v = 10^j} give every output multiplied by what its declared {@link Scale} says, to 1e-12 relative;</li>
 *   <li><b>an extreme tick fades</b>: one tick of ±{@code Double.MAX_VALUE} or ±1e200 leaves no output NaN for
 *       good ({@link #extremeTickFades});</li>
 *   <li><b>per-bar cost</b>: one update + preview + replaceLast at periods near 100,000 costs less than
 *       {@link #COST_RATIO} times what it costs at periods near 10, unless the kernel declares O(n) per bar.</li>
 * </ul>
 *
 * <p>"Relative" is to the output's scale over the compared bars: the largest magnitude there, and at least that of
 * the data it was computed from in the output's unit (prices for a price output), so a value that crosses zero, or a
 * difference of two averages, is compared at the scale of the values around it. Recovery and drift apply to kernels that forget
 * their history: a kernel is checked when, on data that every kernel computes exactly (small integers), a fresh run
 * started later agrees with the uninterrupted one; recursive averages that remember their whole history (cumulative
 * sums, some slow adaptive averages) are left out of those two, by definition.
 */
public final class NumericsProperties {
    /** Relative agreement demanded of exact arithmetic over a window. */
    static final double TOLERANCE = 1e-12;
    /** Updates of the drift property: 10⁶ by default, 10⁸ with {@code -Dta.examples=100000}. */
    static final long DRIFT_UPDATES = Long.getLong("ta.drift", 1000L * KernelProperties.EXAMPLES);
    /** Largest acceptable ratio of per-bar time at periods near 100,000 to periods near 10 (O(log n) is ~5–20×). */
    static final double COST_RATIO = 200;
    /**
     * Least shrinking of a spike's residue over the bars compared by {@link #outlierRecovery} (half of them apart)
     * that marks a recursive average's geometric memory rather than a window state's residue, which stays (ratio
     * ~1). Over 1,500 seeds the recursive averages whose memory outlived the 1e-12 check shrank it 5,600× or more
     * (vidya, 60 cases) and 57× or more (kama, whose slowest constant is 2/31, 13 cases).
     */
    static final double CONTRACTION = 16;

    private NumericsProperties() {}

    /** The descriptor's batch. */
    static double[][] batch(KernelDescriptor d, ParamValues p, double[][] inputs) {
        return d.batch(p, inputs);
    }

    static double[][] suffix(double[][] in, int from) {
        double[][] out = new double[in.length][];
        for (int i = 0; i < in.length; i++) {
            out[i] = Arrays.copyOfRange(in[i], from, in[i].length);
        }
        return out;
    }

    /** Inputs folded into their declared domains, as clean property cases are. */
    static double[][] fold(KernelDescriptor d, double[][] in) {
        for (int i = 0; i < in.length; i++) {
            KernelCase.fold(d.domain(i), in[i]);
        }
        return in;
    }

    /**
     * Whether {@code actual} (bars {@code [from, to)} of a run) equals {@code expected} (the same bars of a run started
     * at {@code start}), NaN for NaN and otherwise to {@link #TOLERANCE} of the scale of the outputs over those bars —
     * the largest magnitude of any output in the same unit, so a histogram is compared at the scale of its macd line,
     * and at least that of the {@code data} the run read (prices for a price output, price² for a variance, …), so
     * a difference of two averages is compared at the scale of the prices it averaged: the contract's "a few ulps of
     * the largest magnitude". Returns a description of the first difference, or null.
     */
    static String difference(KernelDescriptor d, double[][] data, double[][] actual, double[][] expected, int start, int from, int to) {
        return largestDifference(d, data, actual, expected, start, from, to) <= TOLERANCE ? null
                : describe(d, data, actual, expected, start, from, to);
    }

    /**
     * {@link #difference}, allowing at each bar eight times what separates {@code expected} from {@code other} (the
     * same computation started at {@code otherStart}): the kernel's own sensitivity to the order of its additions.
     */
    static String difference(KernelDescriptor d, double[][] data, double[][] actual, double[][] expected, int start, int from, int to,
            double[][] other, int otherStart) {
        Map<Scale, Double> scales = scales(d, data, expected, start, from, to);
        for (int o = 0; o < actual.length; o++) {
            double scale = scales.getOrDefault(d.outputs().get(o).scale(), 0.0);
            for (int t = from; t < to; t++) {
                double a = actual[o][t];
                double e = expected[o][t - start];
                double alt = other[o][t - otherStart];
                double slack = Double.isFinite(alt) && Double.isFinite(e) ? 8 * Math.abs(alt - e) : 0;
                boolean same = Double.isNaN(a) ? Double.isNaN(e) : Math.abs(a - e) <= TOLERANCE * Math.max(Math.abs(e), scale) + slack;
                if (!same) {
                    return d.outputs().get(o).name() + " at bar " + t + " is " + a + ", expected " + e + " (scale " + scale
                            + ", a run started a bar later gives " + alt + ")";
                }
            }
        }
        return null;
    }

    /** Runs started this many bars later at most, for {@link #differenceAtAnyPhase}. */
    static final int PHASES = 8;

    /**
     * {@link #difference}, or if that fails, with the slack of a run started {@code k} bars after {@code start} for
     * some k in 1..{@link #PHASES} that accounts for every difference (the later runs are computed only while none
     * has). Returns the plain difference's description when none does.
     * Sums kept in blocks or re-anchored every n bars (exact window sums, sma's anchored total) are rounded according
     * to where their blocks fall, which is the run's start modulo n: two phases can agree to 1e-18 by chance where a
     * third differs by 1e-14, and a ratio of nearly equal averages (ppo of trima 11 and 12, seed 42) magnifies that.
     * A stream's drift is not covered: it grows with the stream, and these runs are all fresh. {@code data} holds the
     * inputs from bar {@code origin} on (in the bars of {@code actual}).
     */
    static String differenceAtAnyPhase(KernelDescriptor d, ParamValues p, double[][] data, int origin,
            double[][] actual, double[][] expected, int start, int from, int to) {
        String first = difference(d, data, actual, expected, start, from, to);
        for (int k = 1; first != null && k <= PHASES && start + k < from; k++) {
            double[][] later = batch(d, p, suffix(data, start - origin + k));
            if (difference(d, data, actual, expected, start, from, to, later, start + k) == null) {
                return null;
            }
        }
        return first;
    }

    /** The largest relative difference of {@link #difference}; infinite where NaN meets a number. */
    static double largestDifference(KernelDescriptor d, double[][] data, double[][] actual, double[][] expected, int start, int from, int to) {
        Map<Scale, Double> scales = scales(d, data, expected, start, from, to);
        double worst = 0;
        for (int o = 0; o < actual.length; o++) {
            double scale = scales.getOrDefault(d.outputs().get(o).scale(), 0.0);
            for (int t = from; t < to; t++) {
                double a = actual[o][t];
                double e = expected[o][t - start];
                double g = gap(a, e);
                if (g > 0) {
                    double unit = Math.max(Math.abs(e), scale);
                    worst = Math.max(worst, g == Double.POSITIVE_INFINITY || unit == 0 ? Double.POSITIVE_INFINITY : g / unit);
                }
            }
        }
        return worst;
    }

    private static Map<Scale, Double> scales(KernelDescriptor d, double[][] data, double[][] expected, int start, int from, int to) {
        Map<Scale, Double> scales = new LinkedHashMap<>();
        // The contract's unit: the largest magnitude of the data, not of the output — a difference of two averages of
        // prices near 1,000 (ao near 0.2) rounds like the prices, so its error is measured against them.
        double price = largestInput(d, data, Scale.PRICE);
        double volume = largestInput(d, data, Scale.VOLUME);
        for (OutputSpec out : d.outputs()) {
            Scale s = out.scale();
            if (s == Scale.PRICE || s == Scale.PRICE_SQUARED || s == Scale.VOLUME || s == Scale.PRICE_VOLUME) {
                scales.merge(s, factor(s, price, volume), Math::max);
            }
        }
        for (int o = 0; o < expected.length; o++) {
            for (int t = from; t < to; t++) {
                double e = expected[o][t - start];
                if (Double.isFinite(e)) {
                    scales.merge(d.outputs().get(o).scale(), Math.abs(e), Math::max);
                }
            }
        }
        return scales;
    }

    /** The largest finite magnitude among the inputs of scale {@code scale}; 0 if there is none. */
    private static double largestInput(KernelDescriptor d, double[][] data, Scale scale) {
        double largest = 0;
        for (int i = 0; i < data.length; i++) {
            if (d.inputScale(i) == scale) {
                for (double x : data[i]) {
                    if (Double.isFinite(x)) {
                        largest = Math.max(largest, Math.abs(x));
                    }
                }
            }
        }
        return largest;
    }

    private static String describe(KernelDescriptor d, double[][] data, double[][] actual, double[][] expected, int start, int from, int to) {
        Map<Scale, Double> scales = scales(d, data, expected, start, from, to);
        for (int o = 0; o < actual.length; o++) {
            double scale = scales.getOrDefault(d.outputs().get(o).scale(), 0.0);
            for (int t = from; t < to; t++) {
                double a = actual[o][t];
                double e = expected[o][t - start];
                boolean same = Double.isNaN(a) ? Double.isNaN(e) : Math.abs(a - e) <= TOLERANCE * Math.max(Math.abs(e), scale);
                if (!same) {
                    return d.outputs().get(o).name() + " at bar " + t + " is " + a + ", expected " + e + " (scale " + scale + ")";
                }
            }
        }
        return null;
    }

    /** Bars an extreme tick is given to fade before {@link #extremeTickFades} looks (Wilder's 14: MAX·(13/14)^t). */
    static final int FADE = 12_000;

    /**
     * The ticks {@link #extremeTickFades} puts on consecutive bars: one at either edge of the doubles, or where a
     * product of two prices overflows; two of opposite signs, where a bar's change from the last one overflows; two
     * at the top, where a sum of the last bars does; a price of zero or of 1e-300, where a ratio to it does; and a
     * price below zero (WTI settled at −37.63 on 2020-04-20), then 0, where a logarithm, a square root or a flow of
     * money is undefined for the bar and must not stay so.
     */
    private static final double[][] TICKS = {
        {Double.MAX_VALUE}, {-Double.MAX_VALUE}, {1e200}, {-1e200},
        {Double.MAX_VALUE, -Double.MAX_VALUE}, {-Double.MAX_VALUE, Double.MAX_VALUE},
        {Double.MAX_VALUE, Double.MAX_VALUE}, {0.0}, {1e-300}, {-37.63}, {-37.63, 0.0}
    };

    /**
     * One tick at the edge of the doubles (±{@link Double#MAX_VALUE} or ±1e200 on every input of one bar, then on each
     * input alone; unitless inputs kept), or a few on consecutive bars ({@link #TICKS}), must not end the stream:
     * {@link #FADE} bars later, wherever a run without the tick has a value, the run with it has one too (not
     * necessarily the same: a recursive average still remembers it). A state that an overflow left infinite or NaN
     * would answer NaN for ever; the contract is that one extreme value never does (docs/contracts.md, "Extreme
     * values").
     *
     * @param d the kernel
     */
    public static void extremeTickFades(KernelDescriptor d) {
        SplittableRandom r = new SplittableRandom(KernelProperties.SEED ^ d.name().hashCode() ^ 0xE7L);
        for (int rep = 0; rep < 3; rep++) {
            ParamValues p = rep == 0 ? ParamValues.defaults(d) : KernelCase.params(d, r);
            int spike = d.lookback(p) + 1 + r.nextInt(20);
            int n = spike + 2 * (d.lookback(p) + 1) + FADE;
            double[][] clean = fold(d, new RandomBars(r.nextLong(), false).inputs(d.inputs(), n));
            double[][] fresh = batch(d, p, clean);
            // On every input of the bar, then (for kernels of several inputs) on each alone: a close far outside
            // its bar's range takes other paths than a whole bar far away.
            for (int alone = clean.length == 1 ? 0 : -1; alone < clean.length; alone++) {
                for (double[] ticks : TICKS) {
                    double[][] spiked = ticked(d, clean, ticks, spike, alone);
                    double[][] hit = batch(d, p, spiked);
                    for (int o = 0; o < hit.length; o++) {
                        for (int t = n - 50; t < n; t++) {
                            if (Double.isNaN(hit[o][t]) && !Double.isNaN(fresh[o][t])) {
                                fail(d.name() + "(" + p + "): " + (ticks.length == 1 ? "one tick of " : "ticks of ")
                                        + Arrays.toString(ticks) + " on "
                                        + (alone < 0 ? "every input" : d.inputs().get(alone)) + " at bar " + spike
                                        + " leave " + d.outputs().get(o).name() + " NaN " + (t - spike)
                                        + " bars later, where it is " + fresh[o][t] + " without it");
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Over the {@link #TICKS}, the batch, {@code updateRange} in uneven chunks and bar-by-bar updates give the same
     * bits; and a snapshot taken anywhere after the ticks (the tick's bar, the bars whose windows or sums it
     * overflowed, and after) restores a stream that goes on as the uninterrupted one, bit for bit: the state an
     * overflow leaves (NaN sums, restarted filters, averages that overflowed) is state a snapshot must carry and a
     * restore accept.
     */
    static void pathsAgreeAcrossExtremeTicks(KernelDescriptor d) {
        SplittableRandom r = new SplittableRandom(KernelProperties.SEED ^ d.name().hashCode() ^ 0x5EA1L);
        for (int rep = 0; rep < 2; rep++) {
            ParamValues p = rep == 0 ? ParamValues.defaults(d) : KernelCase.params(d, r);
            int w = d.lookback(p) + 1;
            int spike = w + r.nextInt(20);
            int n = spike + 3 * w + 40;
            double[][] clean = fold(d, new RandomBars(r.nextLong(), false).inputs(d.inputs(), n));
            for (int alone = clean.length == 1 ? 0 : -1; alone < clean.length; alone++) {
                for (double[] ticks : TICKS) {
                    double[][] spiked = ticked(d, clean, ticks, spike, alone);
                    String what = d.name() + "(" + p + "), ticks of " + Arrays.toString(ticks) + " on "
                            + (alone < 0 ? "every input" : d.inputs().get(alone)) + " at bar " + spike;
                    agreesAndRestoresAnywhere(d, p, spiked, new int[] {spike, spike + 1, spike + ticks.length,
                        spike + ticks.length + 1, spike + w / 2, spike + w, spike + w + 1, spike + 2 * w,
                        spike + 2 * w + 1}, what);
                }
            }
        }
    }

    private static void agreesAndRestoresAnywhere(KernelDescriptor d, ParamValues p, double[][] in, int[] at, String what) {
        int n = in[0].length;
        int outs = d.outputs().size();
        double[][] expected = new double[n][outs];
        KernelStream s = d.newStream(p);
        double[] bar = new double[in.length];
        boolean[] wanted = new boolean[n];
        for (int q : at) {
            if (q < n) {
                wanted[q] = true;
            }
        }
        StateSnapshot[] snaps = new StateSnapshot[n];
        for (int t = 0; t < n; t++) {
            if (wanted[t]) {
                snaps[t] = s.snapshot();
            }
            for (int i = 0; i < in.length; i++) {
                bar[i] = in[i][t];
            }
            s.update(bar, expected[t]);
        }
        double[][] batch = batch(d, p, in);
        double[][] ranged = new double[outs][n];
        KernelStream chunks = d.newStream(p);
        for (int from = 0; from < n; ) {
            int to = Math.min(n, from + 1 + (from * 7919 + 13) % 37);
            chunks.updateRange(in, ranged, from, to);
            from = to;
        }
        for (int t = 0; t < n; t++) {
            for (int o = 0; o < outs; o++) {
                if (Double.doubleToLongBits(batch[o][t]) != Double.doubleToLongBits(expected[t][o])
                        || Double.doubleToLongBits(ranged[o][t]) != Double.doubleToLongBits(expected[t][o])) {
                    fail(what + ": " + d.outputs().get(o).name() + " at bar " + t + " is " + batch[o][t]
                            + " in batch, " + ranged[o][t] + " in ranges and " + expected[t][o] + " in updates");
                }
            }
        }
        double[] out = new double[outs];
        for (int q = 0; q < n; q++) {
            if (snaps[q] == null) {
                continue;
            }
            KernelStream restored = d.newStream(p);
            try {
                restored.restore(StateSnapshot.fromBytes(snaps[q].toBytes()));
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": the snapshot taken before bar " + q + " does not restore: " + e, e);
            }
            for (int t = q; t < n; t++) {
                for (int i = 0; i < in.length; i++) {
                    bar[i] = in[i][t];
                }
                restored.update(bar, out);
                for (int o = 0; o < outs; o++) {
                    if (Double.doubleToLongBits(out[o]) != Double.doubleToLongBits(expected[t][o])) {
                        fail(what + ": restored from the snapshot before bar " + q + ", "
                                + d.outputs().get(o).name() + " at bar " + t + " is " + out[o]
                                + " where the uninterrupted stream has " + expected[t][o]);
                    }
                }
            }
        }
    }

    /**
     * A copy of {@code clean} with {@code ticks} from bar {@code at} on every price and volume input ({@code alone} −1)
     * or on input {@code alone} only; unitless inputs keep their values.
     */
    static double[][] ticked(KernelDescriptor d, double[][] clean, double[] ticks, int at, int alone) {
        double[][] out = new double[clean.length][];
        for (int i = 0; i < clean.length; i++) {
            out[i] = clean[i].clone();
            if (d.inputScale(i) != Scale.UNITLESS && (alone < 0 || alone == i)) {
                System.arraycopy(ticks, 0, out[i], at, ticks.length);
            }
        }
        return out;
    }

    /**
     * A 1e8× spike on every input of one bar (prices and volumes; unitless inputs keep their value) must be gone once
     * it has left the window and one more window has passed.
     *
     * @param d the kernel
     */
    public static void outlierRecovery(KernelDescriptor d) {
        if (d.kind() == OutputKind.LEVEL) {
            return; // pattern levels are a history of pivots (the n-th most recent), not a window
        }
        SplittableRandom r = new SplittableRandom(KernelProperties.SEED ^ d.name().hashCode() ^ 0x0517L);
        for (int rep = 0; rep < 6; rep++) {
            ParamValues p = KernelCase.params(d, r);
            int w = d.lookback(p) + 1;
            int spike = w + r.nextInt(w + 1);
            int start = spike + 1;
            int from = spike + 2 * w;
            int n = from + w + 30;
            if (!forgets(d, p, spike, start, from, n, r.nextLong())) {
                continue; // the kernel remembers more than its window: there is no window for the spike to leave
            }
            // Residue of a 1e8 spike is at most ~1e-8·n relative; a larger difference is a different state, not a sum.
            double[][] clean = fold(d, new RandomBars(r.nextLong(), false).inputs(d.inputs(), n));
            double[][] fresh = batch(d, p, suffix(clean, start));
            double[][] spiked = new double[clean.length][];
            for (int i = 0; i < clean.length; i++) {
                spiked[i] = clean[i].clone();
                if (d.inputScale(i) != Scale.UNITLESS) {
                    double v = spiked[i][spike];
                    spiked[i][spike] = v == 0.0 ? 1e8 : v * 1e8;
                }
            }
            double[][] hit = batch(d, p, spiked);
            if (largestDifference(d, clean, hit, fresh, start, from, n) > 1e-6) {
                continue; // not rounding residue but another path (a stop-and-reverse state the spike moved)
            }
            // A run started a few bars later sums in another order: where the kernel is that sensitive to the order of
            // its additions (a tiny residual variance under a square root), the same difference is allowed here.
            String diff = differenceAtAnyPhase(d, p, clean, 0, hit, fresh, start, from, n);
            if (diff != null && !contracts(hit, fresh, start, from, n)) {
                fail(d.name() + "(" + p + "): a 1e8x spike at bar " + spike + " is not forgotten one window after it left: " + diff);
            }
        }
    }

    /**
     * Whether the difference of {@code actual} (bars {@code [from, n)}) from {@code expected} (a run started at
     * {@code start}) shrinks at least {@link #CONTRACTION}-fold from the first half of those bars to the second: the
     * memory of a recursive average, which keeps every value it has seen with a weight that decays geometrically
     * (vidya, {@code V += k·(x − V)}: the spike sets k near 0 for as long as it inflates the long deviation, so V
     * stays where the spike left it, and the gap to a fresh run then decays as Π(1 − k), slowly on quiet data). Such
     * a kernel has no window for the spike to leave, and on the exact data of {@link #forgets} its memory may fall
     * below the tolerance by chance. A window state's residue (a running total's rounding) does not decay: it stays
     * until it is subtracted, which it never is.
     */
    static boolean contracts(double[][] actual, double[][] expected, int start, int from, int n) {
        int half = (n - from) / 2;
        double head = 0;
        double tail = 0;
        for (int o = 0; o < actual.length; o++) {
            for (int t = from; t < from + half; t++) {
                head = Math.max(head, gap(actual[o][t], expected[o][t - start]));
            }
            for (int t = n - half; t < n; t++) {
                tail = Math.max(tail, gap(actual[o][t], expected[o][t - start]));
            }
        }
        return head > 0 && head < Double.POSITIVE_INFINITY && tail <= head / CONTRACTION;
    }

    /** {@code |a − e|}, 0 for NaN against NaN, infinite for NaN against a number. */
    private static double gap(double a, double e) {
        if (Double.isNaN(a) || Double.isNaN(e)) {
            return Double.isNaN(a) == Double.isNaN(e) ? 0 : Double.POSITIVE_INFINITY;
        }
        return a == e ? 0 : Math.abs(a - e);
    }

    /**
     * Whether the kernel's outputs from bar {@code from} on ignore everything before bar {@code start}: on exact
     * (integer) data, runs whose bars before {@code start} are three unrelated histories (at levels 1,000, 1e6 and
     * 10), or carry a 1e8× spike at bar {@code spike}, agree with a run started at {@code start}. True of window
     * kernels; false of recursive averages, of stop-and-reverse and trend states, and of anything else that remembers.
     * (Whole numbers this size sum exactly, so even a running sum counts as a window kernel here — the spike test that
     * follows, on fractional prices, is where running sums fail.)
     */
    static boolean forgets(KernelDescriptor d, ParamValues p, int spike, int start, int from, int n, long seed) {
        int inputs = d.inputs().size();
        double[][] exact = new Walks(seed, 1000, 2, true, inputs).series(d, n);
        double[][] fresh = batch(d, p, suffix(exact, start));
        if (difference(d, exact, batch(d, p, exact), fresh, start, from, n) != null) {
            return false;
        }
        double[][] levels = {{1e6, 2000}, {10, 1}};
        for (double[] level : levels) {
            double[][] other = new Walks(seed + 1, level[0], level[1], true, inputs).series(d, start);
            double[][] mixed = new double[inputs][];
            for (int i = 0; i < inputs; i++) {
                mixed[i] = exact[i].clone();
                System.arraycopy(other[i], 0, mixed[i], 0, start);
            }
            if (difference(d, exact, batch(d, p, mixed), fresh, start, from, n) != null) {
                return false;
            }
        }
        double[][] spiked = new double[inputs][];
        for (int i = 0; i < inputs; i++) {
            spiked[i] = exact[i].clone();
            if (d.inputScale(i) != Scale.UNITLESS) {
                spiked[i][spike] *= 1e8;
            }
        }
        return difference(d, exact, batch(d, p, spiked), fresh, start, from, n) == null;
    }

    /**
     * Bars of a random walk: OHLCV bars (consistent: low ≤ open, close ≤ high) around {@code level} with steps of
     * about {@code step}, independent walks for other inputs, small whole numbers for unitless inputs. With
     * {@code integers}, every value is a whole number — data every kernel computes exactly.
     */
    static final class Walks {
        final SplittableRandom r;
        final double level;
        final double step;
        final boolean integers;
        final double[] walks;
        double close;

        Walks(long seed, double level, double step, boolean integers, int inputs) {
            this.r = new SplittableRandom(seed);
            this.level = level;
            this.step = step;
            this.integers = integers;
            this.close = level;
            this.walks = new double[inputs];
            Arrays.fill(walks, level);
        }

        private double round(double v) {
            return integers ? Math.rint(v) : v;
        }

        /** The next value of a walk, pulled back towards the level before it strays half of it away (prices stay positive). */
        private double move(double v) {
            double next = round(v + step * r.nextGaussian());
            return Math.abs(next - level) > 0.5 * level ? round(level + (v - level) * 0.5) : next;
        }

        /** Fills bars {@code [0, len)} of {@code out} for kernel {@code d}. */
        void fill(KernelDescriptor d, double[][] out, int len) {
            List<String> names = d.inputs();
            for (int t = 0; t < len; t++) {
                double open = close;
                close = move(close);
                double span = Math.abs(step * r.nextGaussian());
                double high = round(Math.max(open, close) + span * r.nextDouble());
                double low = round(Math.min(open, close) - span * r.nextDouble());
                double volume = Math.floor(1e6 * (1 + Math.abs(r.nextGaussian())));
                for (int i = 0; i < names.size(); i++) {
                    out[i][t] = switch (names.get(i)) {
                        case "open" -> open;
                        case "high" -> high;
                        case "low" -> low;
                        case "close" -> close;
                        case "volume" -> volume;
                        default -> d.inputScale(i) == Scale.UNITLESS ? 2 + r.nextInt(29) : (walks[i] = move(walks[i]));
                    };
                }
            }
            for (int i = 0; i < names.size(); i++) {
                KernelCase.fold(d.domain(i), out[i]);
            }
        }

        double[][] series(KernelDescriptor d, int n) {
            double[][] out = new double[d.inputs().size()][n];
            fill(d, out, n);
            return out;
        }
    }

    /**
     * {@link #DRIFT_UPDATES} stream updates of a walk near 1,000 with steps of 1, then the last bars' outputs against
     * a fresh run over the last {@code m} bars: equal to 1e-12 relative, for every kernel that forgets its history
     * within {@code m} bars on exact (integer) data. (A running sum of squares is already 1e-7 off here after 10⁶
     * updates; the harder cases near 1e6 are measured in {@code NumericsScenariosTest}.)
     *
     * @param d the kernel
     */
    public static void longStreamDrift(KernelDescriptor d) {
        SplittableRandom r = new SplittableRandom(KernelProperties.SEED ^ d.name().hashCode() ^ 0xD81F7L);
        ParamValues p = KernelCase.params(d, r);
        int w = d.lookback(p) + 1;
        int m = 50 * w + 2000;
        int inputs = d.inputs().size();
        int prefix = Math.max(2 * w, 100);
        // One history agreeing with a fresh run is not enough: a running total (williams_ad) agrees whenever its
        // prefix happens to sum to 0, which integer walks do (seed 77). Three unrelated histories must agree.
        if (!forgets(d, p, prefix / 2, prefix, m + prefix - w, m + prefix, r.nextLong())) {
            return; // remembers more than m bars even on exact data: not a window kernel
        }
        long walkSeed = r.nextLong();
        Walks walk = new Walks(walkSeed, 1000, 1, false, inputs);
        long total = Math.max(DRIFT_UPDATES, 2L * m + w);
        int chunk = Math.max(1 << 16, m + w);
        double[][] previous = new double[inputs][chunk];
        double[][] current = new double[inputs][chunk];
        double[][] out = new double[d.outputs().size()][chunk];
        KernelStream s = d.newStream(p);
        long done = 0;
        int len = 0;
        int previousLen = 0;
        while (done < total) {
            double[][] t = previous;
            previous = current;
            current = t;
            previousLen = len;
            len = chunkLength(total - done, chunk, w);
            walk.fill(d, current, len);
            s.updateRange(current, out, 0, len);
            done += len;
        }
        // The last m bars: the tail of the previous chunk and the whole current one.
        double[][] tail = new double[inputs][m];
        for (int i = 0; i < inputs; i++) {
            int fromCurrent = Math.min(len, m);
            int fromPrevious = m - fromCurrent;
            System.arraycopy(previous[i], previousLen - fromPrevious, tail[i], 0, fromPrevious);
            System.arraycopy(current[i], len - fromCurrent, tail[i], fromPrevious, fromCurrent);
        }
        double[][] fresh = batch(d, p, tail);
        // Compare the last w bars: stream bar len−w+k is fresh bar m−w+k.
        // Allowing, as the recovery property does, eight times what separates the fresh run from one started a few bars
        // later: exact window sums are summed in blocks aligned to the run's start, so two runs round the same window
        // differently, and a ratio of nearly equal averages (ppo of trima 11 and 12, seed 42) magnifies that 1e4-fold.
        // Drift is not covered by it: a growing residue is the stream's alone.
        String diff = differenceAtAnyPhase(d, p, tail, len - m, out, fresh, len - m, len - w, len);
        if (diff != null) {
            // The kernel may remember more than m bars of this data although it forgot the shorter histories forgets()
            // tried: fib_retracement's 51st most recent leg with no age limit (seed 31: the fresh run has no leg where
            // the stream has one). Compare against a fresh run over every bar still at hand: drift would still show,
            // since that run is at most 2^17 bars against the stream's 10^6.
            int longest = previousLen + len;
            double[][] whole = new double[inputs][longest];
            for (int i = 0; i < inputs; i++) {
                System.arraycopy(previous[i], 0, whole[i], 0, previousLen);
                System.arraycopy(current[i], 0, whole[i], previousLen, len);
            }
            double[][] longer = batch(d, p, whole);
            if (lacksHistory(out, longer, -previousLen, len - w, len)) {
                return; // remembers more than the bars at hand: not a window kernel on this data
            }
            m = longest;
            diff = difference(d, whole, out, longer, -previousLen, len - w, len, batch(d, p, suffix(whole, 1)), 1 - previousLen);
            // A state that latched long before the bars at hand (a sarext short whose stop sits far above the price
            // with no acceleration, seed 11) is met by a run started half a million bars later, not by one started in
            // reach. A run over the walk's bars [later, total) carries the drift of total − later updates, so only
            // later/total of the stream's drift shows against it: it is held to that fraction of the tolerance, which
            // bounds the stream's own drift by the tolerance whichever run accepts it.
            for (long later = total / 2; diff != null && later >= total / 8; later /= 4) {
                double[][] last = lastOutputs(d, p, walkSeed, total, later, chunk, w);
                if (largestDifference(d, whole, out, last, len - w, len - w, len) <= TOLERANCE * later / total) {
                    return;
                }
            }
        }
        if (diff != null) {
            fail(d.name() + "(" + p + "): after " + total + " updates the stream differs from a fresh run over its"
                    + " last " + m + " bars: " + diff);
        }
    }

    /**
     * The next chunk of the drift walk, {@code left} bars to go: the last chunk is never shorter than the bars compared
     * ({@code w}), so they all sit in one output array.
     */
    static int chunkLength(long left, int chunk, int w) {
        int len = (int) Math.min(chunk, left);
        return left > len && left - len < w ? (int) (left - w) : len;
    }

    /**
     * The last {@code w} outputs of a stream fed the drift walk's bars {@code [from, total)}, the walk regenerated from
     * {@code walkSeed} in the drift run's chunks (its last chunk holds at least {@code w} bars).
     */
    static double[][] lastOutputs(KernelDescriptor d, ParamValues p, long walkSeed, long total, long from, int chunk, int w) {
        int inputs = d.inputs().size();
        Walks walk = new Walks(walkSeed, 1000, 1, false, inputs);
        double[][] bars = new double[inputs][chunk];
        double[][] out = new double[d.outputs().size()][chunk];
        KernelStream s = d.newStream(p);
        long done = 0;
        int len = 0;
        while (done < total) {
            len = chunkLength(total - done, chunk, w);
            walk.fill(d, bars, len);
            int a = (int) Math.max(0, Math.min(len, from - done));
            s.updateRange(bars, out, a, len);
            done += len;
        }
        double[][] last = new double[out.length][];
        for (int o = 0; o < out.length; o++) {
            last[o] = java.util.Arrays.copyOfRange(out[o], len - w, len);
        }
        return last;
    }

    /** Whether a run started at {@code start} is NaN at some bar of {@code [from, to)} where {@code actual} has a value. */
    static boolean lacksHistory(double[][] actual, double[][] fresh, int start, int from, int to) {
        for (int o = 0; o < actual.length; o++) {
            for (int t = from; t < to; t++) {
                if (Double.isNaN(fresh[o][t - start]) && !Double.isNaN(actual[o][t])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code 10^k} as the double nearest to it. */
    static double powerOfTen(int k) {
        return Double.parseDouble("1e" + k);
    }

    static double factor(Scale s, double price, double volume) {
        return switch (s) {
            case PRICE -> price;
            case PRICE_SQUARED -> price * price;
            case VOLUME -> volume;
            case PRICE_VOLUME -> price * volume;
            default -> 1.0;
        };
    }

    /**
     * Prices ×c and volumes ×v (and parameters quoted in them) scale every output as declared: price ×c, price² ×c²,
     * volume ×v, price·volume ×c·v, unitless unchanged; {@link Scale#NONE} is not checked. Two factors per case: powers
     * of two from 2⁻¹⁰⁰ to 2¹⁰⁰ scale every intermediate result exactly, so the outputs must match <em>bit for bit</em>
     * — any constant that does not move with the unit of quotation (an absolute epsilon) shows; powers of ten from 1e-9
     * to 1e9, to 1e-12 of the outputs' scale (for a price output, at least the prices': a difference of two averages of
     * a flat window is an ulp of the prices, whatever its own size). Such a factor is inexact, so it changes how every
     * intermediate result rounds; a difference beyond 1e-12 is accepted only at bars where the kernel moves as much
     * under other inexact re-quotations of the same data (by c·(1 ± 2⁻⁵²), c·(1 ± 3·2⁻⁵²), ×3, ×⅓, ×7, ×1.1, ×0.9) — an
     * ill-conditioned bar (a stochastic of a series flat to the last bit, an adaptive average near a branch), not a
     * dependence on the unit.
     *
     * @param c a clean case; its inputs are scaled, its parameters requoted where they are in prices or volumes
     */
    public static void scaleEquivariance(KernelCase c) {
        SplittableRandom r = new SplittableRandom(c.seed() ^ 0x5CA1EL);
        equivariance(c, Math.scalb(1.0, r.nextInt(201) - 100), Math.scalb(1.0, r.nextInt(201) - 100), true);
        equivariance(c, powerOfTen(r.nextInt(19) - 9), powerOfTen(r.nextInt(19) - 9), false);
    }

    static double[][] scaled(KernelDescriptor d, double[][] inputs, double price, double volume) {
        double[][] out = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            double f = factor(d.inputScale(i), price, volume);
            out[i] = inputs[i].clone();
            for (int t = 0; t < out[i].length; t++) {
                out[i][t] *= f;
            }
        }
        return out;
    }

    private static void equivariance(KernelCase c, double price, double volume, boolean exact) {
        KernelDescriptor d = c.descriptor();
        Map<String, Object> params = new LinkedHashMap<>(c.params().asMap());
        for (ParamSpec s : d.params()) {
            if (s.type() == ParamType.REAL && s.scale() != Scale.UNITLESS) {
                params.put(s.name(), ((Number) params.get(s.name())).doubleValue() * factor(s.scale(), price, volume));
            }
        }
        double[][] base = KernelProperties.batch(c);
        double[][] moved = d.batch(ParamValues.of(d, params), scaled(d, c.inputs(), price, volume));
        if (exploding(c, base, 1.0) || exploding(c, moved, Math.max(price, volume))) {
            return; // an unstable recursion running away (mcginley on a series through zero): it stops where doubles
                    // overflow, and that point is no unit's law
        }
        double[][] expected = new double[base.length][];
        for (int o = 0; o < base.length; o++) {
            double f = factor(d.outputs().get(o).scale(), price, volume);
            expected[o] = base[o].clone();
            for (int t = 0; t < expected[o].length; t++) {
                expected[o][t] *= f;
            }
        }
        double[][] sensitivity = null;
        Map<Scale, Double> scales = new LinkedHashMap<>();
        for (int o = 0; o < base.length; o++) {
            for (double e : expected[o]) {
                if (Double.isFinite(e)) {
                    scales.merge(d.outputs().get(o).scale(), Math.abs(e), Math::max);
                }
            }
        }
        // A price output is at least at the scale of the prices it was computed from, as in difference(): the
        // difference of two averages of a flat window (dpo, seed 12) is a rounding residue of the prices, an ulp of
        // them, not of itself. Variances keep their own scale: their cancellation is what is tested there.
        scales.merge(Scale.PRICE, largestInput(d, c.inputs(), Scale.PRICE) * price, Math::max);
        for (int o = 0; o < base.length; o++) {
            Scale s = d.outputs().get(o).scale();
            if (s == Scale.NONE) {
                continue;
            }
            double f = factor(s, price, volume);
            double scale = scales.getOrDefault(s, 0.0);
            for (int t = 0; t < base[o].length; t++) {
                double a = moved[o][t];
                double e = expected[o][t];
                boolean same = Double.isNaN(a) ? Double.isNaN(e)
                        : exact ? a == e
                        : Math.abs(a - e) <= TOLERANCE * Math.max(Math.abs(e), scale);
                if (!same && !exact && !Double.isNaN(a) && !Double.isNaN(e)) {
                    if (sensitivity == null) {
                        sensitivity = sensitivity(c, base, price, volume);
                    }
                    same = Math.abs(a - e) <= TOLERANCE * Math.max(Math.abs(e), scale) + 8 * f * sensitivity[o][t];
                }
                if (!same) {
                    fail(c + ": prices x" + price + ", volumes x" + volume + ": " + d.outputs().get(o).name() + " (" + s
                            + ") at bar " + t + " is " + a + ", expected " + e + (exact ? " exactly" : " (scale " + scale + ")"));
                }
            }
        }
    }

    /** Whether an output runs more than 2²⁰⁰ times past the largest input (times {@code factor}). */
    static boolean exploding(KernelCase c, double[][] out, double factor) {
        double largest = 0;
        for (double[] column : c.inputs()) {
            for (double v : column) {
                if (Double.isFinite(v)) {
                    largest = Math.max(largest, Math.abs(v));
                }
            }
        }
        double limit = 0x1p200 * largest * factor;
        for (double[] column : out) {
            for (double v : column) {
                if (Math.abs(v) > limit) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * How far each output moves under other inexact re-quotations of the data (the factors of
     * {@link #scaleEquivariance}, results divided back): the kernel's own conditioning on this data, which no unit can
     * improve.
     */
    static double[][] sensitivity(KernelCase c, double[][] base, double price, double volume) {
        KernelDescriptor d = c.descriptor();
        double[][] most = new double[base.length][base[0].length];
        double u = 0x1p-52;
        double[][] factors = {
            {price * (1 + u), volume * (1 + u)}, {price * (1 - u), volume * (1 - u)},
            {price * (1 + 3 * u), volume * (1 - 3 * u)}, {price * (1 - 3 * u), volume * (1 + 3 * u)},
            {3.0, 3.0}, {1 / 3.0, 1 / 3.0}, {7.0, 7.0}, {1.1, 1.1}, {0.9, 0.9}};
        for (double[] pv : factors) {
            double g = pv[0];
            double gv = pv[1];
            Map<String, Object> params = new LinkedHashMap<>(c.params().asMap());
            for (ParamSpec s : d.params()) {
                if (s.type() == ParamType.REAL && s.scale() != Scale.UNITLESS) {
                    params.put(s.name(), ((Number) params.get(s.name())).doubleValue() * factor(s.scale(), g, gv));
                }
            }
            double[][] moved = d.batch(ParamValues.of(d, params), scaled(d, c.inputs(), g, gv));
            for (int o = 0; o < base.length; o++) {
                double f = factor(d.outputs().get(o).scale(), g, gv);
                for (int t = 0; t < base[o].length; t++) {
                    double delta = Math.abs(moved[o][t] / f - base[o][t]);
                    if (delta == delta) {
                        most[o][t] = Math.max(most[o][t], delta);
                    }
                }
            }
        }
        return most;
    }

    /**
     * Parameters with every {@code int} parameter near {@code target} (clamped into its range; cross-parameter rules
     * satisfied by shrinking some), or null if none can be found.
     */
    static ParamValues near(KernelDescriptor d, int target, SplittableRandom r) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (ParamSpec s : d.params()) {
                if (s.type() == ParamType.INT) {
                    double want = attempt == 0 ? target : target * (0.5 + 0.5 * r.nextDouble());
                    double lo = s.min() + (s.minExclusive() ? 1 : 0);
                    double hi = s.max() - (s.maxExclusive() ? 1 : 0);
                    m.put(s.name(), (int) Math.max(lo, Math.min(hi, Math.rint(want))));
                } else if (s.hasDefault()) {
                    m.put(s.name(), s.defaultObject());
                }
            }
            try {
                ParamValues p = ParamValues.of(d, m);
                d.lookback(p);
                return p;
            } catch (InvalidParameterException e) {
                // a cross-parameter rule failed: shrink and retry
            }
        }
        return null;
    }

    /** The least time per bar of update + preview + replaceLast over several rounds, in nanoseconds. */
    static double[] perBar(KernelDescriptor d, ParamValues[] ps, long seed) {
        int bars = 400;
        int rounds = 5;
        KernelStream[] streams = new KernelStream[ps.length];
        double[][][] data = new double[ps.length][][];
        for (int k = 0; k < ps.length; k++) {
            int fill = d.lookback(ps[k]) + 1 + bars * rounds;
            data[k] = fold(d, new RandomBars(seed, false).inputs(d.inputs(), fill + bars * rounds));
            streams[k] = d.newStream(ps[k]);
            streams[k].updateRange(data[k], new double[d.outputs().size()][data[k][0].length], 0, fill);
        }
        double[] best = new double[ps.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double[] out = new double[d.outputs().size()];
        double[] bar = new double[d.inputs().size()];
        double[] other = new double[bar.length];
        // Thread CPU time, not wall time: on a loaded machine a round longer than a scheduler slice waits for a core
        // several times over, which inflated the slow round of a 100,000 period more than the quick one of 10.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < ps.length; k++) {
                KernelStream s = streams[k];
                double[][] in = data[k];
                int from = in[0].length - bars * (rounds - round);
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int t = from; t < from + bars; t++) {
                    for (int i = 0; i < bar.length; i++) {
                        bar[i] = in[i][t];
                        other[i] = in[i][t - 1];
                    }
                    s.update(other, out);
                    s.preview(bar, out);
                    s.replaceLast(bar, out);
                }
                best[k] = Math.min(best[k], (cpu.getCurrentThreadCpuTime() - t0) / (double) bars);
            }
        }
        return best;
    }

    /**
     * Per-bar cost does not grow with the period: at periods near 100,000 an update + preview + replaceLast costs
     * less than {@link #COST_RATIO} times what it costs near 10 (O(log n) gives ~5–20×, O(n) ~10,000×). Kernels that
     * declare O(n) per bar ({@link KernelDescriptor#timeCost()}) or have no integer parameter are not measured.
     *
     * @param d the kernel
     */
    public static void costIsNotLinear(KernelDescriptor d) {
        if (d.timeCost() == Complexity.LINEAR || d.params().stream().noneMatch(s -> s.type() == ParamType.INT)) {
            return;
        }
        SplittableRandom r = new SplittableRandom(KernelProperties.SEED ^ d.name().hashCode());
        ParamValues small = near(d, 10, r);
        ParamValues large = near(d, 100_000, r);
        if (small == null || large == null) {
            return;
        }
        double[] t = perBar(d, new ParamValues[] {small, large}, r.nextLong());
        List<String> report = new ArrayList<>(List.of(String.format("%.0f ns/bar at %s, %.0f ns/bar at %s", t[0], small, t[1], large)));
        assertTrue(t[1] < COST_RATIO * Math.max(t[0], 50.0),
                d.name() + ": per-bar cost grows with the period (declared " + d.timeCost().notation() + "): " + report);
    }
}
