package io.ta.runtime.exec;

import java.util.Arrays;
import java.util.List;

/**
 * A plan compiled in stages ({@link FusedCompiler#stages}): its batch runs each stage's class over every bar in turn,
 * handing values on in arrays of every bar; its stream runs the plan's one class, whose update is cut into parts of
 * its own.
 */
final class Staged implements Fused {
    /**
     * {@code columns}, the plan's columns, which come first in the columns a stage reads; {@code crossing}, the arrays
     * handed from stage to stage, after them; {@code targets}, for each stage, where each slot it writes goes (as in
     * {@link FusedCompiler.Stage#targets}).
     */
    record Layout(int columns, int crossing, int[][] targets) {}

    private final Fused bars;
    private final Fused[] stages;
    private final Layout layout;

    Staged(Fused bars, Fused[] stages, Layout layout) {
        this.bars = bars;
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
        bars.update(bar, values);
    }

    @Override
    public void preview(double[] bar, double[] values) {
        bars.preview(bar, values);
    }

    @Override
    public void replaceLast(double[] bar, double[] values) {
        bars.replaceLast(bar, values);
    }

    @Override
    public void kernelOutputs(double[] values) {
        bars.kernelOutputs(values);
    }
}
