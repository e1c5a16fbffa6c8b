package io.ta.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.kernels.TaExpr;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated fluent API builds the same IR, hence the same plan and numbers, as the DSL. */
class FluentTest {
    static String structure(Plan p) {
        // explain() without the root comments (which print each root's source form)
        return p.explain().lines().filter(l -> !l.contains("#")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void fluentAndDslPlansAreIdentical() {
        TaExpr close = TaExpr.close();
        TaExpr fluent = close.sma(20).gt(close.ema(10)).and(close.gt(100)).or(TaExpr.trueRange().lt(close.rollingStd(10, 2.0)));
        Plan a = Plan.of(fluent);
        Plan b = Plan.compile("sma(close, 20) > ema(close, 10) and close > 100 or true_range() < rolling_std(close, 10, 2.0)");
        assertEquals(structure(b), structure(a));
        assertEquals("sma(x=close, period=20) > ema(x=close, period=10) and close > 100"
                + " or true_range() < rolling_std(x=close, period=10, nbdev=2) ", fluent.toString() + " ");
    }

    @Test
    void fluentAndDslComputeTheSameNumbers() {
        double[] c = new double[300];
        double[] h = new double[300];
        double[] l = new double[300];
        for (int i = 0; i < c.length; i++) {
            c[i] = 100 + 10 * Math.sin(i / 7.0) + i * 0.1;
            h[i] = c[i] + 1 + (i % 3);
            l[i] = c[i] - 1 - (i % 2);
        }
        Bars bars = Bars.builder().column("close", c).column("high", h).column("low", l).build();
        TaExpr close = TaExpr.close();
        TaExpr spread = close.minus(close.kama(10, 2, 30)).over(TaExpr.trueRange().rma(14));
        double[] fluent = Plan.of(spread).run(bars).value().toArray();
        double[] dsl = Plan.compile("(close - kama(close, 10, 2, 30)) / rma(true_range(), 14)").run(bars).value().toArray();
        assertEquals(List.of(), mismatches(fluent, dsl));
        assertEquals(Plan.of(spread).lookback(), Plan.compile("(close - kama(close, 10, 2, 30)) / rma(tr(), 14)").lookback());
    }

    static List<Integer> mismatches(double[] a, double[] b) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (Double.compare(a[i], b[i]) != 0) {
                out.add(i);
            }
        }
        return out;
    }
}
