package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.ta.error.TaException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The lookback formulas the manifest publishes for other languages are the kernels' real lookbacks: every formula,
 * kernel-level and per-output, is parsed and evaluated here by an evaluator written from the grammar in
 * docs/kernel-guide.md (not the processor's code), over a grid of parameter values, and compared with
 * {@link KernelDescriptor#lookback(ParamValues, int)}, which calls the kernel's own {@code lookback} method.
 */
class LookbackFormulaTest {
    private static final int[] INTS = {1, 2, 3, 4, 5, 7, 9, 14, 20, 26, 30, 50, 100};
    private static final int RANDOM_COMBINATIONS = 40;

    @Test
    void everyStandardKernelPublishesAFormula() throws Exception {
        Map<String, JsonObject> manifest = ManifestContractTest.manifest();
        List<String> missing = new ArrayList<>();
        for (KernelDescriptor d : Registry.standard().kernels()) {
            if (manifest.get(d.name()).get("lookback").getAsString().isEmpty()) {
                missing.add(d.name());
            }
        }
        assertEquals(List.of(), missing, "kernels whose lookback is outside the published formula grammar");
    }

    @TestFactory
    Stream<DynamicTest> formulasAgreeWithTheKernelsLookback() throws Exception {
        Map<String, JsonObject> manifest = ManifestContractTest.manifest();
        return Registry.standard().kernels().stream().map(d -> dynamicTest(d.name(), () -> {
            JsonObject o = manifest.get(d.name());
            assertNotNull(o);
            List<String> formulas = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("outputs")) {
                JsonElement own = e.getAsJsonObject().get("lookback");
                formulas.add(own == null ? o.get("lookback").getAsString() : own.getAsString());
            }
            int checked = 0;
            for (Map<String, Object> values : grid(d)) {
                ParamValues p;
                try {
                    p = ParamValues.of(d, values);
                    d.newStream(p); // the constructor checks ranges and @Require: skip combinations it refuses
                } catch (TaException refused) {
                    continue;
                }
                for (int i = 0; i < formulas.size(); i++) {
                    int output = i;
                    long expected = d.lookback(p, output);
                    Object actual = new Evaluator(formulas.get(output), p.asMap()).evaluate();
                    assertEquals(expected, ((Number) actual).longValue(),
                            () -> d.name() + " output " + d.outputs().get(output).name() + " with " + values + ": " + formulas.get(output));
                    assertFalse(actual instanceof Double, "a lookback formula evaluates to an integer");
                }
                checked++;
            }
            assertTrue(checked > 0, "no valid parameter combination tried for " + d.name());
        }));
    }

    /** Defaults, each parameter swept alone over its candidates, then seeded random combinations. */
    private static List<Map<String, Object>> grid(KernelDescriptor d) {
        List<List<Object>> candidates = new ArrayList<>();
        Map<String, Object> base = new LinkedHashMap<>();
        for (ParamSpec s : d.params()) {
            List<Object> c = candidates(s);
            candidates.add(c);
            base.put(s.name(), s.defaultObject() != null ? s.defaultObject() : c.get(0));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(base);
        for (int i = 0; i < d.params().size(); i++) {
            for (Object v : candidates.get(i)) {
                Map<String, Object> m = new LinkedHashMap<>(base);
                m.put(d.params().get(i).name(), v);
                out.add(m);
            }
        }
        Random random = new Random(d.name().hashCode());
        for (int n = 0; n < RANDOM_COMBINATIONS && !d.params().isEmpty(); n++) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < d.params().size(); i++) {
                List<Object> c = candidates.get(i);
                m.put(d.params().get(i).name(), c.get(random.nextInt(c.size())));
            }
            out.add(m);
        }
        return out;
    }

    private static List<Object> candidates(ParamSpec s) {
        List<Object> out = new ArrayList<>();
        switch (s.type()) {
            case INT -> {
                for (int v : INTS) {
                    if (inRange(s, v)) {
                        out.add(v);
                    }
                }
                if (Double.isFinite(s.min()) && inRange(s, s.min())) {
                    out.add((int) s.min());
                }
                if (Double.isFinite(s.max()) && s.max() < 1000 && inRange(s, s.max())) {
                    out.add((int) s.max());
                }
            }
            case REAL -> {
                for (double v : new double[] {0.5, 1.0, 2.0}) {
                    if (inRange(s, v)) {
                        out.add(v);
                    }
                }
            }
            case BOOL -> out.addAll(List.of(false, true));
            case CHOICE -> out.addAll(s.choices());
        }
        if (s.defaultObject() != null) {
            out.add(s.defaultObject());
        }
        assertFalse(out.isEmpty(), "no candidate value for " + s.name());
        return out;
    }

    private static boolean inRange(ParamSpec s, double v) {
        return (s.minExclusive() ? v > s.min() : v >= s.min()) && (s.maxExclusive() ? v < s.max() : v <= s.max());
    }

    /**
     * The published grammar, evaluated with Java's int arithmetic ({@code /} truncates): {@code c ? a : b},
     * {@code || && == != < <= > >= + - * /}, unary minus, integers, parameter names, {@code 'choice'} literals and
     * {@code max min sqrt floor}.
     */
    static final class Evaluator {
        private final String text;
        private final Map<String, Object> values;
        private int at;

        Evaluator(String text, Map<String, Object> values) {
            this.text = text;
            this.values = new HashMap<>(values);
        }

        Object evaluate() {
            Object v = conditional();
            skip();
            if (at != text.length()) {
                throw new AssertionError("trailing text at " + at + " in " + text);
            }
            return v;
        }

        private Object conditional() {
            Object test = or();
            if (!eat("?")) {
                return test;
            }
            Object then = conditional();
            expect(":");
            Object otherwise = conditional();
            return (Boolean) test ? then : otherwise;
        }

        private Object or() {
            Object v = and();
            while (eat("||")) {
                boolean right = (Boolean) and();
                v = (Boolean) v || right;
            }
            return v;
        }

        private Object and() {
            Object v = equality();
            while (eat("&&")) {
                boolean right = (Boolean) equality();
                v = (Boolean) v && right;
            }
            return v;
        }

        private Object equality() {
            Object v = relation();
            while (true) {
                if (eat("==")) {
                    v = same(v, relation());
                } else if (eat("!=")) {
                    v = !same(v, relation());
                } else {
                    return v;
                }
            }
        }

        private static boolean same(Object a, Object b) {
            return a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue() : a.equals(b);
        }

        private Object relation() {
            Object v = sum();
            if (eat("<=")) {
                return real(v) <= real(sum());
            } else if (eat(">=")) {
                return real(v) >= real(sum());
            } else if (eat("<")) {
                return real(v) < real(sum());
            } else if (eat(">")) {
                return real(v) > real(sum());
            }
            return v;
        }

        private Object sum() {
            Object v = product();
            while (true) {
                if (eat("+")) {
                    v = arithmetic('+', v, product());
                } else if (peekMinus()) {
                    at++;
                    v = arithmetic('-', v, product());
                } else {
                    return v;
                }
            }
        }

        private boolean peekMinus() {
            skip();
            return at < text.length() && text.charAt(at) == '-';
        }

        private Object product() {
            Object v = unary();
            while (true) {
                if (eat("*")) {
                    v = arithmetic('*', v, unary());
                } else if (eat("/")) {
                    v = arithmetic('/', v, unary());
                } else {
                    return v;
                }
            }
        }

        private Object unary() {
            if (eat("-")) {
                Object v = unary();
                return v instanceof Long l ? (Object) (-l) : (Object) (-real(v));
            }
            return atom();
        }

        private Object atom() {
            skip();
            if (eat("(")) {
                Object v = conditional();
                expect(")");
                return v;
            }
            char c = text.charAt(at);
            if (c == '\'') {
                int end = text.indexOf('\'', at + 1);
                String choice = text.substring(at + 1, end);
                at = end + 1;
                return choice;
            }
            int start = at;
            if (Character.isDigit(c)) {
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
                return Long.parseLong(text.substring(start, at));
            }
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String name = text.substring(start, at);
            if (name.isEmpty()) {
                throw new AssertionError("unexpected '" + c + "' at " + at + " in " + text);
            }
            if (eat("(")) {
                List<Object> args = new ArrayList<>();
                do {
                    args.add(conditional());
                } while (eat(","));
                expect(")");
                return call(name, args);
            }
            Object v = values.get(name);
            if (v == null) {
                throw new AssertionError("unknown name '" + name + "' in " + text);
            }
            return v instanceof Integer i ? (Object) i.longValue() : v;
        }

        private Object call(String name, List<Object> args) {
            return switch (name) {
                case "max" -> args.get(0) instanceof Long a && args.get(1) instanceof Long b
                        ? (Object) Math.max(a, b) : (Object) Math.max(real(args.get(0)), real(args.get(1)));
                case "min" -> args.get(0) instanceof Long a && args.get(1) instanceof Long b
                        ? (Object) Math.min(a, b) : (Object) Math.min(real(args.get(0)), real(args.get(1)));
                case "sqrt" -> Math.sqrt(real(args.get(0)));
                case "floor" -> (long) Math.floor(real(args.get(0)));
                default -> throw new AssertionError("unknown function '" + name + "' in " + text);
            };
        }

        private static Object arithmetic(char op, Object a, Object b) {
            if (a instanceof Long x && b instanceof Long y) {
                return switch (op) {
                    case '+' -> x + y;
                    case '-' -> x - y;
                    case '*' -> x * y;
                    default -> x / y;
                };
            }
            double x = real(a);
            double y = real(b);
            return switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            };
        }

        private static double real(Object v) {
            return ((Number) v).doubleValue();
        }

        private boolean eat(String token) {
            skip();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw new AssertionError("expected '" + token + "' at " + at + " in " + text);
            }
        }

        private void skip() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
    }
}
