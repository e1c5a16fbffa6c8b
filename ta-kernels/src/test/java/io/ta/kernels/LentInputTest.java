package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batches whose windows are lent their input ({@code @OfInput}: sma, wma) give the stream's answer bit for bit
 * however they are called — in particular in place, with the input as the output array, where the outputs overwrite
 * the values a lent window would read back (the generated batch then keeps the window's own ring). An average held
 * inside another kernel steps with {@code step}, which never reads a lent input, to the same bits as the kernel's
 * own {@code stepLendable}.
 */
class LentInputTest {
    private static final int[] PERIODS = {1, 2, 3, 20, 150};

    static double[] series(SplittableRandom r, int n) {
        double[] x = new double[n];
        double level = 100.0;
        for (int i = 0; i < n; i++) {
            level += r.nextGaussian();
            x[i] = switch (r.nextInt(40)) {
                case 0 -> Double.NaN;
                case 1 -> 1e12 * level; // an outlier the window must forget
                case 2 -> 0.0;
                default -> level;
            };
        }
        return x;
    }

    @Test
    void inPlaceBatchesEqualTheStream() {
        SplittableRandom r = new SplittableRandom(29);
        for (int p : PERIODS) {
            double[] x = series(r, 1_000);
            double[] sma = x.clone();
            Ta.sma(sma, p, sma);
            double[] wma = x.clone();
            Ta.wma(wma, p, wma);
            io.ta.kernels.ma.SmaStream s = Ta.smaStream(p);
            io.ta.kernels.ma.WmaStream w = Ta.wmaStream(p);
            io.ta.kernels.ma.Sma heldSma = new io.ta.kernels.ma.Sma(p);
            io.ta.kernels.ma.Wma heldWma = new io.ta.kernels.ma.Wma(p);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(io.ta.spi.Checks.finiteOrNaN(heldSma.step(x[i]))),
                        Double.doubleToRawLongBits(sma[i]), "sma(" + p + ") held at " + i);
                assertEquals(Double.doubleToRawLongBits(io.ta.spi.Checks.finiteOrNaN(heldWma.step(x[i]))),
                        Double.doubleToRawLongBits(wma[i]), "wma(" + p + ") held at " + i);
                assertEquals(Double.doubleToRawLongBits(s.update(x[i])), Double.doubleToRawLongBits(sma[i]),
                        "sma(" + p + ") in place at " + i);
                assertEquals(Double.doubleToRawLongBits(w.update(x[i])), Double.doubleToRawLongBits(wma[i]),
                        "wma(" + p + ") in place at " + i);
            }
            double[] out = new double[x.length];
            Ta.sma(x, p, out);
            Ta.smaStream(p).updateRange(x, sma, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(sma[i]), Double.doubleToRawLongBits(out[i]), "sma(" + p + ") at " + i);
            }
        }
    }
}
