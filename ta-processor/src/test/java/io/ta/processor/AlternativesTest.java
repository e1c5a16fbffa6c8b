package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Nullable(alternative = true)}: the generated checkpoint saves and restores the first alternative present and
 * stops, a plain {@code @Nullable} field keeps its own test, and the generated state refuses two alternatives.
 */
class AlternativesTest {
    private static final JavaFileObject EITHER = JavaFileObjects.forSourceString("test.Either", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Nullable;
            import io.ta.annotation.Param;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;
            import io.ta.state.DoubleRing;

            @Kernel(name = "either", family = Family.MOVING_AVERAGE, summary = "A mean or the value a period back.",
                    scale = Scale.PRICE)
            public final class Either {
                public enum Mode { MEAN, LAG }

                @Nullable(alternative = true) final WindowMean mean;
                @Nullable final WindowMean extra;
                @Nullable(alternative = true) final DoubleRing ring;

                public Either(
                        @Param(defaultValue = "3", min = 1, max = 100) int period,
                        @Param(defaultValue = "mean") Mode mode) {
                    this.mean = mode == Mode.MEAN ? new WindowMean(period, WindowMean.Rounding.NONE) : null;
                    this.extra = period > 5 ? new WindowMean(period, WindowMean.Rounding.FLOOR) : null;
                    this.ring = mode == Mode.LAG ? new DoubleRing(period) : null;
                }

                public static int lookback(int period) {
                    return period - 1;
                }

                @Step
                public double step(double x) {
                    if (extra != null) {
                        extra.step(x);
                    }
                    return mean != null ? mean.step(x) : ring.push(x);
                }
            }
            """);

    private static Compilation compile() {
        return javac()
                .withOptions("-Xlint:all,-processing", "-Werror")
                .withProcessors(new KernelProcessor())
                .compile(Sources.WINDOW_MEAN, EITHER);
    }

    @Test
    void checkpointsStopAtTheAlternativePresent() {
        Compilation c = compile();
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("test.Either_State").contentsAsUtf8String().contains("""
                        if (k.mean != null) {
                            this.mean.save(k.mean);
                        } else if (k.ring != null) {
                            k.ring.mark(this.ring);
                        }
                """);
        assertThat(c).generatedSourceFile("test.Either_State").contentsAsUtf8String().contains("""
                        if (k.mean != null) {
                            this.mean.restore(k.mean);
                        } else if (k.ring != null) {
                            k.ring.rewind(this.ring);
                        }
                """);
        // The plain @Nullable field is tested on its own, in save and in restore.
        assertThat(c).generatedSourceFile("test.Either_State").contentsAsUtf8String().contains("""
                        if (k.extra != null) {
                            this.extra.save(k.extra);
                        }
                """);
    }

    @Test
    void theStateRefusesTwoAlternatives() {
        assertThat(compile()).generatedSourceFile("test.Either_State").contentsAsUtf8String().contains("""
                        if ((k.mean != null ? 1 : 0) + (k.ring != null ? 1 : 0) > 1) {
                            throw new IllegalStateException("either: more than one of the alternatives mean, ring is present (@Nullable(alternative = true) allows one)");
                        }
                """);
    }
}
