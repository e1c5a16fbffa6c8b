package test;

import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import io.ta.spi.RequireSpec;
import io.ta.spi.SelectorSpec;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registry descriptor of {@code bands}: Mean plus and minus a width.
 *
 * <p>Generated internals, for generated and runtime code only (a generated name with {@code _} is
 * not API): users reach this kernel through {@link BandsStream} and the library facade, and its
 * descriptor through the registry. Its static members are the batch loop and the entry points of
 * fused plans.
 *
 * @hidden
 */
@Generated("io.ta.processor.KernelProcessor")
public final class Bands_Descriptor implements KernelDescriptor {
    /**
     * The one instance, listed by the library's provider.
     */
    public static final Bands_Descriptor INSTANCE = new Bands_Descriptor();

    private static final List<ParamSpec> PARAMS = List.of(
            new ParamSpec("fast_period", ParamType.INT, "3", 1.0, 100.0, false, false, List.of(), "", Scale.UNITLESS),
            new ParamSpec("slow_period", ParamType.INT, "10", 2.0, 100.0, false, false, List.of(), "", Scale.UNITLESS),
            new ParamSpec("width", ParamType.REAL, "2.0", 0.0, Double.POSITIVE_INFINITY, true, false, List.of(), "", Scale.UNITLESS));

    private static final List<String> INPUTS = List.of("high", "low");

    private static final List<OutputSpec> OUTPUTS = List.of(new OutputSpec("upper", "", Scale.PRICE), new OutputSpec("middle", "the mean", Scale.PRICE), new OutputSpec("lower", "", Scale.PRICE));

    private static final List<Scale> INPUT_SCALES = List.of(Scale.PRICE, Scale.PRICE);

    private static final List<String> ALIASES = List.of();

    private static final List<SelectorSpec> SELECTORS = List.of(new SelectorSpec("bands_upper", "upper"));

    private static final List<RequireSpec> REQUIRES = List.of(new RequireSpec("fast_period", Require.Op.LT, "slow_period"));

    private static final String KERNEL = "bands";

    private Bands_Descriptor() {
    }

    @Override
    public List<RequireSpec> requires() {
        return REQUIRES;
    }

    @Override
    public String name() {
        return "bands";
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
        return Family.VOLATILITY;
    }

    @Override
    public OutputKind kind() {
        return OutputKind.NUMBER;
    }

    @Override
    public String summary() {
        return "Mean plus and minus a width.";
    }

    @Override
    public String reference() {
        return "";
    }

    @Override
    public String lookbackFormula() {
        return "slow_period - 1";
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
        return INPUT_SCALES.get(Checks.index("bands", "input", input, INPUTS));
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
        return Bands_State.SCHEMA;
    }

    @Override
    public Complexity timeCost(ParamValues p) {
        Args a = new Args(p);
        validate(a.fastPeriod, a.slowPeriod, a.width);
        return timeCostOf(new Bands(a.fastPeriod, a.slowPeriod, a.width));
    }

    @Override
    public int lookback(ParamValues p) {
        Args a = new Args(p);
        validate(a.fastPeriod, a.slowPeriod, a.width);
        return Bands.lookback(a.slowPeriod);
    }

    @Override
    public int lookback(ParamValues p, int output) {
        Args a = new Args(p);
        validate(a.fastPeriod, a.slowPeriod, a.width);
        Checks.index("bands", "output", output, List.of("upper", "middle", "lower"));
        switch (output) {
            case 0: return Bands.upperLookback(a.fastPeriod);
            default: return Bands.lookback(a.slowPeriod);
        }
    }

    @Override
    public BandsStream newStream(ParamValues p) {
        Args a = new Args(p);
        return new BandsStream(a.fastPeriod, a.slowPeriod, a.width);
    }

    @Override
    public double[][] batch(ParamValues p, double[]... inputs) {
        Args a = new Args(p);
        int n = Checks.inputs("bands", INPUTS, inputs);
        double[][] out = new double[3][n];
        batch(inputs[0], inputs[1], a.fastPeriod, a.slowPeriod, a.width, out[0], out[1], out[2]);
        return out;
    }

    /**
     * Checks every parameter and cross-parameter rule of {@code bands}.
     *
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @throws io.ta.error.InvalidParameterException naming the kernel, the parameter and its valid range
     */
    public static void validate(int fastPeriod, int slowPeriod, double width) {
        Checks.intParam(KERNEL, "fast_period", fastPeriod, 1.0, 100.0, false, false);
        Checks.intParam(KERNEL, "slow_period", slowPeriod, 2.0, 100.0, false, false);
        Checks.realParam(KERNEL, "width", width, 0.0, Double.POSITIVE_INFINITY, true, false);
        Checks.require(KERNEL, "fast_period", fastPeriod, Require.Op.LT, "slow_period", slowPeriod);
    }

    /**
     * Steps a fresh kernel over every bar of the inputs, writing every output array (the inputs' length).
     *
     * @param high input {@code high}, one value per bar (NaN: missing)
     * @param low input {@code low}, one value per bar (NaN: missing)
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @param outUpper receives output {@code upper} at the inputs' indices
     * @param outMiddle receives output {@code middle} at the inputs' indices
     * @param outLower receives output {@code lower} at the inputs' indices
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     * @throws io.ta.error.ShapeMismatchException if inputs or outputs do not line up, or two outputs are one array
     */
    public static void batch(double[] high, double[] low, int fastPeriod, int slowPeriod,
            double width, double[] outUpper, double[] outMiddle, double[] outLower) {
        validate(fastPeriod, slowPeriod, width);
        int n = Checks.length(KERNEL, "high", high, "low", low);
        Checks.output(KERNEL, "upper", outUpper, n);
        Checks.output(KERNEL, "middle", outMiddle, n);
        Checks.output(KERNEL, "lower", outLower, n);
        Checks.distinct(KERNEL, "upper,middle,lower", outUpper, outMiddle, outLower);
        Bands k = new Bands(fastPeriod, slowPeriod, width);
        for (int i = 0; i < n; i++) {
            k.step(high[i], low[i]);
            outUpper[i] = Checks.finiteOrNaN(k.upper);
            outMiddle[i] = Checks.finiteOrNaN(k.middle);
            outLower[i] = Checks.finiteOrNaN(k.lower);
        }
    }

    /**
     * Steps {@code k} over bars {@code [from, to)}, writing outputs at the same indices. No checks: the
     * generated callers validate parameters, shapes and ranges first.
     *
     * @param k the kernel, carrying the state of the bars before
     * @param high input {@code high}, one value per bar (NaN: missing)
     * @param low input {@code low}, one value per bar (NaN: missing)
     * @param outUpper receives output {@code upper} at the inputs' indices
     * @param outMiddle receives output {@code middle} at the inputs' indices
     * @param outLower receives output {@code lower} at the inputs' indices
     * @param from the first bar, inclusive
     * @param to the end of the range, exclusive
     */
    public static void loop(Bands k, double[] high, double[] low, double[] outUpper,
            double[] outMiddle, double[] outLower, int from, int to) {
        for (int i = from; i < to; i++) {
            k.step(high[i], low[i]);
            outUpper[i] = Checks.finiteOrNaN(k.upper);
            outMiddle[i] = Checks.finiteOrNaN(k.middle);
            outLower[i] = Checks.finiteOrNaN(k.lower);
        }
    }

    /**
     * A fresh kernel with the parameters of {@code stream}, for a fused plan's loop.
     *
     * @param stream the stream whose (already checked) parameters the kernel takes
     * @return a kernel that has seen no bar
     */
    public static Bands newKernel(BandsStream stream) {
        return new Bands(stream.fastPeriod, stream.slowPeriod, stream.width);
    }

    /**
     * Output {@code i} (in descriptor order) of {@code stream}'s most recent update, preview or replaceLast.
     *
     * @param stream the stream
     * @param i the output's index, from 0
     * @return the output, finite or NaN
     */
    public static double outputAt(BandsStream stream, int i) {
        return stream.outputAt(i);
    }

    /**
     * Output {@code upper} of {@code k}'s last step, finite or NaN.
     *
     * @param k the kernel, carrying the state of the bars before
     * @return the output, NaN if it is not finite
     */
    public static double output0(Bands k) {
        return Checks.finiteOrNaN(k.upper);
    }

    /**
     * Output {@code middle} of {@code k}'s last step, finite or NaN.
     *
     * @param k the kernel, carrying the state of the bars before
     * @return the output, NaN if it is not finite
     */
    public static double output1(Bands k) {
        return Checks.finiteOrNaN(k.middle);
    }

    /**
     * Output {@code lower} of {@code k}'s last step, finite or NaN.
     *
     * @param k the kernel, carrying the state of the bars before
     * @return the output, NaN if it is not finite
     */
    public static double output2(Bands k) {
        return Checks.finiteOrNaN(k.lower);
    }

    /**
     * Steps {@code k} over one bar; read the outputs with {@code outputN(k)}.
     *
     * @param k the kernel, carrying the state of the bars before
     * @param high the bar's {@code high} (NaN: missing)
     * @param low the bar's {@code low} (NaN: missing)
     */
    public static void stepKernel(Bands k, double high, double low) {
        k.step(high, low);
    }

    /**
     * Per-bar cost of {@code k} as built: the largest over the parts and nested kernels it holds.
     *
     * @param k the kernel
     * @return its time per bar
     */
    public static Complexity timeCostOf(Bands k) {
        Complexity c = Complexity.CONSTANT;
        c = c.max(WindowMean_Descriptor.timeCostOf(k.mean));
        if (k.fast != null) {
            c = c.max(WindowMean_Descriptor.timeCostOf(k.fast));
        }
        return c;
    }

    @Override
    public String toString() {
        return "KernelDescriptor[bands]";
    }

    /**
     * Parameter values built for {@code bands}, unpacked once into their Java types.
     */
    private static final class Args {
        final int fastPeriod;

        final int slowPeriod;

        final double width;

        Args(ParamValues p) {
            Checks.params("bands", 3, p);
            this.fastPeriod = p.intValue(0);
            this.slowPeriod = p.intValue(1);
            this.width = p.realValue(2);
        }
    }
}
