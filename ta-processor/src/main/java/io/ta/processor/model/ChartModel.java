package io.ta.processor.model;

import java.util.List;

/**
 * How charts draw a kernel, from its {@code @Chart} annotations.
 *
 * @param declared whether the kernel or one of its outputs carries {@code @Chart} (otherwise the descriptor keeps the
 *     SPI's default and every choice is the chart's)
 * @param panes the {@code io.ta.annotation.Chart.Pane} constant name of each output, in output order
 * @param styles the {@code io.ta.annotation.Chart.Style} constant name of each output, in output order
 * @param guides reference lines, ascending
 * @param min the smallest value, or NaN
 * @param max the largest value, or NaN
 */
public record ChartModel(boolean declared, List<String> panes, List<String> styles, List<Double> guides, double min, double max) {
    public ChartModel {
        panes = List.copyOf(panes);
        styles = List.copyOf(styles);
        guides = List.copyOf(guides);
    }

    /** Whether the range is declared. */
    public boolean bounded() {
        return !Double.isNaN(min) && !Double.isNaN(max);
    }
}
