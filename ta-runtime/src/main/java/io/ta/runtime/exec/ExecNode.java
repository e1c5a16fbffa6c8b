package io.ta.runtime.exec;

import io.ta.expr.Expr.Op;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ops;
import io.ta.runtime.plan.Ref;
import io.ta.runtime.time.TimeOperator;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.util.List;

/**
 * One node of a plan, ready to execute: the single abstraction both execution modes are built from. Every value a plan
 * computes has a <em>slot</em> (nodes in plan order, a node's outputs in order — the layout of a plan snapshot's
 * values), and a node reads its inputs from slots and writes its outputs to its own.
 *
 * <p>Each node can run itself in three ways, which is all the executors need: {@link #bar} (one bar, interpreted),
 * {@link #block} (a block of bars into block-sized buffers, interpreted) and — what normally runs — code emitted by
 * {@link FusedCompiler}, which walks the same nodes and writes one loop body for the whole plan, used both by the
 * batch loop (stepping kernels) and by plan streams (updating kernel streams). The interpreted forms exist for plans
 * the compiler declines (see {@link FusedCompiler}), and they are what the compiled code is tested against.
 */
public sealed interface ExecNode {
    /** The first slot of this node's outputs. */
    int slot();

    /**
     * One bar closing at {@code time}: reads input slots of {@code values}, writes this node's slots. {@code mode}: 0
     * update, 1 preview, 2 replace-last. Kernel streams and time operators are indexed by node id.
     */
    void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode);

    /**
     * Bars {@code [start, start + len)}: {@code buffers[slot]} holds the block of every slot (positions {@code [0, len)});
     * {@code time} is the plan's time column (null when no node reads it).
     */
    void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators, int start,
            int len);

    /**
     * The executable form of every node of a plan, in plan order. Kernel nodes carry per-bar scratch arrays, so each
     * executor or stream makes its own.
     */
    static ExecNode[] of(List<Node> nodes, List<String> columns) {
        int[] first = new int[nodes.size()];
        int slots = 0;
        for (Node n : nodes) {
            first[n.id()] = slots;
            slots += n.outputs();
        }
        ExecNode[] out = new ExecNode[nodes.size()];
        for (Node n : nodes) {
            int s = first[n.id()];
            int[] in = new int[n.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Ref r = n.inputs().get(i);
                in[i] = first[r.node().id()] + r.output();
            }
            out[n.id()] = switch (n) {
                case Node.Column c -> new Column(s, columns.indexOf(c.name()));
                case Node.Constant k -> new Constant(s, k.value());
                case Node.Kernel k -> new Kernel(s, n.id(), in, n.outputs(), k.descriptor(), k.params(), new double[in.length],
                        new double[n.outputs()]);
                case Node.Operator o -> new Operator(s, o.op(), in[0], in.length > 1 ? in[1] : -1);
                case Node.Timed t -> new Timed(s, n.id(), in, n.outputs(), new double[in.length], new double[n.outputs()]);
            };
        }
        return out;
    }

    /** A bar column: its value is the bar's. */
    record Column(int slot, int column) implements ExecNode {
        @Override
        public void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode) {
            values[slot] = bar[column];
        }

        @Override
        public void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
                int start, int len) {
            System.arraycopy(columns[column], start, buffers[slot], 0, len);
        }
    }

    /** A constant: its slot is filled once and never changes. */
    record Constant(int slot, double value) implements ExecNode {
        @Override
        public void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode) {
            values[slot] = value;
        }

        @Override
        public void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
                int start, int len) {
            java.util.Arrays.fill(buffers[slot], 0, len, value);
        }
    }

    /**
     * A kernel: {@code node} indexes its stream in the executor's stream array; its outputs fill
     * {@code [slot, slot + outputs)}; {@code in} and {@code out} are one bar's scratch.
     */
    record Kernel(int slot, int node, int[] inputs, int outputs, KernelDescriptor descriptor, ParamValues params, double[] in,
            double[] out) implements ExecNode {
        @Override
        public void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode) {
            for (int i = 0; i < in.length; i++) {
                in[i] = values[inputs[i]];
            }
            switch (mode) {
                case 0 -> streams[node].update(in, out);
                case 1 -> streams[node].preview(in, out);
                default -> streams[node].replaceLast(in, out);
            }
            System.arraycopy(out, 0, values, slot, outputs);
        }

        @Override
        public void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
                int start, int len) {
            double[][] in = new double[inputs.length][];
            for (int i = 0; i < in.length; i++) {
                in[i] = buffers[inputs[i]];
            }
            double[][] out = new double[outputs][];
            for (int o = 0; o < outputs; o++) {
                out[o] = buffers[slot + o];
            }
            streams[node].updateRange(in, out, 0, len);
        }
    }

    /** An operator of the DSL ({@link Ops}); {@code b} is -1 for a unary one. */
    record Operator(int slot, Op op, int a, int b) implements ExecNode {
        /** This operator's value from its operands' slots in {@code values}. */
        public double value(double[] values) {
            return b < 0 ? Ops.apply(op, values[a]) : Ops.apply(op, values[a], values[b]);
        }

        @Override
        public void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode) {
            values[slot] = value(values);
        }

        @Override
        public void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
                int start, int len) {
            if (b < 0) {
                Ops.apply(op, buffers[a], buffers[slot], len);
            } else {
                Ops.apply(op, buffers[a], buffers[b], buffers[slot], len);
            }
        }
    }

    /**
     * A time-aware operator (timeframe, wall-clock shift, session; {@link TimeOperator}): like a kernel, but it also
     * reads the bar's close time. Plans with one run interpreted ({@link FusedCompiler} declines them).
     */
    record Timed(int slot, int node, int[] inputs, int outputs, double[] in, double[] out) implements ExecNode {
        @Override
        public void bar(double[] values, double[] bar, long time, KernelStream[] streams, TimeOperator[] operators, int mode) {
            for (int i = 0; i < in.length; i++) {
                in[i] = values[inputs[i]];
            }
            switch (mode) {
                case 0 -> operators[node].update(time, in, out);
                case 1 -> operators[node].preview(time, in, out);
                default -> operators[node].replaceLast(in, out);
            }
            System.arraycopy(out, 0, values, slot, outputs);
        }

        @Override
        public void block(double[][] buffers, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
                int start, int len) {
            double[][] ins = new double[inputs.length][];
            for (int i = 0; i < ins.length; i++) {
                ins[i] = buffers[inputs[i]];
            }
            double[][] outs = new double[outputs][];
            for (int o = 0; o < outputs; o++) {
                outs[o] = buffers[slot + o];
            }
            operators[node].updateRange(time, start, ins, outs, len);
        }
    }
}
