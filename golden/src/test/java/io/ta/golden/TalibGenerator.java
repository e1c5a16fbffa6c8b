package io.ta.golden;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Pins the TA-Lib references: runs the TA-Lib Java port for every case of {@code talib/*.tsv} and rewrites
 * {@code talib/reference/checksums.tsv} with each reference's fingerprint ({@link TalibPin}). The references themselves
 * are not stored: the parity test computes them again. Run from the repository root:
 * {@code mvn -B -pl golden -am process-test-classes -Pgenerate-golden}.
 */
public final class TalibGenerator {
    private TalibGenerator() {}

    /**
     * Rewrites the pin file.
     *
     * @param args none
     * @throws Exception when TA-Lib cannot be called as a case says, or a case's output count differs from ta's
     */
    public static void main(String[] args) throws Exception {
        List<TalibPin> pins = new ArrayList<>();
        for (TalibCase c : TalibCase.all()) {
            double[][] values = c.runTalib(Dataset.load(c.dataset()));
            KernelDescriptor d = descriptor(c.kernel());
            if (d.outputs().size() != values.length) {
                throw new IllegalStateException(c.id() + ": ta has " + d.outputs().size() + " outputs, TA-Lib " + values.length);
            }
            pins.add(TalibPin.of(c.id(), values));
        }
        TalibPin.write(pins);
        System.out.println("pinned " + pins.size() + " TA-Lib references in " + TalibPin.file());
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
