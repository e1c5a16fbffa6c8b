package test;

import io.ta.spi.Checks;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Incremental {@code bands}: Mean plus and minus a width.
 *
 * <p>{@code update} commits a bar, {@code preview} evaluates the forming bar without committing it,
 * {@code replaceLast} revises the last committed bar; all are O(1) for O(1) kernels. Outputs of the most
 * recent of these calls are readable with the output getters.
 */
@Generated("io.ta.processor.KernelProcessor")
public final class BandsStream implements KernelStream {
    private static final String KERNEL = "bands";

    final int fastPeriod;

    final int slowPeriod;

    final double width;

    private final int lookback;

    private Bands k;

    private Bands_State last;

    private final Bands_State probe;

    private long count;

    private double output0 = Double.NaN;

    private double output1 = Double.NaN;

    private double output2 = Double.NaN;

    private double lastInput0 = Double.NaN;

    private double lastInput1 = Double.NaN;

    /**
     * A fresh stream.
     *
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @throws io.ta.error.InvalidParameterException if a parameter is out of range
     */
    public BandsStream(int fastPeriod, int slowPeriod, double width) {
        Bands_Descriptor.validate(fastPeriod, slowPeriod, width);
        this.fastPeriod = fastPeriod;
        this.slowPeriod = slowPeriod;
        this.width = width;
        this.lookback = Bands.lookback(slowPeriod);
        this.k = new Bands(fastPeriod, slowPeriod, width);
        this.last = new Bands_State(k);
        this.probe = new Bands_State(k);
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    /**
     * Commits one bar; returns this stream, whose accessors now read its outputs.
     *
     * @param high the bar's {@code high} (NaN: missing)
     * @param low the bar's {@code low} (NaN: missing)
     * @return this stream
     */
    public BandsStream update(double high, double low) {
        last.saveOwn(k);
        count++;
        lastInput0 = high;
        lastInput1 = low;
        k.step(high, low);
        capture();
        return this;
    }

    /**
     * Evaluates the forming bar without committing it; returns this stream, whose accessors now read its
     * outputs.
     *
     * @param high the bar's {@code high} (NaN: missing)
     * @param low the bar's {@code low} (NaN: missing)
     * @return this stream
     */
    public BandsStream preview(double high, double low) {
        probe.saveOwn(k);
        k.step(high, low);
        capture();
        probe.restoreOwn(k);
        return this;
    }

    /**
     * Replaces the last committed bar; returns this stream, whose accessors now read the revised
     * outputs.
     *
     * @param high the bar's {@code high} (NaN: missing)
     * @param low the bar's {@code low} (NaN: missing)
     * @return this stream
     * @throws io.ta.error.StreamStateException before the first {@code update}
     */
    public BandsStream replaceLast(double high, double low) {
        Checks.hasLast(KERNEL, count);
        last.restoreOwn(k);
        lastInput0 = high;
        lastInput1 = low;
        k.step(high, low);
        capture();
        return this;
    }

    private void capture() {
        output0 = Checks.finiteOrNaN(k.upper);
        output1 = Checks.finiteOrNaN(k.middle);
        output2 = Checks.finiteOrNaN(k.lower);
    }

    /**
     * Output {@code upper}, from the most recent update, preview or replaceLast (NaN before any).
     *
     * @return the value, NaN while there is none (warm-up, missing or non-finite inputs)
     */
    public double upper() {
        return output0;
    }

    /**
     * Output {@code middle} (the mean), from the most recent update, preview or replaceLast (NaN before any).
     *
     * @return the value, NaN while there is none (warm-up, missing or non-finite inputs)
     */
    public double middle() {
        return output1;
    }

    /**
     * Output {@code lower}, from the most recent update, preview or replaceLast (NaN before any).
     *
     * @return the value, NaN while there is none (warm-up, missing or non-finite inputs)
     */
    public double lower() {
        return output2;
    }

    /**
     * Commits bars {@code [from, to)} of the inputs, writing outputs at the same indices; the same as one
     * {@code update} per bar. Chunks of one series give exactly the whole-series batch result.
     *
     * @param high input {@code high}, read at {@code [from, to)}
     * @param low input {@code low}, read at {@code [from, to)}
     * @param outUpper receives output {@code upper} at {@code [from, to)}
     * @param outMiddle receives output {@code middle} at {@code [from, to)}
     * @param outLower receives output {@code lower} at {@code [from, to)}
     * @param from the first bar, inclusive
     * @param to the end of the range, exclusive
     * @throws io.ta.error.ShapeMismatchException if the range lies outside an array
     */
    public void updateRange(double[] high, double[] low, double[] outUpper, double[] outMiddle,
            double[] outLower, int from, int to) {
        Checks.range(KERNEL, "high", high, from, to);
        Checks.range(KERNEL, "low", low, from, to);
        Checks.range(KERNEL, "outUpper", outUpper, from, to);
        Checks.range(KERNEL, "outMiddle", outMiddle, from, to);
        Checks.range(KERNEL, "outLower", outLower, from, to);
        Checks.distinct(KERNEL, "upper,middle,lower", outUpper, outMiddle, outLower);
        if (from == to) {
            return;
        }
        Bands k = this.k;
        Bands_Descriptor.loop(k, high, low, outUpper, outMiddle, outLower, from, to - 1);
        last.saveOwn(k);
        lastInput0 = high[to - 1];
        lastInput1 = low[to - 1];
        Bands_Descriptor.loop(k, high, low, outUpper, outMiddle, outLower, to - 1, to);
        count += to - from;
        output0 = outUpper[to - 1];
        output1 = outMiddle[to - 1];
        output2 = outLower[to - 1];
    }

    /**
     * Output {@code i} (in descriptor order) of the most recent update, preview or replaceLast.
     */
    double outputAt(int i) {
        switch (i) {
            case 0: return output0;
            case 1: return output1;
            case 2: return output2;
            default: throw new IndexOutOfBoundsException(i);
        }
    }

    /**
     * The kernel's descriptor.
     *
     * @return the one shared descriptor of {@code bands}
     */
    @Override
    public KernelDescriptor descriptor() {
        return Bands_Descriptor.INSTANCE;
    }

    /**
     * The parameters this stream was made with.
     *
     * @return their values, by name and position
     */
    @Override
    public ParamValues params() {
        return ParamValues.ofPositional(Bands_Descriptor.INSTANCE, fastPeriod, slowPeriod, width);
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
        Checks.values(KERNEL, "inputs", 2, bar);
        Checks.values(KERNEL, "outputs", 3, out);
        update(bar[0], bar[1]);
        out[0] = output0;
        out[1] = output1;
        out[2] = output2;
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
        Checks.values(KERNEL, "inputs", 2, bar);
        Checks.values(KERNEL, "outputs", 3, out);
        preview(bar[0], bar[1]);
        out[0] = output0;
        out[1] = output1;
        out[2] = output2;
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
        Checks.values(KERNEL, "inputs", 2, bar);
        Checks.values(KERNEL, "outputs", 3, out);
        replaceLast(bar[0], bar[1]);
        out[0] = output0;
        out[1] = output1;
        out[2] = output2;
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
        Checks.arrays(KERNEL, "input arrays", 2, in);
        Checks.arrays(KERNEL, "output arrays", 3, out);
        updateRange(in[0], in[1], out[0], out[1], out[2], from, to);
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
        w.putDouble(output1);
        w.putDouble(output2);
        if (count > 0) {
            w.putDouble(lastInput0);
            w.putDouble(lastInput1);
            last.restore(k);
            Bands_State.writeState(k, w);
            // The step is deterministic, so stepping the bar again puts k back exactly as it was.
            k.step(lastInput0, lastInput1);
        } else {
            last.restoreResults(k);
            Bands_State.writeState(k, w);
        }
        return new StateSnapshot(KERNEL, Bands_State.SCHEMA, w.toArray());
    }

    /**
     * Replaces this stream's state by {@code snapshot}, after validating all of it; on failure
     * the stream is unchanged.
     *
     * @param snapshot a snapshot of a {@code bands} stream
     * @throws io.ta.error.SnapshotMismatchException if it was taken from another kernel, layout or parameter set
     * @throws io.ta.error.CorruptSnapshotException if a word breaks the kernel's invariants
     */
    @Override
    public void restore(StateSnapshot snapshot) {
        // Read and check everything into fresh objects and swap at the end, so a bad snapshot leaves
        // this stream untouched.
        Checks.snapshot(KERNEL, Bands_State.SCHEMA, snapshot);
        StateReader r = snapshot.reader();
        long c = r.getCount("count");
        r.expectParams(params());
        double o0 = r.getDouble("output upper", -Double.MAX_VALUE, Double.MAX_VALUE, true);
        double o1 = r.getDouble("output middle", -Double.MAX_VALUE, Double.MAX_VALUE, true);
        double o2 = r.getDouble("output lower", -Double.MAX_VALUE, Double.MAX_VALUE, true);
        double[] bar = nans(2);
        if (c > 0) {
            for (int i = 0; i < bar.length; i++) {
                bar[i] = r.getDouble();
            }
        }
        Bands fresh = new Bands(fastPeriod, slowPeriod, width);
        Bands_State.readState(fresh, r);
        r.end();
        Bands_State freshLast = new Bands_State(fresh);
        freshLast.save(fresh);
        if (c > 0) {
            try {
                fresh.step(bar[0], bar[1]);
            } catch (RuntimeException fault) {
                throw Checks.replayFailed(KERNEL, fault);
            }
        }
        this.k = fresh;
        this.last = freshLast;
        this.count = c;
        this.lastInput0 = bar[0];
        this.lastInput1 = bar[1];
        this.output0 = o0;
        this.output1 = o1;
        this.output2 = o2;
    }

    /**
     * Back to the state of a fresh stream with the same parameters.
     */
    @Override
    public void reset() {
        this.k = new Bands(fastPeriod, slowPeriod, width);
        this.last = new Bands_State(k);
        this.count = 0;
        this.output0 = Double.NaN;
        this.output1 = Double.NaN;
        this.output2 = Double.NaN;
        this.lastInput0 = Double.NaN;
        this.lastInput1 = Double.NaN;
    }

    @Override
    public String toString() {
        return KERNEL + "(" + params() + ") after " + count + " bars";
    }
}
