package io.ta.runtime.exec;

import io.ta.runtime.plan.Node;
import io.ta.runtime.Plan;
import io.ta.runtime.plan.Ref;
import io.ta.runtime.time.TimeOperator;
import io.ta.spi.KernelStream;

/**
 * A plan prepared for execution, shared by {@link BlockExecutor} and {@link io.ta.runtime.PlanStream}: its {@link ExecNode}s, the slot
 * of every root, and — unless the plan runs interpreted — the factory of its compiled {@link Fused} form.
 */
public final class Program {
    public final Plan plan;
    public final ExecNode[] nodes;
    public final int[] rootSlots;
    public final int slots;
    private final FusedCompiler.Factory factory;

    private Program(Plan plan, boolean fuse) {
        this.plan = plan;
        this.nodes = ExecNode.of(plan.nodes(), plan.columns());
        int s = 0;
        for (Node n : plan.nodes()) {
            s += n.outputs();
        }
        this.slots = s;
        this.rootSlots = new int[plan.roots().size()];
        int r = 0;
        for (Ref ref : plan.roots().values()) {
            rootSlots[r++] = slot(ref);
        }
        this.factory = fuse ? FusedCompiler.forPlan(plan, nodes, this::newStreams, rootSlots) : null;
    }

    /** The program of {@code plan}; {@code fuse} false runs it interpreted. */
    public static Program of(Plan plan, boolean fuse) {
        return new Program(plan, fuse);
    }

    /** The slot holding {@code ref}'s value. */
    public int slot(Ref ref) {
        return nodes[ref.node().id()].slot() + ref.output();
    }

    /** Fresh kernel streams, indexed by node id (null for other nodes). */
    public KernelStream[] newStreams() {
        KernelStream[] streams = new KernelStream[nodes.length];
        for (Node n : plan.nodes()) {
            if (n instanceof Node.Kernel k) {
                streams[n.id()] = k.descriptor().newStream(k.params());
            }
        }
        return streams;
    }

    /** Fresh time operators, indexed by node id (null for other nodes). */
    public TimeOperator[] newOperators() {
        TimeOperator[] ops = new TimeOperator[nodes.length];
        for (Node n : plan.nodes()) {
            if (n instanceof Node.Timed t) {
                ops[n.id()] = t.spec().newOperator(plan.zone());
            }
        }
        return ops;
    }

    /** Whether the plan has time-aware nodes. */
    public boolean timed() {
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Timed) {
                return true;
            }
        }
        return false;
    }

    /** Whether the plan runs compiled. */
    public boolean fused() {
        return factory != null;
    }

    /** The compiled plan over {@code streams} (a plan stream's); null when interpreted. */
    public Fused fused(KernelStream[] streams) {
        return factory == null ? null : factory.make(streams);
    }

    /** The compiled plan over fresh kernels, for one batch run; null when interpreted. */
    Fused fusedBatch() {
        return factory == null ? null : factory.batch();
    }
}
