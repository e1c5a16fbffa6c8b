package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Guppy multiple moving averages (D. Guppy, <i>Trend Trading</i>, 2004), as R TTR {@code GMMA}: twelve
 * {@link Ema EMAs} of x — the short-term group (traders) over 3, 5, 8, 10, 12 and 15 bars, the long-term group
 * (investors) over 30, 35, 40, 45, 50 and 60 — whose spread and crossings show trend strength. Each line starts at its
 * own EMA's lookback, {@code period − 1} (per-output lookbacks, docs/spec.md §1.3); the kernel lookback is 59. Missing
 * values are skipped by every EMA (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "gmma",
        aliases = "guppy",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Guppy multiple moving averages: six short and six long EMAs.",
        reference = "D. Guppy (2004); TTR GMMA")
public final class Gmma {
    final Ema e3 = new Ema(3);
    final Ema e5 = new Ema(5);
    final Ema e8 = new Ema(8);
    final Ema e10 = new Ema(10);
    final Ema e12 = new Ema(12);
    final Ema e15 = new Ema(15);
    final Ema e30 = new Ema(30);
    final Ema e35 = new Ema(35);
    final Ema e40 = new Ema(40);
    final Ema e45 = new Ema(45);
    final Ema e50 = new Ema(50);
    final Ema e60 = new Ema(60);
    @Output(name = "short_3", lookback = "lookback3", doc = "EMA over 3 bars")
    double short3;
    @Output(name = "short_5", lookback = "lookback5", doc = "EMA over 5 bars")
    double short5;
    @Output(name = "short_8", lookback = "lookback8", doc = "EMA over 8 bars")
    double short8;
    @Output(name = "short_10", lookback = "lookback10", doc = "EMA over 10 bars")
    double short10;
    @Output(name = "short_12", lookback = "lookback12", doc = "EMA over 12 bars")
    double short12;
    @Output(name = "short_15", lookback = "lookback15", doc = "EMA over 15 bars")
    double short15;
    @Output(name = "long_30", lookback = "lookback30", doc = "EMA over 30 bars")
    double long30;
    @Output(name = "long_35", lookback = "lookback35", doc = "EMA over 35 bars")
    double long35;
    @Output(name = "long_40", lookback = "lookback40", doc = "EMA over 40 bars")
    double long40;
    @Output(name = "long_45", lookback = "lookback45", doc = "EMA over 45 bars")
    double long45;
    @Output(name = "long_50", lookback = "lookback50", doc = "EMA over 50 bars")
    double long50;
    @Output(name = "long_60", lookback = "lookback60", doc = "EMA over 60 bars")
    double long60;

    public Gmma() {}

    public static int lookback() {
        return 59;
    }

    public static int lookback3() {
        return 2;
    }

    public static int lookback5() {
        return 4;
    }

    public static int lookback8() {
        return 7;
    }

    public static int lookback10() {
        return 9;
    }

    public static int lookback12() {
        return 11;
    }

    public static int lookback15() {
        return 14;
    }

    public static int lookback30() {
        return 29;
    }

    public static int lookback35() {
        return 34;
    }

    public static int lookback40() {
        return 39;
    }

    public static int lookback45() {
        return 44;
    }

    public static int lookback50() {
        return 49;
    }

    public static int lookback60() {
        return 59;
    }

    @Step
    public void step(double x) {
        short3 = e3.step(x);
        short5 = e5.step(x);
        short8 = e8.step(x);
        short10 = e10.step(x);
        short12 = e12.step(x);
        short15 = e15.step(x);
        long30 = e30.step(x);
        long35 = e35.step(x);
        long40 = e40.step(x);
        long45 = e45.step(x);
        long50 = e50.step(x);
        long60 = e60.step(x);
    }
}
