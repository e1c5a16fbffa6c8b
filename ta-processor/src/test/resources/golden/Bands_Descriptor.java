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
 */
@Generated("io.ta.processor.KernelProcessor")
public final class Bands_Descriptor implements KernelDescriptor {
    /**
     * The shared instance (ServiceLoader makes its own; both are equivalent).
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

    /**
     * For {@link java.util.ServiceLoader}.
     */
    public Bands_Descriptor() {
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
        return INPUT_SCALES.get(input);
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
    public int lookback(ParamValues p) {
        check(p);
        int fastPeriod = p.intValue(0);
        int slowPeriod = p.intValue(1);
        double width = p.realValue(2);
        Bands_Stream.validate(fastPeriod, slowPeriod, width);
        return Bands.lookback(slowPeriod);
    }

    @Override
    public int lookback(ParamValues p, int output) {
        check(p);
        int fastPeriod = p.intValue(0);
        int slowPeriod = p.intValue(1);
        double width = p.realValue(2);
        Bands_Stream.validate(fastPeriod, slowPeriod, width);
        switch (output) {
            case 0: return Bands.upperLookback(fastPeriod);
            default: return Bands.lookback(slowPeriod);
        }
    }

    @Override
    public Bands_Stream newStream(ParamValues p) {
        check(p);
        int fastPeriod = p.intValue(0);
        int slowPeriod = p.intValue(1);
        double width = p.realValue(2);
        return new Bands_Stream(fastPeriod, slowPeriod, width);
    }

    @Override
    public double[][] batch(ParamValues p, double[]... inputs) {
        check(p);
        int fastPeriod = p.intValue(0);
        int slowPeriod = p.intValue(1);
        double width = p.realValue(2);
        int n = Checks.inputs("bands", INPUTS, inputs);
        double[][] out = new double[3][n];
        Bands_Stream.batch(inputs[0], inputs[1], fastPeriod, slowPeriod, width, out[0], out[1], out[2]);
        return out;
    }

    private static void check(ParamValues p) {
        if (!p.kernel().equals("bands") || p.size() != 3) {
            throw new IllegalArgumentException("parameter values for bands were built for " + p.kernel());
        }
    }

    @Override
    public String toString() {
        return "KernelDescriptor[bands]";
    }
}
