package io.ta.ffi;

import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what every foreign test of libta (C, Python, Node) must reproduce bit for bit, computed here by the Java API
 * on real data ({@code golden/data/ttrc-daily.csv}): the input columns, every registered kernel's batch with its
 * defaults, batches with chosen parameters (ints, reals, choices, booleans, a selector), and plans run in batch and
 * streamed with preview, replace-last and a snapshot half way.
 *
 * <p>Layout of the output directory (all numbers little-endian IEEE 754 doubles):
 * <ul>
 *   <li>{@code meta.txt}: {@code bars N}; {@code <column>.f64}: the columns open, high, low, close, volume.
 *   <li>{@code batch.tsv}: {@code id, kernel, params, inputs, outputs, lookback}; params {@code name=value} joined by
 *       {@code ;} (a value that parses as a number is numeric — booleans are written 1/0 as the ABI takes them — any
 *       other is a choice); inputs are column names joined by {@code ,}. {@code batch-<id>.f64}: the outputs one after
 *       another, N values each.
 *   <li>{@code plans.tsv}: {@code id, then name=expression per result}. {@code plan-<id>-run.f64}: the plan run, one
 *       result after another. Streamed bar by bar with this protocol per bar t — preview(bar × 1.01), update(bar ×
 *       0.99), replaceLast(bar) — {@code plan-<id>-preview.f64}, {@code -wrong.f64}, {@code -stream.f64} hold every
 *       result's value after each call (bar-major: t × results + r). {@code plan-<id>-snapshot.bin}: the stream's
 *       snapshot after bars [0, N/2).
 * </ul>
 *
 * <p>Inputs of a kernel come from the columns by name (open, high, low, close, volume); the i-th input with any other
 * name (x, y, a, b, price, upper, lower, periods, ...) takes the i-th of close, open, high, low, volume (cycling). Any
 * input is as good as another for parity: the point is that C and Java agree bit for bit.
 */
public final class GoldenWriter {
    static final List<String> COLUMNS = List.of("open", "high", "low", "close", "volume");
    private static final List<String> GENERIC = List.of("close", "open", "high", "low", "volume");

    /** Batches with chosen parameters: kernel, then {@code name=value} pairs. */
    static final List<List<String>> BATCHES = List.of(
            List.of("rsi", "period=14"),
            List.of("rsi", "period=2"),
            List.of("macd", "fast_period=5", "slow_period=35", "signal_period=5"),
            List.of("bbands", "period=10", "std_dev=1.5"),
            List.of("bb_upper", "period=10", "std_dev=1.5"),
            List.of("ma", "period=10", "ma_type=EMA"),
            List.of("ma", "period=10", "ma_type=t3"),
            List.of("swing_points", "left=3", "right=1", "allow_equal_extremes=1"),
            List.of("atr", "period=5"));

    /** Plans: each a list of {@code name=expression}. */
    static final List<List<String>> PLANS = List.of(
            List.of("value=rsi(close, 14) < 30 and close > sma(close, 200)"),
            List.of("rsi=rsi(close, 14)", "upper=bbands(close, 20, 2.0).upper", "signal=macd(close, 12, 26, 9).signal",
                    "atr=atr(high, low, close, 14)", "obv=obv(close, volume)"),
            List.of("spread=ema(close, 20) - ema(close, 50)", "wide=abs(ema(close, 20) - ema(close, 50)) > 0.05 * close"));

    private GoldenWriter() {}

    /** {@code GoldenWriter <ttrc-daily.csv> <output dir>}. */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Map<String, double[]> cols = readCsv(csv);
        int n = cols.get("close").length;
        Files.writeString(out.resolve("meta.txt"), "bars " + n + "\n");
        for (String c : COLUMNS) {
            write(out.resolve(c + ".f64"), cols.get(c));
        }
        Registry registry = Registry.standard();
        StringBuilder tsv = new StringBuilder("id\tkernel\tparams\tinputs\toutputs\tlookback\n");
        int id = 0;
        for (KernelDescriptor d : registry.kernels()) {
            id = batch(registry, d.name(), List.of(), cols, out, tsv, id);
        }
        for (List<String> b : BATCHES) {
            id = batch(registry, b.get(0), b.subList(1, b.size()), cols, out, tsv, id);
        }
        Files.writeString(out.resolve("batch.tsv"), tsv);

        StringBuilder plans = new StringBuilder();
        for (int p = 0; p < PLANS.size(); p++) {
            plan(p, PLANS.get(p), cols, n, out);
            plans.append(p).append('\t').append(String.join("\t", PLANS.get(p))).append('\n');
        }
        Files.writeString(out.resolve("plans.tsv"), plans);
        System.out.println("ffi golden: " + id + " batches, " + PLANS.size() + " plans over " + n + " bars in " + out);
    }

    private static int batch(Registry registry, String name, List<String> params, Map<String, double[]> cols, Path out,
            StringBuilder tsv, int id) throws IOException {
        Registry.Entry e = registry.resolve(name);
        KernelDescriptor d = e.kernel();
        Map<String, Object> given = new LinkedHashMap<>();
        for (String p : params) {
            String[] kv = p.split("=", 2);
            ParamSpec spec = d.params().stream().filter(s -> s.name().equals(kv[0])).findFirst().orElseThrow();
            given.put(kv[0], switch (spec.type()) {
                case INT, REAL -> Double.parseDouble(kv[1]);
                case BOOL -> kv[1].equals("1");
                case CHOICE -> kv[1];
            });
        }
        ParamValues values = ParamValues.of(d, given);
        List<String> inputs = new ArrayList<>();
        double[][] in = new double[d.inputs().size()][];
        for (int i = 0; i < in.length; i++) {
            String input = d.inputs().get(i);
            String column = COLUMNS.contains(input) ? input : GENERIC.get(i % GENERIC.size());
            inputs.add(column);
            in[i] = cols.get(column);
        }
        double[][] all = d.batch(values, in);
        double[][] outs = e.isSelector() ? new double[][] {all[e.output()]} : all;
        write(out.resolve("batch-" + id + ".f64"), outs);
        StringBuilder ps = new StringBuilder();
        for (String p : params) {
            String[] kv = p.split("=", 2);
            boolean bool = d.params().stream().anyMatch(s -> s.name().equals(kv[0]) && s.type() == ParamType.BOOL);
            ps.append(ps.isEmpty() ? "" : ";").append(kv[0]).append('=').append(bool ? (kv[1].equals("1") ? "1" : "0") : kv[1]);
        }
        tsv.append(id).append('\t').append(name).append('\t').append(ps).append('\t').append(String.join(",", inputs))
                .append('\t').append(outs.length).append('\t').append(d.lookback(values)).append('\n');
        return id + 1;
    }

    private static void plan(int id, List<String> roots, Map<String, double[]> cols, int n, Path out) throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (String r : roots) {
            String[] kv = r.split("=", 2);
            exprs.put(kv[0], kv[1]);
        }
        Plan plan = Plan.compile(exprs, Registry.standard());
        Bars.Builder b = Bars.builder();
        COLUMNS.forEach(c -> b.column(c, cols.get(c)));
        PlanResult run = plan.run(b.build());
        List<String> names = List.copyOf(plan.roots().keySet());
        double[][] runOut = new double[names.size()][];
        for (int r = 0; r < names.size(); r++) {
            runOut[r] = run.get(names.get(r)).toArray();
        }
        write(out.resolve("plan-" + id + "-run.f64"), runOut);

        int k = names.size();
        double[] preview = new double[n * k];
        double[] wrong = new double[n * k];
        double[] stream = new double[n * k];
        PlanStream s = plan.stream();
        List<String> columns = plan.columns();
        double[] bar = new double[columns.size()];
        for (int t = 0; t < n; t++) {
            if (t == n / 2) {
                Files.write(out.resolve("plan-" + id + "-snapshot.bin"), s.snapshot().toBytes());
            }
            fill(bar, columns, cols, t, 1.01);
            s.preview(bar);
            record(s, names, preview, t);
            fill(bar, columns, cols, t, 0.99);
            s.update(bar);
            record(s, names, wrong, t);
            fill(bar, columns, cols, t, 1.0);
            s.replaceLast(bar);
            record(s, names, stream, t);
        }
        write(out.resolve("plan-" + id + "-preview.f64"), preview);
        write(out.resolve("plan-" + id + "-wrong.f64"), wrong);
        write(out.resolve("plan-" + id + "-stream.f64"), stream);
    }

    private static void fill(double[] bar, List<String> columns, Map<String, double[]> cols, int t, double factor) {
        for (int c = 0; c < bar.length; c++) {
            bar[c] = cols.get(columns.get(c))[t] * factor;
        }
    }

    private static void record(PlanStream s, List<String> names, double[] into, int t) {
        for (int r = 0; r < names.size(); r++) {
            into[t * names.size() + r] = s.value(names.get(r));
        }
    }

    static Map<String, double[]> readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int n = lines.size() - 1;
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            cols.put(c, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (String c : COLUMNS) {
                cols.get(c)[i] = Double.parseDouble(f[header.indexOf(c)]);
            }
        }
        return cols;
    }

    private static void write(Path file, double[]... arrays) throws IOException {
        int total = 0;
        for (double[] a : arrays) {
            total += a.length;
        }
        ByteBuffer buf = ByteBuffer.allocate(total * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] a : arrays) {
            for (double v : a) {
                buf.putDouble(v);
            }
        }
        Files.write(file, buf.array());
    }
}
