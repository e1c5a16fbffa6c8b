package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ta.spi.KernelDescriptor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * ta against TA-Lib's Java port, run now: every case of {@code talib/*.tsv}, through the registry (the runtime's path),
 * matches TA-Lib's output to 1e-9 relative with the same NaN positions; and TA-Lib's output is still, bit for bit, the
 * one pinned in {@code talib/reference/checksums.tsv}, so a TA-Lib upgrade cannot quietly change what ta is held to.
 */
class TalibParityTest {

    @TestFactory
    Stream<DynamicTest> taMatchesTalib() {
        return TalibCase.all().stream().map(c -> dynamicTest(c.id(), () -> {
            KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
            Dataset data = Dataset.load(c.dataset());
            double[][] reference = c.runTalib(data);
            assertEquals(d.outputs().size(), reference.length, c.id() + ": ta's outputs against TA-Lib's");
            double[][] ours = d.batch(c.paramValues(d), c.inputArrays(d, data));
            double worst = Parity.check(c.id(), reference, ours);
            int lookback = d.lookback(c.paramValues(d));
            for (double[] column : reference) {
                assertEquals(lookback, Parity.firstValid(column), c.id() + ": the reference's first valid index is ta's lookback");
            }
            System.out.printf("parity %-24s max relative error %.3g%n", c.id(), worst);
        }));
    }

    @TestFactory
    Stream<DynamicTest> talibGivesThePinnedReference() {
        Map<String, TalibPin> pins = TalibPin.read();
        return TalibCase.all().stream().map(c -> dynamicTest(c.id(), () -> {
            TalibPin pinned = pins.get(c.id());
            assertNotNull(pinned, c.id() + " is not pinned: regenerate " + TalibPin.file() + " (golden/README.md)");
            TalibPin now = TalibPin.of(c.id(), c.runTalib(Dataset.load(c.dataset())));
            // The readable fields first, so a changed reference says where it changed before the hash says that it did.
            String changed = c.id() + ": TA-Lib's output is no longer the pinned reference (a TA-Lib upgrade, or a changed "
                    + "call); check the new values against ta, then re-pin (golden/README.md)";
            assertEquals(pinned.outputs(), now.outputs(), changed + " — output count");
            assertEquals(pinned.bars(), now.bars(), changed + " — bar count");
            assertEquals(pinned.firstValid(), now.firstValid(), changed + " — first valid bar");
            assertEquals(pinned.first(), now.first(), changed + " — values at the first valid bar");
            assertEquals(pinned.last(), now.last(), changed + " — values at the last bar");
            assertEquals(pinned.sha256(), now.sha256(), changed + " — SHA-256 of every value's bits");
        }));
    }

    @Test
    void everyPinIsACase() {
        List<String> cases = TalibCase.all().stream().map(TalibCase::id).toList();
        List<String> stale = TalibPin.read().keySet().stream().filter(id -> !cases.contains(id)).toList();
        assertEquals(List.of(), stale, "pinned in " + TalibPin.file() + " but no longer a case: re-pin (golden/README.md)");
    }
}
