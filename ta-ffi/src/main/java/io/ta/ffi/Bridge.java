package io.ta.ffi;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.TaException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.RegistryConflictException;
import io.ta.runtime.dsl.ExpressionException;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.KernelStream;
import io.ta.spi.Names;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The only Java class {@code libta} calls: every use of the Java API by the C ABI goes through these static methods,
 * whose signatures hold only primitives, arrays, {@code String}s, {@link ByteBuffer}s and opaque {@code Object}
 * handles. When the Java API changes shape, this file is the one to adapt; {@code ta_engine.c} knows the method names
 * and JNI signatures below and nothing else of Java.
 *
 * <p>Strings cross the boundary as UTF-8 {@code byte[]} in both directions (JNI's own string functions speak
 * "modified UTF-8", which differs from UTF-8 for characters outside the Basic Multilingual Plane). Failures are
 * thrown as they are; the C side classifies them with {@link #status(Throwable)} and reads {@link #message(Throwable)}
 * and {@link #position(Throwable)}.
 *
 * <p>Handles returned as {@code Object} ({@code Plan}, a batch job, a stream) are held by the C side as JNI global
 * references and released by it; this class keeps no table of them, so a freed handle is ordinary garbage.
 *
 * <p>Methods marked "ABI 1.1" serve the functions of version node {@code TA_1.1} (bar times and zones). A libta looks
 * them up without requiring them, so it still starts with a jar of ABI 1.0 (only its 1.1 functions then fail); the
 * others keep their signatures for a libta of ABI 1.0 running this jar.
 */
public final class Bridge {
    /** The C ABI major version this class implements; {@code libta} refuses to start against another. */
    public static final int ABI = 1;

    /** Status codes, identical to {@code ta_status} in {@code ta_engine.h}. */
    static final int OK = 0;
    static final int INVALID_PARAMETER = 1;
    static final int SHAPE_MISMATCH = 2;
    static final int UNKNOWN_NAME = 3;
    static final int PARSE = 4;
    static final int SNAPSHOT_MISMATCH = 5;
    static final int STREAM_STATE = 6;
    static final int INVALID_ARGUMENT = 7;
    static final int ENGINE = 8;
    static final int INTERNAL = 9;

    /**
     * Bars per block of a batch call: each block buffer is 32 KiB, so the copies between the caller's memory and the
     * kernel's arrays stay in L1/L2 and a batch never allocates a full-length Java array.
     */
    static final int BLOCK = 4096;

    private Bridge() {}

    // ---------------------------------------------------------------- versioning and errors

    /** The ABI major version this jar implements ({@value #ABI}). */
    public static int abi() {
        return ABI;
    }

    /** The version of the ta jar on the classpath, UTF-8. */
    public static byte[] version() {
        try (InputStream in = Bridge.class.getResourceAsStream("version.txt")) {
            String v = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return utf8(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes UTF-8 bytes from C (used for strings JNI's modified UTF-8 cannot carry). */
    public static String string(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The {@code ta_status} for a failure: the typed errors map one to one; {@link ExpressionException} (syntax,
     * binding, type check) is a parse error located in the text; anything else is a bug or an exhausted JVM and maps
     * to the internal status.
     */
    public static int status(Throwable t) {
        return switch (t) {
            case InvalidParameterException _ -> INVALID_PARAMETER;
            case ShapeMismatchException _ -> SHAPE_MISMATCH;
            case UnknownNameException _ -> UNKNOWN_NAME;
            case ExpressionException _ -> PARSE;
            case SnapshotMismatchException _ -> SNAPSHOT_MISMATCH;
            case StreamStateException _ -> STREAM_STATE;
            case RegistryConflictException _ -> ENGINE;
            default -> INTERNAL;
        };
    }

    /**
     * The message {@code ta_last_error()} returns: a typed error's own message, exactly; for anything else (a bug)
     * the exception's class and message, so the report says what broke.
     */
    public static byte[] message(Throwable t) {
        String m = t instanceof TaException ? t.getMessage() : t.toString();
        return utf8(m == null ? t.getClass().getName() : m);
    }

    /** {@code {line, column}} of an expression error (1-based), {@code {0, 0}} for every other failure. */
    public static int[] position(Throwable t) {
        if (t instanceof ExpressionException e) {
            return new int[] {e.line(), e.column()};
        }
        return new int[] {0, 0};
    }

    // ---------------------------------------------------------------- catalog

    /** Every registered kernel's canonical name, sorted, UTF-8. */
    public static byte[][] kernelNames() {
        List<KernelDescriptor> kernels = Registry.standard().kernels();
        byte[][] out = new byte[kernels.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = utf8(kernels.get(i).name());
        }
        return out;
    }

    /**
     * {@code {inputs, outputs}} of a kernel name, alias or selector (a selector has one output).
     *
     * @throws UnknownNameException for a name the registry does not know
     */
    public static int[] kernelShape(String name) {
        Registry.Entry e = Registry.standard().resolve(name);
        return new int[] {e.kernel().inputs().size(), e.isSelector() ? 1 : e.kernel().outputs().size()};
    }

    /**
     * The catalog manifest of every kernel jar on the classpath, UTF-8: one jar's {@code META-INF/ta/catalog.json}
     * verbatim, or for several jars the first one's document with every jar's kernels in its {@code kernels} array.
     */
    public static byte[] catalogJson() throws IOException {
        Map<String, String> docs = new LinkedHashMap<>();
        Enumeration<URL> urls = Bridge.class.getClassLoader().getResources(KernelLoader.MANIFEST);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            try (InputStream in = url.openStream()) {
                docs.put(url.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return utf8(mergeManifests(docs));
    }

    /**
     * Splices the kernels arrays of several manifests (by where each was found) into the first one's document. Every
     * manifest must be of the format this version reads: a merged document claims the first one's format for all of
     * them, so a library of another format is refused (docs/api/versioning.md), naming where it was found.
     *
     * @throws IllegalStateException naming the manifest of another format or without a kernels array
     */
    static String mergeManifests(Map<String, String> docs) {
        for (Map.Entry<String, String> d : docs.entrySet()) {
            try {
                KernelLoader.manifestFormat(d.getValue());
            } catch (IllegalStateException e) {
                throw new IllegalStateException(d.getKey() + ": " + e.getMessage(), e);
            }
        }
        if (docs.isEmpty()) {
            return "{\n  \"format\": " + KernelLoader.MANIFEST_FORMAT + ",\n  \"kernels\": []\n}\n";
        }
        List<String> texts = List.copyOf(docs.values());
        if (texts.size() == 1) {
            return texts.get(0);
        }
        String first = texts.get(0);
        int open = kernelsOpen(first);
        int close = first.lastIndexOf(']');
        StringBuilder sb = new StringBuilder(first.substring(0, open + 1));
        String sep = "";
        for (String d : texts) {
            String inner = d.substring(kernelsOpen(d) + 1, d.lastIndexOf(']')).strip();
            if (!inner.isEmpty()) {
                sb.append(sep).append("\n    ").append(inner);
                sep = ",";
            }
        }
        return sb.append("\n  ").append(first.substring(close)).toString();
    }

    private static int kernelsOpen(String doc) {
        int key = doc.indexOf("\"kernels\"");
        int open = key < 0 ? -1 : doc.indexOf('[', key);
        if (open < 0 || doc.lastIndexOf(']') < open) {
            throw new IllegalStateException("a " + KernelLoader.MANIFEST + " on the classpath has no kernels array");
        }
        return open;
    }

    // ---------------------------------------------------------------- batch

    /** One batch call in progress: the kernel's stream carried across blocks and the block buffers C fills. */
    static final class BatchJob {
        final KernelStream stream;
        final int lookback;
        final double[][] in;
        final double[][] all;
        final double[][] out;

        BatchJob(KernelStream stream, int lookback, int inputs, int outputs, int selected, int block) {
            this.stream = stream;
            this.lookback = lookback;
            this.in = new double[inputs][block];
            this.all = new double[outputs][block];
            this.out = selected < 0 ? all : new double[][] {all[selected]};
        }
    }

    /**
     * Starts a batch call: resolves the kernel (name, alias or selector), validates the parameters, the number of
     * inputs and outputs and their lengths, and returns the job whose block buffers C fills.
     *
     * @param names parameter names
     * @param numbers numeric values (int, real, bool as 0/1) where {@code texts[i]} is null
     * @param texts choice values, or null for numeric parameters
     * @param inputLengths one per input; -1 when the caller passed a null data pointer for a non-empty input
     * @param outputLengths one per output; -1 for a null data pointer
     * @throws InvalidParameterException, UnknownNameException, ShapeMismatchException before any bar is read
     */
    public static Object batchOpen(String kernel, String[] names, double[] numbers, String[] texts, long[] inputLengths,
            long[] outputLengths) {
        Registry.Entry e = Registry.standard().resolve(kernel);
        KernelDescriptor d = e.kernel();
        ParamValues params = ParamValues.of(d, params(d.name(), names, numbers, texts));
        KernelStream stream = d.newStream(params);
        List<String> ins = d.inputs();
        List<String> outs = e.isSelector() ? List.of(d.outputs().get(e.output()).name())
                : d.outputs().stream().map(o -> o.name()).toList();
        if (inputLengths.length != ins.size()) {
            throw new ShapeMismatchException(d.name(), d.name() + ": expected " + ins.size() + " inputs (" + String.join(", ", ins)
                    + "), got " + inputLengths.length);
        }
        if (outputLengths.length != outs.size()) {
            throw new ShapeMismatchException(d.name(), d.name() + ": expected " + outs.size() + " outputs (" + String.join(", ", outs)
                    + "), got " + outputLengths.length);
        }
        for (int i = 0; i < ins.size(); i++) {
            if (inputLengths[i] < 0) {
                throw new ShapeMismatchException(d.name(), d.name() + ": input '" + ins.get(i) + "' is null");
            }
        }
        long n = ins.isEmpty() ? 0 : inputLengths[0];
        for (long len : inputLengths) {
            if (len != n) {
                StringBuilder sb = new StringBuilder(d.name()).append(": input lengths differ: ");
                for (int i = 0; i < ins.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ins.get(i)).append('=').append(inputLengths[i]);
                }
                throw new ShapeMismatchException(d.name(), sb.toString());
            }
        }
        for (int i = 0; i < outs.size(); i++) {
            if (outputLengths[i] < 0) {
                throw new ShapeMismatchException(d.name(), d.name() + ": output '" + outs.get(i) + "' is null");
            }
            if (outputLengths[i] != n) {
                throw new ShapeMismatchException(d.name(), d.name() + ": output '" + outs.get(i) + "' has length " + outputLengths[i]
                        + ", inputs have " + n);
            }
        }
        int block = (int) Math.max(1, Math.min(BLOCK, n));
        return new BatchJob(stream, stream.lookback(), ins.size(), d.outputs().size(), e.isSelector() ? e.output() : -1, block);
    }

    /** The first valid index of the job's outputs. */
    public static int batchLookback(Object job) {
        return ((BatchJob) job).lookback;
    }

    /** The job's input block buffers, one per input; C copies each block of caller data into them. */
    public static double[][] batchInputs(Object job) {
        return ((BatchJob) job).in;
    }

    /** The job's output block buffers, one per requested output; C copies each computed block out of them. */
    public static double[][] batchOutputs(Object job) {
        return ((BatchJob) job).out;
    }

    /** Runs the kernel over the first {@code length} bars of the input buffers, continuing from the last block. */
    public static void batchRun(Object job, int length) {
        BatchJob j = (BatchJob) job;
        j.stream.updateRange(j.in, j.all, 0, length);
    }

    private static Map<String, Object> params(String kernel, String[] names, double[] numbers, String[] texts) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            Object v = texts[i] != null ? texts[i] : bool(kernel, names[i], numbers[i]);
            if (m.put(names[i], v) != null) {
                throw new InvalidParameterException(kernel, List.of(names[i]), "given once",
                        kernel + ": parameter '" + names[i] + "' is given twice");
            }
        }
        return m;
    }

    /** Numbers for boolean parameters: 0 and 1 are false and true; anything else reaches the typed check as is. */
    private static Object bool(String kernel, String name, double v) {
        KernelDescriptor d = Registry.standard().kernel(kernel);
        for (var p : d.params()) {
            if (p.name().equals(name) && p.type() == io.ta.spi.ParamType.BOOL && (v == 0 || v == 1)) {
                return v == 1;
            }
        }
        return v;
    }

    // ---------------------------------------------------------------- plans

    /**
     * Compiles named expressions (in order) into one plan.
     *
     * @throws ExpressionException located in the text of the expression that failed
     */
    public static Object planCompile(String[] names, String[] expressions) {
        return Plan.compile(named(names, expressions), Registry.standard());
    }

    /**
     * ABI 1.1: compiles named expressions whose calendar periods and sessions lie in {@code zone}, an id
     * {@link ZoneId#of} takes ({@code America/New_York}, {@code +02:00}, {@code UTC}); null is UTC.
     *
     * @throws UnknownNameException for a zone that is unknown or malformed, naming it
     * @throws ExpressionException located in the text of the expression that failed
     */
    public static Object planCompileZoned(String[] names, String[] expressions, String zone) {
        return Plan.compile(named(names, expressions), Registry.standard(), zone(zone));
    }

    static ZoneId zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            String near = Names.closest(zone, ZoneId.getAvailableZoneIds());
            throw new UnknownNameException("zone", zone, near, "unknown time zone '" + zone + "'" + Names.hint(near)
                    + "; use a region such as America/New_York or Europe/Berlin, an offset such as +02:00, or UTC");
        }
    }

    private static Map<String, String> named(String[] names, String[] expressions) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (m.put(names[i], expressions[i]) != null) {
                // libta rejects repeated names before calling; reaching this is a defect, reported as internal.
                throw new IllegalArgumentException("plan: result '" + names[i] + "' is named twice");
            }
        }
        return m;
    }

    /** ABI 1.1: 1 if the plan reads bar times (a timeframe of time, a wall-clock lag, a session), else 0. */
    public static int planReadsTime(Object plan) {
        return ((Plan) plan).needsTime() ? 1 : 0;
    }

    /** The plan's result names in order, UTF-8. */
    public static byte[][] planRoots(Object plan) {
        return utf8(List.copyOf(((Plan) plan).roots().keySet()));
    }

    /** Each result's first valid bar for NaN-free input, in result order. */
    public static long[] planLookbacks(Object plan) {
        Plan p = (Plan) plan;
        return p.roots().keySet().stream().mapToLong(p::lookback).toArray();
    }

    /** The columns the plan reads, in the order a stream's bar lists them, UTF-8. */
    public static byte[][] planColumns(Object plan) {
        return utf8(((Plan) plan).columns());
    }

    /** The plan's readable description, UTF-8. */
    public static byte[] planExplain(Object plan) {
        return utf8(((Plan) plan).explain());
    }

    /**
     * Runs a plan over named columns and returns one array per result, in result order.
     *
     * @param lengths one per column; -1 for a null data pointer of a non-empty column
     * @param data the columns' values for those the plan reads (libta copies only those), null for the others
     * @param outputLengths the caller's output lengths, one per result; -1 for a null data pointer
     * @throws ShapeMismatchException for ragged or null columns, a repeated column name, wrong outputs, or a plan that
     *     reads timestamps (naming ta_plan_run_timed)
     * @throws UnknownNameException for a column the plan needs that is not given
     */
    public static double[][] planRun(Object plan, String[] names, long[] lengths, double[][] data, long[] outputLengths) {
        return run((Plan) plan, names, lengths, data, outputLengths, null);
    }

    /**
     * ABI 1.1: {@link #planRun} over bars that close at {@code times} (epoch milliseconds, strictly ascending), one per
     * bar; also for a plan that reads no time.
     *
     * @throws ShapeMismatchException as planRun's, and for a number of times other than the columns' length or times
     *     that are not strictly ascending (naming the bar)
     */
    public static double[][] planRunTimed(Object plan, String[] names, long[] lengths, double[][] data,
            long[] outputLengths, long[] times) {
        return run((Plan) plan, names, lengths, data, outputLengths, times);
    }

    /** A run with or without times (null); every check comes before the first bar is read. */
    private static double[][] run(Plan p, String[] names, long[] lengths, double[][] data, long[] outputLengths,
            long[] times) {
        Map<String, Integer> index = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        boolean ragged = false;
        for (int i = 0; i < names.length; i++) {
            if (index.put(names[i], i) != null) {
                throw new ShapeMismatchException("bars", "bars: column '" + names[i] + "' is given twice");
            }
            if (lengths[i] < 0) {
                throw new ShapeMismatchException("bars", "bars: column '" + names[i] + "' is null");
            }
            ragged |= lengths[i] != lengths[0];
            all.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(lengths[i]);
        }
        if (ragged) {
            throw new ShapeMismatchException("bars", "bars: column lengths differ: " + all);
        }
        Bars.Builder b = Bars.builder();
        for (String c : p.columns()) {
            Integer i = index.get(c);
            if (i == null) {
                String near = Names.closest(c, index.keySet());
                throw new UnknownNameException("column", c, near, "the expression needs column '" + c + "', which the data does not have"
                        + Names.hint(near) + "; columns: " + String.join(", ", index.keySet()));
            }
            b.column(c, data[i]);
        }
        // Without columns (session_start('1d') reads none) the times alone say how many bars there are.
        long n = names.length > 0 ? lengths[0] : times == null ? 0 : times.length;
        if (times != null && times.length != n) {
            throw new ShapeMismatchException("bars", "bars: " + times.length + " times for " + n
                    + " bars; give one close time per bar");
        }
        List<String> roots = List.copyOf(p.roots().keySet());
        if (outputLengths.length != roots.size()) {
            throw new ShapeMismatchException("plan", "plan: expected " + roots.size() + " outputs (" + String.join(", ", roots) + "), got "
                    + outputLengths.length);
        }
        for (int i = 0; i < roots.size(); i++) {
            if (outputLengths[i] < 0) {
                throw new ShapeMismatchException("plan", "plan: output '" + roots.get(i) + "' is null");
            }
            if (outputLengths[i] != n) {
                throw new ShapeMismatchException("plan", "plan: output '" + roots.get(i) + "' has length " + outputLengths[i]
                        + ", columns have " + n);
            }
        }
        if (times == null && p.needsTime()) {
            // The Java runtime's words name Java's calls; a C caller has another function to call.
            throw new ShapeMismatchException("plan", "plan: the expression reads timestamps (a timeframe of time, a "
                    + "wall-clock shift or a session), but ta_plan_run passes none; call ta_plan_run_timed with each "
                    + "bar's close time in epoch milliseconds");
        }
        if (times != null) {
            b.time(times);
        } else if (p.columns().isEmpty() && n > 0) {
            // A plan of constants reads no column, but its results still have one value per bar of the caller's.
            b.column(names[0], new double[(int) n]);
        }
        double[][] out = new double[roots.size()][(int) n];
        p.runInto(b.build(), out);
        return out;
    }

    // ---------------------------------------------------------------- streams

    /**
     * A plan stream with its exchange buffer: C writes a bar's values there, Java reads them, then writes each result's
     * value there — one JNI transition per bar and no array copies through JNI.
     */
    static final class StreamHandle {
        final PlanStream stream;
        final DoubleBuffer io;
        final double[] bar;
        final String[] roots;
        final boolean readsTime;

        StreamHandle(PlanStream stream, DoubleBuffer io) {
            this.stream = stream;
            this.io = io;
            this.bar = new double[stream.columns().size()];
            this.roots = stream.plan().roots().keySet().toArray(String[]::new);
            this.readsTime = stream.plan().needsTime();
        }

        /** PlanStream's refusal of a bar without its time, naming the C function that gives one. */
        void untimed(String call, String instead) {
            if (readsTime) {
                throw new StreamStateException("plan: this plan reads timestamps (timeframes, wall-clock shifts or "
                        + "sessions), which " + call + " does not pass; call " + instead + " with each bar's close "
                        + "time in epoch milliseconds");
            }
        }

        void publish() {
            for (int i = 0; i < roots.length; i++) {
                io.put(i, stream.value(roots[i]));
            }
        }
    }

    /**
     * A fresh stream of the plan exchanging bars through {@code io}: caller memory of at least
     * {@code max(columns, results)} doubles in native byte order, which C keeps alive until it frees the stream.
     */
    public static Object streamOpen(Object plan, ByteBuffer io) {
        PlanStream s = ((Plan) plan).stream();
        DoubleBuffer d = io.order(ByteOrder.nativeOrder()).asDoubleBuffer();
        int need = Math.max(s.columns().size(), s.plan().roots().size());
        if (d.capacity() < need) {
            throw new ShapeMismatchException("plan", "plan: stream buffer holds " + d.capacity() + " values, needs " + need);
        }
        return new StreamHandle(s, d);
    }

    /** The error for a bar of the wrong width, in {@link PlanStream}'s words; width is C's size_t, so unsigned. */
    public static void streamBarWidth(Object stream, long width) {
        List<String> cols = ((StreamHandle) stream).stream.columns();
        throw new ShapeMismatchException("plan", "plan: a bar needs " + cols.size() + " values (" + String.join(", ", cols) + "), got "
                + Long.toUnsignedString(width));
    }

    /** The error for an output array of the wrong width. */
    public static void streamOutWidth(Object stream, long width) {
        String[] roots = ((StreamHandle) stream).roots;
        throw new ShapeMismatchException("plan", "plan: expected " + roots.length + " outputs (" + String.join(", ", roots) + "), got "
                + Long.toUnsignedString(width));
    }

    /** Commits the bar in the exchange buffer; the results replace it. */
    public static void streamUpdate(Object stream) {
        StreamHandle h = (StreamHandle) stream;
        h.untimed("ta_stream_update", "ta_stream_update_at");
        h.io.get(0, h.bar);
        h.stream.update(h.bar);
        h.publish();
    }

    /** Evaluates the bar in the exchange buffer without committing it; the results replace it. */
    public static void streamPreview(Object stream) {
        StreamHandle h = (StreamHandle) stream;
        h.untimed("ta_stream_preview", "ta_stream_preview_at");
        h.io.get(0, h.bar);
        h.stream.preview(h.bar);
        h.publish();
    }

    /**
     * ABI 1.1: commits the bar in the exchange buffer, which closed at {@code time} (epoch ms); the results replace it.
     *
     * @throws ShapeMismatchException if the plan reads time and {@code time} is not after the last committed bar's
     */
    public static void streamUpdateAt(Object stream, long time) {
        StreamHandle h = (StreamHandle) stream;
        h.io.get(0, h.bar);
        h.stream.update(time, h.bar);
        h.publish();
    }

    /** ABI 1.1: evaluates the bar in the exchange buffer, which will close at {@code time}, without committing it. */
    public static void streamPreviewAt(Object stream, long time) {
        StreamHandle h = (StreamHandle) stream;
        h.io.get(0, h.bar);
        h.stream.preview(time, h.bar);
        h.publish();
    }

    /**
     * ABI 1.1: the close time of the bar the stream's current values belong to ({@link PlanStream#time()}).
     *
     * @throws StreamStateException while no time is known ({@link PlanStream#hasTime()} false), in C's words
     */
    public static long streamTime(Object stream) {
        PlanStream s = ((StreamHandle) stream).stream;
        if (!s.hasTime()) {
            throw new StreamStateException(s.count() == 0 ? "plan: no bar yet; call ta_stream_update_at first"
                    : "plan: the current values carry no time; give each bar's close time with ta_stream_update_at");
        }
        return s.time();
    }

    /**
     * Revises the last committed bar with the one in the exchange buffer; the results replace it.
     *
     * @throws StreamStateException before the first update
     */
    public static void streamReplaceLast(Object stream) {
        StreamHandle h = (StreamHandle) stream;
        h.io.get(0, h.bar);
        h.stream.replaceLast(h.bar);
        h.publish();
    }

    /** Committed bars. */
    public static long streamCount(Object stream) {
        return ((StreamHandle) stream).stream.count();
    }

    /** Back to a fresh stream's state. */
    public static void streamReset(Object stream) {
        ((StreamHandle) stream).stream.reset();
    }

    /** The stream's whole state as portable bytes (opaque to C). */
    public static byte[] streamSnapshot(Object stream) {
        return ((StreamHandle) stream).stream.snapshot().toBytes();
    }

    /**
     * Restores bytes from {@link #streamSnapshot} of a stream of the same plan.
     *
     * @throws SnapshotMismatchException for bytes that are corrupt or from another plan; the stream is then unchanged
     */
    public static void streamRestore(Object stream, byte[] bytes) {
        ((StreamHandle) stream).stream.restore(PlanSnapshot.fromBytes(bytes));
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] utf8(List<String> strings) {
        byte[][] out = new byte[strings.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = utf8(strings.get(i));
        }
        return out;
    }
}
