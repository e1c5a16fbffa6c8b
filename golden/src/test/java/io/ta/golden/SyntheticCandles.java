package io.ta.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated candle data of {@code talib06/synthetic-candles.csv}: candles that make every TA-Lib candlestick
 * pattern fire, with every value it can take, where 22 years of real daily bars leave some of them silent (kicking,
 * mat hold, concealing baby swallow, ...). Deterministic: a fixed seed, and {@link SyntheticCandlesTest} checks the
 * committed file is exactly this generator's output.
 *
 * <p>Two parts. First a seeded random walk of "pattern-rich" candles — dojis, marubozu, long bodies, gaps — so the
 * patterns also meet each other in unplanned company. Then, for every pattern and sign, a planted example: twelve
 * calm candles (body 0.5, shadows 0.25 each, so TA-Lib's averages are round: long body > 0.5, doji body <= 0.1, very
 * short shadow < 0.1, near 0.2, far 0.6, equal 0.05) followed by the pattern's candles, written relative to the calm
 * level; a bearish twin is the bullish example reflected in that level (open, close and the two extremes mirrored).
 *
 * <p>Every price is a multiple of 1/32 below 256, so every difference and every sum of up to 10 of them is exact in
 * binary floating point: TA-Lib and ta compute the same averages bit for bit whatever order they add in, and a
 * pattern that sits exactly on a threshold is decided the same way by both.
 */
final class SyntheticCandles {
    static final long SEED = 15;
    static final int RANDOM_BARS = 3000;

    private final List<double[]> bars = new ArrayList<>();
    private final SplittableRandom r = new SplittableRandom(SEED);

    private SyntheticCandles() {}

    /** The rows {@code open, high, low, close, volume}. */
    static List<double[]> generate() {
        SyntheticCandles g = new SyntheticCandles();
        g.randomWalk();
        g.planted();
        return g.bars;
    }

    /** The CSV text of {@link #generate()}. */
    static String csv() {
        StringBuilder sb = new StringBuilder("bar,open,high,low,close,volume\n");
        List<double[]> rows = generate();
        for (int t = 0; t < rows.size(); t++) {
            double[] b = rows.get(t);
            sb.append(t);
            for (double v : b) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static double grid(double x) {
        return Math.rint(x * 32) / 32;
    }

    private void add(double o, double h, double l, double c) {
        if (!(l <= Math.min(o, c) && h >= Math.max(o, c) && l > 0 && h < 256)) {
            throw new IllegalStateException("not a candle: " + o + " " + h + " " + l + " " + c);
        }
        bars.add(new double[] {o, h, l, c, 1000 + 8 * r.nextInt(1000)});
    }

    /** A random walk whose candles are often extreme: the raw material candlestick patterns are made of. */
    private void randomWalk() {
        double mid = 64;
        for (int i = 0; i < RANDOM_BARS; i++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                mid += (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(3)) * 0.5; // a gap
            }
            mid = Math.min(200, Math.max(16, mid + grid(r.nextGaussian() * 0.375)));
            double body = switch (kind) {
                case 1, 2 -> r.nextInt(3) / 32.0;                 // doji
                case 3, 4 -> grid(1 + 1.5 * r.nextDouble());      // long
                default -> grid(0.75 * r.nextDouble());
            };
            boolean shaved = kind == 3 || r.nextInt(8) == 0;    // marubozu-like
            double up = shaved ? 0 : grid(r.nextDouble() * (r.nextInt(4) == 0 ? 1.5 : 0.375));
            double down = shaved ? 0 : grid(r.nextDouble() * (r.nextInt(4) == 0 ? 1.5 : 0.375));
            double o = grid(mid + (r.nextBoolean() ? body / 2 : -body / 2));
            double c = o > mid ? o - body : o + body;
            add(o, Math.max(o, c) + up, Math.min(o, c) - down, c);
            mid = c;
        }
    }

    /** Every pattern and sign, after calm candles, at a random level; bearish twins reflected. */
    private void planted() {
        for (double[][] p : BULLISH_AND_SIGNED) {
            plant(p, false);
            plant(p, true);
        }
        for (double[][] p : ONE_SIDED) {
            plant(p, false);
        }
    }

    private void plant(double[][] pattern, boolean mirrored) {
        double base = 32 + 4 * r.nextInt(40);
        double s = mirrored ? -1 : 1;
        for (int i = 0; i < 12; i++) {
            boolean white = i % 2 == 0;
            double o = white ? 0 : 0.5;
            double c = white ? 0.5 : 0;
            candle(base, s, o, 0.75, -0.25, c);
        }
        for (double[] q : pattern) {
            candle(base, s, q[0], q[1], q[2], q[3]);
        }
    }

    private void candle(double base, double s, double o, double h, double l, double c) {
        add(base + s * o, base + s * (s > 0 ? h : l), base + s * (s > 0 ? l : h), base + s * c);
    }

    private static double[] c(double o, double h, double l, double c) {
        return new double[] {o, h, l, c};
    }

    /** Examples planted as written and reflected: the two signs of a pattern, or two one-sided patterns. */
    private static final double[][][] BULLISH_AND_SIGNED = {
        // 3inside: long white, short inside, black closing under the first open (-100; reflected +100)
        {c(0, 2.25, -0.25, 2), c(1, 1.5, 0.75, 1.25), c(1, 1.25, -0.75, -0.5)},
        // 3linestrike: three white, then a black closing under the first open (+100)
        {c(0, 1.125, -0.125, 1), c(0.5, 1.625, 0.375, 1.5), c(1, 2.125, 0.875, 2), c(2.25, 2.375, -0.375, -0.25)},
        // 3outside: black, white engulfing, higher close (+100)
        {c(1, 1.125, 0.375, 0.5), c(0.25, 1.375, 0.125, 1.25), c(1.25, 1.875, 1.125, 1.75)},
        // abandonedbaby: long white, doji gapping up, black gapping down deep into the first (-100)
        {c(0, 2.25, -0.25, 2), c(2.75, 3, 2.5, 2.75), c(2.25, 2.375, 0.875, 1)},
        // belthold: long white opening on its low (+100)
        {c(0, 1.75, 0, 1.5)},
        // breakaway: long black, black gapping down, two lower candles, white closing in the gap (+100)
        {c(2, 2.125, -0.125, 0), c(-0.5, -0.375, -1.125, -1), c(-1, -0.75, -1.625, -1.5), c(-1.5, -1.25, -2.125, -2),
            c(-2, -0.125, -2.125, -0.25)},
        // closingmarubozu: long white closing on its high (+100)
        {c(0, 1.5, -0.25, 1.5)},
        // counterattack: long black, long white closing at the same price (+100)
        {c(2, 2.125, 0.375, 0.5), c(-1, 0.625, -1.125, 0.5)},
        // dojistar: long white, doji gapping up (-100)
        {c(0, 2.125, -0.125, 2), c(2.25, 2.5, 2, 2.25)},
        // engulfing: black, white engulfing at both ends (+100)
        {c(0.75, 0.875, 0.125, 0.25), c(0.125, 1.125, 0, 1)},
        // engulfing: black, white engulfing with its open at the black close (+80)
        {c(0.75, 0.875, 0.125, 0.25), c(0.25, 1.125, 0.125, 1)},
        // harami: long white, short body inside (-100)
        {c(0, 2.25, -0.25, 2), c(1, 1.5, 0.75, 1.25)},
        // harami: long white, short body sharing its top (-80)
        {c(0, 2.25, -0.25, 2), c(1.75, 2.125, 1.5, 2)},
        // haramicross: long white, doji inside (-100)
        {c(0, 2.25, -0.25, 2), c(1, 1.25, 0.75, 1)},
        // haramicross: long white, doji at its top (-80)
        {c(0, 2.25, -0.25, 2), c(2, 2.125, 1.875, 2)},
        // highwave: short white body, both shadows very long (+100)
        {c(0, 1, -1, 0.125)},
        // hikkake: mother bar, inside bar, break down (+100), close above the inside bar (+200)
        {c(0.5, 2, 0, 1.5), c(0.75, 1.5, 0.5, 1.25), c(1, 1.25, 0.25, 0.5), c(1, 1.875, 0.875, 1.75)},
        // hikkakemod: two inside bars, the first closing at its low, break down (+100), confirmation (+200)
        {c(1, 3, 0, 2), c(1.5, 2.5, 0.5, 0.5), c(1.25, 2, 1, 1.75), c(1.5, 1.75, 0.75, 1), c(1.5, 2.375, 1.375, 2.25)},
        // kicking: black marubozu, white marubozu gapping up (+100)
        {c(1.5, 1.5, 0, 0), c(2, 3.5, 2, 3.5)},
        // kickingbylength: the same with the white one longer (+100)
        {c(1.5, 1.5, 0, 0), c(2, 4, 2, 4)},
        // longline: long white, short shadows (+100)
        {c(0, 1.625, -0.125, 1.5)},
        // marubozu: long white without shadows (+100)
        {c(0, 1.5, 0, 1.5)},
        // risefall3methods: long white, three small falling blacks, long white to a new close (+100)
        {c(0, 2.125, -0.125, 2), c(1.875, 1.875, 1.625, 1.625), c(1.625, 1.625, 1.375, 1.375),
            c(1.375, 1.375, 1.125, 1.125), c(1.25, 2.5, 1.25, 2.5)},
        // separatinglines: black, white opening at the same price on its low (+100)
        {c(1, 1.125, 0.125, 0.25), c(1, 2.125, 1, 2)},
        // shortline: short body, short shadows (+100)
        {c(0, 0.375, -0.125, 0.25)},
        // spinningtop: short body, longer shadows (+100)
        {c(0, 0.5, -0.375, 0.125)},
        // tasukigap: white, white gapping up, black closing inside the gap (+100)
        {c(0, 0.625, -0.125, 0.5), c(1, 1.625, 0.875, 1.5), c(1.375, 1.5, 0.75, 0.875)},
        // tristar: three dojis, the second gapping down, the third higher (+100)
        {c(0.25, 0.5, 0, 0.25), c(-0.25, 0, -0.5, -0.25), c(0, 0.25, -0.25, 0)},
        // xsidegap3methods: white, white gapping up, black closing into the first (+100)
        {c(0, 1.125, -0.125, 1), c(1.5, 2.625, 1.375, 2.5), c(2, 2.125, 0.375, 0.5)},
        // gapsidesidewhite: two same-size white candles gapping up (+100); reflected they are black, so the
        // down-gap example is in ONE_SIDED
        {c(0, 1.125, -0.125, 1), c(1.5, 2.125, 1.375, 2), c(1.5, 2.125, 1.375, 2)},
        // 2crows (-100) and, reflected, nothing: kept here for the extra company
        {c(0, 2.25, -0.25, 2), c(3, 3.25, 2.25, 2.5), c(2.75, 2.875, 0.875, 1)},
    };

    /** Examples planted once: patterns TA-Lib gives one sign only, and the down-gap side-by-side white lines. */
    private static final double[][][] ONE_SIDED = {
        // 3blackcrows (-100)
        {c(0, 2.5, -0.25, 2), c(2.25, 2.375, 1.25, 1.25), c(2, 2, 0.75, 0.75), c(1.5, 1.5, 0.25, 0.25)},
        // 3starsinsouth (+100)
        {c(2, 2.125, -0.25, 1), c(1.5, 1.5, 0.25, 0.875), c(1, 1, 0.75, 0.75)},
        // 3whitesoldiers (+100)
        {c(0, 1, -0.25, 1), c(0.5, 1.5, 0.375, 1.5), c(1, 2, 0.875, 2)},
        // advanceblock (-100)
        {c(0, 2.125, -0.125, 2), c(1, 3.125, 0.875, 3), c(2.5, 3.5, 2.375, 3.25)},
        // concealbabyswall (+100)
        {c(3, 3, 2, 2), c(2, 2, 1, 1), c(0.75, 1.25, 0.125, 0.25), c(1.375, 1.375, -0.125, 0)},
        // darkcloudcover (-100)
        {c(0, 2.125, -0.125, 2), c(2.5, 2.625, 0.625, 0.75)},
        // doji (+100)
        {c(0.25, 0.75, -0.25, 0.25)},
        // dragonflydoji (+100)
        {c(0.5, 0.5, -0.5, 0.5)},
        // eveningdojistar (-100)
        {c(0, 2.125, -0.125, 2), c(2.5, 2.75, 2.25, 2.5), c(2.25, 2.375, 0.875, 1)},
        // eveningstar (-100)
        {c(0, 2.125, -0.125, 2), c(2.5, 2.75, 2.375, 2.625), c(2.25, 2.375, 0.875, 1)},
        // gapsidesidewhite, down gap (-100)
        {c(1, 1.125, -0.125, 0), c(-1, -0.375, -1.125, -0.5), c(-1, -0.375, -1.125, -0.5)},
        // gravestonedoji (+100)
        {c(0, 1, 0, 0)},
        // hammer (+100)
        {c(-0.125, 0, -1, 0)},
        // hangingman (-100)
        {c(0.75, 0.875, 0, 0.875)},
        // homingpigeon (+100)
        {c(2, 2.125, -0.125, 0), c(1.25, 1.375, 0.625, 0.75)},
        // identical3crows (-100)
        {c(3, 3.125, 2, 2), c(2, 2, 1, 1), c(1, 1, 0, 0)},
        // inneck (-100)
        {c(2, 2.125, 0.25, 0.5), c(0, 0.625, -0.125, 0.5)},
        // invertedhammer (+100)
        {c(-0.5, 0, -0.5, -0.375)},
        // ladderbottom (+100)
        {c(4, 4.125, 2.875, 3), c(3.5, 3.625, 2.375, 2.5), c(3, 3.125, 1.875, 2), c(2.25, 2.75, 1.625, 1.75),
            c(2.5, 3.125, 2.375, 3)},
        // longleggeddoji (+100)
        {c(0.25, 1.25, -0.75, 0.25)},
        // matchinglow (+100)
        {c(1, 1.125, -0.125, 0), c(0.75, 0.875, -0.125, 0)},
        // mathold (+100)
        {c(0, 2.125, -0.125, 2), c(2.75, 2.875, 2.375, 2.5), c(2.25, 2.375, 1.75, 1.875), c(2, 2.125, 1.5, 1.625),
            c(1.75, 3.375, 1.625, 3.25)},
        // morningdojistar (+100)
        {c(2, 2.125, -0.125, 0), c(-0.5, -0.25, -0.75, -0.5), c(-0.25, 1.375, -0.375, 1.25)},
        // morningstar (+100)
        {c(2, 2.125, -0.125, 0), c(-0.5, -0.375, -0.75, -0.625), c(-0.25, 1.375, -0.375, 1.25)},
        // onneck (-100)
        {c(2, 2.125, 0.25, 0.5), c(-0.25, 0.375, -0.375, 0.25)},
        // piercing (+100)
        {c(2, 2.125, -0.125, 0), c(-0.5, 1.625, -0.625, 1.5)},
        // rickshawman (+100)
        {c(0.25, 1.25, -0.75, 0.25)},
        // shootingstar (-100)
        {c(0.75, 1.25, 0.625, 0.625)},
        // stalledpattern (-100)
        {c(0, 1.625, -0.125, 1.5), c(1, 2.5, 0.875, 2.5), c(2.5, 2.75, 2.375, 2.625)},
        // sticksandwich (+100)
        {c(1, 1.125, -0.125, 0), c(0.25, 1.125, 0.125, 1), c(0.75, 0.875, -0.125, 0)},
        // takuri (+100)
        {c(0.5, 0.5, -0.5, 0.5)},
        // thrusting (-100)
        {c(2, 2.125, 0.25, 0.5), c(0, 1.125, -0.125, 1)},
        // unique3river (+100)
        {c(2, 2.125, -0.125, 0), c(1, 1.125, -0.5, 0.5), c(-0.25, 0.125, -0.375, 0)},
        // upsidegap2crows (-100)
        {c(0, 2.125, -0.125, 2), c(2.75, 2.875, 2.375, 2.5), c(3, 3.125, 2.125, 2.25)},
    };
}
