package io.ta.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A kernel author may name an input or a parameter anything Java allows, and the generated code must still compile:
 * either it does, or the processor refuses the name with one of its own diagnostics on the author's line. Every
 * name the writers declare (fields, parameters and locals harvested from the golden generated sources, so a new local
 * in a writer is tried the day it appears) is tried as the first input and as the first parameter of a two-output kernel. Without this, an
 * input named {@code from} or a parameter named {@code r} made javac fail inside {@code KStream.java}, a file the
 * author never wrote.
 */
class GeneratedNamesTest {
    /** A declared name: a field, parameter or local after its type ({@code double[] from,}, {@code int n =}). */
    private static final Pattern DECLARED = Pattern.compile(
            "\\b(?:double|int|long|boolean|var|[A-Z][A-Za-z0-9_.]*(?:<[^>]*>)?)(?:\\[\\])*\\s+([a-z][A-Za-z0-9]*)\\s*[=;,)]");

    static Set<String> emittedIdentifiers() throws IOException, URISyntaxException {
        Path golden = Path.of(GeneratedNamesTest.class.getResource("/golden/BandsStream.java").toURI()).getParent();
        // Package roots too: a local named like one would hide a qualified name.
        Set<String> names = new TreeSet<>(Set.of("io", "java", "javax"));
        try (Stream<Path> files = Files.list(golden)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = DECLARED.matcher(Files.readString(f));
                while (m.find()) {
                    String id = m.group(1);
                    if (SourceVersion.isIdentifier(id) && !SourceVersion.isKeyword(id)) {
                        names.add(id);
                    }
                }
            }
        }
        return names;
    }

    /**
     * Kernel {@code i}, in its own package, with {@code input} as its first input and {@code param} as its first
     * parameter: two outputs, or one returned by the step (the writers emit different methods for each).
     */
    static JavaFileObject kernel(int i, String input, String param, boolean twoOutputs) {
        String outputs = twoOutputs ? "@Output double first;\n    @Output double second;" : "";
        String step = twoOutputs
                ? "public void step(double %1$s, double otherInput) {\n        first = %1$s * gain;\n        second = otherInput;\n    }"
                : "public double step(double %1$s, double otherInput) {\n        return %1$s * gain + otherInput;\n    }";
        return JavaFileObjects.forSourceString("names.p" + i + ".K", """
                package names.p%1$d;

                import io.ta.annotation.*;

                @Kernel(name = "k%1$d", family = Family.STATISTIC, summary = "s", scale = Scale.PRICE)
                public final class K {
                    final double gain;
                    %3$s

                    public K(@Param(defaultValue = "3", min = 1, max = 10) int %2$s,
                            @Param(defaultValue = "2.0", min = 0) double gain) {
                        this.gain = gain;
                    }

                    public static int lookback(int %2$s) {
                        return %2$s - 1;
                    }

                    @Step
                    %4$s
                }
                """.formatted(i, param, outputs, step.formatted(input)));
    }

    /**
     * A class of the kernels' package named like a java.lang type hides that type from every file of the package,
     * generated ones included: with a class Double, String, Object or Override there, the generated streams and
     * builder failed to compile ("cannot find symbol", "Override cannot be converted to Annotation").
     */
    @Test
    void classesOfThePackageNamedLikeJavaLangTypesDoNotBreakGeneratedCode() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (boolean two : new boolean[] {false, true}) {
            String name = two ? "Two" : "One";
            sources.add(JavaFileObjects.forSourceString("names." + name, """
                    package names;

                    import io.ta.annotation.*;

                    @Kernel(name = "%s", family = Family.STATISTIC, summary = "s", scale = Scale.PRICE)
                    public final class %s {
                        final io.ta.state.DoubleRing ring;
                        %s

                        public %s(@Param(defaultValue = "3", min = 1, max = 10) int period) {
                            this.ring = new io.ta.state.DoubleRing(period);
                        }

                        public static int lookback(int period) {
                            return period - 1;
                        }

                        @Step
                        public %s step(double x) {
                            ring.push(x);
                            %s
                        }
                    }
                    """.formatted(name.toLowerCase(java.util.Locale.ROOT), name,
                    two ? "@Output double first;\n    @Output double second;" : "", name, two ? "void" : "double",
                    two ? "first = x;\n        second = -x;" : "return x;")));
        }
        for (String name : List.of("Double", "String", "Object", "Override", "System", "IndexOutOfBoundsException",
                "Integer", "Math", "Boolean", "Long")) {
            sources.add(JavaFileObjects.forSourceString("names." + name, "package names;\n\nfinal class " + name + " {}\n"));
        }
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(sources);
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
            errors.add((d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                    + d.getMessage(Locale.ROOT));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void everyNameTheWritersUseCompilesAsAnInputOrAParameterOrIsRefusedOnTheAuthorsLine() throws Exception {
        List<String> names = new ArrayList<>(emittedIdentifiers());
        names.removeAll(List.of("otherInput", "gain", "first", "second", "price", "period")); // the template's own members
        assertTrue(names.containsAll(Set.of("from", "to", "out", "bar", "snapshot")), "harvested " + names);
        List<JavaFileObject> kernels = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (boolean two : new boolean[] {true, false}) {
            String shape = two ? " (two outputs)" : " (one output)";
            for (String n : names) {
                kernels.add(kernel(kernels.size(), n, "period", two));
                tried.add("input " + n + shape);
                kernels.add(kernel(kernels.size(), "price", n, two));
                tried.add("parameter " + n + shape);
            }
        }
        // Pass 1: the processor refuses some names, on the author's own line and with its own code.
        Compilation all = javac().withOptions("-Xmaxerrs", "100000").withProcessors(new KernelProcessor()).compile(kernels);
        Set<Integer> refused = new TreeSet<>();
        Set<String> why = new TreeSet<>();
        List<String> notOurs = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : all.errors()) {
            String file = d.getSource() == null ? "?" : d.getSource().getName();
            Matcher m = Pattern.compile("names/p(\\d+)/K\\.java$").matcher(file);
            if (m.find() && d.getMessage(Locale.ROOT).startsWith("[Ta")) {
                int k = Integer.parseInt(m.group(1));
                refused.add(k);
                why.add(tried.get(k) + " " + d.getMessage(Locale.ROOT).substring(0, d.getMessage(Locale.ROOT).indexOf(']') + 1));
            } else {
                notOurs.add(file + ": " + d.getMessage(Locale.ROOT));
            }
        }
        assertEquals(List.of(), notOurs, "errors that are not the processor's diagnostics on the kernel's source");
        // Pass 2: everything not refused compiles, generated code included.
        List<JavaFileObject> accepted = new ArrayList<>();
        List<String> acceptedNames = new ArrayList<>();
        for (int i = 0; i < kernels.size(); i++) {
            if (!refused.contains(i)) {
                accepted.add(kernels.get(i));
                acceptedNames.add(tried.get(i));
            }
        }
        Compilation rest = javac().withOptions("-Xmaxerrs", "100000").withProcessors(new KernelProcessor()).compile(accepted);
        List<String> failures = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : rest.errors()) {
            failures.add((d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                    + d.getMessage(Locale.ROOT));
        }
        assertEquals(List.of(), failures, "generated code that does not compile for a name the processor accepted");
        assertTrue(acceptedNames.size() > kernels.size() / 2, "most names are accepted: " + acceptedNames.size() + " of "
                + kernels.size() + "; refused: " + why);
    }
}
