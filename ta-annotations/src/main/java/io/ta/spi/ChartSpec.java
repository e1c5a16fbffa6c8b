package io.ta.spi;

import io.ta.annotation.Chart;
import java.util.Collections;
import java.util.List;

/**
 * How charts draw a kernel (from {@link Chart}): the panel and the style of each output (aligned with
 * {@link KernelDescriptor#outputs()}), the reference lines and the range of the values. Presentation only.
 *
 * @param panes where each output goes
 * @param styles how each output is drawn
 * @param guides reference lines, ascending
 * @param min the smallest value the outputs can take, or NaN when unbounded
 * @param max the largest value the outputs can take, or NaN when unbounded
 */
public record ChartSpec(List<Chart.Pane> panes, List<Chart.Style> styles, List<Double> guides, double min, double max) {
    public ChartSpec {
        panes = List.copyOf(panes);
        styles = List.copyOf(styles);
        guides = List.copyOf(guides);
    }

    /** What a kernel without {@link Chart} gets: the chart decides everything. */
    public static ChartSpec auto(int outputs) {
        return new ChartSpec(Collections.nCopies(outputs, Chart.Pane.AUTO), Collections.nCopies(outputs, Chart.Style.AUTO), List.of(),
                Double.NaN, Double.NaN);
    }

    /** Whether the values have a declared range. */
    public boolean bounded() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }

    /** The panel of output {@code i}. */
    public Chart.Pane pane(int output) {
        return panes.get(output);
    }

    /** The style of output {@code i}. */
    public Chart.Style style(int output) {
        return styles.get(output);
    }
}
