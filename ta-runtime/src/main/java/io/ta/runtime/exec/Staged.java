package io.ta.runtime.exec;

import java.util.Arrays;
import java.util.List;

/**
 * The batch of a plan compiled in stages ({@link FusedCompiler#stages}): each stage's class over every bar in turn,
 * handing values on in arrays of every bar. The plan's stream is its one class, whose update is cut into parts of its
 * own ({@link FusedCompiler.Factory#make}), so this has no stream methods.
 */
final class Staged implements Fused {
    /**
     * {@code columns}, the plan's columns, which come first in the columns a stage reads; {@code crossing}, the arrays
     * handed from stage to stage, after them; {@code targets}, for each stage, where each slot it writes goes (as in
     * {@link FusedCompiler.Stage#targets}).
     */
    record Layout(int columns, int crossing, int[][] targets) {}

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
        return new Layout(columns, crossing, targets);
    }

    @Override
    public void batch(double[][] columns, double[][] roots, int n, int block) {
        double[][] all = Arrays.copyOf(columns, layout.columns() + layout.crossing());
        for (int t = layout.columns(); t < all.length; t++) {
            all[t] = new double[n];
        }
        for (int s = 0; s < stages.length; s++) {
            int[] targets = layout.targets()[s];
            double[][] out = new double[targets.length][];
            for (int j = 0; j < out.length; j++) {
                out[j] = targets[j] >= 0 ? roots[targets[j]] : all[layout.columns() - 1 - targets[j]];
            }
            stages[s].batch(all, out, n, block);
        }
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
