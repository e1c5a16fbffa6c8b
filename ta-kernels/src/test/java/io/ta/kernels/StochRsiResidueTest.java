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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stochrsi with an adaptive fastd ({@code kama}, {@code mama}) keeps its scale law. Where the RSI is flat to its last
 * bit at the low of its window, %K used to be rounding noise (1e-14 to 1e-13 of 0–100) and the adaptive average read
 * the noise as movement: KAMA's efficiency ratio and MAMA's phase are then noise over noise, so re-quoting the prices
 * moved fastd by up to 30 on its 0–100 scale. The suite draws the average type at random and met this about once in
 * 1,500 cases (soak seed 4096); here the type is forced. Cases pinned below each failed before the fix.
 */
class StochRsiResidueTest {
    static final KernelDescriptor STOCHRSI = Descriptors.named("stochrsi");

    /** The suite's case for {@code seed}, with fastd's average type forced to {@code type}. */
    static KernelCase forced(long seed, String type) {
        RandomBars bars = new RandomBars(seed, false);
        Map<String, Object> params = new LinkedHashMap<>(KernelCase.params(STOCHRSI, bars.random()).asMap());
        params.put("fastd_ma_type", type);
        ParamValues p = ParamValues.of(STOCHRSI, params);
        int n = bars.length(STOCHRSI.lookback(p) + 1 + bars.random().nextInt(60));
        return new KernelCase(STOCHRSI, p, bars.inputs(STOCHRSI.inputs(), n), seed, false);
    }

    @ParameterizedTest
    @CsvSource({
        "-1393654770938894822, mama",
        "-2241932842342758549, mama",
        "-196638646719499724, mama",
        "183452124239037940, mama",
        "-7655166633506103043, kama",
        "-3823963022894253620, kama",
        "-4395907970929327514, kama",
        "-5472249402232875833, kama"
    })
    void pinnedCasesKeepTheScaleLaw(long seed, String type) {
        NumericsProperties.scaleEquivariance(forced(seed, type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kama", "mama"})
    void randomCasesKeepTheScaleLaw(String type) {
        SplittableRandom r = new SplittableRandom(0x57A7E5L ^ type.hashCode());
        for (int i = 0; i < 3000; i++) {
            NumericsProperties.scaleEquivariance(forced(r.nextLong(), type));
        }
    }
}
