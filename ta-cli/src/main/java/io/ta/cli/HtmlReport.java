package io.ta.cli;

import io.ta.annotation.Chart;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The interactive report: one HTML file holding the figure as JSON, TradingView's Lightweight Charts (vendored, see
 * {@code report/PROVENANCE.md}) and {@code report/report.js}, all inline, so it opens offline. Its content security
 * policy forbids every network request, so a page that tried one would show it as an error.
 *
 * <p>For a headless browser (and its test) the page keeps {@code window.__taReport} — errors, the series defined and
 * drawn, the ink in each panel — and writes it into {@code #ta-status} once drawn.
 */
final class HtmlReport {
    private HtmlReport() {}

    /** Loaded once: the library is 190 KB. */
    private static final class Assets {
        static final String LIBRARY = resource("report/lightweight-charts.standalone.production.js");
        static final String SCRIPT = resource("report/report.js");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("ta-cli resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page for {@code f}; the chart is {@code height} pixels high and as wide as the window. */
    static String page(Figure f, int height) {
        StringBuilder sb = new StringBuilder(capacity(f.n, lines(f)));
        String subtitle = f.span() + (f.panels.getFirst().log() ? " · log scale" : "");
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; ")
                .append("style-src 'unsafe-inline'; img-src data: blob:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        escape(sb, f.title);
        sb.append("</title>\n<style>\n")
                .append("body{margin:0;font:13px/1.4 -apple-system,'Segoe UI','DejaVu Sans',Helvetica,Arial,sans-serif;color:#212121;background:#fff}\n")
                .append("header{padding:8px 12px 4px}h1{display:inline;font-size:15px;margin:0 10px 0 0}.sub,.hint{color:#607d8b}\n")
                .append(".hint{float:right;font-size:12px}#chart{position:relative;height:").append(height).append("px;margin:0 4px}\n")
                .append(".legend{position:absolute;left:8px;z-index:3;pointer-events:none;font-size:12px;background:rgba(255,255,255,.85);")
                .append("padding:1px 4px;border-radius:3px;white-space:nowrap}\n")
                .append(".legend b{margin-right:8px}.legend .item{margin-right:12px}.legend .when{margin-right:12px;color:#607d8b}\n")
                .append(".legend .v{font-variant-numeric:tabular-nums}\n")
                .append(".sw{display:inline-block;width:10px;height:3px;margin:0 4px 3px 0}\n")
                .append(".tri{display:inline-block;width:0;height:0;border:5px solid transparent;margin:0 4px 0 0}\n")
                .append(".tri.up{border-top:0;border-bottom-width:9px}.tri.down{border-bottom:0;border-top-width:9px}\n")
                // A label or panel title holding a right-to-left override must not turn the values after it around.
                .append(".legend b,.legend .when{unicode-bidi:isolate}\n")
                .append("#ta-status{display:none}\n</style>\n")
                // Before the library, so its errors are caught too.
                .append("<script>window.__taReport={ready:false,series:0,drawn:0,errors:[]};")
                .append("window.addEventListener('error',function(e){window.__taReport.errors.push(String(e.message||e));});")
                .append("window.addEventListener('unhandledrejection',function(e){window.__taReport.errors.push('unhandled: '+e.reason);});")
                .append("document.addEventListener('securitypolicyviolation',function(e){")
                .append("window.__taReport.errors.push('blocked by the content security policy: '+e.blockedURI+' ('+e.violatedDirective+')');});")
                .append("(function(){var ce=console.error;console.error=function(){")
                .append("window.__taReport.errors.push(Array.prototype.join.call(arguments,' '));ce.apply(console,arguments);};})();")
                .append("</script>\n</head>\n<body>\n<header><h1>");
        escape(sb, f.title);
        sb.append("</h1><span class=\"sub\">");
        escape(sb, subtitle);
        sb.append("</span><span class=\"hint\">wheel: zoom · drag: pan · double-click an axis: reset</span></header>\n")
                .append("<div id=\"chart\"></div>\n<pre id=\"ta-status\"></pre>\n")
                .append("<script type=\"application/json\" id=\"ta-data\">");
        json(sb, f);
        sb.append("</script>\n<script>\n").append(Assets.LIBRARY).append("\n</script>\n<script>\n").append(Assets.SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * The page's length, about: the library, and some ten characters per value (a time, open, high, low, close and
     * each line's). Counted in longs: 2,000,000 bars of 14 lines at 64 characters a value came to a negative int.
     */
    static int capacity(int n, int lines) {
        return (int) Math.min(1L << 30, Assets.LIBRARY.length() + 16_384 + 12L * n * (5 + lines));
    }

    private static int lines(Figure f) {
        int k = 0;
        for (Figure.Panel p : f.panels) {
            k += p.lines().size();
        }
        return k;
    }

    /**
     * The figure as JSON; missing values are null; times are wall-clock seconds in the figure's zone, which the chart
     * shows as they are.
     */
    static void json(StringBuilder sb, Figure f) {
        sb.append("{\"n\":").append(f.n).append(",\"candlePx\":").append(num(Painter.CANDLE_PX)).append(",\"zone\":");
        string(sb, f.zone.normalized().equals(java.time.ZoneOffset.UTC) ? "Z" : " " + f.zone.getId());
        sb.append(",\"times\":");
        if (f.times == null || !scriptTimes(f.times)) {
            sb.append("null,\"labels\":[");
            for (int i = 0; i < f.n; i++) {
                sb.append(i == 0 ? "" : ",");
                string(sb, f.times == null ? f.labels[i] : Ticks.when(f.times[i], f.zone));
            }
            sb.append("],\"intraday\":false");
        } else {
            sb.append('[');
            boolean intraday = false;
            for (int i = 0; i < f.n; i++) {
                sb.append(i == 0 ? "" : ",").append(Math.floorDiv(f.times[i], 1000));
                intraday |= Math.floorMod(f.times[i], 86_400_000L) != 0;
            }
            sb.append("],\"labels\":null,\"intraday\":").append(intraday);
        }
        sb.append(",\"price\":{\"name\":");
        string(sb, f.priceName);
        sb.append(",\"style\":\"").append(f.priceStyle.name().toLowerCase(Locale.ROOT)).append('"');
        sb.append(",\"open\":");
        array(sb, f.open);
        sb.append(",\"high\":");
        array(sb, f.high);
        sb.append(",\"low\":");
        array(sb, f.low);
        sb.append(",\"close\":");
        array(sb, f.close);
        sb.append("},\"panels\":[");
        for (int p = 0; p < f.panels.size(); p++) {
            Figure.Panel panel = f.panels.get(p);
            sb.append(p == 0 ? "" : ",").append("{\"title\":");
            string(sb, panel.title());
            sb.append(",\"log\":").append(panel.log()).append(",\"min\":").append(num(panel.min())).append(",\"max\":").append(num(panel.max()))
                    .append(",\"guides\":[");
            for (int g = 0; g < panel.guides().size(); g++) {
                sb.append(g == 0 ? "" : ",").append(num(panel.guides().get(g)));
            }
            sb.append("],\"lines\":[");
            for (int l = 0; l < panel.lines().size(); l++) {
                Figure.Line line = panel.lines().get(l);
                sb.append(l == 0 ? "" : ",").append("{\"name\":");
                string(sb, line.name());
                sb.append(",\"style\":\"").append(style(line.style())).append("\",\"color\":\"").append(hex(line.color())).append("\",\"y\":");
                array(sb, line.y());
                sb.append('}');
            }
            sb.append("]}");
        }
        sb.append("],\"markers\":[");
        for (int m = 0; m < f.markers.size(); m++) {
            Figure.Markers mk = f.markers.get(m);
            sb.append(m == 0 ? "" : ",").append("{\"name\":");
            string(sb, mk.name());
            sb.append(",\"color\":\"").append(hex(mk.color())).append("\",\"at\":[");
            for (int i = 0; i < mk.at().length; i++) {
                sb.append(i == 0 ? "" : ",").append(mk.at()[i]);
            }
            sb.append("],\"above\":[");
            for (int i = 0; i < mk.above().length; i++) {
                sb.append(i == 0 ? "" : ",").append(mk.above()[i]);
            }
            sb.append("]}");
        }
        sb.append("]}");
    }

    /**
     * Whether a browser can show these times: a JavaScript Date ends 100,000,000 days from 1970 (year 275760), and a
     * time past it threw in the chart's date formatting, so the page never drew. Beyond it the bars are labelled.
     */
    private static boolean scriptTimes(long[] times) {
        long limit = 8_640_000_000_000_000L;
        for (long t : times) {
            if (t < -limit || t > limit) {
                return false;
            }
        }
        return true;
    }

    private static String style(Chart.Style s) {
        return switch (s) {
            case STEP -> "step";
            case HISTOGRAM -> "histogram";
            case DOTS -> "dots";
            default -> "line";
        };
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static void array(StringBuilder sb, double[] a) {
        if (a == null) {
            sb.append("null");
            return;
        }
        sb.append('[');
        for (int i = 0; i < a.length; i++) {
            sb.append(i == 0 ? "" : ",").append(num(a[i]));
        }
        sb.append(']');
    }

    /**
     * A number for the chart: eight significant digits, which is more than a chart can show and keeps the file small;
     * {@code null} when missing.
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == 0) {
            return "0";
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = 7 - exp;
        // Dividing an integer by an exact power of ten gives the double nearest the short decimal, which prints short.
        if (decimals > 0 && decimals <= 22) {
            double scale = Math.pow(10, decimals);
            v = Math.round(v * scale) / scale;
        } else if (decimals < 0 && decimals >= -22) {
            double scale = Math.pow(10, -decimals);
            v = Math.round(v / scale) * scale;
        }
        String s = Double.toString(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                // Inside a script element "</script" ends it and "<!--" followed by "<script" hides every later
                // "</script>" from the parser (a label "<!--<script>" swallowed the rest of the page): no '<' at all.
                case '<' -> sb.append("\\u003c");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }
}
