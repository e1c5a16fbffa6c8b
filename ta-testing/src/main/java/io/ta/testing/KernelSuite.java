package io.ta.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.ta.spi.KernelDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole property suite for a kernel library, in one line of test code:
 *
 * <pre>{@code
 * package com.acme.ta;
 *
 * class AcmeKernelsTest extends io.ta.testing.KernelSuite {}
 * }</pre>
 *
 * <p>Every kernel registered through {@link java.util.ServiceLoader} (the way the runtime finds them) whose generated
 * descriptor lives in the test class's package or below it is enrolled in {@link KernelProperties#of}: batch ≡
 * stream bit for bit, range-chunked batches, preview, replaceLast, snapshot/restore (and corrupt or hostile
 * snapshots), counters that outlive 2^31 updates, reset, exact lookback (on random cases and at periods near
 * 100,000), causality and recovery from a missing value, bad parameters, outlier recovery,
 * long-stream drift, scale equivariance and per-bar cost. The package rule keeps a library's suite to its own
 * kernels when other libraries (the built-ins) are on the test classpath; override {@link #kernels()} to choose
 * differently.
 *
 * <p>The suite also checks that no name, alias or selector of the library's kernels is claimed by another kernel on
 * the test classpath (at run time such a clash makes every plan fail), and fails when it finds no kernel at all, so a
 * test in the wrong package cannot pass by testing nothing.
 *
 * <p>System properties: {@code ta.examples} (random cases per property, default 1000), {@code ta.seed} (the fixed
 * seed), {@code ta.kernels=a,b} (run only those kernels, e.g. for a long run with {@code -Dta.examples=100000}).
 */
public abstract class KernelSuite {
    /** For subclasses; the suite has no state. */
    protected KernelSuite() {}

    /**
     * The kernels under test: every registered kernel whose descriptor class is in this test class's package or a
     * package below it, sorted by name.
     */
    protected List<KernelDescriptor> kernels() {
        return Descriptors.inPackage(getClass().getPackageName());
    }

    /** The kernels to run: {@link #kernels()}, narrowed by {@code -Dta.kernels=a,b} when given. */
    private List<KernelDescriptor> selected() {
        List<String> only = Arrays.stream(System.getProperty("ta.kernels", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<KernelDescriptor> all = kernels();
        if (all.isEmpty()) {
            fail("no kernel registered in package " + getClass().getPackageName() + " or below (is the test in the library's "
                    + "package, did the annotation processor run, is the library's provider registered: its "
                    + "META-INF/services on the test classpath, or `provides io.ta.spi.KernelLibraryProvider` in its "
                    + "module-info?)");
        }
        return all.stream().filter(d -> only.isEmpty() || only.contains(d.name())).toList();
    }

    /** Every property of every kernel under test, one container per kernel. */
    @TestFactory
    Stream<DynamicNode> everyKernel() {
        return selected().stream().map(KernelProperties::of);
    }

    /** No name, alias or selector of the kernels under test is claimed twice on the test classpath. */
    @Test
    void namesAreUniqueOnTheClasspath() {
        List<String> clashes = clashes(Descriptors.all(), selected());
        if (!clashes.isEmpty()) {
            fail("kernel names must be unique among all kernels on the classpath:\n  " + String.join("\n  ", clashes));
        }
    }

    /** Each name claimed twice in {@code all} where one of the claimants is in {@code mine}, described in one line. */
    static List<String> clashes(List<KernelDescriptor> all, List<KernelDescriptor> mine) {
        Map<String, KernelDescriptor> owners = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (KernelDescriptor d : all) {
            for (String n : KernelDescriptor.namesOf(d)) {
                KernelDescriptor prior = owners.putIfAbsent(n, d);
                if (prior != null && (mine.contains(d) || mine.contains(prior))) {
                    out.add("'" + n + "' is claimed by " + prior.name() + " (" + prior.getClass().getName() + ") and by "
                            + d.name() + " (" + d.getClass().getName() + ")");
                }
            }
        }
        return out;
    }
}
