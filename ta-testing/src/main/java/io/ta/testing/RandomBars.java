package io.ta.testing;

import java.util.SplittableRandom;

/**
 * Random input series for property tests: price-like random walks at magnitudes from 1e-6 to 1e300 (where a product
 * of two prices overflows), constant runs, zero runs, missing cells (NaN, ±Infinity) alone and in runs, and on some
 * dirty cases volumes near 1e307 (where a sum of a few bars overflows). OHLCV inputs are generated as consistent bars
 * ({@code low <= open, close <= high}, {@code volume >= 0}) so invariants that hold for real bars can be checked.
 */
public final class RandomBars {
    private final SplittableRandom r;
    private final boolean dirty;

    /**
     * A generator of one case's series; the same seed and flag give the same series.
     *
     * @param seed the case seed
     * @param dirty whether to include missing cells and extreme magnitudes
     */
    public RandomBars(long seed, boolean dirty) {
        this.r = new SplittableRandom(seed);
        this.dirty = dirty;
    }

    /**
     * The generator behind every draw, for parameters drawn from the same seed.
     *
     * @return the generator (shared: drawing from it changes the series drawn next)
     */
    public SplittableRandom random() {
        return r;
    }

    /**
     * A length: mostly 0..300, sometimes tiny.
     *
     * @param atLeast the length three draws in four reach at least (capped at 300), such as a warm-up plus one
     * @return a length from 0 to 300
     */
    public int length(int atLeast) {
        int n = r.nextInt(10) == 0 ? r.nextInt(6) : r.nextInt(301);
        return Math.max(n, r.nextInt(4) == 0 ? 0 : Math.min(atLeast, 300));
    }

    private double scale() {
        if (!dirty) {
            return switch (r.nextInt(4)) {
                case 0 -> 1.0;
                case 1 -> 100.0;
                case 2 -> 0.01;
                default -> 5000.0;
            };
        }
        return switch (r.nextInt(8)) {
            case 0 -> r.nextBoolean() ? 1e-6 : 1e300;
            case 1 -> 1e100;
            case 2 -> 1e12;
            case 3 -> 0.01;
            case 4 -> 1.0;
            default -> 100.0;
        };
    }

    /**
     * A positive random walk with flat stretches.
     *
     * @param n the number of values
     * @return the walk, at a magnitude drawn for this series (up to 1e300 when dirty)
     */
    public double[] walk(int n) {
        double s = scale();
        double[] x = new double[n];
        double v = s * (1 + r.nextDouble());
        int flat = 0;
        for (int i = 0; i < n; i++) {
            if (flat > 0) {
                flat--;
            } else if (r.nextInt(25) == 0) {
                flat = r.nextInt(12);
            } else {
                v = Math.max(v * (1 + 0.03 * r.nextGaussian()), s * 1e-3);
            }
            x[i] = v;
        }
        return x;
    }

    /**
     * A series that may go negative and through zero (generic inputs).
     *
     * @param n the number of values
     * @return the series
     */
    public double[] signed(int n) {
        double s = scale();
        double[] x = new double[n];
        double v = 0;
        for (int i = 0; i < n; i++) {
            v = r.nextInt(30) == 0 ? 0.0 : v + s * r.nextGaussian();
            x[i] = v;
        }
        return x;
    }

    /**
     * A condition that starts a new period now and then (the {@code anchor} of anchored_vwap and vwap_bands): 1 on
     * about one bar in 40, else 0, and on one series in three never (one period from the first bar). A walk or a
     * signed series is non-zero on nearly every bar, which made every period one bar long, and what a period carries
     * (its sums, an overflow in them) was never tested.
     */
    private double[] anchors(int n) {
        double[] x = new double[n];
        if (r.nextInt(3) == 0) {
            return x;
        }
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(40) == 0 ? 1.0 : 0.0;
        }
        return x;
    }

    /**
     * Sprinkles missing cells over {@code x} (only when dirty).
     *
     * @param x the series, changed in place: runs of NaN, +Infinity or -Infinity on two cases in three
     */
    public void holes(double[] x) {
        if (!dirty || x.length == 0 || r.nextInt(3) == 0) {
            return;
        }
        int k = 1 + r.nextInt(4);
        for (int j = 0; j < k; j++) {
            int at = r.nextInt(x.length);
            int run = r.nextInt(5) == 0 ? 1 + r.nextInt(10) : 1;
            double hole = switch (r.nextInt(6)) {
                case 0 -> Double.POSITIVE_INFINITY;
                case 1 -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
            for (int i = at; i < Math.min(x.length, at + run); i++) {
                x[i] = hole;
            }
        }
    }

    /**
     * One array per input name: bar fields ({@code open high low close volume}) form consistent OHLCV bars, an
     * {@code anchor} is a sparse condition (a period of many bars), any other name is an independent series.
     *
     * @param names the kernel's input names, in order
     * @param n the number of bars
     * @return one array of {@code n} values per name, in the names' order
     */
    public double[][] inputs(java.util.List<String> names, int n) {
        double[] close = walk(n);
        boolean hugeVolume = dirty && r.nextInt(10) == 0;
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            double o = i == 0 ? close[0] : close[i - 1] * (1 + 0.01 * r.nextGaussian());
            double span = Math.abs(close[i]) * 0.02 * Math.abs(r.nextGaussian());
            if (r.nextInt(20) == 0) {
                o = close[i];
                span = 0; // a flat bar: high == low
            }
            open[i] = o;
            high[i] = Math.max(o, close[i]) + span * r.nextDouble();
            low[i] = Math.min(o, close[i]) - span * r.nextDouble();
            volume[i] = r.nextInt(15) == 0 ? 0.0 : Math.floor(1e6 * Math.abs(r.nextGaussian()));
            if (hugeVolume) {
                volume[i] *= 1e301;
            }
        }
        double[][] out = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            out[k] = switch (names.get(k)) {
                case "open" -> open.clone();
                case "high" -> high.clone();
                case "low" -> low.clone();
                case "close" -> close.clone();
                case "volume" -> volume.clone();
                case "anchor" -> anchors(n);
                default -> r.nextBoolean() ? walk(n) : signed(n);
            };
            holes(out[k]);
        }
        return out;
    }
}
