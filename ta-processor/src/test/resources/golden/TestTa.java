package test;

import io.ta.spi.Checks;
import javax.annotation.processing.Generated;

/**
 * Typed entry points for the kernels of this library: batch functions over whole series (allocating,
 * or writing into caller arrays) and factories for their streams. Outputs are aligned to the input;
 * warm-up bars are NaN (0.0 for flags). Invalid parameters throw
 * {@link io.ta.error.InvalidParameterException} and ragged inputs
 * {@link io.ta.error.ShapeMismatchException}, before any bar is read.
 */
@Generated("io.ta.processor.KernelProcessor")
public final class TestTa {
    private TestTa() {
    }

    /**
     * {@code bands}: Mean plus and minus a width.
     *
     * <p>Lookback (first valid index): {@code slow_period - 1}.
     *
     * @param high input {@code high}
     * @param low input {@code low}
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @return one array per output, aligned to the input
     */
    public static BandsResult bands(double[] high, double[] low, int fastPeriod, int slowPeriod,
            double width) {
        Bands_Descriptor.validate(fastPeriod, slowPeriod, width);
        int n = Checks.length("bands", "high", high, "low", low);
        double[] outUpper = new double[n];
        double[] outMiddle = new double[n];
        double[] outLower = new double[n];
        Bands_Descriptor.batch(high, low, fastPeriod, slowPeriod, width, outUpper, outMiddle, outLower);
        return new BandsResult(outUpper, outMiddle, outLower);
    }

    /**
     * {@code bands}: Mean plus and minus a width.
     *
     * <p>Lookback (first valid index): {@code slow_period - 1}.
     *
     * @param high input {@code high}
     * @param low input {@code low}
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @param outUpper receives output {@code upper}; must have the inputs' length and be no other output's array
     * @param outMiddle receives output {@code middle}; must have the inputs' length and be no other output's array
     * @param outLower receives output {@code lower}; must have the inputs' length and be no other output's array
     */
    public static void bands(double[] high, double[] low, int fastPeriod, int slowPeriod,
            double width, double[] outUpper, double[] outMiddle, double[] outLower) {
        Bands_Descriptor.batch(high, low, fastPeriod, slowPeriod, width, outUpper, outMiddle, outLower);
    }

    /**
     * A new incremental {@code bands}; see {@link BandsStream}.
     *
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @return a stream that has seen no bar
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     */
    public static BandsStream bandsStream(int fastPeriod, int slowPeriod, double width) {
        return new BandsStream(fastPeriod, slowPeriod, width);
    }

    /**
     * {@code window_mean}: Mean of a window.
     *
     * <p>Lookback (first valid index): {@code period - 1}.
     *
     * @param x input {@code x}
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @return one value per input bar
     */
    public static double[] windowMean(double[] x, int period, WindowMean.Rounding rounding) {
        WindowMean_Descriptor.validate(period, rounding);
        int n = Checks.length("window_mean", "x", x);
        double[] out = new double[n];
        WindowMean_Descriptor.batch(x, period, rounding, out);
        return out;
    }

    /**
     * {@code window_mean}: Mean of a window.
     *
     * <p>Lookback (first valid index): {@code period - 1}.
     *
     * @param x input {@code x}
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @param out receives the output; must have the inputs' length
     */
    public static void windowMean(double[] x, int period, WindowMean.Rounding rounding,
            double[] out) {
        WindowMean_Descriptor.batch(x, period, rounding, out);
    }

    /**
     * A new incremental {@code window_mean}; see {@link WindowMeanStream}.
     *
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @return a stream that has seen no bar
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     */
    public static WindowMeanStream windowMeanStream(int period, WindowMean.Rounding rounding) {
        return new WindowMeanStream(period, rounding);
    }
}
