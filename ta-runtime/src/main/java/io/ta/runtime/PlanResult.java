package io.ta.runtime;

import io.ta.error.ShapeMismatchException;
import io.ta.error.UnknownNameException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The roots of a plan evaluated over a history: one aligned {@link Series} per root, in the plan's order. */
public final class PlanResult {
    private final Map<String, Series> values;
    private final Map<String, Integer> lookbacks;
    private final int length;
    private final long[] times;

    /**
     * A result of {@code length} bars: one series per root (in the plan's order) of that length, each root's first
     * valid bar, and the bars' close times ({@code null} when the bars had none), which every series carries too. The
     * executors build it; the checks keep a hand-built one as consistent as theirs. {@code times} is kept without
     * copying, as {@link Series#wrap(double[], long[])} keeps its arrays.
     *
     * @throws ShapeMismatchException if a map or entry is null, the roots of the two maps differ, a series is not
     *     {@code length} long or carries other times, a lookback is negative, or {@code times} is not {@code length}
     *     long
     */
    public PlanResult(Map<String, Series> values, Map<String, Integer> lookbacks, int length, long[] times) {
        if (values == null || lookbacks == null || !values.keySet().equals(lookbacks.keySet()) || length < 0) {
            throw new ShapeMismatchException("plan_result", "plan_result: needs one series and one lookback per root, "
                    + "for a length of 0 or more bars");
        }
        for (Map.Entry<String, Series> e : values.entrySet()) {
            Integer lb = lookbacks.get(e.getKey());
            if (e.getKey() == null || e.getValue() == null || e.getValue().length() != length || lb == null || lb < 0) {
                throw new ShapeMismatchException("plan_result", "plan_result: root '" + e.getKey() + "' needs a series of "
                        + length + " bars and a lookback of 0 or more");
            }
        }
        if (times != null && times.length != length) {
            throw new ShapeMismatchException("plan_result", "plan_result: " + times.length + " times for " + length + " bars");
        }
        for (Map.Entry<String, Series> e : values.entrySet()) {
            // The executors hand every series the result's own array, so this costs them one comparison of references.
            if (!Arrays.equals(e.getValue().sharedTimes(), times)) {
                throw new ShapeMismatchException("plan_result", "plan_result: root '" + e.getKey() + "' carries "
                        + (e.getValue().hasTime() ? "other times than" : "no times, unlike") + " the result"
                        + (times == null ? ", which has none" : ""));
            }
        }
        this.values = new LinkedHashMap<>(values);
        this.lookbacks = new LinkedHashMap<>(lookbacks);
        this.length = length;
        this.times = times;
    }

    /** Whether the results carry timestamps (the bars had them). */
    public boolean hasTime() {
        return times != null;
    }

    /** A copy of the bars' timestamps (epoch ms, each bar's close), which every result series shares; or {@code null}. */
    public long[] times() {
        return times == null ? null : times.clone();
    }

    /**
     * The close time (epoch ms) of bar {@code i}, shared by every result series.
     *
     * @throws ShapeMismatchException if {@code i} is not a bar, or the bars had no timestamps
     */
    public long time(int i) {
        if (i < 0 || i >= length) {
            throw new ShapeMismatchException("plan", "plan result: bar " + i + " is outside the result (bars 0 to " + (length - 1)
                    + ", length " + length + ")");
        }
        if (times == null) {
            throw new ShapeMismatchException("plan", "plan result: it has no timestamps (the bars it was computed from had none)");
        }
        return times[i];
    }

    /** Root names in order. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** Number of bars. */
    public int length() {
        return length;
    }

    /**
     * The series of one root.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public Series get(String root) {
        Series s = values.get(root);
        if (s == null) {
            throw UnknownNameException.result(root, values.keySet());
        }
        return s;
    }

    /** The only root of a single-expression plan. */
    public Series value() {
        return values.values().iterator().next();
    }

    /** The plan's lookback for one root: the bar from which it is valid for NaN-free input (docs/dsl.md, "Plans"). */
    public int lookback(String root) {
        get(root);
        return lookbacks.get(root);
    }

    /** Equal to a result with the same roots in the same order, series, lookbacks and times (by content). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlanResult r && r.length == length && r.names().equals(names()) && r.values.equals(values)
                && r.lookbacks.equals(lookbacks) && Arrays.equals(r.times, times);
    }

    @Override
    public int hashCode() {
        return (values.hashCode() * 31 + lookbacks.hashCode()) * 31 + Arrays.hashCode(times);
    }

    /** The length and each root's series as {@link Series#toString()} prints it. */
    @Override
    public String toString() {
        return "PlanResult[" + length + " bars" + (times == null ? "" : " with times") + ", " + values + "]";
    }
}
