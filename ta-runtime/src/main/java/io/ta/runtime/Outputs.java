package io.ta.runtime;

import io.ta.error.UnknownNameException;
import io.ta.spi.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of one kernel over a history: one {@link Series} per declared output, in declaration order (a
 * single-output kernel has one output named {@code value}).
 */
public final class Outputs {
    private final String kernel;
    private final List<String> names;
    private final List<Series> series;

    Outputs(String kernel, List<String> names, double[][] arrays) {
        this.kernel = kernel;
        this.names = List.copyOf(names);
        List<Series> s = new ArrayList<>(arrays.length);
        for (double[] a : arrays) {
            s.add(Series.wrap(a));
        }
        this.series = List.copyOf(s);
    }

    public String kernel() {
        return kernel;
    }

    /** Output names in declaration order. */
    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    /**
     * The {@code i}-th output.
     *
     * @throws UnknownNameException if there is no such output, naming the outputs that exist
     */
    public Series get(int i) {
        if (i < 0 || i >= series.size()) {
            throw new UnknownNameException("output", "#" + i, null, kernel + ": no output #" + i + "; it has " + series.size()
                    + " (" + String.join(", ", names) + ")");
        }
        return series.get(i);
    }

    /**
     * The output called {@code name}.
     *
     * @throws UnknownNameException naming the outputs that exist
     */
    public Series get(String name) {
        int i = name == null ? -1 : names.indexOf(name); // indexOf(null) throws on an immutable list
        if (i < 0) {
            String near = Names.closest(name, names);
            throw new UnknownNameException("output", name, near,
                    kernel + ": no output '" + name + "'" + Names.hint(near) + "; outputs: " + String.join(", ", names));
        }
        return series.get(i);
    }

    /** The only output of a single-output kernel. */
    public Series value() {
        if (series.size() != 1) {
            throw new UnknownNameException("output", "value", null,
                    kernel + " has " + series.size() + " outputs (" + String.join(", ", names) + "); pick one by name");
        }
        return series.get(0);
    }

    /** Equal to the outputs of the same kernel with the same names and series (by content). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Outputs x && x.kernel.equals(kernel) && x.names.equals(names) && x.series.equals(series);
    }

    @Override
    public int hashCode() {
        return (kernel.hashCode() * 31 + names.hashCode()) * 31 + series.hashCode();
    }

    /** The kernel and each output as {@link Series#toString()} prints it: {@code sma[value=Series[…]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kernel).append('[');
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(series.get(i));
        }
        return sb.append(']').toString();
    }
}
