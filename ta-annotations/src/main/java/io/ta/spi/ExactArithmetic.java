package io.ta.spi;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * The exact rounding errors a kernel carries to stay exact: a product's and a quotient's. Each is one fused
 * multiply-add where the processor has the instruction. Without it the JDK computes {@code Math.fma} in software, some
 * thousand times slower and allocating on every call (nvi took 2.5 µs a bar, avgdev 33 times its time), so these use
 * Dekker's product there instead: the operands split in halves whose products are exact. Both ways give the same
 * bits, since both give the exact value (docs/contracts.md, "Numerics"). Dekker's split overflows for operands near
 * the largest doubles and loses bits for products near the smallest; there the software {@code Math.fma} answers.
 */
public final class ExactArithmetic {
    /**
     * Whether {@code Math.fma} is an instruction in this JVM: HotSpot's {@code UseFMA}, on by default where the
     * processor has it (most x86 processors since 2013, though not every low-end one; every 64-bit ARM). False when it
     * cannot be read, in a JVM that is not HotSpot. A constant to the JIT, which keeps one branch. Read when this class
     * loads, on the first call that needs it: reading the flag takes 15–30 ms.
     */
    static final boolean FMA_IN_HARDWARE = hardwareFma();

    /** 2²⁷ + 1: a product with it splits a double into two halves of at most 26 significant bits each. */
    private static final double SPLITTER = 0x1p27 + 1;

    private ExactArithmetic() {}

    /**
     * {@link #FMA_IN_HARDWARE}, for code generated while the program runs (a compiled plan), which chooses between a
     * fused multiply-add and its two-instruction form once.
     */
    public static boolean fmaInHardware() {
        return FMA_IN_HARDWARE;
    }

    /** {@code a·b − p} exactly, for {@code p} the rounded product {@code a·b}: that product's rounding error. */
    public static double productError(double a, double b, double p) {
        return FMA_IN_HARDWARE ? Math.fma(a, b, -p) : dekkerProductError(a, b, p);
    }

    /**
     * {@code a − q·b} rounded once, for {@code q} within a few ulps of {@code a/b} (a rounded quotient, or a product
     * with a rounded reciprocal): exactly the remainder of the division when {@code q} is within an ulp of it, since
     * the remainder is then a double.
     */
    public static double remainder(double a, double q, double b) {
        return FMA_IN_HARDWARE ? Math.fma(-q, b, a) : dekkerRemainder(a, q, b);
    }

    /** {@link #remainder} by Dekker's product. */
    static double dekkerRemainder(double a, double q, double b) {
        if (q == 0.0 || b == 0.0) {
            return -q * b + a; // the product is an exact zero: the one rounding is this sum's, as in the fused form
        }
        double p = q * b;
        if (!inRange(q, b, p)) {
            return Math.fma(-q, b, a);
        }
        // p is within a few ulps of a, so a − p is exact (Sterbenz), and the one rounding is the last subtraction's.
        return (a - p) - split(q, b, p);
    }

    /** {@link #productError} by Dekker's product. */
    static double dekkerProductError(double a, double b, double p) {
        if (a == 0.0 || b == 0.0) {
            return a * b - p; // a zero less itself: +0, as the fused form gives
        }
        return inRange(a, b, p) ? split(a, b, p) : Math.fma(a, b, -p);
    }

    /**
     * Whether Dekker's product of {@code a} and {@code b} (nonzero, rounded product {@code p}) is exact: no split can
     * overflow, no partial product underflow, and the product is finite. Outside, the software {@code Math.fma}
     * answers: operands near the ends of the doubles are rare enough to pay for it.
     */
    private static boolean inRange(double a, double b, double p) {
        double m = Math.abs(p);
        return Math.abs(a) < 0x1p995 && Math.abs(b) < 0x1p995 && m > 0x1p-960 && m <= Double.MAX_VALUE;
    }

    /** {@code a·b − p} from the halves of {@code a} and {@code b}, whose four products are exact. */
    private static double split(double a, double b, double p) {
        double ca = SPLITTER * a;
        double ah = ca - (ca - a);
        double al = a - ah;
        double cb = SPLITTER * b;
        double bh = cb - (cb - b);
        double bl = b - bh;
        return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    }

    private static boolean hardwareFma() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseFMA")
                    .getValue());
        } catch (RuntimeException | LinkageError notHotSpot) {
            return false;
        }
    }
}
