package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.ta.processor.validate.Messages;
import io.ta.processor.validate.NameClashValidator;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing compilation per processor diagnostic: the exact message, attached to the right line. A final test
 * checks that every message constant in {@link Messages} has a row here.
 */
class DiagnosticsTest {

    /** A row: which constant, a kernel body, the exact expected message, and a fragment of the offending line. */
    record Case(String constant, String source, String message, String line) {
        @Override
        public String toString() {
            return constant;
        }
    }

    private static final String IMPORTS = """
            package test;

            import io.ta.annotation.*;
            import io.ta.state.DoubleRing;
            import java.util.List;

            """;

    /** A valid kernel whose pieces each case replaces. */
    private static String kernel(String annotation, String header, String members) {
        return IMPORTS + annotation + "\n" + header + " {\n" + members + "\n}\n";
    }

    private static final String OK_ANNOTATION = "@Kernel(name = \"k\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)";
    private static final String OK_HEADER = "public final class K";
    private static final String CTOR = "    public K(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n";
    private static final String LOOKBACK = "    public static int lookback(int period) { return period - 1; }\n";
    private static final String STEP = "    @Step public double step(double x) { return x; }\n";

    private static String ok(String members) {
        return kernel(OK_ANNOTATION, OK_HEADER, members);
    }

    static List<Case> cases() {
        return List.of(
                new Case("NOT_CLASS", IMPORTS + OK_ANNOTATION + "\npublic interface K {}\n",
                        Messages.NOT_CLASS.formatted("K", "an interface"), "@Kernel(name = \"k\""),
                new Case("SHAPE", kernel(OK_ANNOTATION, "public class K", CTOR + LOOKBACK + STEP),
                        Messages.SHAPE.formatted("K", "K"), "public class K"),
                new Case("NAME_FORMAT", kernel("@Kernel(name = \"MyKernel\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", OK_HEADER,
                        CTOR + LOOKBACK + STEP),
                        Messages.NAME_FORMAT.formatted("kernel name", "MyKernel", "my_kernel"), "@Kernel(name = \"MyKernel\""),
                new Case("DUPLICATE_NAME", kernel("@Kernel(name = \"k\", aliases = \"k\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)",
                        OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.DUPLICATE_NAME.formatted("k", "K", "itself"), "aliases = \"k\""),
                new Case("DUPLICATE_MEMBER", ok(CTOR + LOOKBACK + "    @Step public double step(double x, @Input(\"x\") double y) { return x; }\n"),
                        Messages.DUPLICATE_MEMBER.formatted("input", "x", "K", "input"), "@Input(\"x\") double y"),
                // Choices are the constants in lower case: mode 'fast' chose FAST, and Fast could never be chosen.
                new Case("DUPLICATE_MEMBER", ok("    public enum Mode { FAST, Fast }\n"
                                + "    public K(@Param(defaultValue = \"fast\") Mode mode) {}\n    public static int lookback() { return 0; }\n" + STEP),
                        Messages.DUPLICATE_MEMBER.formatted("choice", "fast", "K", "choice of parameter 'mode'"), "Mode mode"),
                new Case("CONSTRUCTOR", ok(CTOR + "    public K() {}\n" + LOOKBACK + STEP),
                        Messages.CONSTRUCTOR.formatted("K", 2), OK_HEADER),
                // The generated stream and descriptor call the constructor without a try: KStream.java did not compile
                // ("unreported exception Exception; must be caught or declared to be thrown").
                new Case("CONSTRUCTOR_THROWS", ok("    public K(@Param(defaultValue = \"3\", min = 1, max = 10) int period) throws Exception {}\n"
                                + LOOKBACK + STEP),
                        Messages.CONSTRUCTOR_THROWS.formatted("K", "java.lang.Exception"), "int period) throws Exception"),
                new Case("LOOKBACK_SIGNATURE", ok(CTOR + "    public static int lookback(int period) throws java.io.IOException {\n"
                                + "        return period - 1;\n    }\n" + STEP),
                        Messages.LOOKBACK_SIGNATURE.formatted("K", "declares thrown exceptions (java.io.IOException)"),
                        "lookback(int period) throws"),
                // A kernel named like a bar field compiled, and then the registry refused to load any kernel at all.
                new Case("NAME_RESERVED", kernel(OK_ANNOTATION.replace("\"k\"", "\"close\""), OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.NAME_RESERVED.formatted("kernel name", "close",
                                "'close' is the bar field close, which a bare name must keep reading"), "@Kernel(name = \"close\""),
                new Case("NAME_RESERVED", kernel(OK_ANNOTATION.replace("\"k\",", "\"k\", aliases = \"ohlc4\","), OK_HEADER,
                                CTOR + LOOKBACK + STEP),
                        Messages.NAME_RESERVED.formatted("alias", "ohlc4",
                                "'ohlc4' is the language's derived price ohlc4 (the kernel avgprice)"), "aliases = \"ohlc4\""),
                // k(close, or=2) and k(close).true do not parse: a keyword is no name of the language.
                new Case("NAME_RESERVED", ok(CTOR.replace(") int period)", ") int period, @Param(defaultValue = \"2\") int or)")
                                + LOOKBACK + STEP),
                        Messages.NAME_RESERVED.formatted("parameter", "or", "'or' is a keyword of the language"), "int or)"),
                new Case("NAME_RESERVED", ok(CTOR + LOOKBACK + "    @Output double upper;\n    @Output(name = \"true\") double flag;\n"
                                + "    @Step public void step(double x) {}\n"),
                        Messages.NAME_RESERVED.formatted("output", "true", "'true' is a keyword of the language"), "double flag;"),
                new Case("PARAM_NOT_ANNOTATED", ok("    public K(int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_NOT_ANNOTATED.formatted("period"), "public K(int period)"),
                new Case("PARAM_RESERVED", ok("    public K(@Param(defaultValue = \"3\", min = 1, max = 10) int count) {}\n"
                                + "    public static int lookback(int count) { return count - 1; }\n" + STEP),
                        Messages.PARAM_RESERVED.formatted("count", io.ta.processor.model.GeneratedMembers.reservedList(), "count"),
                        "int count) {}"),
                // A numbered field of the stream (one per input of the last bar) is reserved too.
                new Case("INPUT_RESERVED", ok(CTOR + LOOKBACK + "    @Step public double step(double lastInput0) { return lastInput0; }\n"),
                        Messages.INPUT_RESERVED.formatted("lastInput0", io.ta.processor.model.GeneratedMembers.reservedList(), "last_input0"),
                        "double lastInput0"),
                new Case("INPUT_IS_PARAM", ok(CTOR + LOOKBACK + "    @Step public double step(double period) { return period; }\n"),
                        Messages.INPUT_IS_PARAM.formatted("period"), "double period"),
                new Case("PARAM_TYPE", ok("    public K(@Param(defaultValue = \"3\") long period) {}\n"
                                + "    public static int lookback() { return 0; }\n" + STEP),
                        Messages.PARAM_TYPE.formatted("period", "long"), "long period"),
                // Public, but in a private class: KStream and K_Descriptor failed with "Holder has private access in K".
                new Case("PARAM_TYPE", ok("    private static final class Holder {\n        public enum Mode { A, B }\n    }\n"
                                + "    public K(@Param(defaultValue = \"a\") Holder.Mode mode) {}\n"
                                + "    public static int lookback() { return 0; }\n" + STEP),
                        Messages.PARAM_TYPE.formatted("mode", "test.K.Holder.Mode"), "Holder.Mode mode"),
                new Case("PARAM_DEFAULT", ok("    public K(@Param(defaultValue = \"30\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_DEFAULT.formatted("30", "period", "outside the declared range"), "defaultValue = \"30\""),
                // Java's parsers read these, but the catalog publishes a default as text for the DSL and other
                // languages, which read ASCII decimals only (docs/dsl.md, "Numbers").
                new Case("PARAM_DEFAULT", ok("    public K(@Param(defaultValue = \"\u0663\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_DEFAULT.formatted("\u0663", "period", "not an int in ASCII digits"), "defaultValue = \""),
                new Case("PARAM_DEFAULT", ok("    public K(@Param(defaultValue = \"+3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_DEFAULT.formatted("+3", "period", "not an int in ASCII digits"), "defaultValue = \"+3\""),
                new Case("PARAM_DEFAULT", ok(CTOR.replace(") int period)", ") int period, @Param(defaultValue = \"0x1p3\") double w)")
                                + LOOKBACK + STEP),
                        Messages.PARAM_DEFAULT.formatted("0x1p3", "w", "not a decimal number in ASCII digits"), "defaultValue = \"0x1p3\""),
                new Case("PARAM_DEFAULT", ok(CTOR.replace(") int period)", ") int period, @Param(defaultValue = \" 2.5f\") double w)")
                                + LOOKBACK + STEP),
                        Messages.PARAM_DEFAULT.formatted(" 2.5f", "w", "not a decimal number in ASCII digits"), "defaultValue = \" 2.5f\""),
                new Case("PARAM_RANGE", ok("    public K(@Param(defaultValue = \"3\", min = 10, max = 1) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("period", "min 10.0, max 1.0"), "min = 10, max = 1"),
                // A range no value of the parameter's type satisfies compiled, and every call of the kernel then
                // failed with InvalidParameterException: no int lies between 0.5 and 0.7, none strictly between 1
                // and 2, none at 3e9; no finite double is at least +Infinity or above the largest double.
                new Case("PARAM_RANGE", ok("    public K(@Param(min = 0.5, max = 0.7) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("period", "no int lies in [0.5, 0.7]"), "min = 0.5, max = 0.7"),
                new Case("PARAM_RANGE", ok("    public K(@Param(min = 1, minExclusive = true, max = 2, maxExclusive = true) int period) {}\n"
                                + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("period", "no int lies in (1, 2)"), "min = 1, minExclusive"),
                new Case("PARAM_RANGE", ok("    public K(@Param(min = 3e9) int period) {}\n" + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("period", "no int lies in [3000000000, Infinity]"), "min = 3e9"),
                new Case("PARAM_RANGE", ok(CTOR.replace(") int period)", ") int period, @Param(min = Double.POSITIVE_INFINITY) double w)")
                                + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("w", "no finite double lies in [Infinity, Infinity]"), "double w)"),
                new Case("PARAM_RANGE", ok(CTOR.replace(") int period)", ") int period, @Param(max = Double.NEGATIVE_INFINITY) double w)")
                                + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("w", "no finite double lies in [-Infinity, -Infinity]"), "double w)"),
                new Case("PARAM_RANGE", ok(CTOR.replace(") int period)",
                                ") int period, @Param(min = Double.MAX_VALUE, minExclusive = true) double w)") + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("w", "no finite double lies in (1.7976931348623157E308, Infinity]"), "double w)"),
                new Case("PARAM_RANGE", ok(CTOR.replace(") int period)", ") int period, @Param(min = Double.NaN) double w)")
                                + LOOKBACK + STEP),
                        Messages.PARAM_RANGE.formatted("w", "min NaN, max Infinity"), "double w)"),
                new Case("NO_STEP", ok(CTOR + LOOKBACK), Messages.NO_STEP.formatted("K"), OK_HEADER),
                new Case("INPUT_DOMAIN", ok(CTOR + LOOKBACK + "    @Step public double step(@Input(min = 1, max = 0) double x) { return x; }\n"),
                        Messages.INPUT_DOMAIN.formatted("x", 1.0, 0.0), "@Input(min = 1, max = 0)"),
                new Case("MULTIPLE_STEPS", ok(CTOR + LOOKBACK + STEP + "    @Step public double other(double x) { return x; }\n"),
                        Messages.MULTIPLE_STEPS.formatted("K", 2), "double other(double x)"),
                new Case("STEP_SIGNATURE", ok(CTOR + LOOKBACK + "    @Step public int step(double x) { return 0; }\n"),
                        Messages.STEP_SIGNATURE.formatted("K.step()", "returns int"), "public int step"),
                new Case("NO_OUTPUTS", ok(CTOR + LOOKBACK + "    @Step public void step(double x) {}\n"),
                        Messages.NO_OUTPUTS.formatted("K.step()", "K"), "public void step"),
                new Case("OUTPUT_MIXED", ok(CTOR + LOOKBACK + "    @Output double upper;\n" + STEP),
                        Messages.OUTPUT_MIXED.formatted("K.step()", "K"), "@Output double upper;"),
                new Case("OUTPUT_FIELD", ok(CTOR + LOOKBACK + "    @Output int upper;\n    @Step public void step(double x) {}\n"),
                        Messages.OUTPUT_FIELD.formatted("upper", "upper"), "@Output int upper;"),
                new Case("OUTPUT_CLASH", ok(CTOR + LOOKBACK + "    @Output double upper;\n    @Output(name = \"upper\") double top;\n"
                                + "    @Step public void step(double x) {}\n"),
                        Messages.OUTPUT_CLASH.formatted("upper", "K", "output field 'upper' of the same name"), "double top;"),
                // The fluent builder's handle has a method per output, named in camel case: these two were one
                // method a(), and to_string a toString() returning an expression, in generated code that failed.
                new Case("OUTPUT_CLASH", ok(CTOR + LOOKBACK + "    @Output(name = \"a_\") double first;\n"
                                + "    @Output(name = \"a__\") double second;\n    @Step public void step(double x) {}\n"),
                        Messages.OUTPUT_CLASH.formatted("a__", "K", "output 'a_', both the Java method a()"), "double second;"),
                new Case("OUTPUT_CLASH", ok(CTOR + LOOKBACK + "    @Output double upper;\n"
                                + "    @Output(name = \"to_string\") double text;\n    @Step public void step(double x) {}\n"),
                        Messages.OUTPUT_CLASH.formatted("to_string", "K", "the method toString() of every Java object"),
                        "double text;"),
                new Case("NO_LOOKBACK", ok(CTOR + STEP), Messages.NO_LOOKBACK.formatted("K"), OK_HEADER),
                new Case("LOOKBACK_SIGNATURE", ok(CTOR + "    public static int lookback(int length) { return length; }\n" + STEP),
                        Messages.LOOKBACK_SIGNATURE.formatted("K", "takes 'length', which is not a constructor parameter of the same type"),
                        "lookback(int length)"),
                new Case("STATE_TYPE", ok(CTOR + LOOKBACK + STEP + "    List<Double> history;\n"),
                        Messages.STATE_TYPE.formatted("history", "java.util.List<java.lang.Double>"), "List<Double> history;"),
                new Case("STATE_NOT_FINAL", ok(CTOR + LOOKBACK + STEP + "    double[] window = new double[3];\n"),
                        Messages.STATE_NOT_FINAL.formatted("window", "an array"), "double[] window"),
                new Case("PRIVATE_STATE", ok(CTOR + LOOKBACK + STEP + "    private double sum;\n"),
                        Messages.PRIVATE_STATE.formatted("sum"), "private double sum;"),
                new Case("IMPURE_STATIC", ok(CTOR + LOOKBACK + STEP + "    static double lastSeen;\n"),
                        Messages.IMPURE_STATIC.formatted("lastSeen", "is not final"), "static double lastSeen;"),
                // Final, but a part every stream and batch would push into: two streams of one kernel shared a window.
                new Case("IMPURE_STATIC", ok(CTOR + LOOKBACK + STEP + "    static final DoubleRing shared = new DoubleRing(3);\n"),
                        Messages.IMPURE_STATIC.formatted("shared", "holds a state part, which every stream would share"),
                        "static final DoubleRing shared"),
                // A static final array is a constant table only if nothing writes it after class initialisation:
                // an alpha the first instance computes and every later instance reuses, whatever its period.
                new Case("IMPURE_STATIC", ok("    static final double[] ALPHA = new double[1];\n"
                                + "    public K(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {\n"
                                + "        if (ALPHA[0] == 0) {\n            ALPHA[0] = 2.0 / (period + 1);\n        }\n    }\n"
                                + LOOKBACK + STEP),
                        Messages.IMPURE_STATIC.formatted("ALPHA", "has its elements written outside a static initialiser"),
                        "ALPHA[0] = 2.0 / (period + 1);"),
                new Case("IMPURE_STATIC", ok(CTOR + LOOKBACK + "    static final long[][] SEEN = new long[1][1];\n"
                                + "    @Step public double step(double x) {\n        (SEEN[0])[0]++;\n        return x;\n    }\n"),
                        Messages.IMPURE_STATIC.formatted("SEEN", "has its elements written outside a static initialiser"),
                        "(SEEN[0])[0]++;"),
                // Not a field of the kernel, so no field check saw it: a counter every stream and batch shared.
                new Case("IMPURE_STATIC", ok(CTOR + LOOKBACK + "    @Step public double step(double x) {\n"
                                + "        Counter.bars += 1;\n        return x;\n    }\n")
                                + "final class Counter {\n    static int bars;\n}\n",
                        Messages.IMPURE_STATIC.formatted("Counter.bars", "is written outside a static initialiser"),
                        "Counter.bars += 1;"),
                new Case("OF_INPUT_PART", ok(CTOR + LOOKBACK + STEP + "    @OfInput(\"x\") final DoubleRing ring = new DoubleRing(3);\n"),
                        Messages.OF_INPUT_PART.formatted("ring", "a io.ta.state.DoubleRing"), "@OfInput(\"x\") final DoubleRing"),
                new Case("OF_INPUT_PART", ok(CTOR + LOOKBACK + STEP + "    @OfInput(\"x\") io.ta.state.AnchoredSum sum;\n"),
                        Messages.OF_INPUT_PART.formatted("sum", "not a final instance field"), "@OfInput(\"x\") io.ta.state"),
                new Case("OF_INPUT_NAME", ok(CTOR + LOOKBACK + STEP
                                + "    @OfInput(\"close\") final io.ta.state.AnchoredSum sum = new io.ta.state.AnchoredSum(3);\n"),
                        Messages.OF_INPUT_NAME.formatted("close", "sum", "x"), "@OfInput(\"close\")"),
                new Case("NULLABLE_FIELD", ok(CTOR + LOOKBACK + STEP + "    @Nullable double level;\n"),
                        Messages.NULLABLE_FIELD.formatted("level"), "@Nullable double level;"),
                new Case("DERIVED_FIELD", ok(CTOR + LOOKBACK + STEP + "    @Derived double level;\n"),
                        Messages.DERIVED_FIELD.formatted("level", "a double"), "@Derived double level;"),
                new Case("DERIVED_FIELD", ok(CTOR + LOOKBACK + STEP + "    @Derived double[] weights = {1.0};\n"),
                        Messages.DERIVED_FIELD.formatted("weights", "not final"), "@Derived double[] weights"),
                new Case("SELF_NESTING", ok(CTOR + LOOKBACK + STEP + "    final K inner = null;\n"),
                        Messages.SELF_NESTING.formatted("inner", "has the kernel's own type K"), "final K inner"),
                new Case("INHERITED_STATE", kernel(OK_ANNOTATION, OK_HEADER + " extends Base", CTOR + LOOKBACK + STEP)
                                + "abstract class Base {\n    double prev;\n}\n",
                        Messages.INHERITED_STATE.formatted("K", "prev", "test.Base"), OK_HEADER + " extends Base"),
                new Case("RANGE_FIELD", ok(CTOR + LOOKBACK + STEP + "    @Range(min = \"0\") boolean seen;\n"),
                        Messages.RANGE_FIELD.formatted("seen", "a boolean"), "boolean seen;"),
                new Case("RANGE_BOUND", ok(CTOR + LOOKBACK + STEP + "    final int size = 3;\n    @Range(max = \"periods - 1\") int at;\n"),
                        Messages.RANGE_BOUND.formatted("periods - 1", "at", "names 'periods', which is not a field of K"), "int at;"),
                // A bound javac cannot write as a double literal used to fail in the generated K_State.
                new Case("RANGE_BOUND", ok(CTOR + LOOKBACK + STEP + "    final int size = 3;\n    @Range(min = \"size + 1e400\") int at;\n"),
                        Messages.RANGE_BOUND.formatted("size + 1e400", "at", "is beyond the range of a double"), "int at;"),
                new Case("INVARIANT_SIGNATURE", ok(CTOR + LOOKBACK + STEP
                                + "    @Invariant boolean sane() throws Exception { return true; }\n"),
                        Messages.INVARIANT_SIGNATURE.formatted("sane", "declares thrown exceptions"), "boolean sane()"),
                new Case("INVARIANT_SIGNATURE", ok(CTOR + LOOKBACK + STEP + "    @Invariant static boolean sane(int x) { return x > 0; }\n"),
                        Messages.INVARIANT_SIGNATURE.formatted("sane", "is static, takes parameters"), "static boolean sane"),
                new Case("REQUIRE_UNKNOWN", kernel("@Require(left = \"period\", op = Require.Op.LT, right = \"slow\")\n" + OK_ANNOTATION,
                                OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.REQUIRE_UNKNOWN.formatted("k", "slow", "period"), "right = \"slow\""),
                new Case("REQUIRE_TYPE", kernel("@Require(left = \"period\", op = Require.Op.LT, right = \"on\")\n" + OK_ANNOTATION,
                                OK_HEADER, "    public K(@Param(defaultValue = \"3\", min = 1, max = 10) int period, "
                                        + "@Param(defaultValue = \"true\") boolean on) {}\n" + LOOKBACK + STEP),
                        Messages.REQUIRE_TYPE.formatted("k", "on"), "right = \"on\""),
                // k(close) failed with InvalidParameterException: the defaults broke the kernel's own rule.
                new Case("REQUIRE_UNSATISFIABLE", kernel("@Require(left = \"fast\", op = Require.Op.LT, right = \"slow\")\n"
                                + OK_ANNOTATION, OK_HEADER, "    public K(@Param(defaultValue = \"26\", min = 1, max = 100) int fast, "
                                        + "@Param(defaultValue = \"12\", min = 1, max = 100) int slow) {}\n"
                                        + "    public static int lookback(int slow) { return slow - 1; }\n" + STEP),
                        Messages.REQUIRE_UNSATISFIABLE.formatted("fast < slow", "k", "fails for the defaults 26 and 12"),
                        "@Require(left = \"fast\""),
                // No values at all: fast is at least 10, slow at most 10, and fast < slow asked for.
                new Case("REQUIRE_UNSATISFIABLE", kernel("@Require(left = \"fast\", op = Require.Op.LT, right = \"slow\")\n"
                                + OK_ANNOTATION, OK_HEADER, "    public K(@Param(min = 10, max = 100) int fast, "
                                        + "@Param(min = 1, max = 10) double slow) {}\n"
                                        + "    public static int lookback(int fast) { return fast - 1; }\n" + STEP),
                        Messages.REQUIRE_UNSATISFIABLE.formatted("fast < slow", "k", "holds for no values in their ranges"),
                        "@Require(left = \"fast\""),
                new Case("SELECTOR_OUTPUT", kernel("@Kernel(name = \"k\", family = Family.STATISTIC, summary = \"s\","
                                + " selectors = @Selector(alias = \"k_top\", output = \"top\"), scale = Scale.PRICE)", OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.SELECTOR_OUTPUT.formatted("k_top", "k", "top", "value"), "selectors = @Selector"),
                new Case("CHART_RANGE", kernel("@Chart(min = 100, max = 0)\n" + OK_ANNOTATION, OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.CHART_RANGE.formatted("k", "min = 100, max = 0"), "@Chart(min = 100"),
                new Case("CHART_GUIDE", kernel("@Chart(guides = {30, 170}, min = 0, max = 100)\n" + OK_ANNOTATION, OK_HEADER,
                                CTOR + LOOKBACK + STEP),
                        Messages.CHART_GUIDE.formatted("170", "k", "lies outside the range 0..100"), "@Chart(guides"),
                new Case("CHART_PLACE", ok(CTOR + LOOKBACK + "    @Output double upper;\n    @Chart(guides = 0) @Output double lower;\n"
                                + "    @Step public void step(double x) {}\n"),
                        Messages.CHART_PLACE.formatted("output field 'lower'", "sets guides or a range, which belong to the kernel"),
                        "@Chart(guides = 0)"),
                new Case("SCALE_MISSING", kernel("@Kernel(name = \"k\", family = Family.STATISTIC, summary = \"s\")", OK_HEADER,
                                CTOR + LOOKBACK + STEP),
                        Messages.SCALE_MISSING.formatted("K", "value"), "@Kernel(name = \"k\""),
                new Case("SCALE_FLAG", kernel("@Kernel(name = \"k\", family = Family.EVENT, summary = \"s\",\n"
                                + "        kind = OutputKind.FLAG, scale = Scale.PRICE)", OK_HEADER, CTOR + LOOKBACK + STEP),
                        Messages.SCALE_FLAG.formatted("value", "K", "PRICE"), "family = Family.EVENT"),
                new Case("SCALE_INPUT", ok(CTOR + LOOKBACK + "    @Step public double step(@Input(scale = Scale.PRICE_SQUARED) double x) { return x; }\n"),
                        Messages.SCALE_INPUT.formatted("x", "PRICE_SQUARED"), "@Input(scale = Scale.PRICE_SQUARED)"),
                new Case("PART_COST", ok(CTOR + LOOKBACK + STEP + "    final Part part = new Part();\n")
                                + "final class Part implements io.ta.spi.StatePart<Part.M> {\n"
                                + "    static final class M implements io.ta.spi.StatePart.Mark {}\n"
                                + "    public M newMark() { return new M(); }\n"
                                + "    public void mark(M m) {}\n"
                                + "    public void rewind(M m) {}\n"
                                + "    public void write(io.ta.spi.StateWriter out) {}\n"
                                + "    public void read(io.ta.spi.StateReader in) {}\n"
                                + "}\n",
                        Messages.PART_COST.formatted("part", "test.Part", "Part"), "final Part part"),
                new Case("LIBRARY_NAME", "@KernelLibrary(facade = \"my-facade\")\npackage test;\n\nimport io.ta.annotation.KernelLibrary;\n",
                        Messages.LIBRARY_NAME.formatted("my-facade"), "package test;"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachMistakeIsReportedOnItsLine(Case c) {
        boolean packageInfo = c.source().contains("package test;\n\nimport io.ta.annotation.KernelLibrary");
        JavaFileObject file = JavaFileObjects.forSourceString(packageInfo ? "test.package-info" : "test.K", c.source());
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(file);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(c.message()).inFile(file).onLineContaining(c.line());
    }

    @Test
    void twoFacadesInOneCompilationAreRejected() {
        JavaFileObject a = JavaFileObjects.forSourceString("a.package-info", "@io.ta.annotation.KernelLibrary(facade = \"A\")\npackage a;\n");
        JavaFileObject b = JavaFileObjects.forSourceString("b.package-info", "@io.ta.annotation.KernelLibrary(facade = \"B\")\npackage b;\n");
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(a, b);
        assertThat(compilation).hadErrorContaining(Messages.LIBRARY_DUPLICATE.formatted("a", "b")).inFile(b);
    }

    /** Kernels of unrelated packages leave the default facade nowhere to go: an error, not a facade in no package (this used to loop forever). */
    @Test
    void kernelsOfUnrelatedPackagesWithoutAFacadeNameAreRejected() {
        String kernel = "package %s;\n\nimport io.ta.annotation.*;\n\n" + OK_ANNOTATION.replace("\"k\"", "\"k_%s\"") + "\n"
                + OK_HEADER + " {\n" + CTOR + LOOKBACK + STEP + "}\n";
        JavaFileObject a = JavaFileObjects.forSourceString("alpha.K", kernel.formatted("alpha", "a"));
        JavaFileObject b = JavaFileObjects.forSourceString("beta.K", kernel.formatted("beta", "b"));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(a, b);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(Messages.LIBRARY_NO_PACKAGE.formatted("alpha", "beta")).inFile(b);
        JavaFileObject c = JavaFileObjects.forSourceString("alpha.inner.K", kernel.formatted("alpha.inner", "c"));
        assertThat(javac().withProcessors(new KernelProcessor()).compile(a, c)).succeeded();
    }

    @Test
    void aModuleThatDoesNotProvideItsLibraryIsRejected(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors = compileModule(dir, "");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(Messages.LIBRARY_NOT_PROVIDED.formatted("test.kernels", "io.ta.spi.KernelLibraryProvider", "test.KernelsLibrary"),
                errors.get(0).getMessage(Locale.ROOT));
        assertEquals(dir.resolve("src/module-info.java").toUri(), errors.get(0).getSource().toUri());
    }

    @Test
    void aModuleThatProvidesItsLibraryCompiles(@TempDir Path dir) throws IOException {
        List<Diagnostic<? extends JavaFileObject>> errors =
                compileModule(dir, "    provides io.ta.spi.KernelLibraryProvider with test.KernelsLibrary;\n");
        assertEquals(List.of(), errors);
        assertTrue(Files.exists(dir.resolve("out/test/KernelsLibrary.class")));
    }

    /**
     * Compiles module {@code test.kernels} (kernel {@code test.K} plus {@code extra} in its declaration) with the
     * processor against ta-annotations on the module path, returning the errors. compile-testing's in-memory file
     * manager cannot compile a module, hence the real files.
     */
    private static List<Diagnostic<? extends JavaFileObject>> compileModule(Path dir, String extra) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/test"));
        Files.writeString(src.resolve("K.java"), ok(CTOR + LOOKBACK + STEP));
        Path module = Files.writeString(dir.resolve("src/module-info.java"), """
                module test.kernels {
                    requires io.ta.annotations;
                    requires static transitive java.compiler;
                    exports test;
                """ + extra + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("--module-path", annotationsLocation(), "-proc:full", "-d", dir.resolve("out").toString()), null,
                    files.getJavaFileObjects(module, src.resolve("K.java")));
            task.setProcessors(List.of(new KernelProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    /** ta-annotations' classes (a directory in the reactor, a jar elsewhere), for the module path. */
    private static String annotationsLocation() {
        try {
            return Path.of(io.ta.annotation.Kernel.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNameTakenByAnotherKernelIsRejected() {
        JavaFileObject other = JavaFileObjects.forSourceString("test.Other", kernel(
                "@Kernel(name = \"other\", aliases = \"k\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", "public final class Other",
                "    public Other(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP));
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK + STEP));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k, other);
        assertThat(compilation).hadErrorContaining(Messages.DUPLICATE_NAME.formatted("k", "Other", "test.K")).inFile(other);
    }

    /**
     * Kernels holding each other: the validator used to pass them and the model's cost and layout recursed until
     * javac died of a StackOverflowError. A kernel that only holds into such a cycle is refused too, since its own
     * state would be infinite.
     */
    @Test
    void kernelsThatHoldEachOtherAreRejectedNotACrash() {
        JavaFileObject a = JavaFileObjects.forSourceString("test.A", kernel(
                "@Kernel(name = \"ka\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", "public final class A",
                "    final B b = null;\n    public A() {}\n    public static int lookback() { return 0; }\n" + STEP));
        JavaFileObject b = JavaFileObjects.forSourceString("test.B", kernel(
                "@Kernel(name = \"kb\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", "public final class B",
                "    final A a = null;\n    public B() {}\n    public static int lookback() { return 0; }\n" + STEP));
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK + STEP + "    final A held = null;\n"));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(a, b, k);
        assertThat(compilation).hadErrorContaining(Messages.SELF_NESTING.formatted("b", "of type B holds A again (B.a)"))
                .inFile(a).onLineContaining("final B b");
        assertThat(compilation).hadErrorContaining(Messages.SELF_NESTING.formatted("a", "of type A holds B again (A.b)"))
                .inFile(b).onLineContaining("final A a");
        assertThat(compilation).hadErrorContaining(Messages.SELF_NESTING.formatted("held", "of type A holds A again (B.a)"))
                .inFile(k).onLineContaining("final A held");
        assertThat(compilation).hadErrorCount(3);
    }

    /**
     * Fields inherited from a superclass are refused (the INHERITED_STATE row: such a field is state no generated
     * code sees, and a kernel keeping its previous input in a base class gave update(102) = -398 after
     * preview(500) instead of 1); a superclass of constants and static helpers holds no state and stays allowed.
     */
    @Test
    void aSuperclassWithoutInstanceFieldsIsAllowed() {
        JavaFileObject base = JavaFileObjects.forSourceString("test.Base", """
                package test;

                public abstract class Base {
                    static final int CONSTANT = 1;

                    static int lookbackOf(int period) {
                        return period - CONSTANT;
                    }
                }
                """);
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", kernel(OK_ANNOTATION, OK_HEADER + " extends Base",
                CTOR + LOOKBACK + STEP));
        assertThat(javac().withProcessors(new KernelProcessor()).compile(base, k)).succeeded();
    }

    /**
     * The facade and the fluent builder name a kernel's methods in camel case, so catalog names that differ only in
     * underscores were one Java method, as were plus (the builder's plusKernel(), since plus() is its operator) and
     * plus_kernel: generated code that did not compile.
     */
    @Test
    void kernelsWhoseNamesGiveOneJavaMethodAreRejected() {
        String body = "    public %1$s(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP;
        JavaFileObject k1 = JavaFileObjects.forSourceString("test.A", kernel(OK_ANNOTATION.replace("\"k\"", "\"k_1\""),
                "public final class A", body.formatted("A")));
        JavaFileObject k2 = JavaFileObjects.forSourceString("test.B", kernel(OK_ANNOTATION.replace("\"k\"", "\"k1\""),
                "public final class B", body.formatted("B")));
        JavaFileObject plus = JavaFileObjects.forSourceString("test.C", kernel(OK_ANNOTATION.replace("\"k\"", "\"plus\""),
                "public final class C", body.formatted("C")));
        JavaFileObject plusKernel = JavaFileObjects.forSourceString("test.D", kernel(
                OK_ANNOTATION.replace("\"k\"", "\"plus_kernel\""), "public final class D", body.formatted("D")));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k1, k2, plus, plusKernel);
        assertThat(compilation).hadErrorContaining(Messages.JAVA_NAME.formatted("k1", "k1", "Kernels", "k_1"))
                .inFile(k2).onLineContaining("@Kernel(name = \"k1\"");
        assertThat(compilation).hadErrorContaining(Messages.JAVA_NAME.formatted("plus_kernel", "plusKernel", "KernelsExpr", "plus"))
                .inFile(plusKernel).onLineContaining("@Kernel(name = \"plus_kernel\"");
        assertThat(compilation).hadErrorCount(2);
    }

    /**
     * The fluent builder nests a class named after each multi-output kernel: kernels_expr's was KernelsExpr inside
     * KernelsExpr, and the generated builder failed with "class KernelsExpr is already defined in package test".
     */
    @Test
    void aKernelWhoseOutputHandleWouldBeTheBuilderIsRejected() {
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", kernel(OK_ANNOTATION.replace("\"k\"", "\"kernels_expr\""),
                OK_HEADER, CTOR + LOOKBACK + "    @Output double upper;\n    @Output double lower;\n"
                        + "    @Step public void step(double x) {}\n"));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k);
        assertThat(compilation).hadErrorContaining(KernelProcessor.HANDLE_TAKEN.formatted("kernels_expr", "KernelsExpr", "KernelsExpr"))
                .inFile(k).onLineContaining("@Kernel(name = \"kernels_expr\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aKernelClassNamedLikeAGeneratedTypeIsRejected() {
        JavaFileObject foo = JavaFileObjects.forSourceString("test.Foo", kernel(
                "@Kernel(name = \"foo\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", "public final class Foo",
                "    public Foo(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP));
        JavaFileObject fooStream = JavaFileObjects.forSourceString("test.FooStream", kernel(
                "@Kernel(name = \"foo_stream\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)",
                "public final class FooStream",
                "    public FooStream(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP));
        JavaFileObject barResult = JavaFileObjects.forSourceString("test.BarResult", kernel(
                "@Kernel(name = \"bar_result\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)",
                "public final class BarResult",
                "    public BarResult(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + LOOKBACK + STEP));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(foo, fooStream, barResult);
        assertThat(compilation).hadErrorContaining(KernelProcessor.TYPE_NAME.formatted("FooStream", "Stream", "Foo", "FooStream"))
                .inFile(fooStream).onLineContaining("@Kernel(name = \"foo_stream\"");
        assertThat(compilation).hadErrorContaining(KernelProcessor.TYPE_NAME.formatted("BarResult", "Result", "Bar", "BarResult"))
                .inFile(barResult).onLineContaining("@Kernel(name = \"bar_result\"");
        assertThat(compilation).hadErrorContaining(KernelProcessor.TYPE_TAKEN.formatted("Foo", "FooStream", "test.FooStream", "FooStream"))
                .inFile(foo).onLineContaining("@Kernel(name = \"foo\"");
        assertThat(compilation).hadErrorCount(3);
    }

    /**
     * A class of the compilation named like a type the processor generates: the facade's (Kernels, KernelsExpr,
     * KernelsLibrary) or a kernel's stream. The filer refused to write over it, and the author got [TaFatal], "a
     * processor bug", with a trace.
     */
    @Test
    void aClassNamedLikeAGeneratedTypeIsRejected() {
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK + STEP));
        for (String taken : List.of("Kernels", "KernelsExpr", "KernelsLibrary")) {
            JavaFileObject mine = JavaFileObjects.forSourceString("test." + taken, "package test;\n\npublic final class " + taken + " {}\n");
            Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k, mine);
            assertThat(compilation).hadErrorContaining(KernelProcessor.LIBRARY_TYPE_TAKEN.formatted("test." + taken))
                    .inFile(mine).onLineContaining("public final class " + taken);
            assertThat(compilation).hadErrorCount(1);
        }
        JavaFileObject stream = JavaFileObjects.forSourceString("test.KStream", "package test;\n\npublic final class KStream {}\n");
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k, stream);
        assertThat(compilation).hadErrorContaining(KernelProcessor.TYPE_TAKEN.formatted("K", "KStream", "test.KStream", "KStream"))
                .inFile(k).onLineContaining("@Kernel(name = \"k\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aChartNoKernelReadsIsRejected() {
        JavaFileObject plain = JavaFileObjects.forSourceString("test.Plain", IMPORTS + "@Chart(guides = 0)\npublic final class Plain {\n"
                + "    @Chart(style = Chart.Style.LINE) double level;\n}\n");
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(plain);
        assertThat(compilation).hadErrorContaining(Messages.CHART_PLACE.formatted("Plain", "outside a @Kernel class"))
                .inFile(plain).onLineContaining("@Chart(guides = 0)");
        assertThat(compilation).hadErrorContaining(Messages.CHART_PLACE.formatted("field 'level'", "outside a @Kernel class"))
                .inFile(plain).onLineContaining("@Chart(style = Chart.Style.LINE) double level;");
        JavaFileObject single = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK + STEP
                + "    @Chart(style = Chart.Style.HISTOGRAM) double last;\n"));
        assertThat(javac().withProcessors(new KernelProcessor()).compile(single))
                .hadErrorContaining(Messages.CHART_PLACE.formatted("field 'last'", "which is not an @Output field"))
                .inFile(single).onLineContaining("HISTOGRAM) double last;");
        JavaFileObject twice = JavaFileObjects.forSourceString("test.K", kernel("@Chart(guides = {1, 1, Double.NaN})\n" + OK_ANNOTATION,
                OK_HEADER, CTOR + LOOKBACK + STEP));
        Compilation guides = javac().withProcessors(new KernelProcessor()).compile(twice);
        assertThat(guides).hadErrorContaining(Messages.CHART_GUIDE.formatted("1", "k", "is listed twice"));
        assertThat(guides).hadErrorContaining(Messages.CHART_GUIDE.formatted("NaN", "k", "is not a finite value"));
        JavaFileObject half = JavaFileObjects.forSourceString("test.K", kernel("@Chart(min = 0)\n" + OK_ANNOTATION,
                OK_HEADER, CTOR + LOOKBACK + STEP));
        assertThat(javac().withProcessors(new KernelProcessor()).compile(half))
                .hadErrorContaining(Messages.CHART_RANGE.formatted("k", "min = 0, max = NaN"));
    }

    /**
     * Built-in kernels keep constant tables in static final arrays; filled once where the class is initialised, and
     * only read by the kernel, they are constants, as are writes to locals and instance state of the same shape.
     */
    @Test
    void aConstantTableFilledInAStaticInitialiserIsAllowed() {
        JavaFileObject k = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK
                + "    static final double[] TABLE = new double[4];\n"
                + "    static final int[] ORDER = order();\n"
                + "    static {\n        for (int i = 0; i < TABLE.length; i++) {\n            TABLE[i] = 1.0 / (i + 1);\n        }\n    }\n"
                + "    private static int[] order() {\n        int[] o = new int[2];\n        o[1] = 1;\n        return o;\n    }\n"
                + "    final double[] recent = new double[2];\n    int seen;\n"
                + "    @Step public double step(double x) {\n        double[] copy = TABLE.clone();\n        copy[0] = x;\n"
                + "        recent[ORDER[1]] = x;\n        seen++;\n        return copy[0] * TABLE[1];\n    }\n"));
        assertThat(javac().withProcessors(new KernelProcessor()).compile(k)).succeeded();
    }

    @Test
    void oneBadKernelDoesNotHideTheOthersErrors() {
        JavaFileObject a = JavaFileObjects.forSourceString("test.K", ok(CTOR + LOOKBACK + STEP + "    static int hidden;\n"));
        JavaFileObject b = JavaFileObjects.forSourceString("test.L", kernel(
                "@Kernel(name = \"l\", family = Family.STATISTIC, summary = \"s\", scale = Scale.PRICE)", "public final class L",
                "    public L(@Param(defaultValue = \"3\", min = 1, max = 10) int period) {}\n" + STEP + "    private double sum;\n"));
        Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(a, b);
        assertThat(compilation).hadErrorContaining(Messages.IMPURE_STATIC.formatted("hidden", "is not final")).inFile(a);
        assertThat(compilation).hadErrorContaining(Messages.NO_LOOKBACK.formatted("L")).inFile(b);
        assertThat(compilation).hadErrorContaining(Messages.PRIVATE_STATE.formatted("sum")).inFile(b);
        assertEquals(3, compilation.errors().size(), compilation.errors().toString());
    }

    /**
     * The JVM takes at most 255 parameter slots per method (a double takes two). The generated batch methods take
     * every input, parameter and output array, and the stream's updateRange every input and output array and the
     * range: 252 outputs, or 126 double parameters next to 3 outputs, compiled to "too many parameters" in KStream
     * and K_Descriptor. One under each limit compiles.
     */
    @Test
    void kernelsTooWideForAGeneratedMethodAreRejected() {
        for (int[] shape : new int[][] {{252, 0}, {3, 126}, {251, 0}, {3, 125}}) {
            int outputs = shape[0];
            int doubles = shape[1];
            StringBuilder members = new StringBuilder("    public K(");
            for (int i = 0; i < doubles; i++) {
                members.append(i == 0 ? "" : ", ").append("@Param(defaultValue = \"1\") double p").append(i);
            }
            members.append(") {}\n    public static int lookback() { return 0; }\n    @Step public void step(double x) {}\n");
            for (int i = 0; i < outputs; i++) {
                members.append("    @Output double o").append(i).append(";\n");
            }
            JavaFileObject k = JavaFileObjects.forSourceString("test.K", ok(members.toString()));
            Compilation compilation = javac().withProcessors(new KernelProcessor()).compile(k);
            if (outputs + 2 * doubles + 1 > 255 || outputs + 1 + 3 > 255) {
                assertThat(compilation).hadErrorContaining(Messages.TOO_WIDE.formatted("K", 1, 2 * doubles, outputs))
                        .inFile(k).onLineContaining(OK_HEADER);
                assertThat(compilation).hadErrorCount(1);
            } else {
                assertThat(compilation).succeeded();
            }
        }
    }

    /**
     * The kernel guide's rules table promises a tag for each rule broken, so every tag an author can meet is named
     * there (TaFatal is a processor bug, not a rule).
     */
    @Test
    void everyTagIsInTheKernelGuide() throws IOException, IllegalAccessException {
        String guide = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && guide == null; d = d.getParent()) {
            Path f = d.resolve("docs/kernel-guide.md");
            guide = Files.isRegularFile(f) ? Files.readString(f) : null;
        }
        assertTrue(guide != null, "docs/kernel-guide.md above " + Path.of("").toAbsolutePath());
        Set<String> tags = new TreeSet<>();
        for (Class<?> c : List.of(Messages.class, KernelProcessor.class, NameClashValidator.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    Matcher m = Pattern.compile("^\\[(Ta\\w+)\\]").matcher((String) f.get(null));
                    if (m.find()) {
                        tags.add(m.group(1));
                    }
                }
            }
        }
        tags.remove("TaFatal");
        assertTrue(tags.size() > 50, "tags found: " + tags);
        String text = guide;
        Set<String> missing = tags.stream().filter(t -> !Pattern.compile("\\b" + t + "\\b").matcher(text).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "tags the kernel guide's rules table does not name");
    }

    /** Every diagnostic a kernel author can cause has a failing-compile case (TaFatal is a processor bug, not a mistake). */
    @Test
    void everyMessageHasACase() {
        Set<String> constants = new TreeSet<>();
        for (Field f : Messages.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add(f.getName());
            }
        }
        constants.remove("FATAL");
        constants.remove("LIBRARY_DUPLICATE"); // covered by twoFacadesInOneCompilationAreRejected
        constants.remove("LIBRARY_NOT_PROVIDED"); // covered by aModuleThatDoesNotProvideItsLibraryIsRejected
        constants.remove("LIBRARY_NO_PACKAGE"); // covered by kernelsOfUnrelatedPackagesWithoutAFacadeNameAreRejected
        constants.remove("JAVA_NAME"); // covered by kernelsWhoseNamesGiveOneJavaMethodAreRejected
        constants.remove("TOO_WIDE"); // covered by kernelsTooWideForAGeneratedMethodAreRejected
        Set<String> covered = cases().stream().map(Case::constant).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(constants, covered);
    }
}
