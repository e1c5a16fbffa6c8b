package io.ta.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whether two builds give the same bits: each kernel's batch and a stream of it (updates, previews before and after
 * them, replaced bars), over hostile series, in both builds loaded side by side, each by a class loader of its own.
 * A change meant to be only faster (a state part's layout, a test moved) must print {@code differing 0}; the
 * property suite checks batch ≡ stream inside one build, this checks one build against another.
 *
 * <p>Usage: {@code java -cp ta-bench/target/benchmarks.jar io.ta.bench.BitCmp BEFORE_JAR AFTER_JAR kernel,kernel}.
 * Forty series per kernel of 300 to 1,000 bars at levels 50, 1e6, 1e-6 and 0: a walk with repeated values, runs of
 * ±0, missing values, 1e8 ticks, ±{@code Double.MAX_VALUE} and +∞; for four-input kernels every other series is
 * coherent candles (open, high, low, close) with dojis, gaps and the same rare ticks. Default parameters.
 */
public final class BitCmp {
    private BitCmp() {}

    public static void main(String[] args) throws Exception {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        long total = 0;
        long differing = 0;
        long nonZero = 0;
        try (URLClassLoader a = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, platform);
                URLClassLoader b = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, platform)) {
            for (String k : args[2].split(",")) {
                Object da = descriptor(a, k);
                Object db = descriptor(b, k);
                int inputs = ((List<?>) da.getClass().getMethod("inputs").invoke(da)).size();
                for (int seed = 0; seed < 40; seed++) {
                    SplittableRandom r = new SplittableRandom(seed * 31L + k.hashCode());
                    int n = 300 + r.nextInt(700);
                    double[][] in = new double[inputs][];
                    if (inputs == 4 && seed % 2 == 0) {
                        in = candles(r, n, seed);
                    } else {
                        for (int c = 0; c < inputs; c++) {
                            in[c] = series(r, n, seed);
                        }
                    }
                    double[][] oa = run(a, da, in, seed);
                    double[][] ob = run(b, db, in, seed);
                    for (int c = 0; c < oa.length; c++) {
                        for (int i = 0; i < oa[c].length; i++) {
                            total++;
                            if (oa[c][i] != 0 && oa[c][i] == oa[c][i]) {
                                nonZero++;
                            }
                            if (Double.doubleToRawLongBits(oa[c][i]) != Double.doubleToRawLongBits(ob[c][i])
                                    && differing++ < 10) {
                                System.out.println(k + " seed " + seed + " output " + c + " at " + i + ": " + oa[c][i]
                                        + " against " + ob[c][i]);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("values " + total + ", differing " + differing + ", non-zero " + nonZero);
    }

    private static double[] series(SplittableRandom r, int n, int seed) {
        double level = new double[] {50, 1e6, 1e-6, 0.0}[seed % 4];
        double unit = level == 0 ? 1 : level;
        double v = level;
        double[] x = new double[n];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(40);
            if (zeros > 0 || k == 5) {
                zeros = zeros > 0 ? zeros - 1 : r.nextInt(1, 40);
                x[i] = r.nextBoolean() ? 0.0 : -0.0;
            } else if (k == 0) {
                x[i] = Double.NaN;
            } else if (k == 1) {
                x[i] = unit * 1e8;
            } else if (k == 2 && r.nextInt(4) == 0) {
                x[i] = r.nextInt(3) == 0 ? Double.POSITIVE_INFINITY
                        : r.nextBoolean() ? Double.MAX_VALUE : -Double.MAX_VALUE;
            } else if (k < 5 && i > 0) {
                x[i] = x[i - 1];
            } else {
                v += unit * 1e-2 * r.nextGaussian();
                x[i] = Math.abs(v) + (level == 0 ? 1 : 0);
            }
        }
        return x;
    }

    private static double[][] candles(SplittableRandom r, int n, int seed) {
        double level = new double[] {50, 1e6, 1e-6, 3}[(seed / 2) % 4];
        double[][] x = new double[4][n];
        double c = level;
        for (int i = 0; i < n; i++) {
            double step = level * 1e-2;
            double o = r.nextInt(5) == 0 ? c : c + step * r.nextGaussian() * (r.nextInt(10) == 0 ? 5 : 0.3);
            c = r.nextInt(8) == 0 ? o : Math.abs(o + step * r.nextGaussian()) + level * 1e-3;
            double h = Math.max(o, c) + (r.nextInt(6) == 0 ? 0 : step * Math.abs(r.nextGaussian()));
            double l = Math.min(o, c) - (r.nextInt(6) == 0 ? 0 : step * Math.abs(r.nextGaussian()));
            x[0][i] = o;
            x[1][i] = h;
            x[2][i] = l;
            x[3][i] = c;
            int k = r.nextInt(200);
            if (k == 0) {
                x[r.nextInt(4)][i] = Double.NaN;
            } else if (k == 1) {
                x[r.nextInt(4)][i] = level * 1e8;
            }
        }
        return x;
    }

    private static Object descriptor(ClassLoader loader, String kernel) throws Exception {
        Class<?> kd = Class.forName("io.ta.spi.KernelDescriptor", true, loader);
        Class<?> kl = Class.forName("io.ta.spi.KernelLoader", true, loader);
        Object loaded = kl.getMethod("load", ClassLoader.class).invoke(null, loader);
        for (Object d : (List<?>) loaded.getClass().getMethod("kernels").invoke(loaded)) {
            if (kd.getMethod("name").invoke(d).equals(kernel)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no kernel " + kernel + " in " + loader);
    }

    /** The batch's outputs, then the stream's: after each bar, the outputs of the stream's last call. */
    private static double[][] run(ClassLoader loader, Object d, double[][] in, int seed) throws Exception {
        Class<?> pv = Class.forName("io.ta.spi.ParamValues", true, loader);
        Class<?> kd = Class.forName("io.ta.spi.KernelDescriptor", true, loader);
        Object params = pv.getMethod("defaults", kd).invoke(null, d);
        double[][] batch = (double[][]) kd.getMethod("batch", pv, double[][].class).invoke(d, params, in);
        Object s = kd.getMethod("newStream", pv).invoke(d, params);
        Class<?> ks = Class.forName("io.ta.spi.KernelStream", true, loader);
        Method update = ks.getMethod("update", double[].class, double[].class);
        Method preview = ks.getMethod("preview", double[].class, double[].class);
        Method replaceLast = ks.getMethod("replaceLast", double[].class, double[].class);
        int n = in[0].length;
        double[][] streamed = new double[batch.length][n];
        double[] bar = new double[in.length];
        double[] other = new double[in.length];
        double[] o = new double[batch.length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < in.length; c++) {
                bar[c] = in[c][i];
                other[c] = in[c][r.nextInt(n)];
            }
            if (r.nextInt(3) == 0) {
                preview.invoke(s, other, o);
            }
            if (r.nextInt(4) == 0) {
                update.invoke(s, other, o);
                replaceLast.invoke(s, bar, o);
            } else {
                update.invoke(s, bar, o);
            }
            if (r.nextInt(3) == 0) {
                preview.invoke(s, other, o);
            }
            for (int c = 0; c < o.length; c++) {
                streamed[c][i] = o[c];
            }
        }
        double[][] all = new double[2 * batch.length][];
        for (int c = 0; c < batch.length; c++) {
            all[c] = batch[c];
            all[batch.length + c] = streamed[c];
        }
        return all;
    }
}
