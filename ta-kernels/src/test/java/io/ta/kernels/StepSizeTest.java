package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import io.ta.testing.Descriptors;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every kernel's step stays small enough for C2 to inline it into the generated batch loop: a method called on every
 * bar is inlined only up to 325 bytes of bytecode ({@code FreqInlineSize}). Over it, every bar calls the step and the
 * kernel's state lives in memory: pivots (544 bytes) and laguerre_rsi (359) took 1.5× and 1.4× the time of their
 * inlined steps (docs/performance-log.md, "Pushes under the inlining limit"). The state parts' pushes are checked in
 * ta-annotations ({@code InlineSizeTest}).
 */
class StepSizeTest {
    static final int HOT_INLINE_LIMIT = 325;

    /**
     * The steps left over the limit (their size in bytes when last measured): each costs its kernel a call per bar,
     * which splitting the step did not pay for or was not tried. A step that shrinks under the limit must leave this
     * list; one that grows over it must be split, or added here with its reason.
     */
    static final Set<String> OVER = Set.of(
            // 350: the Hilbert transform's phase, whose per-bar loop over the cycle dominates (~500 ns/bar either way).
            "io.ta.kernels.cycle.HtDcPhase",
            // 444: swing points and the retracement of the latest leg in one step.
            "io.ta.kernels.pattern.FibRetracement");

    /**
     * Methods a step calls on every bar, to stay under the limit itself: each must fit as the step does, or the call
     * is left out of line and the kernel escapes into it.
     */
    static final Map<String, String> EVERY_BAR = Map.of(
            // The trailing stop in the position's frame; the step keeps the bootstrap and the restart.
            "io.ta.kernels.trend.Sarext", "trail");

    @Test
    void theHelpersAStepCallsOnEveryBarFitTheLimitToo() throws IOException {
        for (Map.Entry<String, String> e : EVERY_BAR.entrySet()) {
            int length = methods(e.getKey(), getClass().getClassLoader()).stream()
                    .filter(m -> m.methodName().equalsString(e.getValue()))
                    .mapToInt(StepSizeTest::codeLength)
                    .max()
                    .orElseThrow();
            assertTrue(length <= HOT_INLINE_LIMIT, e.getKey() + "." + e.getValue() + ": " + length + " bytes");
        }
    }

    @Test
    void everyStepFitsTheHotInliningLimitOrIsListed() throws IOException {
        Map<String, Integer> over = new TreeMap<>();
        int checked = 0;
        for (KernelDescriptor d : Descriptors.all()) {
            String descriptor = d.getClass().getName();
            if (!descriptor.startsWith("io.ta.kernels.")) {
                continue;
            }
            String kernel = descriptor.substring(0, descriptor.length() - "_Descriptor".length());
            for (MethodModel m : methods(kernel, d.getClass().getClassLoader())) {
                if (!m.methodName().equalsString("step")) {
                    continue;
                }
                checked++;
                int length = codeLength(m);
                if (length > HOT_INLINE_LIMIT) {
                    over.merge(kernel, length, Math::max);
                }
            }
        }
        assertTrue(checked > 100, "found the kernels' steps: " + checked);
        assertEquals(new TreeSet<>(OVER), new TreeSet<>(over.keySet()),
                "steps over C2's hot inlining limit of " + HOT_INLINE_LIMIT + " bytes: " + over);
    }

    /** The methods of class {@code name}, from its class file as {@code loader} finds it. */
    private static List<MethodModel> methods(String name, ClassLoader loader) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            assertNotNull(in, name);
            return ClassFile.of().parse(in.readAllBytes()).methods();
        }
    }

    /** A method's bytecode length, what C2's inlining limits count. */
    private static int codeLength(MethodModel m) {
        return m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
    }
}
