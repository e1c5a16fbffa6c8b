package io.ta.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.processor.model.LookbackFormula.Node;
import io.ta.processor.model.LookbackFormula.Node.Bin;
import io.ta.processor.model.LookbackFormula.Node.Call;
import io.ta.processor.model.LookbackFormula.Node.Choice;
import io.ta.processor.model.LookbackFormula.Node.Cond;
import io.ta.processor.model.LookbackFormula.Node.Neg;
import io.ta.processor.model.LookbackFormula.Node.Num;
import io.ta.processor.model.LookbackFormula.Node.Paren;
import io.ta.processor.model.LookbackFormula.Node.Var;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The formula printer adds parentheses exactly where an inlined subformula would otherwise bind differently — the
 * case a delegating lookback creates ({@code a - Other.lookback(b)} with {@code b + c} inside) — and keeps those the
 * source wrote.
 */
class LookbackFormulaPrintTest {
    private static final Var A = new Var("a");
    private static final Var B = new Var("b");
    private static final Var C = new Var("c");

    private static String print(Node n) {
        return LookbackFormula.print(n, 0);
    }

    @Test
    void operandsOfTheSamePrecedenceOnTheRightAreGrouped() {
        assertEquals("a - (b + c)", print(new Bin("-", A, new Bin("+", B, C))));
        assertEquals("a - b + c", print(new Bin("+", new Bin("-", A, B), C)));
        assertEquals("a / (b * c)", print(new Bin("/", A, new Bin("*", B, C))));
        assertEquals("(a + b) * c", print(new Bin("*", new Bin("+", A, B), C)));
        assertEquals("a + b * c", print(new Bin("+", A, new Bin("*", B, C))));
    }

    @Test
    void conditionalsAreGroupedInsideArithmeticButChainOnTheElseSide() {
        Node test = new Bin("==", A, new Choice("sma"));
        Node chain = new Cond(test, new Num(1), new Cond(new Bin("==", A, new Choice("ema")), new Num(2), new Num(3)));
        assertEquals("a == 'sma' ? 1 : a == 'ema' ? 2 : 3", print(chain));
        assertEquals("b + (a == 'sma' ? 1 : a == 'ema' ? 2 : 3)", print(new Bin("+", B, chain)));
        assertEquals("max(b, a == 'sma' ? 1 : a == 'ema' ? 2 : 3)", print(new Call("max", List.of(B, chain))));
        assertEquals("(a > 1 ? b : c) ? 1 : 0", print(new Cond(new Cond(new Bin(">", A, new Num(1)), B, C), new Num(1), new Num(0))));
    }

    @Test
    void sourceParenthesesAndUnaryMinusSurvive() {
        assertEquals("(a - 1) + (b - 1)", print(new Bin("+", new Paren(new Bin("-", A, new Num(1))), new Paren(new Bin("-", B, new Num(1))))));
        assertEquals("-(a + b)", print(new Neg(new Bin("+", A, B))));
        assertEquals("a || b == 'x' && c", print(new Bin("||", A, new Bin("&&", new Bin("==", B, new Choice("x")), C))));
        assertEquals("(a || b) && c", print(new Bin("&&", new Bin("||", A, B), C)));
    }
}
