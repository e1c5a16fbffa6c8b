package io.ta.flink;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.expr.ToExpr;
import io.ta.runtime.Registry;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import io.ta.spi.Names;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled plan and everything ta-flink needs from the ta runtime. Together with {@link PlanState} it is the only
 * code in this module that uses the runtime's API ({@code Plan}, {@code PlanStream}, {@code PlanSnapshot}), so a change
 * of that API is absorbed here. Immutable; shared by every key of an operator instance.
 */
final class CompiledPlan {
    /** The root name of a single unnamed expression. */
    static final String VALUE = Plan.VALUE;

    private final Plan plan;
    private final List<String> names;
    private final int[] fieldOf;

    private CompiledPlan(Plan plan) {
        this.plan = plan;
        this.names = List.copyOf(plan.roots().keySet());
        List<String> columns = plan.columns();
        this.fieldOf = new int[columns.size()];
        for (int i = 0; i < fieldOf.length; i++) {
            String c = columns.get(i);
            fieldOf[i] = Bar.COLUMNS.indexOf(c);
            if (fieldOf[i] < 0) {
                String near = Names.closest(c, Bar.COLUMNS);
                throw new UnknownNameException("column", c, near, "ta_flink: the plan reads column '" + c + "'"
                        + Names.hint(near) + ", but a bar carries only " + String.join(", ", Bar.COLUMNS));
            }
        }
    }

    /**
     * Compiles named DSL expressions against the standard registry (every kernel jar on the job's classpath), with
     * calendar periods and sessions in {@code zone}.
     *
     * @throws io.ta.error.TaException for any expression error, or a column a {@link Bar} does not carry
     */
    static CompiledPlan compile(String[] names, String[] texts, ZoneId zone) {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (expressions.put(names[i], texts[i]) != null) {
                throw new InvalidParameterException("ta_flink", List.of("expressions"), "distinct names",
                        "ta_flink: the root name '" + names[i] + "' is given twice");
            }
        }
        return new CompiledPlan(Plan.compile(expressions, Registry.standard(), zone));
    }

    /** The DSL text of a fluent expression. */
    static String text(ToExpr expression) {
        Expr e = expression == null ? null : expression.toExpr();
        // A malformed or missing tree is reported by the planner with its own message; print what is there.
        return e == null ? null : Printer.print(e);
    }

    /**
     * The fingerprint of fluent expressions, planned as trees: an expression the runtime refuses is refused here with
     * its message, before its printed text can fail to parse as something else (a NaN constant prints as a name).
     *
     * @throws io.ta.error.TaException as {@code Plan.of}
     */
    static long fluentFingerprint(Map<String, ? extends ToExpr> expressions) {
        return Plan.of(expressions, Registry.standard()).fingerprint();
    }

    /**
     * Checks that the printed text plans to exactly the fluent expressions' computation.
     *
     * @throws InvalidParameterException if printing changed the plan (a printer defect, never silently accepted)
     */
    static void checkSameAsFluent(long fingerprint, long fluent) {
        if (fluent != fingerprint) {
            throw new InvalidParameterException("ta_flink", List.of("expressions"), "printable",
                    "ta_flink: a fluent expression does not survive printing to DSL text unchanged; pass its DSL text");
        }
    }

    long fingerprint() {
        return plan.fingerprint();
    }

    int lookback() {
        return plan.lookback();
    }

    String explain() {
        return plan.explain();
    }

    List<String> names() {
        return names;
    }

    int indexOf(String name) {
        // The roots are an immutable list, whose indexOf throws on null.
        int i = name == null ? -1 : names.indexOf(name);
        if (i < 0) {
            throw UnknownNameException.result(name, names);
        }
        return i;
    }

    /** A fresh per-key state: no bar committed. */
    PlanState newState() {
        return new PlanState(this, plan.stream());
    }

    /**
     * A per-key state read back from {@link PlanState#snapshotBytes()}.
     *
     * @throws io.ta.error.SnapshotMismatchException if the bytes are corrupt or come from another plan, or (a
     *     {@link CorruptSnapshotException}) {@code lastTime} is not the time of the plan's last bar
     */
    PlanState restore(byte[] snapshot, long lastTime) {
        PlanStream s = plan.stream();
        s.restore(PlanSnapshot.fromBytes(snapshot));
        // The timestamp is stored beside the snapshot, outside its checksum; a plan that reads time has its own clock
        // inside it, so a damaged timestamp is refused here rather than letting in, or refusing, bars it misplaces.
        if (s.hasTime() && s.time() != lastTime) {
            throw new CorruptSnapshotException("ta_flink: corrupt plan state: the last committed bar closed at " + lastTime
                    + " ms, the plan's clock says " + s.time() + " ms");
        }
        return new PlanState(this, s, lastTime);
    }

    /** Fills {@code into} with the plan's columns taken from {@code bar}. */
    void columns(Bar bar, double[] into) {
        for (int i = 0; i < fieldOf.length; i++) {
            into[i] = bar.column(fieldOf[i]);
        }
    }

    int columnCount() {
        return fieldOf.length;
    }
}
