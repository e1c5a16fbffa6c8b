package io.ta.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixture file: header {@code bar,<output names>}, then one row per input bar; a warm-up or undefined cell is
 * empty, every other cell is {@link Double#toString} of the reference value (exact round trip).
 */
public record Fixture(List<String> outputs, double[][] values) {

    public static Fixture read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) {
        List<String> lines = new ArrayList<>();
        lines.add("bar," + String.join(",", outputs));
        int n = values.length == 0 ? 0 : values[0].length;
        for (int r = 0; r < n; r++) {
            StringBuilder sb = new StringBuilder().append(r);
            for (double[] col : values) {
                sb.append(',');
                if (!Double.isNaN(col[r])) {
                    sb.append(col[r]);
                }
            }
            lines.add(sb.toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
