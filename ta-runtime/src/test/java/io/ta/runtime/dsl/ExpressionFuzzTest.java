package io.ta.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.TaException;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.runtime.Registry;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the parser and planner: whatever the input, the answer is a plan or one of our typed
 * errors — never a JDK exception, a StackOverflowError, or a hang. Three input shapes, chosen by the input's last
 * byte: raw text; text generated from the grammar (real kernel names and keywords, number spellings of every kind,
 * chains of hundreds of terms, nestings around the depth limit, stray characters); and hand-built IR trees of the
 * kind fluent code can make (nulls, misplaced operators, non-finite numbers, deep chains, values reused inside
 * themselves). A plan found from text must survive a round trip: its printed form parses to an equal expression and
 * plans to the same fingerprint.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over the committed inputs in
 * {@code src/test/resources/io/ta/runtime/dsl/ExpressionFuzzTestInputs/parseAndPlan} (made by
 * {@code src/test/fuzz/make-expression-seeds.py}); ta-runtime's pom also runs it in fuzzing mode for a bounded time
 * during {@code mvn verify}.
 */
class ExpressionFuzzTest {
    static final Registry REGISTRY = Registry.standard();
    static final List<String> KERNELS = REGISTRY.names().stream().sorted().toList();
    static final String[] NAMES = {"close", "open", "high", "low", "volume", "hl2", "hlc3", "ohlc4", "typical", "dax", "x", "ema",
        "signal", "period", "true", "false", "not", "and", "sma", "Close", "_x1", "é"};
    static final String[] NUMBERS = {"0", "1", "3", "14", "2.5", ".5", "1.", "1e3", "2.5E-3", "1e999", "1e-999", "0001",
        "99999999999999999999", "-1", "1e", "1.e2", "\u0661\u0664", "\uff11\uff14", "1\u0664", "12abc", "0x1p3", "7d", "100F", "1_000"};
    static final String[] OPERATORS = {" + ", " - ", " * ", " / ", " % ", " ** ", " > ", " >= ", " < ", " <= ", " == ", " != ", " and ",
        " or ", "+", "-", "**", "&&", " = ", "!", " not "};
    static final String[] STRAYS = {",", ")", "(", "# c\n", "\n", "\t", "$", "'", "\"", ".", "=", "[", "\u00a0", "\u0000", "é", "\ud800",
        "'ema'", "\"x\\\"y\""};
    static final String[][] WRAPPERS = {{"(", ")"}, {"sma(", ", 2)"}, {"abs(", ")"}, {"-", ""}, {"not ", ""}, {"-(", ")"},
        {"macd(", ").signal"}, {"max(", ", close)"}};

    @FuzzTest(maxDuration = "60s")
    void parseAndPlan(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> text(data.consumeRemainingAsString());
            case 1 -> text(new TextGenerator(data).expression());
            default -> fluent(new TreeGenerator(data).expression());
        }
    }

    static void text(String text) {
        Plan plan;
        try {
            plan = Plan.compile(Collections.singletonMap("v", text), REGISTRY);
        } catch (ExpressionException e) {
            if (e.line() > 0) {
                assertTrue(e.column() >= 1 && e.caret().endsWith("^"), e.getMessage());
                assertTrue(e.caret().length() - 1 <= e.sourceLine().length(), "the caret is under the shown line: " + e.getMessage());
            }
            return;
        } catch (TaException e) {
            return;
        }
        assertTrue(!plan.nodes().isEmpty());
        Expr parsed = Parser.parse(text);
        String printed = io.ta.expr.Printer.print(parsed);
        if (printed.length() <= Parser.MAX_LENGTH) {
            assertEquals(parsed, Parser.parse(printed), "printing round-trips: " + printed);
            assertEquals(plan.fingerprint(), Plan.compile(Collections.singletonMap("v", printed), REGISTRY).fingerprint(),
                    "the printed text is the same plan: " + printed);
        }
    }

    static void fluent(Expr e) {
        e.hashCode();
        assertTrue(e.equals(e));
        assertTrue(e.toString().length() <= io.ta.expr.Printer.MAX_LENGTH + 1);
        try {
            Plan plan = Plan.of(Collections.singletonMap("v", e), REGISTRY);
            assertEquals(plan.fingerprint(), Plan.of(Map.of("v", e), REGISTRY).fingerprint());
        } catch (TaException expected) {
            // a typed error is a correct answer to a malformed or meaningless tree
        }
    }

    /** DSL text from the grammar, steered by the fuzzer's bytes. */
    static final class TextGenerator {
        private final FuzzedDataProvider data;
        private final StringBuilder sb = new StringBuilder();

        TextGenerator(FuzzedDataProvider data) {
            this.data = data;
        }

        String expression() {
            gen(0);
            return sb.toString();
        }

        private boolean done(int depth) {
            return depth > 12 || data.remainingBytes() == 0 || sb.length() > 2 * Parser.MAX_LENGTH;
        }

        private void gen(int depth) {
            if (done(depth)) {
                leaf();
                return;
            }
            switch (data.consumeInt(0, 10)) {
                case 0, 1 -> leaf();
                case 2 -> call(depth);
                case 3 -> {
                    gen(depth + 1);
                    sb.append(data.pickValue(OPERATORS));
                    gen(depth + 1);
                }
                case 4 -> {
                    sb.append(data.consumeBoolean() ? "-" : "not ");
                    gen(depth + 1);
                }
                case 5 -> {
                    sb.append('(');
                    gen(depth + 1);
                    sb.append(')');
                }
                case 6 -> {
                    call(depth);
                    sb.append('.').append(data.pickValue(new String[] {"signal", "macd", "histogram", "upper", "value", "nope", "SIGNAL"}));
                }
                case 7 -> {
                    int n = data.consumeInt(1, 400);
                    gen(depth + 1);
                    for (int i = 0; i < n && !done(depth); i++) {
                        sb.append(data.pickValue(OPERATORS));
                        if (data.consumeBoolean()) {
                            leaf();
                        } else {
                            gen(depth + 4);
                        }
                    }
                }
                case 8 -> {
                    int n = data.consumeInt(1, Parser.MAX_DEPTH + 60);
                    List<String> closers = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        String[] w = data.pickValue(WRAPPERS);
                        sb.append(w[0]);
                        closers.add(w[1]);
                    }
                    gen(depth + 6);
                    for (int i = closers.size() - 1; i >= 0; i--) {
                        sb.append(closers.get(i));
                    }
                }
                case 9 -> {
                    sb.append(data.pickValue(STRAYS));
                    gen(depth + 1);
                }
                default -> {
                    leaf();
                    sb.append(" # ").append(data.consumeAsciiString(8)).append('\n');
                }
            }
        }

        private void leaf() {
            switch (data.consumeInt(0, 3)) {
                case 0 -> sb.append(data.pickValue(NUMBERS));
                case 1 -> sb.append(data.consumeInt(0, 100_001));
                case 2 -> sb.append(data.pickValue(NAMES));
                default -> sb.append(data.consumeBoolean() ? "'" + data.consumeAsciiString(4).replace("'", "") + "'" : "close");
            }
        }

        private void call(int depth) {
            String name = KERNELS.get(data.consumeInt(0, KERNELS.size() - 1));
            KernelDescriptor d = REGISTRY.kernel(name);
            sb.append(data.consumeInt(0, 20) == 0 ? name.toUpperCase(java.util.Locale.ROOT) : name).append('(');
            int args = data.consumeInt(0, 4);
            List<String> keywords = new ArrayList<>(d.inputs());
            d.params().stream().map(ParamSpec::name).forEach(keywords::add);
            keywords.add("perod");
            for (int i = 0; i < args; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (data.consumeBoolean()) {
                    sb.append(data.pickValue(keywords)).append('=');
                }
                gen(depth + 1);
            }
            sb.append(')');
        }
    }

    /** IR trees as fluent or hand-written code could build them, valid or not. */
    static final class TreeGenerator {
        private final FuzzedDataProvider data;
        private final List<Expr> made = new ArrayList<>();

        TreeGenerator(FuzzedDataProvider data) {
            this.data = data;
        }

        Expr expression() {
            return gen(0);
        }

        private Expr gen(int depth) {
            Expr e = depth > 10 || data.remainingBytes() == 0 ? leaf() : switch (data.consumeInt(0, 9)) {
                case 0 -> leaf();
                case 1 -> new Expr.Num(data.pickValue(new double[] {0, -0.0, 1, 14, 2.5, -3, 1e308, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, Double.MIN_VALUE}));
                case 2 -> new Expr.Unary(op(), maybeNull(depth));
                case 3 -> new Expr.Binary(op(), maybeNull(depth), maybeNull(depth));
                case 4 -> call(depth);
                case 5 -> new Expr.Output(maybeNull(depth), data.consumeInt(0, 10) == 0 ? null
                        : data.pickValue(new String[] {"signal", "upper", "value", "x"}));
                case 6 -> made.isEmpty() ? leaf() : made.get(data.consumeInt(0, made.size() - 1));
                case 7 -> {
                    Expr chain = gen(depth + 1);
                    int n = data.consumeInt(1, 3_000);
                    Op op = data.pickValue(new Op[] {Op.ADD, Op.MUL, Op.AND, Op.GT});
                    for (int i = 0; i < n; i++) {
                        chain = new Expr.Binary(op, chain, leaf());
                    }
                    yield chain;
                }
                case 8 -> {
                    Expr self = gen(depth + 1);
                    int n = data.consumeInt(1, 80);
                    Op op = data.pickValue(new Op[] {Op.ADD, Op.SUB, Op.AND, Op.LT});
                    for (int i = 0; i < n; i++) {
                        self = new Expr.Binary(op, self, self);
                    }
                    yield self;
                }
                default -> {
                    Expr nested = leaf();
                    int n = data.consumeInt(1, 1_000);
                    for (int i = 0; i < n; i++) {
                        nested = new Expr.Call(data.pickValue(new String[] {"sma", "abs", "ema"}), List.of(Arg.of(nested)));
                    }
                    yield nested;
                }
            };
            made.add(e);
            return e;
        }

        private Expr maybeNull(int depth) {
            return data.consumeInt(0, 30) == 0 ? null : gen(depth + 1);
        }

        private Op op() {
            return data.consumeInt(0, 30) == 0 ? null : data.pickValue(Op.values());
        }

        private Expr leaf() {
            return switch (data.consumeInt(0, 4)) {
                case 0 -> new Expr.Num(data.consumeInt(-5, 100_001));
                case 1 -> new Expr.Bool(data.consumeBoolean());
                case 2 -> new Expr.Text(data.consumeInt(0, 10) == 0 ? null : data.pickValue(new String[] {"ema", "sma", "x"}));
                case 3 -> new Expr.Name(data.consumeInt(0, 20) == 0 ? null : data.pickValue(NAMES));
                default -> new Expr.Name("close");
            };
        }

        private Expr call(int depth) {
            String name = data.consumeInt(0, 20) == 0 ? null : KERNELS.get(data.consumeInt(0, KERNELS.size() - 1));
            if (data.consumeInt(0, 20) == 0) {
                return new Expr.Call(name, null);
            }
            int n = data.consumeInt(0, 4);
            Arg[] args = new Arg[n];
            for (int i = 0; i < n; i++) {
                int kind = data.consumeInt(0, 20);
                args[i] = kind == 0 ? null : kind < 10 ? Arg.of(maybeNull(depth))
                        : Arg.named(data.pickValue(new String[] {"x", "period", "high", "ma_type", "nope"}), maybeNull(depth));
            }
            return new Expr.Call(name, Arrays.asList(args));
        }
    }
}
