package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import org.junit.jupiter.api.Test;

/**
 * A row of a golden table (TA-Lib, TTR, Tulip, TA-Lib 0.6, and a hand fixture's {@code # params:}) is called exactly
 * as written: a parameter or input name the kernel does not have is an error, not silently left at its default — a
 * typo would otherwise compare the default against a reference computed with another value, or pass by luck.
 */
class TalibCaseTest {

    @Test
    void aParameterTheKernelDoesNotHaveIsRefused() {
        KernelDescriptor sma = TalibGenerator.descriptor("sma");
        TalibCase typo = TalibCase.taSide("sma-typo", "sma", "peroid=5", "x=close", "ttrc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> typo.paramValues(sma));
        assertTrue(e.getMessage().contains("sma-typo") && e.getMessage().contains("peroid"), e.getMessage());
        assertEquals(5, TalibCase.taSide("sma-5", "sma", "period=5", "x=close", "ttrc").paramValues(sma).get("period"));
    }

    @Test
    void anInputTheKernelDoesNotHaveIsRefused() {
        KernelDescriptor sma = TalibGenerator.descriptor("sma");
        TalibCase typo = TalibCase.taSide("sma-input", "sma", "period=5", "x=close,y=open", "ttrc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> typo.inputArrays(sma, Dataset.load("ttrc")));
        assertTrue(e.getMessage().contains("sma-input") && e.getMessage().contains("'y'"), e.getMessage());
    }
}
