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
import io.ta.runtime.dsl.ReservedNames;
import io.ta.runtime.dsl.TypeCheckException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.Names;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import io.ta.runtime.resample.Resample;
import io.ta.runtime.source.Aggregate;
import io.ta.runtime.source.SourceField;
import io.ta.runtime.source.SourceType;
import io.ta.runtime.resample.Resample.Agg;
import io.ta.runtime.time.TimeSpec;
import io.ta.runtime.time.Timeframe;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final Map<String, String> DERIVED = ReservedNames.DERIVED;

    private final Registry registry;
    private final ZoneId zone;
    /** Whether this planner plans the inner expression of a timeframe (timeframes do not nest). */
    private final boolean inFrame;
    private final List<Proto> protos = new ArrayList<>();
    private final Map<Proto, Integer> interned = new HashMap<>();
    private final Map<FrameKey, TimeSpec.Frame> frames = new HashMap<>();
    private String source;

    Planner(Registry registry, ZoneId zone, boolean inFrame) {
        this.registry = registry;
        this.zone = zone;
        this.inFrame = inFrame;
    }

    ZoneId zone() {
        return zone;
    }

    // ---- provisional nodes, hash-consed by value

    /** A node before canonical numbering; its inputs are provisional ids. Records give hash-consing by value. */
    private sealed interface Proto permits ColumnP, ConstantP, KernelP, OperatorP, TimedP {
        default List<PRef> inputs() {
            return List.of();
        }
    }

    private record ColumnP(String name) implements Proto {}

    private record ConstantP(double value, ValueType type) implements Proto {}

    private record KernelP(KernelDescriptor descriptor, ParamValues params, List<PRef> inputs) implements Proto {}

    private record OperatorP(Op op, List<PRef> inputs) implements Proto {}

    private record TimedP(TimeSpec spec, List<PRef> inputs) implements Proto {}

    /** A timeframe by value, so the same coarse computation is planned (and its inner plan built) once. */
    private record FrameKey(Timeframe timeframe, Expr inner, List<Agg> aggs, List<PRef> inputs) {}

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
            case TimedP t -> t.spec().type();
        };
    }

    // ---- what an expression evaluates to while planning

    /** The planning value of one expression; {@code src} locates errors. */
    private sealed interface Bound permits Const, Word, Txt, Val, Called, Framed {
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

    /**
     * An expression on a coarser timeframe, not planned yet: {@code inner} is evaluated on the coarse bars, whose
     * columns are the base columns it names (aggregated by name) and the synthetic columns of {@code bindings}
     * (base series aggregated as given). Calls and operators over framed values of one timeframe stay framed
     * ({@code rsi(close@1w, 14)} is the weekly RSI); anything else plans it as a node showing the closed periods.
     * {@code type} is the value type when an operator fixed it, else null: planning the inner expression to learn it
     * made each step of a chain ({@code c1@1w and c2@1w and …}) plan the whole chain before it again.
     */
    private record Framed(Timeframe timeframe, Expr inner, Map<String, Binding> bindings, Expr src, ValueType type)
            implements Bound {
        Framed(Timeframe timeframe, Expr inner, Map<String, Binding> bindings, Expr src) {
            this(timeframe, inner, bindings, src, null);
        }
    }

    /** A synthetic coarse column: a base series aggregated into each period. */
    private record Binding(PRef ref, Agg agg) {}

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
        return foldOnce(root, this::children, this::combine);
    }

    /**
     * {@code combine} of every distinct object under {@code root}, children first (left to right), on an explicit
     * stack: a long operator chain cannot overflow the stack, and a fluent value reused inside itself
     * ({@code e = e.plus(e)}, repeated) costs its objects, not its paths.
     */
    private static <R> R foldOnce(Expr root, Function<Expr, List<Expr>> children,
            BiFunction<Expr, Map<Expr, R>, R> combine) {
        Map<Expr, R> done = new IdentityHashMap<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.peek();
            if (done.containsKey(e)) {
                todo.pop();
                continue;
            }
            List<Expr> kids = children.apply(e);
            boolean ready = true;
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!done.containsKey(kids.get(i))) {
                    todo.push(kids.get(i));
                    ready = false;
                }
            }
            if (ready) {
                todo.pop();
                done.put(e, combine.apply(e, done));
            }
        }
        return done.get(root);
    }

    /** The operands of {@code e}, after checking that a hand-built tree has every part an expression needs. */
    private List<Expr> children(Expr e) {
        List<Expr> kids = parts(e);
        if (!Aggregate.isSource(e)) {
            return kids;
        }
        // an aggregate of events is one column, whatever its parts (a filter is not a series); still check them all
        ArrayDeque<Expr> check = new ArrayDeque<>(kids);
        while (!check.isEmpty()) {
            check.addAll(parts(check.pop()));
        }
        return List.of();
    }

    private List<Expr> parts(Expr e) {
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
                // A fluent column the language cannot write ("adj close") would plan, but its canonical text would not
                // compile back. Inside a timeframe the planner's own synthetic columns ($0) are names too.
                if (!inFrame && !ReservedNames.isName(n.name())) {
                    throw malformed(e, "'" + n.name() + "' is not a name (a letter or _, then letters, digits and _;"
                            + " not a keyword)");
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
        if (Aggregate.isSource(e)) {
            Aggregate a = Aggregate.from(e, (at, why) -> binding(at, why, null));
            return new Val(new PRef(intern(new ColumnP(a.column())), 0), e);
        }
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
                yield timed(c, args);
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
            case Framed f -> materialize(f);
        };
    }

    private ValueType typeOf(Bound b) {
        if (b instanceof Framed f && f.type() != null) {
            return f.type();
        }
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
        Matcher suffix = SUFFIX.matcher(o.name());
        if (suffix.matches()) {
            TimeSpec.LagKind kind = suffix.group(1) != null ? TimeSpec.LagKind.SHIFT
                    : suffix.group(4).equals("change_pct_") ? TimeSpec.LagKind.CHANGE_PCT : TimeSpec.LagKind.CHANGE;
            String text = suffix.group(1) != null ? suffix.group(2) : suffix.group(5);
            return lag(kind, of, duration(new Expr.Text(text, o.span()), text), o);
        }
        if (of instanceof Framed f) {
            return new Framed(f.timeframe(), new Expr.Output(f.inner(), o.name(), o.span()), f.bindings(), o);
        }
        if (!(of instanceof Called c)) {
            // ETH.clos: a misspelt field of another symbol's bars (ETH.close) reads as a name with an output
            String field = of instanceof Word ? Names.closest(o.name(), SourceType.BARS.fields().stream()
                    .map(SourceField::name).toList()) : null;
            throw type(o, "only a kernel call has named outputs; '." + o.name() + "' follows " + Printer.print(o.of(), 200)
                    + (field == null ? "" : " (another symbol's bar field? did you mean " + Printer.print(o.of(), 200) + "."
                            + field + "?)"));
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

    /** Binds a call (see {@link ArgumentBinder}) and interns the kernel node it makes. */
    private Called call(Expr.Call c, List<Bound> args) {
        Registry.Entry entry;
        try {
            entry = registry.resolve(c.kernel());
        } catch (UnknownNameException e) {
            throw binding(c, e.getMessage(), e);
        }
        KernelDescriptor d = entry.kernel();
        ArgumentBinder.Bound<Bound> bound = binder().bind(c, d, args);
        List<PRef> refs = new ArrayList<>(bound.inputs().size());
        for (Bound b : bound.inputs().values()) {
            refs.add(series(b));
        }
        int node = intern(new KernelP(d, bound.values(), List.copyOf(refs)));
        int output = entry.isSelector() ? entry.output() : (d.outputs().size() == 1 ? 0 : -1);
        return new Called(node, d, output, entry.isSelector(), c);
    }

    private ArgumentBinder<Bound> binder() {
        return new ArgumentBinder<>(source, Planner::shape, Bound::src, at -> name -> new Word(name, at));
    }

    private static ArgumentBinder.Shape shape(Bound b) {
        return switch (b) {
            case Const k -> new ArgumentBinder.Number(k.value(), k.type() == ValueType.CONDITION);
            case Word w -> new ArgumentBinder.Word(w.name());
            case Txt t -> new ArgumentBinder.Text(t.value());
            case Val v -> new ArgumentBinder.Series();
            case Called c -> new ArgumentBinder.Series();
            case Framed f -> new ArgumentBinder.Series();
        };
    }

    // ---- time: timeframes, wall-clock lags, sessions

    /** laakhay's time suffixes: {@code close.24h_ago}, {@code volume.change_pct_24h}, {@code close.change_1h}. */
    private static final Pattern SUFFIX = Pattern.compile("(([0-9]+[smhdw])_ago)|((change_pct_|change_)([0-9]+[smhdw]))");

    private static final List<String> FRAME_NAMES = ReservedNames.FRAMES;

    private static final Map<String, TimeSpec.LagKind> LAGS = Map.of("shift", TimeSpec.LagKind.SHIFT, "change",
            TimeSpec.LagKind.CHANGE, "change_pct", TimeSpec.LagKind.CHANGE_PCT, "roc", TimeSpec.LagKind.ROC);

    /** From the reserved names (session_high is HIGH), so the planner and the registry agree on them. */
    private static final Map<String, TimeSpec.SessionKind> SESSIONS = ReservedNames.SESSIONS.stream().collect(
            java.util.stream.Collectors.toUnmodifiableMap(n -> n, n -> TimeSpec.SessionKind.valueOf(
                    n.substring("session_".length()).toUpperCase(Locale.ROOT))));

    /** A call, unless it is one of the time-aware forms, which the planner handles itself. */
    private Bound timed(Expr.Call c, List<Bound> args) {
        String name = c.kernel();
        if (FRAME_NAMES.contains(name)) {
            if (inFrame) {
                throw type(c, name + " inside a timeframe: timeframes do not nest; write the whole expression on one timeframe");
            }
            return switch (name) {
                case "timeframe" -> frame(c, args);
                case "downsample" -> downsample(c, args);
                case "upsample" -> upsample(c, args);
                default -> sync(c, args);
            };
        }
        if (SESSIONS.containsKey(name)) {
            return session(c, args, SESSIONS.get(name));
        }
        if (LAGS.containsKey(name) && (args.stream().anyMatch(b -> b instanceof Txt) || !registry.names().contains(name))) {
            return lagCall(c, args, LAGS.get(name));
        }
        if (isAnchoredVwap(name)) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i) instanceof Txt t && (!c.args().get(i).isKeyword() || c.args().get(i).name().equals("anchor"))) {
                    Timeframe tf = timeframe(t.src(), t.value());
                    List<Bound> replaced = new ArrayList<>(args);
                    replaced.set(i, sessionStart(tf, t.src()));
                    List<Arg> named = new ArrayList<>(c.args());
                    named.set(i, Arg.named("anchor", t.src()));
                    return callOrFrame(new Expr.Call(c.kernel(), named, c.span()), replaced);
                }
            }
        }
        return callOrFrame(c, args);
    }

    private boolean isAnchoredVwap(String name) {
        try {
            return registry.names().contains(name) && registry.resolve(name).kernel().name().equals("anchored_vwap");
        } catch (UnknownNameException e) {
            return false;
        }
    }

    private Timeframe timeframe(Expr at, String text) {
        try {
            return Timeframe.parse(text);
        } catch (InvalidParameterException e) {
            throw binding(at, e.getMessage(), e);
        }
    }

    /** The timeframe argument: text ({@code '1w'}) or a number of bars. */
    private Timeframe timeframeArg(Expr.Call c, Bound b) {
        if (b instanceof Txt t) {
            return timeframe(t.src(), t.value());
        }
        if (b instanceof Const k && k.type() == ValueType.NUMBER && Double.isFinite(k.value())
                && k.value() == Math.rint(k.value()) && k.value() >= 1) {
            // As text, so that a count past the largest is refused by parse(), naming the limit, at the number.
            return timeframe(k.src(), k.value() < 1e18 ? Long.toString((long) k.value()) : Double.toString(k.value()));
        }
        throw type(b.src(), c.kernel() + ": the timeframe must be text such as '1w', '4h', '15m', or a whole number of bars");
    }

    /** {@code timeframe(x, '1w')} and {@code x@1w}: x evaluated on the coarse bars. */
    private Bound frame(Expr.Call c, List<Bound> args) {
        if (args.size() != 2 || c.args().stream().anyMatch(Arg::isKeyword)) {
            throw binding(c, "timeframe takes an expression and a timeframe: timeframe(close, '1w'), or close@1w", null);
        }
        Timeframe tf = timeframeArg(c, args.get(1));
        Bound x = args.get(0);
        return switch (x) {
            case Framed f -> {
                if (!f.timeframe().equals(tf)) {
                    throw type(c, "a timeframe inside another timeframe (" + f.timeframe() + " inside " + tf + "): timeframes do not nest");
                }
                yield f;
            }
            case Txt t -> throw type(t.src(), "text '" + t.value() + "' has no timeframe; put a series before @");
            default -> new Framed(tf, c.args().get(0).value(), Map.of(), c);
        };
    }

    /** {@code downsample(x, '1w', agg='last')}: x aggregated over each period, shown once the period has closed. */
    private Bound downsample(Expr.Call c, List<Bound> args) {
        Bound x = null;
        Bound period = null;
        Bound agg = null;
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            Arg a = c.args().get(i);
            String slot = a.isKeyword() ? a.name() : switch (positional++) {
                case 0 -> "x";
                case 1 -> "timeframe";
                case 2 -> "agg";
                default -> throw binding(args.get(i).src(), "downsample takes x, a timeframe and agg; this argument is one too many", null);
            };
            switch (slot) {
                case "x" -> x = once(c, "x", x, i, args);
                case "timeframe", "factor", "period" -> period = once(c, "timeframe", period, i, args);
                case "agg" -> agg = once(c, "agg", agg, i, args);
                default -> throw binding(args.get(i).src(), "downsample has no argument '" + slot + "'; arguments: x, timeframe (or factor), agg", null);
            }
        }
        if (x == null || period == null) {
            throw binding(c, "downsample needs a series and a timeframe: downsample(close, '1w') or downsample(close, 5, agg='sum')", null);
        }
        Timeframe tf = timeframeArg(c, period);
        if (x instanceof Const k) {
            return new Framed(tf, k.src(), Map.of(), c); // like any series: visible once the first period has closed
        }
        if (x instanceof Framed) {
            throw type(x.src(), "downsample of a series that is already on a timeframe: timeframes do not nest");
        }
        Agg how = null;
        if (agg != null) {
            String text = agg instanceof Word w ? w.name() : agg instanceof Txt t ? t.value() : null;
            try {
                how = text == null ? null : Agg.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                how = null;
            }
            if (how == null) {
                throw binding(agg.src(), "downsample: agg must be one of first, last, mean, sum, max, min"
                        + (text != null && text.equals("ohlcv") ? " (for OHLCV bars write each column on the timeframe, e.g. high@1w)" : ""), null);
            }
        }
        if (x instanceof Word w && !DERIVED.containsKey(w.name()) && !registry.names().contains(w.name())
                && (how == null || how == Resample.aggregation(w.name()))) {
            return new Framed(tf, new Expr.Name(w.name(), w.src().span()), Map.of(), c);
        }
        PRef ref = series(x);
        Agg a = how == null ? Agg.LAST : how;
        String name = "$" + ref.node() + "." + ref.output() + "." + a.name().toLowerCase(Locale.ROOT);
        return new Framed(tf, new Expr.Name(name, c.span()), Map.of(name, new Binding(ref, a)), c);
    }

    /** {@code upsample(x)}: a coarse series on the base bars (as any use of it on them); a base series is itself. */
    private Bound upsample(Expr.Call c, List<Bound> args) {
        for (int i = 1; i < args.size(); i++) {
            Bound b = args.get(i);
            boolean method = !c.args().get(i).isKeyword() || c.args().get(i).name().equals("method");
            String text = b instanceof Word w ? w.name() : b instanceof Txt t ? t.value() : null;
            if (!method || !"ffill".equals(text)) {
                throw binding(b.src(), "upsample takes a series and method='ffill': a plan shows a coarse series on every base bar,"
                        + " forward-filled from the close of its period, so there is no factor to give", null);
            }
        }
        if (args.isEmpty()) {
            throw binding(c, "upsample needs a series: upsample(downsample(close, '1w'))", null);
        }
        Bound x = args.get(0);
        return x instanceof Framed f ? new Val(materialize(f), c) : x;
    }

    /** {@code sync_timeframe(x, reference)}: x on the reference's bars, without look-ahead. */
    private Bound sync(Expr.Call c, List<Bound> args) {
        Bound x = null;
        Bound reference = null;
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            Arg a = c.args().get(i);
            String slot = a.isKeyword() ? a.name() : positional == 0 ? "x" : positional == 1 ? "reference" : "fill";
            positional += a.isKeyword() ? 0 : 1;
            Bound b = args.get(i);
            switch (slot) {
                case "x", "source" -> x = once(c, "x", x, i, args);
                case "reference" -> reference = once(c, "reference", reference, i, args);
                case "fill" -> {
                    String text = b instanceof Word w ? w.name() : b instanceof Txt t ? t.value() : "";
                    if (!text.equals("ffill")) {
                        throw binding(b.src(), "sync_timeframe: fill must be 'ffill' in a plan; 'linear' reads the next coarse"
                                + " value, which is look-ahead (Resample.sync offers it for research)", null);
                    }
                }
                default -> throw binding(b.src(), "sync_timeframe has no argument '" + slot + "'; arguments: x, reference, fill", null);
            }
        }
        if (x == null || reference == null) {
            throw binding(c, "sync_timeframe needs a series and a reference: sync_timeframe(downsample(close, '1w'), close)", null);
        }
        if (reference instanceof Framed rf) {
            if (x instanceof Framed xf && xf.timeframe().equals(rf.timeframe())) {
                return x;
            }
            throw type(reference.src(), "sync_timeframe onto a coarser timeline: the reference must be a series of the base bars");
        }
        series(reference);
        return x instanceof Framed f ? new Val(materialize(f), c) : x;
    }

    /** A duration for a wall-clock lag: exact milliseconds ({@code 1d} is 24 hours here, whatever the zone). */
    private long duration(Expr at, String text) {
        try {
            return Timeframe.duration(text);
        } catch (InvalidParameterException e) {
            throw binding(at, e.getMessage(), e);
        }
    }

    /**
     * Argument {@code i} of a time form, for a slot that {@code first} has not filled yet; a second value is refused as
     * a kernel's binding refuses it, not taken in place of the first.
     */
    private Bound once(Expr.Call c, String slot, Bound first, int i, List<Bound> args) {
        if (first != null) {
            Arg a = c.args().get(i);
            throw binding(a.value(), "argument '" + slot + "' of " + c.kernel() + " is given twice: "
                    + Printer.print(first.src(), 60) + " and " + (a.isKeyword() ? a.name() + "=" : "")
                    + Printer.print(a.value(), 60), null);
        }
        return args.get(i);
    }

    /** {@code shift(x, '1d')}, {@code change(x, '1h')}, {@code change_pct(x, '24h')}, {@code roc(x, '1d')}. */
    private Bound lagCall(Expr.Call c, List<Bound> args, TimeSpec.LagKind kind) {
        Bound x = null;
        Txt d = null;
        for (int i = 0; i < args.size(); i++) {
            Bound b = args.get(i);
            Arg a = c.args().get(i);
            if (b instanceof Txt && (!a.isKeyword() || a.name().equals("period") || a.name().equals("periods"))) {
                d = (Txt) once(c, "period", d, i, args);
            } else if (x == null && (!a.isKeyword() || a.name().equals("x"))) {
                x = b;
            } else {
                throw binding(b.src(), c.kernel() + " by time takes a series and a duration, e.g. " + c.kernel() + "(close, '24h')", null);
            }
        }
        if (d == null) {
            throw binding(c, c.kernel() + " takes a series and a duration here, e.g. " + c.kernel() + "(close, '24h')", null);
        }
        return lag(kind, x == null ? new Word("close", c) : x, duration(d.src(), d.value()), c);
    }

    private Bound lag(TimeSpec.LagKind kind, Bound x, long millis, Expr src) {
        PRef in = series(x);
        String text = millis % 3_600_000 == 0 ? millis / 3_600_000 + "h" : millis % 60_000 == 0 ? millis / 60_000 + "m"
                : millis / 1000 + "s";
        return new Val(new PRef(intern(new TimedP(new TimeSpec.Lag(kind, millis, text), List.of(in))), 0), src);
    }

    /** {@code session_start('1d')}, {@code session_high('1d')} (of high), {@code session_low(x, '1w')}, … */
    private Bound session(Expr.Call c, List<Bound> args, TimeSpec.SessionKind kind) {
        Bound x = null;
        Timeframe tf = null;
        Bound given = null;
        for (int i = 0; i < args.size(); i++) {
            Bound b = args.get(i);
            Arg a = c.args().get(i);
            if ((b instanceof Txt || b instanceof Const) && (!a.isKeyword() || a.name().equals("timeframe") || a.name().equals("session"))) {
                given = once(c, "timeframe", given, i, args);
                tf = timeframeArg(c, b);
            } else if (kind != TimeSpec.SessionKind.START && x == null && (!a.isKeyword() || a.name().equals("x"))) {
                x = b;
            } else {
                throw binding(b.src(), c.kernel() + " takes " + (kind == TimeSpec.SessionKind.START ? "" : "an optional series and ")
                        + "a session timeframe, e.g. " + c.kernel() + "('1d')", null);
            }
        }
        if (tf == null) {
            tf = Timeframe.parse("1d");
        }
        if (kind == TimeSpec.SessionKind.START) {
            return sessionStart(tf, c);
        }
        if (x == null) {
            x = new Word(kind.name().toLowerCase(Locale.ROOT), c);
        }
        if (typeOf(x) != ValueType.NUMBER) {
            throw type(x.src(), c.kernel() + " needs a number series");
        }
        return new Val(new PRef(intern(new TimedP(new TimeSpec.Session(kind, tf), List.of(series(x)))), 0), c);
    }

    private Val sessionStart(Timeframe tf, Expr src) {
        return new Val(new PRef(intern(new TimedP(new TimeSpec.Session(TimeSpec.SessionKind.START, tf), List.of())), 0), src);
    }

    /** The one timeframe of the framed operands, if every operand is framed on it or a constant; else null. */
    private static Timeframe commonFrame(List<Bound> operands) {
        Timeframe tf = null;
        for (Bound b : operands) {
            if (b instanceof Framed f) {
                if (tf != null && !tf.equals(f.timeframe())) {
                    return null;
                }
                tf = f.timeframe();
            } else if (!(b instanceof Const)) {
                return null;
            }
        }
        return tf;
    }

    /** An operand inside a frame: its inner expression (bindings merged into {@code into}), or a constant's source. */
    private static Expr framedExpr(Bound b, Map<String, Binding> into) {
        if (b instanceof Framed f) {
            into.putAll(f.bindings());
            return f.inner();
        }
        return b.src();
    }

    /**
     * A call with framed arguments: kept on the timeframe when every series argument is framed on the same one and
     * the kernel reads no bar field implicitly ({@code rsi(close@1w, 14)}); otherwise the framed arguments are
     * planned as nodes on the base bars and the kernel runs there ({@code atr(14)@1w} is how to get a weekly ATR).
     */
    private Bound callOrFrame(Expr.Call c, List<Bound> args) {
        if (args.stream().noneMatch(b -> b instanceof Framed)) {
            return call(c, args);
        }
        Timeframe tf = null;
        boolean keep = true;
        KernelDescriptor d = null;
        try {
            d = registry.resolve(c.kernel()).kernel();
        } catch (UnknownNameException e) {
            throw binding(c, e.getMessage(), e);
        }
        keep = d.inputs().stream().noneMatch(Bars.FIELDS::contains);
        for (Bound b : args) {
            if (b instanceof Framed f) {
                keep &= tf == null || tf.equals(f.timeframe());
                tf = f.timeframe();
            } else if (b instanceof Word w) {
                keep &= d.params().stream().anyMatch(p -> p.type() == ParamType.CHOICE && p.choices().contains(w.name()));
            } else {
                keep &= b instanceof Const || b instanceof Txt;
            }
        }
        if (keep) {
            Map<String, Binding> bindings = new LinkedHashMap<>();
            List<Arg> inner = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Arg a = c.args().get(i);
                Expr v = framedExpr(args.get(i), bindings);
                inner.add(a.isKeyword() ? Arg.named(a.name(), v) : Arg.of(v));
            }
            return new Framed(tf, new Expr.Call(c.kernel(), inner, c.span()), bindings, c);
        }
        List<Bound> planned = new ArrayList<>(args);
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i) instanceof Framed f) {
                planned.set(i, new Val(materialize(f), f.src()));
            }
        }
        return call(c, planned);
    }

    /**
     * Plans a framed expression as one node on the base bars: its inner plan (synthetic columns renamed {@code $0},
     * {@code $1}, … by position, so the plan's fingerprint does not depend on planning order), and one input per
     * inner column — the base column of that name, or the bound base series — with its aggregation.
     */
    private PRef materialize(Framed f) {
        PlanGraph first = innerPlan(f.inner());
        Map<String, String> rename = new HashMap<>();
        List<String> columns = first.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).startsWith("$")) {
                rename.put(columns.get(i), "$" + i);
            }
        }
        Expr inner = rename.isEmpty() ? f.inner() : renamed(f.inner(), rename);
        List<PRef> inputs = new ArrayList<>();
        List<Agg> aggs = new ArrayList<>();
        for (String column : columns) {
            Binding b = f.bindings().get(column);
            if (b != null) {
                inputs.add(b.ref());
                aggs.add(b.agg());
            } else {
                inputs.add(new PRef(intern(new ColumnP(column)), 0));
                aggs.add(frameAggregation(f, column));
            }
        }
        FrameKey key = new FrameKey(f.timeframe(), inner, List.copyOf(aggs), List.copyOf(inputs));
        TimeSpec.Frame spec = frames.get(key);
        if (spec == null) {
            spec = new TimeSpec.Frame(f.timeframe(), rename.isEmpty() ? first : innerPlan(inner), aggs);
            frames.put(key, spec);
        }
        return new PRef(intern(new TimedP(spec, List.copyOf(inputs))), 0);
    }

    /** How a base column forms the coarse bar: by its name, or as its source aggregate composes (else refused). */
    private Agg frameAggregation(Framed f, String column) {
        Aggregate a = Aggregate.parse(column);
        if (a == null) {
            return Resample.aggregation(column);
        }
        Agg agg = a.onTimeframe();
        if (agg == null) {
            String why = a.type() == SourceType.BARS
                    ? "would mix in values carried over " + a.symbol() + "'s missing bars; only " + a.symbol()
                            + ".close composes with a timeframe (the latest " + a.symbol() + " close in the period)"
                    : "does not compose with a timeframe (the period's value is not a combination of its bars' values); "
                            + "on a timeframe use count, sum(field) or an order-book value";
            throw binding(f.src(), column + "@" + f.timeframe() + " " + why, null);
        }
        return agg;
    }

    private PlanGraph innerPlan(Expr inner) {
        Planner sub = new Planner(registry, zone, true);
        int[] root = sub.root(inner, source);
        return new PlanGraph(sub, Map.of(PlanGraph.VALUE, root), Map.of(PlanGraph.VALUE, Printer.print(inner)));
    }

    /** {@code root} with the names in {@code rename} replaced, each distinct object once ({@link #foldOnce}). */
    private static Expr renamed(Expr root, Map<String, String> rename) {
        return foldOnce(root, e -> switch (e) {
            case Expr.Call c -> c.args().stream().map(Arg::value).toList();
            case Expr.Output o -> List.of(o.of());
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            default -> List.of();
        }, (e, done) -> switch (e) {
            case Expr.Name n -> rename.containsKey(n.name()) ? new Expr.Name(rename.get(n.name()), n.span()) : n;
            case Expr.Call c -> {
                List<Arg> args = new ArrayList<>(c.args().size());
                for (Arg a : c.args()) {
                    Expr v = done.get(a.value());
                    args.add(a.isKeyword() ? Arg.named(a.name(), v) : Arg.of(v));
                }
                yield new Expr.Call(c.kernel(), args, c.span());
            }
            case Expr.Output o -> new Expr.Output(done.get(o.of()), o.name(), o.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), done.get(u.operand()), u.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), done.get(b.left()), done.get(b.right()), b.span());
            default -> e;
        });
    }

    // ---- operators: type-check first, then fold constants

    private Bound unary(Expr.Unary u, Bound a) {
        if (u.op() == Op.NOT) {
            requireCondition(a, "not");
        }
        ValueType result = u.op() == Op.NOT ? ValueType.CONDITION : ValueType.NUMBER;
        if (a instanceof Framed f) {
            return new Framed(f.timeframe(), new Expr.Unary(u.op(), f.inner(), u.span()), f.bindings(), u, result);
        }
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
        Timeframe tf = commonFrame(List.of(l, r));
        if (tf != null) {
            Map<String, Binding> bindings = new LinkedHashMap<>();
            Expr left = framedExpr(l, bindings);
            Expr right = framedExpr(r, bindings);
            return new Framed(tf, new Expr.Binary(b.op(), left, right, b.span()), bindings, b, result);
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
            case TimedP t -> new Node.Timed(id, t.spec(), in, base);
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
