package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a chart draws a kernel's outputs. Presentation only: it never changes a value, and a kernel without it is drawn
 * by the chart's own rules. The descriptor ({@code io.ta.spi.KernelDescriptor#chart()}) and the catalog manifest carry
 * it, so every chart — the {@code ta} command's PNG, SVG and HTML, or another language's — reads one declaration
 * instead of matching kernel names.
 *
 * <p>On the kernel class it sets the panel, the style of every output, the reference lines and the range:
 * <pre>{@code
 * @Chart(pane = Chart.Pane.OWN, guides = {30, 70}, min = 0, max = 100)   // rsi
 * }</pre>
 * On an {@link Output} field it sets that output's panel and style ({@code @Chart(style = Chart.Style.HISTOGRAM)} on
 * macd's histogram; {@code @Chart(pane = Chart.Pane.OWN)} on supertrend's direction, whose line is over the price);
 * the guides and the range belong to the kernel.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Chart {
    /** {@return where the outputs (on the class) or this output (on an {@link Output} field) are drawn} */
    Pane pane() default Pane.AUTO;

    /** {@return how the outputs (on the class) or this output (on an {@link Output} field) are drawn} */
    Style style() default Style.AUTO;

    /**
     * {@return reference lines across the kernel's panel, such as rsi's 30 and 70 or macd's 0; inside the range if
     * one is given}
     */
    double[] guides() default {};

    /** {@return the smallest value the outputs can take (rsi: 0); given with {@link #max()} or not at all} */
    double min() default Double.NaN;

    /** {@return the largest value the outputs can take (rsi: 100); given with {@link #min()} or not at all} */
    double max() default Double.NaN;

    /** The panel a kernel's outputs go to. */
    enum Pane {
        /** The chart decides: over the price when the values track it bar by bar, else a panel of their own. */
        AUTO,
        /** Over the panel of the kernel's first input — the price panel for bands, stops and levels of the price. */
        PRICE,
        /** A panel of their own (oscillators, volume indicators), whatever the values are. */
        OWN
    }

    /** How one output is drawn. */
    enum Style {
        /** The chart decides: markers for conditions and flags, dots for sparse levels, otherwise a line. */
        AUTO,
        /** A line through the valid values. */
        LINE,
        /** A level held until the next value (pivot levels). */
        STEP,
        /** Bars from zero, coloured by sign (macd's histogram). */
        HISTOGRAM,
        /** A dot per valid value, unconnected (parabolic SAR, swing levels). */
        DOTS,
        /** A marker on the price panel where the value is non-zero: above the bar when negative, below when positive. */
        MARKER,
        /** A marker above the bar (a bearish event: a cross down, an up fractal). */
        MARKER_ABOVE,
        /** A marker below the bar (a bullish event: a cross up, a down fractal). */
        MARKER_BELOW
    }
}
