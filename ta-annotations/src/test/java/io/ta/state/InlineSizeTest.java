package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.InvokeInstruction;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pushes of the state parts stay small enough for C2 to inline them into a kernel's loop: a hot call is inlined
 * only up to 325 bytes of bytecode ({@code FreqInlineSize}). Over it, every bar of a batch calls the push out of line
 * and the part's fields go through memory: {@code SlidingExtreme.push} grew to 418 bytes unnoticed, and rolling max
 * ran at 4.8 ns/bar where its inlined push runs at 3.7 (docs/performance-log.md, "Pushes under the inlining limit").
 * Nothing else would fail: the numbers are the same, only slower.
 */
class InlineSizeTest {
    /** C2's {@code FreqInlineSize} on x86-64 and AArch64. */
    static final int HOT_INLINE_LIMIT = 325;

    @Test
    void everyPushAndAddFitsTheHotInliningLimit() throws IOException, URISyntaxException {
        Path dir = partsDirectory();
        List<String> checked = new ArrayList<>();
        List<String> over = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                ClassModel c = ClassFile.of().parse(f);
                for (MethodModel m : c.methods()) {
                    String name = m.methodName().stringValue();
                    if (!name.startsWith("push") && !name.startsWith("add")) {
                        continue;
                    }
                    int length = codeLength(m);
                    String id = c.thisClass().asInternalName() + "." + name + m.methodType().stringValue() + ": "
                            + length + " bytes";
                    checked.add(id);
                    if (length > HOT_INLINE_LIMIT) {
                        over.add(id);
                    }
                }
            }
        }
        assertTrue(checked.size() >= 15, "found the parts' pushes: " + checked);
        assertTrue(checked.stream().anyMatch(s -> s.startsWith("io/ta/state/SlidingExtreme.push(D)V")),
                checked::toString);
        assertEquals(List.of(), over, "over C2's hot inlining limit of " + HOT_INLINE_LIMIT + " bytes");
    }

    /**
     * The seed's overflow path is written out in the push, not called: C2 inlines no method it has never seen run, so
     * a call on a branch a compile keeps (its profile not yet seen) stays a call in the kernel's loop, and it made
     * mass's batch 1.5× slower in some JVMs (docs/performance-log.md, "Calls a young profile kept in the loop").
     */
    @Test
    void anAveragesPushCallsOnlyItsRecursion() throws IOException, URISyntaxException {
        MethodModel push = ClassFile.of().parse(partsDirectory().resolve("SeededAverage.class")).methods().stream()
                .filter(m -> m.methodName().equalsString("push"))
                .findFirst()
                .orElseThrow();
        List<String> calls = push.code().orElseThrow().elementStream()
                .filter(e -> e instanceof InvokeInstruction)
                .map(e -> ((InvokeInstruction) e).owner().asInternalName() + "." + ((InvokeInstruction) e).name())
                .filter(c -> !c.equals("java/lang/Math.abs"))
                .toList();
        assertEquals(List.of("io/ta/state/SeededAverage.next"), calls);
    }

    /** The directory of the state parts' class files. */
    private static Path partsDirectory() throws URISyntaxException {
        return Path.of(AnchoredSum.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("io/ta/state");
    }

    /** A method's bytecode length, what C2's inlining limits count. */
    private static int codeLength(MethodModel m) {
        return m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
    }
}
