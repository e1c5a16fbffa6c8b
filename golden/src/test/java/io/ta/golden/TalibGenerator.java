package io.ta.golden;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.OutputSpec;

/**
 * Regenerates {@code talib/fixtures/*.csv} from {@code talib/*.tsv} with the TA-Lib Java port. Output columns are
 * named after ta's outputs (TA-Lib's outputs are in the same order). Run from the repository root:
 * {@code mvn -pl golden -am test-compile exec:java@talib}.
 */
public final class TalibGenerator {
    private TalibGenerator() {}

    public static void main(String[] args) throws Exception {
        int written = 0;
        for (TalibCase c : TalibCase.all()) {
            Dataset data = Dataset.load(c.dataset());
            double[][] values = c.runTalib(data);
            KernelDescriptor d = descriptor(c.kernel());
            if (d.outputs().size() != values.length) {
                throw new IllegalStateException(c.id() + ": ta has " + d.outputs().size() + " outputs, TA-Lib " + values.length);
            }
            new Fixture(d.outputs().stream().map(OutputSpec::name).toList(), values).write(c.fixture());
            written++;
        }
        System.out.println("wrote " + written + " TA-Lib fixtures");
    }

    static KernelDescriptor descriptor(String name) {
        for (KernelDescriptor d : KernelLoader.load(Thread.currentThread().getContextClassLoader()).kernels()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no kernel " + name);
    }
}
