package io.ta.spi;

import io.ta.annotation.Require;
import io.ta.error.CorruptSnapshotException;
import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import java.util.List;

/**
 * The checks generated code performs before touching a bar (parameters, shapes, ranges) and the one it performs on
 * every output ({@link #finiteOrNaN}). Kept here, once, so every kernel reports errors the same way.
 */
public final class Checks {
    private Checks() {}

    /**
     * docs/spec.md §1.1: no kernel emits ±Infinity; non-finite arithmetic results are written as NaN. Branch-free
     * because it runs on every output of every bar: {@code v * 0.0} is a zero of v's sign when v is finite (so the
     * sum is v exactly, −0.0 included) and NaN when v is infinite or NaN. The branchy form cost ~1 ns/bar on OBV.
     *
     * <p>Where the processor has a fused multiply-add, {@code fma(v, 0.0, v)} computes the same sum, bit for bit, in
     * one instruction on a multiplier instead of a multiplication and an addition. The window sums' loops are short of
     * adders: with two of its window's tests folded as well, this took wma's batch from 1.01–1.04× TA-Lib's to
     * 0.88–0.89× (docs/performance-log.md, "wma's batch under TA-Lib's"). Without the instruction, the JDK computes
     * {@code Math.fma} in software, a thousand times slower and allocating, so the form is chosen once, from the JVM
     * ({@link ExactArithmetic}, which loads on the first output: reading the flag takes 15–30 ms, which a parameter
     * check or a kernel's constructor, which use this class, has no reason to pay).
     */
    public static double finiteOrNaN(double v) {
        return ExactArithmetic.FMA_IN_HARDWARE ? Math.fma(v, 0.0, v) : v + v * 0.0;
    }

    /**
     * The relative zero: a quantity is treated as 0 when it is at most this fraction of the scale of the data it was
     * computed from. Replaces TA-Lib's absolute {@code TA_IS_ZERO} (1e-8), which makes results depend on the unit
     * prices are quoted in: far below any real price move (a millionth of a millionth), far above rounding.
     */
    public static final double RELATIVE_ZERO = 1e-12;

    /**
     * Whether {@code v} is negligible next to {@code scale} ({@code |v| <= RELATIVE_ZERO·|scale|}): the scale-relative
     * form of docs/spec.md's "≈0" guards. Exactly 0 is always negligible; a result of it is the same for prices in
     * dollars, cents or satoshi. Nothing is negligible next to an infinite scale, a scale that overflowed: an
     * infinite {@code v} (a macd line under a slow average past the largest double) passed the test there, and so did
     * every finite one (a true-range sum next to n times a high near the largest double, which read ±DI 0 where it is
     * 100), and the guard's 0 stood where the result is not known. An infinite {@code v} next to a finite scale fails
     * the first test.
     */
    public static boolean negligible(double v, double scale) {
        // The second test runs only where the first holds, a flat window's rare bar.
        return Math.abs(v) <= RELATIVE_ZERO * Math.abs(scale) && Math.abs(scale) <= Double.MAX_VALUE;
    }

    /** Validates an {@code int} parameter against its declared interval. */
    public static void intParam(String kernel, String param, int value, double min, double max, boolean minEx, boolean maxEx) {
        if (!inRange(value, min, max, minEx, maxEx)) {
            throw outOfRange(kernel, param, ParamSpec.rangeText(min, max, minEx, maxEx, false), Integer.toString(value));
        }
    }

    /** Validates a {@code double} parameter: finite and inside its declared interval. */
    public static void realParam(String kernel, String param, double value, double min, double max, boolean minEx, boolean maxEx) {
        if (!Double.isFinite(value) || !inRange(value, min, max, minEx, maxEx)) {
            String range = ParamSpec.rangeText(min, max, minEx, maxEx, true);
            if (!range.equals("any finite value")) {
                range = range + " and finite";
            }
            throw outOfRange(kernel, param, range, Double.toString(value));
        }
    }

    /** Validates that an enum parameter was given. */
    public static void choiceParam(String kernel, String param, Enum<?> value) {
        if (value == null) {
            throw new InvalidParameterException(kernel, List.of(param), "non-null", kernel + ": " + param + " must not be null");
        }
    }

    private static boolean inRange(double v, double min, double max, boolean minEx, boolean maxEx) {
        return (minEx ? v > min : v >= min) && (maxEx ? v < max : v <= max);
    }

    private static InvalidParameterException outOfRange(String kernel, String param, String range, String value) {
        String phrase = range.startsWith("[") || range.startsWith("(") ? "must be in " + range : "must be " + range;
        return new InvalidParameterException(kernel, List.of(param), range, kernel + ": " + param + " " + phrase + ", got " + value);
    }

    /** Validates a cross-parameter rule such as {@code fast_period < slow_period}. */
    public static void require(String kernel, String left, double l, Require.Op op, String right, double r) {
        if (!new RequireSpec(left, op, right).holds(l, r)) {
            String rule = left + " " + op.symbol() + " " + right;
            throw new InvalidParameterException(
                    kernel,
                    List.of(left, right),
                    rule,
                    kernel + ": " + left + " must be " + op.symbol() + " " + right + ", got " + left + "=" + ParamSpec.number(l)
                            + ", " + right + "=" + ParamSpec.number(r));
        }
    }

    /** The common length of one input. */
    public static int length(String kernel, String name, double[] a) {
        if (a == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + name + "' is null");
        }
        return a.length;
    }

    /**
     * The common length of two inputs. Written as straight-line {@code throw new}s on purpose: C2 treats such blocks
     * as cold, while a slow path that calls a helper to build the exception kept the arrays spilled to the stack
     * inside the inlined batch loop (measured ~0.8 ns/bar on OBV). Messages match {@link #inputs}.
     */
    public static int length(String kernel, String n1, double[] a1, String n2, double[] a2) {
        if (a1 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n1 + "' is null");
        }
        if (a2 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n2 + "' is null");
        }
        if (a1.length != a2.length) {
            throw new ShapeMismatchException(kernel, kernel + ": input lengths differ: " + n1 + "=" + a1.length + ", "
                    + n2 + "=" + a2.length);
        }
        return a1.length;
    }

    /** The common length of three inputs. */
    public static int length(String kernel, String n1, double[] a1, String n2, double[] a2, String n3, double[] a3) {
        if (a1 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n1 + "' is null");
        }
        if (a2 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n2 + "' is null");
        }
        if (a3 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n3 + "' is null");
        }
        if (a1.length != a2.length || a1.length != a3.length) {
            throw new ShapeMismatchException(kernel, kernel + ": input lengths differ: " + n1 + "=" + a1.length + ", "
                    + n2 + "=" + a2.length + ", " + n3 + "=" + a3.length);
        }
        return a1.length;
    }

    /** The common length of four inputs. */
    public static int length(
            String kernel, String n1, double[] a1, String n2, double[] a2, String n3, double[] a3, String n4, double[] a4) {
        if (a1 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n1 + "' is null");
        }
        if (a2 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n2 + "' is null");
        }
        if (a3 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n3 + "' is null");
        }
        if (a4 == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + n4 + "' is null");
        }
        if (a1.length != a2.length || a1.length != a3.length || a1.length != a4.length) {
            throw new ShapeMismatchException(kernel, kernel + ": input lengths differ: " + n1 + "=" + a1.length + ", "
                    + n2 + "=" + a2.length + ", " + n3 + "=" + a3.length + ", " + n4 + "=" + a4.length);
        }
        return a1.length;
    }

    /**
     * The common length of {@code arrays}, one per name.
     *
     * @throws ShapeMismatchException listing every input with its length if they differ, or naming a missing one
     */
    public static int inputs(String kernel, List<String> names, double[][] arrays) {
        if (arrays == null || arrays.length != names.size()) {
            throw new ShapeMismatchException(
                    kernel,
                    kernel + ": expected " + names.size() + " inputs (" + String.join(", ", names) + "), got "
                            + (arrays == null ? 0 : arrays.length));
        }
        for (double[] a : arrays) {
            if (a == null || a.length != arrays[0].length) {
                throw mismatch(kernel, names, arrays);
            }
        }
        return arrays.length == 0 ? 0 : arrays[0].length;
    }

    /** The error for inputs that are not all present with one length: the first missing one, else every length. */
    private static ShapeMismatchException mismatch(String kernel, List<String> names, double[][] arrays) {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) {
                return new ShapeMismatchException(kernel, kernel + ": input '" + names.get(i) + "' is null");
            }
        }
        StringBuilder sb = new StringBuilder(kernel).append(": input lengths differ: ");
        for (int i = 0; i < arrays.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(arrays[i].length);
        }
        return new ShapeMismatchException(kernel, sb.toString());
    }

    /** Checks that an output array exists and matches the input length. */
    public static void output(String kernel, String name, double[] out, int n) {
        if (out == null) {
            throw new ShapeMismatchException(kernel, kernel + ": output '" + name + "' is null");
        }
        if (out.length != n) {
            throw new ShapeMismatchException(
                    kernel, kernel + ": output '" + name + "' has length " + out.length + ", inputs have " + n);
        }
    }

    /**
     * Checks that no two output arrays of a multi-output call are one array: the kernel would write both outputs into
     * it and keep only the last. A few reference comparisons per call, none per bar.
     *
     * @param names the outputs' names, comma-separated, in the order of {@code outs} (split only for the message)
     * @throws ShapeMismatchException naming the kernel and both outputs
     */
    public static void distinct(String kernel, String names, double[]... outs) {
        for (int i = 1; i < outs.length; i++) {
            for (int j = 0; j < i; j++) {
                if (outs[i] == outs[j]) {
                    String[] n = names.split(",");
                    throw new ShapeMismatchException(kernel, kernel + ": outputs '" + n[j] + "' and '" + n[i]
                            + "' are given the same array; give each output its own");
                }
            }
        }
    }

    /**
     * Checks that parameter values were built for {@code kernel}, which has {@code size} parameters: a descriptor
     * given another kernel's values, or none, would read them as its own.
     *
     * @throws InvalidParameterException naming the kernel, and the kernel the values were built for
     */
    public static void params(String kernel, int size, ParamValues p) {
        if (p == null) {
            throw new InvalidParameterException(kernel, List.of(), "non-null", kernel
                    + ": parameter values are null; ParamValues.defaults(descriptor) takes every default");
        }
        if (!p.kernel().equals(kernel) || p.size() != size) {
            throw new InvalidParameterException(kernel, List.of(), "built for " + kernel, kernel
                    + ": parameter values were built for " + p.kernel()
                    + "; build them from this kernel's descriptor (ParamValues.of(descriptor, map))");
        }
    }

    /** Checks {@code 0 <= from <= to <= a.length} for a range call. */
    public static void range(String kernel, String name, double[] a, int from, int to) {
        if (a == null) {
            throw new ShapeMismatchException(kernel, kernel + ": array '" + name + "' is null");
        }
        if (from < 0 || from > to || to > a.length) {
            throw new ShapeMismatchException(
                    kernel, kernel + ": range [" + from + ", " + to + ") is outside '" + name + "' of length " + a.length);
        }
    }

    /** Checks a uniform call's bar or output array: present, with one value per input or output. */
    public static void values(String kernel, String what, int expected, double[] a) {
        if (a == null) {
            throw new ShapeMismatchException(kernel, kernel + ": the " + what + " array is null (expected " + expected + " values)");
        }
        arity(kernel, what, expected, a.length);
    }

    /** Checks a uniform range call's array of arrays: present, with one array per input or output. */
    public static void arrays(String kernel, String what, int expected, double[][] a) {
        if (a == null) {
            throw new ShapeMismatchException(kernel, kernel + ": the " + what + " are null (expected " + expected + ")");
        }
        arity(kernel, what, expected, a.length);
    }

    /**
     * Checks that {@code i} indexes one of a kernel's inputs or outputs, for the descriptor's accessors by index.
     *
     * @param what {@code "input"} or {@code "output"}
     * @param names the kernel's inputs or outputs, in order
     * @return {@code i}
     * @throws ShapeMismatchException naming the kernel and the valid indices
     */
    public static int index(String kernel, String what, int i, List<String> names) {
        if (i < 0 || i >= names.size()) {
            throw new ShapeMismatchException(kernel, kernel + ": there is no " + what + " " + i + "; " + what + "s 0 to "
                    + (names.size() - 1) + ": " + String.join(", ", names));
        }
        return i;
    }

    /** Checks the arity of a uniform array call. */
    public static void arity(String kernel, String what, int expected, int actual) {
        if (expected != actual) {
            throw new ShapeMismatchException(kernel, kernel + ": expected " + expected + " " + what + ", got " + actual);
        }
    }

    /** Checks that a snapshot was taken from this kernel with this state layout. */
    public static void snapshot(String kernel, long schema, StateSnapshot snapshot) {
        if (snapshot == null) {
            throw new SnapshotMismatchException(kernel + ": snapshot is null");
        }
        if (!snapshot.kernel().equals(kernel)) {
            throw new SnapshotMismatchException(kernel + ": snapshot was taken from kernel '" + snapshot.kernel() + "'");
        }
        if (snapshot.schema() != schema) {
            throw new SnapshotMismatchException(kernel + ": snapshot has state layout " + Long.toHexString(snapshot.schema())
                    + ", this build of the kernel has " + Long.toHexString(schema) + " (taken with another version?)");
        }
    }

    /**
     * What a restore throws when stepping the snapshot's last bar again threw {@code fault}: the words passed every
     * declared check, yet the step met a state no update leaves (an index without a {@code @Range}, read as an array
     * position). Like {@link StateReader#readPart}, this keeps a JDK exception from escaping to the user; the cause
     * is kept, and the property suite fails a kernel whose restore refuses hostile words this way, since the missing
     * range is the kernel's defect (a shorter snapshot word, or one met after the restore, would still crash it).
     */
    public static CorruptSnapshotException replayFailed(String kernel, RuntimeException fault) {
        CorruptSnapshotException c = new CorruptSnapshotException(kernel + ": corrupt snapshot: " + REPLAY_FAILED
                + fault + "; a field the step reads holds a value no update leaves there");
        c.initCause(fault);
        return c;
    }

    /** The words of {@link #replayFailed}'s message before the fault, by which the property suite tells it. */
    public static final String REPLAY_FAILED = "replaying the last bar threw ";

    /** The enum constant whose lower-case name is {@code choice} (validated choices only). */
    public static <E extends Enum<E>> E choice(Class<E> type, String choice) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(choice)) {
                return e;
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no constant " + choice);
    }

    /** Fails a {@code replaceLast} before the first committed bar. */
    public static void hasLast(String kernel, long count) {
        if (count == 0) {
            throw new StreamStateException(kernel + ": replaceLast needs a committed bar; call update first");
        }
    }
}
