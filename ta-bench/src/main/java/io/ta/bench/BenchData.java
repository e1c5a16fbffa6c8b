package io.ta.bench;

import io.ta.runtime.Bars;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic OHLCV bars for benchmarks: a seeded geometric random walk, so every run and every library
 * sees the same arrays. (The real sample data is only 5,550 bars; benchmarks need 1M to leave the caches.)
 */
public final class BenchData {
    public final double[] open;
    public final double[] high;
    public final double[] low;
    public final double[] close;
    public final double[] volume;

    public BenchData(int n) {
        SplittableRandom r = new SplittableRandom(42);
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        double c = 100;
        for (int i = 0; i < n; i++) {
            double o = c;
            c = Math.max(1, c * (1 + 0.01 * r.nextGaussian()));
            double span = c * 0.01 * Math.abs(r.nextGaussian());
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) + span * r.nextDouble();
            low[i] = Math.min(o, c) - span * r.nextDouble();
            volume[i] = Math.floor(1e5 * (1 + Math.abs(r.nextGaussian())));
        }
    }

    /** The five columns as plan bars, named as the DSL names them (open, high, low, close, volume). */
    public Bars bars() {
        return Bars.builder().column("open", open).column("high", high).column("low", low).column("close", close)
                .column("volume", volume).build();
    }
}
