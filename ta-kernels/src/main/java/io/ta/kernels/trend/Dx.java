package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Directional movement index (Wilder 1978), as TA-Lib DX (docs/spec.md §3.2): {@code 100·|+DI − −DI|/(+DI + −DI)} from
 * bar n, the DIs from the {@link WilderDm} core. Where DX is undefined (the DI sum ≈0, which includes
 * {@code S^TR} ≈0 because both DIs are then 0) the output is 0 at the first bar and the previous DX afterwards, as
 * TA-Lib. {@link Adx} composes this kernel and reads {@link #isDefined()}, {@link #plusDi()} and {@link #minusDi()}.
 */
@Chart(pane = Chart.Pane.OWN, guides = {25}, min = 0, max = 100)
@Kernel(
        name = "dx",
        family = Family.TREND,
        summary = "Directional movement index: 100 * |+DI - -DI| / (+DI + -DI).",
        reference = "TA-Lib DX (Wilder 1978)",
        scale = Scale.UNITLESS)
public final class Dx {
    final WilderDm dm;
    double plusDi = Double.NaN;
    double minusDi = Double.NaN;
    double value;
    boolean defined;
    boolean started;

    public Dx(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.dm = new WilderDm(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        if (!dm.advance(high, low, close) || !dm.isSmoothed()) {
            return Double.NaN;
        }
        double plus = dm.plusDi();
        double minus = dm.minusDi();
        plusDi = plus;
        minusDi = minus;
        double total = minus + plus;
        // The DIs are percentages, so "≈0" is relative to 100 (TA-Lib's absolute 1e-8 on this unitless sum).
        defined = !Checks.negligible(total, 100.0);
        if (defined) {
            value = 100.0 * (Math.abs(minus - plus) / total);
        } else if (!started) {
            value = 0.0;
        }
        started = true;
        return value;
    }

    /** Whether the last valid bar's DX was defined (not carried). */
    public boolean isDefined() {
        return defined;
    }

    /** +DI of the last valid bar. */
    public double plusDi() {
        return plusDi;
    }

    /** −DI of the last valid bar. */
    public double minusDi() {
        return minusDi;
    }
}
