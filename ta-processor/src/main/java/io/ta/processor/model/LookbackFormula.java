package io.ta.processor.model;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The lookback formula the manifest publishes, read from the syntax tree of a kernel's {@code lookback} method — not
 * from its text. Calls are followed: a lookback that delegates ({@code return SwingPoints.lookback(left, right);},
 * {@code Ma.lookback(period, maType)}) publishes the callee's formula with the arguments substituted, so kernels are
 * written naturally and the formula stays self-contained for other languages.
 *
 * <p>The published grammar (docs/kernel-guide.md, "Lookback formulas"): integers, parameters by catalog name, choices
 * as {@code 'name'}, {@code + - * /} (integer division truncating toward zero, as in Java), unary minus, comparisons,
 * {@code && ||}, {@code c ? a : b}, and the functions {@code max}, {@code min}, {@code sqrt} and {@code floor} (an
 * {@code (int)} cast). A switch over a choice becomes a chain of conditionals. A body outside this form (several
 * statements, a call into a class compiled elsewhere, another cast) yields no formula rather than a wrong one; the
 * runtime's {@code LookbackFormulaTest} evaluates every published formula against the kernel's real lookback.
 */
public final class LookbackFormula {
    /** Calls followed inside one another before giving up: guards against recursion. */
    private static final int MAX_DEPTH = 16;

    private final Trees trees;

    /**
     * Reads formulas through javac's syntax trees.
     *
     * @param trees the trees, or null outside javac (no formula is then published)
     */
    public LookbackFormula(Trees trees) {
        this.trees = trees;
    }

    /**
     * The formula of a lookback method in catalog names, or empty when it cannot be expressed.
     *
     * @param method a public static lookback method whose parameters are constructor parameters
     * @param params the kernel's parameters, to map Java names to catalog names
     */
    public String of(ExecutableElement method, List<ParamModel> params) {
        if (trees == null) {
            return "";
        }
        Map<String, Node> env = new HashMap<>();
        for (VariableElement p : method.getParameters()) {
            String java = p.getSimpleName().toString();
            for (ParamModel m : params) {
                if (m.javaName().equals(java)) {
                    env.put(java, new Node.Var(m.name()));
                }
            }
        }
        try {
            return print(body(method, env, 0), 0);
        } catch (Unsupported e) {
            return "";
        }
    }

    private Node body(ExecutableElement method, Map<String, Node> env, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Unsupported();
        }
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            throw new Unsupported();
        }
        List<? extends StatementTree> body = tree.getBody().getStatements();
        if (body.size() != 1 || !(body.get(0) instanceof ReturnTree ret) || ret.getExpression() == null) {
            throw new Unsupported();
        }
        TreePath retPath = new TreePath(new TreePath(path, tree.getBody()), ret);
        return expr(new TreePath(retPath, ret.getExpression()), env, depth);
    }

    private Node expr(TreePath path, Map<String, Node> env, int depth) {
        Tree t = path.getLeaf();
        return switch (t) {
            case ParenthesizedTree p -> new Node.Paren(expr(child(path, p.getExpression()), env, depth));
            case LiteralTree l when l.getValue() instanceof Integer i -> new Node.Num(i);
            case IdentifierTree id -> name(path, id.getName().toString(), env);
            case MemberSelectTree ms -> constant(path);
            case UnaryTree u when t.getKind() == Tree.Kind.UNARY_MINUS ->
                    new Node.Neg(expr(child(path, u.getExpression()), env, depth));
            case BinaryTree b -> new Node.Bin(op(t.getKind()),
                    expr(child(path, b.getLeftOperand()), env, depth), expr(child(path, b.getRightOperand()), env, depth));
            case ConditionalExpressionTree c -> new Node.Cond(expr(child(path, c.getCondition()), env, depth),
                    expr(child(path, c.getTrueExpression()), env, depth), expr(child(path, c.getFalseExpression()), env, depth));
            case TypeCastTree c when c.getType() instanceof PrimitiveTypeTree pt && pt.getPrimitiveTypeKind() == TypeKind.INT ->
                    new Node.Call("floor", List.of(expr(child(path, c.getExpression()), env, depth)));
            case MethodInvocationTree call -> call(path, call, env, depth);
            case SwitchExpressionTree s -> switchOver(path, s, env, depth);
            default -> throw new Unsupported();
        };
    }

    private static TreePath child(TreePath parent, Tree leaf) {
        return new TreePath(parent, leaf);
    }

    private Node name(TreePath path, String name, Map<String, Node> env) {
        Node bound = env.get(name);
        return bound != null ? bound : constant(path);
    }

    /** A compile-time int constant ({@code LOOKBACK}) or an enum constant ({@code MaType.SMA → 'sma'}). */
    private Node constant(TreePath path) {
        Element e = trees.getElement(path);
        if (e instanceof VariableElement v) {
            if (v.getKind() == ElementKind.ENUM_CONSTANT) {
                return new Node.Choice(v.getSimpleName().toString().toLowerCase(Locale.ROOT));
            }
            if (v.getConstantValue() instanceof Integer i) {
                return new Node.Num(i);
            }
        }
        throw new Unsupported();
    }

    private Node call(TreePath path, MethodInvocationTree call, Map<String, Node> env, int depth) {
        if (!(trees.getElement(path) instanceof ExecutableElement callee) || !callee.getModifiers().contains(Modifier.STATIC)) {
            throw new Unsupported();
        }
        List<Node> args = new ArrayList<>();
        for (ExpressionTree a : call.getArguments()) {
            args.add(expr(child(path, a), env, depth));
        }
        TypeElement owner = (TypeElement) callee.getEnclosingElement();
        String name = callee.getSimpleName().toString();
        if (owner.getQualifiedName().contentEquals("java.lang.Math")) {
            return switch (name) {
                case "max", "min" -> {
                    if (args.size() != 2) {
                        throw new Unsupported();
                    }
                    yield new Node.Call(name, args);
                }
                case "sqrt" -> new Node.Call(name, args);
                default -> throw new Unsupported();
            };
        }
        Map<String, Node> inner = new HashMap<>();
        List<? extends VariableElement> formals = callee.getParameters();
        for (int i = 0; i < formals.size(); i++) {
            inner.put(formals.get(i).getSimpleName().toString(), args.get(i));
        }
        return body(callee, inner, depth + 1);
    }

    /**
     * {@code switch (maType) { case SMA -> a; case EMA -> b; ... }} as {@code ma_type == 'sma' ? a : ...}; cases with
     * the same formula share one branch, the last branch needs no test (the switch is exhaustive).
     */
    private Node switchOver(TreePath path, SwitchExpressionTree s, Map<String, Node> env, int depth) {
        Node selector = expr(child(path, s.getExpression()), env, depth);
        if (selector instanceof Node.Paren p) {
            selector = p.inner(); // javac keeps the parentheses of switch (x)
        }
        Map<String, List<Node>> labelsByBody = new LinkedHashMap<>();
        Map<String, Node> bodies = new HashMap<>();
        for (CaseTree c : s.getCases()) {
            if (c.getCaseKind() != CaseTree.CaseKind.RULE || !(c.getBody() instanceof ExpressionTree b)) {
                throw new Unsupported();
            }
            TreePath casePath = child(path, c);
            Node body = expr(child(casePath, b), env, depth);
            String key = print(body, 0);
            bodies.putIfAbsent(key, body);
            List<Node> labels = labelsByBody.computeIfAbsent(key, k -> new ArrayList<>());
            if (c.getExpressions().isEmpty()) {
                labels.add(null); // default
            }
            for (ExpressionTree label : c.getExpressions()) {
                if (!(label instanceof IdentifierTree id)) {
                    throw new Unsupported();
                }
                labels.add(new Node.Choice(id.getName().toString().toLowerCase(Locale.ROOT)));
            }
        }
        List<String> keys = new ArrayList<>(labelsByBody.keySet());
        int last = keys.size() - 1;
        for (int i = 0; i < keys.size(); i++) {
            if (labelsByBody.get(keys.get(i)).contains(null)) {
                last = i;
            }
        }
        Node out = bodies.get(keys.get(last));
        for (int i = keys.size() - 1; i >= 0; i--) {
            if (i == last) {
                continue;
            }
            Node test = null;
            for (Node label : labelsByBody.get(keys.get(i))) {
                Node eq = new Node.Bin("==", selector, label);
                test = test == null ? eq : new Node.Bin("||", test, eq);
            }
            out = new Node.Cond(test, bodies.get(keys.get(i)), out);
        }
        return out;
    }

    private static String op(Tree.Kind kind) {
        return switch (kind) {
            case PLUS -> "+";
            case MINUS -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case EQUAL_TO -> "==";
            case NOT_EQUAL_TO -> "!=";
            case LESS_THAN -> "<";
            case LESS_THAN_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_EQUAL -> ">=";
            case CONDITIONAL_AND -> "&&";
            case CONDITIONAL_OR -> "||";
            default -> throw new Unsupported();
        };
    }

    private static int precedence(String op) {
        return switch (op) {
            case "||" -> 2;
            case "&&" -> 3;
            case "==", "!=" -> 4;
            case "<", "<=", ">", ">=" -> 5;
            case "+", "-" -> 6;
            default -> 7;
        };
    }

    private static int precedence(Node n) {
        return switch (n) {
            case Node.Cond c -> 1;
            case Node.Bin b -> precedence(b.op());
            case Node.Neg g -> 8;
            default -> 9;
        };
    }

    /** Prints {@code n}, parenthesised if it binds more loosely than its context requires. */
    static String print(Node n, int context) {
        String s = switch (n) {
            case Node.Num k -> Integer.toString(k.value());
            case Node.Var v -> v.name();
            case Node.Choice c -> "'" + c.name() + "'";
            case Node.Paren p -> "(" + print(p.inner(), 0) + ")";
            case Node.Neg g -> "-" + print(g.operand(), 8);
            case Node.Call c -> c.function() + "(" + String.join(", ", c.args().stream().map(a -> print(a, 0)).toList()) + ")";
            case Node.Bin b -> print(b.left(), precedence(b.op())) + " " + b.op() + " " + print(b.right(), precedence(b.op()) + 1);
            case Node.Cond c -> print(c.test(), 2) + " ? " + print(c.then(), 0) + " : " + print(c.otherwise(), 1);
        };
        return precedence(n) < context && !(n instanceof Node.Paren) ? "(" + s + ")" : s;
    }

    /** The formula's syntax: what the manifest's grammar can say. */
    sealed interface Node {
        record Num(int value) implements Node {}

        record Var(String name) implements Node {}

        record Choice(String name) implements Node {}

        record Paren(Node inner) implements Node {}

        record Neg(Node operand) implements Node {}

        record Call(String function, List<Node> args) implements Node {}

        record Bin(String op, Node left, Node right) implements Node {}

        record Cond(Node test, Node then, Node otherwise) implements Node {}
    }

    /** The method is outside the published grammar: no formula. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }
}
