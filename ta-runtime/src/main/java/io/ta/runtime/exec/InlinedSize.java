package io.ta.runtime.exec;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An estimate, from the class files, of the bytecode C2 inlines for one call: the callee's own and, call site by call
 * site, that of every method of at most {@value #FREQ_INLINE_SIZE} bytes it reaches (C2's {@code FreqInlineSize} for a
 * hot call), {@value #MAX_INLINE_LEVEL} calls deep at most ({@code MaxInlineLevel}). It is what C2 counts towards
 * {@code DesiredMethodLimit}, 8,000 bytes into one compilation, past which every further call in that method stays a
 * call. The estimate cannot see a profile: it counts every branch, where C2 compiles the ones that ran (a kernel's
 * moving-average type switch reaches every average), and calls into the JDK count nothing (most are intrinsics).
 * A class it cannot read counts nothing.
 */
final class InlinedSize {
    static final int FREQ_INLINE_SIZE = 325;
    static final int MAX_INLINE_LEVEL = 15;

    private final ClassLoader loader;
    private final Map<ClassDesc, Optional<ClassModel>> classes = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final Set<String> open = new HashSet<>();

    InlinedSize(ClassLoader loader) {
        this.loader = loader;
    }

    /** The estimated inlined bytecode of a call of {@code owner.name(type)}; 0 when it cannot be read. */
    int of(ClassDesc owner, String name, MethodTypeDesc type) {
        return of(owner, name, type, 0);
    }

    private int of(ClassDesc owner, String name, MethodTypeDesc type, int depth) {
        String key = owner.descriptorString() + name + type.descriptorString();
        Integer known = sizes.get(key);
        if (known != null) {
            return known;
        }
        if (depth > MAX_INLINE_LEVEL || !open.add(key)) {
            return 0;
        }
        int size = 0;
        CodeAttribute code = code(owner, name, type);
        if (code != null && code.codeLength() <= FREQ_INLINE_SIZE) {
            size = code.codeLength();
            for (var e : code) {
                if (e instanceof InvokeInstruction call) {
                    size += of(call.owner().asSymbol(), call.name().stringValue(), call.typeSymbol(), depth + 1);
                }
            }
        }
        open.remove(key);
        sizes.put(key, size);
        return size;
    }

    private CodeAttribute code(ClassDesc owner, String name, MethodTypeDesc type) {
        ClassModel model = classes.computeIfAbsent(owner, this::read).orElse(null);
        if (model == null) {
            return null;
        }
        String descriptor = type.descriptorString();
        for (MethodModel m : model.methods()) {
            if (m.methodName().equalsString(name) && m.methodType().equalsString(descriptor)) {
                return m.findAttribute(Attributes.code()).orElse(null);
            }
        }
        return null;
    }

    private Optional<ClassModel> read(ClassDesc owner) {
        String d = owner.descriptorString();
        if (!d.startsWith("L") || d.startsWith("Ljava/") || d.startsWith("Ljdk/") || d.startsWith("Lsun/")) {
            return Optional.empty();
        }
        String resource = d.substring(1, d.length() - 1) + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(ClassFile.of().parse(in.readAllBytes()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
