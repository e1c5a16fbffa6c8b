package io.ta.processor.model;

import io.ta.spi.KernelStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The members a generated stream declares besides the kernel's own names, so the validator can refuse a parameter or
 * an output that would collide with one. The stream's interface methods are read from {@link KernelStream} and
 * {@link Object} themselves; only the members the stream writer adds on its own are listed here, and the writer takes
 * their names from these constants, so the reserved set and the emitted code cannot drift apart.
 */
public final class GeneratedMembers {
    private GeneratedMembers() {}

    /** The kernel's catalog name, a static constant the generated checks put in their messages. */
    public static final String KERNEL_NAME_FIELD = "KERNEL";
    /** The lookback of the stream's parameters, computed once. */
    public static final String LOOKBACK_FIELD = "lookback";
    /** The kernel instance the stream steps. */
    public static final String KERNEL_FIELD = "k";
    /** The checkpoint taken before the last committed bar, which {@code replaceLast} rewinds to. */
    public static final String LAST_FIELD = "last";
    /** The checkpoint {@code preview} rewinds to. */
    public static final String PROBE_FIELD = "probe";
    /** Bars committed so far. */
    public static final String COUNT_FIELD = "count";
    /**
     * Output {@code i} of the most recent update, preview or replaceLast is the field {@code output<i>}, in descriptor
     * order: one field per output rather than an array, because a stream's update stores its outputs on every bar and
     * an array's store also loads the array and checks the index.
     */
    public static final String OUTPUT_FIELD_PREFIX = "output";
    /**
     * Input {@code i} of the last committed bar is the field {@code lastInput<i>}, kept so a snapshot can re-derive the
     * replace-last checkpoint.
     */
    public static final String LAST_INPUT_FIELD_PREFIX = "lastInput";

    /** A single-output stream's accessor of its output. */
    public static final String VALUE_METHOD = "value";
    /** A multi-output stream's copy of the kernel's output fields into its own ({@link #OUTPUT_FIELD_PREFIX}). */
    public static final String CAPTURE_METHOD = "capture";
    /** One output by index, for a fused plan. */
    public static final String OUTPUT_AT_METHOD = "outputAt";
    /** A new array filled with NaN. */
    public static final String NANS_METHOD = "nans";

    /**
     * Fields of the generated stream but the numbered ones ({@link #isStreamField}); each constructor parameter becomes
     * a field of the same name beside them.
     */
    public static final SortedSet<String> STREAM_FIELDS = Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(
            KERNEL_NAME_FIELD, LOOKBACK_FIELD, KERNEL_FIELD, LAST_FIELD, PROBE_FIELD, COUNT_FIELD)));

    /** The numbered fields: {@code output0}, {@code output1}, …, {@code lastInput0}, …. */
    private static final String NUMBERED_FIELDS = "(" + OUTPUT_FIELD_PREFIX + "|" + LAST_INPUT_FIELD_PREFIX + ")[0-9]+";
    private static final Pattern NUMBERED_FIELD = Pattern.compile(NUMBERED_FIELDS);
    /** The numbered fields and the restored outputs' locals {@code o0}, {@code o1}, …: names no input or parameter takes. */
    private static final Pattern NUMBERED_NAME = Pattern.compile("o[0-9]+|" + NUMBERED_FIELDS);

    /** Whether the stream writer may declare a field named {@code name}: {@link #STREAM_FIELDS} or a numbered one. */
    public static boolean isStreamField(String name) {
        return STREAM_FIELDS.contains(name) || NUMBERED_FIELD.matcher(name).matches();
    }

    /**
     * Parameter and local names of generated methods that also take the kernel's inputs or parameters
     * ({@code updateRange(x, out, from, to)}, a descriptor's batch loop, a stream's restore), and {@code o0}, {@code o1},
     * … for restored outputs ({@link #isReserved}). GeneratedNamesTest compiles a kernel with every identifier the
     * writers emit as an input and as a parameter name, so a writer that starts using another local shows there.
     */
    public static final SortedSet<String> GENERATED_LOCALS = Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(
            "from", "to", "out", "n", "i", "v", "r", "c", "bar", "snapshot", "fresh")));

    /**
     * Every name an input's or a parameter's Java name must not take: {@link #STREAM_FIELDS} and
     * {@link #GENERATED_LOCALS}, and the numbered names of {@link #isReserved}.
     */
    public static final SortedSet<String> RESERVED_NAMES;

    static {
        TreeSet<String> all = new TreeSet<>(STREAM_FIELDS);
        all.addAll(GENERATED_LOCALS);
        RESERVED_NAMES = Collections.unmodifiableSortedSet(all);
    }

    /** Whether an input or parameter may not be named {@code javaName} (see {@link #RESERVED_NAMES}). */
    public static boolean isReserved(String javaName) {
        return RESERVED_NAMES.contains(javaName) || NUMBERED_NAME.matcher(javaName).matches();
    }

    /** The reserved names as a diagnostic lists them. */
    public static String reservedList() {
        return String.join(", ", RESERVED_NAMES) + ", o0, o1, …, " + OUTPUT_FIELD_PREFIX + "0, " + OUTPUT_FIELD_PREFIX
                + "1, …, " + LAST_INPUT_FIELD_PREFIX + "0, " + LAST_INPUT_FIELD_PREFIX + "1, …";
    }

    /** Methods the stream writer emits that neither {@link KernelStream} nor {@link Object} declares. */
    public static final Set<String> STREAM_METHODS =
            Set.of(VALUE_METHOD, CAPTURE_METHOD, OUTPUT_AT_METHOD, NANS_METHOD);

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
