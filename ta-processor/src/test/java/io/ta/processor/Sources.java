package io.ta.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Kernel sources shared by the processor tests. */
final class Sources {
    private Sources() {}

    /** A single-output window kernel with a state part, a final constant, a choice parameter and a ranged counter. */
    static final JavaFileObject WINDOW_MEAN = JavaFileObjects.forSourceString("test.WindowMean", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Param;
            import io.ta.annotation.Range;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;
            import io.ta.state.DoubleRing;

            @Kernel(name = "window_mean", aliases = "wmean", family = Family.MOVING_AVERAGE, summary = "Mean of a window.",
                    scale = Scale.PRICE)
            public final class WindowMean {
                public enum Rounding { NONE, FLOOR }

                final int period;
                final boolean floor;
                final DoubleRing window;
                double sum;
                @Range(min = "0", max = "period") int filled;

                public WindowMean(
                        @Param(defaultValue = "10", min = 1, max = 1000) int period,
                        @Param(defaultValue = "none") Rounding rounding) {
                    this.period = period;
                    this.floor = rounding == Rounding.FLOOR;
                    this.window = new DoubleRing(period);
                }

                public static int lookback(int period) {
                    return period - 1;
                }

                @Step
                public double step(double x) {
                    double out = window.push(x);
                    if (filled < period) {
                        filled++;
                    }
                    sum += x - (window.isFull() && out == out ? out : 0);
                    double mean = window.isFull() ? sum / period : Double.NaN;
                    return floor ? Math.floor(mean) : mean;
                }
            }
            """);

    /**
     * A multi-output kernel composed from another kernel (once optionally), with an array, a derived array, a
     * cross-parameter rule, a selector, a per-output lookback, a ranged double and an invariant.
     */
    static final JavaFileObject BANDS = JavaFileObjects.forSourceString("test.Bands", """
            package test;

            import io.ta.annotation.Derived;
            import io.ta.annotation.Family;
            import io.ta.annotation.Invariant;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Nullable;
            import io.ta.annotation.Output;
            import io.ta.annotation.Param;
            import io.ta.annotation.Range;
            import io.ta.annotation.Require;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Selector;
            import io.ta.annotation.Step;

            @Kernel(name = "bands", family = Family.VOLATILITY, summary = "Mean plus and minus a width.", scale = Scale.PRICE,
                    selectors = {@Selector(alias = "bands_upper", output = "upper")})
            @Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
            public final class Bands {
                final WindowMean mean;
                @Nullable final WindowMean fast;
                final double width;
                final double[] recent = new double[2];
                @Derived final double[] offsets;
                @Output(lookback = "upperLookback") double upper;
                @Output(doc = "the mean") double middle;
                @Output double lower;
                @Range(min = "0", max = "width + 1", nan = true) double spread;

                public Bands(
                        @Param(defaultValue = "3", min = 1, max = 100) int fastPeriod,
                        @Param(defaultValue = "10", min = 2, max = 100) int slowPeriod,
                        @Param(defaultValue = "2.0", min = 0, minExclusive = true) double width) {
                    this.mean = new WindowMean(slowPeriod, WindowMean.Rounding.NONE);
                    this.fast = fastPeriod > 1 ? new WindowMean(fastPeriod, WindowMean.Rounding.NONE) : null;
                    this.width = width;
                    this.offsets = new double[] {width, -width};
                }

                public static int lookback(int slowPeriod) {
                    return slowPeriod - 1;
                }

                public static int upperLookback(int fastPeriod) {
                    return fastPeriod - 1;
                }

                @Step
                public void step(double high, double low) {
                    recent[1] = recent[0];
                    recent[0] = high - low;
                    middle = mean.step((high + low) / 2);
                    if (fast != null) {
                        fast.step(high);
                    }
                    upper = middle + offsets[0] * recent[0];
                    lower = middle + offsets[1] * recent[0];
                    spread = Math.min(Math.abs(recent[0]), width + 1);
                }

                @Invariant
                boolean ordered() {
                    return !(upper < lower) || width < 0;
                }
            }
            """);

    static final JavaFileObject LIBRARY = JavaFileObjects.forSourceString("test.package-info", """
            @KernelLibrary(facade = "TestTa")
            package test;

            import io.ta.annotation.KernelLibrary;
            """);
}
