package io.ta.processor.model;

import io.ta.spi.KernelStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The members a generated stream declares besides the kernel's own names, so the validator can refuse a parameter or
 * an output that would collide with one. The stream's interface methods are read from {@link KernelStream} and
 * {@link Object} themselves; only the members the stream writer adds on its own are listed here.
 */
public final class GeneratedMembers {
    private GeneratedMembers() {}

    /** Fields of the generated stream; each constructor parameter becomes a field of the same name beside them. */
    public static final SortedSet<String> STREAM_FIELDS = Collections.unmodifiableSortedSet(
            new TreeSet<>(Set.of("KERNEL", "lookback", "k", "last", "probe", "count", "outputs", "lastInputs")));

    /** Methods the stream writer emits that neither {@link KernelStream} nor {@link Object} declares. */
    public static final Set<String> STREAM_METHODS =
            Set.of("value", "capture", "newKernel", "outputAt", "nans");

    /**
     * Every method name of a generated stream that an output's accessor (a no-argument method named after its field)
     * must not take: the stream's interface, {@link Object}'s non-private methods and {@link #STREAM_METHODS}.
     */
    public static Set<String> streamMethodNames() {
        Set<String> names = new TreeSet<>(STREAM_METHODS);
        for (Method m : KernelStream.class.getMethods()) {
            names.add(m.getName());
        }
        for (Method m : Object.class.getDeclaredMethods()) {
            if (!Modifier.isPrivate(m.getModifiers())) {
                names.add(m.getName());
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
