package io.ta.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Op;
import io.ta.runtime.Bars;
import io.ta.runtime.SmallStack;
import io.ta.runtime.PlanStream;
import io.ta.runtime.plan.Node;
import io.ta.runtime.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser's two limits: length, and nesting depth — which counts open parentheses, calls and stacked prefix
 * operators, never flat chains — and that nothing from text to plan recurses, so the largest accepted input parses,
 * plans and runs on a 256 KB thread stack.
 */
class ParserLimitsTest {
    static final String TOO_DEEP = "expression is nested too deeply (more than 200 levels of parentheses, calls and prefix operators)";

    static String repeat(String open, String inner, String close, int n) {
        return open.repeat(n) + inner + close.repeat(n);
    }

    @Test
    void flatChainsOfThousandsOfTermsParseAndPlan() {
        Expr sum = Parser.parse("close" + " + close".repeat(9_999));
        int depth = 0;
        for (Expr e = sum; e instanceof Expr.Binary b; e = b.left()) {
            assertEquals(Op.ADD, b.op());
            depth++;
        }
        assertEquals(9_999, depth, "left-associative: ((close + close) + close) + …");
        Plan ones = Plan.compile("1" + " + 1".repeat(10_000));
        assertEquals(1, ones.nodes().size(), "folded to one constant");
        assertEquals(10_001.0, ((Node.Constant) ones.root().node()).value());
        Plan ands = Plan.compile("close > 1" + " and close > 1".repeat(249));
        assertEquals(3 + 249, ands.nodes().size(), "close, 1, the shared close > 1, and one node per 'and'");
        assertEquals(Op.AND, ((Node.Operator) ands.root().node()).op());
        Expr powers = Parser.parse("2" + " ** 1".repeat(5_000));
        assertInstanceOf(Expr.Binary.class, powers);
        Expr cmp = Parser.parse("close" + " < close".repeat(1_000));
        assertEquals(Op.AND, ((Expr.Binary) cmp).op());
        Expr projections = Parser.parse("macd(close)" + ".signal".repeat(1_000));
        assertInstanceOf(Expr.Output.class, projections);
        Expr negatedTerms = Parser.parse("-close" + " * -close".repeat(5_000));
        assertInstanceOf(Expr.Binary.class, negatedTerms);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "parentheses     | (   | )",
        "calls           | abs( | )",
        "calls with args | sma( | , 2)",
        "unary minus     | -   | ''",
        "not             | not | ''",
    })
    void nestingIsLimitedAndTheCaretPointsAtTheConstructBeyondTheLimit(String what, String open, String close) {
        String inner = open.equals("not") ? "close > 1" : "close";
        String openWith = open.equals("not") ? "not " : open;
        Parser.parse(repeat(openWith, inner, close, Parser.MAX_DEPTH));
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(repeat(openWith, inner, close, Parser.MAX_DEPTH + 1)));
        assertEquals(TOO_DEEP, e.reason(), what);
        assertEquals(1 + openWith.length() * Parser.MAX_DEPTH, e.column(), what + ": the caret is at the 201st opening");
        int most = (Parser.MAX_LENGTH - inner.length()) / (openWith.length() + close.length());
        ParseException huge = assertThrows(ParseException.class, () -> Parser.parse(repeat(openWith, inner, close, most)));
        assertEquals(1 + openWith.length() * Parser.MAX_DEPTH, huge.column());
    }

    @Test
    void nestingCountsWhatIsOpenNotWhatWasClosed() {
        // 250 sibling groups, each 150 deep: never more than 150 open at once.
        String group = repeat("(", "close", ")", 150);
        Parser.parse(group + (" + " + group).repeat(249));
        String mixed = repeat("-(", "close", ")", 100);
        Parser.parse(mixed);
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(repeat("-(", "close", ")", 101)));
        assertEquals(TOO_DEEP, e.reason());
        assertEquals(201, e.column(), "the 201st construct is the '-' of the 101st pair");
    }

    @Test
    void theLargestAcceptedInputParsesPlansAndRunsOnA256KbStack() {
        StringBuilder sb = new StringBuilder();
        sb.append("sma(".repeat(Parser.MAX_DEPTH - 1)).append("(close");
        String term = " + close";
        int room = Parser.MAX_LENGTH - sb.length() - 1 - ", 2)".length() * (Parser.MAX_DEPTH - 1);
        sb.append(term.repeat(room / term.length())).append(')').append(", 2)".repeat(Parser.MAX_DEPTH - 1));
        String text = sb.toString();
        assertTrue(text.length() <= Parser.MAX_LENGTH && text.length() > Parser.MAX_LENGTH - term.length(), "length " + text.length());
        SmallStack.run(() -> {
            Expr e = Parser.parse(text);
            assertEquals(e, Parser.parse(text));
            assertEquals(e.hashCode(), Parser.parse(text).hashCode());
            Plan plan = Plan.compile(text);
            assertEquals(Parser.MAX_DEPTH - 1, plan.lookback(), "199 nested sma(…, 2) add 1 bar each");
            double[] close = new double[400];
            for (int i = 0; i < close.length; i++) {
                close[i] = 100 + i;
            }
            double[] batch = plan.run(Bars.builder().column("close", close).build()).value().toArray();
            PlanStream live = plan.stream();
            for (int i = 0; i < close.length; i++) {
                live.update(close[i]);
                assertEquals(batch[i], live.value(), 0.0, "bar " + i);
            }
            assertTrue(Double.isFinite(batch[close.length - 1]));
            assertTrue(Double.isNaN(batch[plan.lookback() - 1]));
            String tooDeep = "sma(".repeat(Parser.MAX_DEPTH + 1) + "close" + ", 2)".repeat(Parser.MAX_DEPTH + 1);
            assertEquals(TOO_DEEP, assertThrows(ParseException.class, () -> Plan.compile(tooDeep)).reason());
        });
    }

    @Test
    void anErrorFarIntoALongLineShowsAnExcerptWithTheCaretUnderIt() {
        String text = "close" + " + close".repeat(2_000) + " + $ + close" + " + close".repeat(100);
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse(text));
        assertEquals(1, e.line());
        assertEquals(text.indexOf('$') + 1, e.column());
        assertTrue(e.sourceLine().length() <= ExpressionException.MAX_SHOWN + 2, e.sourceLine());
        assertTrue(e.sourceLine().startsWith("…") && e.sourceLine().endsWith("…"), e.sourceLine());
        assertEquals('$', e.sourceLine().charAt(e.caret().length() - 1));
        String[] lines = e.getMessage().split("\n");
        assertEquals(e.sourceLine(), lines[1]);
        assertEquals(e.caret(), lines[2]);

        ParseException tab = assertThrows(ParseException.class, () -> Parser.parse("close +\t\t$"));
        assertEquals("       \t\t^", tab.caret(), "tabs are kept so the caret lines up in a terminal");
    }

    @Test
    void controlCharactersInTheShownLineAreEscapedWithTheCaretStillUnderIt() {
        ParseException e = assertThrows(ParseException.class, () -> Parser.parse("close + \u001b[31mred $"));
        assertEquals("close + \\x1B[31mred $", e.sourceLine(), "an ESC would colour the user's terminal");
        assertEquals(9, e.column());
        assertEquals("        ^", e.caret(), "under the escape of the ESC");
        ParseException c1 = assertThrows(ParseException.class, () -> Parser.parse("close\u0085 + \u009b\u007f $"));
        assertEquals("close\\x85 + \\x9B\\x7F $", c1.sourceLine());
        assertTrue(c1.sourceLine().startsWith("\\x", c1.caret().length() - 1), c1.caret());
        ParseException later = assertThrows(ParseException.class, () -> Parser.parse("'\u001b' + $"));
        assertEquals("'\\x1B' + $", later.sourceLine());
        assertEquals('$', later.sourceLine().charAt(later.caret().length() - 1), "the caret is past the escape's width");
    }
}
