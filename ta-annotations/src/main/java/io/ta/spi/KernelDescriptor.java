package io.ta.spi;

import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the runtime knows about one kernel: its metadata and factories. One generated implementation per
 * kernel ({@code Name_Descriptor}, one shared instance). Descriptors are found only through their library's
 * {@link KernelLibraryProvider}, by {@link KernelLoader}; they are not services of their own.
 */
public interface KernelDescriptor {
    /** Canonical name. */
    String name();

    /** Other names of the whole kernel. */
    List<String> aliases();

    /** Aliases bound to single outputs. */
    List<SelectorSpec> selectors();

    /**
     * Every name {@code d} answers to in a registry: its name, then its aliases, then its selectors' aliases (what a
     * generated library lists for it in {@link KernelLibraryProvider#names()}). Static, so that it reads only the
     * three methods every descriptor answers and no descriptor can answer it otherwise.
     *
     * @param d a descriptor
     * @return its names, in that order
     */
    static List<String> namesOf(KernelDescriptor d) {
        ArrayList<String> names = new ArrayList<>();
        names.add(d.name());
        names.addAll(d.aliases());
        for (SelectorSpec s : d.selectors()) {
            names.add(s.alias());
        }
        return List.copyOf(names);
    }

    /** Catalog family. */
    Family family();

    /** Value domain of the outputs. */
    OutputKind kind();

    /** One-line summary. */
    String summary();

    /** Origin and reference implementation. */
    String reference();

    /**
     * The lookback as a self-contained formula over the parameters' catalog names, e.g. {@code "period - 1"} (grammar in
     * docs/kernel-guide.md, "Lookback formulas"); empty if the kernel's lookback is outside that grammar.
     */
    String lookbackFormula();

    /** Parameters in declaration order. */
    List<ParamSpec> params();

    /** Cross-parameter rules, checked with the ranges. */
    default List<RequireSpec> requires() {
        return List.of();
    }

    /** Input names in step order ({@code high}, {@code low}, {@code close}, generic {@code x}, ...). */
    List<String> inputs();

    /**
     * The domain of input {@code i} (values outside it give NaN by definition).
     *
     * @throws io.ta.error.ShapeMismatchException if the kernel has no input {@code i}
     */
    default Domain domain(int input) {
        Checks.index(name(), "input", input, inputs());
        return Domain.UNBOUNDED;
    }

    /** Outputs in declaration order, each with its {@link Scale}. */
    List<OutputSpec> outputs();

    /**
     * How charts draw the outputs (panel, styles, reference lines, range), from the kernel's
     * {@link io.ta.annotation.Chart}; a kernel without one leaves every choice to the chart.
     */
    default ChartSpec chart() {
        return ChartSpec.auto(outputs().size());
    }

    /** What input {@code i} is quoted in: {@link Scale#PRICE}, {@link Scale#VOLUME} or {@link Scale#UNITLESS}. */
    Scale inputScale(int input);

    /**
     * Per-bar cost in the window length: the largest {@link io.ta.annotation.Cost} of the state parts it holds, nested
     * kernels included.
     */
    Complexity timeCost();

    /**
     * Per-bar cost of the kernel as built with {@code params}: the largest cost of the state parts and nested kernels
     * that instance holds. At most {@link #timeCost()}, which covers every parameter value; below it where parameters
     * choose the parts, as {@code ma}'s {@code ma_type} does, or where a composite always builds the cheaper choice of a
     * nested kernel, as {@code macd} builds its averages as EMAs. The planner reads it to decide which kernels need a
     * loop of their own.
     *
     * @throws io.ta.error.InvalidParameterException if the values are out of range
     */
    default Complexity timeCost(ParamValues params) {
        return timeCost();
    }

    /** Memory in the window length, derived from the state like {@link #timeCost()}. */
    Complexity memoryCost();

    /** The state layout hash snapshots carry; changes whenever the kernel's declared state changes. */
    long schema();

    /**
     * Index of the first valid output for NaN-free input.
     *
     * @throws io.ta.error.InvalidParameterException if the values are out of range
     */
    int lookback(ParamValues params);

    /**
     * Index of the first valid value of one output. Equal to {@link #lookback(ParamValues)} for every output except
     * in kernels that declare per-output lookbacks (docs/spec.md §1.3).
     *
     * @throws io.ta.error.InvalidParameterException if the values are out of range
     * @throws io.ta.error.ShapeMismatchException if the kernel has no output {@code output}
     */
    default int lookback(ParamValues params, int output) {
        int lookback = lookback(params);
        Checks.index(name(), "output", output, outputs().stream().map(OutputSpec::name).toList());
        return lookback;
    }

    /**
     * A fresh stream (validated parameters, empty state).
     *
     * @throws io.ta.error.InvalidParameterException if the values are out of range
     */
    KernelStream newStream(ParamValues params);

    /**
     * The whole-history batch: one output array per declared output, each the length of the inputs.
     *
     * @throws io.ta.error.ShapeMismatchException for a wrong number of inputs or ragged/null arrays
     */
    default double[][] batch(ParamValues params, double[]... inputs) {
        KernelStream stream = newStream(params);
        int n = Checks.inputs(name(), inputs(), inputs);
        double[][] out = new double[outputs().size()][n];
        stream.updateRange(inputs, out, 0, n);
        return out;
    }

    /** Index of the output called {@code name}, or -1. */
    default int outputIndex(String name) {
        List<OutputSpec> outs = outputs();
        for (int i = 0; i < outs.size(); i++) {
            if (outs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
