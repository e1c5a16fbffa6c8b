package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/**
 * The classic indicators (rsi, macd, bbands, atr, adx, stochastic, obv, psar), batch over the same 1M bars, in ns per
 * bar, three ways: ta's allocation-free batch into preallocated outputs, TA-Lib's Java port ({@link Core}) into the
 * same outputs, and ta4j 0.22.2 with {@code DoubleNum} — fresh indicators per invocation (ta4j caches every value it
 * computes) read forward over every bar, the way a backtest consumes them. ta4j's bar series is built once in setup;
 * its construction is not timed.
 *
 * <p>Every variant computes every output of its indicator: macd/signal/histogram, upper/middle/lower, slow %K/%D. The
 * one asymmetry favours the others: ta's {@code adx} also writes +DI and −DI, which TA-Lib's ADX and ta4j's
 * ADXIndicator compute internally but do not return, and ta's {@code psar} writes its direction (+1/−1) beside the
 * stop, which TA-Lib's SAR does not. psar has no ta4j row: its ParabolicSarIndicator reads back over the trend on every
 * bar (0.5 ms per bar over 10,000 bars, 2.1 ms over 40,000), and one pass over 1M bars does not end in minutes.
 * Stochastic is 14/3 without %K smoothing, the setting all three
 * share (ta4j's %K is the raw fast %K, its %D an SMA of 3).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class ClassicIndicatorBench {
    static final int N = MovingAverageBench.N;

    double[] high;
    double[] low;
    double[] close;
    double[] volume;
    double[] out1;
    double[] out2;
    double[] out3;
    BarSeries series;
    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();

    @Setup
    public void setup() {
        BenchData data = new BenchData(N);
        high = data.high;
        low = data.low;
        close = data.close;
        volume = data.volume;
        out1 = new double[N];
        out2 = new double[N];
        out3 = new double[N];
        series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        Instant t = Instant.parse("2000-01-01T00:00:00Z");
        for (int i = 0; i < N; i++) {
            t = t.plusSeconds(60);
            series.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(t)
                    .openPrice(data.open[i])
                    .highPrice(high[i])
                    .lowPrice(low[i])
                    .closePrice(close[i])
                    .volume(volume[i])
                    .add();
        }
    }

    /** Reads every value of each indicator forward into {@code out1..3}, as a backtest would. */
    private double[] drain(Indicator<Num> a, Indicator<Num> b, Indicator<Num> c) {
        for (int i = 0; i < N; i++) {
            out1[i] = a.getValue(i).doubleValue();
            if (b != null) {
                out2[i] = b.getValue(i).doubleValue();
            }
            if (c != null) {
                out3[i] = c.getValue(i).doubleValue();
            }
        }
        return out1;
    }

    // ---- rsi(14)

    @Benchmark
    public double[] rsiTa() {
        Ta.rsi(close, 14, out1);
        return out1;
    }

    @Benchmark
    public double[] rsiTalib() {
        core.rsi(0, N - 1, close, 14, begin, count, out1);
        return out1;
    }

    @Benchmark
    public double[] rsiTa4j() {
        return drain(new RSIIndicator(new ClosePriceIndicator(series), 14), null, null);
    }

    // ---- macd(12, 26, 9)

    @Benchmark
    public double[] macdTa() {
        Ta.macd(close, 12, 26, 9, out1, out2, out3);
        return out3;
    }

    @Benchmark
    public double[] macdTalib() {
        core.macd(0, N - 1, close, 12, 26, 9, begin, count, out1, out2, out3);
        return out3;
    }

    @Benchmark
    public double[] macdTa4j() {
        MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(series), 12, 26);
        return drain(macd, macd.getSignalLine(9), macd.getHistogram(9));
    }

    // ---- atr(14)

    @Benchmark
    public double[] atrTa() {
        Ta.atr(high, low, close, 14, out1);
        return out1;
    }

    @Benchmark
    public double[] atrTalib() {
        core.atr(0, N - 1, high, low, close, 14, begin, count, out1);
        return out1;
    }

    @Benchmark
    public double[] atrTa4j() {
        return drain(new ATRIndicator(series, 14), null, null);
    }

    // ---- bbands(20, 2)

    @Benchmark
    public double[] bbandsTa() {
        Ta.bbands(close, 20, 2.0, out1, out2, out3);
        return out1;
    }

    @Benchmark
    public double[] bbandsTalib() {
        core.bbands(0, N - 1, close, 20, 2.0, 2.0, MAType.Sma, begin, count, out1, out2, out3);
        return out1;
    }

    @Benchmark
    public double[] bbandsTa4j() {
        ClosePriceIndicator price = new ClosePriceIndicator(series);
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(price, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(price, 20);
        Num two = DoubleNumFactory.getInstance().two();
        return drain(new BollingerBandsUpperIndicator(middle, deviation, two), middle,
                new BollingerBandsLowerIndicator(middle, deviation, two));
    }

    // ---- stochastic(14, 3), %K unsmoothed

    @Benchmark
    public double[] stochasticTa() {
        Ta.stochastic(high, low, close, 14, 3, 1, out1, out2);
        return out2;
    }

    @Benchmark
    public double[] stochasticTalib() {
        core.stoch(0, N - 1, high, low, close, 14, 1, MAType.Sma, 3, MAType.Sma, begin, count, out1, out2);
        return out2;
    }

    @Benchmark
    public double[] stochasticTa4j() {
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        return drain(k, new StochasticOscillatorDIndicator(k), null);
    }

    // ---- adx(14)

    @Benchmark
    public double[] adxTa() {
        Ta.adx(high, low, close, 14, out1, out2, out3);
        return out1;
    }

    @Benchmark
    public double[] adxTalib() {
        core.adx(0, N - 1, high, low, close, 14, begin, count, out1);
        return out1;
    }

    @Benchmark
    public double[] adxTa4j() {
        return drain(new ADXIndicator(series, 14), null, null);
    }

    // ---- obv

    @Benchmark
    public double[] obvTa() {
        Ta.obv(close, volume, out1);
        return out1;
    }

    @Benchmark
    public double[] obvTalib() {
        core.obv(0, N - 1, close, volume, begin, count, out1);
        return out1;
    }

    @Benchmark
    public double[] obvTa4j() {
        return drain(new OnBalanceVolumeIndicator(series), null, null);
    }

    // ---- psar(0.02, 0.02, 0.2)

    @Benchmark
    public double[] psarTa() {
        Ta.psar(high, low, 0.02, 0.02, 0.2, out1, out2);
        return out1;
    }

    @Benchmark
    public double[] psarTalib() {
        core.sar(0, N - 1, high, low, 0.02, 0.2, begin, count, out1);
        return out1;
    }
}
