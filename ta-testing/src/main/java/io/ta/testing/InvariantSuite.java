package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ta.spi.KernelDescriptor;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Base of the per-family invariant tests: what a kernel's output must satisfy given its inputs (ranges, orderings,
 * naive oracles), checked on random cases with missing values and extreme magnitudes, independently of how the
 * kernel computes it. A family test lists its invariants by kernel name; the property suite proves batch ≡ stream,
 * these prove the numbers mean what the catalog says.
 */
public abstract class InvariantSuite {
    /** For a family's test class, which JUnit instantiates. */
    public InvariantSuite() {}

    /** A check of one case's batch outputs; throws on violation. */
    public interface Invariant {
        /**
         * Checks the outputs of one case.
         *
         * @param c the case: kernel, parameters and inputs
         * @param out its batch outputs, one array per output
         * @throws AssertionError naming the bar and output that violate the invariant
         */
        void check(KernelCase c, double[][] out);
    }

    /** Invariants by kernel name. */
    protected abstract Map<String, Invariant> invariants();

    @TestFactory
    Stream<DynamicTest> familyInvariants() {
        Map<String, Invariant> all = invariants();
        return Descriptors.all().stream().filter(d -> all.containsKey(d.name())).map(d -> dynamicTest(d.name(),
                () -> qt().withExamples(KernelProperties.EXAMPLES)
                        .withFixedSeed(KernelProperties.SEED ^ d.name().hashCode() ^ 0x1A5L)
                        .withShrinkCycles(20)
                        .forAll(longs().all().map(seed -> KernelCase.of(d, seed, true)))
                        .checkAssert(c -> all.get(d.name()).check(c, c.descriptor().batch(c.params(), c.inputs())))));
    }

    @Test
    void everyInvariantNamesARegisteredKernel() {
        var names = Descriptors.all().stream().map(KernelDescriptor::name).toList();
        for (String k : invariants().keySet()) {
            assertTrue(names.contains(k), "invariant for unregistered kernel " + k);
        }
    }
}
