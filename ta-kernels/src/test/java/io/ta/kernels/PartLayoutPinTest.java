package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.StatePart;
import io.ta.testing.Descriptors;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A kernel's {@code SCHEMA} does not see inside its state parts: a part that changes what it writes must raise its
 * {@code SNAPSHOT_LAYOUT} (docs/kernel-guide.md, "State parts"), or snapshots of the build before would be read by
 * position under the new encoding. This pins, for every part a built-in kernel holds (nested kernels and parts
 * included), its fields and its constant, so that a change to a part's fields stops here and asks whether its encoding
 * changed: if it did, raise the constant; either way, update the pin below.
 */
class PartLayoutPinTest {
    static final String PIN = "state-part-layouts.txt";

    @Test
    void everyPartsFieldsArePinnedWithItsSnapshotLayout() throws IOException, ClassNotFoundException {
        // Every part, and every class a part holds (a kernel inside a part is written by the part, unseen by SCHEMA).
        TreeMap<String, String> now = new TreeMap<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        Deque<Boolean> inPart = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (KernelDescriptor d : Descriptors.all()) {
            String name = d.getClass().getName();
            if (name.startsWith("io.ta.kernels.")) {
                todo.add(Class.forName(name.substring(0, name.length() - "_Descriptor".length()), false,
                        d.getClass().getClassLoader()));
                inPart.add(false);
            }
        }
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            boolean held = inPart.pop() || StatePart.class.isAssignableFrom(c);
            if (!seen.add(c.getName() + held) || c.isEnum()) {
                continue;
            }
            if (held) {
                now.put(c.getName(), layout(c));
            }
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    Class<?> t = f.getType().isArray() ? f.getType().getComponentType() : f.getType();
                    if (!Modifier.isStatic(f.getModifiers()) && t.getName().startsWith("io.ta.")) {
                        todo.push(t);
                        inPart.push(held);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        now.forEach((part, layout) -> text.append(part).append(' ').append(layout).append('\n'));
        String pinned;
        try (InputStream in = PartLayoutPinTest.class.getResourceAsStream(PIN)) {
            pinned = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!pinned.equals(text.toString())) {
            Path actual = Path.of("target", PIN);
            Files.writeString(actual, text);
            assertEquals(pinned, text.toString(), "a state part's fields changed. If what its write() writes changed,"
                    + " raise its SNAPSHOT_LAYOUT (docs/kernel-guide.md, \"State parts\"); then copy "
                    + actual.toAbsolutePath() + " to ta-kernels/src/test/resources/io/ta/kernels/" + PIN);
        }
    }

    /** {@code SNAPSHOT_LAYOUT=n} (or {@code -}), then every instance field, superclasses' first, as name:type. */
    static String layout(Class<?> part) {
        String version = "-";
        List<String> fields = new ArrayList<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> k = part; k != null && k != Object.class; k = k.getSuperclass()) {
            chain.addFirst(k);
        }
        for (Class<?> k : chain) {
            List<String> own = new ArrayList<>();
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    if (f.getName().equals("SNAPSHOT_LAYOUT")) {
                        version = constant(f);
                    }
                    continue;
                }
                own.add(f.getName() + ":" + f.getType().getTypeName());
            }
            own.sort(null);
            fields.addAll(own);
        }
        return "SNAPSHOT_LAYOUT=" + version + " " + String.join(",", fields);
    }

    private static String constant(Field f) {
        try {
            f.setAccessible(true);
            return String.valueOf(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read " + f, e);
        }
    }
}
