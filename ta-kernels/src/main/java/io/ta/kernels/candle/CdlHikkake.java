package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hikkake pattern (D. Chesler, <i>Trading False Moves with the Hikkake Pattern</i>, Active Trader, 2004), as TA-Lib
 * C 0.6 CDLHIKKAKE. The setup: an inside bar (lower high and higher low than the bar before), then a bar breaking
 * out of it on both ends the same way — lower high and lower low (+100: the breakout down is expected to fail), or
 * higher high and higher low (−100). Within the next three bars, a close above the inside bar's high (after +100) or
 * below its low (after −100) confirms the false breakout: ±200 on that bar, once. A newer setup replaces an older
 * one; a bar that is a setup reports the setup.
 *
 * <p>TA-Lib tracks the last setup in a state machine; every fact it uses lies within the last six bars (a setup at
 * most three bars back, and the two bars before it), so this kernel evaluates that window directly: the most recent
 * setup among the last three bars, not yet confirmed, confirmed now. That is TA-Lib's output bar for bar (golden
 * parity), with no hidden state to carry. Lookback 5, TA-Lib's; NaN while a bar in the window is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -200, max = 200)
@Kernel(
        name = "cdl_hikkake",
        aliases = "hikkake",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Hikkake (3 candles, confirmed within 3 more): +100/-100 setup, +200/-200 confirmation, else 0.",
        reference = "TA-Lib CDLHIKKAKE (C 0.6); Chesler 2004")
public final class CdlHikkake {
    final CandleFrame f = new CandleFrame(6);

    public static int lookback() {
        return 5;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        if (setup(f, 0)) {
            return direction(f, 0);
        }
        for (int a = 1; a <= 3; a++) {
            if (setup(f, a)) {
                int d = direction(f, a);
                for (int k = a - 1; k >= 1; k--) {
                    if (confirms(f, k, a + 1, d)) {
                        return 0;
                    }
                }
                return confirms(f, 0, a + 1, d) ? 2 * d : 0;
            }
        }
        return 0;
    }

    /** An inside bar at {@code a + 1}, broken out of on both ends the same way by bar {@code a}. */
    private static boolean setup(CandleFrame f, int a) {
        return f.high(a + 1) < f.high(a + 2) && f.low(a + 1) > f.low(a + 2)
                && (f.high(a) < f.high(a + 1) && f.low(a) < f.low(a + 1)
                        || f.high(a) > f.high(a + 1) && f.low(a) > f.low(a + 1));
    }

    /** +100 for a breakout down (a bullish setup), −100 for one up. */
    static int direction(CandleFrame f, int a) {
        return f.high(a) < f.high(a + 1) ? 100 : -100;
    }

    /** Bar {@code k} closes beyond the inside bar {@code inside} in the direction of setup {@code d}. */
    static boolean confirms(CandleFrame f, int k, int inside, int d) {
        return d > 0 ? f.close(k) > f.high(inside) : f.close(k) < f.low(inside);
    }
}
