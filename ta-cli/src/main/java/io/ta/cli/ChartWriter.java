package io.ta.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import picocli.CommandLine;

/** Writes a {@link Figure} as a PNG or SVG file ({@link Painter}) or as an HTML report ({@link HtmlReport}). */
final class ChartWriter {
    private ChartWriter() {}

    /** Parses {@code WxH}. */
    static int[] size(CommandLine cl, String text) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x", -1);
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

    /** Draws {@code f} into {@code file}. */
    static void image(Figure f, Path file, ChartOptions.Format format, int width, int height) {
        try {
            if (format == ChartOptions.Format.SVG) {
                Canvas.Svg svg = new Canvas.Svg(width, height);
                Painter.paint(f, svg, width, height);
                Files.writeString(file, svg.document(), StandardCharsets.UTF_8);
            } else {
                Canvas.Raster png = new Canvas.Raster(width, height);
                Painter.paint(f, png, width, height);
                try (OutputStream out = Files.newOutputStream(file)) {
                    if (!ImageIO.write(png.image, "png", out)) {
                        throw new IOException("no PNG writer");
                    }
                }
            }
        } catch (IOException e) {
            throw new OutputFailure("the chart " + file, e);
        }
    }

    /** Writes {@code f} as a self-contained HTML report into {@code file}. */
    static void html(Figure f, Path file, int height) {
        try {
            Files.writeString(file, HtmlReport.page(f, height), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputFailure("the report " + file, e);
        }
    }
}
