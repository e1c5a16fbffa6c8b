package io.ta.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.ExpressionException;
import io.ta.runtime.dsl.TypeCheckException;
import io.ta.expr.Expr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding, type checking, constant folding, hash-consing and lookbacks. */
class PlannerTest {
    static Plan plan(String text) {
        return Plan.compile(text);
    }

    static Node.Kernel kernel(Ref r) {
        return assertInstanceOf(Node.Kernel.class, r.node());
    }

    @Test
    void defaultSourceAndPositionalOrKeywordParameters() {
        Plan a = plan("sma(20)");
        Plan b = plan("sma(close, 20)");
        Plan c = plan("sma(close, period=20)");
        Plan d = plan("rolling_mean(x=close, period=20)");
        assertEquals(a.explain(), b.explain(), "explain() prints the canonical text, not the source");
        for (Plan p : new Plan[] {a, b, c, d}) {
            Node.Kernel k = kernel(p.root());
            assertEquals("sma", k.descriptor().name());
            assertEquals(20, k.params().intValue(0));
            assertInstanceOf(Node.Column.class, k.inputs().get(0).node());
            assertEquals(19, p.lookback());
        }
    }

    @Test
    void defaultsFillMissingParameters() {
        assertEquals(19, plan("sma(close)").lookback());
        assertEquals(13, kernel(plan("wma()").root()).params().intValue(0) - 1);
    }

    @Test
    void anyExpressionCanBeASeriesArgument() {
        Plan p = plan("sma(high + low, 5)");
        Node.Kernel k = kernel(p.root());
        assertInstanceOf(Node.Operator.class, k.inputs().get(0).node());
        assertEquals(java.util.List.of("high", "low"), p.columns());
    }

    @Test
    void implicitBarFieldInputs() {
        Plan p = plan("true_range()");
        assertEquals(java.util.List.of("high", "low", "close"), p.columns());
        Plan override = plan("true_range(close=open)");
        assertEquals(java.util.List.of("high", "low", "open"), override.columns());
        assertEquals(1, plan("tr()").lookback());
        assertEquals("'trange' is a kernel; call it, e.g. trange()", assertThrows(TypeCheckException.class, () -> plan("trange")).reason());
    }

    @Test
    void derivedPricesAreKernelCalls() {
        Node.Kernel k = kernel(plan("hl2").root());
        assertEquals("medprice", k.descriptor().name());
        assertEquals("typical_price", kernel(plan("hlc3").root()).descriptor().name());
        assertEquals("typical_price", kernel(plan("typical").root()).descriptor().name());
    }

    @Test
    void identicalSubexpressionsAreOneNode() {
        Plan p = plan("sma(close, 20) + sma(close, 20) * sma(x=close, period=20) - rolling_mean(close, 20)");
        long kernels = p.nodes().stream().filter(n -> n instanceof Node.Kernel).count();
        assertEquals(1, kernels);
        Map<String, String> two = new LinkedHashMap<>();
        two.put("a", "ema(close, 10) > sma(close, 30)");
        two.put("b", "ema(close, 10) < sma(close, 30)");
        Plan shared = Plan.compile(two, Registry.standard());
        assertEquals(2, shared.nodes().stream().filter(n -> n instanceof Node.Kernel).count());
        assertSame(shared.roots().get("a").node().inputs().get(0).node(), shared.roots().get("b").node().inputs().get(0).node());
    }

    @Test
    void lookbacksAddAlongChainsAndTakeTheMaxAcrossOperands() {
        assertEquals(9 + 4, plan("sma(ema(close, 10), 5)").lookback());
        assertEquals(29, plan("sma(close, 30) - ema(close, 10)").lookback());
        assertEquals(19, plan("close > sma(close, 20)").lookback());
        assertEquals(0, plan("close * 2").lookback());
        Map<String, String> two = new LinkedHashMap<>();
        two.put("fast", "sma(close, 5)");
        two.put("slow", "sma(close, 50)");
        Plan p = Plan.compile(two, Registry.standard());
        assertEquals(4, p.lookback("fast"));
        assertEquals(49, p.lookback("slow"));
        assertEquals(49, p.lookback());
    }

    @Test
    void constantsAreFolded() {
        Plan p = plan("close * (2 + 3) > 10 ** 2");
        assertEquals(2, p.nodes().stream().filter(n -> n instanceof Node.Constant c && (c.value() == 5 || c.value() == 100)).count());
        assertEquals(5, p.nodes().size(), p.explain());
        assertEquals(3.0, ((Node.Constant) plan("1 + 2").root().node()).value());
        assertEquals(0.0, ((Node.Constant) plan("1 > 2").root().node()).value());
        assertEquals(ValueType.CONDITION, plan("not (1 > 2)").root().type());
    }

    @Test
    void constantsFoldInThePlannerAloneWithTheRuntimeArithmetic() {
        // The parser only builds the tree: folding is the planner's, so a parameter, an operand and a root fold alike.
        assertInstanceOf(Expr.Binary.class, io.ta.runtime.dsl.Parser.parse("1 + 2 * 3"));
        assertEquals(7.0, constant("1 + 2 * 3"));
        assertEquals(5.0, constant("-(-5)"));
        // A series is not a constant: -(-close) keeps both negations (close, -close, -(-close)); nothing rewrites it.
        Plan negated = plan("-(-close)");
        assertEquals(3, negated.nodes().size(), negated.explain());
        assertEquals(2, negated.nodes().stream().filter(n -> n instanceof Node.Operator).count(), negated.explain());
        // A constant division by zero folds to what the same division gives bar by bar: NaN, never an infinity.
        assertTrue(Double.isNaN(constant("1 / 0")));
        assertTrue(Double.isNaN(constant("-1 / 0")));
        assertTrue(Double.isNaN(constant("0 / 0")));
        assertEquals(Ops.div(1, 0), constant("1 / 0"), "the folder applies Ops, the operators' one definition");
        // It is a value like any other: close + 1 / 0 is NaN on every bar.
        PlanStream s = plan("close + 1 / 0").stream();
        s.update(10.0);
        assertTrue(Double.isNaN(s.value()));
    }

    private static double constant(String text) {
        Plan p = plan(text);
        assertEquals(1, p.nodes().size(), p.explain());
        return assertInstanceOf(Node.Constant.class, p.root().node()).value();
    }

    @Test
    void choiceParametersAcceptNamesAndText() {
        // rolling_std has no choice parameter; the generic rule is exercised with a kernel that has one when registered.
        assertThrows(TypeCheckException.class, () -> plan("sma(close, 'ema')"));
        // A positional bare name is the choice once every series input is filled, as quoted text is; before that, a
        // series (here the kernel ema, which must be called).
        long quoted = plan("ma(close, 30, 'ema')").fingerprint();
        assertEquals(quoted, plan("ma(close, 30, ema)").fingerprint());
        assertEquals(quoted, plan("ma(close, 30, EMA)").fingerprint());
        assertEquals("'ema' is a kernel; call it, e.g. ema(close)", assertThrows(TypeCheckException.class, () -> plan("ma(ema, 30)")).reason());
        assertEquals("ma takes no further series input here; parameters must be numbers (next: period)",
                assertThrows(TypeCheckException.class, () -> plan("ma(close, ema)")).reason());
    }

    @Test
    void typeErrorsPointAtTheOffendingOperand() {
        TypeCheckException e = assertThrows(TypeCheckException.class, () -> plan("close > 1 and sma(close, 3)"));
        assertEquals("'and' needs conditions, but sma(close, 3) is a number; compare it, e.g. sma(close, 3) > 0", e.reason());
        assertEquals(15, e.column());
        assertEquals("'not' needs conditions, but close is a number; compare it, e.g. close > 0",
                assertThrows(TypeCheckException.class, () -> plan("not close")).reason());
        assertEquals("text 'x' can only be the value of a choice parameter, e.g. ma_type='ema'",
                assertThrows(TypeCheckException.class, () -> plan("'x' + 1")).reason());
        assertEquals("'sma' is a kernel; call it, e.g. sma(close)", assertThrows(TypeCheckException.class, () -> plan("sma + 1")).reason());
        assertEquals("sma: parameter period must be a number ([1, 100000]), found close",
                assertThrows(TypeCheckException.class, () -> plan("sma(close, period=close)")).reason());
        assertEquals("only a kernel call has named outputs; '.upper' follows close",
                assertThrows(TypeCheckException.class, () -> plan("close.upper")).reason());
    }

    @Test
    void conditionsAreNumbersZeroOrOne() {
        assertEquals(ValueType.NUMBER, plan("(close > 1) + 1").root().type());
        assertEquals(ValueType.CONDITION, plan("close > 1 or close < 0").root().type());
    }

    @Test
    void bindingErrorsNameWhatIsWrongAndSuggest() {
        BindingException unknown = assertThrows(BindingException.class, () -> plan("close > smaa(close, 3)"));
        assertEquals("unknown kernel 'smaa' (did you mean sma?)", unknown.reason());
        assertEquals(9, unknown.column());
        assertInstanceOf(UnknownNameException.class, unknown.getCause());

        BindingException param = assertThrows(BindingException.class, () -> plan("sma(close, period=0)"));
        assertEquals("sma: period must be in [1, 100000], got 0", param.reason());
        assertEquals(19, param.column());
        assertInstanceOf(InvalidParameterException.class, param.getCause());

        assertEquals("sma has no argument 'perod' (did you mean period?); inputs: x; parameters: period",
                assertThrows(BindingException.class, () -> plan("sma(close, perod=3)")).reason());
        assertEquals("sma takes 1 input(s) (x) and 1 parameter(s); this argument is one too many",
                assertThrows(BindingException.class, () -> plan("sma(close, 3, 4)")).reason());
        assertEquals("sma takes no further series input here; parameters must be numbers (next: period)",
                assertThrows(TypeCheckException.class, () -> plan("sma(close, high)")).reason());
        assertEquals("sma: period must be an integer ([1, 100000]), got 2.5",
                assertThrows(BindingException.class, () -> plan("sma(close, 2.5)")).reason());
    }

    @Test
    void fluentExpressionsWithoutTextReportTheExpression() {
        var e = io.ta.expr.Expr.Call.class;
        ExpressionException ex = assertThrows(BindingException.class,
                () -> Plan.of(new io.ta.expr.Expr.Call("smaa", java.util.List.of())));
        assertEquals(0, ex.line());
        assertTrue(ex.getMessage().startsWith("unknown kernel 'smaa'"), ex.getMessage());
        assertTrue(e != null);
    }

    @Test
    void explainShowsNodesLookbacksAndRoots() {
        String text = plan("rolling_max(close, 5) > sma(close, 20)").explain();
        assertEquals("""
                plan: 1 root, 4 nodes, lookback 19
                  n0 = column close                              lookback 0
                  n1 = rolling_max(x=n0, period=5)               lookback 4
                  n2 = sma(x=n0, period=20)                      lookback 19
                  n3 = n1 > n2                                   lookback 19
                  value = n3   # rolling_max(close, 5) > sma(close, 20)
                """, text);
    }

    @Test
    void typesAreCheckedBeforeConstantsFold() {
        assertEquals("'not' needs conditions, but 5 is a number; compare it, e.g. 5 > 0",
                assertThrows(TypeCheckException.class, () -> plan("not 5")).reason());
        assertEquals("'and' needs conditions, but 1 is a number; compare it, e.g. 1 > 0",
                assertThrows(TypeCheckException.class, () -> plan("true and 1")).reason());
        assertEquals("'or' needs conditions, but 2 + 3 is a number; compare it, e.g. 2 + 3 > 0",
                assertThrows(TypeCheckException.class, () -> plan("2 + 3 or close > 1")).reason());
        assertEquals(ValueType.CONDITION, plan("not (1 > 2)").root().type());
        assertEquals(1.0, ((Node.Constant) plan("not (1 > 2)").root().node()).value());
        assertEquals(ValueType.NUMBER, plan("(1 > 2) + 1").root().type());
        assertEquals(ValueType.CONDITION, plan("true and (2 < 3)").root().type());
    }

    @Test
    void constantParametersAreFoldedAndNeverBecomeNodes() {
        Plan p = plan("sma(close, 2 + 3) + sma(close, period=10 / 2) + sma(close, -(-5))");
        assertEquals(1, p.nodes().stream().filter(n -> n instanceof Node.Kernel).count(), p.explain());
        assertEquals(5, kernel(p.root().node().inputs().get(1)).params().intValue(0));
        Plan choice = plan("ma(close, 30, ma_type=ema) + ma(close, 30, ma_type='EMA')");
        assertEquals(List.of("close"), choice.columns(), "the choice 'ema' is not a column");
        assertEquals(1, choice.nodes().stream().filter(n -> n instanceof Node.Kernel).count());
        assertEquals(3, choice.nodes().size(), "close, the one ma node, and the sum: " + choice.explain());
    }

    @Test
    void aBooleanParameterRefusesAConditionThatFoldedToNaN() {
        // A folded comparison with a missing constant is neither true nor false, so it is no value for a bool.
        for (String undefined : List.of("0 / 0 > 1", "not 0 / 0 > 1", "1 / 0 < 1")) {
            BindingException e = assertThrows(BindingException.class,
                    () -> plan("swing_points(allow_equal_extremes=" + undefined + ").swing_high"), undefined);
            assertEquals("swing_points: allow_equal_extremes must be true or false, but " + undefined
                    + " is undefined (a comparison with a missing value)", e.reason());
            assertEquals(35, e.column());
            assertInstanceOf(InvalidParameterException.class, e.getCause());
        }
        // Folded conditions that are defined still bind, as true and false do.
        assertEquals(plan("swing_points(allow_equal_extremes=true).swing_high").fingerprint(),
                plan("swing_points(allow_equal_extremes=1 < 2).swing_high").fingerprint());
        assertEquals(plan("swing_points(allow_equal_extremes=false).swing_high").fingerprint(),
                plan("swing_points(allow_equal_extremes=not (1 < 2)).swing_high").fingerprint());
    }

    @Test
    void anArgumentGivenPositionallyAndByKeywordIsGivenTwice() {
        BindingException x = assertThrows(BindingException.class, () -> plan("sma(close, x=open)"));
        assertEquals("argument 'x' of sma is given twice: close and x=open", x.reason());
        assertEquals(14, x.column());
        assertEquals("argument 'period' of sma is given twice: 20 and period=5",
                assertThrows(BindingException.class, () -> plan("sma(close, 20, period=5)")).reason());
        assertEquals("argument 'close' of true_range is given twice: open and close=hl2",
                assertThrows(BindingException.class, () -> plan("true_range(high, low, open, close=hl2)")).reason());
        assertEquals(19, plan("sma(close, period=20)").lookback());
        assertEquals(19, plan("sma(20, x=open)").lookback(), "a constant goes to the parameter, so x is free for its keyword");
    }

    @Test
    void aChoiceNoValueSpellsPointsAtItsArgumentLikeARangeError() {
        // dsl.md: the caret goes under the offending text; a bad choice pointed at the call (column 1), a bad
        // number at its argument
        String[][] cases = {
            {"ma(close, 30, 'foo')", "15"},
            {"ma(close, 30, ma_type='foo')", "23"},
            {"ma(close, 30, ma_type=foo)", "23"},
            {"sma(close, 2) + ma(close, 30, 'EMX')", "31"},
            {"swing_points(return_mode='x').swing_high", "26"},
            {"macdext(close, fast_ma_type=sma, slow_ma_type=xx).macd", "47"}};
        for (String[] c : cases) {
            BindingException x = assertThrows(BindingException.class, () -> plan(c[0]), c[0]);
            assertInstanceOf(UnknownNameException.class, x.getCause(), c[0]);
            assertEquals(Integer.parseInt(c[1]), x.column(), c[0] + ": " + x.getMessage());
        }
    }

    @Test
    void aTimeFormsDurationOrTimeframeGivenTwiceIsGivenTwiceNotReplaced() {
        // Each of these planned with its last duration, timeframe or series, as if the first were not written.
        String[][] cases = {
            {"change(close, '1h', '2h')", "argument 'period' of change is given twice: '1h' and '2h'", "21"},
            {"shift(close, '1h', periods='2h')", "argument 'period' of shift is given twice: '1h' and periods='2h'", "28"},
            {"session_start('1d', '1w')", "argument 'timeframe' of session_start is given twice: '1d' and '1w'", "21"},
            {"session_high(close, '1d', timeframe='1w')",
                "argument 'timeframe' of session_high is given twice: '1d' and timeframe='1w'", "37"},
            {"downsample(close, '1d', factor=5)", "argument 'timeframe' of downsample is given twice: '1d' and factor=5", "32"},
            {"downsample(close, '1d', 'sum', agg='max')", "argument 'agg' of downsample is given twice: 'sum' and agg='max'",
                "36"},
            {"sync_timeframe(close@1d, close, reference=open)",
                "argument 'reference' of sync_timeframe is given twice: close and reference=open", "43"}};
        for (String[] c : cases) {
            BindingException x = assertThrows(BindingException.class, () -> plan(c[0]), c[0]);
            assertEquals(c[1], x.reason(), c[0]);
            assertEquals(Integer.parseInt(c[2]), x.column(), c[0]);
        }
        assertEquals(plan("change(close, '2h')"), plan("change(close, period='2h')"));
        assertEquals(plan("session_high(high, '1w')"), plan("session_high(timeframe='1w')"));
    }

    @Test
    void handBuiltTreesWithMissingOrWrongPartsAreParseErrors() {
        Expr close = new Expr.Name("close");
        Map<String, Expr> broken = new LinkedHashMap<>();
        broken.put("a null operand of + in <null> + close", new Expr.Binary(Expr.Op.ADD, null, close));
        broken.put("NEG is not a binary operator in close - close", new Expr.Binary(Expr.Op.NEG, close, close));
        broken.put("ADD is not a unary operator in ADD close", new Expr.Unary(Expr.Op.ADD, close));
        broken.put("a unary operator is null in null close", new Expr.Unary(null, close));
        broken.put("the number NaN is not finite in nan", new Expr.Num(Double.NaN));
        broken.put("the number Infinity is not finite in infinity", new Expr.Num(Double.POSITIVE_INFINITY));
        broken.put("a call has no kernel name in <null>(close)", new Expr.Call(null, List.of(Expr.Arg.of(close))));
        broken.put("a call has no argument list in sma(<null>)", new Expr.Call("sma", null));
        broken.put("an argument of sma is null in sma(<null>)", new Expr.Call("sma", java.util.Arrays.asList((Expr.Arg) null)));
        broken.put("a name is null in <null>", new Expr.Name(null));
        broken.put("an output name is null in macd(close).null", new Expr.Output(new Expr.Call("macd", List.of(Expr.Arg.of(close))), null));
        for (Map.Entry<String, Expr> b : broken.entrySet()) {
            Expr root = new Expr.Binary(Expr.Op.GT, close, b.getValue());
            io.ta.runtime.dsl.ParseException e = assertThrows(io.ta.runtime.dsl.ParseException.class, () -> Plan.of(root), b.getKey());
            assertTrue(e.reason().startsWith("malformed expression: "), e.reason());
            assertTrue(e.reason().contains(b.getKey().substring(0, b.getKey().indexOf(" in ")).replace("a null operand", "an operand")),
                    e.reason());
        }
        assertEquals("no expression given for 'value'",
                assertThrows(io.ta.runtime.dsl.ParseException.class, () -> Plan.of((io.ta.expr.ToExpr) null)).reason());
        assertEquals("no expression given for 'value'",
                assertThrows(io.ta.runtime.dsl.ParseException.class, () -> Plan.compile((String) null)).reason());
    }

    /**
     * A null given to the fluent builder is a missing part of the tree, reported when it is planned as a hand-built
     * tree's is; the builder threw a NullPointerException at the call (close.plus(null), close.ma(30, null)).
     */
    @Test
    void aNullGivenToTheFluentBuilderIsAMalformedExpression() {
        io.ta.kernels.TaExpr close = io.ta.kernels.TaExpr.close();
        Map<String, java.util.function.Supplier<io.ta.kernels.TaExpr>> cases = new LinkedHashMap<>();
        cases.put("an operand of + is null", () -> close.plus((io.ta.expr.ToExpr) null));
        cases.put("an operand of and is null", () -> close.gt(1).and(null));
        cases.put("an argument of correl is null", () -> close.correl(null, 30));
        cases.put("an argument of ma is null", () -> close.ma(30, null));
        for (Map.Entry<String, java.util.function.Supplier<io.ta.kernels.TaExpr>> c : cases.entrySet()) {
            io.ta.runtime.dsl.ParseException e = assertThrows(io.ta.runtime.dsl.ParseException.class,
                    () -> Plan.of(c.getValue().get()), c.getKey());
            assertTrue(e.reason().startsWith("malformed expression: " + c.getKey()), e.reason());
        }
        io.ta.kernels.TaExpr none = io.ta.kernels.TaExpr.of(null);
        assertEquals(none, io.ta.kernels.TaExpr.of(null));
        assertEquals(none.hashCode(), io.ta.kernels.TaExpr.of(null).hashCode());
        assertEquals("no expression given for 'value'",
                assertThrows(io.ta.runtime.dsl.ParseException.class, () -> Plan.of(none)).reason());
    }

    /**
     * A fluent column must be one the language can name: {@code TaExpr.column("adj close")} planned, and its canonical
     * text {@code sma(adj close, 5)} did not compile back (dsl.md: the canonical text compiles into the same plan).
     */
    @Test
    void aFluentColumnTheLanguageCannotNameIsMalformed() {
        for (String name : List.of("adj close", "", "1x", "a-b", "and", "true", "close@1w", "ETH.close")) {
            Expr root = new Expr.Call("sma", List.of(Expr.Arg.of(new Expr.Name(name)), Expr.Arg.of(new Expr.Num(5))));
            io.ta.runtime.dsl.ParseException e = assertThrows(io.ta.runtime.dsl.ParseException.class,
                    () -> Plan.of(root), "'" + name + "'");
            assertTrue(e.reason().startsWith("malformed expression: '" + name + "' is not a name"), e.reason());
        }
        for (String name : List.of("adj_close", "prix_é", "_x1", "dax")) {
            Plan p = Plan.of(io.ta.kernels.TaExpr.column(name).sma(5));
            assertEquals(p.fingerprint(), Plan.compile(p.canonical(Plan.VALUE)).fingerprint(), name);
        }
    }

    @Test
    void oneDagHasOneNumberingWhateverTheArgumentOrder() {
        Plan a = plan("crossup(a=ema(close, 5), b=sma(open, 3))");
        Plan b = plan("crossup(b=sma(open, 3), a=ema(close, 5))");
        assertEquals(a.explain(), b.explain());
        assertEquals("column close", describe(a.nodes().get(0)));
        assertEquals(a.fingerprint(), b.fingerprint());
    }

    static String describe(Node n) {
        return n instanceof Node.Column c ? "column " + c.name() : n.toString();
    }

    @Test
    void deepAndSelfSharingFluentExpressionsPlanAndRun() {
        io.ta.runtime.SmallStack.run(() -> {
            io.ta.kernels.TaExpr close = io.ta.kernels.TaExpr.close();
            io.ta.kernels.TaExpr sum = close;
            for (int i = 0; i < 10_000; i++) {
                sum = sum.plus(close);
            }
            Plan p = Plan.of(sum);
            assertEquals(10_001, p.nodes().size());
            double[] c = {1, 2, 3, 4.5};
            assertEquals(java.util.Arrays.toString(new double[] {10_001, 20_002, 30_003, 45_004.5}),
                    java.util.Arrays.toString(p.run(io.ta.runtime.Bars.builder().column("close", c).build()).value().toArray()));
            io.ta.runtime.PlanStream live = p.stream();
            live.update(2.0);
            assertEquals(20_002.0, live.value());

            io.ta.kernels.TaExpr doubled = close;
            for (int i = 0; i < 64; i++) {
                doubled = doubled.plus(doubled); // 2^64 paths, 65 objects
            }
            Plan shared = Plan.of(doubled.gt(0));
            assertEquals(1 + 64 + 2, shared.nodes().size(), "close, 64 sums, the constant 0 and the comparison");
            assertEquals(Plan.of(doubled.gt(0)).fingerprint(), shared.fingerprint());
        });
    }

    @Test
    void aTimeframeOfAComputedSeriesUnderALongChainOrReusedInsideItselfPlans() {
        io.ta.runtime.SmallStack.run(() -> {
            // The coarse column of close + 1 is renamed inside the timeframe's expression, 40,000 operators deep.
            Plan chain = plan("downsample(close + 1, '1h')" + "+1".repeat(40_000));
            long[] t = {3_600_000, 7_200_000};
            io.ta.runtime.Bars b = io.ta.runtime.Bars.builder().time(t).column("close", new double[] {1, 2}).build();
            assertEquals(java.util.Arrays.toString(new double[] {40_002, 40_003}),
                    java.util.Arrays.toString(chain.run(b).value().toArray()));

            Expr e = new Expr.Call("downsample", List.of(Expr.Arg.of(new Expr.Binary(Expr.Op.ADD, new Expr.Name("close"),
                    new Expr.Num(1))), Expr.Arg.of(new Expr.Text("1h"))));
            for (int i = 0; i < 64; i++) {
                e = new Expr.Binary(Expr.Op.ADD, e, e); // 2^64 paths, 66 objects inside the timeframe
            }
            Plan shared = Plan.of(e);
            Node.Timed frame = assertInstanceOf(Node.Timed.class, shared.roots().get(Plan.VALUE).node());
            io.ta.runtime.time.TimeSpec.Frame spec = assertInstanceOf(io.ta.runtime.time.TimeSpec.Frame.class, frame.spec());
            assertEquals(1 + 64, spec.inner().nodes().size(), "the coarse column and 64 sums");
        });
    }

    @Test
    void aChainOfConditionsOnOneTimeframePlansItsInnerExpressionOnce() {
        // sma's descriptor, counting the lookbacks asked of it: one per call bound (which validates its parameters)
        // and one per node built, in any plan.
        io.ta.spi.KernelDescriptor sma = Registry.standard().kernel("sma");
        int[] built = {0};
        io.ta.spi.KernelDescriptor counted = (io.ta.spi.KernelDescriptor) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.ta.spi.KernelDescriptor.class}, (proxy, method, args) -> {
                    built[0] += method.getName().equals("lookback") ? 1 : 0;
                    try {
                        return method.invoke(sma, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        int n = 300;
        StringBuilder text = new StringBuilder("sma(close, 2)@1w > 0");
        for (int i = 1; i < n; i++) {
            text.append(" and sma(close, 2)@1w > ").append(i);
        }
        Plan p = Plan.compile(Map.of(Plan.VALUE, text.toString()), Registry.of(List.of(counted)));
        // Each call bound on the base bars and once more in the one inner plan, whose one sma node is built once:
        // planning the whole chain so far before each 'and', to learn its type, made it some n^2 / 2.
        assertTrue(built[0] <= 2 * n + 1, built[0] + " lookbacks for " + n + " calls");
        Node.Timed frame = assertInstanceOf(Node.Timed.class, p.roots().get(Plan.VALUE).node());
        assertEquals(ValueType.CONDITION, frame.spec().type());
        assertThrows(TypeCheckException.class, () -> Plan.compile("sma(close, 2)@1w > 0 and sma(close, 2)@1w + 1"));
    }

    @Test
    void namesDifferingOnlyInCaseAreSuggested() {
        BindingException upper = assertThrows(BindingException.class, () -> plan("SMA(close,14)"));
        assertEquals("unknown kernel 'SMA' (did you mean sma?)", upper.reason());
        assertEquals("sma", ((UnknownNameException) upper.getCause()).suggestion().orElseThrow());
        assertEquals("unknown kernel 'Rolling_Mean' (did you mean rolling_mean?)",
                assertThrows(BindingException.class, () -> plan("Rolling_Mean(close, 3)")).reason());
        assertEquals("sma has no argument 'Period' (did you mean period?); inputs: x; parameters: period",
                assertThrows(BindingException.class, () -> plan("sma(close, Period=3)")).reason());
        assertEquals("macd has no output 'SIGNAL' (did you mean signal?); outputs: macd, signal, histogram",
                assertThrows(BindingException.class, () -> plan("macd(close).SIGNAL")).reason());
    }
}
