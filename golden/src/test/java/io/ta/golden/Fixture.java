package io.ta.golden;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A fixture file: header {@code bar,<output names>}, then one row per input bar; a warm-up or undefined cell is
 * empty, every other cell is the reference value in a form that parses back to the exact double (17 significant digits
 * or the shortest round trip). Fixtures are stored gzip-compressed ({@code .csv.gz}); {@link #lines} reads either form.
 *
 * @param outputs the output names, in the kernel's order
 * @param values one column per output, one value per bar (NaN for an empty cell)
 */
public record Fixture(List<String> outputs, double[][] values) {

    /**
     * Reads a fixture.
     *
     * @param file a {@code .csv} or gzip-compressed {@code .csv.gz} fixture
     * @return its outputs and values
     */
    public static Fixture read(Path file) {
        try {
            List<String> lines = lines(file);
            String[] header = lines.get(0).split(",", -1);
            List<String> outs = List.of(header).subList(1, header.length);
            int n = lines.size() - 1;
            double[][] v = new double[outs.size()][n];
            for (int r = 0; r < n; r++) {
                String[] cells = lines.get(r + 1).split(",", -1);
                for (int o = 0; o < outs.size(); o++) {
                    v[o][r] = cells[o + 1].isEmpty() ? Double.NaN : Double.parseDouble(cells[o + 1]);
                }
            }
            return new Fixture(outs, v);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException(file + ": not a fixture (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The text lines of a file, gunzipped when it starts with the gzip magic number — so a fixture reads the same
     * compressed or not.
     *
     * @param file the file
     * @return its lines
     */
    static List<String> lines(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw,
                    StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
