package io.ta.runtime.dsl;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.expr.Expr.Span;
import io.ta.runtime.dsl.Token.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DSL parser: text → {@link Expr}. Hand-written recursive descent, lowest precedence first:
 *
 * <pre>
 * expr       := or
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := additive (('&gt;'|'&gt;='|'&lt;'|'&lt;='|'=='|'!=') additive)*    a &lt; b &lt; c means (a &lt; b) and (b &lt; c)
 * additive   := term (('+'|'-') term)*
 * term       := unary (('*'|'/'|'%') unary)*
 * unary      := '-' unary | power
 * power      := postfix ('**' unary)?                                  right-associative; -2**2 is -(2**2)
 * postfix    := primary ('.' name)*                                   output projection: macd(close).signal
 * primary    := number | 'true' | 'false' | text | name | name '(' args? ')' | '(' expr ')'
 * args       := arg (',' arg)* ;  arg := name '=' expr | expr          keywords after positionals, each once
 * </pre>
 *
 * Limits keep hostile input from exhausting the stack: at most {@value #MAX_LENGTH} characters and trees at most
 * {@value #MAX_HEIGHT} levels deep (nesting of parentheses and calls, and chains of operators), each reported as a
 * {@link ParseException} at the offending position.
 */
public final class Parser {
    /** Longest accepted input, in characters. */
    public static final int MAX_LENGTH = 100_000;

    /** Deepest accepted expression tree. */
    public static final int MAX_HEIGHT = 200;

    private final String src;
    private final List<Token> tokens;
    private final Map<Expr, Integer> heights = new IdentityHashMap<>();
    private int pos;
    private int depth;

    private Parser(String src, List<Token> tokens) {
        this.src = src;
        this.tokens = tokens;
    }

    /**
     * Parses one expression.
     *
     * @throws ParseException with line, column and caret for any error
     */
    public static Expr parse(String src) {
        if (src == null) {
            throw new ParseException("no expression given", "", 0);
        }
        if (src.length() > MAX_LENGTH) {
            throw new ParseException("expression is longer than " + MAX_LENGTH + " characters", src, MAX_LENGTH);
        }
        Parser p = new Parser(src, new Lexer(src).tokens());
        if (p.peek().kind() == Kind.EOF) {
            throw new ParseException("empty expression", src, 0);
        }
        Expr e = p.expression();
        Token t = p.peek();
        if (t.kind() != Kind.EOF) {
            throw p.error(t, t.kind() == Kind.ASSIGN
                    ? "unexpected '='; compare with '==', or name an argument inside a call"
                    : "unexpected " + t.describe() + " after a complete expression");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token take() {
        return tokens.get(pos++);
    }

    private boolean at(Kind k) {
        return peek().kind() == k;
    }

    private ParseException error(Token t, String message) {
        return new ParseException(message, src, t.start());
    }

    private Token expect(Kind k, String what) {
        Token t = peek();
        if (t.kind() != k) {
            throw error(t, "expected " + what + ", found " + t.describe());
        }
        return take();
    }

    private <T extends Expr> T node(T e, Expr... children) {
        int h = 0;
        for (Expr c : children) {
            h = Math.max(h, heights.getOrDefault(c, 0));
        }
        if (h + 1 > MAX_HEIGHT) {
            throw new ParseException("expression is nested too deeply (more than " + MAX_HEIGHT + " levels)", src,
                    Math.max(0, e.span().start()));
        }
        heights.put(e, h + 1);
        return e;
    }

    private Expr expression() {
        if (++depth > MAX_HEIGHT) {
            throw error(peek(), "expression is nested too deeply (more than " + MAX_HEIGHT + " levels)");
        }
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private static Span span(Expr a, Expr b) {
        return new Span(a.span().start(), b.span().end());
    }

    private Expr or() {
        Expr left = and();
        while (at(Kind.OR)) {
            take();
            Expr right = and();
            left = node(new Expr.Binary(Op.OR, left, right, span(left, right)), left, right);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (at(Kind.AND)) {
            take();
            Expr right = not();
            left = node(new Expr.Binary(Op.AND, left, right, span(left, right)), left, right);
        }
        return left;
    }

    private Expr not() {
        if (at(Kind.NOT)) {
            Token t = take();
            if (++depth > MAX_HEIGHT) {
                throw error(t, "expression is nested too deeply (more than " + MAX_HEIGHT + " levels)");
            }
            try {
                Expr operand = not();
                return node(new Expr.Unary(Op.NOT, operand, new Span(t.start(), operand.span().end())), operand);
            } finally {
                depth--;
            }
        }
        return comparison();
    }

    private static Op comparisonOp(Kind k) {
        return switch (k) {
            case GT -> Op.GT;
            case GE -> Op.GE;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case EQ -> Op.EQ;
            case NE -> Op.NE;
            default -> null;
        };
    }

    private Expr comparison() {
        Expr left = additive();
        Expr result = null;
        while (comparisonOp(peek().kind()) != null) {
            Op op = comparisonOp(take().kind());
            Expr right = additive();
            Expr cmp = node(new Expr.Binary(op, left, right, span(left, right)), left, right);
            result = result == null ? cmp : node(new Expr.Binary(Op.AND, result, cmp, span(result, cmp)), result, cmp);
            left = right;
        }
        return result == null ? left : result;
    }

    private Expr additive() {
        Expr left = term();
        while (at(Kind.PLUS) || at(Kind.MINUS)) {
            Op op = take().kind() == Kind.PLUS ? Op.ADD : Op.SUB;
            Expr right = term();
            left = node(new Expr.Binary(op, left, right, span(left, right)), left, right);
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (at(Kind.STAR) || at(Kind.SLASH) || at(Kind.PERCENT)) {
            Kind k = take().kind();
            Op op = k == Kind.STAR ? Op.MUL : k == Kind.SLASH ? Op.DIV : Op.MOD;
            Expr right = unary();
            left = node(new Expr.Binary(op, left, right, span(left, right)), left, right);
        }
        return left;
    }

    private Expr unary() {
        if (at(Kind.MINUS)) {
            Token t = take();
            if (++depth > MAX_HEIGHT) {
                throw error(t, "expression is nested too deeply (more than " + MAX_HEIGHT + " levels)");
            }
            try {
                Expr operand = unary();
                return node(new Expr.Unary(Op.NEG, operand, new Span(t.start(), operand.span().end())), operand);
            } finally {
                depth--;
            }
        }
        if (at(Kind.PLUS)) {
            throw error(peek(), "unary '+' is not supported; remove it");
        }
        return power();
    }

    private Expr power() {
        Expr base = postfix();
        if (at(Kind.POW)) {
            take();
            Expr exponent = unary();
            return node(new Expr.Binary(Op.POW, base, exponent, span(base, exponent)), base, exponent);
        }
        return base;
    }

    private Expr postfix() {
        Expr e = primary();
        while (at(Kind.DOT)) {
            take();
            Token name = expect(Kind.IDENT, "an output name after '.'");
            e = node(new Expr.Output(e, name.text(), new Span(e.span().start(), name.end())), e);
        }
        return e;
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                take();
                double v = Double.parseDouble(t.text());
                if (!Double.isFinite(v)) {
                    throw error(t, "number " + t.text() + " is too large");
                }
                return node(new Expr.Num(v, new Span(t.start(), t.end())));
            }
            case TRUE, FALSE -> {
                take();
                return node(new Expr.Bool(t.kind() == Kind.TRUE, new Span(t.start(), t.end())));
            }
            case STRING -> {
                take();
                return node(new Expr.Text(t.text(), new Span(t.start(), t.end())));
            }
            case IDENT -> {
                take();
                if (at(Kind.LPAREN)) {
                    return call(t);
                }
                return node(new Expr.Name(t.text(), new Span(t.start(), t.end())));
            }
            case LPAREN -> {
                take();
                Expr inner = expression();
                Token close = peek();
                if (close.kind() != Kind.RPAREN) {
                    throw error(close, "expected ')' to close the '(' at column " + ParseException.lineColumn(src, t.start())[1]
                            + ", found " + close.describe());
                }
                take();
                return inner;
            }
            case EOF -> throw error(t, "expression ends too early: expected a value");
            default -> throw error(t, "expected a value (number, name, call or '('), found " + t.describe());
        }
    }

    private Expr call(Token name) {
        Token open = take();
        List<Arg> args = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        List<Expr> children = new ArrayList<>();
        if (!at(Kind.RPAREN)) {
            while (true) {
                if (at(Kind.IDENT) && peek(1).kind() == Kind.ASSIGN) {
                    Token key = take();
                    take();
                    if (!keywords.add(key.text())) {
                        throw error(key, "argument '" + key.text() + "' is given twice in the call of " + name.text());
                    }
                    Expr value = expression();
                    args.add(Arg.named(key.text(), value));
                    children.add(value);
                } else {
                    if (!keywords.isEmpty()) {
                        throw error(peek(), "positional argument after a keyword argument in the call of " + name.text());
                    }
                    Expr value = expression();
                    args.add(Arg.of(value));
                    children.add(value);
                }
                if (at(Kind.COMMA)) {
                    take();
                    continue;
                }
                Token t = peek();
                if (t.kind() != Kind.RPAREN) {
                    throw error(t, "expected ',' or ')' in the call of " + name.text() + " (opened at column "
                            + ParseException.lineColumn(src, open.start())[1] + "), found " + t.describe());
                }
                break;
            }
        }
        Token close = take();
        return node(new Expr.Call(name.text(), args, new Span(name.start(), close.end())), children.toArray(new Expr[0]));
    }
}
