package io.ta.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Binary;
import io.ta.expr.Expr.Call;
import io.ta.expr.Expr.Name;
import io.ta.expr.Expr.Num;
import io.ta.expr.Expr.Op;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Equality, hashing and printing of the IR never recurse: deep chains work on a 256 KB thread stack, and an
 * expression reused inside itself (a DAG with exponentially many paths) is handled in time linear in its objects.
 */
class ExprTest {
    /** Runs {@code r} on a thread with a 256 KB stack, as a pool thread of a stream processor may have. */
    static void onSmallStack(Runnable r) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "small", 256 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("failed on a 256 KB stack", failure.get());
        }
    }

    static Expr chain(int terms, Op op) {
        Expr e = new Name("close");
        for (int i = 1; i < terms; i++) {
            e = new Binary(op, e, new Name("close"));
        }
        return e;
    }

    @Test
    void deepChainsCompareHashAndPrintOnASmallStack() {
        onSmallStack(() -> {
            Expr a = chain(100_000, Op.ADD);
            Expr b = chain(100_000, Op.ADD);
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, chain(100_000, Op.SUB));
            assertNotEquals(a, chain(99_999, Op.ADD));
            String text = a.toString();
            assertEquals(100_000 * "close".length() + 99_999 * " + ".length(), text.length());
            assertTrue(text.startsWith("close + close + "));
            Expr nested = new Name("close");
            for (int i = 0; i < 100_000; i++) {
                nested = new Call("sma", List.of(Arg.of(nested), Arg.named("period", new Num(3))));
            }
            assertTrue(nested.toString().startsWith("sma(sma(sma("));
            assertEquals(nested.hashCode(), nested.hashCode());
        });
    }

    @Test
    void aValueReusedInsideItselfIsVisitedOncePerObject() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Expr a = new Name("close");
            Expr b = new Name("close");
            for (int i = 0; i < 64; i++) { // 2^64 paths from the root to a leaf
                a = new Binary(Op.ADD, a, a);
                b = new Binary(Op.ADD, b, b);
            }
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertNotEquals(a, new Binary(Op.ADD, ((Binary) b).left(), new Binary(Op.ADD, new Name("open"), new Name("open"))));
            String text = a.toString();
            assertEquals(Printer.MAX_LENGTH + 1, text.length());
            assertTrue(text.endsWith("…"));
            assertEquals("close + close…", Printer.print(a, 13));
        });
    }

    @Test
    void spansAreIgnoredByEquality() {
        Expr located = new Binary(Op.GT, new Name("close", new Expr.Span(0, 5)), new Num(3, new Expr.Span(8, 9)), new Expr.Span(0, 9));
        Expr bare = new Binary(Op.GT, new Name("close"), new Num(3));
        assertEquals(bare, located);
        assertEquals(bare.hashCode(), located.hashCode());
    }

    @Test
    void equalityLooksAtEveryPart() {
        Call sma = new Call("sma", List.of(Arg.of(new Name("close")), Arg.named("period", new Num(5))));
        assertEquals(sma, new Call("sma", List.of(Arg.of(new Name("close")), Arg.named("period", new Num(5)))));
        assertNotEquals(sma, new Call("ema", List.of(Arg.of(new Name("close")), Arg.named("period", new Num(5)))));
        assertNotEquals(sma, new Call("sma", List.of(Arg.of(new Name("close")), Arg.of(new Num(5)))));
        assertNotEquals(sma, new Call("sma", List.of(Arg.of(new Name("close")), Arg.named("period", new Num(6)))));
        assertNotEquals(sma, new Call("sma", List.of(Arg.of(new Name("close")))));
        assertNotEquals(new Num(0.0), new Num(-0.0));
        assertEquals(new Num(Double.NaN), new Num(Double.NaN));
        assertNotEquals(new Expr.Output(sma, "a"), new Expr.Output(sma, "b"));
        assertNotEquals(new Expr.Unary(Op.NEG, new Name("x")), new Expr.Unary(Op.NOT, new Name("x")));
        assertNotEquals(new Expr.Text("x"), new Name("x"));
        assertNotEquals(sma, null);
    }

    @Test
    void negativeLiteralsAndNegativeZeroPrintAsTheyMean() {
        // fluent code can hold a negative literal; (-5) ** 2 is 25, -5 ** 2 would read as -25
        assertEquals("(-5) ** 2", Printer.print(new Binary(Op.POW, new Num(-5), new Num(2))));
        assertEquals("2 ** (-5)", Printer.print(new Binary(Op.POW, new Num(2), new Num(-5))));
        assertEquals("close * -0", Printer.print(new Binary(Op.MUL, new Name("close"), new Num(-0.0))));
        assertEquals("(-2).x", Printer.print(new Expr.Output(new Num(-2), "x")));
        // a number before an output keeps its parentheses, or the point would join it: 5.24h_ago reads as 5.24 then h_ago
        assertEquals("(5).24h_ago", Printer.print(new Expr.Output(new Num(5), "24h_ago")));
        assertEquals("(2).e3", Printer.print(new Expr.Output(new Num(2), "e3")));
        assertEquals("-(1 + 2) * 3", Printer.print(new Binary(Op.MUL, new Expr.Unary(Op.NEG, new Binary(Op.ADD, new Num(1), new Num(2))),
                new Num(3))));
    }

    @Test
    void handBuiltTreesWithMissingPartsPrintAndCompareWithoutFailing() {
        Expr broken = new Binary(Op.ADD, null, new Call(null, Arrays.asList(Arg.of(null), null)));
        assertEquals("<null> + <null>(<null>, <null>)", broken.toString());
        assertEquals(broken, new Binary(Op.ADD, null, new Call(null, Arrays.asList(Arg.of(null), null))));
        assertEquals(broken.hashCode(), new Binary(Op.ADD, null, new Call(null, Arrays.asList(Arg.of(null), null))).hashCode());
        assertNotEquals(broken, new Binary(Op.ADD, new Name("x"), new Call(null, Arrays.asList(Arg.of(null), null))));
        assertEquals("f(<null>)", new Call("f", null).toString());
        assertEquals(new Call("f", null), new Call("f", null));
        assertNotEquals(new Call("f", null), new Call("f", List.of()));
    }
}
