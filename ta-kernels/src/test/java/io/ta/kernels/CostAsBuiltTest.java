package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.annotation.Complexity;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A kernel's cost as built ({@link KernelDescriptor#timeCost(ParamValues)}) follows the parts its parameters choose,
 * while its published cost ({@link KernelDescriptor#timeCost()}) covers every choice. A fused plan gives a kernel a loop
 * of its own only when the cost as built is above O(1), so getting this wrong costs a plan speed (too high) or puts an
 * amortized pass inside the shared loop (too low).
 */
class CostAsBuiltTest {
    private static Complexity built(String kernel, Map<String, ?> params) {
        KernelDescriptor d = Descriptors.named(kernel);
        return d.timeCost(ParamValues.of(d, params));
    }

    @Test
    void maCostsWhatItsTypeCosts() {
        assertEquals(Complexity.CONSTANT_AMORTIZED, Descriptors.named("ma").timeCost(), "published: its costliest type");
        assertEquals(Complexity.CONSTANT_AMORTIZED, built("ma", Map.of("period", 30, "ma_type", "kama")), "exact sum");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 30, "ma_type", "sma")), "an anchored total");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 30, "ma_type", "wma")), "anchored totals");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 30, "ma_type", "trima")), "two of them");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 30, "ma_type", "ema")), "a recursion");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 30, "ma_type", "t3")), "six recursions");
        assertEquals(Complexity.CONSTANT, built("ma", Map.of("period", 1, "ma_type", "sma")), "period 1 builds no average");
    }

    @Test
    void macdBuildsItsAveragesAsEmasSoItIsConstant() {
        assertEquals(Complexity.CONSTANT_AMORTIZED, Descriptors.named("macd").timeCost(), "its averages are ma's");
        assertEquals(Complexity.CONSTANT, built("macd", Map.of()), "but always EMAs");
        assertEquals(Complexity.CONSTANT, built("macd", Map.of("fast_period", 5, "slow_period", 300, "signal_period", 1)));
    }

    @Test
    void compositesOfMaTypesFollowTheirChoices() {
        assertEquals(Complexity.CONSTANT_AMORTIZED, built("apo", Map.of("ma_type", "kama")));
        assertEquals(Complexity.CONSTANT, built("apo", Map.of("ma_type", "sma")));
        assertEquals(Complexity.CONSTANT, built("apo", Map.of("ma_type", "ema")));
        assertEquals(Complexity.CONSTANT_AMORTIZED, built("stochastic", Map.of()), "its %K takes a rolling max and min");
    }

    @Test
    void aKernelWithoutChoicesCostsItsPublishedCost() {
        for (String k : new String[] {"sma", "ema", "rolling_median", "rolling_max", "rsi", "bbands"}) {
            KernelDescriptor d = Descriptors.named(k);
            assertEquals(d.timeCost(), built(k, Map.of()), k);
        }
    }
}
