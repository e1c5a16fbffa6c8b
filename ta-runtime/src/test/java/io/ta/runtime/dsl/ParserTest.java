package io.ta.runtime.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Binary;
import io.ta.expr.Expr.Call;
import io.ta.expr.Expr.Name;
import io.ta.expr.Expr.Num;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every construct of the grammar, and every syntax error with its exact message and caret position. */
class ParserTest {
    static Expr p(String s) {
        return Parser.parse(s);
    }

    @Test
    void literalsNamesAndCalls() {
        assertEquals(new Num(14), p("14"));
        assertEquals(new Num(0.5), p(".5"));
        assertEquals(new Num(1e5), p("1e5"));
        assertEquals(new Num(2.5e-3), p("2.5E-3"));
        // A point with no fraction, then an exponent, as the grammar reads it (docs/dsl.md: 2. and 1e5 combine)
        assertEquals(new Num(2e3), p("2.e3"));
        assertEquals(new Num(2e-3), p("2.E-3"));
        assertEquals(new Num(2e3), p("2.e+3"));
        assertEquals(new Num(2), p("2."));
        // a letter after the point that starts no exponent is still a method call on the number
        assertEquals(new Call("exp", List.of(Arg.of(new Num(2)))), p("2.exp()"));
        assertEquals(new Expr.Bool(true), p("true"));
        assertEquals(new Expr.Bool(false), p("false"));
        assertEquals(new Name("close"), p("close"));
        assertEquals(new Name("hl2"), p("  hl2 # a comment\n"));
        assertEquals(new Expr.Text("ema"), p("'ema'"));
        assertEquals(new Expr.Text("it's"), p("\"it's\""));
        assertEquals(new Call("sma", List.of(Arg.of(new Name("close")), Arg.of(new Num(20)))), p("sma(close, 20)"));
        assertEquals(new Call("sma", List.of(Arg.of(new Name("close")), Arg.named("period", new Num(20)))), p("sma(close, period=20)"));
        assertEquals(new Call("obv", List.of()), p("obv()"));
        assertEquals(new Call("sma", List.of(Arg.of(new Binary(Op.ADD, new Name("high"), new Name("low"))), Arg.of(new Num(5)))),
                p("sma(high + low, 5)"));
    }

    @Test
    void outputProjection() {
        Call macd = new Call("macd", List.of(Arg.of(new Name("close")), Arg.of(new Num(12)), Arg.of(new Num(26)), Arg.of(new Num(9))));
        assertEquals(new Expr.Output(macd, "signal"), p("macd(close, 12, 26, 9).signal"));
        assertEquals(new Expr.Output(new Call("bbands", List.of(Arg.of(new Name("close")))), "upper"), p("bbands(close).upper"));
    }

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "1 + 2 * 3 | 1 + 2 * 3",
        "(1 + 2) * 3 | (1 + 2) * 3",
        "1 - 2 - 3 | 1 - 2 - 3",
        "1 - (2 - 3) | 1 - (2 - 3)",
        "2 ** 3 ** 2 | 2 ** 3 ** 2",
        "(2 ** 3) ** 2 | (2 ** 3) ** 2",
        "-2 ** 2 | -2 ** 2",
        "-close | -close",
        "close % 5 / 2 | close % 5 / 2",
        "a < b | a < b",
        "a < b < c | a < b and b < c",
        "a >= b != c | a >= b and b != c",
        "(a < b) < c | (a < b) < c",
        "(1 >= 2) >= 3 | (1 >= 2) >= 3",
        "a == (b < c) | a == (b < c)",
        "a == b | a == b",
        "x > 1 and y < 2 or z | x > 1 and y < 2 or z",
        "x > 1 and (y < 2 or z) | x > 1 and (y < 2 or z)",
        "not x and y | not x and y",
        "not (x and y) | not (x and y)",
        "not not x | not not x",
        "rsi(close, 14) < 30 and close > sma(close, 200) | rsi(close, 14) < 30 and close > sma(close, 200)",
        "(5).24h_ago | (5).24h_ago",
        "(2).e3 + 2.e3 | (2).e3 + 2000",
    })
    void precedenceAndAssociativity(String text, String printed) {
        assertEquals(printed, Printer.print(p(text)));
        assertEquals(p(text), p(Printer.print(p(text))), "printing round-trips");
    }

    @Test
    void unaryMinusBindsLooserThanPower() {
        assertEquals(new Expr.Unary(Op.NEG, new Binary(Op.POW, new Num(2), new Num(2))), p("-2**2"));
        assertEquals(new Binary(Op.POW, new Num(2), new Expr.Unary(Op.NEG, new Num(1))), p("2 ** -1"));
    }

    @Test
    void spansPointIntoTheText() {
        Expr e = p("close > sma(close, 20)");
        Binary b = (Binary) e;
        assertEquals(new Expr.Span(0, 22), b.span());
        assertEquals(new Expr.Span(8, 22), b.right().span());
    }

    /** Each syntax error: the text, the 1-based line and column the caret points at, and the reason. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "rsi(close, 14| 1 | 14 | expected ',' or ')' in the call of rsi (opened at column 4), found end of input",
        "(close + 1| 1 | 11 | expected ')' to close the '(' at column 1, found end of input",
        "1 +| 1 | 4 | expression ends too early: expected a value",
        "close >> 3| 1 | 8 | expected a value (number, name, call or '('), found '>'",
        "sma(close, period=3, period=4)| 1 | 22 | argument 'period' is given twice in the call of sma",
        "sma(period=3, close)| 1 | 15 | positional argument after a keyword argument in the call of sma",
        "close = 3| 1 | 7 | unexpected '='; compare with '==', or name an argument inside a call",
        "close && x| 1 | 7 | unexpected '&'; write 'and'",
        "!x| 1 | 1 | unexpected '!'; write 'not x' for negation or '!=' for inequality",
        "close $ 2| 1 | 7 | unexpected character '$'",
        "12abc| 1 | 3 | a number cannot run into a name; put an operator or a space between them",
        "'open| 1 | 1 | text is not closed (missing ')",
        "macd(close).| 1 | 13 | expected an output name after '.', found end of input",
        "+close| 1 | 1 | unary '+' is not supported; remove it",
        "close 3| 1 | 7 | unexpected number 3 after a complete expression",
        "sma(close,\\n  20,\\n  ]| 3 | 3 | unexpected character ']'",
        "١٤ + close| 1 | 1 | '١' (U+0661) is not an ASCII digit; write numbers with 0-9",
        "close + １４| 1 | 9 | '１' (U+FF11) is not an ASCII digit; write numbers with 0-9",
        "close + 1٤| 1 | 10 | '٤' (U+0664) is not an ASCII digit; write numbers with 0-9",
        "sma(x١, 3)| 1 | 6 | '١' (U+0661) is not an ASCII digit; write numbers with 0-9",
        "1e999 + close| 1 | 1 | number 1e999 is too large",
        "close € 2| 1 | 7 | unexpected character '€' (U+20AC)",
        "close \u0007 2| 1 | 7 | unexpected character U+0007",
        "close + not open| 1 | 9 | expected a value (number, name, call or '('), found 'not'",
        "- not close| 1 | 3 | expected a value (number, name, call or '('), found 'not'",
        "(close, 2)| 1 | 7 | expected ')' to close the '(' at column 1, found ','",
        "close)| 1 | 6 | unexpected ')' after a complete expression",
        "sma(close, )| 1 | 12 | expected a value (number, name, call or '('), found ')'",
        "sma(close 3)| 1 | 11 | expected ',' or ')' in the call of sma (opened at column 4), found number 3",
        "()| 1 | 2 | expected a value (number, name, call or '('), found ')'",
    })
    void syntaxErrorsPointAtTheirPosition(String text, int line, int column, String reason) {
        ExpressionException e = assertThrows(ParseException.class, () -> p(text.replace("\\n", "\n")));
        assertEquals(reason.strip(), e.reason().strip());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        String[] lines = e.getMessage().split("\n");
        assertEquals("line " + line + ", column " + column + ": " + e.reason(), lines[0]);
        assertEquals(e.sourceLine(), lines[1]);
        assertEquals(" ".repeat(column - 1) + "^", lines[2]);
    }

    @Test
    void emptyAndMissingInputAreErrors() {
        assertEquals("empty expression", assertThrows(ParseException.class, () -> p("   # only a comment")).reason());
        assertEquals("no expression given", assertThrows(ParseException.class, () -> p(null)).reason());
    }

    @Test
    void enormousInputIsRejected() {
        String huge = "close + " + "1".repeat(Parser.MAX_LENGTH);
        ParseException e = assertThrows(ParseException.class, () -> p(huge));
        assertEquals("expression is longer than 100000 characters", e.reason());
    }
}
