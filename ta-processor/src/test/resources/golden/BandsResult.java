package test;

import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Batch result of {@code bands}: one array per output, each aligned to the input.
 *
 * <p>Two results are equal when every output holds the same values, as
 * {@link Arrays#equals(double[], double[])} compares them ({@code NaN} equals {@code NaN});
 * {@code toString} prints the values (of a long output, its length and last six).
 *
 * @param upper output {@code upper}
 * @param middle output {@code middle}: the mean
 * @param lower output {@code lower}
 */
@Generated("io.ta.processor.KernelProcessor")
public record BandsResult(double[] upper, double[] middle, double[] lower) {
    @Override
    public boolean equals(Object other) {
        return other instanceof BandsResult that
                && Arrays.equals(this.upper, that.upper)
                && Arrays.equals(this.middle, that.middle)
                && Arrays.equals(this.lower, that.lower);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        hash = 31 * hash + Arrays.hashCode(this.upper);
        hash = 31 * hash + Arrays.hashCode(this.middle);
        hash = 31 * hash + Arrays.hashCode(this.lower);
        return hash;
    }

    @Override
    public String toString() {
        return "BandsResult["
                + "upper=" + (this.upper == null || this.upper.length <= 6 ? Arrays.toString(this.upper)
                : this.upper.length + " bars, last 6 " + Arrays.toString(Arrays.copyOfRange(this.upper, this.upper.length - 6, this.upper.length)))
                + ", middle=" + (this.middle == null || this.middle.length <= 6 ? Arrays.toString(this.middle)
                : this.middle.length + " bars, last 6 " + Arrays.toString(Arrays.copyOfRange(this.middle, this.middle.length - 6, this.middle.length)))
                + ", lower=" + (this.lower == null || this.lower.length <= 6 ? Arrays.toString(this.lower)
                : this.lower.length + " bars, last 6 " + Arrays.toString(Arrays.copyOfRange(this.lower, this.lower.length - 6, this.lower.length)))
                + "]";
    }
}
