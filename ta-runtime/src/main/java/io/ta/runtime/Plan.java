package io.ta.runtime;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.ToExpr;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.PlanGraph;
import io.ta.runtime.plan.Ref;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * A compiled set of expressions, ready to run over a history ({@link #run}) or bar by bar ({@link #stream}) — the same
 * plan, with identical results. It holds the plan's DAG, a plain {@link PlanGraph} value, and hands it to the
 * executors.
 *
 * <pre>{@code
 * Plan plan = Plan.compile("rsi(close, 14) < 30 and close > sma(close, 200)");
 * System.out.println(plan.explain());
 * }</pre>
 */
public final class Plan {
    /** The root name used when a single unnamed expression is compiled. */
    public static final String VALUE = PlanGraph.VALUE;

    private final PlanGraph graph;

    /**
     * The runnable plan of a DAG.
     *
     * @throws InvalidParameterException if {@code graph} is null
     */
    public Plan(PlanGraph graph) {
        if (graph == null) {
            throw new InvalidParameterException("plan", List.of("graph"), "non-null", "plan: graph must not be null");
        }
        this.graph = graph;
    }

    /**
     * Compiles one DSL expression against the standard registry; its root is named {@value #VALUE}.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text
     */
    public static Plan compile(String expression) {
        return compile(java.util.Collections.singletonMap(VALUE, expression), Registry.standard());
    }

    /**
     * Compiles named DSL expressions (iteration order is kept) into one plan: subexpressions shared between them are
     * computed once.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} is null
     */
    public static Plan compile(Map<String, String> expressions, Registry registry) {
        return compile(expressions, registry, ZoneOffset.UTC);
    }

    /**
     * Compiles named DSL expressions whose calendar periods and sessions ({@code close@1w}, {@code session_start('1d')})
     * lie in {@code zone}; {@link #compile(Map, Registry)} uses UTC.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} or {@code zone} is null
     */
    public static Plan compile(Map<String, String> expressions, Registry registry, ZoneId zone) {
        return new Plan(PlanGraph.compile(expressions, registry, zone));
    }

    /**
     * Plans one fluent expression (an {@link io.ta.expr.Expr} or a generated builder such as {@code TaExpr}).
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error
     */
    public static Plan of(ToExpr expression) {
        return of(java.util.Collections.singletonMap(VALUE, expression), Registry.standard());
    }

    /**
     * Plans named fluent expressions.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} is null
     */
    public static Plan of(Map<String, ? extends ToExpr> expressions, Registry registry) {
        return of(expressions, registry, ZoneOffset.UTC);
    }

    /**
     * Plans named fluent expressions whose calendar periods and sessions lie in {@code zone}: the same plan, and the
     * same fingerprint, as {@link #compile(Map, Registry, ZoneId)} of the same expressions as text.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error; also for no expressions at all
     * @throws InvalidParameterException if {@code registry} or {@code zone} is null
     */
    public static Plan of(Map<String, ? extends ToExpr> expressions, Registry registry, ZoneId zone) {
        return new Plan(PlanGraph.of(expressions, registry, zone));
    }

    /** The plan's DAG, a plain value with no knowledge of execution. */
    public PlanGraph graph() {
        return graph;
    }

    /** The zone of calendar periods and sessions (UTC unless compiled with one). */
    public ZoneId zone() {
        return graph.zone();
    }

    /** Whether the plan has time-aware nodes that read timestamps (not just counts of bars). */
    public boolean needsTime() {
        return graph.needsTime();
    }

    /** Every node, in topological order (inputs before the nodes reading them). */
    public List<Node> nodes() {
        return graph.nodes();
    }

    /** The named results. */
    public Map<String, Ref> roots() {
        return graph.roots();
    }

    /** The root of a single-expression plan (the first root of a plan with several). */
    public Ref root() {
        return graph.root();
    }

    /** The bar columns the plan reads, in first-use order. */
    public List<String> columns() {
        return graph.columns();
    }

    /**
     * The bar columns one root reads (through any of its inputs), in first-use order.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public List<String> columns(String root) {
        return graph.columns(root);
    }

    /**
     * The source text of a root (DSL text, or the printed fluent expression).
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public String text(String root) {
        return graph.text(root);
    }

    /**
     * The canonical DSL text of a root, the same for every spelling of the same computation (see
     * {@link PlanGraph#canonical(String)}).
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public String canonical(String root) {
        return graph.canonical(root);
    }

    /**
     * What this plan needs from the outside — bar columns, event sources and their fields, symbols, timeframes,
     * history in bars and duration — so a caller fetches only that.
     */
    public io.ta.runtime.source.Requirements requirements() {
        return io.ta.runtime.source.Requirements.of(graph());
    }

    /**
     * A bar from which every root is valid (for NaN-free input): never too small, and the first valid bar of chains
     * and element-wise combinations. It can be too large where a kernel's inputs start at different bars:
     * {@code williams_r(close=ema(close, 20))} has lookback 32 and a value from bar 19 (docs/dsl.md, "Plans").
     */
    public int lookback() {
        return graph.lookback();
    }

    /**
     * A bar from which one root is valid, as {@link #lookback()} for every root.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public int lookback(String root) {
        return graph.lookback(root);
    }

    /**
     * The identity of the computation, so a plan snapshot restores only into the same plan: a hash of the canonical
     * DAG, never of the source text (see {@link PlanGraph#fingerprint()}). {@code sma(close, 5)},
     * {@code rolling_mean(close, 5)} and {@code TaExpr.close().sma(5)} have one fingerprint, and their snapshots are
     * interchangeable.
     */
    public long fingerprint() {
        return graph.fingerprint();
    }

    /** A readable description: every node with its inputs, parameters and lookback, then the roots. */
    public String explain() {
        return graph.explain();
    }

    /** Evaluates every root over a history, block by block (1,024 bars at a time). */
    public PlanResult run(Bars bars) {
        return new BlockExecutor(this).run(bars);
    }

    /**
     * Evaluates every root over a history in blocks of {@code block} bars: the same values whatever the block size.
     *
     * @throws InvalidParameterException if the block size is below 1
     */
    public PlanResult run(Bars bars, int block) {
        return new BlockExecutor(this, block).run(bars);
    }

    /**
     * Evaluates every root over a history into the caller's arrays, as a kernel's batch writes into its outputs
     * ({@code Ta.rsi(close, 14, out)}): one array per root in {@link #roots()}'s order, each of the bars' length, every
     * element written (warm-up bars NaN). The same values as {@link #run(Bars)}, which allocates every root's array on
     * each run; the result here wraps the given arrays. An array that is also a column the plan reads is copied first.
     *
     * @throws io.ta.error.ShapeMismatchException if the bars or an array is null, the number of arrays is not the
     *     number of roots, an array's length is not the bars', or two roots are given the same array
     * @throws UnknownNameException if the plan reads a column the bars do not have
     */
    public PlanResult runInto(Bars bars, double[]... into) {
        return new BlockExecutor(this).runInto(bars, into);
    }

    /**
     * Evaluates the plan once per symbol, the symbols in parallel; the result keeps the input's order. If any symbol
     * fails, the first failing symbol's error is thrown, its message prefixed with the symbol.
     *
     * @throws io.ta.error.ShapeMismatchException if {@code bySymbol} is null
     */
    public Map<String, PlanResult> runAll(Map<String, Bars> bySymbol) {
        return new BlockExecutor(this).runAll(bySymbol);
    }

    /** A fresh bar-by-bar evaluator of this plan. */
    public PlanStream stream() {
        return new PlanStream(this);
    }

    /** Plans are equal when they are the same computation (their whole canonical digests), whatever their spelling. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Plan p && p.graph.equals(graph);
    }

    @Override
    public int hashCode() {
        return graph.hashCode();
    }

    @Override
    public String toString() {
        return graph.toString();
    }
}
