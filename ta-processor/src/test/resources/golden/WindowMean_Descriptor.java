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
 */
@Generated("io.ta.processor.KernelProcessor")
public final class WindowMean_Descriptor implements KernelDescriptor {
    /**
     * The shared instance (ServiceLoader makes its own; both are equivalent).
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

    /**
     * For {@link java.util.ServiceLoader}.
     */
    public WindowMean_Descriptor() {
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
        return WindowMean_State.SCHEMA;
    }

    @Override
    public int lookback(ParamValues p) {
        check(p);
        int period = p.intValue(0);
        WindowMean.Rounding rounding = Checks.choice(WindowMean.Rounding.class, p.choice(1));
        WindowMean_Stream.validate(period, rounding);
        return WindowMean.lookback(period);
    }

    @Override
    public WindowMean_Stream newStream(ParamValues p) {
        check(p);
        int period = p.intValue(0);
        WindowMean.Rounding rounding = Checks.choice(WindowMean.Rounding.class, p.choice(1));
        return new WindowMean_Stream(period, rounding);
    }

    @Override
    public double[][] batch(ParamValues p, double[]... inputs) {
        check(p);
        int period = p.intValue(0);
        WindowMean.Rounding rounding = Checks.choice(WindowMean.Rounding.class, p.choice(1));
        int n = Checks.inputs("window_mean", INPUTS, inputs);
        double[][] out = new double[1][n];
        WindowMean_Stream.batch(inputs[0], period, rounding, out[0]);
        return out;
    }

    private static void check(ParamValues p) {
        if (!p.kernel().equals("window_mean") || p.size() != 2) {
            throw new IllegalArgumentException("parameter values for window_mean were built for " + p.kernel());
        }
    }

    @Override
    public String toString() {
        return "KernelDescriptor[window_mean]";
    }
}
