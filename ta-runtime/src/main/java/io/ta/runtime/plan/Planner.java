package io.ta.runtime.plan;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.ParseException;
import io.ta.runtime.dsl.TypeCheckException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.Names;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expr → DAG in one pass over each expression, bottom-up on an explicit stack (any depth; a subexpression object
 * shared by fluent code is planned once). Per node, in this order: bind (calls to kernels, arguments to inputs and
 * parameters), type-check (numbers vs conditions), then fold if every operand is a constant — so {@code not 5} is the
 * same type error as {@code not close}, and this is the only constant folder. Every distinct computation is one
 * node (hash-consing: {@code sma(close, 20)} used three times, or under its alias {@code rolling_mean}, is one node,
 * across roots too). Constants, bare names and text stay values until something uses them as a series, so a choice
 * such as {@code ma_type=ema} or a folded parameter {@code 2 + 3} never becomes a node. Finally the reachable nodes
 * are numbered canonically (depth-first from the roots, inputs in declared order), so one DAG has one numbering
 * whatever the text, the argument order or the planning order.
 */
final class Planner {
    /** Derived bar prices the DSL accepts as bare names, and the kernel each one is. */
    static final Map<String, String> DERIVED = Map.of("hl2", "medprice", "hlc3", "typical_price", "typical", "typical_price",
            "ohlc4", "avgprice");

    private final Registry registry;
    private final List<Proto> protos = new ArrayList<>();
    private final Map<Proto, Integer> interned = new HashMap<>();
    private String source;

    Planner(Registry registry) {
        this.registry = registry;
    }

    // ---- provisional nodes, hash-consed by value

    /** A node before canonical numbering; its inputs are provisional ids. Records give hash-consing by value. */
    private sealed interface Proto permits ColumnP, ConstantP, KernelP, OperatorP {
        default List<PRef> inputs() {
            return List.of();
        }
    }

    private record ColumnP(String name) implements Proto {}

    private record ConstantP(double value, ValueType type) implements Proto {}

    private record KernelP(KernelDescriptor descriptor, ParamValues params, List<PRef> inputs) implements Proto {}

    private record OperatorP(Op op, List<PRef> inputs) implements Proto {}

    /** One output of a provisional node. */
    private record PRef(int node, int output) {}

    private int intern(Proto p) {
        Integer id = interned.get(p);
        if (id == null) {
            id = protos.size();
            protos.add(p);
            interned.put(p, id);
        }
        return id;
    }

    private ValueType type(PRef r) {
        return switch (protos.get(r.node())) {
            case ColumnP c -> ValueType.NUMBER;
            case ConstantP k -> k.type();
            case KernelP k -> k.descriptor().kind() == io.ta.annotation.OutputKind.FLAG ? ValueType.CONDITION : ValueType.NUMBER;
            case OperatorP o -> o.op().isArithmetic() ? ValueType.NUMBER : ValueType.CONDITION;
        };
    }

    // ---- what an expression evaluates to while planning

    /** The planning value of one expression; {@code src} locates errors. */
    private sealed interface Bound permits Const, Word, Txt, Val, Called {
        Expr src();
    }

    /** A constant (a literal, or operators over literals, folded). */
    private record Const(double value, ValueType type, Expr src) implements Bound {}

    /** A bare name: a column, a derived price, or a choice — decided by where it is used. */
    private record Word(String name, Expr src) implements Bound {}

    /** Text, only valid as a choice. */
    private record Txt(String value, Expr src) implements Bound {}

    /** A series: a node output. */
    private record Val(PRef ref, Expr src) implements Bound {}

    /** A kernel call; {@code output} is the selected output, or -1 for a multi-output kernel not yet projected. */
    private record Called(int node, KernelDescriptor descriptor, int output, boolean selector, Expr.Call src) implements Bound {}

    // ---- errors, located in the text when there is one

    private int at(Expr e) {
        return source == null || e == null || e.span() == null ? -1 : e.span().start();
    }

    private TypeCheckException type(Expr e, String reason) {
        return new TypeCheckException(reason, source, at(e));
    }

    private BindingException binding(Expr e, String reason, Throwable cause) {
        return new BindingException(reason, source, at(e), cause);
    }

    private ParseException malformed(Expr e, String what) {
        return new ParseException("malformed expression: " + what + " in " + Printer.print(e, 200), source, at(e));
    }

    // ---- planning

    /** Plans one root; {@code text} is the DSL source it came from, or null for a fluent expression. */
    int[] root(Expr e, String text) {
        this.source = text;
        if (e == null) {
            throw new ParseException("no expression given", null, -1);
        }
        PRef r = series(evaluate(e));
        return new int[] {r.node(), r.output()};
    }

    /** Post-order over the expression on an explicit stack; each distinct object is evaluated once. */
    private Bound evaluate(Expr root) {
        Map<Expr, Bound> done = new IdentityHashMap<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.peek();
            if (done.containsKey(e)) {
                todo.pop();
                continue;
            }
            List<Expr> kids = children(e);
            boolean ready = true;
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!done.containsKey(kids.get(i))) {
                    todo.push(kids.get(i));
                    ready = false;
                }
            }
            if (ready) {
                todo.pop();
                done.put(e, combine(e, done));
            }
        }
        return done.get(root);
    }

    /** The operands of {@code e}, after checking that a hand-built tree has every part an expression needs. */
    private List<Expr> children(Expr e) {
        switch (e) {
            case Expr.Num n -> {
                if (!Double.isFinite(n.value())) {
                    throw malformed(e, "the number " + n.value() + " is not finite");
                }
                return List.of();
            }
            case Expr.Name n -> {
                if (n.name() == null) {
                    throw malformed(e, "a name is null");
                }
                return List.of();
            }
            case Expr.Text t -> {
                if (t.value() == null) {
                    throw malformed(e, "a text is null");
                }
                return List.of();
            }
            case Expr.Bool b -> {
                return List.of();
            }
            case Expr.Call c -> {
                if (c.kernel() == null || c.args() == null) {
                    throw malformed(e, c.kernel() == null ? "a call has no kernel name" : "a call has no argument list");
                }
                List<Expr> out = new ArrayList<>(c.args().size());
                for (Arg a : c.args()) {
                    if (a == null || a.value() == null) {
                        throw malformed(e, "an argument of " + c.kernel() + " is null");
                    }
                    out.add(a.value());
                }
                return out;
            }
            case Expr.Output o -> {
                if (o.of() == null || o.name() == null) {
                    throw malformed(e, o.of() == null ? "an output projection has nothing to project" : "an output name is null");
                }
                return List.of(o.of());
            }
            case Expr.Unary u -> {
                if (u.op() != Op.NEG && u.op() != Op.NOT) {
                    throw malformed(e, u.op() == null ? "a unary operator is null" : u.op() + " is not a unary operator");
                }
                if (u.operand() == null) {
                    throw malformed(e, "the operand of " + u.op().symbol() + " is null");
                }
                return List.of(u.operand());
            }
            case Expr.Binary b -> {
                if (b.op() == null || b.op() == Op.NEG || b.op() == Op.NOT) {
                    throw malformed(e, b.op() == null ? "a binary operator is null" : b.op() + " is not a binary operator");
                }
                if (b.left() == null || b.right() == null) {
                    throw malformed(e, "an operand of " + b.op().symbol() + " is null");
                }
                return List.of(b.left(), b.right());
            }
        }
    }

    private Bound combine(Expr e, Map<Expr, Bound> done) {
        return switch (e) {
            case Expr.Num n -> new Const(n.value(), ValueType.NUMBER, n);
            case Expr.Bool b -> new Const(b.value() ? 1.0 : 0.0, ValueType.CONDITION, b);
            case Expr.Name n -> new Word(n.name(), n);
            case Expr.Text t -> new Txt(t.value(), t);
            case Expr.Call c -> {
                List<Bound> args = new ArrayList<>(c.args().size());
                for (Arg a : c.args()) {
                    args.add(done.get(a.value()));
                }
                yield call(c, args);
            }
            case Expr.Output o -> output(o, done.get(o.of()));
            case Expr.Unary u -> unary(u, done.get(u.operand()));
            case Expr.Binary b -> binary(b, done.get(b.left()), done.get(b.right()));
        };
    }

    /** A value used as a series: interns what it stands for. */
    private PRef series(Bound b) {
        return switch (b) {
            case Const k -> new PRef(intern(new ConstantP(k.value(), k.type())), 0);
            case Val v -> v.ref();
            case Txt t -> throw type(t.src(), "text '" + t.value() + "' can only be the value of a choice parameter, e.g. ma_type='ema'");
            case Word w -> name(w);
            case Called c -> {
                if (c.output() < 0) {
                    KernelDescriptor d = c.descriptor();
                    throw type(c.src(), d.name() + " has " + d.outputs().size() + " outputs (" + outputNames(d) + "); pick one, e.g. "
                            + d.name() + "(...)." + d.outputs().get(d.outputs().size() > 1 ? 1 : 0).name());
                }
                yield new PRef(c.node(), c.output());
            }
        };
    }

    private ValueType typeOf(Bound b) {
        return b instanceof Const k ? k.type() : type(series(b));
    }

    private static String outputNames(KernelDescriptor d) {
        return String.join(", ", d.outputs().stream().map(o -> o.name()).toList());
    }

    private PRef name(Word w) {
        String kernel = DERIVED.get(w.name());
        if (kernel != null) {
            return series(call(new Expr.Call(kernel, List.of(), w.src().span()), List.of()));
        }
        if (registry.names().contains(w.name())) {
            boolean generic = registry.kernel(w.name()).inputs().stream().anyMatch(in -> !Bars.FIELDS.contains(in));
            throw type(w.src(), "'" + w.name() + "' is a kernel; call it, e.g. " + w.name() + (generic ? "(close)" : "()"));
        }
        return new PRef(intern(new ColumnP(w.name())), 0);
    }

    private Bound output(Expr.Output o, Bound of) {
        if (!(of instanceof Called c)) {
            throw type(o, "only a kernel call has named outputs; '." + o.name() + "' follows " + Printer.print(o.of(), 200));
        }
        KernelDescriptor d = c.descriptor();
        if (c.selector() && !d.outputs().get(c.output()).name().equals(o.name())) {
            throw type(o, "'" + c.src().kernel() + "' already selects output " + d.outputs().get(c.output()).name());
        }
        int i = d.outputIndex(o.name());
        if (i < 0) {
            List<String> outs = d.outputs().stream().map(x -> x.name()).toList();
            String near = Names.closest(o.name(), outs);
            throw binding(o, d.name() + " has no output '" + o.name() + "'" + Names.hint(near) + "; outputs: " + String.join(", ", outs),
                    new UnknownNameException("output", o.name(), near, d.name() + " has no output " + o.name()));
        }
        return new Val(new PRef(c.node(), i), o);
    }

    /**
     * Binds a call. Positional arguments fill first, in order: a series goes to the next free input, a constant to
     * the next free parameter — or to an input when no parameter is left ({@code crossup(rsi(close, 14), 70)}).
     * Keyword arguments then fill by name; one naming a slot a positional already filled is "given twice".
     */
    private Called call(Expr.Call c, List<Bound> args) {
        Registry.Entry entry;
        try {
            entry = registry.resolve(c.kernel());
        } catch (UnknownNameException e) {
            throw binding(c, e.getMessage(), e);
        }
        KernelDescriptor d = entry.kernel();
        List<String> inputNames = d.inputs();
        List<String> generic = inputNames.stream().filter(n -> !Bars.FIELDS.contains(n)).toList();
        Map<String, Bound> inputs = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Bound> given = new HashMap<>();

        List<ParamSpec> freeParams = new ArrayList<>(d.params());
        List<String> freeInputs = new ArrayList<>(generic);
        inputNames.stream().filter(Bars.FIELDS::contains).forEach(freeInputs::add);
        int genericLeft = generic.size();
        for (int i = 0; i < args.size(); i++) {
            if (c.args().get(i).isKeyword()) {
                continue;
            }
            Bound b = args.get(i);
            boolean literal = b instanceof Const || b instanceof Txt;
            boolean toInput = !freeInputs.isEmpty() && (!literal || (freeParams.isEmpty() && genericLeft > 0));
            if (!literal && freeInputs.isEmpty()) {
                throw type(b.src(), d.name() + " takes no further series input here; parameters must be numbers"
                        + (freeParams.isEmpty() ? "" : " (next: " + freeParams.get(0).name() + ")"));
            }
            if (toInput) {
                String in = freeInputs.remove(0);
                if (!Bars.FIELDS.contains(in)) {
                    genericLeft--;
                }
                inputs.put(in, b);
                given.put(in, b);
            } else if (!freeParams.isEmpty()) {
                ParamSpec spec = freeParams.remove(0);
                params.put(spec.name(), literal(d, spec, b));
                given.put(spec.name(), b);
            } else {
                throw binding(b.src(), d.name() + " takes " + inputNames.size() + " input(s) (" + String.join(", ", inputNames)
                        + ") and " + d.params().size() + " parameter(s); this argument is one too many", null);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            Arg a = c.args().get(i);
            if (!a.isKeyword()) {
                continue;
            }
            Bound b = args.get(i);
            ParamSpec spec = d.params().stream().filter(p -> p.name().equals(a.name())).findFirst().orElse(null);
            if (!inputNames.contains(a.name()) && spec == null) {
                List<String> known = new ArrayList<>(inputNames);
                d.params().forEach(p -> known.add(p.name()));
                String near = Names.closest(a.name(), known);
                throw binding(b.src(), d.name() + " has no argument '" + a.name() + "'" + Names.hint(near)
                        + "; inputs: " + String.join(", ", inputNames)
                        + (d.params().isEmpty() ? "; no parameters" : "; parameters: "
                                + String.join(", ", d.params().stream().map(ParamSpec::name).toList())),
                        new UnknownNameException("argument", a.name(), near, d.name() + " has no argument " + a.name()));
            }
            Bound first = given.put(a.name(), b);
            if (first != null) {
                throw binding(b.src(), "argument '" + a.name() + "' of " + d.name() + " is given twice: "
                        + Printer.print(first.src(), 60) + " and " + a.name() + "=" + Printer.print(b.src(), 60), null);
            }
            if (spec != null) {
                params.put(a.name(), literal(d, spec, b));
            } else {
                inputs.put(a.name(), b);
            }
        }
        for (String in : generic) {
            if (!inputs.containsKey(in)) {
                if (!in.equals("x")) {
                    throw binding(c, d.name() + " needs input '" + in + "' (inputs: " + String.join(", ", inputNames) + ")", null);
                }
                inputs.put("x", new Word("close", c));
            }
        }
        ParamValues values;
        try {
            values = ParamValues.of(d, params);
            d.lookback(values); // validates ranges and cross-parameter rules
        } catch (InvalidParameterException | UnknownNameException e) {
            Expr culprit = c;
            if (e instanceof InvalidParameterException ip && !ip.parameters().isEmpty() && given.containsKey(ip.parameters().get(0))) {
                culprit = given.get(ip.parameters().get(0)).src();
            }
            throw binding(culprit, e.getMessage(), e);
        }
        List<PRef> refs = new ArrayList<>(inputNames.size());
        for (String in : inputNames) {
            Bound b = inputs.get(in);
            refs.add(series(b == null ? new Word(in, c) : b));
        }
        int node = intern(new KernelP(d, values, List.copyOf(refs)));
        int output = entry.isSelector() ? entry.output() : (d.outputs().size() == 1 ? 0 : -1);
        return new Called(node, d, output, entry.isSelector(), c);
    }

    /** A parameter's value from a constant, a bare name or text. */
    private Object literal(KernelDescriptor d, ParamSpec spec, Bound b) {
        Expr e = b.src();
        if (spec.type() == ParamType.CHOICE) {
            if (b instanceof Word w) {
                return w.name();
            }
            if (b instanceof Txt t) {
                return t.value();
            }
            throw type(e, d.name() + ": " + spec.name() + " must be " + spec.rangeText() + ", found " + Printer.print(e, 60));
        }
        if (spec.type() == ParamType.BOOL) {
            if (b instanceof Const k && k.type() == ValueType.CONDITION) {
                return k.value() != 0.0;
            }
            throw type(e, d.name() + ": " + spec.name() + " must be true or false, found " + Printer.print(e, 60));
        }
        if (b instanceof Const k && k.type() == ValueType.NUMBER) {
            return k.value();
        }
        throw type(e, d.name() + ": parameter " + spec.name() + " must be a number (" + spec.rangeText() + "), found "
                + Printer.print(e, 60));
    }

    // ---- operators: type-check first, then fold constants

    private Bound unary(Expr.Unary u, Bound a) {
        if (u.op() == Op.NOT) {
            requireCondition(a, "not");
        }
        ValueType result = u.op() == Op.NOT ? ValueType.CONDITION : ValueType.NUMBER;
        if (a instanceof Const k) {
            return new Const(Ops.apply(u.op(), k.value()), result, u);
        }
        PRef in = series(a);
        return new Val(new PRef(intern(new OperatorP(u.op(), List.of(in))), 0), u);
    }

    private Bound binary(Expr.Binary b, Bound l, Bound r) {
        if (b.op().isLogical()) {
            requireCondition(l, b.op().symbol());
            requireCondition(r, b.op().symbol());
        }
        ValueType result = b.op().isArithmetic() ? ValueType.NUMBER : ValueType.CONDITION;
        if (l instanceof Const kl && r instanceof Const kr) {
            return new Const(Ops.apply(b.op(), kl.value(), kr.value()), result, b);
        }
        PRef left = series(l);
        PRef right = series(r);
        return new Val(new PRef(intern(new OperatorP(b.op(), List.of(left, right))), 0), b);
    }

    private void requireCondition(Bound b, String op) {
        if (typeOf(b) != ValueType.CONDITION) {
            String text = Printer.print(b.src(), 60);
            throw type(b.src(), "'" + op + "' needs conditions, but " + text + " is a number; compare it, e.g. " + text + " > 0");
        }
    }

    // ---- canonical numbering

    /** The nodes reachable from {@code roots}, numbered depth-first from the roots in order, inputs in order. */
    List<Node> finish(Map<String, int[]> roots, Map<String, Ref> refs) {
        int[] id = new int[protos.size()];
        Arrays.fill(id, -1);
        List<Node> nodes = new ArrayList<>();
        for (int[] root : roots.values()) {
            number(root[0], id, nodes);
        }
        for (Map.Entry<String, int[]> r : roots.entrySet()) {
            refs.put(r.getKey(), new Ref(nodes.get(id[r.getValue()[0]]), r.getValue()[1]));
        }
        return nodes;
    }

    private void number(int start, int[] id, List<Node> nodes) {
        if (id[start] >= 0) {
            return;
        }
        ArrayDeque<int[]> todo = new ArrayDeque<>(); // {provisional id, next input to visit}
        todo.push(new int[] {start, 0});
        while (!todo.isEmpty()) {
            int[] top = todo.peek();
            List<PRef> inputs = protos.get(top[0]).inputs();
            if (top[1] < inputs.size()) {
                int next = inputs.get(top[1]++).node();
                if (id[next] < 0) {
                    todo.push(new int[] {next, 0});
                }
                continue;
            }
            todo.pop();
            if (id[top[0]] < 0) {
                id[top[0]] = nodes.size();
                nodes.add(build(protos.get(top[0]), nodes.size(), id, nodes));
            }
        }
    }

    private static Node build(Proto p, int id, int[] ids, List<Node> nodes) {
        List<Ref> in = new ArrayList<>(p.inputs().size());
        int base = 0;
        for (PRef r : p.inputs()) {
            Ref ref = new Ref(nodes.get(ids[r.node()]), r.output());
            in.add(ref);
            base = Math.max(base, ref.lookback());
        }
        return switch (p) {
            case ColumnP c -> new Node.Column(id, c.name());
            case ConstantP k -> new Node.Constant(id, k.value(), k.type());
            case OperatorP o -> new Node.Operator(id, o.op(), in, base);
            case KernelP k -> {
                int[] lookbacks = new int[k.descriptor().outputs().size()];
                for (int o = 0; o < lookbacks.length; o++) {
                    lookbacks[o] = saturatedAdd(base, k.descriptor().lookback(k.params(), o));
                }
                yield new Node.Kernel(id, k.descriptor(), k.params(), in, lookbacks);
            }
        };
    }

    private static int saturatedAdd(int a, int b) {
        long s = (long) a + b;
        return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
    }
}
