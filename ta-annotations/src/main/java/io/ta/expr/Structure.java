package io.ta.expr;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Structural equality and hashing of {@link Expr} trees without recursion. Expressions come from the parser (as deep
 * as a 100,000-character chain) and from fluent code (any depth, and DAG-shaped when a builder reuses a value:
 * {@code e = e.plus(e)} sixty times is sixty objects but 2^60 tree paths), so both walk explicit stacks and visit
 * each shared object once.
 */
final class Structure {
    private Structure() {}

    /** Two objects compared once: identity, not equality, because the walk is what decides equality. */
    private record Pair(Expr a, Expr b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(a) * 31 + System.identityHashCode(b);
        }
    }

    static boolean equal(Expr first, Object second) {
        if (!(second instanceof Expr other)) {
            return false;
        }
        ArrayDeque<Pair> todo = new ArrayDeque<>();
        Set<Pair> seen = new HashSet<>();
        todo.push(new Pair(first, other));
        while (!todo.isEmpty()) {
            Pair p = todo.pop();
            Expr a = p.a();
            Expr b = p.b();
            if (a == b) {
                continue;
            }
            if (a == null || b == null || a.getClass() != b.getClass()) {
                return false;
            }
            if (!seen.add(p)) {
                continue; // this pair was already compared, or is being compared further down the stack
            }
            boolean same = switch (a) {
                case Expr.Num x -> Double.compare(x.value(), ((Expr.Num) b).value()) == 0;
                case Expr.Bool x -> x.value() == ((Expr.Bool) b).value();
                case Expr.Name x -> Objects.equals(x.name(), ((Expr.Name) b).name());
                case Expr.Text x -> Objects.equals(x.value(), ((Expr.Text) b).value());
                case Expr.Call x -> {
                    Expr.Call y = (Expr.Call) b;
                    yield Objects.equals(x.kernel(), y.kernel()) && sameArgs(x.args(), y.args(), todo);
                }
                case Expr.Output x -> {
                    Expr.Output y = (Expr.Output) b;
                    todo.push(new Pair(x.of(), y.of()));
                    yield Objects.equals(x.name(), y.name());
                }
                case Expr.Unary x -> {
                    Expr.Unary y = (Expr.Unary) b;
                    todo.push(new Pair(x.operand(), y.operand()));
                    yield x.op() == y.op();
                }
                case Expr.Binary x -> {
                    Expr.Binary y = (Expr.Binary) b;
                    todo.push(new Pair(x.right(), y.right()));
                    todo.push(new Pair(x.left(), y.left()));
                    yield x.op() == y.op();
                }
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameArgs(List<Expr.Arg> x, List<Expr.Arg> y, ArrayDeque<Pair> todo) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = x.size() - 1; i >= 0; i--) {
            Expr.Arg a = x.get(i);
            Expr.Arg b = y.get(i);
            if (a == null || b == null) {
                if (a != b) {
                    return false;
                }
                continue;
            }
            if (!Objects.equals(a.name(), b.name())) {
                return false;
            }
            todo.push(new Pair(a.value(), b.value()));
        }
        return true;
    }

    /** A hash consistent with {@link #equal}: computed bottom-up once per distinct object. */
    static int hash(Expr root) {
        Map<Expr, Integer> done = new IdentityHashMap<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.peek();
            if (done.containsKey(e)) {
                todo.pop();
                continue;
            }
            boolean ready = true;
            for (Expr c : children(e)) {
                if (c != null && !done.containsKey(c)) {
                    todo.push(c);
                    ready = false;
                }
            }
            if (!ready) {
                continue;
            }
            todo.pop();
            int h = switch (e) {
                case Expr.Num x -> Double.hashCode(x.value());
                case Expr.Bool x -> Boolean.hashCode(x.value());
                case Expr.Name x -> Objects.hashCode(x.name());
                case Expr.Text x -> 7 * Objects.hashCode(x.value()) + 1;
                case Expr.Call x -> {
                    int a = Objects.hashCode(x.kernel());
                    if (x.args() != null) {
                        for (Expr.Arg arg : x.args()) {
                            a = a * 31 + (arg == null ? 0 : Objects.hashCode(arg.name()) * 17 + of(done, arg.value()));
                        }
                    }
                    yield a;
                }
                case Expr.Output x -> of(done, x.of()) * 31 + Objects.hashCode(x.name());
                case Expr.Unary x -> ordinal(x.op()) * 31 + of(done, x.operand());
                case Expr.Binary x -> (ordinal(x.op()) * 31 + of(done, x.left())) * 31 + of(done, x.right());
            };
            done.put(e, h);
        }
        return done.get(root);
    }

    private static int of(Map<Expr, Integer> done, Expr e) {
        return e == null ? 0 : done.get(e);
    }

    private static int ordinal(Expr.Op op) {
        return op == null ? -1 : op.ordinal();
    }

    /** The direct subexpressions, nulls included (a hand-built tree may have them). */
    static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Call c -> {
                if (c.args() == null) {
                    yield List.of();
                }
                java.util.ArrayList<Expr> out = new java.util.ArrayList<>(c.args().size());
                for (Expr.Arg a : c.args()) {
                    out.add(a == null ? null : a.value());
                }
                yield out;
            }
            case Expr.Output o -> java.util.Collections.singletonList(o.of());
            case Expr.Unary u -> java.util.Collections.singletonList(u.operand());
            case Expr.Binary b -> java.util.Arrays.asList(b.left(), b.right());
            default -> List.of();
        };
    }
}
