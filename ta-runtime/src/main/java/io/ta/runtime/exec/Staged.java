package io.ta.runtime.exec;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The batch of a plan compiled in stages ({@link FusedCompiler#stages}): each stage's class over every bar in turn,
 * handing values on in arrays of every bar. The plan's stream is its one class, whose update is cut into parts of its
 * own ({@link FusedCompiler.Factory#make}), so this has no stream methods.
 */
final class Staged implements Fused {
    /**
     * {@code columns}, the plan's columns, which come first in the columns a stage reads; the arrays handed from stage
     * to stage after them, kept between runs in {@code crossing}; {@code targets}, for each stage, where each slot it
     * writes goes (as in {@link FusedCompiler.Stage#targets}).
     */
    record Layout(int columns, Kept crossing, int[][] targets) {}

    /**
     * The crossing arrays of a plan's last run, kept for its next: one set per plan, which the collector may clear.
     *
     * <p>Why: arrays of every bar, allocated fresh on every run, land on memory the heap has just grown into, and each
     * of their pages faults in on first touch. Under G1 at the default heap size a plan batch allocates only such large
     * arrays, so no young collection recycles their space while the heap can still grow: in JMH's default JVM the
     * 33-node plan (one crossing array) ran at 117–176 ns/bar, against 74–85 with G1's heap fixed at 1 GB, and at 94–98
     * with its arrays kept (performance-log.md, "Crossing arrays kept between runs"). Runs on several threads at once
     * each take the set if it is free and allocate their own if not; the last to finish keeps its set.
     */
    static final class Kept {
        private final int count;
        private final AtomicReference<SoftReference<double[][]>> arrays = new AtomicReference<>();

        /** Sets of {@code count} arrays. */
        Kept(int count) {
            this.count = count;
        }

        /** {@code count} arrays of at least {@code n} values: the kept set if it is free and long enough, else new. */
        double[][] take(int n) {
            SoftReference<double[][]> ref = arrays.getAndSet(null);
            double[][] a = ref == null ? null : ref.get();
            if (a == null || count > 0 && a[0].length < n) {
                a = new double[count][n];
            }
            return a;
        }

        void keep(double[][] a) {
            arrays.set(new SoftReference<>(a));
        }
    }

    private final Fused[] stages;
    private final Layout layout;

    Staged(Fused[] stages, Layout layout) {
        this.stages = stages;
        this.layout = layout;
    }

    static Layout layout(List<FusedCompiler.Stage> stages, int columns) {
        int crossing = 0;
        int[][] targets = new int[stages.size()][];
        for (int s = 0; s < targets.length; s++) {
            targets[s] = stages.get(s).targets();
            for (int t : targets[s]) {
                crossing = Math.max(crossing, -t);
            }
        }
        return new Layout(columns, new Kept(crossing), targets);
    }

    @Override
    public void batch(double[][] columns, double[][] roots, int n, int block) {
        // A crossing array longer than n from a longer run serves: each is written at every bar in [0, n) by the stage
        // that makes it before any later stage reads it, and a lent part reads back only bars already pushed.
        double[][] crossing = layout.crossing().take(n);
        double[][] all = Arrays.copyOf(columns, layout.columns() + crossing.length);
        System.arraycopy(crossing, 0, all, layout.columns(), crossing.length);
        for (int s = 0; s < stages.length; s++) {
            int[] targets = layout.targets()[s];
            double[][] out = new double[targets.length][];
            for (int j = 0; j < out.length; j++) {
                out[j] = targets[j] >= 0 ? roots[targets[j]] : all[layout.columns() - 1 - targets[j]];
            }
            stages[s].batch(all, out, n, block);
        }
        layout.crossing().keep(crossing);
    }

    @Override
    public void update(double[] bar, double[] values) {
        throw streamless();
    }

    @Override
    public void preview(double[] bar, double[] values) {
        throw streamless();
    }

    @Override
    public void replaceLast(double[] bar, double[] values) {
        throw streamless();
    }

    @Override
    public void kernelOutputs(double[] values) {
        throw streamless();
    }

    private static UnsupportedOperationException streamless() {
        return new UnsupportedOperationException("a staged batch has no stream: the plan's stream is its own class");
    }
}
