package io.ta.runtime.plan;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.expr.Expr;
import io.ta.expr.Expr.Arg;
import io.ta.expr.Printer;
import io.ta.runtime.Bars;
import io.ta.runtime.dsl.BindingException;
import io.ta.runtime.dsl.TypeCheckException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.Names;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamType;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Matches the arguments of one kernel call to the kernel's inputs and parameters. It knows the rules of a call and
 * nothing of planning: the planner hands it each argument's {@link Shape} and gets back, per input name, the argument
 * that feeds it (or the bar field or {@code close} it defaults to), and the validated parameter values.
 *
 * <p>Positional arguments fill first, in order: a series goes to the next free input, a literal to the next free
 * parameter — or to an input when no parameter is left ({@code crossup(rsi(close, 14), 70)}). Keyword arguments then
 * fill by name; one naming a slot a positional already filled is "given twice". A generic input {@code x} nobody
 * gave is {@code close}; a bar-field input nobody gave is that field.
 *
 * @param <B> the planner's value of one argument
 */
final class ArgumentBinder<B> {

    /** What the binder needs to know of one argument. */
    sealed interface Shape permits Number, Word, Text, Series {}

    /** A constant; {@code condition} when it is {@code true}/{@code false} or a folded comparison. */
    record Number(double value, boolean condition) implements Shape {}

    /** A bare name: a series (a column or derived price) or the value of a choice parameter. */
    record Word(String name) implements Shape {}

    /** Text: only the value of a choice parameter. */
    record Text(String value) implements Shape {}

    /** Anything that is a series only. */
    record Series() implements Shape {}

    /**
     * The outcome of binding one call.
     *
     * @param inputs every input of the kernel in declared order, with the argument (or default) feeding it
     * @param values the validated parameter values
     */
    record Bound<B>(Map<String, B> inputs, ParamValues values) {}

    private final String source;
    private final Function<B, Shape> shape;
    private final Function<B, Expr> src;
    private final Function<Expr, Function<String, B>> word;

    /**
     * @param source the DSL text errors point into, or null for a fluent expression
     * @param shape  what each argument is
     * @param src    where each argument came from, to locate errors
     * @param word   the value of a bare name at a call site ({@code word.apply(call).apply("close")}), for defaults
     */
    ArgumentBinder(String source, Function<B, Shape> shape, Function<B, Expr> src, Function<Expr, Function<String, B>> word) {
        this.source = source;
        this.shape = shape;
        this.src = src;
        this.word = word;
    }

    /** Binds {@code args} (one per argument of {@code c}, in order) to the inputs and parameters of {@code d}. */
    Bound<B> bind(Expr.Call c, KernelDescriptor d, List<B> args) {
        List<String> inputNames = d.inputs();
        List<String> generic = inputNames.stream().filter(n -> !Bars.FIELDS.contains(n)).toList();
        Map<String, B> inputs = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, B> given = new HashMap<>();

        List<ParamSpec> freeParams = new ArrayList<>(d.params());
        List<String> freeInputs = new ArrayList<>(generic);
        inputNames.stream().filter(Bars.FIELDS::contains).forEach(freeInputs::add);
        int genericLeft = generic.size();
        for (int i = 0; i < args.size(); i++) {
            if (c.args().get(i).isKeyword()) {
                continue;
            }
            B b = args.get(i);
            Shape s = shape.apply(b);
            boolean literal = s instanceof Number || s instanceof Text || choiceWord(s, genericLeft, freeParams);
            boolean toInput = !freeInputs.isEmpty() && (!literal || (freeParams.isEmpty() && genericLeft > 0));
            if (!literal && freeInputs.isEmpty()) {
                throw type(src.apply(b), d.name() + " takes no further series input here; parameters must be numbers"
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
                throw binding(src.apply(b), d.name() + " takes " + inputNames.size() + " input(s) (" + String.join(", ", inputNames)
                        + ") and " + d.params().size() + " parameter(s); this argument is one too many", null);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            Arg a = c.args().get(i);
            if (!a.isKeyword()) {
                continue;
            }
            B b = args.get(i);
            ParamSpec spec = d.params().stream().filter(p -> p.name().equals(a.name())).findFirst().orElse(null);
            if (!inputNames.contains(a.name()) && spec == null) {
                List<String> known = new ArrayList<>(inputNames);
                d.params().forEach(p -> known.add(p.name()));
                String near = Names.closest(a.name(), known);
                throw binding(src.apply(b), d.name() + " has no argument '" + a.name() + "'" + Names.hint(near)
                        + "; inputs: " + String.join(", ", inputNames)
                        + (d.params().isEmpty() ? "; no parameters" : "; parameters: "
                                + String.join(", ", d.params().stream().map(ParamSpec::name).toList())),
                        new UnknownNameException("argument", a.name(), near, d.name() + " has no argument " + a.name()));
            }
            B first = given.put(a.name(), b);
            if (first != null) {
                throw binding(src.apply(b), "argument '" + a.name() + "' of " + d.name() + " is given twice: "
                        + Printer.print(src.apply(first), 60) + " and " + a.name() + "=" + Printer.print(src.apply(b), 60), null);
            }
            if (spec != null) {
                params.put(a.name(), literal(d, spec, b));
            } else {
                inputs.put(a.name(), b);
            }
        }
        for (String in : generic) {
            if (!inputs.containsKey(in) && !in.equals("x")) {
                throw binding(c, d.name() + " needs input '" + in + "' (inputs: " + String.join(", ", inputNames) + ")", null);
            }
        }
        ParamValues values;
        try {
            values = ParamValues.of(d, params);
            d.lookback(values); // validates ranges and cross-parameter rules
        } catch (InvalidParameterException | UnknownNameException e) {
            Expr culprit = c;
            if (e instanceof InvalidParameterException ip && !ip.parameters().isEmpty() && given.containsKey(ip.parameters().get(0))) {
                culprit = src.apply(given.get(ip.parameters().get(0)));
            } else if (e instanceof UnknownNameException un && un.what().equals("choice")) {
                // a choice no value spells names no parameter: point at the argument that gave it, as for a range
                for (ParamSpec spec : d.params()) {
                    if (spec.type() == ParamType.CHOICE && un.name().equals(params.get(spec.name()))
                            && given.containsKey(spec.name())) {
                        culprit = src.apply(given.get(spec.name()));
                        break;
                    }
                }
            }
            throw binding(culprit, e.getMessage(), e);
        }
        Map<String, B> ordered = new LinkedHashMap<>();
        Function<String, B> defaults = word.apply(c);
        for (String in : inputNames) {
            B b = inputs.get(in);
            ordered.put(in, b != null ? b : defaults.apply(in.equals("x") ? "close" : in));
        }
        return new Bound<>(ordered, values);
    }

    /**
     * Whether a positional bare name is the value of the next free parameter rather than a series: only once every
     * generic input is filled, and only if that parameter is a choice the name spells ({@code ma(close, 30, EMA)} as
     * {@code ma(close, 30, 'ema')}); so in {@code ma(ema, 30)} the name is still the series argument.
     */
    private static boolean choiceWord(Shape s, int genericLeft, List<ParamSpec> freeParams) {
        if (!(s instanceof Word w) || genericLeft > 0 || freeParams.isEmpty() || freeParams.get(0).type() != ParamType.CHOICE) {
            return false;
        }
        return freeParams.get(0).choices().stream().anyMatch(c -> c.equalsIgnoreCase(w.name()));
    }

    /** A parameter's value from a constant, a bare name or text. */
    private Object literal(KernelDescriptor d, ParamSpec spec, B b) {
        Expr e = src.apply(b);
        Shape s = shape.apply(b);
        if (spec.type() == ParamType.CHOICE) {
            if (s instanceof Word w) {
                return w.name();
            }
            if (s instanceof Text t) {
                return t.value();
            }
            throw type(e, d.name() + ": " + spec.name() + " must be " + spec.rangeText() + ", found " + Printer.print(e, 60));
        }
        if (spec.type() == ParamType.BOOL) {
            if (s instanceof Number k && k.condition()) {
                // A condition folded to NaN (0 / 0 > 1) is neither true nor false; NaN != 0 would read it as true.
                if (Double.isNaN(k.value())) {
                    String must = d.name() + ": " + spec.name() + " must be true or false";
                    throw binding(e, must + ", but " + Printer.print(e, 60) + " is undefined (a comparison with a"
                            + " missing value)", new InvalidParameterException(d.name(), List.of(spec.name()),
                                    "true or false", must + ", got an undefined condition"));
                }
                return k.value() != 0.0;
            }
            throw type(e, d.name() + ": " + spec.name() + " must be true or false, found " + Printer.print(e, 60));
        }
        if (s instanceof Number k && !k.condition()) {
            return k.value();
        }
        throw type(e, d.name() + ": parameter " + spec.name() + " must be a number (" + spec.rangeText() + "), found "
                + Printer.print(e, 60));
    }

    private int at(Expr e) {
        return source == null || e == null || e.span() == null ? -1 : e.span().start();
    }

    private TypeCheckException type(Expr e, String reason) {
        return new TypeCheckException(reason, source, at(e));
    }

    private BindingException binding(Expr e, String reason, Throwable cause) {
        return new BindingException(reason, source, at(e), cause);
    }
}
