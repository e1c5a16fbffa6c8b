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
 * Results: the outputs a step assigns on its straight line before anything reads them are skipped by the checkpoint a
 * stream keeps of the kernel it owns, and its snapshots write them as last read (never what a preview left); every
 * other output stays state, and a kernel that nests one keeps the full checkpoint.
 */
class StepResultsTest {
    private static final JavaFileObject BAND = JavaFileObjects.forSourceString("test.Band", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Invariant;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Output;
            import io.ta.annotation.Param;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;
            import io.ta.state.DoubleRing;

            @Kernel(name = "band", family = Family.VOLATILITY, summary = "A band of outputs.", scale = Scale.PRICE)
            public final class Band {
                final DoubleRing window;
                double seen;
                @Output(doc = "assigned first on the straight line, in a chain") double first;
                @Output(doc = "assigned on the straight line after a part's call") double middle;
                @Output(doc = "read before it is assigned") double smoothed;
                @Output(doc = "read by way of this. before it is assigned") double kept;
                @Output(doc = "assigned after a call of the kernel's own method") double late;
                @Output(doc = "assigned on both branches of an if") double branched;
                @Output(doc = "assigned first, but read by an invariant") double checked;

                public Band(@Param(defaultValue = "10", min = 1, max = 1000) int period) {
                    this.window = new DoubleRing(period);
                }

                public static int lookback(int period) {
                    return period - 1;
                }

                @Step
                public void step(double x) {
                    double m = x * 2;
                    checked = x;
                    first = seen = Double.NaN;
                    window.push(x);
                    middle = m + window.oldest();
                    smoothed = 0.5 * smoothed + x;
                    seen = this.kept;
                    kept = x;
                    note();
                    late = x;
                    if (x > 0) {
                        branched = x;
                    } else {
                        branched = -x;
                    }
                }

                private void note() {
                    seen = late;
                }

                @Invariant
                boolean finiteChecked() {
                    return !(Math.abs(checked) > Double.MAX_VALUE);
                }
            }
            """);

    /** No output is a result: the only one is assigned inside an if. */
    private static final JavaFileObject GATE = JavaFileObjects.forSourceString("test.Gate", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Output;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;

            @Kernel(name = "gate", family = Family.VOLATILITY, summary = "Passes positive values.", scale = Scale.PRICE)
            public final class Gate {
                @Output(doc = "the value when positive") double open;
                @Output(doc = "the value when negative") double shut;

                public Gate() {}

                public static int lookback() {
                    return 0;
                }

                @Step
                public void step(double x) {
                    if (x > 0) {
                        open = x;
                        shut = Double.NaN;
                        return;
                    }
                    open = Double.NaN;
                    shut = x;
                }
            }
            """);

    /**
     * Results after a branch and a loop the scan passes over; the branch after them may return, so what follows it
     * stays state.
     */
    private static final JavaFileObject SIEVE = JavaFileObjects.forSourceString("test.Sieve", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Output;
            import io.ta.annotation.Param;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;
            import io.ta.state.DoubleRing;

            @Kernel(name = "sieve", family = Family.VOLATILITY, summary = "Outputs after branches.", scale = Scale.PRICE)
            public final class Sieve {
                final DoubleRing window;
                @Output(doc = "assigned after a branch that touches no output") double after;
                @Output(doc = "assigned after a loop that touches no output") double looped;
                @Output(doc = "assigned after a branch that may return") double returned;

                public Sieve(@Param(defaultValue = "10", min = 1, max = 1000) int period) {
                    this.window = new DoubleRing(period);
                }

                public static int lookback(int period) {
                    return period - 1;
                }

                @Step
                public void step(double x) {
                    window.push(x);
                    double m = Double.NaN;
                    if (window.size() > 1) {
                        m = window.oldest();
                    } else {
                        m = x;
                    }
                    after = m;
                    for (int i = 0; i < 2; i++) {
                        m += i;
                    }
                    looped = m;
                    if (x < -1e300) {
                        return;
                    }
                    returned = m;
                }
            }
            """);

    /** A branch that reads an output, and one that calls the kernel's own method: the scan stops at each. */
    private static final JavaFileObject PEEK = oneOutput("Peek", "m = seen;", "");

    private static final JavaFileObject ASSIST = oneOutput("Assist", "m = half();", """
                private double half() {
                    return seen / 2;
                }
            """);

    /**
     * The kernel handed to a method as a value ({@code Lend.previous(this)}, a static method called by its class's
     * name): the method can read any output, so the scan stops there. Taken for results, last and change were left
     * out of the checkpoint, and after update(100), update(101), preview(500) the update(102) gave change -398, not 1.
     */
    private static final JavaFileObject LEND = JavaFileObjects.forSourceString("test.Lend", """
            package test;

            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Output;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;

            @Kernel(name = "lend", family = Family.MOMENTUM, summary = "Change from the last input.", scale = Scale.PRICE)
            public final class Lend {
                @Output(doc = "the input") double last;
                @Output(doc = "the change from the previous input") double change;

                public Lend() {}

                public static int lookback() {
                    return 1;
                }

                static double previous(Lend k) {
                    return k.last;
                }

                @Step
                public void step(double x) {
                    double prev = Lend.previous(this);
                    last = x;
                    change = x - prev;
                }
            }
            """);

    /** A kernel with one output, {@code seen}, assigned after {@code if (x > 0) { <branch> }}. */
    private static JavaFileObject oneOutput(String name, String branch, String methods) {
        return JavaFileObjects.forSourceString("test." + name, """
                package test;

                import io.ta.annotation.Family;
                import io.ta.annotation.Kernel;
                import io.ta.annotation.Output;
                import io.ta.annotation.Scale;
                import io.ta.annotation.Step;

                @Kernel(name = "%s", family = Family.VOLATILITY, summary = "Branches before its output.", scale = Scale.PRICE)
                public final class %s {
                    @Output(doc = "assigned after the branch") double seen;

                    public %s() {}

                    public static int lookback() {
                        return 0;
                    }

                    @Step
                    public void step(double x) {
                        double m = x;
                        if (x > 0) {
                            %s
                        }
                        seen = m;
                    }
                %s}
                """.formatted(name.toLowerCase(java.util.Locale.ROOT), name, name, branch, methods));
    }

    @Test
    void theScanPassesOverBranchesAndLoopsThatTouchNoOutput() throws IOException {
        Compilation c = javac().withOptions("-Xlint:all,-processing", "-Werror").withProcessors(new KernelProcessor())
                .compile(SIEVE, PEEK, ASSIST, LEND, Sources.LIBRARY);
        assertThat(c).succeededWithoutWarnings();
        String saveOwn = body(source(c, "test.Sieve_State"), "public void saveOwn(Sieve k)");
        assertFalse(saveOwn.contains("this.after =") || saveOwn.contains("this.looped ="), saveOwn);
        assertTrue(saveOwn.contains("this.returned = k.returned"), "a branch that may return stops the scan:\n" + saveOwn);
        assertFalse(source(c, "test.Peek_State").contains("saveOwn"), "an output read in a branch is state");
        assertFalse(source(c, "test.Assist_State").contains("saveOwn"), "a branch calling the kernel's own method stops the scan");
        assertFalse(source(c, "test.Lend_State").contains("saveOwn"), "the kernel handed to a method stops the scan");
    }

    @Test
    void aStreamSkipsOnlyTheResultsOfTheKernelItOwns() throws IOException {
        Compilation c = javac().withOptions("-Xlint:all,-processing", "-Werror").withProcessors(new KernelProcessor())
                .compile(BAND, GATE, Sources.LIBRARY);
        assertThat(c).succeededWithoutWarnings();
        String state = source(c, "test.Band_State");
        String save = body(state, "public void save(Band k)");
        String saveOwn = body(state, "public void saveOwn(Band k)");
        String restoreOwn = body(state, "public void restoreOwn(Band k)");
        for (String output : new String[] {"first", "middle", "smoothed", "kept", "late", "branched", "checked"}) {
            assertTrue(save.contains("this." + output + " = k." + output), "the full save keeps " + output + ":\n" + save);
        }
        for (String result : new String[] {"first", "middle"}) {
            assertFalse(saveOwn.contains("this." + result + " ="), result + " is a result:\n" + saveOwn);
            assertFalse(restoreOwn.contains("k." + result + " ="), result + " is a result:\n" + restoreOwn);
        }
        for (String kept : new String[] {"smoothed", "kept", "late", "branched", "checked", "seen"}) {
            assertTrue(saveOwn.contains("this." + kept + " = k." + kept), kept + " is state:\n" + saveOwn);
            assertTrue(restoreOwn.contains("k." + kept + " = this." + kept), kept + " is state:\n" + restoreOwn);
        }
        assertTrue(saveOwn.contains("window.mark("), saveOwn);

        String restoreResults = body(state, "public void restoreResults(Band k)");
        assertTrue(restoreResults.contains("k.first = this.first;") && restoreResults.contains("k.middle = this.middle;")
                && !restoreResults.contains("smoothed"), restoreResults);

        String stream = source(c, "test.BandStream");
        for (String method : new String[] {"public BandStream update(", "public BandStream preview(", "public BandStream replaceLast("}) {
            String m = body(stream, method);
            assertTrue(m.contains("saveOwn(k);") || m.contains("restoreOwn(k);"), m);
            assertFalse(m.contains(".save(k);") || m.contains(".restore(k);"), m);
        }
        // Snapshots write the results the checkpoint holds (as last read from a snapshot, or as built), never what a
        // step or a preview left in the kernel.
        String snapshot = body(stream, "public synchronized StateSnapshot snapshot()");
        assertTrue(snapshot.contains("last.restore(k);") && snapshot.contains("last.restoreResults(k);"), snapshot);
        assertTrue(body(stream, "public void restore(StateSnapshot snapshot)").contains("freshLast.save(fresh);"), stream);

        assertFalse(source(c, "test.Gate_State").contains("saveOwn"), "Gate has no results");
        String gate = source(c, "test.GateStream");
        assertTrue(gate.contains("last.save(k);") && gate.contains("probe.restore(k);"), gate);
        assertFalse(gate.contains("restoreResults"), gate);
    }

    private static String source(Compilation c, String name) throws IOException {
        return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
    }

    private static String body(String src, String signature) {
        int at = src.indexOf(signature);
        assertTrue(at >= 0, signature + " in:\n" + src);
        return src.substring(at, src.indexOf("\n    }\n", at));
    }
}
