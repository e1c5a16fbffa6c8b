package io.ta.spi;

import io.ta.annotation.Chart;
import java.util.Collections;
import java.util.List;

/**
 * How charts draw a kernel (from {@link Chart}): the panel, one style per output (aligned with
 * {@link KernelDescriptor#outputs()}), reference lines and the range of the values. Presentation only.
 *
 * @param pane where the outputs go
 * @param styles how each output is drawn, one per output
 * @param guides reference lines, ascending
 * @param min the smallest value the outputs can take, or NaN when unbounded
 * @param max the largest value the outputs can take, or NaN when unbounded
 */
public record ChartSpec(Chart.Pane pane, List<Chart.Style> styles, List<Double> guides, double min, double max) {
    public ChartSpec {
        styles = List.copyOf(styles);
        guides = List.copyOf(guides);
    }

    /** What a kernel without {@link Chart} gets: the chart decides everything. */
    public static ChartSpec auto(int outputs) {
        return new ChartSpec(Chart.Pane.AUTO, Collections.nCopies(outputs, Chart.Style.AUTO), List.of(), Double.NaN, Double.NaN);
    }

    /** Whether the values have a declared range. */
    public boolean bounded() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }

    /** The style of output {@code i}. */
    public Chart.Style style(int output) {
        return styles.get(output);
    }
}
