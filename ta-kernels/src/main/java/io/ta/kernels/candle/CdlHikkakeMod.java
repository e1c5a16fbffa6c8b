package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Modified hikkake pattern (D. Chesler), as TA-Lib C 0.6 CDLHIKKAKEMOD: like {@link CdlHikkake}, but the setup needs
 * two inside bars in a row (each with a lower high and a higher low than the bar before), and the second-to-last bar
 * of the setup must close near (Near, a {@link CandleSetting}) its low for the bullish setup (+100) or near its high
 * for the bearish one (−100). Confirmation within three bars by a close beyond the last inside bar: ±200.
 *
 * <p>Evaluated over the window it depends on, as {@link CdlHikkake} explains: a setup at most three bars back spans
 * four bars and its Near average the five bars before its second one, so the output is a function of the last
 * eleven bars. Lookback 10, TA-Lib's; NaN while a bar in the window is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -200, max = 200)
@Kernel(
        name = "cdl_hikkakemod",
        aliases = "hikkake_mod",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Modified hikkake (4 candles, confirmed within 3 more): +100/-100 setup, +200/-200 confirmation, else 0.",
        reference = "TA-Lib CDLHIKKAKEMOD (C 0.6); Chesler 2004")
public final class CdlHikkakeMod {
    final CandleFrame f = new CandleFrame(7, CandleSetting.NEAR);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        if (setup(f, 0)) {
            return CdlHikkake.direction(f, 0);
        }
        for (int a = 1; a <= 3; a++) {
            if (setup(f, a)) {
                int d = CdlHikkake.direction(f, a);
                for (int k = a - 1; k >= 1; k--) {
                    if (CdlHikkake.confirms(f, k, a + 1, d)) {
                        return 0;
                    }
                }
                return CdlHikkake.confirms(f, 0, a + 1, d) ? 2 * d : 0;
            }
        }
        return 0;
    }

    /** Two inside bars at {@code a + 2} and {@code a + 1}, broken out of by bar {@code a}, the first closing near its extreme. */
    private static boolean setup(CandleFrame f, int a) {
        return f.high(a + 2) < f.high(a + 3) && f.low(a + 2) > f.low(a + 3)
                && f.high(a + 1) < f.high(a + 2) && f.low(a + 1) > f.low(a + 2)
                && (f.high(a) < f.high(a + 1) && f.low(a) < f.low(a + 1)
                                && f.close(a + 2) <= f.low(a + 2) + f.near(a + 2)
                        || f.high(a) > f.high(a + 1) && f.low(a) > f.low(a + 1)
                                && f.close(a + 2) >= f.high(a + 2) - f.near(a + 2));
    }
}
