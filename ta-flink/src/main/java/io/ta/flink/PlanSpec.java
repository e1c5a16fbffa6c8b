package io.ta.flink;

import io.ta.error.InvalidParameterException;
import io.ta.expr.ToExpr;
import java.io.Serial;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Flink job evaluates: named DSL expressions, in order, as a serializable value that travels with the job
 * graph. Every operator instance compiles it once, in {@code open}; the state serializer compiles it to read state
 * back. Creating a spec compiles it once too, so a bad expression, or one that reads a column a {@link Bar} does not
 * carry, fails when the job is built, not on the cluster.
 *
 * <pre>{@code
 * PlanSpec spec = PlanSpec.of(Map.of("rsi", "rsi(close, 14)"));
 * PlanSpec same = PlanSpec.of(TaExpr.close().rsi(14));        // root named "value"
 * PlanSpec ny = PlanSpec.of(Map.of("vwap", "anchored_vwap('1d')")).inZone(ZoneId.of("America/New_York"));
 * }</pre>
 *
 * <p>Calendar periods and sessions ({@code close@1d}, {@code session_start('1d')}) lie in the spec's zone, UTC unless
 * {@link #inZone} gives another; the zone is part of the plan's fingerprint when the plan reads time, so state written
 * in one zone is refused by a job in another.
 */
public final class PlanSpec implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final String[] texts;
    private final long fingerprint;
    /** The zone's id; null in a spec serialized before zones existed, which meant UTC. */
    private final String zone;
    private transient CompiledPlan compiled;

    private PlanSpec(String[] names, String[] texts, ZoneId zone) {
        this.names = names;
        this.texts = texts;
        this.zone = zone.getId();
        this.compiled = CompiledPlan.compile(names, texts, zone);
        this.fingerprint = compiled.fingerprint();
    }

    /**
     * One DSL expression; its root is named {@code value}.
     *
     * @throws io.ta.error.TaException for an expression that does not compile (an {@code ExpressionException} located in
     *     the text), or one reading a column a {@link Bar} does not carry
     */
    public static PlanSpec of(String expression) {
        return new PlanSpec(new String[] {CompiledPlan.VALUE}, new String[] {expression}, ZoneOffset.UTC);
    }

    /**
     * Named DSL expressions, in the map's iteration order (use a {@link LinkedHashMap} for a stable order): the order
     * of {@link TaResult#values()}.
     *
     * @throws io.ta.error.TaException as {@link #of(String)}; {@link InvalidParameterException} for a null map
     */
    public static PlanSpec of(Map<String, String> expressions) {
        if (expressions == null) {
            throw new InvalidParameterException("ta_flink", List.of("expressions"), "non-null",
                    "ta_flink: expressions must not be null");
        }
        String[] names = new String[expressions.size()];
        String[] texts = new String[expressions.size()];
        int i = 0;
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            names[i] = e.getKey();
            texts[i++] = e.getValue();
        }
        return new PlanSpec(names, texts, ZoneOffset.UTC);
    }

    /**
     * The same expressions with calendar periods and sessions in {@code zone} (an exchange's zone, so
     * {@code session_start('1d')} opens at its local midnight and {@code close@1d} is its local day).
     *
     * @throws io.ta.error.TaException as {@link #of(String)}; {@link InvalidParameterException} for a null zone
     */
    public PlanSpec inZone(ZoneId zone) {
        if (zone == null) {
            throw new InvalidParameterException("ta_flink", List.of("zone"), "non-null", "ta_flink: zone must not be null");
        }
        return new PlanSpec(names, texts, zone);
    }

    /**
     * The zone of calendar periods and sessions, by its id ({@code ZoneId.of} reads it back).
     *
     * @throws InvalidParameterException for an id {@code ZoneId.of} does not know (state written by a JVM with other
     *     time-zone rules)
     */
    static ZoneId zoneOf(String id) {
        if (id == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidParameterException("ta_flink", List.of("zone"), "a zone id this JVM knows",
                    "ta_flink: unknown zone '" + id + "'");
        }
    }

    /**
     * One fluent expression ({@code TaExpr} or any {@link ToExpr}); its root is named {@code value}. It is kept as its
     * DSL text, which plans to the same computation (checked: same fingerprint).
     *
     * @throws io.ta.error.TaException as {@link #of(String)}
     */
    public static PlanSpec of(ToExpr expression) {
        return ofFluent(java.util.Collections.singletonMap(CompiledPlan.VALUE, expression));
    }

    /**
     * Named fluent expressions, in the map's iteration order.
     *
     * @throws io.ta.error.TaException as {@link #of(String)}; {@link InvalidParameterException} for a null map
     */
    public static PlanSpec ofFluent(Map<String, ? extends ToExpr> expressions) {
        if (expressions == null) {
            throw new InvalidParameterException("ta_flink", List.of("expressions"), "non-null",
                    "ta_flink: expressions must not be null");
        }
        long fluent = CompiledPlan.fluentFingerprint(expressions);
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends ToExpr> e : expressions.entrySet()) {
            texts.put(e.getKey(), CompiledPlan.text(e.getValue()));
        }
        PlanSpec spec = of(texts);
        CompiledPlan.checkSameAsFluent(spec.fingerprint, fluent);
        return spec;
    }

    /** The root names, in the order of {@link TaResult#values()}. */
    public List<String> names() {
        return List.of(names);
    }

    /** The zone of calendar periods and sessions; UTC unless {@link #inZone} gave another. */
    public ZoneId zone() {
        return zoneOf(zone);
    }

    /** The DSL text of every root, by name, in order. */
    public Map<String, String> expressions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], texts[i]);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The position of root {@code name} in {@link TaResult#values()}.
     *
     * @throws io.ta.error.UnknownNameException naming the roots that exist
     */
    public int indexOf(String name) {
        return compiled().indexOf(name);
    }

    /** The plan's fingerprint: the identity of the computation, which its state is checked against on restore. */
    public long fingerprint() {
        return fingerprint;
    }

    /** A bar from which every root is valid, for NaN-free input ({@code Plan.lookback()}: never too small). */
    public int lookback() {
        return compiled().lookback();
    }

    /** A readable description of the compiled plan (its nodes, lookbacks and roots). */
    public String explain() {
        return compiled().explain();
    }

    /** The compiled plan, built once per JVM-side copy of this spec (the field is transient). */
    CompiledPlan compiled() {
        CompiledPlan c = compiled;
        if (c == null) {
            c = CompiledPlan.compile(names, texts, zone());
            compiled = c;
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanSpec s && Arrays.equals(names, s.names) && Arrays.equals(texts, s.texts)
                && zone().equals(s.zone());
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(names) + Arrays.hashCode(texts)) * 31 + zone().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(texts[i]);
        }
        ZoneId z = zone();
        if (!z.equals(ZoneOffset.UTC)) {
            sb.append(" in ").append(z.getId());
        }
        return sb.append("} (fingerprint ").append(String.format("%016x", fingerprint)).append(')').toString();
    }
}
