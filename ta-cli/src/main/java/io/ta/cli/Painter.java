package io.ta.cli;

import io.ta.annotation.Chart;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out and draws a {@link Figure} on a {@link Canvas}: a title, the price panel, the other panels below it, one
 * value axis per panel on the right, and one bar axis at the bottom. Bars are evenly spaced. The price is drawn as
 * candles when each bar gets at least {@link #CANDLE_PX} pixels (a candle needs a body and a gap to be read), else as a
 * line of the close; a long series is reduced to the first, lowest, highest and last value of each pixel column,
 * which draws the same picture.
 */
final class Painter {
    /** The fewest pixels per bar at which candles are drawn (a 2-pixel body and a 1-pixel gap). */
    static final double CANDLE_PX = 3;

    private static final Color GRID = new Color(0xeeeeee);
    private static final Color FRAME = new Color(0xcfd8dc);
    private static final Color AXIS_TEXT = new Color(0x546e7a);
    private static final Color GUIDE = new Color(0x90a4ae);
    private static final Color TEXT = new Color(0x212121);
    private static final Color UP_FADED = new Color(0xb2dfdb);
    private static final Color DOWN_FADED = new Color(0xffcdd2);
    private static final float FONT = 11f;
    /** The least distance in pixels between two labels of one axis (a line of the 11-pixel font). */
    private static final double LABEL_GAP = 13;

    private static final double TITLE_H = 30;
    private static final double AXIS_H = 22;
    /** Between two panels. */
    private static final double GAP = 8;
    /** The least height of a panel below the price (the price gets three times as much): room for a line. */
    static final double MIN_PANEL = 12;

    private final Figure f;
    private final Canvas c;
    private final int width;
    private final int height;
    private double left;
    private double right;
    private double step;

    private Painter(Figure f, Canvas c, int width, int height) {
        this.f = f;
        this.c = c;
        this.width = width;
        this.height = height;
    }

    /**
     * How many panels below the price a chart {@code height} pixels high has room for: more would get less than
     * {@link #MIN_PANEL} pixels each, or a negative height, and draw nothing.
     */
    static int room(int height) {
        return (int) Math.floor((height - TITLE_H - AXIS_H - 3 * MIN_PANEL) / (GAP + MIN_PANEL));
    }

    /** Whether the price is drawn as candles at this many pixels per bar. */
    static boolean candles(Figure f, double pxPerBar) {
        return f.ohlc() && switch (f.priceStyle) {
            case CANDLES -> true;
            case LINE -> false;
            case AUTO -> pxPerBar >= CANDLE_PX;
        };
    }

    /** Draws {@code f} on {@code c}, which is {@code width × height} pixels. */
    static void paint(Figure f, Canvas c, int width, int height) {
        new Painter(f, c, width, height).paint();
    }

    /** One panel's place and scale. */
    private record Area(Figure.Panel panel, double top, double bottom, double lo, double hi, boolean log, List<Double> ticks) {
        double y(double v) {
            double a = log ? Math.log10(lo) : lo;
            double b = log ? Math.log10(hi) : hi;
            double x = log ? Math.log10(v) : v;
            // Halves: from -Double.MAX_VALUE to Double.MAX_VALUE is more than a double holds.
            return bottom - (x / 2 - a / 2) / (b / 2 - a / 2) * (bottom - top);
        }

        boolean drawable(double v) {
            return !Double.isNaN(v) && (!log || v > 0);
        }
    }

    private void paint() {
        left = 8;
        double axisW = 64;
        right = width - axisW;
        int n = f.n;
        step = n == 0 ? 1 : (right - left) / n;
        boolean candles = candles(f, step);

        String range = f.span();
        c.text(f.title, left, 20, 14f, true, TEXT, Canvas.Align.LEFT);
        c.text(range + (f.panels.getFirst().log() ? " · log scale" : ""), left + Canvas.textWidth(f.title, 14f, true) + 12, 20, FONT,
                false, AXIS_TEXT, Canvas.Align.LEFT);

        double top = TITLE_H;
        double bottom = height - AXIS_H;
        int others = f.panels.size() - 1;
        double weights = others == 0 ? 1 : 3 + others;
        double unit = (bottom - top - GAP * others) / weights;
        List<Area> areas = new ArrayList<>();
        double y = top;
        for (int p = 0; p < f.panels.size(); p++) {
            double h = p == 0 ? (others == 0 ? unit : 3 * unit) : unit;
            areas.add(area(f.panels.get(p), y, y + h, p == 0, candles));
            y += h + GAP;
        }

        List<Ticks.Tick> xticks = f.times != null ? Ticks.time(f.times, step, 72) : Ticks.bars(f.labels, barNumber(), step, 72);
        for (Area a : areas) {
            frame(a, xticks);
        }
        for (int p = 0; p < areas.size(); p++) {
            Area a = areas.get(p);
            c.clip(left, a.top(), right - left, a.bottom() - a.top());
            for (double g : a.panel().guides()) {
                if (a.drawable(g) && g >= a.lo() && g <= a.hi()) {
                    c.line(left, a.y(g), right, a.y(g), GUIDE, 1f, true);
                }
            }
            if (p == 0) {
                price(a, candles);
            }
            for (Figure.Line l : a.panel().lines()) {
                series(a, l);
            }
            if (p == 0) {
                markers(a);
            }
            c.unclip();
            legend(a, p == 0, candles);
        }
        Area last = areas.getLast();
        for (Ticks.Tick t : xticks) {
            c.text(t.label(), x(t.bar()), last.bottom() + 15, FONT, t.major(), t.major() ? TEXT : AXIS_TEXT, Canvas.Align.CENTER);
        }
    }

    /** The bar number of the first drawn bar, for data without times. */
    private int barNumber() {
        if (f.n == 0) {
            return 0;
        }
        try {
            return Integer.parseInt(f.labels[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private double x(int bar) {
        return left + (bar + 0.5) * step;
    }

    /** The panel's scale: its declared range, else its data (and guides, and zero under a histogram), padded. */
    private Area area(Figure.Panel p, double top, double bottom, boolean price, boolean candles) {
        boolean log = p.log();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (p.bounded()) {
            lo = p.min();
            hi = p.max();
        } else {
            if (price) {
                for (int i = 0; i < f.n; i++) {
                    double h = candles ? f.high[i] : f.close[i];
                    double l = candles ? f.low[i] : f.close[i];
                    if (ok(h, log)) {
                        hi = Math.max(hi, h);
                        lo = Math.min(lo, h);
                    }
                    if (ok(l, log)) {
                        hi = Math.max(hi, l);
                        lo = Math.min(lo, l);
                    }
                }
            }
            for (Figure.Line l : p.lines()) {
                for (double v : l.y()) {
                    if (ok(v, log)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                if (l.style() == Chart.Style.HISTOGRAM) {
                    lo = Math.min(lo, 0);
                    hi = Math.max(hi, 0);
                }
            }
            if (lo <= hi) {
                for (double g : p.guides()) {
                    if (ok(g, log)) {
                        lo = Math.min(lo, g);
                        hi = Math.max(hi, g);
                    }
                }
            }
            if (!(lo <= hi)) {
                lo = log ? 1 : 0;
                hi = log ? 10 : 1;
            }
            // A range of a few units in the last place (0.3 and 0.30000000000000004) is a constant to the eye, and
            // ticks a few ulps apart could not be told apart (nor stepped through).
            if (hi - lo <= 1024 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                double d = lo == 0 ? 1 : Math.abs(lo) * 0.01;
                lo = log ? lo / 1.01 : lo - d;
                hi = log ? hi * 1.01 : hi + d;
            }
        }
        // Room in pixels: above the data for the legend (and on the price panel the markers above the bars), below
        // for the markers under the bars.
        double above = price ? 40 : 24;
        double below = price ? 20 : 6;
        double usable = Math.max(20, bottom - top - above - below);
        double a = log ? Math.log10(lo) : lo;
        double b = log ? Math.log10(hi) : hi;
        if (!(a < b)) {
            // 1% of a subnormal is nothing.
            a -= 1;
            b += 1;
        }
        // In halves, and the padding kept to finite values: prices near ±Double.MAX_VALUE span more than a double.
        double perPixel = (b / 2 - a / 2) / usable * 2;
        a -= below * perPixel;
        b += above * perPixel;
        lo = log ? Math.max(Double.MIN_VALUE, Math.pow(10, a)) : Math.max(-Double.MAX_VALUE, a);
        hi = log ? Math.min(Double.MAX_VALUE, Math.pow(10, b)) : Math.min(Double.MAX_VALUE, b);
        int max = Math.max(2, (int) ((bottom - top) / 34));
        List<Double> ticks = new ArrayList<>(log ? Ticks.log(lo, hi, max) : Ticks.linear(lo, hi, max));
        if (p.bounded()) {
            // rsi's axis ends at 0 and 100: a tick at 120 would promise values it cannot take.
            ticks.removeIf(t -> t < p.min() || t > p.max());
        }
        return new Area(p, top, bottom, lo, hi, log, ticks);
    }

    private static boolean ok(double v, boolean log) {
        return !Double.isNaN(v) && (!log || v > 0);
    }

    private void frame(Area a, List<Ticks.Tick> xticks) {
        double tickStep = a.ticks().size() > 1 ? Math.abs(a.ticks().get(1) - a.ticks().get(0)) : 1;
        List<Double> guideYs = new ArrayList<>();
        for (double g : a.panel().guides()) {
            if (a.drawable(g) && g >= a.lo() && g <= a.hi()) {
                guideYs.add(a.y(g));
                c.text(Ticks.format(g), right + 6, a.y(g) + 4, FONT, false, GUIDE, Canvas.Align.LEFT);
            }
        }
        for (double v : a.ticks()) {
            double y = a.y(v);
            // A guide's label wins over a tick's next to it: rsi's 70 stays readable instead of overprinting a 75.
            if (guideYs.stream().anyMatch(g -> Math.abs(g - y) < LABEL_GAP)) {
                continue;
            }
            c.line(left, y, right, y, GRID, 1f, false);
            c.text(a.log() ? Ticks.format(v) : Ticks.format(v, tickStep), right + 6, y + 4, FONT, false, AXIS_TEXT, Canvas.Align.LEFT);
        }
        for (Ticks.Tick t : xticks) {
            c.line(x(t.bar()), a.top(), x(t.bar()), a.bottom(), GRID, 1f, false);
        }
        c.line(left, a.top(), right, a.top(), FRAME, 1f, false);
        c.line(left, a.bottom(), right, a.bottom(), FRAME, 1f, false);
        c.line(left, a.top(), left, a.bottom(), FRAME, 1f, false);
        c.line(right, a.top(), right, a.bottom(), FRAME, 1f, false);
    }

    private void price(Area a, boolean candles) {
        if (!candles) {
            series(a, new Figure.Line(f.priceName, f.close, Chart.Style.LINE, Figure.PRICE_LINE));
            return;
        }
        double body = Math.max(1, Math.floor(step * 0.7));
        for (int i = 0; i < f.n; i++) {
            double o = f.open[i];
            double h = f.high[i];
            double l = f.low[i];
            double cl = f.close[i];
            if (!a.drawable(o) || !a.drawable(h) || !a.drawable(l) || !a.drawable(cl)) {
                continue;
            }
            // Wick and body in one colour: up (close at or above open) or down.
            Color col = cl >= o ? Figure.UP : Figure.DOWN;
            double x = x(i);
            double xc = Math.floor(x) + 0.5;
            c.line(xc, a.y(h), xc, a.y(l), col, 1f, false);
            double y1 = a.y(Math.max(o, cl));
            double y2 = a.y(Math.min(o, cl));
            c.rect(Math.round(x - body / 2), y1, body, Math.max(1, y2 - y1), col);
        }
    }

    private void series(Area a, Figure.Line l) {
        double[] v = l.y();
        switch (l.style()) {
            case HISTOGRAM -> {
                double zero = a.y(a.lo() <= 0 && a.hi() >= 0 ? 0 : a.lo());
                double w = Math.max(1, step * 0.8);
                for (int i = 0; i < f.n; i++) {
                    if (!a.drawable(v[i])) {
                        continue;
                    }
                    double prev = i > 0 ? v[i - 1] : Double.NaN;
                    boolean growing = Double.isNaN(prev) || Math.abs(v[i]) >= Math.abs(prev);
                    Color col = v[i] >= 0 ? (growing ? Figure.UP : UP_FADED) : (growing ? Figure.DOWN : DOWN_FADED);
                    double y = a.y(v[i]);
                    c.rect(x(i) - w / 2, Math.min(y, zero), w, Math.abs(zero - y), col);
                }
            }
            case DOTS -> {
                double r = Math.max(1, Math.min(2.2, step * 0.35));
                for (int i = 0; i < f.n; i++) {
                    if (a.drawable(v[i])) {
                        c.dot(x(i), a.y(v[i]), r, l.color());
                    }
                }
            }
            case STEP -> {
                double[] xs = new double[2 * f.n];
                double[] ys = new double[2 * f.n];
                int k = 0;
                for (int i = 0; i <= f.n; i++) {
                    if (i == f.n || !a.drawable(v[i])) {
                        c.polyline(xs, ys, 0, k, l.color(), 1.4f);
                        k = 0;
                        continue;
                    }
                    double y = a.y(v[i]);
                    xs[k] = x(i) - step / 2;
                    ys[k++] = y;
                    xs[k] = x(i) + step / 2;
                    ys[k++] = y;
                }
            }
            default -> line(a, v, l.color(), l.color() == Figure.PRICE_LINE ? 1.2f : 1.5f);
        }
    }

    /**
     * A line through the valid values, broken where values are missing. When bars are narrower than a pixel, each pixel
     * column keeps its first, lowest, highest and last value, so the line looks the same with far fewer points.
     */
    private void line(Area a, double[] v, Color col, float w) {
        double[] xs = new double[Math.min(f.n, 4 * (int) (right - left) + 8) + 4];
        double[] ys = new double[xs.length];
        int k = 0;
        int i = 0;
        while (i <= f.n) {
            if (i == f.n || !a.drawable(v[i])) {
                c.polyline(xs, ys, 0, k, col, w);
                k = 0;
                i++;
                continue;
            }
            if (step >= 1) {
                if (k == xs.length) {
                    c.polyline(xs, ys, 0, k, col, w);
                    xs[0] = xs[k - 1];
                    ys[0] = ys[k - 1];
                    k = 1;
                }
                xs[k] = x(i);
                ys[k++] = a.y(v[i]);
                i++;
                continue;
            }
            long column = (long) Math.floor(x(i));
            int first = i;
            int lo = i;
            int hi = i;
            int last = i;
            i++;
            while (i < f.n && a.drawable(v[i]) && (long) Math.floor(x(i)) == column) {
                if (v[i] < v[lo]) {
                    lo = i;
                }
                if (v[i] > v[hi]) {
                    hi = i;
                }
                last = i;
                i++;
            }
            if (k + 4 > xs.length) {
                c.polyline(xs, ys, 0, k, col, w);
                xs[0] = xs[k - 1];
                ys[0] = ys[k - 1];
                k = 1;
            }
            for (int j : lo < hi ? new int[] {first, lo, hi, last} : new int[] {first, hi, lo, last}) {
                xs[k] = column + 0.5;
                ys[k++] = a.y(v[j]);
            }
        }
    }

    private void markers(Area a) {
        double size = Math.max(7, Math.min(11, step * 1.4));
        for (Figure.Markers m : f.markers) {
            for (int j = 0; j < m.at().length; j++) {
                int i = m.at()[j];
                boolean above = m.above()[j];
                double anchor = f.anchor(i, above);
                if (!a.drawable(anchor)) {
                    continue;
                }
                double x = x(i);
                double y = a.y(anchor) + (above ? -4 : 4);
                double base = above ? y - size : y + size;
                // A white rim keeps the marker readable over candles and lines.
                double o = 1.5;
                c.polygon(new double[] {x, x - size * 0.6 - o * 1.4, x + size * 0.6 + o * 1.4},
                        new double[] {y + (above ? o : -o) * 1.6, base + (above ? -o : o), base + (above ? -o : o)}, Color.WHITE);
                c.polygon(new double[] {x, x - size * 0.6, x + size * 0.6}, new double[] {y, base, base}, m.color());
            }
        }
    }

    /** One legend entry: how its swatch looks, and its text. */
    private record Entry(Color color, Swatch swatch, String text) {}

    /** A legend swatch: a short bar for a series, a triangle for markers, two for markers both ways (a candle pattern). */
    private enum Swatch { BAR, UP, DOWN, BOTH }

    private static Swatch swatch(Figure.Markers m) {
        boolean up = false;
        boolean down = false;
        for (boolean above : m.above()) {
            down |= above;
            up |= !above;
        }
        return up && down ? Swatch.BOTH : down ? Swatch.DOWN : Swatch.UP;
    }

    /** The panel's title and, per series, a swatch, its name and its last value (markers: how many). */
    private void legend(Area a, boolean price, boolean candles) {
        double x = left + 8;
        double y = a.top() + 15;
        Figure.Panel p = a.panel();
        List<Entry> entries = new ArrayList<>();
        if (price) {
            double last = f.n == 0 ? Double.NaN : f.close[f.n - 1];
            entries.add(new Entry(candles ? Figure.UP : Figure.PRICE_LINE, Swatch.BAR, f.priceName + " " + Ticks.format(last)));
        }
        for (Figure.Line l : p.lines()) {
            entries.add(new Entry(l.style() == Chart.Style.HISTOGRAM ? Figure.UP : l.color(), Swatch.BAR, l.name() + " " + Ticks.format(l.last())));
        }
        if (price) {
            for (Figure.Markers m : f.markers) {
                entries.add(new Entry(m.color(), swatch(m), m.name() + " ×" + m.at().length));
            }
        }
        // A panel of one series named like the panel needs no title.
        String title = price || p.lines().size() == 1 && p.lines().getFirst().name().equals(p.title()) ? null : p.title();
        double w = title == null ? 0 : Canvas.textWidth(title, FONT, true) + 10;
        for (Entry e : entries) {
            w += (e.swatch() == Swatch.BOTH ? 26 : 14) + Canvas.textWidth(e.text(), FONT, false) + 12;
        }
        c.rect(x - 4, y - 12, Math.min(w + 4, right - x - 4), 17, new Color(255, 255, 255, 215));
        if (title != null) {
            c.text(title, x, y, FONT, true, TEXT, Canvas.Align.LEFT);
            x += Canvas.textWidth(title, FONT, true) + 10;
        }
        for (Entry e : entries) {
            switch (e.swatch()) {
                case UP -> c.polygon(new double[] {x + 5, x, x + 10}, new double[] {y - 9, y, y}, e.color());
                case DOWN -> c.polygon(new double[] {x + 5, x, x + 10}, new double[] {y, y - 9, y - 9}, e.color());
                case BAR -> c.rect(x, y - 8, 10, 3, e.color());
                case BOTH -> {
                    c.polygon(new double[] {x + 5, x, x + 10}, new double[] {y - 9, y, y}, e.color());
                    c.polygon(new double[] {x + 17, x + 12, x + 22}, new double[] {y, y - 9, y - 9}, e.color());
                    x += 12;
                }
            }
            x += 14;
            c.text(e.text(), x, y, FONT, false, TEXT, Canvas.Align.LEFT);
            x += Canvas.textWidth(e.text(), FONT, false) + 12;
        }
    }
}
