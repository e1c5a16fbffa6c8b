package io.ta.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.InvalidParameterException;
import io.ta.expr.Expr.Op;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanStream;
import org.junit.jupiter.api.Test;

/**
 * The operators against a plain definition written here: a missing operand (NaN or ±Infinity, as for kernels) gives
 * NaN; otherwise IEEE arithmetic with non-finite results as NaN, and comparisons/logic as 1/0. Checked bit for bit
 * (the sign of zero included) for the scalar form and the block loops.
 */
class OpsTest {
    static final double[] VALUES = {0.0, -0.0, 1.0, -1.0, 5.0, -2.5, 0.5, 1e308, -1e308, 4.9e-324, 3.0,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
    static final Op[] BINARY = {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.POW, Op.GT, Op.GE, Op.LT, Op.LE, Op.EQ, Op.NE, Op.AND, Op.OR};

    static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static double flag(boolean b) {
        return b ? 1.0 : 0.0;
    }

    /** The definition, written for clarity rather than speed. */
    static double expected(Op op, double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            return Double.NaN;
        }
        return switch (op) {
            case ADD -> finite(a + b);
            case SUB -> finite(a - b);
            case MUL -> finite(a * b);
            case DIV -> b == 0.0 ? Double.NaN : finite(a / b);
            case MOD -> finite(a % b);
            case POW -> finite(Math.pow(a, b));
            case GT -> flag(a > b);
            case GE -> flag(a >= b);
            case LT -> flag(a < b);
            case LE -> flag(a <= b);
            case EQ -> flag(a == b);
            case NE -> flag(a != b);
            case AND -> flag(a != 0.0 && b != 0.0);
            case OR -> flag(a != 0.0 || b != 0.0);
            default -> throw new AssertionError(op);
        };
    }

    static double expected(Op op, double a) {
        if (!Double.isFinite(a)) {
            return Double.NaN;
        }
        return op == Op.NEG ? -a : flag(a == 0.0);
    }

    static void same(double want, double got, String what) {
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), what + ": want " + want + ", got " + got);
    }

    @Test
    void everyOperatorOnEveryPairOfSpecialValues() {
        int n = VALUES.length * VALUES.length;
        double[] as = new double[n];
        double[] bs = new double[n];
        for (int i = 0; i < n; i++) {
            as[i] = VALUES[i / VALUES.length];
            bs[i] = VALUES[i % VALUES.length];
        }
        for (Op op : BINARY) {
            double[] block = new double[n];
            Ops.apply(op, as, bs, block, n);
            for (int i = 0; i < n; i++) {
                String what = as[i] + " " + op.symbol() + " " + bs[i];
                same(expected(op, as[i], bs[i]), Ops.apply(op, as[i], bs[i]), what);
                same(expected(op, as[i], bs[i]), block[i], what + " (block)");
            }
        }
        for (Op op : new Op[] {Op.NEG, Op.NOT}) {
            double[] block = new double[VALUES.length];
            Ops.apply(op, VALUES, block, VALUES.length);
            for (int i = 0; i < VALUES.length; i++) {
                same(expected(op, VALUES[i]), Ops.apply(op, VALUES[i]), op + " " + VALUES[i]);
                same(expected(op, VALUES[i]), block[i], op + " " + VALUES[i] + " (block)");
            }
        }
    }

    @Test
    void infinityInTheDataIsMissingInPlansBatchAndStream() {
        double[] close = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -1.0, 1.0};
        Bars bars = Bars.builder().column("close", close).build();
        double nan = Double.NaN;
        Plan below = Plan.compile("close < 0");
        assertArrayEquals(new double[] {nan, nan, nan, 1, 0}, below.run(bars).value().toArray());
        Plan ratio = Plan.compile("5 / close");
        assertArrayEquals(new double[] {nan, nan, nan, -5, 5}, ratio.run(bars).value().toArray());
        Plan negated = Plan.compile("not (close < 0) or -close > 0");
        assertArrayEquals(new double[] {nan, nan, nan, 1, 1}, negated.run(bars).value().toArray());
        PlanStream live = below.stream();
        for (int i = 0; i < close.length; i++) {
            live.update(close[i]);
            same(below.run(bars).value().get(i), live.value(), "bar " + i);
        }
    }

    /** The forms for conditions equal the general ones on every condition value: 1, 0 and NaN (no other comes out of a comparison or logic). */
    @Test
    void logicOnConditionsEqualsTheGeneralLogic() {
        double[] conditions = {0.0, 1.0, Double.NaN};
        for (double a : conditions) {
            same(Ops.not(a), Ops.notCondition(a), "not " + a);
            for (double b : conditions) {
                same(Ops.and(a, b), Ops.andConditions(a, b), a + " and " + b);
                same(Ops.or(a, b), Ops.orConditions(a, b), a + " or " + b);
            }
        }
        for (double a : VALUES) {
            double n = Ops.not(a);
            if (!(n != n || Double.compare(n, 0.0) == 0 || n == 1.0)) {
                throw new AssertionError("not(" + a + ") = " + n + " is not a condition");
            }
            for (double b : VALUES) {
                for (Op op : new Op[] {Op.GT, Op.GE, Op.LT, Op.LE, Op.EQ, Op.NE, Op.AND, Op.OR}) {
                    double c = Ops.apply(op, a, b);
                    if (!(c != c || Double.compare(c, 0.0) == 0 || c == 1.0)) {
                        throw new AssertionError(op + "(" + a + ", " + b + ") = " + c + " is not a condition");
                    }
                }
            }
        }
    }

    @Test
    void anOperatorOfTheWrongArityIsATypedError() {
        assertThrows(InvalidParameterException.class, () -> Ops.apply(Op.ADD, 1.0));
        assertThrows(InvalidParameterException.class, () -> Ops.apply(Op.NEG, 1.0, 2.0));
    }
}
