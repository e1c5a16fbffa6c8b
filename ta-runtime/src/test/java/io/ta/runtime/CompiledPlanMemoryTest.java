package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a compiled plan holds for as long as it lives. A window of up to 1,024 slots is allocated in full
 * (contracts.md, "Memory"), so a kernel stream of {@code stderr(x, 1022)} holds about 100 KB before its first bar,
 * and a plan of many such kernels is as large as the sum of its streams — once, not twice.
 */
class CompiledPlanMemoryTest {
    private static final int TERMS = 150;

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * A plan stream is compiled when it is made, and the compiled plan kept a full set of kernel streams of its own
     * (the prototypes a batch reads its kernels' parameters from) for the plan's whole life, though no batch ever ran:
     * 150 {@code stderr(close+k, 1022)} terms held 30 MB where their streams take 15 MB, and 100,000 characters of
     * such terms 843 MB where the plan stream itself takes 428 MB.
     */
    @Test
    void aCompiledPlanStreamHoldsItsKernelStreamsOnce() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < TERMS; k++) {
            text.append(k == 0 ? "" : " + ").append("stderr(close + ").append(k).append(", 1022)");
        }
        KernelDescriptor stderr = Registry.standard().kernel("stderr");
        ParamValues period = ParamValues.of(stderr, Map.of("period", 1022));
        stderr.newStream(period); // loads the kernel's classes before the heap is measured

        long before = used();
        List<KernelStream> alone = new ArrayList<>();
        for (int k = 0; k < TERMS; k++) {
            alone.add(stderr.newStream(period));
        }
        long streams = used() - before;
        alone.clear();

        before = used();
        Plan plan = Plan.compile(text.toString());
        PlanStream stream = plan.stream();
        long held = used() - before;

        assertTrue(stream.fused(), "the plan stream runs compiled");
        assertTrue(streams > TERMS * 50_000L, "each stream holds its full windows: " + streams + " bytes");
        assertTrue(held < streams * 3 / 2, "the plan and its stream hold " + (held >> 10) + " KB, its " + TERMS
                + " kernel streams alone " + (streams >> 10) + " KB");
        stream.update(1.0);
        assertEquals(1, stream.count());
    }
}
