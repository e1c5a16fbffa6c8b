package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.candle.CdlEngulfingStream;
import io.ta.kernels.candle.CdlScanStream;
import io.ta.kernels.candle.CdlScan_Descriptor;
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

/**
 * All 61 TA-Lib candlestick patterns over the same 1M bars, in ns per bar for the whole set, four ways:
 * <ul>
 *   <li>{@code talibPatterns}: TA-Lib's Java port, the 61 {@code Core.cdl*} calls one after the other, each into the
 *       same preallocated {@code int[]} (TA-Lib's output type);
 *   <li>{@code taPatterns}: ta's 61 batch kernels one after the other, each into the same preallocated
 *       {@code double[]} — the like-for-like comparison;
 *   <li>{@code taScan}: {@code cdl_scan}, all 61 in one pass over one shared candle frame, through its stream's
 *       {@code updateRange} in blocks of {@value #BLOCK} bars into 61 block-sized buffers, reused — how the runtime's
 *       block executor runs a plan, and how a scan that consumes its signals as it goes would run;
 *   <li>{@code taScanFull}: {@code cdl_scan}'s batch into 61 full-length outputs (488 MB written per pass: the
 *       memory traffic of keeping every pattern of every bar).
 * </ul>
 * and, for streaming, {@code cdl_scan}'s and one pattern's (engulfing) stream updated bar by bar, beside that
 * pattern's batch in ta and TA-Lib. Names avoid the {@code <kernel>Ta} form {@link Report} reads as kernel rows.
 * Penetrations are TA-Lib's defaults everywhere. The 0.4 port returns 0 where 0.6 (and ta) return ±80 for engulfing,
 * harami and harami cross — the only difference in work is that constant.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@OperationsPerInvocation(CandleScanBench.N)
public class CandleScanBench {
    static final int N = MovingAverageBench.N;
    static final int BLOCK = 4096;

    double[] open;
    double[] high;
    double[] low;
    double[] close;
    double[] out;
    int[] outInt;
    double[][] blockIn;
    double[][] blockOut;
    double[][] full;
    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();

    @Setup
    public void setup() {
        BenchData data = new BenchData(N);
        open = data.open;
        high = data.high;
        low = data.low;
        close = data.close;
        out = new double[N];
        outInt = new int[N];
        blockIn = new double[4][BLOCK];
        blockOut = new double[61][BLOCK];
        full = new double[61][N];
    }

    @Benchmark
    public int[] talibPatterns() {
        core.cdl2Crows(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3BlackCrows(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3Inside(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3LineStrike(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3Outside(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3StarsInSouth(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdl3WhiteSoldiers(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlAbandonedBaby(0, N - 1, open, high, low, close, 0.3, begin, count, outInt);
        core.cdlAdvanceBlock(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlBeltHold(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlBreakaway(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlClosingMarubozu(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlConcealBabysWall(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlCounterAttack(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlDarkCloudCover(0, N - 1, open, high, low, close, 0.5, begin, count, outInt);
        core.cdlDoji(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlDojiStar(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlDragonflyDoji(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlEngulfing(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlEveningDojiStar(0, N - 1, open, high, low, close, 0.3, begin, count, outInt);
        core.cdlEveningStar(0, N - 1, open, high, low, close, 0.3, begin, count, outInt);
        core.cdlGapSideSideWhite(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlGravestoneDoji(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHammer(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHangingMan(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHarami(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHaramiCross(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHignWave(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHikkake(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHikkakeMod(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlHomingPigeon(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlIdentical3Crows(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlInNeck(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlInvertedHammer(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlKicking(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlKickingByLength(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlLadderBottom(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlLongLeggedDoji(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlLongLine(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlMarubozu(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlMatchingLow(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlMatHold(0, N - 1, open, high, low, close, 0.5, begin, count, outInt);
        core.cdlMorningDojiStar(0, N - 1, open, high, low, close, 0.3, begin, count, outInt);
        core.cdlMorningStar(0, N - 1, open, high, low, close, 0.3, begin, count, outInt);
        core.cdlOnNeck(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlPiercing(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlRickshawMan(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlRiseFall3Methods(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlSeperatingLines(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlShootingStar(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlShortLine(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlSpinningTop(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlStalledPattern(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlStickSandwhich(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlTakuri(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlTasukiGap(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlThrusting(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlTristar(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlUnique3River(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlUpsideGap2Crows(0, N - 1, open, high, low, close, begin, count, outInt);
        core.cdlXSideGap3Methods(0, N - 1, open, high, low, close, begin, count, outInt);
        return outInt;
    }

    @Benchmark
    public double[] taPatterns() {
        Ta.cdl2crows(open, high, low, close, out);
        Ta.cdl3blackcrows(open, high, low, close, out);
        Ta.cdl3inside(open, high, low, close, out);
        Ta.cdl3linestrike(open, high, low, close, out);
        Ta.cdl3outside(open, high, low, close, out);
        Ta.cdl3starsinsouth(open, high, low, close, out);
        Ta.cdl3whitesoldiers(open, high, low, close, out);
        Ta.cdlAbandonedbaby(open, high, low, close, 0.3, out);
        Ta.cdlAdvanceblock(open, high, low, close, out);
        Ta.cdlBelthold(open, high, low, close, out);
        Ta.cdlBreakaway(open, high, low, close, out);
        Ta.cdlClosingmarubozu(open, high, low, close, out);
        Ta.cdlConcealbabyswall(open, high, low, close, out);
        Ta.cdlCounterattack(open, high, low, close, out);
        Ta.cdlDarkcloudcover(open, high, low, close, 0.5, out);
        Ta.cdlDoji(open, high, low, close, out);
        Ta.cdlDojistar(open, high, low, close, out);
        Ta.cdlDragonflydoji(open, high, low, close, out);
        Ta.cdlEngulfing(open, high, low, close, out);
        Ta.cdlEveningdojistar(open, high, low, close, 0.3, out);
        Ta.cdlEveningstar(open, high, low, close, 0.3, out);
        Ta.cdlGapsidesidewhite(open, high, low, close, out);
        Ta.cdlGravestonedoji(open, high, low, close, out);
        Ta.cdlHammer(open, high, low, close, out);
        Ta.cdlHangingman(open, high, low, close, out);
        Ta.cdlHarami(open, high, low, close, out);
        Ta.cdlHaramicross(open, high, low, close, out);
        Ta.cdlHighwave(open, high, low, close, out);
        Ta.cdlHikkake(open, high, low, close, out);
        Ta.cdlHikkakemod(open, high, low, close, out);
        Ta.cdlHomingpigeon(open, high, low, close, out);
        Ta.cdlIdentical3crows(open, high, low, close, out);
        Ta.cdlInneck(open, high, low, close, out);
        Ta.cdlInvertedhammer(open, high, low, close, out);
        Ta.cdlKicking(open, high, low, close, out);
        Ta.cdlKickingbylength(open, high, low, close, out);
        Ta.cdlLadderbottom(open, high, low, close, out);
        Ta.cdlLongleggeddoji(open, high, low, close, out);
        Ta.cdlLongline(open, high, low, close, out);
        Ta.cdlMarubozu(open, high, low, close, out);
        Ta.cdlMatchinglow(open, high, low, close, out);
        Ta.cdlMathold(open, high, low, close, 0.5, out);
        Ta.cdlMorningdojistar(open, high, low, close, 0.3, out);
        Ta.cdlMorningstar(open, high, low, close, 0.3, out);
        Ta.cdlOnneck(open, high, low, close, out);
        Ta.cdlPiercing(open, high, low, close, out);
        Ta.cdlRickshawman(open, high, low, close, out);
        Ta.cdlRisefall3methods(open, high, low, close, out);
        Ta.cdlSeparatinglines(open, high, low, close, out);
        Ta.cdlShootingstar(open, high, low, close, out);
        Ta.cdlShortline(open, high, low, close, out);
        Ta.cdlSpinningtop(open, high, low, close, out);
        Ta.cdlStalledpattern(open, high, low, close, out);
        Ta.cdlSticksandwich(open, high, low, close, out);
        Ta.cdlTakuri(open, high, low, close, out);
        Ta.cdlTasukigap(open, high, low, close, out);
        Ta.cdlThrusting(open, high, low, close, out);
        Ta.cdlTristar(open, high, low, close, out);
        Ta.cdlUnique3river(open, high, low, close, out);
        Ta.cdlUpsidegap2crows(open, high, low, close, out);
        Ta.cdlXsidegap3methods(open, high, low, close, out);
        return out;
    }

    @Benchmark
    public double[][] taScan() {
        CdlScanStream s = Ta.cdlScanStream();
        double[][] in = blockIn;
        for (int from = 0; from < N; from += BLOCK) {
            int len = Math.min(BLOCK, N - from);
            System.arraycopy(open, from, in[0], 0, len);
            System.arraycopy(high, from, in[1], 0, len);
            System.arraycopy(low, from, in[2], 0, len);
            System.arraycopy(close, from, in[3], 0, len);
            s.updateRange(in, blockOut, 0, len);
        }
        return blockOut;
    }

    /** A live feed: {@code cdl_scan}'s stream, one {@code update} per bar, every output read after it. */
    @Benchmark
    public double taScanUpdate() {
        CdlScanStream s = Ta.cdlScanStream();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            s.update(open[i], high[i], low[i], close[i]);
            sum += s.cdl2Crows() + s.cdlDoji() + s.cdlEngulfing() + s.cdlHammer() + s.cdlXSideGap3Methods();
        }
        return sum;
    }

    /** One pattern's stream, one {@code update} per bar. */
    @Benchmark
    public double taEngulfingUpdate() {
        CdlEngulfingStream s = Ta.cdlEngulfingStream();
        double sum = 0;
        for (int i = 0; i < N; i++) {
            sum += s.update(open[i], high[i], low[i], close[i]);
        }
        return sum;
    }

    /** One pattern's batch, for the stream row above. */
    @Benchmark
    public double[] taEngulfing() {
        Ta.cdlEngulfing(open, high, low, close, out);
        return out;
    }

    /** TA-Lib's engulfing, for the two rows above. */
    @Benchmark
    public int[] talibEngulfing() {
        core.cdlEngulfing(0, N - 1, open, high, low, close, begin, count, outInt);
        return outInt;
    }

    @Benchmark
    public double[][] taScanFull() {
        CdlScan_Descriptor.batch(open, high, low, close, full[0], full[1], full[2], full[3], full[4], full[5], full[6], full[7], full[8], full[9], full[10], full[11], full[12], full[13], full[14], full[15], full[16], full[17], full[18], full[19], full[20], full[21], full[22], full[23], full[24], full[25], full[26], full[27], full[28], full[29], full[30], full[31], full[32], full[33], full[34], full[35], full[36], full[37], full[38], full[39], full[40], full[41], full[42], full[43], full[44], full[45], full[46], full[47], full[48], full[49], full[50], full[51], full[52], full[53], full[54], full[55], full[56], full[57], full[58], full[59], full[60]);
        return full;
    }
}
