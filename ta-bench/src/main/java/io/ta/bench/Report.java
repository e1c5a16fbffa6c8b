package io.ta.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result ({@code -rf json}) into the ratio tables of docs/performance.md: each benchmark method named
 * {@code <kernel><Impl>} is compared with its siblings measured in the same run.
 *
 * <p>Usage: {@code java -cp ta-bench/target/benchmarks.jar io.ta.bench.Report result.json}
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws Exception {
        Map<String, double[]> scores = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                String name = o.get("benchmark").getAsString();
                name = name.substring(name.lastIndexOf('.') + 1);
                JsonObject m = o.getAsJsonObject("primaryMetric");
                scores.put(name, new double[] {m.get("score").getAsDouble(), m.get("scoreError").getAsDouble()});
            }
        }
        System.out.println("| benchmark | ns/bar | ± |");
        System.out.println("|---|---:|---:|");
        scores.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", k, v[0], v[1]));
        System.out.println();
        System.out.println("| kernel | ta / TA-Lib | ta / ta4j | ta / arraycopy | stream update / batch | preview / batch |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        double floor = scores.containsKey("copyFloor") ? scores.get("copyFloor")[0] : Double.NaN;
        for (String k : scores.keySet()) {
            if (!k.endsWith("Ta")) {
                continue;
            }
            String kernel = k.substring(0, k.length() - 2);
            double ta = scores.get(k)[0];
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", kernel,
                    ratio(ta, scores.get(kernel + "Talib")), ratio(ta, scores.get(kernel + "Ta4j")),
                    Double.isNaN(floor) ? "–" : String.format(Locale.ROOT, "%.2f×", ta / floor),
                    inverse(scores.get(kernel + "Update"), ta), inverse(scores.get(kernel + "Preview"), ta));
        }
    }

    private static String ratio(double ta, double[] other) {
        return other == null ? "–" : String.format(Locale.ROOT, "%.2f×", ta / other[0]);
    }

    private static String inverse(double[] stream, double batch) {
        return stream == null ? "–" : String.format(Locale.ROOT, "%.2f×", stream[0] / batch);
    }
}
