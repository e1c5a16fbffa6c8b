package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Pivot points of the previous bar: the support and resistance levels floor traders derive from the last period's
 * open, high, low and close. At bar t every level is computed from bar {@code t − 1} (so lookback 1, and the levels
 * are known for the whole of bar t); on daily bars resampled from intraday data they are the classic daily pivots.
 * With {@code H, L, C, O} of the previous bar and {@code R = H − L}:
 *
 * <ul>
 *   <li>{@code classic} (floor-trader pivots): {@code pp = (H + L + C)/3}, {@code r1 = 2pp − L}, {@code s1 = 2pp − H},
 *       {@code r2 = pp + R}, {@code s2 = pp − R}, {@code r3 = H + 2(pp − L)}, {@code s3 = L − 2(H − pp)}.
 *   <li>{@code fibonacci}: {@code pp = (H + L + C)/3}; {@code r1, r2, r3 = pp + 0.382R, pp + 0.618R, pp + R};
 *       {@code s1, s2, s3} the mirror images below pp.
 *   <li>{@code camarilla} (N. Scott, 1989): {@code r_i = C + 1.1R/k}, {@code s_i = C − 1.1R/k} with
 *       {@code k = 12, 6, 4, 2} for levels 1–4; {@code pp = (H + L + C)/3}, as most chart packages show with it.
 *   <li>{@code woodie} (K. Wood): {@code pp = (H + L + 2C)/4} — the close weighted twice — then the classic
 *       {@code r1..r3}, {@code s1..s3} from that pp. Some packages (TradingView) use the current bar's open instead
 *       of the previous close; the previous bar's close is the published form and keeps every level known at t's open.
 *   <li>{@code demark} (T. DeMark): {@code X = H + 2L + C} if {@code C < O}, {@code 2H + L + C} if {@code C > O},
 *       {@code H + L + 2C} otherwise; {@code pp = X/4}, {@code r1 = X/2 − L}, {@code s1 = X/2 − H}.
 * </ul>
 *
 * <p>Levels a method does not define are NaN: {@code r4}/{@code s4} except for camarilla, {@code r2}, {@code r3},
 * {@code s2}, {@code s3} for demark. The outputs are therefore sparse price levels ({@link OutputKind#LEVEL}).
 * A previous bar with a missing value makes every level of bar t NaN (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.STEP)
@Kernel(
        name = "pivots",
        aliases = "pivot_points",
        family = Family.PRICE,
        kind = OutputKind.LEVEL,
        scale = Scale.PRICE,
        summary = "Pivot points of the previous bar: classic, fibonacci, camarilla, woodie or demark levels.",
        reference = "floor-trader pivots; N. Scott (camarilla); T. DeMark; hand-checked fixtures")
public final class Pivots {
    /** How the levels are derived from the previous bar. */
    public enum Method {
        /** Floor-trader pivots: pp = (H + L + C)/3, levels from 2pp − L, 2pp − H and the range. */
        CLASSIC,
        /** pp = (H + L + C)/3 plus and minus 0.382, 0.618 and 1.0 times the range. */
        FIBONACCI,
        /** The close plus and minus 1.1 × range / 12, 6, 4, 2. */
        CAMARILLA,
        /** Classic levels around pp = (H + L + 2C)/4. */
        WOODIE,
        /** DeMark's X from the bar's direction; pp, r1 and s1 only. */
        DEMARK
    }

    private static final int CLASSIC = Method.CLASSIC.ordinal();
    private static final int FIBONACCI = Method.FIBONACCI.ordinal();
    private static final int CAMARILLA = Method.CAMARILLA.ordinal();
    private static final int WOODIE = Method.WOODIE.ordinal();
    private static final double DOWN = 0x1p-4;
    private static final double UP = 0x1p4;

    /** The method's ordinal (state fields are primitives). */
    final int method;
    double previousOpen = Double.NaN;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    double previousClose = Double.NaN;
    @Output(doc = "pivot point")
    double pp;
    @Output(doc = "first resistance")
    double r1;
    @Output(doc = "second resistance (NaN for demark)")
    double r2;
    @Output(doc = "third resistance (NaN for demark)")
    double r3;
    @Output(doc = "fourth resistance (camarilla only)")
    double r4;
    @Output(doc = "first support")
    double s1;
    @Output(doc = "second support (NaN for demark)")
    double s2;
    @Output(doc = "third support (NaN for demark)")
    double s3;
    @Output(doc = "fourth support (camarilla only)")
    double s4;

    public Pivots(
            @Param(defaultValue = "classic", doc = "classic, fibonacci, camarilla, woodie or demark") Method method) {
        this.method = method.ordinal();
    }

    public static int lookback() {
        return 1;
    }

    @Step
    public void step(double open, double high, double low, double close) {
        double o = previousOpen;
        double h = previousHigh;
        double l = previousLow;
        double c = previousClose;
        previousOpen = open;
        previousHigh = high;
        previousLow = low;
        previousClose = close;
        pp = r1 = r2 = r3 = r4 = s1 = s2 = s3 = s4 = Double.NaN;
        if (!(Double.isFinite(o) && Double.isFinite(h) && Double.isFinite(l) && Double.isFinite(c))) {
            return;
        }
        levels(o, h, l, c);
        if (Double.isInfinite(r1) || Double.isInfinite(r2) || Double.isInfinite(r3) || Double.isInfinite(r4)
                || Double.isInfinite(s1) || Double.isInfinite(s2) || Double.isInfinite(s3)
                || Double.isInfinite(s4)) {
            levelsAtScale(o, h, l, c);
        }
    }

    private void levels(double o, double h, double l, double c) {
        double range = h - l;
        if (method == CLASSIC) {
            floor(Means.mean(h, l, c), h, l);
        } else if (method == WOODIE) {
            floor(Means.weighted(1.0, h, 1.0, l, 2.0, c, 4.0), h, l);
        } else if (method == FIBONACCI) {
            fibonacci(Means.mean(h, l, c), range);
        } else if (method == CAMARILLA) {
            camarilla(Means.mean(h, l, c), c, 1.1 * range);
        } else {
            demark(o, h, l, c);
        }
    }

    /**
     * A level of finite prices that overflowed, where a term such as {@code h − l} or {@code 2(pp − l)} passed the
     * largest double although the level may fit (a bar from −1.7e308 to −0.3e308: r3 is 1.57e308), is the same
     * operations on the prices at 2⁻⁴, where no term of any method can overflow (the largest, {@code h + 2(pp − l)},
     * is at most five prices), scaled back: the bits a wider exponent range gives, as {@link Means} takes a mean.
     * Levels that did not overflow keep their bits; one that does not fit stays infinite (written as NaN).
     */
    private void levelsAtScale(double o, double h, double l, double c) {
        double p = pp;
        double pr1 = r1;
        double pr2 = r2;
        double pr3 = r3;
        double pr4 = r4;
        double ps1 = s1;
        double ps2 = s2;
        double ps3 = s3;
        double ps4 = s4;
        levels(o * DOWN, h * DOWN, l * DOWN, c * DOWN);
        pp = p;
        r1 = Double.isInfinite(pr1) ? r1 * UP : pr1;
        r2 = Double.isInfinite(pr2) ? r2 * UP : pr2;
        r3 = Double.isInfinite(pr3) ? r3 * UP : pr3;
        r4 = Double.isInfinite(pr4) ? r4 * UP : pr4;
        s1 = Double.isInfinite(ps1) ? s1 * UP : ps1;
        s2 = Double.isInfinite(ps2) ? s2 * UP : ps2;
        s3 = Double.isInfinite(ps3) ? s3 * UP : ps3;
        s4 = Double.isInfinite(ps4) ? s4 * UP : ps4;
    }

    // Each method's levels in a method of its own: the step stays under the 325 bytes of bytecode C2 inlines into a
    // batch loop (at 544 bytes it was called on every bar, and a batch took about 1.5x the time).

    private void fibonacci(double p, double range) {
        pp = p;
        r1 = p + 0.382 * range;
        r2 = p + 0.618 * range;
        r3 = p + range;
        s1 = p - 0.382 * range;
        s2 = p - 0.618 * range;
        s3 = p - range;
    }

    private void camarilla(double p, double c, double d) {
        pp = p;
        r1 = c + d / 12.0;
        r2 = c + d / 6.0;
        r3 = c + d / 4.0;
        r4 = c + d / 2.0;
        s1 = c - d / 12.0;
        s2 = c - d / 6.0;
        s3 = c - d / 4.0;
        s4 = c - d / 2.0;
    }

    private void demark(double o, double h, double l, double c) {
        // X = wh·H + wl·L + wc·C, the weight 2 on the low of a falling bar, the high of a rising one, else the close.
        // r1 = X/2 − L is taken as (X − 2L)/2, the same bits, so that it stays finite wherever it fits.
        double wh = c > o ? 2.0 : 1.0;
        double wl = c < o ? 2.0 : 1.0;
        double wc = c == o ? 2.0 : 1.0;
        pp = Means.weighted(wh, h, wl, l, wc, c, 4.0);
        r1 = Means.weighted(wh, h, wl, l, wc, c, -2.0, l, 2.0);
        s1 = Means.weighted(wh, h, wl, l, wc, c, -2.0, h, 2.0);
    }

    /** The classic (floor-trader) levels around {@code p}; woodie shares them. */
    private void floor(double p, double h, double l) {
        pp = p;
        r1 = Means.weighted(2.0, p, -1.0, l, 1.0);
        s1 = Means.weighted(2.0, p, -1.0, h, 1.0);
        r2 = p + (h - l);
        s2 = p - (h - l);
        r3 = h + 2.0 * (p - l);
        s3 = l - 2.0 * (h - p);
    }
}
