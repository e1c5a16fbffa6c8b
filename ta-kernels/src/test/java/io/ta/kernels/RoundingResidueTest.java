package io.ta.kernels;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import io.ta.testing.KernelCase;
import io.ta.testing.NumericsProperties;
import io.ta.testing.RandomBars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Composites that feed a computed series to an adaptive average keep their scale law where that series is a rounding
 * residue. stochrsi's %K of an RSI flat to its last bit at its low, and macdext's line of two averages of a flat
 * window (sma 4 and sma 5 of equal values differ by an ulp whose sign depends on the unit), were noise of 1e-14 of
 * their scale; KAMA's efficiency ratio and MAMA's phase over them were noise over noise, so re-quoting the prices moved
 * the average by up to 30 on stochrsi's 0–100 scale. Both are now exactly 0 there (100 for %K at its high). The suite
 * draws the average type at random and met these about once in 1,500 cases (stochrsi, soak seed 4096) and once in
 * 20,000 (macdext); here the type is forced. The pinned cases each failed before the fix.
 */
class RoundingResidueTest {
    /** The suite's case for {@code seed} of {@code kernel}, with choice parameter {@code param} forced to {@code type}. */
    static KernelCase forced(String kernel, String param, String type, long seed) {
        KernelDescriptor d = Descriptors.named(kernel);
        RandomBars bars = new RandomBars(seed, false);
        Map<String, Object> params = new LinkedHashMap<>(KernelCase.params(d, bars.random()).asMap());
        params.put(param, type);
        ParamValues p = ParamValues.of(d, params);
        int n = bars.length(d.lookback(p) + 1 + bars.random().nextInt(60));
        return new KernelCase(d, p, bars.inputs(d.inputs(), n), seed, false);
    }

    @ParameterizedTest
    @CsvSource({
        "stochrsi, fastd_ma_type, mama, -1393654770938894822",
        "stochrsi, fastd_ma_type, mama, -2241932842342758549",
        "stochrsi, fastd_ma_type, mama, -196638646719499724",
        "stochrsi, fastd_ma_type, mama, 183452124239037940",
        "stochrsi, fastd_ma_type, kama, -7655166633506103043",
        "stochrsi, fastd_ma_type, kama, -3823963022894253620",
        "stochrsi, fastd_ma_type, kama, -4395907970929327514",
        "stochrsi, fastd_ma_type, kama, -5472249402232875833",
        "macdext, signal_ma_type, kama, -1049070133332714633",
        "macdext, signal_ma_type, kama, -5672012371948738289",
        "macdext, signal_ma_type, kama, 2615091904920143805"
    })
    void pinnedCasesKeepTheScaleLaw(String kernel, String param, String type, long seed) {
        NumericsProperties.scaleEquivariance(forced(kernel, param, type, seed));
    }

    @ParameterizedTest
    @CsvSource({
        "stochrsi, fastd_ma_type, kama",
        "stochrsi, fastd_ma_type, mama",
        "macdext, signal_ma_type, kama",
        "macdext, signal_ma_type, mama"
    })
    void randomCasesKeepTheScaleLaw(String kernel, String param, String type) {
        SplittableRandom r = new SplittableRandom(0x57A7E5L ^ kernel.hashCode() ^ type.hashCode());
        for (int i = 0; i < 1000; i++) {
            NumericsProperties.scaleEquivariance(forced(kernel, param, type, r.nextLong()));
        }
    }
}
