package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A multi-output kernel's {@code NameResult} is a record of arrays, whose generated {@code equals} compared the arrays
 * by identity and whose {@code toString} printed {@code [D@…}: two runs of one batch were unequal. The generated
 * record compares, hashes and prints the contents; loaded from the compilation and called here.
 */
class ResultRecordTest {

    /** Outputs named like the locals of the generated methods, which must not shadow the components. */
    private static final JavaFileObject NAMES = JavaFileObjects.forSourceString("test.Names", """
            package test;

            import io.ta.annotation.*;

            @Kernel(name = "names", family = Family.STATISTIC, summary = "s", scale = Scale.PRICE)
            public final class Names {
                @Output double other;
                @Output double that;
                @Output double hash;

                public Names() {}

                public static int lookback() { return 0; }

                @Step public void step(double x) { other = x; that = x; hash = x; }
            }
            """);

    private static Class<?> load(Compilation c, String name) throws ClassNotFoundException {
        assertThat(c).succeededWithoutWarnings();
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject f : c.generatedFiles()) {
            if (f.getKind() == JavaFileObject.Kind.CLASS) {
                String path = f.toUri().getPath();
                String binary = path.substring(path.indexOf("/test/") + 1, path.length() - ".class".length()).replace('/', '.');
                try (var in = f.openInputStream()) {
                    classes.put(binary, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ClassLoader loader = new ClassLoader(ResultRecordTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String n) throws ClassNotFoundException {
                byte[] b = classes.get(n);
                if (b == null) {
                    throw new ClassNotFoundException(n);
                }
                return defineClass(n, b, 0, b.length);
            }
        };
        return loader.loadClass(name);
    }

    private static Object result(Class<?> type, double[]... outputs) throws ReflectiveOperationException {
        Constructor<?> ctor = type.getDeclaredConstructors()[0];
        return ctor.newInstance((Object[]) outputs);
    }

    @Test
    void equalArraysMakeEqualResults() throws ReflectiveOperationException {
        Class<?> bands = load(GeneratedSourceTest.compile(), "test.BandsResult");
        Object a = result(bands, new double[] {1, 2}, new double[] {Double.NaN, 3}, new double[] {0.5});
        Object b = result(bands, new double[] {1, 2}, new double[] {Double.NaN, 3}, new double[] {0.5});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("BandsResult[upper=[1.0, 2.0], middle=[NaN, 3.0], lower=[0.5]]", a.toString());
        assertNotEquals(a, result(bands, new double[] {1, 2}, new double[] {Double.NaN, 3}, new double[] {0.25}));
        assertNotEquals(a, result(bands, new double[] {1, 2}, new double[] {Double.NaN, 3}, null));
        assertNotEquals(a, new Object());
        assertEquals(result(bands, null, null, null), result(bands, null, null, null));
        assertEquals("BandsResult[upper=null, middle=[], lower=[1.0]]",
                result(bands, null, new double[0], new double[] {1}).toString());
    }

    /** A result of years of bars prints its length and last six values, as {@code Series} does, not megabytes. */
    @Test
    void aLongOutputPrintsItsLengthAndLastSix() throws ReflectiveOperationException {
        Class<?> bands = load(GeneratedSourceTest.compile(), "test.BandsResult");
        double[] upper = new double[1_000_000];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = i;
        }
        String text = result(bands, upper, new double[] {1, 2, 3, 4, 5, 6}, new double[7]).toString();
        assertEquals("BandsResult[upper=1000000 bars, last 6 [999994.0, 999995.0, 999996.0, 999997.0, 999998.0, 999999.0]"
                + ", middle=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], lower=7 bars, last 6 [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]", text);
    }

    @Test
    void outputsNamedLikeTheMethodsLocalsAreTheComponents() throws ReflectiveOperationException {
        Compilation c = javac().withOptions("-Xlint:all,-processing", "-Werror").withProcessors(new KernelProcessor())
                .compile(NAMES);
        Class<?> names = load(c, "test.NamesResult");
        Object a = result(names, new double[] {1}, new double[] {2}, new double[] {3});
        assertEquals(a, result(names, new double[] {1}, new double[] {2}, new double[] {3}));
        assertNotEquals(a, result(names, new double[] {1}, new double[] {2}, new double[] {4}));
        assertNotEquals(a, result(names, new double[] {0}, new double[] {2}, new double[] {3}));
        assertEquals(a.hashCode(), result(names, new double[] {1}, new double[] {2}, new double[] {3}).hashCode());
        assertEquals("NamesResult[other=[1.0], that=[2.0], hash=[3.0]]", a.toString());
    }
}
