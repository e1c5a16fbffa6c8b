package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.testing.ChildJvm;
import io.ta.testing.Descriptors;
import io.ta.testing.RandomBars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every kernel gives the same bits on a JVM without a fused multiply-add: {@code ExactArithmetic} takes exact
 * rounding errors from Dekker's product there, and {@code Checks.finiteOrNaN} takes its plain form. A JVM started with
 * {@code -XX:-UseFMA} runs every kernel's batch over the same bars as this one, and each kernel's outputs must hash
 * to the same value in both (NaNs as one: the software {@code Math.fma}'s NaN is not the instruction's).
 */
class WithoutFmaTest {
    static final int BARS = 3_000;

    @Test
    void everyKernelGivesTheSameBitsWithoutAFusedMultiplyAdd() throws Exception {
        Map<String, Long> here = hashes();
        // The child runs everything on the class path, where the kernels are found through META-INF/services, this
        // class's directory included.
        Map<String, Long> there = ChildJvm.hashes(WithoutFmaTest.class, "-XX:-UseFMA");
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, Long> e : here.entrySet()) {
            if (!e.getValue().equals(there.get(e.getKey()))) {
                differ.add(e.getKey());
            }
        }
        assertEquals(here.size(), there.size(), "kernels run without the instruction: " + there.keySet());
        assertEquals(List.of(), differ, "kernels whose outputs differ without a fused multiply-add");
    }

    /**
     * Clean bars; dirty ones (missing values, whole series near 1e300 or 1e-6); and the clean ones with ticks at the
     * edges of the doubles on every input of a bar, where products and their rounding errors overflow or underflow.
     */
    static List<double[][]> bars(KernelDescriptor d) {
        double[][] clean = new RandomBars(0xF3AL ^ d.name().hashCode(), false).inputs(d.inputs(), BARS);
        double[][] dirty = new RandomBars(0xD1AL ^ d.name().hashCode(), true).inputs(d.inputs(), BARS);
        double[][] ticked = new double[clean.length][];
        double[] ticks = {Double.MAX_VALUE, -Double.MAX_VALUE, 1e200, 1e-300, 0x1p995, 0x1p-960, -1e300, 1e154};
        for (int i = 0; i < clean.length; i++) {
            ticked[i] = clean[i].clone();
            for (int j = 0; j < ticks.length; j++) {
                ticked[i][300 * (j + 1)] = ticks[j];
                ticked[i][300 * (j + 1) + 150] = ticks[j];
                ticked[i][300 * (j + 1) + 151] = ticks[(j + 1) % ticks.length];
            }
        }
        return List.of(clean, dirty, ticked);
    }

    /** Prints each kernel's hash, for the test's child JVM. */
    public static void main(String[] args) {
        hashes().forEach((name, hash) -> System.out.println("hash " + name + " " + hash));
    }

    /**
     * Every built-in kernel's batch at its defaults over {@link #BARS} bars of {@link RandomBars} (its seed fixed per
     * kernel, so both JVMs draw the same bars): a hash of its outputs' bits.
     */
    static Map<String, Long> hashes() {
        Map<String, Long> out = new TreeMap<>();
        for (KernelDescriptor d : Descriptors.inPackage("io.ta.kernels")) {
            long h = 1;
            for (double[][] in : bars(d)) {
                for (double[] series : d.batch(ParamValues.defaults(d), in)) {
                    for (double v : series) {
                        h = 31 * h + Double.doubleToLongBits(v);
                    }
                }
            }
            out.put(d.name(), h);
        }
        return out;
    }
}
