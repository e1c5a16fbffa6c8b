package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.math.Diff;
import io.ta.kernels.price.MedPrice;

/**
 * Ease of movement (R. Arms, "Equivolume Charting", 1994): how far the mid-price moved per unit of "box ratio",
 * {@code emv = (hl2 − hl2₋₁)·(H − L) / (V / volume_divisor)}, averaged by an n-bar {@link Sma}. The divisor only
 * scales volume to a readable size. A bar without volume moved without effort and contributes 0 (docs/spec.md §5.1).
 *
 * <p>R TTR {@code EMV} (column {@code maEMV}, SMA) matches; Tulip {@code emv} is the unaveraged value with divisor
 * 10000, i.e. this kernel at period 1. The value scales with price² / volume, a law {@code io.ta.annotation.Scale}
 * has no name for, so no scale is declared.
 *
 * <p>Missing values: the change of hl2 reads the previous bar, so a missing H or L is missing for two bars; all terms
 * are window reads for the average (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "emv",
        aliases = "eom",
        family = Family.VOLUME,
        scale = Scale.NONE,
        summary = "Ease of movement: SMA of (change of (H+L)/2) * (H-L) / (volume / volume_divisor).",
        reference = "R. Arms; TTR EMV maEMV, Tulip emv (period 1)")
public final class Emv {
    final double volumeDivisor;
    final MedPrice mid;
    final Diff change;
    final Sma average;

    public Emv(
            @Param(defaultValue = "14", min = 1, max = 100_000) int period,
            @Param(defaultValue = "10000", min = 0, minExclusive = true, doc = "volume is divided by this before use")
                    double volumeDivisor) {
        this.volumeDivisor = volumeDivisor;
        this.mid = new MedPrice();
        this.change = new Diff();
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double volume) {
        double move = change.step(mid.step(high, low));
        double box = volume / volumeDivisor;
        double ease = volume == 0.0 && move == move ? 0.0 : move * (high - low) / box;
        return average.step(ease);
    }
}
