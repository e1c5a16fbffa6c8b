package io.ta.testing;

import io.ta.error.InvalidParameterException;
import io.ta.spi.Domain;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One random property-test case: valid parameters for a kernel and inputs for it, all derived from one seed so a
 * failure report ({@link #toString()}) is enough to reproduce it.
 *
 * @param descriptor the kernel
 * @param params random valid parameters (small periods, so warm-up ends inside the series)
 * @param inputs one array per input
 * @param seed the seed everything came from
 * @param dirty whether inputs may contain missing cells and extreme magnitudes
 */
public record KernelCase(KernelDescriptor descriptor, ParamValues params, double[][] inputs, long seed, boolean dirty) {

    /**
     * The case of kernel {@code d} drawn from {@code seed}, with missing cells and extreme magnitudes if {@code dirty}.
     *
     * @param d the kernel
     * @param seed the seed; the same seed gives the same case
     * @param dirty whether inputs may hold missing cells and extreme magnitudes (else clean values in each domain)
     * @return a case long enough that at least one bar is past the warm-up
     */
    public static KernelCase of(KernelDescriptor d, long seed, boolean dirty) {
        RandomBars bars = new RandomBars(seed, dirty);
        ParamValues p = params(d, bars.random());
        int lookback = d.lookback(p);
        int n = bars.length(lookback + 1 + bars.random().nextInt(60));
        double[][] inputs = bars.inputs(d.inputs(), n);
        if (!dirty) {
            for (int i = 0; i < inputs.length; i++) {
                fold(d.domain(i), inputs[i]);
            }
        }
        return new KernelCase(d, p, inputs, seed, dirty);
    }

    /**
     * Maps clean values into an input's declared domain (partial functions give NaN outside it by definition), so
     * "clean input gives valid output from the lookback on" is tested where it is promised. Dirty cases keep their
     * out-of-domain values: NaN there is the behaviour under test.
     */
    static void fold(Domain d, double[] x) {
        if (d.isUnbounded()) {
            return;
        }
        boolean lowFinite = Double.isFinite(d.min());
        boolean highFinite = Double.isFinite(d.max());
        for (int t = 0; t < x.length; t++) {
            double v = x[t];
            if (lowFinite && highFinite) {
                v = d.min() + (d.max() - d.min()) * (0.5 + 0.49 * Math.sin(v));
            } else if (lowFinite) {
                v = d.min() + Math.abs(v) + (d.minExclusive() ? 1e-3 : 0);
            } else if (highFinite) {
                v = d.max() - Math.abs(v) - (d.maxExclusive() ? 1e-3 : 0);
            }
            if (d.nonZero() && v == 0.0) {
                v = 1.0;
            }
            x[t] = v;
        }
    }

    /**
     * Random parameters inside the declared ranges that also satisfy cross-parameter rules (rejection sampling).
     *
     * @param d the kernel
     * @param r the source of randomness
     * @return valid parameters, with small periods
     * @throws IllegalStateException if 1000 draws fail the cross-parameter rules
     */
    public static ParamValues params(KernelDescriptor d, SplittableRandom r) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (ParamSpec s : d.params()) {
                m.put(s.name(), value(s, r));
            }
            ParamValues p = ParamValues.of(d, m);
            try {
                d.lookback(p);
                return p;
            } catch (InvalidParameterException e) {
                // a cross-parameter rule failed: draw again
            }
        }
        throw new IllegalStateException(d.name() + ": could not draw valid parameters");
    }

    private static Object value(ParamSpec s, SplittableRandom r) {
        return switch (s.type()) {
            case INT -> {
                int lo = (int) Math.max(s.min() + (s.minExclusive() ? 1 : 0), -1000);
                int cap = r.nextInt(8) == 0 ? 60 : 12;
                int hi = (int) Math.min(s.max() - (s.maxExclusive() ? 1 : 0), lo + cap);
                yield lo + r.nextInt(hi - lo + 1);
            }
            case REAL -> {
                double lo = Math.max(s.min(), -5.0);
                double hi = Math.min(s.max(), 5.0);
                double v;
                do {
                    v = lo + (hi - lo) * r.nextDouble();
                } while (!s.inRange(v));
                yield r.nextInt(6) == 0 && s.inRange(Math.rint(v)) ? Math.rint(v) : v;
            }
            case BOOL -> r.nextBoolean();
            case CHOICE -> s.choices().get(r.nextInt(s.choices().size()));
        };
    }

    /**
     * The number of bars.
     *
     * @return the inputs' common length (0 for a kernel without inputs)
     */
    public int length() {
        return inputs.length == 0 ? 0 : inputs[0].length;
    }

    /**
     * The inputs of bar {@code t}.
     *
     * @param t the bar's index
     * @return a new array of each input's value at bar {@code t}
     */
    public double[] bar(int t) {
        double[] b = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            b[i] = inputs[i][t];
        }
        return b;
    }

    @Override
    public String toString() {
        return descriptor.name() + "(" + params + ") over " + length() + " bars, seed " + seed + (dirty ? ", dirty" : ", clean");
    }
}
