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
 * Turns a JMH JSON result ({@code -rf json}, ideally with {@code -prof gc}) into the tables of docs/performance.md.
 * Kernel benchmarks named {@code <kernel><Impl>} are compared with their siblings measured in the same run (Ta,
 * Talib, Ta4j, Update, Preview, and the copyFloor memory baseline); PlanBench's fused block sizes are compared with
 * its node-at-a-time row (block = the whole history), with allocation per run from the gc profiler.
 *
 * <p>Usage: {@code java -cp ta-bench/target/benchmarks.jar io.ta.bench.Report result.json}
 */
public final class Report {
    private Report() {}

    /** One benchmark row: ns per bar, its 99.9% error, bytes allocated per bar (NaN without {@code -prof gc}). */
    record Score(double ns, double error, double bytesPerBar) {}

    public static void main(String[] args) throws Exception {
        Map<String, Score> scores = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]))) {
            for (JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                String name = o.get("benchmark").getAsString();
                name = name.substring(name.lastIndexOf('.') + 1);
                if (o.has("params")) {
                    for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("params").entrySet()) {
                        name += "@" + p.getKey() + "=" + p.getValue().getAsString();
                    }
                }
                JsonObject m = o.getAsJsonObject("primaryMetric");
                double alloc = Double.NaN;
                JsonObject secondary = o.getAsJsonObject("secondaryMetrics");
                if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
                    alloc = secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble();
                }
                scores.put(name, new Score(m.get("score").getAsDouble(), m.get("scoreError").getAsDouble(), alloc));
            }
        }
        System.out.println("| benchmark | ns/bar | ± | B/bar |");
        System.out.println("|---|---:|---:|---:|");
        scores.forEach((k, v) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %s |%n", k, v.ns(), v.error(),
                Double.isNaN(v.bytesPerBar()) ? "–" : String.format(Locale.ROOT, "%.3f", v.bytesPerBar())));
        kernels(scores);
        plans(scores);
        candles(scores);
    }

    private static void kernels(Map<String, Score> scores) {
        System.out.println();
        System.out.println("| kernel | ta ns/bar | ta / TA-Lib | ta4j / ta | ta / arraycopy | stream update / batch | "
                + "preview / batch |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        Score floor = scores.get("copyFloor");
        for (String k : scores.keySet()) {
            if (!k.endsWith("Ta")) {
                continue;
            }
            String kernel = k.substring(0, k.length() - 2);
            double ta = scores.get(k).ns();
            Score ta4j = scores.get(kernel + "Ta4j");
            System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %s | %s | %s | %s |%n", kernel, ta,
                    ratio(ta, scores.get(kernel + "Talib")),
                    ta4j == null ? "–" : String.format(Locale.ROOT, "%.0f×", ta4j.ns() / ta),
                    ratio(ta, floor),
                    ratio(scores.get(kernel + "Update"), ta),
                    ratio(scores.get(kernel + "Preview"), ta));
        }
    }

    private static void plans(Map<String, Score> scores) {
        Score whole = scores.get("batch@block=" + MovingAverageBench.N);
        if (whole == null) {
            return;
        }
        System.out.println();
        System.out.println("| plan run | ns/bar | node-at-a-time / this | allocated per 1M-bar run |");
        System.out.println("|---|---:|---:|---:|");
        scores.forEach((k, v) -> {
            if (k.startsWith("batch@block=")) {
                System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f× | %s |%n", k.substring("batch@".length()),
                        v.ns(), whole.ns() / v.ns(), bytes(v.bytesPerBar() * MovingAverageBench.N));
            }
        });
        Score stream = scores.get("stream@block=1024");
        if (stream != null) {
            System.out.printf(Locale.ROOT, "| stream (update per bar) | %.2f | %.2f× | %s |%n", stream.ns(),
                    whole.ns() / stream.ns(), bytes(stream.bytesPerBar() * MovingAverageBench.N));
        }
    }

    /** CandleScanBench: all 61 patterns per bar, each way against TA-Lib's 61 calls; one pattern's stream. */
    private static void candles(Map<String, Score> scores) {
        Score talib = scores.get("talibPatterns");
        if (talib == null) {
            return;
        }
        System.out.println();
        System.out.println("| all 61 candlestick patterns | ns/bar | ± | / TA-Lib |");
        System.out.println("|---|---:|---:|---:|");
        String[][] rows = {
            {"talibPatterns", "TA-Lib, 61 calls"}, {"taPatterns", "ta, 61 kernels"}, {"taScan", "ta cdl_scan, blocks of 4096"},
            {"taScanFull", "ta cdl_scan, 61 full outputs"}, {"taScanUpdate", "ta cdl_scan stream, update per bar"}};
        for (String[] r : rows) {
            Score v = scores.get(r[0]);
            if (v != null) {
                System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f× |%n", r[1], v.ns(), v.error(), v.ns() / talib.ns());
            }
        }
        Score batch = scores.get("taEngulfing");
        if (batch != null) {
            System.out.printf(Locale.ROOT, "%nengulfing: ta %.2f ns/bar, %s TA-Lib; stream update %s batch%n", batch.ns(),
                    ratio(batch.ns(), scores.get("talibEngulfing")), ratio(scores.get("taEngulfingUpdate"), batch.ns()));
        }
    }

    private static String ratio(double ta, Score other) {
        return other == null ? "–" : String.format(Locale.ROOT, "%.2f×", ta / other.ns());
    }

    private static String ratio(Score stream, double batch) {
        return stream == null ? "–" : String.format(Locale.ROOT, "%.2f×", stream.ns() / batch);
    }

    private static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "–";
        }
        if (b >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", b / (1 << 20));
        }
        return b >= 1 << 10 ? String.format(Locale.ROOT, "%.1f KB", b / (1 << 10)) : String.format(Locale.ROOT, "%.0f B", b);
    }
}
