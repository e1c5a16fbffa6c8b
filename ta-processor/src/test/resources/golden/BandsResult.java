package test;

import javax.annotation.processing.Generated;

/**
 * Batch result of {@code bands}: one array per output, each aligned to the input.
 *
 * @param upper output {@code upper}
 * @param middle output {@code middle}: the mean
 * @param lower output {@code lower}
 */
@Generated("io.ta.processor.KernelProcessor")
public record BandsResult(double[] upper, double[] middle, double[] lower) {
}
