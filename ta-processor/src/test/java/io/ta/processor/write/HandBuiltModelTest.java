package io.ta.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Scale;
import io.ta.processor.model.ChartModel;
import io.ta.processor.model.FieldModel;
import io.ta.processor.model.GeneratedMembers;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.RangeModel;
import io.ta.processor.model.RequireModel;
import io.ta.spi.ParamType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The writers on a {@link KernelModel} built by hand, without javac or a kernel source: what each writer makes of a
 * model's parts (parameter kinds and order, outputs, scales, state field kinds, requires). Assertions name structure
 * and key lines, not whole files, so a change of generated type names does not touch them; the compile-testing
 * goldens in {@code GeneratedSourceTest} pin whole files.
 */
class HandBuiltModelTest {
    private static final ClassName KERNEL = ClassName.get("hand.made", "Channel");
    private static final ClassName MODE = ClassName.get("hand.made", "Channel", "Mode");
    private static final ClassName INNER = ClassName.get("hand.made", "Inner");
    private static final ClassName PART = ClassName.get("io.ta.state", "DoubleRing");
    private static final ClassName PART_MARK = ClassName.get("io.ta.state", "DoubleRing", "Mark");

    static KernelModel channel() {
        List<ParamModel> params = List.of(
                new ParamModel("period", "period", ParamType.INT, TypeName.INT, "20", 2, 500, false, false, List.of(),
                        List.of(), "window", Scale.UNITLESS),
                new ParamModel("width", "width", ParamType.REAL, TypeName.DOUBLE, "2.0", 0, Double.POSITIVE_INFINITY, true,
                        false, List.of(), List.of(), "", Scale.PRICE),
                new ParamModel("mode", "mode", ParamType.CHOICE, MODE, "slow", Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, false, false, List.of("fast", "slow"), List.of("FAST", "SLOW"), "", Scale.UNITLESS),
                new ParamModel("signal_period", "signalPeriod", ParamType.INT, TypeName.INT, null, 1, 100, false, false,
                        List.of(), List.of(), "", Scale.UNITLESS),
                new ParamModel("centered", "centered", ParamType.BOOL, TypeName.BOOLEAN, "false", Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, false, false, List.of(), List.of(), "", Scale.UNITLESS));
        List<InputModel> inputs = List.of(new InputModel("high", "high"), new InputModel("volume", "volume"));
        List<OutputModel> outputs = List.of(
                new OutputModel("upper", "upper", "top line", Scale.PRICE),
                new OutputModel("position", "position", "", "positionLookback", List.of("period"), "period", Scale.UNITLESS));
        List<FieldModel> fields = List.of(
                new FieldModel("period", FieldModel.Kind.SCALAR, TypeName.INT, true, "int", null, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false),
                new FieldModel("count", FieldModel.Kind.SCALAR, TypeName.LONG, false, "long", null, FieldModel.Presence.ALWAYS,
                        new RangeModel("0", null, false), Complexity.CONSTANT, null, false),
                new FieldModel("weights", FieldModel.Kind.DERIVED, TypeName.get(double[].class), true, "double", null, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false),
                new FieldModel("recent", FieldModel.Kind.ARRAY, TypeName.get(double[].class), true, "double", null, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false),
                new FieldModel("inner", FieldModel.Kind.NESTED, INNER, true, "", null, FieldModel.Presence.NULLABLE, null, Complexity.CONSTANT, null, false),
                new FieldModel("ring", FieldModel.Kind.PART, PART, true, "", PART_MARK, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false),
                new FieldModel("upper", FieldModel.Kind.SCALAR, TypeName.DOUBLE, false, "double", null, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false),
                new FieldModel("position", FieldModel.Kind.SCALAR, TypeName.DOUBLE, false, "double", null, FieldModel.Presence.ALWAYS, null, Complexity.CONSTANT, null, false));
        return new KernelModel(KERNEL, "channel", List.of("chan"), List.of(), Family.VOLATILITY, OutputKind.LEVEL,
                new ChartModel(false, List.of("AUTO", "AUTO"), List.of("AUTO", "AUTO"), List.of(), Double.NaN, Double.NaN),
                "A hand-made channel.", "none", "max(period, signal_period) - 1", List.of("period", "signalPeriod"),
                params, inputs, outputs, true, "step", fields,
                List.of(new RequireModel("signal_period", "signalPeriod", "LT", "period", "period")),
                0x1234L, List.of(), Complexity.CONSTANT, Complexity.LOGARITHMIC, Complexity.CONSTANT, false);
    }

    @Test
    void manifestEntryCarriesTheModelInCatalogTerms() {
        String json = new ManifestWriter().write(List.of(channel()));
        assertTrue(json.contains("\"name\": \"channel\""), json);
        assertTrue(json.contains("\"family\": \"volatility\""), json);
        assertTrue(json.contains("\"kind\": \"level\""), json);
        assertTrue(json.contains("\"lookback\": \"max(period, signal_period) - 1\""), json);
        assertTrue(json.contains("\"lookback\": \"period\""), "the per-output formula: " + json);
        assertTrue(json.contains("\"memory\": \"" + Complexity.LOGARITHMIC.notation() + "\""), json);
        assertInOrder(json, "\"type\": \"int\"", "\"type\": \"real\"", "\"type\": \"choice\"", "\"type\": \"int\"", "\"type\": \"bool\"");
        assertInOrder(json, "\"name\": \"period\"", "\"name\": \"width\"", "\"name\": \"mode\"", "\"name\": \"signal_period\"",
                "\"name\": \"centered\"");
        assertTrue(json.contains("\"choices\": [\"fast\", \"slow\"]"), json);
        assertTrue(json.contains("\"high\": \"price\"") && json.contains("\"volume\": \"volume\""), "input scales: " + json);
        assertTrue(json.contains("\"default\": null"), "a required parameter has no default: " + json);
    }

    @Test
    void descriptorListsEveryParameterInOrderWithItsTypeAndUnpacksItOnceByIndex() {
        KernelModel m = channel();
        String src = new DescriptorWriter().write(m, List.of()).toString();
        assertTrue(src.contains("class " + m.descriptorType().simpleName()), src);
        assertInOrder(src, "new ParamSpec(\"period\", ParamType.INT, \"20\", 2.0, 500.0, false, false",
                "new ParamSpec(\"width\", ParamType.REAL, \"2.0\", 0.0, Double.POSITIVE_INFINITY, true, false",
                "new ParamSpec(\"mode\", ParamType.CHOICE, \"slow\"",
                "new ParamSpec(\"signal_period\", ParamType.INT, null",
                "new ParamSpec(\"centered\", ParamType.BOOL, \"false\"");
        assertTrue(src.contains("List.of(\"fast\", \"slow\")"), src);
        assertTrue(src.contains("Scale.PRICE)"), "width is quoted in prices: " + src);
        assertInOrder(src, "final int period;", "final double width;", "final Channel.Mode mode;", "final int signalPeriod;",
                "final boolean centered;");
        for (String unpack : List.of("this.period = p.intValue(0);", "this.width = p.realValue(1);",
                "this.mode = Checks.choice(Channel.Mode.class, p.choice(2));", "this.signalPeriod = p.intValue(3);",
                "this.centered = p.boolValue(4);")) {
            assertEquals(1, occurrences(src, unpack), "each parameter is unpacked in one place: " + unpack + " in\n" + src);
        }
        assertEquals(1, occurrences(src, "Checks.params(\"channel\", 5, p);"), "and checked to be this kernel's once: " + src);
        // lookback, the per-output lookback, the instance's cost, newStream and batch all read the one unpacking.
        assertEquals(5, occurrences(src, "Args a = new Args(p);"), src);
        assertTrue(src.contains("return Channel.positionLookback(a.period);"), "a per-output lookback reads it too: " + src);
        assertTrue(src.contains("return new ChannelStream(a.period, a.width, a.mode, a.signalPeriod, a.centered);"), src);
        assertTrue(src.contains("return \"max(period, signal_period) - 1\";"), src);
        assertTrue(src.contains("Family.VOLATILITY"), src);
        assertTrue(src.contains("Complexity.LOGARITHMIC"), src);
    }

    @Test
    void anInstanceCostsWhatItHoldsANestedKernelAskedOnlyWhenPresent() {
        String src = new DescriptorWriter().write(channel(), List.of()).toString();
        assertTrue(src.contains("return timeCostOf(new Channel(a.period, a.width, a.mode, a.signalPeriod, a.centered));"),
                "the cost with given parameters is the cost of the kernel they build: " + src);
        assertInOrder(src, "public static Complexity timeCostOf(Channel k)", "Complexity c = Complexity.CONSTANT;",
                "if (k.inner != null)", "c = c.max(Inner_Descriptor.timeCostOf(k.inner));", "return c;");
        String leaf = new DescriptorWriter().write(withoutNested(), List.of()).toString();
        assertTrue(leaf.contains("return Complexity.CONSTANT;"), "without a nested kernel, every instance costs the same: " + leaf);
        assertFalse(leaf.contains("timeCost(ParamValues p)"), "and the descriptor keeps the default: " + leaf);
    }

    /** The channel without its nested kernel. */
    private static KernelModel withoutNested() {
        KernelModel c = channel();
        return new KernelModel(c.kernel(), c.name(), c.aliases(), c.selectors(), c.family(), c.kind(), c.chart(), c.summary(),
                c.reference(), c.lookbackFormula(), c.lookbackArgs(), c.params(), c.inputs(), c.outputs(), c.multiOutput(),
                c.stepMethod(), c.fields().stream().filter(f -> f.kind() != FieldModel.Kind.NESTED).toList(), c.requires(),
                c.schema(), c.invariants(), c.timeCost(), c.memoryCost(), c.stepCost(), c.scalarState());
    }

    @Test
    void stateCompanionHandlesEachFieldKindItsOwnWay() {
        KernelModel m = channel();
        String src = new StateCompanionWriter().write(m, List.of()).toString();
        String nested = KernelModel.stateTypeOf(INNER).simpleName();
        assertTrue(src.contains("public static final long SCHEMA = 0x1234L;") || src.contains("SCHEMA = 0x0000000000001234L"),
                "the schema hash: " + src);
        assertTrue(src.contains("private final " + nested + " inner;"), "a nested kernel keeps its own companion: " + src);
        assertTrue(src.contains("k.inner == null ? null : new " + nested + "(k.inner)"), "a nullable nested kernel: " + src);
        assertTrue(src.contains("System.arraycopy(k.recent, 0, this.recent, 0, this.recent.length);"), "an array is copied: " + src);
        assertTrue(!Pattern.compile("\\bthis\\.weights\\b").matcher(src).find(), "a derived array is never checkpointed: " + src);
        assertTrue(!Pattern.compile("this\\.period = k\\.period").matcher(src).find(), "a final scalar is not checkpointed: " + src);
        assertTrue(src.contains("this.count = k.count;") && src.contains("k.count = this.count;"), src);
        assertTrue(src.contains("DoubleRing.Mark"), "a part checkpoints through its mark: " + src);
        assertTrue(src.contains("w.putLong(k.count);"), src);
    }

    /**
     * A kernel whose state is scalars has its long ranges stepped on a copy made in {@code updateRange}, and its short
     * ones on the stream's own kernel; any other kernel always on its own (building it allocates windows).
     */
    @Test
    void aKernelOfScalarsStepsLongRangesOnALocalCopy() {
        KernelModel c = channel();
        KernelModel scalars = new KernelModel(c.kernel(), c.name(), c.aliases(), c.selectors(), c.family(), c.kind(),
                c.chart(), c.summary(), c.reference(), c.lookbackFormula(), c.lookbackArgs(), c.params(), c.inputs(),
                c.outputs(), c.multiOutput(), c.stepMethod(), c.fields(), c.requires(), c.schema(), c.invariants(),
                c.timeCost(), c.memoryCost(), c.stepCost(), true);
        String local = new StreamWriter().write(scalars, List.of()).toString();
        String copy = "Channel k = new Channel(this.period, this.width, this.mode, this.signalPeriod, this.centered);";
        assertTrue(local.contains("if (to - from >= 32) {") && local.contains(copy), local);
        assertInOrder(local, copy, "probe.save(this.k);", "probe.restore(k);", "for (int i = from; i < to - 1; i++)",
                "last.save(k);", "for (int i = to - 1; i < to; i++)", "probe.save(k);", "probe.restore(this.k);",
                "} else {", "Channel k = this.k;", "Channel_Descriptor.loop(k,");
        String own = new StreamWriter().write(c, List.of()).toString();
        assertFalse(own.contains("Channel k = new Channel("), "a kernel with windows is never copied: " + own);
    }

    /** The channel reduced to one output, {@code value}, which its step returns. */
    static KernelModel singleOutput() {
        KernelModel c = channel();
        return new KernelModel(c.kernel(), c.name(), c.aliases(), c.selectors(), c.family(), c.kind(), c.chart(), c.summary(),
                c.reference(), c.lookbackFormula(), c.lookbackArgs(), c.params(), c.inputs(),
                List.of(new OutputModel("value", "value", "", Scale.PRICE)), false, c.stepMethod(), c.fields(), c.requires(),
                c.schema(), c.invariants(), c.timeCost(), c.memoryCost(), c.stepCost(), c.scalarState());
    }

    @Test
    void everyStreamMemberTheKernelDidNotNameIsReserved() {
        for (KernelModel m : List.of(channel(), singleOutput())) {
            TypeSpec stream = new StreamWriter().write(m, List.of()).typeSpec();
            Set<String> params = m.params().stream().map(ParamModel::javaName).collect(Collectors.toSet());
            Set<String> accessors = m.multiOutput()
                    ? m.outputs().stream().map(OutputModel::javaName).collect(Collectors.toSet())
                    : Set.of();
            Set<String> reservedMethods = GeneratedMembers.streamMethodNames();
            Set<String> fields = new TreeSet<>();
            for (FieldSpec f : stream.fieldSpecs()) {
                fields.add(f.name());
                if (!params.contains(f.name())) {
                    assertTrue(GeneratedMembers.isStreamField(f.name()),
                            "field '" + f.name() + "' of " + stream.name() + " is not a field GeneratedMembers reserves");
                }
            }
            assertTrue(fields.containsAll(params), "each parameter is a field: " + fields);
            Set<String> methods = new TreeSet<>();
            for (MethodSpec method : stream.methodSpecs()) {
                if (method.isConstructor()) {
                    continue;
                }
                methods.add(method.name());
                if (!accessors.contains(method.name())) {
                    assertTrue(reservedMethods.contains(method.name()),
                            "method '" + method.name() + "' of " + stream.name() + " is not in GeneratedMembers' reserved methods");
                }
            }
            assertTrue(methods.containsAll(accessors), "each output has an accessor: " + methods);
            // The reverse: a name reserved for the writer that it no longer emits would refuse kernels for nothing.
            Set<String> emitted = new TreeSet<>(fields);
            emitted.addAll(methods);
            for (String own : GeneratedMembers.STREAM_FIELDS) {
                assertTrue(fields.contains(own), "reserved field '" + own + "' is emitted: " + fields);
            }
            assertTrue(emitted.contains(m.multiOutput() ? GeneratedMembers.CAPTURE_METHOD : GeneratedMembers.VALUE_METHOD), methods::toString);
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /**
     * A stream's constructor said only "A fresh stream." and the facade's channelStream "A new incremental channel":
     * the javadoc a user reads for a stream gave no parameter, range or default, which the batch methods did.
     */
    @Test
    void everyMethodTakingTheParametersDocumentsTheirRangesAndDefaults() {
        KernelModel m = channel();
        String stream = new StreamWriter().write(m, List.of()).toString();
        String facade = new FacadeWriter().write(ClassName.get("hand.made", "Hand"), List.of(m), List.of()).toString();
        String fluent = new FluentWriter().write(ClassName.get("hand.made", "HandExpr"), List.of(m), List.of()).toString();
        List<String> lines = List.of("@param period {@code period}, window; [2, 500]; default 20",
                "@param width {@code width}; &gt; 0; default 2.0", "@param mode {@code mode}; one of fast, slow; default slow",
                "@param signalPeriod {@code signal_period}; [1, 100]\n", "@param centered {@code centered}; true or false; default false");
        for (String line : lines) {
            assertEquals(1, occurrences(stream, line), "the stream's constructor: " + line + " in\n" + stream);
            assertEquals(3, occurrences(facade, line), "both batches and the stream factory: " + line + " in\n" + facade);
            assertEquals(1, occurrences(fluent, line), "the fluent builder's method: " + line + " in\n" + fluent);
        }
        assertTrue(facade.contains("@param outUpper receives output {@code upper}; must have"), facade);
        assertTrue(facade.contains("@param outPosition receives output {@code position}; must have"), facade);
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String p : parts) {
            Matcher m = Pattern.compile(Pattern.quote(p)).matcher(text);
            assertTrue(m.find(at), () -> "'" + p + "' after index of the previous part in:\n" + text);
            at = m.end();
        }
    }
}
