package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ta against the TA-Lib fixtures: every case of {@code talib/*.tsv}, through the registry (the runtime's path),
 * matches to 1e-9 relative with the same NaN positions; and TA-Lib itself still produces the committed fixtures bit for
 * bit, so the fixtures cannot drift from their stated provenance.
 */
class TalibParityTest {

    @TestFactory
    Stream<DynamicTest> taMatchesFixtures() {
        return TalibCase.all().stream().map(c -> dynamicTest(c.id(), () -> {
            assertTrue(Files.exists(c.fixture()), c.fixture() + " missing: regenerate (golden/README.md)");
            Fixture f = Fixture.read(c.fixture());
            KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
            assertEquals(d.outputs().stream().map(OutputSpec::name).toList(), f.outputs());
            Dataset data = Dataset.load(c.dataset());
            double[][] ours = d.batch(c.paramValues(d), c.inputArrays(d, data));
            double worst = Parity.check(c.id(), f.values(), ours);
            int lookback = d.lookback(c.paramValues(d));
            for (double[] column : f.values()) {
                assertEquals(lookback, Parity.firstValid(column), c.id() + ": the reference's first valid index is ta's lookback");
            }
            System.out.printf("parity %-24s max relative error %.3g%n", c.id(), worst);
        }));
    }

    @TestFactory
    Stream<DynamicTest> fixturesAreTalibOutput() {
        return TalibCase.all().stream().map(c -> dynamicTest(c.id(), () -> {
            Fixture f = Fixture.read(c.fixture());
            double[][] now = c.runTalib(Dataset.load(c.dataset()));
            for (int o = 0; o < now.length; o++) {
                for (int t = 0; t < now[o].length; t++) {
                    assertEquals(Double.doubleToLongBits(now[o][t]), Double.doubleToLongBits(f.values()[o][t]),
                            c.id() + ": fixture differs from TA-Lib at output " + o + " bar " + t);
                }
            }
        }));
    }
}
