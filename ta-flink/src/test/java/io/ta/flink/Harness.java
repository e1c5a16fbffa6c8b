package io.ta.flink;

import io.ta.runtime.Registry;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;

/**
 * A {@link TaPlanFunction} in Flink's operator test harness (a real keyed state backend, timer service and
 * checkpointing, driven one element and one watermark at a time), and a reference: the runtime's own
 * {@link PlanStream}, fed by hand, with each bar's time, the bars the event-time policy should commit.
 */
final class Harness implements AutoCloseable {
    final KeyedOneInputStreamOperatorTestHarness<String, Bar, TaResult> h;
    private int taken;

    Harness(PlanSpec spec, TaPlanFunction.Ordering ordering, StateBackend backend, OperatorSubtaskState restore)
            throws Exception {
        h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new TaPlanFunction<String>(spec, ordering)),
                Bar::symbol, Types.STRING);
        if (backend != null) {
            h.setStateBackend(backend);
        }
        h.setup();
        if (restore != null) {
            h.initializeState(restore);
        } else {
            h.initializeEmptyState();
        }
        h.open();
    }

    Harness(PlanSpec spec) throws Exception {
        this(spec, TaPlanFunction.Ordering.EVENT_TIME, null, null);
    }

    void send(Bar... bars) throws Exception {
        for (Bar b : bars) {
            h.processElement(b, b.time());
        }
    }

    void watermark(long w) throws Exception {
        h.processWatermark(w);
    }

    /** Results emitted since the last call. */
    List<TaResult> take() {
        List<TaResult> all = h.extractOutputValues();
        List<TaResult> fresh = new ArrayList<>(all.subList(taken, all.size()));
        taken = all.size();
        return fresh;
    }

    /** Every bar sent to the late side output so far. */
    List<Bar> late() {
        return sideOutput(TaFlink.LATE);
    }

    /** Every bar sent to a side output so far. */
    List<Bar> sideOutput(OutputTag<Bar> tag) {
        var q = h.getSideOutput(tag);
        List<Bar> out = new ArrayList<>();
        if (q != null) {
            for (StreamRecord<Bar> r : q) {
                out.add(r.getValue());
            }
        }
        return out;
    }

    OperatorSubtaskState snapshot(long id) throws Exception {
        return h.snapshot(id, id);
    }

    @Override
    public void close() {
        try {
            h.close();
        } catch (Exception e) {
            throw new AssertionError("the operator failed to close", e);
        }
    }

    /** The runtime's plan stream for the same expressions, driven directly. */
    static final class Reference {
        private final PlanStream stream;
        private final List<String> names;

        Reference(Map<String, String> expressions) {
            Plan plan = Plan.compile(expressions, Registry.standard());
            this.stream = plan.stream();
            this.names = List.copyOf(plan.roots().keySet());
        }

        /** The reference of a spec, in its zone: for plans that read time. */
        Reference(PlanSpec spec) {
            Plan plan = Plan.compile(spec.expressions(), Registry.standard(), spec.zone());
            this.stream = plan.stream();
            this.names = List.copyOf(plan.roots().keySet());
        }

        double[] update(Bar b) {
            stream.update(b.time(), row(b));
            return values();
        }

        double[] replaceLast(Bar b) {
            stream.replaceLast(row(b));
            return values();
        }

        double[] preview(Bar b) {
            stream.preview(b.time(), row(b));
            return values();
        }

        private double[] row(Bar b) {
            List<String> columns = stream.columns();
            double[] row = new double[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = b.column(Bar.COLUMNS.indexOf(columns.get(i)));
            }
            return row;
        }

        private double[] values() {
            double[] v = new double[names.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = stream.value(names.get(i));
            }
            return v;
        }
    }
}
