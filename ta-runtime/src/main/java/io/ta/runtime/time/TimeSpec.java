package io.ta.runtime.time;

import io.ta.runtime.plan.PlanGraph;
import io.ta.runtime.plan.ValueType;
import io.ta.runtime.resample.Resample.Agg;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a time-aware plan node computes — a value, like a kernel's descriptor and parameters; {@link #newOperator}
 * gives its executable state. Every spec has one output.
 */
public sealed interface TimeSpec permits TimeSpec.Frame, TimeSpec.Lag, TimeSpec.Session {
    /** The value type of the output. */
    ValueType type();

    /** Whether the operator reads timestamps (a count of bars does not). */
    boolean needsTime();

    /** The canonical text of the spec, part of the plan's fingerprint. */
    String key();

    /** A readable form for {@link PlanGraph#explain()}, given the names of the node's inputs. */
    String describe(List<String> inputs);

    /** A fresh operator; {@code zone} places calendar periods. */
    TimeOperator newOperator(ZoneId zone);

    /**
     * An expression evaluated on a coarser timeframe and shown on the base bars once each coarse period has closed.
     * The node's inputs are the base series the coarse bars are formed from, one per column of {@code inner} in
     * {@link PlanGraph#columns()} order, each aggregated with the matching {@code aggs} entry.
     *
     * @param timeframe the coarse period
     * @param inner the plan evaluated on the coarse bars (one root)
     * @param aggs how each input is aggregated into a coarse bar
     */
    record Frame(Timeframe timeframe, PlanGraph inner, List<Agg> aggs) implements TimeSpec {
        public Frame {
            aggs = List.copyOf(aggs);
        }

        @Override
        public ValueType type() {
            return inner.root().type();
        }

        @Override
        public boolean needsTime() {
            return timeframe.needsTime() || inner.needsTime();
        }

        @Override
        public String key() {
            return "frame " + timeframe + " " + aggs + " " + Long.toHexString(inner.fingerprint());
        }

        @Override
        public String describe(List<String> inputs) {
            StringBuilder sb = new StringBuilder("timeframe ").append(timeframe).append(" of [").append(inner.canonical(PlanGraph.VALUE))
                    .append("] over ");
            List<String> columns = inner.columns();
            for (int i = 0; i < inputs.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(aggs.get(i).name().toLowerCase(java.util.Locale.ROOT))
                        .append('(').append(inputs.get(i)).append(')');
            }
            return sb.toString();
        }

        @Override
        public TimeOperator newOperator(ZoneId zone) {
            return new FrameOperator(this, zone);
        }
    }

    /** How a wall-clock lag combines the current value {@code x} with the value {@code p} a duration ago. */
    enum LagKind {
        /** {@code p}. */
        SHIFT,
        /** {@code x − p}. */
        CHANGE,
        /** {@code 100·(x − p)/p}; NaN when {@code p = 0}. */
        CHANGE_PCT,
        /** TA-Lib's ROC: {@code 100·(x/p − 1)}; 0 when {@code p = 0}. */
        ROC
    }

    /**
     * A wall-clock lag: the value at the latest bar closing at or before {@code t − millis} (NaN when there is none),
     * alone or combined with the current value — correct over gaps and missing bars, unlike a count of bars.
     *
     * @param kind what is computed
     * @param millis the duration, at least 1 ms
     * @param text the duration as written, canonical ({@code 24h})
     */
    record Lag(LagKind kind, long millis, String text) implements TimeSpec {
        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean needsTime() {
            return true;
        }

        @Override
        public String key() {
            return "lag " + kind + " " + millis;
        }

        @Override
        public String describe(List<String> inputs) {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "(x=" + inputs.get(0) + ", " + text + ")";
        }

        @Override
        public TimeOperator newOperator(ZoneId zone) {
            return new LagOperator(this);
        }
    }

    /** What a session spec gives. */
    enum SessionKind {
        /** 1 at the first bar of each period (the bar that opens it), 0 otherwise. */
        START,
        /** The first value of the period so far. */
        OPEN,
        /** The highest value of the period so far, this bar included. */
        HIGH,
        /** The lowest value of the period so far, this bar included. */
        LOW
    }

    /**
     * Session anchors: a flag at each period's first bar, or a running aggregate since it — the forming period, which
     * is known at every bar without look-ahead.
     *
     * @param kind what is computed
     * @param timeframe the session period (usually {@code 1d} in the exchange's zone)
     */
    record Session(SessionKind kind, Timeframe timeframe) implements TimeSpec {
        @Override
        public ValueType type() {
            return kind == SessionKind.START ? ValueType.CONDITION : ValueType.NUMBER;
        }

        @Override
        public boolean needsTime() {
            return timeframe.needsTime();
        }

        @Override
        public String key() {
            return "session " + kind + " " + timeframe;
        }

        @Override
        public String describe(List<String> inputs) {
            return "session_" + kind.name().toLowerCase(java.util.Locale.ROOT) + "("
                    + inputs.stream().map(s -> "x=" + s + ", ").collect(Collectors.joining()) + timeframe + ")";
        }

        @Override
        public TimeOperator newOperator(ZoneId zone) {
            return new SessionOperator(this, zone);
        }
    }
}
