package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @OfInput}: the whole-series batch, and nothing else, lends the input array to the parts that declare it —
 * after allocating the kernel and before its first step, a nullable part only when present; the facade copies an input
 * that is also an output (a batch computed in place).
 */
class OfInputTest {
    private static final JavaFileObject MEAN = JavaFileObjects.forSourceString("test.Mean", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Nullable;
            import io.ta.annotation.OfInput;
            import io.ta.annotation.Param;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;
            import io.ta.state.AnchoredSum;

            @Kernel(name = "mean", family = Family.MOVING_AVERAGE, summary = "Mean of a window.", scale = Scale.PRICE)
            public final class Mean {
                final double period;
                @OfInput("close") final AnchoredSum sum;
                @Nullable @OfInput("close") final AnchoredSum twice;
                final AnchoredSum volumes;

                public Mean(@Param(defaultValue = "10", min = 1, max = 1000) int period,
                        @Param(defaultValue = "false") boolean two) {
                    this.period = period;
                    this.sum = new AnchoredSum(period);
                    this.twice = two ? new AnchoredSum(2 * period) : null;
                    this.volumes = new AnchoredSum(period);
                }

                public static int lookback(int period) {
                    return period - 1;
                }

                @Step
                public double step(double close, double volume) {
                    sum.pushLendable(close);
                    volumes.push(volume);
                    if (twice != null) {
                        twice.pushLendable(close);
                    }
                    return sum.isFull() && !sum.hasMissing() ? sum.sum() / period : Double.NaN;
                }
            }
            """);

    @Test
    void onlyBatchesLendTheInputToItsDeclaredParts() throws IOException {
        Compilation c = javac().withOptions("-Xlint:all,-processing", "-Werror").withProcessors(new KernelProcessor())
                .compile(MEAN, Sources.LIBRARY);
        assertThat(c).succeededWithoutWarnings();
        String src = c.generatedSourceFile("test.Mean_Descriptor").orElseThrow().getCharContent(true).toString();
        int batch = src.indexOf("public static void batch(double[] close, double[] volume");
        int loop = src.indexOf("public static void loop(");
        assertTrue(batch >= 0 && loop >= 0, src);
        String batchBody = src.substring(batch, src.indexOf("\n    }\n", batch));
        String fresh = "Mean k = new Mean(period, two);\n        k.sum.backWith(close);\n"
                + "        if (k.twice != null) {\n            k.twice.backWith(close);\n        }\n"
                + "        for (int i = 0; i < n; i++) {";
        assertTrue(batchBody.contains(fresh), batchBody);
        assertFalse(batchBody.contains("volumes.backWith"), batchBody);
        assertFalse(src.substring(loop, src.indexOf("\n    }\n", loop)).contains("backWith"), "a range loop steps a used kernel");
        // The facade computing into given arrays copies an input that is also an output (a batch in place), since the
        // outputs would overwrite the values the parts read back; an input no part reads back is passed as it is.
        String facade = c.generatedSourceFile("test.TestTa").orElseThrow().getCharContent(true).toString();
        assertTrue(facade.contains("Mean_Descriptor.batch(close == out ? close.clone() : close, volume, period, two, out);"),
                facade);
        // A fused plan's batch lends each part the column it is pushed: which input (close, the first), and which part.
        assertTrue(src.contains("public static int lentInput(int part) {\n        return switch (part) {\n"
                + "            case 0 -> 0;\n            case 1 -> 0;\n            default -> -1;\n        };"), src);
        assertTrue(src.contains("public static InputBacked lendablePart(Mean k, int part) {\n"
                + "        return switch (part) {\n            case 0 -> k.sum;\n            case 1 -> k.twice;\n"
                + "            default -> null;\n        };"), src);
        for (String type : new String[] {"test.MeanStream", "test.Mean_State"}) {
            String other = c.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
            assertFalse(other.contains("backWith"), type + " must keep the parts' own windows");
        }
    }
}
