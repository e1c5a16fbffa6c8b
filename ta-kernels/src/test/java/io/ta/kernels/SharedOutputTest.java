package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.ShapeMismatchException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One array given for two outputs of a kernel is refused, as Plan.runInto refuses one array for two roots: the
 * kernel would write both outputs into it and silently keep the last ({@code Ta.bbands(x, 3, 2, o, o, o)} kept the
 * lower band).
 */
class SharedOutputTest {
    private static final double[] X = {1, 2, 3, 4, 5};

    @Test
    void bbandsIntoOneArrayIsRefused() {
        double[] o = new double[X.length];
        var e = assertThrows(ShapeMismatchException.class, () -> Ta.bbands(X, 3, 2, o, o, o));
        assertEquals("bbands: outputs 'upper' and 'middle' are given the same array; give each output its own",
                e.getMessage());
        double[] upper = new double[X.length];
        e = assertThrows(ShapeMismatchException.class, () -> Ta.bbands(X, 3, 2, upper, o, o));
        assertEquals("bbands: outputs 'middle' and 'lower' are given the same array; give each output its own",
                e.getMessage());
        e = assertThrows(ShapeMismatchException.class, () -> Ta.bbandsStream(3, 2).updateRange(X, o, upper, o, 0, 5));
        assertEquals("bbands: outputs 'upper' and 'lower' are given the same array; give each output its own",
                e.getMessage());
    }

    @Test
    void everyMultiOutputKernelRefusesOneArrayForTwoOutputs() throws Exception {
        int checked = 0;
        for (KernelDescriptor d : new TaLibrary().kernels()) {
            int k = d.outputs().size();
            if (k < 2) {
                continue;
            }
            int n = 300;
            double[][] in = new double[d.inputs().size()][n];
            for (double[] a : in) {
                Arrays.fill(a, 1.0);
            }
            double[][] out = new double[k][n];
            out[k - 1] = out[0];
            String both = "outputs '" + d.outputs().get(0).name() + "' and '" + d.outputs().get(k - 1).name() + "'";
            var stream = assertThrows(ShapeMismatchException.class,
                    () -> d.newStream(ParamValues.defaults(d)).updateRange(in, out, 0, n), d.name());
            assertTrue(stream.getMessage().startsWith(d.name() + ": " + both), stream.getMessage());
            Method into = facade(d);
            List<Object> args = new ArrayList<>(Arrays.asList((Object[]) in));
            ParamValues defaults = ParamValues.defaults(d);
            Class<?>[] types = into.getParameterTypes();
            for (int i = 0; i < defaults.size(); i++) {
                Object v = defaults.get(i);
                Class<?> t = types[in.length + i];
                args.add(t.isEnum() ? enumConstant(t, defaults.choice(i)) : v);
            }
            args.addAll(Arrays.asList((Object[]) out));
            var batch = assertThrows(InvocationTargetException.class, () -> into.invoke(null, args.toArray()));
            assertInstanceOf(ShapeMismatchException.class, batch.getCause(), d.name());
            assertTrue(batch.getCause().getMessage().startsWith(d.name() + ": " + both), batch.getCause().getMessage());
            checked++;
        }
        assertTrue(checked > 20, "multi-output kernels checked: " + checked);
    }

    /** The facade method writing {@code d}'s outputs into caller arrays. */
    private static Method facade(KernelDescriptor d) {
        int arity = d.inputs().size() + d.params().size() + d.outputs().size();
        String name = d.name().replace("_", "");
        for (Method m : Ta.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == void.class
                    && m.getParameterCount() == arity && m.getName().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new AssertionError("no facade method for " + d.name());
    }

    private static Object enumConstant(Class<?> type, String choice) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(choice)) {
                return c;
            }
        }
        throw new AssertionError(type + " has no " + choice);
    }
}
