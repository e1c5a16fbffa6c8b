package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A state part's snapshot encoding is its own (the processor does not expand its fields), so a part that changes it
 * declares or raises {@code SNAPSHOT_LAYOUT}, and every kernel holding the part gets another {@code SCHEMA}: a
 * snapshot written before the change is then refused as another layout instead of being read by position. A part
 * without the constant hashes as before it existed, so built-in kernels' schemas, and their users' snapshots, did not
 * move when the rule came.
 */
class PartLayoutTest {
    @Test
    void aPartsLayoutConstantEntersTheSchemaOfEveryKernelHoldingIt() throws IOException {
        long none = schema("");
        assertEquals(none, schema(""), "the schema is a function of the layout");
        long two = schema("public static final int SNAPSHOT_LAYOUT = 2;");
        long three = schema("public static final int SNAPSHOT_LAYOUT = 3;");
        assertNotEquals(none, two);
        assertNotEquals(two, three);
        assertEquals(two, schemaInherited(2), "a constant a part inherits from its superclass counts");
    }

    private static long schema(String constant) throws IOException {
        return schemaOf(part("Part", "", constant), holder("Part part = new Part();"));
    }

    private static long schemaInherited(int version) throws IOException {
        JavaFileObject base = JavaFileObjects.forSourceString("test.Base", """
                package test;

                public abstract class Base {
                    public static final int SNAPSHOT_LAYOUT = %d;
                }
                """.formatted(version));
        return schemaOf(part("Part", "extends Base", ""), base, holder("Part part = new Part();"));
    }

    private static JavaFileObject part(String name, String ext, String constant) {
        return JavaFileObjects.forSourceString("test." + name, """
                package test;

                import io.ta.annotation.Complexity;
                import io.ta.annotation.Cost;
                import io.ta.spi.StatePart;
                import io.ta.spi.StateReader;
                import io.ta.spi.StateWriter;

                @Cost(time = Complexity.CONSTANT, memory = Complexity.CONSTANT)
                public final class %s %s implements StatePart<%s.M> {
                    %s
                    double value;

                    public static final class M implements StatePart.Mark {
                        double value;
                    }

                    public M newMark() {
                        return new M();
                    }

                    public void mark(M m) {
                        m.value = value;
                    }

                    public void rewind(M m) {
                        value = m.value;
                    }

                    public void write(StateWriter out) {
                        out.putDouble(value);
                    }

                    public void read(StateReader in) {
                        value = in.getDouble();
                    }

                    double step(double x) {
                        value = x;
                        return x;
                    }
                }
                """.formatted(name, ext, name, constant));
    }

    /** A kernel holding the part as its {@code field} declaration says. */
    private static JavaFileObject holder(String field) {
        return JavaFileObjects.forSourceString("test.Holder", """
                package test;

                import io.ta.annotation.Family;
                import io.ta.annotation.Kernel;
                import io.ta.annotation.Scale;
                import io.ta.annotation.Step;

                @Kernel(name = "holder", family = Family.MATH, summary = "Holds a part.", scale = Scale.PRICE)
                public final class Holder {
                    final %s

                    public Holder() {}

                    public static int lookback() {
                        return 0;
                    }

                    @Step
                    public double step(double x) {
                        return part.step(x);
                    }
                }
                """.formatted(field));
    }

    private static long schemaOf(JavaFileObject... sources) throws IOException {
        Compilation c = javac().withOptions("-Xlint:all,-processing").withProcessors(new KernelProcessor())
                .compile(sources);
        assertThat(c).succeeded();
        String state = c.generatedSourceFile("test.Holder_State").orElseThrow().getCharContent(true).toString();
        Matcher m = Pattern.compile("SCHEMA = 0x([0-9a-f]+)L").matcher(state);
        if (!m.find()) {
            throw new AssertionError("no SCHEMA in\n" + state);
        }
        return Long.parseUnsignedLong(m.group(1), 16);
    }
}
