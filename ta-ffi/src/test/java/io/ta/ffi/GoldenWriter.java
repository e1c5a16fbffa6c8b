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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <li>{@code times.i64}: each bar's close time, its date at midnight UTC in epoch milliseconds (little-endian
 *       int64). {@code timed.tsv}: {@code id, zone, then name=expression per result}: plans that read those times
 *       (ABI 1.1), compiled in the zone ({@code -}: none given, UTC) and written as {@code timed-<id>-…} with the
 *       files of a plan; the stream protocol passes bar t's time to preview and update, and
 *       {@code timed-<id>-time.i64} holds the stream's {@code time()} after each of the three calls (t × 3 + call).
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

    /**
     * Plans that read bar times, each with its zone ("-": none, UTC by default): timeframes of weeks and months, a
     * wall-clock lag, sessions, and one plan in a zone other than UTC, whose values must differ from the same plan's
     * in UTC (checked when writing).
     */
    static final List<List<String>> TIMED = List.of(
            List.of("-", "weekly=sma(close, 5)@1w", "monthly=rsi(close, 14)@1M"),
            List.of("UTC", "lag=change_pct(close, '3d')", "high=session_high('1w')", "vwap=anchored_vwap('1M')"),
            List.of("America/New_York", "weekly=sma(close, 5)@1w", "start=session_start('1w')",
                    "back=shift(close, '2d')"));

    private GoldenWriter() {}

    /** {@code GoldenWriter <ttrc-daily.csv> <output dir>}. */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Map<String, double[]> cols = readCsv(csv);
        long[] times = readTimes(csv);
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
            plan("plan-" + p, PLANS.get(p), ZoneOffset.UTC, null, cols, n, out);
            plans.append(p).append('\t').append(String.join("\t", PLANS.get(p))).append('\n');
        }
        Files.writeString(out.resolve("plans.tsv"), plans);

        write(out.resolve("times.i64"), times);
        StringBuilder timed = new StringBuilder();
        for (int p = 0; p < TIMED.size(); p++) {
            List<String> t = TIMED.get(p);
            ZoneId zone = t.get(0).equals("-") ? ZoneOffset.UTC : ZoneId.of(t.get(0));
            double[][] run = plan("timed-" + p, t.subList(1, t.size()), zone, times, cols, n, out);
            if (!zone.normalized().equals(ZoneOffset.UTC) && Arrays.deepEquals(run,
                    plan(null, t.subList(1, t.size()), ZoneOffset.UTC, times, cols, n, out))) {
                throw new IllegalStateException("timed plan " + p + " gives the same values in UTC: it cannot tell "
                        + "whether a caller passed its zone " + zone);
            }
            timed.append(p).append('\t').append(String.join("\t", t)).append('\n');
        }
        Files.writeString(out.resolve("timed.tsv"), timed);
        System.out.println("ffi golden: " + id + " batches, " + PLANS.size() + " plans, " + TIMED.size()
                + " timed plans over " + n + " bars in " + out);
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

    /**
     * Writes a plan's files under {@code prefix} (none when null: the run only) and returns its run. With
     * {@code times} the bars carry them and the stream is given them; {@code prefix-time.i64} records its time().
     */
    private static double[][] plan(String prefix, List<String> roots, ZoneId zone, long[] times,
            Map<String, double[]> cols, int n, Path out) throws IOException {
        Map<String, String> exprs = new LinkedHashMap<>();
        for (String r : roots) {
            String[] kv = r.split("=", 2);
            exprs.put(kv[0], kv[1]);
        }
        Plan plan = Plan.compile(exprs, Registry.standard(), zone);
        Bars.Builder b = Bars.builder().time(times);
        COLUMNS.forEach(c -> b.column(c, cols.get(c)));
        PlanResult run = plan.run(b.build());
        List<String> names = List.copyOf(plan.roots().keySet());
        double[][] runOut = new double[names.size()][];
        for (int r = 0; r < names.size(); r++) {
            runOut[r] = run.get(names.get(r)).toArray();
        }
        if (prefix == null) {
            return runOut;
        }
        write(out.resolve(prefix + "-run.f64"), runOut);

        int k = names.size();
        double[] preview = new double[n * k];
        double[] wrong = new double[n * k];
        double[] stream = new double[n * k];
        long[] clock = new long[n * 3];
        PlanStream s = plan.stream();
        List<String> columns = plan.columns();
        double[] bar = new double[columns.size()];
        for (int t = 0; t < n; t++) {
            if (t == n / 2) {
                Files.write(out.resolve(prefix + "-snapshot.bin"), s.snapshot().toBytes());
            }
            fill(bar, columns, cols, t, 1.01);
            if (times == null) {
                s.preview(bar);
            } else {
                s.preview(times[t], bar);
                clock[3 * t] = s.time();
            }
            record(s, names, preview, t);
            fill(bar, columns, cols, t, 0.99);
            if (times == null) {
                s.update(bar);
            } else {
                s.update(times[t], bar);
                clock[3 * t + 1] = s.time();
            }
            record(s, names, wrong, t);
            fill(bar, columns, cols, t, 1.0);
            s.replaceLast(bar);
            if (times != null) {
                clock[3 * t + 2] = s.time();
            }
            record(s, names, stream, t);
        }
        write(out.resolve(prefix + "-preview.f64"), preview);
        write(out.resolve(prefix + "-wrong.f64"), wrong);
        write(out.resolve(prefix + "-stream.f64"), stream);
        if (times != null) {
            write(out.resolve(prefix + "-time.i64"), clock);
        }
        return runOut;
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

    /** Each row's date at midnight UTC, in epoch milliseconds. */
    static long[] readTimes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int column = List.of(lines.get(0).split(",")).indexOf("date");
        long[] times = new long[lines.size() - 1];
        for (int i = 0; i < times.length; i++) {
            String date = lines.get(i + 1).split(",")[column];
            times[i] = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return times;
    }

    private static void write(Path file, long[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buf.putLong(v);
        }
        Files.write(file, buf.array());
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
