package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ta.spi.KernelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ta against Tulip Indicators 0.8.4 (npm {@code tulind} 0.8.20) for the kernels docs/spec.md says Tulip matches
 * ({@code tulip/*.tsv}, fixtures written by {@code tulip/generate.js}): values to 1e-9 relative from ta's lookback on,
 * NaN positions the same. Where Tulip prints values before ta's lookback (vidya prints its starting value), the
 * table's {@code skip} column says how many, and the test checks that number exactly before leaving them out. Node
 * is not needed to run this test, only to regenerate.
 */
class TulipParityTest {

    /** One row of a {@code tulip/*.tsv} table: the ta side of the call, and Tulip's extra leading outputs. */
    record TulipCase(TalibCase ta, int skip) {}

    @TestFactory
    Stream<DynamicTest> taMatchesTulip() {
        return cases().stream().map(c -> dynamicTest(c.ta().id(), () -> {
            Fixture f = Fixture.read(Golden.fixture("tulip", c.ta().id()));
            KernelDescriptor d = TalibGenerator.descriptor(c.ta().kernel());
            double[][] ours = d.batch(c.ta().paramValues(d), c.ta().inputArrays(d, Dataset.load(c.ta().dataset())));
            int lookback = d.lookback(c.ta().paramValues(d));
            double[][] reference = f.values();
            assertEquals(lookback - c.skip(), Parity.firstValid(reference[0]), c.ta().id() + ": Tulip's first output");
            for (double[] column : reference) {
                java.util.Arrays.fill(column, 0, Math.min(lookback, column.length), Double.NaN);
            }
            double worst = Parity.check(c.ta().id(), reference, ours);
            System.out.printf("parity %-24s max relative error %.3g (Tulip)%n", c.ta().id(), worst);
        }));
    }

    /** Every row of every {@code tulip/*.tsv} table; the Tulip columns are only for the generator. */
    static List<TulipCase> cases() {
        List<TulipCase> out = new ArrayList<>();
        for (String[] f : TalibCase.rows(Golden.path("tulip"))) {
            out.add(new TulipCase(TalibCase.taSide(f[0], f[1], f[2], f[3], f[8]), Integer.parseInt(f[7])));
        }
        return out;
    }
}
