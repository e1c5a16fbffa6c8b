package io.ta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanProfileTest {
    @Test
    void foldSumsSamplesByTheFrameBelowTheInnermostAnchor() {
        List<String> stacks = List.of(
                "main_[j];FusedPlan.0x1.batch_[j];FusedPlan.0x1.run_[j];Adx_Descriptor.stepKernel_[i];Adx.step_[i] 30",
                "main_[j];FusedPlan.0x1.batch_[j];FusedPlan.0x1.run_[j];Adx_Descriptor.stepKernel_[j] 5",
                "main_[j];FusedPlan.0x1.batch_[j];FusedPlan.0x1.run_[j];Rsi_Descriptor.stepKernel_[i] 12",
                "main_[j];FusedPlan.0x1.batch_[j];FusedPlan.0x1.run_[j] 7",
                "main_[j];PlanBench.wideHand_[j];Ta.adx_[j] 99",
                "garbage");
        Map<String, Long> folded = PlanProfile.fold(stacks, "FusedPlan");
        assertEquals(Map.of("Adx_Descriptor.stepKernel", 35L, "Rsi_Descriptor.stepKernel", 12L, "(itself)", 7L),
                folded);
        assertEquals(List.of("Adx_Descriptor.stepKernel", "Rsi_Descriptor.stepKernel", "(itself)"),
                List.copyOf(folded.keySet()), "largest first");
        assertEquals(Map.of("Ta.adx", 99L), PlanProfile.fold(stacks, "PlanBench.wideHand"));
    }
}
