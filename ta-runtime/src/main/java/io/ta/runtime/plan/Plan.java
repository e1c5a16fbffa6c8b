package io.ta.runtime.plan;

import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.expr.ToExpr;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.Parser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled set of expressions: a DAG with one node per distinct subexpression and an exact lookback for every
 * value, ready to run over a history ({@link io.ta.runtime.exec.BlockExecutor}) or bar by bar
 * ({@link io.ta.runtime.exec.PlanStream}) — the same plan, with identical results.
 *
 * <pre>{@code
 * Plan plan = Plan.compile("rsi(close, 14) < 30 and close > sma(close, 200)");
 * System.out.println(plan.explain());
 * }</pre>
 */
public final class Plan {
    /** The root name used when a single unnamed expression is compiled. */
    public static final String VALUE = "value";

    private final List<Node> nodes;
    private final Map<String, Ref> roots;
    private final Map<String, String> texts;

    private Plan(List<Node> nodes, Map<String, Ref> roots, Map<String, String> texts) {
        this.nodes = List.copyOf(nodes);
        this.roots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roots));
        this.texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** Compiles one DSL expression against the standard registry; its root is named {@value #VALUE}. */
    public static Plan compile(String expression) {
        return compile(Map.of(VALUE, expression), Registry.standard());
    }

    /**
     * Compiles named DSL expressions (iteration order is kept) into one plan: subexpressions shared between them are
     * computed once.
     *
     * @throws io.ta.runtime.dsl.ExpressionException for any error, located in the text
     */
    public static Plan compile(Map<String, String> expressions, Registry registry) {
        Planner planner = new Planner(registry);
        Map<String, Ref> roots = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            roots.put(e.getKey(), planner.root(Parser.parse(e.getValue()), e.getValue()));
        }
        return new Plan(planner.nodes(), roots, expressions);
    }

    /** Plans one fluent expression (an {@link Expr} or a generated builder such as {@code TaExpr}). */
    public static Plan of(ToExpr expression) {
        return of(Map.of(VALUE, expression), Registry.standard());
    }

    /** Plans named fluent expressions. */
    public static Plan of(Map<String, ? extends ToExpr> expressions, Registry registry) {
        Planner planner = new Planner(registry);
        Map<String, Ref> roots = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends ToExpr> e : expressions.entrySet()) {
            Expr expr = e.getValue().toExpr();
            roots.put(e.getKey(), planner.root(expr, null));
            texts.put(e.getKey(), Printer.print(expr));
        }
        return new Plan(planner.nodes(), roots, texts);
    }

    /** Every node, in topological order (inputs before the nodes reading them). */
    public List<Node> nodes() {
        return nodes;
    }

    /** The named results. */
    public Map<String, Ref> roots() {
        return roots;
    }

    /** The root of a single-expression plan. */
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

    /** The bar columns one root reads (through any of its inputs), in first-use order. */
    public List<String> columns(String root) {
        java.util.Set<Node> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(roots.get(root).node());
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

    /** The source text of a root (DSL text, or the printed fluent expression). */
    public String text(String root) {
        return texts.get(root);
    }

    /** The first bar at which every root is valid (for NaN-free input). */
    public int lookback() {
        int lb = 0;
        for (Ref r : roots.values()) {
            lb = Math.max(lb, r.lookback());
        }
        return lb;
    }

    /** The first valid bar of one root. */
    public int lookback(String root) {
        return roots.get(root).lookback();
    }

    /** A stable hash of the plan's structure, so a plan snapshot only restores into the same plan. */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        String s = explain();
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** A readable description: every node with its inputs, parameters and lookback, then the roots. */
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
            sb.append("  ").append(r.getKey()).append(" = ").append(r.getValue()).append("   # ").append(texts.get(r.getKey()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String describe(Node n) {
        return switch (n) {
            case Node.Column c -> "column " + c.name();
            case Node.Constant k -> (k.type(0) == ValueType.CONDITION ? (k.value() != 0 ? "true" : "false") : Printer.print(new Expr.Num(k.value())));
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
            case Node.Operator o -> o.inputs().size() == 1
                    ? (o.op() == Expr.Op.NOT ? "not " : "-") + o.inputs().get(0)
                    : o.inputs().get(0) + " " + o.op().symbol() + " " + o.inputs().get(1);
        };
    }

    /** Evaluates every root over a history, block by block ({@link io.ta.runtime.exec.BlockExecutor}). */
    public io.ta.runtime.exec.PlanResult run(io.ta.runtime.Bars bars) {
        return new io.ta.runtime.exec.BlockExecutor(this).run(bars);
    }

    /** A fresh bar-by-bar evaluator of this plan. */
    public io.ta.runtime.exec.PlanStream stream() {
        return new io.ta.runtime.exec.PlanStream(this);
    }

    @Override
    public String toString() {
        return explain();
    }
}
