package io.ta.runtime.time;

/** The block form of {@link TimeOperator} as a loop over its per-bar step, with scratch arrays allocated once. */
abstract class BlockSteps implements TimeOperator {
    private final double[] inBar;
    private final double[] outBar;

    BlockSteps(int inputs, int outputs) {
        this.inBar = new double[inputs];
        this.outBar = new double[outputs];
    }

    @Override
    public final void updateRange(long[] time, int timeOffset, double[][] in, double[][] out, int len) {
        for (int i = 0; i < len; i++) {
            for (int k = 0; k < inBar.length; k++) {
                inBar[k] = in[k][i];
            }
            update(time[timeOffset + i], inBar, outBar);
            for (int o = 0; o < outBar.length; o++) {
                out[o][i] = outBar[o];
            }
        }
    }
}
