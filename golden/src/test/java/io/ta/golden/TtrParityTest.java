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
 * ta against R TTR for kernels TA-Lib lacks ({@code ttr/*.tsv}, fixtures {@code ttr/fixtures/<id>.csv.gz} written by {@code ttr/generate.R}):
 * same NaN positions, values to 1e-9 relative. R is not needed to run this test, only to regenerate.
 */
class TtrParityTest {

    @TestFactory
    Stream<DynamicTest> taMatchesTtr() {
        return cases().stream().map(c -> dynamicTest(c.id(), () -> {
            Fixture f = Fixture.read(Golden.fixture("ttr", c.id()));
            KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
            double[][] ours = d.batch(c.paramValues(d), c.inputArrays(d, Dataset.load(c.dataset())));
            double worst = Parity.check(c.id(), f.values(), ours);
            // the fixture holds output 0, which may start before the kernel lookback (per-output lookbacks, §1.3)
            assertEquals(d.lookback(c.paramValues(d), 0), Parity.firstValid(f.values()[0]), c.id() + ": first valid index");
            System.out.printf("parity %-24s max relative error %.3g (TTR)%n", c.id(), worst);
        }));
    }

    /** Every row of every {@code ttr/*.tsv} table; the R column is only for the generator. */
    static List<TalibCase> cases() {
        List<TalibCase> out = new ArrayList<>();
        for (String[] f : TalibCase.rows(Golden.path("ttr"))) {
            out.add(TalibCase.taSide(f[0], f[1], f[2], f[3], f[5]));
        }
        return out;
    }
}
