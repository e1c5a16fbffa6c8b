package io.ta.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSV data file of {@code golden/data} as named numeric columns (non-numeric columns are skipped). */
public record Dataset(String name, Map<String, double[]> columns, int rows) {

    /** {@code ttrc}, {@code eu}, or {@code candles} (the generated candlestick data of {@code talib06/}). */
    public static Dataset load(String name) {
        return LOADED.computeIfAbsent(name, Dataset::parse);
    }

    /** Every dataset read so far: the parity tests load the same two files hundreds of times. */
    private static final Map<String, Dataset> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    private static Dataset parse(String name) {
        Path file = switch (name) {
            case "ttrc" -> Golden.path("data", "ttrc-daily.csv");
            case "eu" -> Golden.path("data", "eu-stock-closes.csv");
            case "candles" -> Golden.path("talib06", "synthetic-candles.csv");
            default -> throw new IllegalArgumentException("unknown dataset " + name);
        };
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",");
            List<double[]> cols = new ArrayList<>();
            int n = lines.size() - 1;
            for (int c = 0; c < header.length; c++) {
                cols.add(new double[n]);
            }
            boolean[] numeric = new boolean[header.length];
            java.util.Arrays.fill(numeric, true);
            for (int r = 0; r < n; r++) {
                String[] cells = lines.get(r + 1).split(",");
                for (int c = 0; c < header.length; c++) {
                    try {
                        cols.get(c)[r] = Double.parseDouble(cells[c]);
                    } catch (NumberFormatException e) {
                        numeric[c] = false;
                    }
                }
            }
            Map<String, double[]> m = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                if (numeric[c]) {
                    m.put(header[c], cols.get(c));
                }
            }
            return new Dataset(name, m, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException(this.name + " has no column " + name);
        }
        return c.clone();
    }
}
