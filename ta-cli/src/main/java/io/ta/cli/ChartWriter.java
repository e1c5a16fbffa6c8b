package io.ta.cli;

import io.ta.annotation.Family;
import io.ta.runtime.Series;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ref;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.Set;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultOHLCDataset;
import org.jfree.data.xy.OHLCDataItem;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import picocli.CommandLine;

/**
 * Draws a PNG: price on top (candles when the data has open, high, low and close; otherwise a line), expressions on
 * the price scale (moving averages, bands, stops) drawn over it, and one sub-panel per other expression (oscillators;
 * conditions as steps). An expression is drawn over the price when it is a number that tracks the price — its median
 * ratio to the same bar's price is within 50% — unless it is a momentum, volume, cycle or event kernel.
 */
final class ChartWriter {
    private static final Set<Family> OWN_SCALE = Set.of(Family.MOMENTUM, Family.VOLUME, Family.CYCLE, Family.EVENT);
    // No pure red or green: those are the candles' colours.
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x17becf), new Color(0x7f7f7f), new Color(0xbcbd22)};

    private ChartWriter() {}

    /** Parses {@code WxH}. */
    static int[] size(CommandLine cl, String text) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w >= 200 && h >= 150 && w <= 10_000 && h <= 10_000) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(cl, "--chart-size takes WxH with 200 <= W, 150 <= H, both <= 10000, got '" + text + "'");
    }

    /**
     * Draws the rows at {@code rows} (all rows when null) of {@code table}, with {@code values[i]} the i-th expression's
     * values at those rows.
     */
    static void write(Path file, int width, int height, CsvBars table, int[] rows, Evaluation ev, Series[] values) {
        int n = rows == null ? table.rows() : rows.length;
        boolean dates = table.hasTime();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            int t = rows == null ? i : rows[i];
            x[i] = dates ? table.time(t) : t;
        }
        ValueAxis domain = dates ? new DateAxis(table.labelColumn()) : new NumberAxis(table.labelColumn());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(domain);
        combined.setGap(8);

        String priceName = table.columns().contains("close") ? "close" : table.columns().isEmpty() ? null : table.columns().get(0);
        double[] price = priceName == null ? nan(n) : column(table, priceName, rows);
        priceName = priceName == null ? "price" : priceName;
        NumberAxis priceAxis = new NumberAxis(priceName);
        priceAxis.setAutoRangeIncludesZero(false);
        XYPlot pricePlot = new XYPlot(null, null, priceAxis, null);
        boolean ohlc = table.columns().containsAll(java.util.List.of("open", "high", "low", "close"));
        if (ohlc) {
            double[] o = column(table, "open", rows);
            double[] h = column(table, "high", rows);
            double[] l = column(table, "low", rows);
            double[] v = table.columns().contains("volume") ? column(table, "volume", rows) : new double[n];
            OHLCDataItem[] items = new OHLCDataItem[n];
            for (int i = 0; i < n; i++) {
                items[i] = new OHLCDataItem(new Date((long) x[i]), o[i], h[i], l[i], price[i], v[i]);
            }
            pricePlot.setDataset(0, new DefaultOHLCDataset("price", items));
            CandlestickRenderer candles = new CandlestickRenderer();
            candles.setUpPaint(new Color(0x26a69a));
            candles.setDownPaint(new Color(0xef5350));
            candles.setDrawVolume(false);
            pricePlot.setRenderer(0, candles);
        } else {
            pricePlot.setDataset(0, collection(priceName, x, price));
            XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
            line.setSeriesPaint(0, Color.DARK_GRAY);
            pricePlot.setRenderer(0, line);
        }
        combined.add(pricePlot, 3);

        XYSeriesCollection overlays = new XYSeriesCollection();
        XYLineAndShapeRenderer overlayRenderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < ev.names.size(); i++) {
            String name = ev.names.get(i);
            double[] y = values[i].toArray();
            Color color = PALETTE[i % PALETTE.length];
            if (!ev.condition[i] && onPriceScale(ev.plan.roots().get(name), y, price)) {
                overlayRenderer.setSeriesPaint(overlays.getSeriesCount(), color);
                overlayRenderer.setSeriesStroke(overlays.getSeriesCount(), new BasicStroke(1.4f));
                overlays.addSeries(series(name, x, y));
            } else {
                NumberAxis axis = new NumberAxis(name);
                axis.setAutoRangeIncludesZero(false);
                XYPlot sub = new XYPlot(collection(name, x, y), null, axis, null);
                if (ev.condition[i]) {
                    XYStepRenderer steps = new XYStepRenderer();
                    steps.setSeriesPaint(0, color);
                    sub.setRenderer(steps);
                    axis.setRange(-0.1, 1.1);
                    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
                } else {
                    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                    r.setSeriesPaint(0, color);
                    sub.setRenderer(r);
                }
                combined.add(sub, 1);
            }
        }
        if (overlays.getSeriesCount() > 0) {
            pricePlot.setDataset(1, overlays);
            pricePlot.setRenderer(1, overlayRenderer);
        }
        for (Object p : combined.getSubplots()) {
            XYPlot plot = (XYPlot) p;
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
        }
        JFreeChart chart = new JFreeChart(title(table.source()), new Font(Font.SANS_SERIF, Font.BOLD, 16), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        } catch (IOException e) {
            throw new OutputFailure("the chart " + file, e);
        }
    }

    /** Whether a numeric root belongs on the price axis: it tracks the price bar by bar. */
    static boolean onPriceScale(Ref root, double[] y, double[] price) {
        if (root.node() instanceof Node.Kernel k && OWN_SCALE.contains(k.descriptor().family())) {
            return false;
        }
        double[] ratios = new double[y.length];
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(price[i]) && price[i] != 0) {
                ratios[n++] = Math.abs(y[i] / price[i] - 1);
            }
        }
        if (n == 0) {
            return false;
        }
        java.util.Arrays.sort(ratios, 0, n);
        return ratios[n / 2] < 0.5;
    }

    private static double[] column(CsvBars t, String name, int[] rows) {
        int k = t.columns().indexOf(name);
        double[] out = new double[rows == null ? t.rows() : rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.value(k, rows == null ? i : rows[i]);
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, Double.NaN);
        return a;
    }

    private static String title(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], Double.isFinite(y[i]) ? y[i] : Double.NaN, false);
        }
        return s;
    }

    private static XYSeriesCollection collection(String name, double[] x, double[] y) {
        return new XYSeriesCollection(series(name, x, y));
    }
}
