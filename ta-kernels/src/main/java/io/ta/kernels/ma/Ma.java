package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Nullable;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Moving average of a chosen type, as TA-Lib's MA dispatcher: the standalone kernel of {@code ma_type} ({@link Sma},
 * {@link Ema}, {@link Wma}, {@link Dema}, {@link Tema}, {@link Trima}, {@link Kama}, {@link Mama}, {@link T3}) over
 * {@code period}, bit for bit. Inside the choice, as TA-Lib (docs/spec.md §1.4): {@code kama} uses fast 2 / slow 30,
 * {@code t3} volume factor 0.7, and {@code mama} limits 0.5 / 0.05 and reports its {@code mama} output, ignoring the
 * period.
 *
 * <p>Period 1 is the identity for every type, MAMA included, with lookback 0 — TA-Lib's MA copies its input for
 * period 1 before looking at the type (so even EMA, whose {@code k = 1} recursion is not an exact copy, and the types
 * whose own minimum period is 2 are never run). A missing input is then a missing output.
 *
 * <p>Only the chosen average is built; its missing-value handling applies (windows for sma/wma/trima, skipping for
 * the recursive types, §5.2). {@link #lookback(int, MaType)} is the one place that maps a type to its lookback;
 * every kernel with an MA-type parameter uses it. Composites whose TA-Lib reference runs the internal EMA directly
 * (MACD, MACDFIX) wrap their {@link Ema} with {@link #of(Ema)}.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "ma",
        family = Family.MOVING_AVERAGE,
        summary = "Moving average of the type chosen by ma_type (sma, ema, wma, dema, tema, trima, kama, mama, t3).",
        reference = "TA-Lib MA",
        scale = Scale.PRICE)
public final class Ma {
    /** The choices by ordinal, so the step can switch on the stored type (an enum is not kernel state). */
    private static final MaType[] TYPES = MaType.values();

    /** The chosen type's ordinal; kept for period 1 too, as parameters are part of the state (snapshots check them). */
    final int type;
    /** Kept although MAMA ignores it, for the same reason. */
    final int period;
    /** Period 1: the input is copied, whatever the type. */
    final boolean identity;

    @Nullable(alternative = true) final Sma sma;
    @Nullable(alternative = true) final Ema ema;
    @Nullable(alternative = true) final Wma wma;
    @Nullable(alternative = true) final Dema dema;
    @Nullable(alternative = true) final Tema tema;
    @Nullable(alternative = true) final Trima trima;
    @Nullable(alternative = true) final Kama kama;
    @Nullable(alternative = true) final Mama mama;
    @Nullable(alternative = true) final T3 t3;

    public Ma(
            @Param(defaultValue = "30", min = 1, max = 100_000) int period,
            @Param(defaultValue = "sma", doc = "moving average type: sma, ema, wma, dema, tema, trima, kama, mama or t3")
                    MaType maType) {
        MaType chosen = period == 1 ? null : maType;
        this.type = maType.ordinal();
        this.period = period;
        this.identity = period == 1;
        this.sma = chosen == MaType.SMA ? new Sma(period) : null;
        this.ema = chosen == MaType.EMA ? new Ema(period) : null;
        this.wma = chosen == MaType.WMA ? new Wma(period) : null;
        this.dema = chosen == MaType.DEMA ? new Dema(period) : null;
        this.tema = chosen == MaType.TEMA ? new Tema(period) : null;
        this.trima = chosen == MaType.TRIMA ? new Trima(period) : null;
        this.kama = chosen == MaType.KAMA ? new Kama(period, 2, 30) : null;
        this.mama = chosen == MaType.MAMA ? new Mama(0.5, 0.05) : null;
        this.t3 = chosen == MaType.T3 ? new T3(period, 0.7) : null;
    }

    private Ma(Ema ema) {
        this.type = MaType.EMA.ordinal();
        this.period = ema.period;
        this.identity = false;
        this.sma = null;
        this.ema = ema;
        this.wma = null;
        this.dema = null;
        this.tema = null;
        this.trima = null;
        this.kama = null;
        this.mama = null;
        this.t3 = null;
    }

    /**
     * An EMA-type average that steps exactly {@code ema} — any period, including 1, and any smoothing constant — for
     * composites whose TA-Lib reference calls the internal EMA rather than MA (MACD's averages, MACDFIX's fixed
     * constants), so they can share code written against {@code Ma}.
     */
    public static Ma of(Ema ema) {
        return new Ma(ema);
    }

    /**
     * Whether this average steps an {@link Ema} ({@link #ema()}). For a composite that holds EMAs as {@code Ma}s (macd)
     * and steps them directly: C2 compiles a call by the branch profile of the bytecode that makes it, and
     * {@link #step}'s profile is shared by every {@code Ma} in the JVM, so next to a stochastic (SMAs) each of macd's
     * three averages was compiled with the SMA's path too, and macd's step came out past the size C2 inlines into a
     * loop. A boolean, tested first: in a JVM that never made an EMA, C2 does not inline a method returning one
     * ("unloaded signature classes"), which cost macdext (SMAs) three calls a bar.
     */
    public boolean stepsEma() {
        return ema != null;
    }

    /** The EMA this average steps; null unless {@link #stepsEma()}. */
    public Ema ema() {
        return ema;
    }

    /**
     * Whether this average steps an {@link Sma} ({@link #sma()}), for a composite whose default type is SMA (apo, ppo,
     * stochf) and steps it directly, as macd does its EMAs ({@link #stepsEma()}): C2 judges a call hot by its share of
     * the calls of the method that makes it, and after a stochastic, whose %K smoothing of 1 takes {@link #step}'s
     * identity path on every bar, the SMA's call in {@link #step} was judged cold, and ppo's batch took 9.5–9.9 ns/bar
     * in half the JVMs instead of 4.9 (docs/performance-log.md, "The SMA's call in its composite's own bytecode").
     */
    public boolean stepsSma() {
        return sma != null;
    }

    /** The SMA this average steps; null unless {@link #stepsSma()}. */
    public Sma sma() {
        return sma;
    }

    /**
     * How far, in ulps of its level, this average of a series flat for its whole memory can be from the series: the
     * rounding it carries there, for composites that must tell a difference of two averages from a rounding residue
     * (macd's line). From each recursion: an average of n values (a seed, sma's block sum) adds n − 1 values, each
     * sum rounded by half an ulp of a partial sum of at most j values, under j ulps of the value: (n + 1)/2 ulps of the
     * mean, and one for the product with 1/n; an EMA's step rounds by half an ulp and shrinks what it carries by
     * 1 − k, so it settles within 0.5/k ulps (T3's blend rounds twice: 1/k). wma's weights (sums of up to n(n + 1)/2
     * weighted values) bound it by n ulps; trima is two smas of half the period; dema (2·e1 − e2) and tema
     * (3·e1 − 3·e2 + e3) carry each stage's error with their weights, and so does t3 through its coefficients. On a
     * flat window kama's efficiency is 1, its constant (2/3)²; mama's is at least its slow limit 0.05. Computed when
     * asked (no division on a bar that does not ask): the measured worst over random levels is about half of it.
     */
    public double residueUlps() {
        if (ema != null) {
            return emaUlps(period, ema.k);
        }
        if (identity) {
            return 0.0;
        }
        return switch (TYPES[type]) {
            case SMA -> (period + 1) / 2.0 + 1.0;
            case EMA -> emaUlps(period, ema.k);
            case WMA -> period + 2.0;
            case TRIMA -> period / 2.0 + 3.0;
            case DEMA -> 3 * emaUlps(period, 2.0 / (period + 1)) + 2.0;
            case TEMA -> 7 * emaUlps(period, 2.0 / (period + 1)) + 4.0;
            case KAMA -> 0.5 / (4.0 / 9.0) + 1.0;
            case MAMA -> 0.5 / mama.slowLimit + 1.0;
            case T3 -> t3Ulps();
        };
    }

    /** A seeded EMA's: the larger of its seed's rounding and the band its recursion settles in, plus an ulp. */
    private static double emaUlps(int period, double k) {
        return Math.max((period + 2) / 2.0, 0.5 / k) + 1.0;
    }

    /**
     * t3 = c4·e3 + c3·e4 + c2·e5 + c1·e6, each e_i off by the errors of stages 1..i: stage j's weight is the sum of
     * the coefficients of e_max(j,3)..e6; each stage's blend settles within 1/k ulps; plus the products' rounding.
     */
    private double t3Ulps() {
        double stage = emaUlps(period, 1.0 / (period + 1)); // a blend rounds twice: 1/k = (n + 1)/2 ulps
        T3 t = t3;
        double weights = 3 * Math.abs(t.c1 + t.c2 + t.c3 + t.c4) + Math.abs(t.c1 + t.c2 + t.c3) + Math.abs(t.c1 + t.c2)
                + Math.abs(t.c1);
        return weights * stage + Math.abs(t.c1) + Math.abs(t.c2) + Math.abs(t.c3) + Math.abs(t.c4) + 1.0;
    }

    /** The lookback of {@code maType} over {@code period}: 0 for period 1, else the chosen kernel's own lookback. */
    public static int lookback(int period, MaType maType) {
        return period == 1 ? 0 : kernelLookback(period, maType);
    }

    private static int kernelLookback(int period, MaType maType) {
        return switch (maType) {
            case SMA -> Sma.lookback(period);
            case EMA -> Ema.lookback(period);
            case WMA -> Wma.lookback(period);
            case DEMA -> Dema.lookback(period);
            case TEMA -> Tema.lookback(period);
            case TRIMA -> Trima.lookback(period);
            case KAMA -> Kama.lookback(period);
            case MAMA -> Mama.lookback();
            case T3 -> T3.lookback(period);
        };
    }

    @Step
    public double step(double x) {
        // MACD's three averages are EMAs: a stream keeps this object on the heap, where the type switch below is a
        // table load and an indirect jump per bar that a batch loop's escape analysis folds away. SMA, TA-Lib's
        // default type, has its own test too, and both come first: every test the profile never saw go the other way
        // (the identity's, the switch's) compiles to a deoptimisation trap of about 60 bytes of code, and a step whose
        // code outgrows 2,500 bytes is not inlined into its batch loop (ppo: performance-log.md, "Steps compiled over
        // InlineSmallCode"). The identity (period 1) holds neither average, so testing it after them changes nothing;
        // an EMA from Ma.of, whatever its period, is never the identity.
        Ema e = ema;
        if (e != null) {
            return e.step(x);
        }
        Sma s = sma;
        if (s != null) {
            return s.step(x);
        }
        if (identity) {
            return Double.isFinite(x) ? x : Double.NaN;
        }
        return switch (TYPES[type]) {
            case SMA -> sma.step(x);
            case EMA -> ema.step(x);
            case WMA -> wma.step(x);
            case DEMA -> dema.step(x);
            case TEMA -> tema.step(x);
            case TRIMA -> trima.step(x);
            case KAMA -> kama.step(x);
            case MAMA -> {
                mama.step(x);
                yield mama.mama;
            }
            case T3 -> t3.step(x);
        };
    }
}
