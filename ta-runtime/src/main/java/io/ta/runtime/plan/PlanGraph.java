package io.ta.runtime.plan;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.expr.ToExpr;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.ParseException;
import io.ta.runtime.dsl.Parser;
import io.ta.runtime.time.TimeSpec;
import io.ta.spi.ParamValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled set of expressions as a plain value: a DAG with one node per distinct subexpression, a lookback for every
 * value (see {@link #lookback()}), its canonical text and its fingerprint. It knows nothing of execution:
 * {@link io.ta.runtime.Plan} is the user's handle that runs it, and the executors depend on this package, never the
 * reverse ({@code PlanLayersTest} keeps it so).
 */
public final class PlanGraph {
    /** The root name used when a single unnamed expression is compiled. */
    public static final String VALUE = "value";

    private final List<Node> nodes;
    private final Map<String, Ref> roots;
    private final Map<String, String> texts;
    private final ZoneId zone;
    private final boolean needsTime;
    private final long fingerprint;
    /**
     * The whole SHA-256 of the canonical encoding, which equality compares: 64 bits are a fine checksum for a snapshot,
     * but two different plans whose fingerprints collide (about 2^32 tries find a pair) were equal and shared one
     * compiled class, so one ran the other's code.
     */
    private final byte[] digest;
    /** The canonical text of every root, printed on first use (a large fluent plan need not pay for it). */
    private volatile Map<String, String> canonical;

    PlanGraph(Planner planner, Map<String, int[]> provisional, Map<String, String> texts) {
        Map<String, Ref> refs = new LinkedHashMap<>();
        this.nodes = List.copyOf(planner.finish(provisional, refs));
        this.roots = java.util.Collections.unmodifiableMap(refs);
        this.texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
        this.zone = planner.zone();
        this.needsTime = nodes.stream().anyMatch(n -> n instanceof Node.Timed t && t.spec().needsTime());
        byte[] canon = canonicalDigest(nodes, roots, zone);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (canon[i] & 0xff);
        }
        this.fingerprint = h;
        // A timeframe's key names its inner plan by fingerprint, which snapshots taken by earlier builds keep; the
        // digest hashes each inner plan's whole digest after the encoding's, so that inner plans whose fingerprints
        // collide are told apart too (fixed 32 bytes each: no re-encoding of the plan).
        MessageDigest whole = sha256();
        whole.update(canon);
        for (Node n : nodes) {
            if (n instanceof Node.Timed t && t.spec() instanceof TimeSpec.Frame f) {
                whole.update(f.inner().digest);
            }
        }
        this.digest = whole.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * Compiles one DSL expression against the standard registry; its root is named {@value #VALUE}.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text
     */
    public static PlanGraph compile(String expression) {
        return compile(java.util.Collections.singletonMap(VALUE, expression), Registry.standard());
    }

    /**
     * Compiles named DSL expressions (iteration order is kept) into one plan: subexpressions shared between them are
     * computed once.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} is null
     */
    public static PlanGraph compile(Map<String, String> expressions, Registry registry) {
        return compile(expressions, registry, ZoneOffset.UTC);
    }

    /**
     * Compiles named DSL expressions whose calendar periods and sessions ({@code close@1w}, {@code session_start('1d')})
     * lie in {@code zone}; {@link #compile(Map, Registry)} uses UTC.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} or {@code zone} is null
     */
    public static PlanGraph compile(Map<String, String> expressions, Registry registry, ZoneId zone) {
        if (zone == null) {
            throw new InvalidParameterException("plan", List.of("zone"), "non-null", "plan: zone must not be null");
        }
        Planner planner = planner(expressions, registry, zone);
        Map<String, int[]> roots = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            String name = rootName(e.getKey());
            if (e.getValue() == null) {
                throw new ParseException("no expression given for '" + name + "'", null, -1);
            }
            roots.put(name, planner.root(Parser.parse(e.getValue()), e.getValue()));
            texts.put(name, e.getValue());
        }
        return new PlanGraph(planner, roots, texts);
    }

    /**
     * Plans one fluent expression (an {@link Expr} or a generated builder such as {@code TaExpr}).
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error
     */
    public static PlanGraph of(ToExpr expression) {
        return of(java.util.Collections.singletonMap(VALUE, expression), Registry.standard());
    }

    /**
     * Plans named fluent expressions.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} is null
     */
    public static PlanGraph of(Map<String, ? extends ToExpr> expressions, Registry registry) {
        return of(expressions, registry, ZoneOffset.UTC);
    }

    /**
     * Plans named fluent expressions whose calendar periods and sessions lie in {@code zone}: the same plan, and the
     * same fingerprint, as {@link #compile(Map, Registry, ZoneId)} of the same expressions as text.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} or {@code zone} is null
     */
    public static PlanGraph of(Map<String, ? extends ToExpr> expressions, Registry registry, ZoneId zone) {
        if (zone == null) {
            throw new InvalidParameterException("plan", List.of("zone"), "non-null", "plan: zone must not be null");
        }
        Planner planner = planner(expressions, registry, zone);
        Map<String, int[]> roots = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends ToExpr> e : expressions.entrySet()) {
            String name = rootName(e.getKey());
            Expr expr = e.getValue() == null ? null : e.getValue().toExpr();
            if (expr == null) {
                throw new ParseException("no expression given for '" + name + "'", null, -1);
            }
            roots.put(name, planner.root(expr, null));
            texts.put(name, Printer.print(expr));
        }
        return new PlanGraph(planner, roots, texts);
    }

    private static Planner planner(Map<String, ?> expressions, Registry registry, ZoneId zone) {
        if (registry == null) {
            throw new InvalidParameterException("plan", List.of("registry"), "non-null", "plan: registry must not be null");
        }
        if (expressions == null || expressions.isEmpty()) {
            throw new ParseException("a plan needs at least one expression, got none", null, -1);
        }
        return new Planner(registry, zone, false);
    }

    private static String rootName(String name) {
        if (name == null) {
            throw new ParseException("every expression of a plan needs a name; one has none (null)", null, -1);
        }
        return name;
    }

    /** The zone of calendar periods and sessions (UTC unless compiled with one). */
    public ZoneId zone() {
        return zone;
    }

    /** Whether the plan has time-aware nodes that read timestamps (not just counts of bars). */
    public boolean needsTime() {
        return needsTime; // asked per bar by PlanStream.update(bar): a field, not a walk over the nodes
    }

    /** Every node, in topological order (inputs before the nodes reading them). */
    public List<Node> nodes() {
        return nodes;
    }

    /** The named results. */
    public Map<String, Ref> roots() {
        return roots;
    }

    /** The root of a single-expression plan (the first root of a plan with several). */
    public Ref root() {
        return roots.values().iterator().next();
    }

    /** The bar columns the plan reads, in first-use order. */
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Node.Column c) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * The bar columns one root reads (through any of its inputs), in first-use order.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public List<String> columns(String root) {
        java.util.Set<Node> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(ref(root).node());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (seen.add(n)) {
                n.inputs().forEach(r -> todo.push(r.node()));
            }
        }
        List<String> out = new ArrayList<>();
        for (Node n : nodes) {
            if (n instanceof Node.Column c && seen.contains(n)) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * The source text of a root (DSL text, or the printed fluent expression).
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public String text(String root) {
        ref(root);
        return texts.get(root);
    }

    /**
     * The canonical DSL text of a root: printed from the plan's DAG, not from its source, so every spelling of the
     * same computation — text with aliases, defaults omitted or given, arguments by position or keyword,
     * {@code 14.0} for {@code 14}, or the same expression built with the fluent API — prints the same text. Kernels
     * appear by canonical name with every parameter, constants folded; compiling the text gives a plan with the same
     * {@link #fingerprint()}. Text longer than {@link Printer#MAX_LENGTH} (a fluent value reused inside itself many
     * times) is cut off with {@code …}.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public String canonical(String root) {
        ref(root);
        return canonical().get(root);
    }

    private Map<String, String> canonical() {
        Map<String, String> c = canonical;
        if (c == null) {
            Canonical printer = new Canonical(Map.of());
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Ref> r : roots.entrySet()) {
                out.put(r.getKey(), Printer.print(printer.of(nodes, r.getValue())));
            }
            c = java.util.Collections.unmodifiableMap(out);
            canonical = c;
        }
        return c;
    }

    private Ref ref(String root) {
        Ref r = root == null ? null : roots.get(root);
        if (r == null) {
            throw UnknownNameException.result(root, roots.keySet());
        }
        return r;
    }

    /**
     * A bar from which every root is valid (for NaN-free input): never too small, and the first valid bar except
     * where a kernel's inputs start at different bars ({@code williams_r(close=ema(close, 20))}: 32, valid from 19).
     */
    public int lookback() {
        int lb = 0;
        for (Ref r : roots.values()) {
            lb = Math.max(lb, r.lookback());
        }
        return lb;
    }

    /**
     * A bar from which one root is valid, as {@link #lookback()} for every root.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public int lookback(String root) {
        return ref(root).lookback();
    }

    /**
     * The identity of the computation, so a plan snapshot restores only into the same plan: a hash of the canonical
     * DAG — every node in canonical order with its kind, kernel canonical name (aliases resolved), parameter values
     * with defaults filled, constant bits, operator and inputs — and the root names with the outputs they refer to.
     * Never the source text: {@code sma(close, 5)}, {@code sma(close,5)}, {@code rolling_mean(close, 5)}, the same
     * with a comment, and {@code TaExpr.close().sma(5)} have one fingerprint, and their snapshots are
     * interchangeable. Stable across runs and builds as long as the plan's meaning is unchanged.
     */
    public long fingerprint() {
        return fingerprint;
    }

    /** SHA-256 of a canonical encoding of the nodes and roots, each field length- or tag-prefixed. */
    private static byte[] canonicalDigest(List<Node> nodes, Map<String, Ref> roots, ZoneId zone) {
        MessageDigest md = sha256();
        Canon c = new Canon(md);
        c.text("ta plan fingerprint 1");
        c.integer(nodes.size());
        for (Node n : nodes) {
            switch (n) {
                case Node.Column col -> {
                    c.tag('C');
                    c.text(col.name());
                }
                case Node.Constant k -> {
                    c.tag('K');
                    c.text(k.type(0).name());
                    c.real(k.value());
                }
                case Node.Kernel k -> {
                    c.tag('F');
                    c.text(k.descriptor().name());
                    ParamValues p = k.params();
                    c.integer(p.size());
                    for (int i = 0; i < p.size(); i++) {
                        switch (p.get(i)) {
                            case Integer v -> {
                                c.tag('i');
                                c.integer(v);
                            }
                            case Double v -> {
                                c.tag('r');
                                c.real(v);
                            }
                            case Boolean v -> {
                                c.tag('b');
                                c.integer(v ? 1 : 0);
                            }
                            case Object v -> {
                                c.tag('s');
                                c.text(String.valueOf(v));
                            }
                        }
                    }
                }
                case Node.Operator o -> {
                    c.tag('O');
                    c.text(o.op().name());
                }
                case Node.Timed t -> {
                    c.tag('T');
                    c.text(t.spec().key());
                }
            }
            c.integer(n.inputs().size());
            for (Ref r : n.inputs()) {
                c.integer(r.node().id());
                c.integer(r.output());
            }
        }
        c.integer(roots.size());
        for (Map.Entry<String, Ref> r : roots.entrySet()) {
            c.text(r.getKey());
            c.integer(r.getValue().node().id());
            c.integer(r.getValue().output());
        }
        if (nodes.stream().anyMatch(n -> n instanceof Node.Timed)) {
            // Only plans that read time depend on the zone; the others keep their fingerprint. Normalized, so that
            // names of one fixed offset (UTC, Etc/UTC, GMT, +00:00 and the default Z) are one plan, whose snapshots
            // restore into each other: their calendars are the same.
            c.text(zone.normalized().getId());
        }
        return md.digest();
    }

    /** Feeds fields to the digest unambiguously: fixed-width numbers, length-prefixed text. */
    private record Canon(MessageDigest md) {
        void tag(char t) {
            md.update((byte) t);
        }

        void integer(long v) {
            for (int i = 56; i >= 0; i -= 8) {
                md.update((byte) (v >>> i));
            }
        }

        void real(double v) {
            integer(Double.doubleToLongBits(v));
        }

        void text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            integer(b.length);
            md.update(b);
        }
    }

    /**
     * A readable description: every node with its inputs, parameters and lookback, then the roots with their
     * {@link #canonical canonical text} — so it is the same for every spelling of the plan.
     */
    public String explain() {
        StringBuilder sb = new StringBuilder();
        sb.append("plan: ").append(roots.size()).append(roots.size() == 1 ? " root, " : " roots, ").append(nodes.size())
                .append(" nodes, lookback ").append(lookback()).append('\n');
        for (Node n : nodes) {
            StringBuilder line = new StringBuilder("  n").append(n.id()).append(" = ").append(describe(n));
            while (line.length() < 48) {
                line.append(' ');
            }
            line.append(" lookback ");
            for (int o = 0; o < n.outputs(); o++) {
                line.append(o == 0 ? "" : "/").append(n.lookback(o));
            }
            sb.append(line).append('\n');
        }
        for (Map.Entry<String, Ref> r : roots.entrySet()) {
            sb.append("  ").append(r.getKey()).append(" = ").append(r.getValue()).append("   # ").append(canonical().get(r.getKey()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String describe(Node n) {
        return switch (n) {
            case Node.Column c -> "column " + c.name();
            case Node.Constant k -> Printer.print(Canonical.constant(k));
            case Node.Kernel k -> {
                StringBuilder sb = new StringBuilder(k.descriptor().name()).append('(');
                List<String> ins = k.descriptor().inputs();
                for (int i = 0; i < ins.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ins.get(i)).append('=').append(k.inputs().get(i));
                }
                String params = k.params().toString();
                sb.append(params.isEmpty() ? "" : (ins.isEmpty() ? "" : ", ") + params).append(')');
                if (k.outputs() > 1) {
                    sb.append(" -> ").append(String.join(", ", k.descriptor().outputs().stream().map(o -> o.name()).toList()));
                }
                yield sb.toString();
            }
            case Node.Timed t -> t.spec().describe(t.inputs().stream().map(Ref::toString).toList());
            case Node.Operator o -> o.inputs().size() == 1
                    ? (o.op() == Expr.Op.NOT ? "not " : "-") + o.inputs().get(0)
                    : o.inputs().get(0) + " " + o.op().symbol() + " " + o.inputs().get(1);
        };
    }


    /**
     * Plans are equal when they are the same computation: equal SHA-256 digests of the canonical encoding whose first
     * 64 bits are the {@link #fingerprint()}, whatever their spelling —
     * text or fluent, aliases, defaults omitted or given. (Equal timeframes inside one plan are so one node, however
     * their inner expressions were written.)
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlanGraph p && p.fingerprint == fingerprint && java.util.Arrays.equals(p.digest, digest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return explain();
    }
}
