package io.ta.spi;

import io.ta.annotation.Chart;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

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
    /**
     * A chart description.
     *
     * @throws io.ta.error.ShapeMismatchException if a list or an element is null, or the panes and styles differ in
     *     number
     */
    public ChartSpec {
        if (panes == null || styles == null || guides == null || panes.size() != styles.size()) {
            throw new io.ta.error.ShapeMismatchException("chart", "chart: needs one pane and one style per output and a"
                    + " list of guides, got " + (panes == null ? "no" : panes.size()) + " panes and "
                    + (styles == null ? "no" : styles.size()) + " styles" + (guides == null ? " and no guides" : ""));
        }
        if (panes.stream().anyMatch(Objects::isNull) || styles.stream().anyMatch(Objects::isNull)
                || guides.stream().anyMatch(Objects::isNull)) {
            throw new io.ta.error.ShapeMismatchException("chart", "chart: a pane, style or guide is null");
        }
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

    /**
     * The panel of output {@code i}.
     *
     * @throws io.ta.error.ShapeMismatchException if there is no output {@code i}
     */
    public Chart.Pane pane(int output) {
        return panes.get(output(output));
    }

    /**
     * The style of output {@code i}.
     *
     * @throws io.ta.error.ShapeMismatchException if there is no output {@code i}
     */
    public Chart.Style style(int output) {
        return styles.get(output(output));
    }

    private int output(int i) {
        if (i < 0 || i >= panes.size()) {
            throw new io.ta.error.ShapeMismatchException("chart", "chart: there is no output " + i + "; outputs 0 to "
                    + (panes.size() - 1));
        }
        return i;
    }
}
