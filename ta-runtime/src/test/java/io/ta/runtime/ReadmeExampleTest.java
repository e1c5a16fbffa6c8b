package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.kernels.Ta;
import io.ta.kernels.TaExpr;
import io.ta.kernels.momentum.Rsi_Stream;
import io.ta.runtime.exec.PlanStream;
import io.ta.runtime.plan.Plan;
import org.junit.jupiter.api.Test;

/** The README's Java quick start, verbatim, so it keeps compiling and meaning what it says. */
class ReadmeExampleTest {
    @Test
    void quickStart() {
        double[] close = new double[400];
        for (int i = 0; i < close.length; i++) {
            close[i] = 100 + 10 * Math.sin(i / 9.0) + i * 0.05;
        }
        double[] out = new double[close.length];

        double[] rsi = Ta.rsi(close, 14);                                  // batch: NaN during warm-up
        Ta.ema(close, 20, out);                                            // batch into your array, no allocation
        Rsi_Stream live = Ta.rsiStream(14);                                // streaming, O(1) per bar
        double now = live.update(101.5);  double forming = live.preview(101.9);

        Plan plan = Plan.compile("rsi(close, 14) < 30 and close > sma(close, 200)");
        Series buy = plan.run(Bars.builder().column("close", close).build()).value();
        PlanStream feed = plan.stream();  feed.update(101.5);  double signal = feed.value();
        Plan same = Plan.of(TaExpr.close().rsi(14).lt(30).and(TaExpr.close().gt(TaExpr.close().sma(200))));

        assertEquals(14, Series.wrap(rsi).firstValid());
        assertEquals(19, Series.wrap(out).firstValid());
        assertEquals(Double.NaN, now);
        assertEquals(Double.NaN, forming);
        assertEquals(199, buy.firstValid());
        assertEquals(Double.NaN, signal);
        assertEquals(buy, same.run(Bars.builder().column("close", close).build()).value());
    }
}
