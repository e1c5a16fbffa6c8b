package io.ta.runtime.plan;

import io.ta.expr.Expr.Op;
import io.ta.runtime.time.TimeSpec;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.util.List;

/**
 * A node of a plan's DAG. Nodes are unique per distinct computation (hash-consed), numbered in topological order,
 * and carry a lookback per output (never too small; see {@link PlanGraph#lookback()}).
 */
public abstract sealed class Node permits Node.Column, Node.Constant, Node.Kernel, Node.Operator, Node.Timed {
    private final int id;
    private final List<Ref> inputs;
    private final int[] lookbacks;

    Node(int id, List<Ref> inputs, int[] lookbacks) {
        this.id = id;
        this.inputs = List.copyOf(inputs);
        this.lookbacks = lookbacks.clone();
    }

    /** Position in topological order. */
    public int id() {
        return id;
    }

    /** The values this node reads. */
    public List<Ref> inputs() {
        return inputs;
    }

    /** Number of outputs. */
    public int outputs() {
        return lookbacks.length;
    }

    /** First valid index of output {@code o} for NaN-free input. */
    public int lookback(int o) {
        return lookbacks[o];
    }

    /** The value type of output {@code output}. */
    public abstract ValueType type(int output);

    /** The name of output {@code output} ({@code value} for single-output nodes). */
    public String outputName(int output) {
        return "value";
    }

    /** A bar column ({@code close}, or any column of the data). */
    public static final class Column extends Node {
        private final String name;

        Column(int id, String name) {
            super(id, List.of(), new int[] {0});
            this.name = name;
        }

        public String name() {
            return name;
        }

        @Override
        public ValueType type(int output) {
            return ValueType.NUMBER;
        }
    }

    /** A constant, broadcast to every bar. */
    public static final class Constant extends Node {
        private final double value;
        private final ValueType type;

        Constant(int id, double value, ValueType type) {
            super(id, List.of(), new int[] {0});
            this.value = value;
            this.type = type;
        }

        public double value() {
            return value;
        }

        @Override
        public ValueType type(int output) {
            return type;
        }
    }

    /** A kernel over its inputs, with validated parameters. */
    public static final class Kernel extends Node {
        private final KernelDescriptor descriptor;
        private final ParamValues params;

        Kernel(int id, KernelDescriptor descriptor, ParamValues params, List<Ref> inputs, int[] lookbacks) {
            super(id, inputs, lookbacks);
            this.descriptor = descriptor;
            this.params = params;
        }

        public KernelDescriptor descriptor() {
            return descriptor;
        }

        public ParamValues params() {
            return params;
        }

        @Override
        public ValueType type(int output) {
            return descriptor.kind() == io.ta.annotation.OutputKind.FLAG ? ValueType.CONDITION : ValueType.NUMBER;
        }

        @Override
        public String outputName(int output) {
            return descriptor.outputs().get(output).name();
        }
    }

    /** A DSL operator ({@link Ops}). */
    public static final class Operator extends Node {
        private final Op op;

        Operator(int id, Op op, List<Ref> inputs, int lookback) {
            super(id, inputs, new int[] {lookback});
            this.op = op;
        }

        public Op op() {
            return op;
        }

        @Override
        public ValueType type(int output) {
            return op.isArithmetic() ? ValueType.NUMBER : ValueType.CONDITION;
        }
    }

    /**
     * A time-aware operator ({@link TimeSpec}): a timeframe, a wall-clock lag or a session anchor. It reads the plan's
     * time column besides its inputs. Its lookback is its inputs' (a lower bound: how many bars a period or a
     * duration spans depends on the timestamps).
     */
    public static final class Timed extends Node {
        private final TimeSpec spec;

        Timed(int id, TimeSpec spec, List<Ref> inputs, int lookback) {
            super(id, inputs, new int[] {lookback});
            this.spec = spec;
        }

        /** What the node computes. */
        public TimeSpec spec() {
            return spec;
        }

        @Override
        public ValueType type(int output) {
            return spec.type();
        }
    }
}
