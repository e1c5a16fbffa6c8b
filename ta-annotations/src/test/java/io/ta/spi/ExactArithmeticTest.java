package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactArithmetic}'s two ways give the same bits: Dekker's product, which a JVM without a fused multiply-add
 * uses, against {@code Math.fma} (exact whatever the JVM: the JDK computes it in software where the instruction is
 * missing). Bits as {@link Double#doubleToLongBits} gives them: −0 is not +0, and every NaN is one (the software
 * {@code Math.fma} returns the canonical NaN where the instruction returns the processor's).
 */
class ExactArithmeticTest {
    static final int CASES = 2_000_000;

    /** A double with a random sign, significand and exponent in [−range, range], or now and then a zero. */
    static double any(SplittableRandom r, int range) {
        if (r.nextInt(1000) == 0) {
            return r.nextBoolean() ? 0.0 : -0.0;
        }
        double m = 1 + r.nextDouble();
        return (r.nextBoolean() ? m : -m) * Math.scalb(1.0, r.nextInt(-range, range + 1));
    }

    @Test
    void productErrorIsFmasBitForBit() {
        SplittableRandom r = new SplittableRandom(0xE4AC7L);
        for (int i = 0; i < CASES; i++) {
            // Wide enough to reach both ends of Dekker's range: the split's overflow and the products' underflow.
            double a = any(r, 1000);
            double b = any(r, i % 2 == 0 ? 1000 : 30);
            double p = a * b;
            double expected = Math.fma(a, b, -p);
            double dekker = ExactArithmetic.dekkerProductError(a, b, p);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(dekker),
                    () -> a + " · " + b + ": fma " + expected + ", Dekker " + dekker);
        }
    }

    @Test
    void remainderIsFmasBitForBit() {
        SplittableRandom r = new SplittableRandom(0x4E3A1L);
        for (int i = 0; i < CASES; i++) {
            double a = any(r, 300);
            double b = i % 3 == 0 ? r.nextInt(1, 100_001) : any(r, 300);
            // The quotients the kernels use: rounded, by a rounded reciprocal, and a few ulps off.
            double q = switch (i % 3) {
                case 0 -> a * (1.0 / b);
                case 1 -> a / b;
                default -> Math.nextUp(Math.nextUp(a / b));
            };
            double expected = Math.fma(-q, b, a);
            double dekker = ExactArithmetic.dekkerRemainder(a, q, b);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(dekker),
                    () -> a + " − " + q + " · " + b + ": fma " + expected + ", Dekker " + dekker);
        }
    }
}
