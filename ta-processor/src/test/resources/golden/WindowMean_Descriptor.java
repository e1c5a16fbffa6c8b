package test;

import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import io.ta.spi.SelectorSpec;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registry descriptor of {@code window_mean}: Mean of a window.
 *
 * <p>Generated internals, for generated and runtime code only (a generated name with {@code _} is
 * not API): users reach this kernel through {@link WindowMeanStream} and the library facade, and its
 * descriptor through the registry. Its static members are the batch loop and the entry points of
 * fused plans.
 *
 * @hidden
 */
@Generated("io.ta.processor.KernelProcessor")
public final class WindowMean_Descriptor implements KernelDescriptor {
    /**
     * The one instance, listed by the library's provider.
     */
    public static final WindowMean_Descriptor INSTANCE = new WindowMean_Descriptor();

    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec("period", ParamType.INT, "10", 1.0, 1000.0, false, false, List.of(), "", Scale.UNITLESS),
            new ParamSpec("rounding", ParamType.CHOICE, "none", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, false, List.of("none", "floor"), "", Scale.UNITLESS));

    private static final List<String> INPUTS = List.of("x");

    private static final List<OutputSpec> OUTPUTS = List.of(new OutputSpec("value", "", Scale.PRICE));

    private static final List<Scale> INPUT_SCALES = List.of(Scale.PRICE);

    private static final List<String> ALIASES = List.of("wmean");

    private static final List<SelectorSpec> SELECTORS = List.of();

    private static final String KERNEL = "window_mean";

    private WindowMean_Descriptor() {
    }

    @Override
    public String name() {
        return "window_mean";
    }

    @Override
    public List<String> aliases() {
        return ALIASES;
    }

    @Override
    public List<SelectorSpec> selectors() {
        return SELECTORS;
    }

    @Override
    public Family family() {
        return Family.MOVING_AVERAGE;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.NUMBER;
    }

    @Override
    public String summary() {
        return "Mean of a window.";
    }

    @Override
    public String reference() {
        return "";
    }

    @Override
    public String lookbackFormula() {
        return "period - 1";
    }

    @Override
    public List<ParamSpec> params() {
        return PARAMS;
    }

    @Override
    public List<String> inputs() {
        return INPUTS;
    }

    @Override
    public List<OutputSpec> outputs() {
        return OUTPUTS;
    }

    @Override
    public Scale inputScale(int input) {
        return INPUT_SCALES.get(Checks.index("window_mean", "input", input, INPUTS));
    }

    @Override
    public Complexity timeCost() {
        return Complexity.CONSTANT;
    }

    @Override
    public Complexity memoryCost() {
        return Complexity.LINEAR;
    }

    @Override
    public long schema() {
        return WindowMean_State.SCHEMA;
    }

    @Override
    public int lookback(ParamValues p) {
        Args a = new Args(p);
        validate(a.period, a.rounding);
        return WindowMean.lookback(a.period);
    }

    @Override
    public WindowMeanStream newStream(ParamValues p) {
        Args a = new Args(p);
        return new WindowMeanStream(a.period, a.rounding);
    }

    @Override
    public double[][] batch(ParamValues p, double[]... inputs) {
        Args a = new Args(p);
        int n = Checks.inputs("window_mean", INPUTS, inputs);
        double[][] out = new double[1][n];
        batch(inputs[0], a.period, a.rounding, out[0]);
        return out;
    }

    /**
     * Checks every parameter and cross-parameter rule of {@code window_mean}.
     *
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @throws io.ta.error.InvalidParameterException naming the kernel, the parameter and its valid range
     */
    public static void validate(int period, WindowMean.Rounding rounding) {
        Checks.intParam(KERNEL, "period", period, 1.0, 1000.0, false, false);
        Checks.choiceParam(KERNEL, "rounding", rounding);
    }

    /**
     * Steps a fresh kernel over every bar of the inputs, writing every output array (the inputs' length).
     *
     * @param x input {@code x}, one value per bar (NaN: missing)
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @param out receives output {@code value} at the inputs' indices
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     * @throws io.ta.error.ShapeMismatchException if inputs or outputs do not line up
     */
    public static void batch(double[] x, int period, WindowMean.Rounding rounding, double[] out) {
        validate(period, rounding);
        int n = Checks.length(KERNEL, "x", x);
        Checks.output(KERNEL, "value", out, n);
        WindowMean k = new WindowMean(period, rounding);
        for (int i = 0; i < n; i++) {
            out[i] = Checks.finiteOrNaN(k.step(x[i]));
        }
    }

    /**
     * Steps {@code k} over bars {@code [from, to)}, writing outputs at the same indices. No checks: the
     * generated callers validate parameters, shapes and ranges first.
     *
     * @param k the kernel, carrying the state of the bars before
     * @param x input {@code x}, one value per bar (NaN: missing)
     * @param out receives output {@code value} at the inputs' indices
     * @param from the first bar, inclusive
     * @param to the end of the range, exclusive
     */
    public static void loop(WindowMean k, double[] x, double[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = Checks.finiteOrNaN(k.step(x[i]));
        }
    }

    /**
     * A fresh kernel with the parameters of {@code stream}, for a fused plan's loop.
     *
     * @param stream the stream whose (already checked) parameters the kernel takes
     * @return a kernel that has seen no bar
     */
    public static WindowMean newKernel(WindowMeanStream stream) {
        return new WindowMean(stream.period, stream.rounding);
    }

    /**
     * Output {@code i} (in descriptor order) of {@code stream}'s most recent update, preview or replaceLast.
     *
     * @param stream the stream
     * @param i the output's index, from 0
     * @return the output, finite or NaN
     */
    public static double outputAt(WindowMeanStream stream, int i) {
        return stream.outputAt(i);
    }

    /**
     * Steps {@code k} over one bar; returns its output, finite or NaN.
     *
     * @param k the kernel, carrying the state of the bars before
     * @param x the bar's {@code x} (NaN: missing)
     * @return the bar's output, NaN if it is not finite
     */
    public static double stepKernel(WindowMean k, double x) {
        return Checks.finiteOrNaN(k.step(x));
    }

    /**
     * Per-bar cost of {@code k} as built: the largest over the parts and nested kernels it holds.
     *
     * @param k the kernel
     * @return its time per bar
     */
    public static Complexity timeCostOf(WindowMean k) {
        return Complexity.CONSTANT;
    }

    @Override
    public String toString() {
        return "KernelDescriptor[window_mean]";
    }

    /**
     * Parameter values built for {@code window_mean}, unpacked once into their Java types.
     */
    private static final class Args {
        final int period;

        final WindowMean.Rounding rounding;

        Args(ParamValues p) {
            Checks.params("window_mean", 2, p);
            this.period = p.intValue(0);
            this.rounding = Checks.choice(WindowMean.Rounding.class, p.choice(1));
        }
    }
}
