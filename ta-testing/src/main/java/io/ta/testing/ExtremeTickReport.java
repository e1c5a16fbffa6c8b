package io.ta.testing;

import io.ta.annotation.Scale;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A kernel's outputs after ticks at the edge of the doubles, next to the same run at prices 2<sup>−k</sup> times
 * smaller, where nothing overflows (docs/kernel-guide.md, "The numbers after an extreme tick"). A power of two scales
 * exactly, so wherever the ticked run has a value it should be the scaled run's, scaled back by the output's
 * {@link Scale}.
 *
 * <p>A report, not a test: a filter's restart, a skipped bar and the recursive memory it changes, and the absorption a
 * window's sums suffer (docs/contracts.md, "Extreme values") are differences by design, and a kernel may show them for
 * thousands of bars. What else it lists is a number to explain. The suite's properties check what holds for every
 * kernel: no output stays NaN for good, and batch, ranges, updates and restored snapshots agree over the ticks.
 *
 * <pre>
 * java -cp my-kernels.jar:ta-testing.jar:... io.ta.testing.ExtremeTickReport [kernel,kernel,...] [--tick 1e200]
 *     [--scale 332] [--seed 7] [--all]
 * </pre>
 *
 * <p>Every kernel on the class path, or those named; ticks of ±MAX_VALUE (or {@code --tick}) at bar 1,000 of 3,000
 * random bars, on every input of the bar, on each input alone, and on the close with its bar's high or low stretched
 * to it; the run compared at 2<sup>−64</sup> (or
 * {@code --scale}: ticks of 1e200 need 2<sup>−332</sup>, where their squares fit); default parameters, or random
 * ones drawn from {@code --seed}. It lists the outputs with other values than the scaled run's, or values where it
 * has none; {@code --all} lists those that are only NaN where it has a value too, which is what an overflowed sum
 * rightly reads.
 */
public final class ExtremeTickReport {
    static final int BARS = 3_000;
    static final int AT = 1_000;
    /** Relative difference counted as another number: far above the rounding of any order of operations. */
    static final double DIFFERENT = 1e-6;

    private ExtremeTickReport() {}

    /**
     * One output of one run with ticks that differs from the scaled run.
     *
     * @param output the output's name
     * @param ticks the ticks, on consecutive bars
     * @param on the input they were put on, {@code "every input"}, or {@code "close, with its bar"}
     * @param differ bars where both runs have a value and the values differ
     * @param zeros of those, bars where the ticked run reads 0
     * @param nanForValue bars where the ticked run is NaN and the scaled run has a value
     * @param valueForNan bars where the ticked run has a value and the scaled run is NaN
     * @param firstAfter bars from the first tick to the first differing value; −1 if none differs
     * @param ticked the ticked run's value there
     * @param scaled the scaled run's value there, scaled back
     */
    public record Difference(String output, double[] ticks, String on, int differ, int zeros, int nanForValue,
            int valueForNan, int firstAfter, double ticked, double scaled) {
        @Override
        public String toString() {
            String first = firstAfter < 0 ? "" : String.format(Locale.ROOT, "; first at +%d: %s against %s",
                    firstAfter, ticked, scaled);
            return String.format(Locale.ROOT, "%s, ticks %s on %s: %d values differ (%d read 0), %d NaN where the scaled"
                    + " run has a value, %d values where it is NaN%s", output, Arrays.toString(ticks), on, differ, zeros,
                    nanForValue, valueForNan, first);
        }
    }

    /**
     * The outputs of {@code d} with parameters {@code p} that differ from the scaled run, for ticks of magnitude
     * {@code tick} compared at 2<sup>−{@code scale}</sup>: one tick of either sign, two of opposite signs in a row,
     * two of the same sign, a tick, a zero and the opposite tick, and three of half the magnitude (each fits, and so
     * do a bar's median and range and a sum of two; a sum of three does not). From the first tick's bar on.
     *
     * @param d the kernel
     * @param p its parameters
     * @param tick the magnitude of a bad tick, such as {@code 1e300}
     * @param scale the binary exponent below 0 at which outputs are compared with the scaled run
     * @return one entry per output and tick pattern that differs; empty if the ticks faded everywhere
     */
    public static List<Difference> differences(KernelDescriptor d, ParamValues p, double tick, int scale) {
        double[][] clean = NumericsProperties.fold(d, new RandomBars(58, false).inputs(d.inputs(), BARS));
        double half = tick * 0.5;
        double[][] shapes = {{tick}, {-tick}, {tick, -tick}, {-tick, tick}, {tick, tick}, {tick, 0, -tick},
            {half, half, half}};
        int close = d.inputs().indexOf("close");
        int high = d.inputs().indexOf("high");
        int low = d.inputs().indexOf("low");
        // Every input, each alone, and (with a high and a low) the close with its bar's high or low: a bad close
        // after which a feed's bar is still consistent.
        int placements = clean.length + (close >= 0 && high >= 0 && low >= 0 ? 1 : 0);
        List<Difference> out = new ArrayList<>();
        for (int on = clean.length == 1 ? 0 : -1; on < placements; on++) {
            for (double[] ticks : shapes) {
                // on == clean.length names no input: a plain copy, then the close and its bar.
                double[][] big = NumericsProperties.ticked(d, clean, ticks, AT, on);
                double[][] small = new double[clean.length][];
                if (on == clean.length) {
                    for (int k = 0; k < ticks.length; k++) {
                        big[close][AT + k] = ticks[k];
                        big[high][AT + k] = Math.max(big[high][AT + k], ticks[k]);
                        big[low][AT + k] = Math.min(big[low][AT + k], ticks[k]);
                    }
                }
                for (int i = 0; i < clean.length; i++) {
                    small[i] = big[i].clone();
                    if (d.inputScale(i) != Scale.UNITLESS) {
                        for (int t = 0; t < BARS; t++) {
                            small[i][t] = Math.scalb(big[i][t], -scale);
                        }
                    }
                }
                String where = on < 0 ? "every input" : on < clean.length ? d.inputs().get(on) : "close, with its bar";
                compare(d, d.batch(p, big), d.batch(p, small), scale, ticks, where, out);
            }
        }
        return out;
    }

    private static void compare(KernelDescriptor d, double[][] big, double[][] small, int scale, double[] ticks,
            String on, List<Difference> out) {
        for (int o = 0; o < big.length; o++) {
            int k = switch (d.outputs().get(o).scale()) {
                case PRICE, VOLUME -> scale;
                case UNITLESS -> 0;
                case PRICE_SQUARED, PRICE_VOLUME -> 2 * scale;
                default -> -1; // no scaling law to undo
            };
            if (k < 0) {
                continue;
            }
            int differ = 0;
            int zeros = 0;
            int nanForValue = 0;
            int valueForNan = 0;
            int first = -1;
            double x0 = 0;
            double y0 = 0;
            for (int t = AT; t < BARS; t++) {
                double x = big[o][t];
                double y = Math.scalb(small[o][t], k);
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    nanForValue += Double.isNaN(x) && !Double.isNaN(y) ? 1 : 0;
                    valueForNan += !Double.isNaN(x) && Double.isNaN(y) ? 1 : 0;
                } else if (Math.abs(x - y) > DIFFERENT * Math.max(Math.abs(x), Math.abs(y))) {
                    differ++;
                    zeros += x == 0 ? 1 : 0;
                    if (first < 0) {
                        first = t - AT;
                        x0 = x;
                        y0 = y;
                    }
                }
            }
            if (differ + nanForValue + valueForNan > 0) {
                out.add(new Difference(d.outputs().get(o).name(), ticks, on, differ, zeros, nanForValue, valueForNan,
                        first, x0, y0));
            }
        }
    }

    /**
     * Prints the report: {@code [kernel,...] [--tick MAGNITUDE] [--scale K] [--seed N] [--all]}.
     *
     * @param args the kernels (all on the class path if none), then the options
     */
    public static void main(String[] args) {
        List<String> names = new ArrayList<>();
        double tick = Double.MAX_VALUE;
        int scale = 64;
        Long seed = null;
        boolean all = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--all" -> all = true;
                    case "--tick" -> tick = Double.parseDouble(args[++i]);
                    case "--scale" -> scale = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> names.addAll(Arrays.asList(args[i].split(",")));
                }
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            System.err.println("usage: ExtremeTickReport [kernel,...] [--tick MAGNITUDE] [--scale K] [--seed N] [--all]"
                    + " (" + e.getMessage() + ")");
            System.exit(2);
            return;
        }
        int kernels = 0;
        int listed = 0;
        int nanOnly = 0;
        for (KernelDescriptor d : KernelLoader.load(ExtremeTickReport.class.getClassLoader()).kernels()) {
            if (!names.isEmpty() && !names.contains(d.name())) {
                continue;
            }
            ParamValues p = seed == null ? ParamValues.defaults(d)
                    : KernelCase.params(d, new SplittableRandom(seed ^ d.name().hashCode()));
            kernels++;
            for (Difference diff : differences(d, p, tick, scale)) {
                if (diff.differ() + diff.valueForNan() > 0 || all) {
                    System.out.println(d.name() + "(" + p + ")." + diff);
                    listed++;
                } else {
                    nanOnly++;
                }
            }
        }
        System.out.println(kernels + " kernels; " + listed + " outputs and ticks listed that differ from the run at 2^-"
                + scale + (all ? "" : "; " + nanOnly + " more are only NaN where that run has a value (--all lists them)"));
    }
}
