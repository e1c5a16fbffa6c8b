package io.ta.spi;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameter values for one kernel, in declaration order, typed per {@link ParamSpec}. Built by name (defaults
 * filled in) with {@link #of}; ranges are checked when a stream or lookback is made from them, by the kernel's
 * generated validation, so there is one place per kernel that decides validity.
 */
public final class ParamValues {
    private final String kernel;
    private final List<ParamSpec> specs;
    private final Object[] values;

    private ParamValues(String kernel, List<ParamSpec> specs, Object[] values) {
        this.kernel = kernel;
        this.specs = specs;
        this.values = values;
    }

    /** All defaults of {@code descriptor}; fails if a parameter is required. */
    public static ParamValues defaults(KernelDescriptor descriptor) {
        return of(descriptor, Map.of());
    }

    /**
     * Values by catalog name; missing names take their defaults. Numbers convert to the declared type when exact
     * (an integral {@code 14.0} is a valid {@code int}); choices are matched case-insensitively.
     *
     * @throws UnknownNameException for a name the kernel does not declare, or an unknown choice
     * @throws InvalidParameterException for a missing required value or a value of the wrong type
     */
    public static ParamValues of(KernelDescriptor descriptor, Map<String, ?> given) {
        if (descriptor == null || given == null) {
            throw new InvalidParameterException(descriptor == null ? "kernel" : descriptor.name(), List.of(),
                    "non-null", (descriptor == null ? "the kernel" : descriptor.name() + ": the parameter map")
                    + " must not be null (no parameters given: an empty map)");
        }
        String kernel = descriptor.name();
        List<ParamSpec> specs = descriptor.params();
        List<String> names = new ArrayList<>();
        for (ParamSpec s : specs) {
            names.add(s.name());
        }
        for (String key : given.keySet()) {
            if (!names.contains(key)) {
                String near = Names.closest(key, names);
                throw new UnknownNameException(
                        "parameter",
                        key,
                        near,
                        kernel + ": unknown parameter '" + key + "'" + Names.hint(near)
                                + (names.isEmpty() ? "; it takes no parameters" : "; parameters: " + String.join(", ", names)));
            }
        }
        Object[] values = new Object[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            ParamSpec s = specs.get(i);
            Object v = given.containsKey(s.name()) ? given.get(s.name()) : s.defaultObject();
            if (v == null) {
                throw invalid(kernel, s, "is required (" + s.rangeText() + ")");
            }
            values[i] = convert(kernel, s, v);
        }
        return new ParamValues(kernel, specs, values);
    }

    /**
     * Positional values, already typed ({@code Integer}, {@code Double}, {@code Boolean}, {@code String}).
     *
     * @throws InvalidParameterException for a null descriptor or array, more values than parameters, a missing required
     *     value or a value of the wrong type
     * @throws UnknownNameException for an unknown choice
     */
    public static ParamValues ofPositional(KernelDescriptor descriptor, Object... positional) {
        if (descriptor == null || positional == null) {
            throw new InvalidParameterException(descriptor == null ? "kernel" : descriptor.name(), List.of(),
                    "non-null", (descriptor == null ? "the kernel" : descriptor.name() + ": the positional values")
                    + " must not be null (no parameters given: no values after the descriptor)");
        }
        List<ParamSpec> specs = descriptor.params();
        if (positional.length > specs.size()) {
            throw new InvalidParameterException(
                    descriptor.name(),
                    List.of(),
                    "at most " + specs.size() + " parameters",
                    descriptor.name() + ": takes at most " + specs.size() + " parameters, got " + positional.length);
        }
        Map<String, Object> byName = new LinkedHashMap<>();
        for (int i = 0; i < positional.length; i++) {
            byName.put(specs.get(i).name(), positional[i]);
        }
        return of(descriptor, byName);
    }

    private static Object convert(String kernel, ParamSpec s, Object v) {
        switch (s.type()) {
            case INT -> {
                if (v instanceof Integer) {
                    return v;
                }
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                        return (int) d;
                    }
                    if (Double.isFinite(d) && d == Math.rint(d)) {
                        throw invalid(kernel, s, "must be in " + s.rangeText() + ", got " + ParamSpec.number(d));
                    }
                }
                throw invalid(kernel, s, "must be an integer (" + s.rangeText() + "), got " + show(v));
            }
            case REAL -> {
                if (v instanceof Number n) {
                    double d = n.doubleValue();
                    if (!Double.isFinite(d)) {
                        throw invalid(kernel, s, "must be finite (" + s.rangeText() + "), got " + d);
                    }
                    return d;
                }
                throw invalid(kernel, s, "must be a number (" + s.rangeText() + "), got " + show(v));
            }
            case BOOL -> {
                if (v instanceof Boolean) {
                    return v;
                }
                throw invalid(kernel, s, "must be true or false, got " + show(v));
            }
            case CHOICE -> {
                if (v instanceof String str) {
                    for (String c : s.choices()) {
                        if (c.equalsIgnoreCase(str)) {
                            return c;
                        }
                    }
                    String near = Names.closest(str.toLowerCase(java.util.Locale.ROOT), s.choices());
                    throw new UnknownNameException(
                            "choice",
                            str,
                            near,
                            kernel + ": " + s.name() + " must be " + s.rangeText() + ", got " + str + Names.hint(near));
                }
                throw invalid(kernel, s, "must be " + s.rangeText() + ", got " + show(v));
            }
        }
        throw new AssertionError(s.type());
    }

    private static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static InvalidParameterException invalid(String kernel, ParamSpec s, String what) {
        return new InvalidParameterException(kernel, List.of(s.name()), s.rangeText(), kernel + ": " + s.name() + " " + what);
    }

    /** The declared parameters, in order (for snapshot encoding). */
    List<ParamSpec> specs() {
        return specs;
    }

    /** The kernel these values belong to. */
    public String kernel() {
        return kernel;
    }

    /** The number of parameters. */
    public int size() {
        return values.length;
    }

    /**
     * The {@code i}-th parameter as {@code int}.
     *
     * @throws InvalidParameterException if there is no {@code i}-th parameter or it is not an {@code int}
     */
    public int intValue(int i) {
        if (get(i) instanceof Integer v) {
            return v;
        }
        throw notA(i, ParamType.INT, "intValue");
    }

    /**
     * The {@code i}-th parameter as {@code double}.
     *
     * @throws InvalidParameterException if there is no {@code i}-th parameter or it is not a real
     */
    public double realValue(int i) {
        if (get(i) instanceof Double v) {
            return v;
        }
        throw notA(i, ParamType.REAL, "realValue");
    }

    /**
     * The {@code i}-th parameter as {@code boolean}.
     *
     * @throws InvalidParameterException if there is no {@code i}-th parameter or it is not a boolean
     */
    public boolean boolValue(int i) {
        if (get(i) instanceof Boolean v) {
            return v;
        }
        throw notA(i, ParamType.BOOL, "boolValue");
    }

    /**
     * The {@code i}-th parameter's choice name.
     *
     * @throws InvalidParameterException if there is no {@code i}-th parameter or it is not a choice
     */
    public String choice(int i) {
        if (get(i) instanceof String v) {
            return v;
        }
        throw notA(i, ParamType.CHOICE, "choice");
    }

    /**
     * The {@code i}-th value, typed as declared.
     *
     * @throws InvalidParameterException if {@code i} is outside {@code [0, size())}
     */
    public Object get(int i) {
        if (i < 0 || i >= values.length) {
            throw new InvalidParameterException(kernel, List.of(), "index in [0, " + values.length + ")", kernel
                    + ": there is no parameter " + i + "; " + (values.length == 0 ? "it takes no parameters"
                    : "parameters 0 to " + (values.length - 1) + ": " + String.join(", ", asMap().keySet())));
        }
        return values[i];
    }

    /** A typed read of the {@code i}-th parameter, which is of another type: which read fits it. */
    private InvalidParameterException notA(int i, ParamType asked, String call) {
        ParamSpec s = specs.get(i);
        String read = switch (s.type()) {
            case INT -> "intValue";
            case REAL -> "realValue";
            case BOOL -> "boolValue";
            case CHOICE -> "choice";
        };
        String type = s.type().name().toLowerCase(java.util.Locale.ROOT);
        return new InvalidParameterException(kernel, List.of(s.name()), type, kernel + ": " + call + "(" + i
                + ") reads " + article(asked.name().toLowerCase(java.util.Locale.ROOT)) + ", but " + s.name() + " is "
                + article(type)
                + "; read it with " + read + "(" + i + ") or get(" + i + ")");
    }

    private static String article(String type) {
        return (type.startsWith("i") ? "an " : "a ") + type;
    }

    /**
     * The value of the parameter called {@code name}.
     *
     * @throws UnknownNameException for a name the kernel does not declare
     */
    public Object get(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return values[i];
            }
        }
        throw new UnknownNameException("parameter", name, Names.closest(name, asMap().keySet()), kernel + ": unknown parameter '" + name + "'");
    }

    /** Name → value, in declaration order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            m.put(specs.get(i).name(), values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValues p && p.kernel.equals(kernel) && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kernel, Arrays.hashCode(values));
    }

    /** {@code period=20, std_dev=2.0}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(specs.get(i).name()).append('=').append(values[i]);
        }
        return sb.toString();
    }
}
