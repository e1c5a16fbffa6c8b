package io.ta.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The few drawing operations a chart needs, so one {@link Painter} draws both the PNG ({@link Raster}, Java2D) and the
 * SVG ({@link Svg}, text). Coordinates are pixels from the top left; text is measured with the same font for both.
 */
sealed interface Canvas permits Canvas.Raster, Canvas.Svg {
    /** Text alignment relative to the given x. */
    enum Align { LEFT, CENTER, RIGHT }

    void line(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed);

    /** A polyline through {@code (xs[i], ys[i])} for i in {@code [from, to)}. */
    void polyline(double[] xs, double[] ys, int from, int to, Color c, float width);

    /** A filled rectangle, snapped to whole pixels so candle bodies stay crisp. */
    void rect(double x, double y, double w, double h, Color fill);

    void polygon(double[] xs, double[] ys, Color fill);

    void dot(double x, double y, double r, Color fill);

    /** Text with its baseline at {@code y}. */
    void text(String s, double x, double y, float size, boolean bold, Color c, Align align);

    /** Limits drawing to a rectangle until {@link #unclip}. */
    void clip(double x, double y, double w, double h);

    void unclip();

    /** The width of {@code s} in pixels. */
    static double textWidth(String s, float size, boolean bold) {
        return Metrics.FM[bold ? 1 : 0].stringWidth(s) * size / Metrics.SIZE;
    }

    /** Font metrics, measured once at a reference size. */
    final class Metrics {
        static final float SIZE = 100f;
        static final String FAMILY = Font.SANS_SERIF;
        static final FontMetrics[] FM;

        static {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            FM = new FontMetrics[] {g.getFontMetrics(new Font(FAMILY, Font.PLAIN, (int) SIZE)), g.getFontMetrics(new Font(FAMILY, Font.BOLD, (int) SIZE))};
            g.dispose();
        }

        private Metrics() {}
    }

    /** Draws into an image. */
    final class Raster implements Canvas {
        final BufferedImage image;
        private final Graphics2D g;

        Raster(int width, int height) {
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed) {
            g.setColor(c);
            g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f)
                    : new BasicStroke(width));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polyline(double[] xs, double[] ys, int from, int to, Color c, float width) {
            if (to - from < 2) {
                return;
            }
            Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO, to - from);
            p.moveTo(xs[from], ys[from]);
            for (int i = from + 1; i < to; i++) {
                p.lineTo(xs[i], ys[i]);
            }
            g.setColor(c);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(p);
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            g.setColor(fill);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            long x0 = Math.round(x);
            long y0 = Math.round(y);
            g.fill(new Rectangle2D.Double(x0, y0, Math.max(1, Math.round(x + w) - x0), Math.max(1, Math.round(y + h) - y0)));
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                p.lineTo(xs[i], ys[i]);
            }
            p.closePath();
            g.setColor(fill);
            g.fill(p);
        }

        @Override
        public void dot(double x, double y, double r, Color fill) {
            g.setColor(fill);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        @Override
        public void text(String s, double x, double y, float size, boolean bold, Color c, Align align) {
            g.setFont(new Font(Metrics.FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size));
            double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
            double left = switch (align) {
                case LEFT -> x;
                case CENTER -> x - w / 2;
                case RIGHT -> x - w;
            };
            g.setColor(c);
            g.drawString(s, (float) left, (float) y);
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            g.setClip(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void unclip() {
            g.setClip(null);
        }
    }

    /** Writes SVG elements. */
    final class Svg implements Canvas {
        private final StringBuilder sb = new StringBuilder(1 << 16);
        private final int width;
        private final int height;
        private int clips;
        private boolean clipped;

        Svg(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** The document. */
        String document() {
            if (clipped) {
                unclip();
            }
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\""
                    + height + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + sb + "</svg>\n";
        }

        private static String n(double v) {
            double r = Math.round(v * 10) / 10.0;
            return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
        }

        private static String color(Color c) {
            String hex = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
            return c.getAlpha() == 255 ? "\"" + hex + "\"" : "\"" + hex + "\" fill-opacity=\"" + String.format(Locale.ROOT, "%.2f", c.getAlpha() / 255.0) + "\"";
        }

        private static String stroke(Color c) {
            String hex = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
            return c.getAlpha() == 255 ? "\"" + hex + "\"" : "\"" + hex + "\" stroke-opacity=\"" + String.format(Locale.ROOT, "%.2f", c.getAlpha() / 255.0) + "\"";
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed) {
            sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"")
                    .append(n(y2)).append("\" stroke=").append(stroke(c)).append(" stroke-width=\"").append(n(width)).append('"');
            if (dashed) {
                sb.append(" stroke-dasharray=\"4 4\"");
            }
            sb.append("/>\n");
        }

        @Override
        public void polyline(double[] xs, double[] ys, int from, int to, Color c, float width) {
            if (to - from < 2) {
                return;
            }
            sb.append("<polyline fill=\"none\" stroke=").append(stroke(c)).append(" stroke-width=\"").append(n(width))
                    .append("\" stroke-linejoin=\"round\" points=\"");
            for (int i = from; i < to; i++) {
                sb.append(i == from ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
            }
            sb.append("\"/>\n");
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            long x0 = Math.round(x);
            long y0 = Math.round(y);
            sb.append("<rect x=\"").append(x0).append("\" y=\"").append(y0).append("\" width=\"").append(Math.max(1, Math.round(x + w) - x0))
                    .append("\" height=\"").append(Math.max(1, Math.round(y + h) - y0)).append("\" fill=").append(color(fill))
                    .append(" shape-rendering=\"crispEdges\"/>\n");
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            sb.append("<polygon fill=").append(color(fill)).append(" points=\"");
            for (int i = 0; i < xs.length; i++) {
                sb.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
            }
            sb.append("\"/>\n");
        }

        @Override
        public void dot(double x, double y, double r, Color fill) {
            sb.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(r)).append("\" fill=")
                    .append(color(fill)).append("/>\n");
        }

        @Override
        public void text(String s, double x, double y, float size, boolean bold, Color c, Align align) {
            sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size)).append('"');
            if (bold) {
                sb.append(" font-weight=\"bold\"");
            }
            if (align != Align.LEFT) {
                sb.append(" text-anchor=\"").append(align == Align.CENTER ? "middle" : "end").append('"');
            }
            sb.append(" fill=").append(color(c)).append('>');
            escape(s);
            sb.append("</text>\n");
        }

        /**
         * Text as XML character data. XML 1.0 cannot hold control characters (not even as references), U+FFFE, U+FFFF
         * or a lone surrogate, and labels and titles are the user's text: a control character is written as
         * {@code \x01}, as messages write it, the others as U+FFFD.
         */
        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '<' -> sb.append("&lt;");
                    case '>' -> sb.append("&gt;");
                    case '&' -> sb.append("&amp;");
                    case '"' -> sb.append("&quot;");
                    default -> {
                        if (ch < 0x20 || ch >= 0x7F && ch <= 0x9F) {
                            sb.append(String.format(Locale.ROOT, "\\x%02X", (int) ch));
                        } else if (ch == 0xFFFE || ch == 0xFFFF) {
                            sb.append('\uFFFD');
                        } else if (Character.isSurrogate(ch)) {
                            boolean pair = Character.isHighSurrogate(ch) && i + 1 < s.length()
                                    && Character.isLowSurrogate(s.charAt(i + 1));
                            sb.append(pair ? s.substring(i, ++i + 1) : "\uFFFD");
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
        }

        @Override
        public void clip(double x, double y, double w, double h) {
            if (clipped) {
                unclip();
            }
            int id = ++clips;
            sb.append("<clipPath id=\"c").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n<g clip-path=\"url(#c").append(id).append(")\">\n");
            clipped = true;
        }

        @Override
        public void unclip() {
            if (clipped) {
                sb.append("</g>\n");
                clipped = false;
            }
        }
    }
}
