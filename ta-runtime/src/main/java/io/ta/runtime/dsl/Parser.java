package io.ta.runtime.dsl;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.expr.Expr.Span;
import io.ta.runtime.dsl.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DSL parser: text → {@link Expr}. The grammar, lowest precedence first:
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
 * postfix    := primary ('.' name | '.' name '(' args? ')' | '@' timeframe)*
 *                                                                       output projection: macd(close).signal;
 *                                                                       method call: trades.sum(amount) is sum(trades, amount);
 *                                                                       timeframe: close@1w is timeframe(close, '1w')
 * primary    := number | 'true' | 'false' | text | name | name '(' args? ')' | '(' expr ')'
 * args       := arg (',' arg)* ;  arg := name '=' expr | expr          keywords after positionals, each once
 * </pre>
 *
 * <p>It is an operator-precedence parser over explicit stacks, not recursive descent, so no input can exhaust the
 * thread's stack, however small (a pool thread with 256 KB parses the largest accepted input). Two limits keep
 * hostile input cheap, each a {@link ParseException} at the offending position: at most {@value #MAX_LENGTH}
 * characters, and at most {@value #MAX_DEPTH} levels of <em>nesting</em> — open parentheses, open calls and stacked
 * prefix operators ({@code - - x}, {@code not not x}) count, flat chains do not: {@code close + close + …} with
 * thousands of terms, or 250 {@code and} terms, parse into a left-deep tree built in a loop.
 */
public final class Parser {
    /** Longest accepted input, in characters. */
    public static final int MAX_LENGTH = 100_000;

    /** Deepest accepted nesting of parentheses, calls and prefix operators. */
    public static final int MAX_DEPTH = 200;

    private static final int NOT_PRECEDENCE = 3;
    private static final int NEG_PRECEDENCE = 7;

    private final String src;
    private final List<Token> tokens;
    private int pos;

    private final ArrayDeque<Expr> operands = new ArrayDeque<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Unparenthesised comparison results → their right operand, which a following comparison chains on. */
    private final Map<Expr, Expr> chains = new IdentityHashMap<>();
    private int depth;

    /** An operator or group waiting for its operands. */
    private sealed interface Pending permits Prefix, Infix, Group {}

    private record Prefix(Op op, Token token) implements Pending {}

    private record Infix(Op op, Token token) implements Pending {}

    /** An open parenthesis ({@code name == null}) or call, with the arguments read so far. */
    private static final class Group implements Pending {
        final Token name;
        final Token open;
        final List<Arg> args = new ArrayList<>();
        final Set<String> keywords = new HashSet<>();
        String keyword;
        /** Where the call's text starts: its name, or the receiver of a method call {@code trades.sum(amount)}. */
        int start;

        Group(Token name, Token open) {
            this.name = name;
            this.open = open;
            this.start = name == null ? open.start() : name.start();
        }
    }

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
        return p.run();
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

    private int column(Token t) {
        return ExpressionException.lineColumn(src, t.start())[1];
    }

    /**
     * The main loop alternates between expecting an operand (prefix operators, then a value or an opening group) and
     * expecting what follows one (an infix operator, a projection, a comma, a closing parenthesis or the end).
     * {@code notAllowed} tracks where the grammar admits {@code not}: at the start of an expression or argument and
     * after {@code and}, {@code or} or another {@code not}.
     */
    private Expr run() {
        boolean expectOperand = true;
        boolean notAllowed = true;
        while (true) {
            Token t = peek();
            if (expectOperand) {
                switch (t.kind()) {
                    case NOT -> {
                        if (!notAllowed) {
                            throw error(t, "expected a value (number, name, call or '('), found " + t.describe());
                        }
                        take();
                        open(t, new Prefix(Op.NOT, t));
                    }
                    case MINUS -> {
                        take();
                        open(t, new Prefix(Op.NEG, t));
                        notAllowed = false;
                    }
                    case PLUS -> throw error(t, "unary '+' is not supported; remove it");
                    case NUMBER -> {
                        take();
                        operands.push(number(t));
                        expectOperand = false;
                    }
                    case TRUE, FALSE -> {
                        take();
                        operands.push(new Expr.Bool(t.kind() == Kind.TRUE, new Span(t.start(), t.end())));
                        expectOperand = false;
                    }
                    case STRING -> {
                        take();
                        operands.push(new Expr.Text(t.text(), new Span(t.start(), t.end())));
                        expectOperand = false;
                    }
                    case IDENT -> {
                        take();
                        if (at(Kind.LPAREN)) {
                            Group g = new Group(t, take());
                            open(t, g);
                            if (at(Kind.RPAREN)) {
                                closeCall(g, take());
                                expectOperand = false;
                            } else {
                                argumentStart(g);
                                notAllowed = true;
                            }
                        } else {
                            operands.push(new Expr.Name(t.text(), new Span(t.start(), t.end())));
                            expectOperand = false;
                        }
                    }
                    case LPAREN -> {
                        take();
                        open(t, new Group(null, t));
                        notAllowed = true;
                    }
                    case EOF -> throw error(t, "expression ends too early: expected a value");
                    default -> throw error(t, "expected a value (number, name, call or '('), found " + t.describe());
                }
                continue;
            }
            Op op = infix(t.kind());
            if (op != null) {
                take();
                reduceBefore(op);
                pending.push(new Infix(op, t));
                expectOperand = true;
                notAllowed = op == Op.AND || op == Op.OR;
                continue;
            }
            switch (t.kind()) {
                case DOT -> {
                    take();
                    Token name = peek();
                    if (name.kind() != Kind.IDENT) {
                        throw error(name, "expected an output name after '.', found " + name.describe());
                    }
                    take();
                    Expr of = operands.pop();
                    if (at(Kind.LPAREN)) {
                        // a method call: x.f(a, b) is f(x, a, b), so a source aggregate reads like laakhay's
                        Group g = new Group(name, take());
                        g.start = of.span().start();
                        g.args.add(Arg.of(of));
                        open(name, g);
                        if (at(Kind.RPAREN)) {
                            closeCall(g, take());
                        } else {
                            argumentStart(g);
                            expectOperand = true;
                            notAllowed = true;
                        }
                    } else {
                        operands.push(new Expr.Output(of, name.text(), new Span(of.span().start(), name.end())));
                    }
                }
                case TIMEFRAME -> {
                    take();
                    Expr of = operands.pop();
                    Span span = new Span(of.span().start(), t.end());
                    operands.push(new Expr.Call("timeframe", List.of(Arg.of(of), Arg.of(new Expr.Text(t.text(), new Span(t.start() + 1,
                            t.end())))), span));
                }
                case COMMA -> {
                    Group g = reduceToGroup();
                    if (g == null || g.name == null) {
                        throw unexpected(t, g);
                    }
                    take();
                    finishArgument(g);
                    argumentStart(g);
                    expectOperand = true;
                    notAllowed = true;
                }
                case RPAREN -> {
                    Group g = reduceToGroup();
                    if (g == null) {
                        throw unexpected(t, null);
                    }
                    take();
                    if (g.name == null) {
                        close(g);
                        Expr inner = operands.peek();
                        chains.remove(inner); // (a < b) < c compares a condition; it does not chain
                    } else {
                        finishArgument(g);
                        closeCall(g, t);
                    }
                }
                case EOF -> {
                    Group g = reduceToGroup();
                    if (g != null) {
                        throw unexpected(t, g);
                    }
                    return operands.pop();
                }
                default -> throw unexpected(t, reduceToGroup());
            }
        }
    }

    /** Opens a nesting level (a group or a prefix operator), refusing the one beyond {@link #MAX_DEPTH}. */
    private void open(Token at, Pending p) {
        if (depth + 1 > MAX_DEPTH) {
            throw error(at, "expression is nested too deeply (more than " + MAX_DEPTH + " levels of parentheses, calls and"
                    + " prefix operators)");
        }
        depth++;
        pending.push(p);
    }

    private void close(Group g) {
        pending.pop();
        depth--;
    }

    private Expr number(Token t) {
        double v = Double.parseDouble(t.text()); // the lexer admits only ASCII decimal syntax
        if (!Double.isFinite(v)) {
            throw error(t, "number " + t.text() + " is too large");
        }
        return new Expr.Num(v, new Span(t.start(), t.end()));
    }

    private static Op infix(Kind k) {
        return switch (k) {
            case OR -> Op.OR;
            case AND -> Op.AND;
            case GT -> Op.GT;
            case GE -> Op.GE;
            case LT -> Op.LT;
            case LE -> Op.LE;
            case EQ -> Op.EQ;
            case NE -> Op.NE;
            case PLUS -> Op.ADD;
            case MINUS -> Op.SUB;
            case STAR -> Op.MUL;
            case SLASH -> Op.DIV;
            case PERCENT -> Op.MOD;
            case POW -> Op.POW;
            default -> null;
        };
    }

    private static int precedence(Op op) {
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case NOT -> NOT_PRECEDENCE;
            case GT, GE, LT, LE, EQ, NE -> 4;
            case ADD, SUB -> 5;
            case MUL, DIV, MOD -> 6;
            case NEG -> NEG_PRECEDENCE;
            case POW -> 8;
        };
    }

    /**
     * Before pushing infix {@code op}, applies every waiting operator that binds at least as tightly (strictly more
     * tightly for the right-associative {@code **}): that is what makes chains left-associative without recursion.
     */
    private void reduceBefore(Op op) {
        int p = precedence(op);
        boolean right = op == Op.POW;
        while (!pending.isEmpty() && !(pending.peek() instanceof Group)) {
            Op top = pending.peek() instanceof Prefix pre ? pre.op() : ((Infix) pending.peek()).op();
            int q = precedence(top);
            if (q > p || (q == p && !right)) {
                reduce();
            } else {
                return;
            }
        }
    }

    /** Applies every waiting operator down to the innermost open group, which it returns (null at the top level). */
    private Group reduceToGroup() {
        while (!pending.isEmpty() && !(pending.peek() instanceof Group)) {
            reduce();
        }
        return pending.isEmpty() ? null : (Group) pending.peek();
    }

    private void reduce() {
        Pending p = pending.pop();
        if (p instanceof Prefix pre) {
            depth--;
            Expr operand = operands.pop();
            operands.push(new Expr.Unary(pre.op(), operand, new Span(pre.token().start(), operand.span().end())));
            return;
        }
        Op op = ((Infix) p).op();
        Expr right = operands.pop();
        Expr left = operands.pop();
        if (op.isComparison()) {
            Expr middle = chains.remove(left);
            Expr result;
            if (middle != null) {
                Expr cmp = new Expr.Binary(op, middle, right, span(middle, right));
                result = new Expr.Binary(Op.AND, left, cmp, span(left, cmp));
            } else {
                result = new Expr.Binary(op, left, right, span(left, right));
            }
            chains.put(result, right);
            operands.push(result);
        } else {
            operands.push(new Expr.Binary(op, left, right, span(left, right)));
        }
    }

    private static Span span(Expr a, Expr b) {
        return new Span(a.span().start(), b.span().end());
    }

    /** At the start of an argument: reads {@code name =} for a keyword argument; positionals come first. */
    private void argumentStart(Group g) {
        if (at(Kind.IDENT) && peek(1).kind() == Kind.ASSIGN) {
            Token key = take();
            take();
            if (!g.keywords.add(key.text())) {
                throw error(key, "argument '" + key.text() + "' is given twice in the call of " + g.name.text());
            }
            g.keyword = key.text();
        } else if (!g.keywords.isEmpty()) {
            throw error(peek(), "positional argument after a keyword argument in the call of " + g.name.text());
        }
    }

    private void finishArgument(Group g) {
        Expr value = operands.pop();
        chains.remove(value);
        g.args.add(g.keyword == null ? Arg.of(value) : Arg.named(g.keyword, value));
        g.keyword = null;
    }

    private void closeCall(Group g, Token closing) {
        close(g);
        operands.push(new Expr.Call(g.name.text(), g.args, new Span(g.start, closing.end())));
    }

    /** A token that cannot follow a complete operand here. */
    private ParseException unexpected(Token t, Group g) {
        if (g == null) {
            return error(t, t.kind() == Kind.ASSIGN
                    ? "unexpected '='; compare with '==', or name an argument inside a call"
                    : "unexpected " + t.describe() + " after a complete expression");
        }
        if (g.name == null) {
            return error(t, "expected ')' to close the '(' at column " + column(g.open) + ", found " + t.describe());
        }
        return error(t, "expected ',' or ')' in the call of " + g.name.text() + " (opened at column " + column(g.open) + "), found "
                + t.describe());
    }
}
