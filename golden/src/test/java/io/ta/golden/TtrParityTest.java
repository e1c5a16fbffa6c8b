package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ta.spi.KernelDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * ta against R TTR for kernels TA-Lib lacks ({@code ttr/cases.tsv}, fixtures written by {@code ttr/generate.R}):
 * same NaN positions, values to 1e-9 relative. R is not needed to run this test, only to regenerate.
 */
class TtrParityTest {

    @TestFactory
    Stream<DynamicTest> taMatchesTtr() {
        return cases().stream().map(c -> dynamicTest(c.id(), () -> {
            Fixture f = Fixture.read(Golden.path("ttr", "fixtures", c.id() + ".csv"));
            KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
            double[][] ours = d.batch(c.paramValues(d), c.inputArrays(d, Dataset.load(c.dataset())));
            double worst = Parity.check(c.id(), f.values(), ours);
            assertEquals(d.lookback(c.paramValues(d)), Parity.firstValid(f.values()[0]), c.id() + ": first valid index");
            System.out.printf("parity %-24s max relative error %.3g (TTR)%n", c.id(), worst);
        }));
    }

    /** The TTR table reuses {@link TalibCase} for the ta side (the R column is only for the generator). */
    static List<TalibCase> cases() {
        try {
            List<TalibCase> out = new ArrayList<>();
            boolean header = true;
            for (String line : Files.readAllLines(Golden.path("ttr", "cases.tsv"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.add(new TalibCase(f[0], f[1], TalibCase.pairs(f[2]), TalibCase.pairs(f[3]), "", List.of(), List.of(), f[5]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
