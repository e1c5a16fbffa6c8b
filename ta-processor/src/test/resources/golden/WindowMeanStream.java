package test;

import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.util.Arrays;
import java.util.Locale;
import javax.annotation.processing.Generated;

/**
 * Incremental {@code window_mean}: Mean of a window.
 *
 * <p>{@code update} commits a bar, {@code preview} evaluates the forming bar without committing it,
 * {@code replaceLast} revises the last committed bar; all are O(1) for O(1) kernels. Outputs of the most
 * recent of these calls are readable with {@link #value()}.
 */
@Generated("io.ta.processor.KernelProcessor")
public final class WindowMeanStream implements KernelStream {
    private static final String KERNEL = "window_mean";

    final int period;

    final WindowMean.Rounding rounding;

    private final int lookback;

    private WindowMean k;

    private WindowMean_State last;

    private final WindowMean_State probe;

    private long count;

    private double output0 = Double.NaN;

    private double lastInput0 = Double.NaN;

    /**
     * A fresh stream.
     *
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     */
    public WindowMeanStream(int period, WindowMean.Rounding rounding) {
        WindowMean_Descriptor.validate(period, rounding);
        this.period = period;
        this.rounding = rounding;
        this.lookback = WindowMean.lookback(period);
        this.k = new WindowMean(period, rounding);
        this.last = new WindowMean_State(k);
        this.probe = new WindowMean_State(k);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * Commits one bar and returns its output.
     *
     * @param x the bar's {@code x} (NaN: missing)
     * @return the bar's output, NaN while there is none (warm-up, missing values)
     */
    public double update(double x) {
        last.save(k);
        count++;
        lastInput0 = x;
        return output0 = Checks.finiteOrNaN(k.step(x));
    }

    /**
     * Evaluates the forming bar without committing it; returns its output.
     *
     * @param x the bar's {@code x} (NaN: missing)
     * @return the forming bar's output
     */
    public double preview(double x) {
        probe.save(k);
        double v = Checks.finiteOrNaN(k.step(x));
        probe.restore(k);
        return output0 = v;
    }

    /**
     * Replaces the last committed bar; returns the revised output.
     *
     * @param x the bar's {@code x} (NaN: missing)
     * @return the revised output
     * @throws io.ta.error.StreamStateException before the first {@code update}
     */
    public double replaceLast(double x) {
        Checks.hasLast(KERNEL, count);
        last.restore(k);
        lastInput0 = x;
        return output0 = Checks.finiteOrNaN(k.step(x));
    }

    /**
     * The output of the most recent update, preview or replaceLast (NaN before any).
     *
     * @return the value, NaN while there is none (warm-up, missing or non-finite inputs)
     */
    public double value() {
        return output0;
    }

    /**
     * Commits bars {@code [from, to)} of the inputs, writing outputs at the same indices; the same as one
     * {@code update} per bar. Chunks of one series give exactly the whole-series batch result.
     *
     * @param x input {@code x}, read at {@code [from, to)}
     * @param out receives output {@code value} at {@code [from, to)}
     * @param from the first bar, inclusive
     * @param to the end of the range, exclusive
     * @throws io.ta.error.ShapeMismatchException if the range lies outside an array
     */
    public void updateRange(double[] x, double[] out, int from, int to) {
        Checks.range(KERNEL, "x", x, from, to);
        Checks.range(KERNEL, "out", out, from, to);
        if (from == to) {
            return;
        }
        WindowMean k = this.k;
        WindowMean_Descriptor.loop(k, x, out, from, to - 1);
        last.save(k);
        lastInput0 = x[to - 1];
        WindowMean_Descriptor.loop(k, x, out, to - 1, to);
        count += to - from;
        output0 = out[to - 1];
    }

    /**
     * Output {@code i} (in descriptor order) of the most recent update, preview or replaceLast.
     */
    double outputAt(int i) {
        switch (i) {
            case 0: return output0;
            default: throw new IndexOutOfBoundsException(i);
        }
    }

    /**
     * The kernel's descriptor.
     *
     * @return the one shared descriptor of {@code window_mean}
     */
    @Override
    public KernelDescriptor descriptor() {
        return WindowMean_Descriptor.INSTANCE;
    }

    /**
     * The parameters this stream was made with.
     *
     * @return their values, by name and position
     */
    @Override
    public ParamValues params() {
        return ParamValues.ofPositional(WindowMean_Descriptor.INSTANCE, period, rounding.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Index of the first valid output for NaN-free input.
     *
     * @return the number of warm-up bars, whose outputs are NaN
     */
    @Override
    public int lookback() {
        return lookback;
    }

    /**
     * Committed bars so far: a preview or a replaceLast commits none.
     *
     * @return the bars {@code update} and {@code updateRange} committed since the last reset, plus
     * those of a restored snapshot
     */
    @Override
    public long count() {
        return count;
    }

    /**
     * Whether enough bars were committed for NaN-free input to give valid output.
     *
     * @return {@code count() > lookback()}
     */
    @Override
    public boolean isReady() {
        return count > lookback;
    }

    /**
     * {@link #update}, with the bar and the outputs in arrays (the runtime's uniform view).
     *
     * @param bar one value per input, in the descriptor's order
     * @param out receives one value per output, in the descriptor's order
     * @throws io.ta.error.ShapeMismatchException if an array is null or of another length
     */
    @Override
    public void update(double[] bar, double[] out) {
        Checks.values(KERNEL, "inputs", 1, bar);
        Checks.values(KERNEL, "outputs", 1, out);
        update(bar[0]);
        out[0] = output0;
    }

    /**
     * {@link #preview}, with the bar and the outputs in arrays (the runtime's uniform view).
     *
     * @param bar one value per input, in the descriptor's order
     * @param out receives one value per output, in the descriptor's order
     * @throws io.ta.error.ShapeMismatchException if an array is null or of another length
     */
    @Override
    public void preview(double[] bar, double[] out) {
        Checks.values(KERNEL, "inputs", 1, bar);
        Checks.values(KERNEL, "outputs", 1, out);
        preview(bar[0]);
        out[0] = output0;
    }

    /**
     * {@link #replaceLast}, with the bar and the outputs in arrays (the runtime's uniform view).
     *
     * @param bar one value per input, in the descriptor's order
     * @param out receives one value per output, in the descriptor's order
     * @throws io.ta.error.ShapeMismatchException if an array is null or of another length
     * @throws io.ta.error.StreamStateException before the first {@code update}
     */
    @Override
    public void replaceLast(double[] bar, double[] out) {
        Checks.values(KERNEL, "inputs", 1, bar);
        Checks.values(KERNEL, "outputs", 1, out);
        replaceLast(bar[0]);
        out[0] = output0;
    }

    /**
     * The typed {@code updateRange}, with one array per input and per output.
     *
     * @param in one array per input, in the descriptor's order, read at {@code [from, to)}
     * @param out one array per output, in the descriptor's order, written at {@code [from, to)}
     * @param from the first bar, inclusive
     * @param to the end of the range, exclusive
     * @throws io.ta.error.ShapeMismatchException if an array is missing or the range lies outside one
     */
    @Override
    public void updateRange(double[][] in, double[][] out, int from, int to) {
        Checks.arrays(KERNEL, "input arrays", 1, in);
        Checks.arrays(KERNEL, "output arrays", 1, out);
        updateRange(in[0], out[0], from, to);
    }

    /**
     * The complete state, as a compact versioned value; the stream is left as it was. Several
     * threads may take snapshots at once while none changes the stream.
     *
     * @return a snapshot that {@link #restore} accepts on a stream with the same parameters
     */
    @Override
    public synchronized StateSnapshot snapshot() {
        // count, parameters, outputs, then the state: after a committed bar, the state before it and the
        // bar, so restore re-derives the replace-last checkpoint by stepping it again.
        StateWriter w = new StateWriter();
        w.putLong(count);
        w.putParams(params());
        w.putDouble(output0);
        if (count > 0) {
            w.putDouble(lastInput0);
            last.restore(k);
            WindowMean_State.writeState(k, w);
            // The step is deterministic, so stepping the bar again puts k back exactly as it was.
            k.step(lastInput0);
        } else {
            WindowMean_State.writeState(k, w);
        }
        return new StateSnapshot(KERNEL, WindowMean_State.SCHEMA, w.toArray());
    }

    /**
     * Replaces this stream's state by {@code snapshot}, after validating all of it; on failure
     * the stream is unchanged.
     *
     * @param snapshot a snapshot of a {@code window_mean} stream
     * @throws io.ta.error.SnapshotMismatchException if it was taken from another kernel, layout or parameter set
     * @throws io.ta.error.CorruptSnapshotException if a word breaks the kernel's invariants
     */
    @Override
    public void restore(StateSnapshot snapshot) {
        // Read and check everything into fresh objects and swap at the end, so a bad snapshot leaves
        // this stream untouched.
        Checks.snapshot(KERNEL, WindowMean_State.SCHEMA, snapshot);
        StateReader r = snapshot.reader();
        long c = r.getCount("count");
        r.expectParams(params());
        double o0 = r.getDouble("output value", -Double.MAX_VALUE, Double.MAX_VALUE, true);
        double[] bar = nans(1);
        if (c > 0) {
            for (int i = 0; i < bar.length; i++) {
                bar[i] = r.getDouble();
            }
        }
        WindowMean fresh = new WindowMean(period, rounding);
        WindowMean_State.readState(fresh, r);
        r.end();
        WindowMean_State freshLast = new WindowMean_State(fresh);
        freshLast.save(fresh);
        if (c > 0) {
            try {
                fresh.step(bar[0]);
            } catch (RuntimeException fault) {
                throw Checks.replayFailed(KERNEL, fault);
            }
        }
        this.k = fresh;
        this.last = freshLast;
        this.count = c;
        this.lastInput0 = bar[0];
        this.output0 = o0;
    }

    /**
     * Back to the state of a fresh stream with the same parameters.
     */
    @Override
    public void reset() {
        this.k = new WindowMean(period, rounding);
        this.last = new WindowMean_State(k);
        this.count = 0;
        this.output0 = Double.NaN;
        this.lastInput0 = Double.NaN;
    }

    @Override
    public String toString() {
        return KERNEL + "(" + params() + ") after " + count + " bars";
    }
}
