package io.ta.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.SelectorModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Name_Descriptor}: the kernel's metadata and factories, listed by its library's provider, and (through
 * {@link InternalsWriter}) the generated internals the facade, the stream and fused plans call.
 */
public final class DescriptorWriter {
    public JavaFile write(KernelModel m, List<? extends Element> origins) {
        ClassName self = m.descriptorType();
        TypeSpec.Builder t = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Types.DESCRIPTOR)
                .addJavadoc("Registry descriptor of {@code $L}: $L\n\n", m.name(), Javadoc.text(m.summary()))
                .addJavadoc("<p>Generated internals, for generated and runtime code only (a generated name with {@code _} is\n")
                .addJavadoc("not API): users reach this kernel through {@link $T} and the library facade, and its\n", m.streamType())
                .addJavadoc("descriptor through the registry. Its static members are the batch loop and the entry points of\n")
                .addJavadoc("fused plans.\n\n@hidden\n");

        t.addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The one instance, listed by the library's provider.\n")
                .initializer("new $T()", self).build());
        t.addField(FieldSpec.builder(listOf(Types.PARAM_SPEC), "PARAMS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(linePerItem(params(m))).build());
        t.addField(list(ClassName.get(String.class), "INPUTS", strings(m.inputs().stream().map(i -> i.name()).toList())));
        List<CodeBlock> outs = new ArrayList<>();
        for (OutputModel o : m.outputs()) {
            outs.add(CodeBlock.of("new $T($S, $S, $T.$L)", Types.OUTPUT_SPEC, o.name(), o.doc(), Types.SCALE, o.scale()));
        }
        t.addField(list(Types.OUTPUT_SPEC, "OUTPUTS", outs));
        List<CodeBlock> inScales = new ArrayList<>();
        for (io.ta.processor.model.InputModel in : m.inputs()) {
            inScales.add(CodeBlock.of("$T.$L", Types.SCALE, in.scale()));
        }
        t.addField(list(Types.SCALE, "INPUT_SCALES", inScales));
        t.addField(list(ClassName.get(String.class), "ALIASES", strings(m.aliases())));
        List<CodeBlock> sels = new ArrayList<>();
        for (SelectorModel s : m.selectors()) {
            sels.add(CodeBlock.of("new $T($S, $S)", Types.SELECTOR_SPEC, s.alias(), s.output()));
        }
        t.addField(list(Types.SELECTOR_SPEC, "SELECTORS", sels));
        if (m.inputs().stream().anyMatch(io.ta.processor.model.InputModel::isBounded)) {
            MethodSpec.Builder dom = override("domain", Types.DOMAIN).addParameter(TypeName.INT, "input")
                    .addStatement("$T.index($S, $S, input, INPUTS)", Types.CHECKS, m.name(), "input")
                    .beginControlFlow("switch (input)");
            for (int i = 0; i < m.inputs().size(); i++) {
                io.ta.processor.model.InputModel in = m.inputs().get(i);
                if (in.isBounded()) {
                    dom.addStatement("case $L: return new $T($L, $L, $L, $L, $L)", i, Types.DOMAIN, Signatures.doubleLiteral(in.min()),
                            Signatures.doubleLiteral(in.max()), in.minExclusive(), in.maxExclusive(), in.nonZero());
                }
            }
            dom.addStatement("default: return $T.UNBOUNDED", Types.DOMAIN).endControlFlow();
            t.addMethod(dom.build());
        }
        if (!m.requires().isEmpty()) {
            List<CodeBlock> reqs = new ArrayList<>();
            for (io.ta.processor.model.RequireModel r : m.requires()) {
                reqs.add(CodeBlock.of("new $T($S, $T.$L, $S)", Types.REQUIRE_SPEC, r.left(), Types.REQUIRE_OP, r.op(), r.right()));
            }
            t.addField(list(Types.REQUIRE_SPEC, "REQUIRES", reqs));
            t.addMethod(getter("requires", listOf(Types.REQUIRE_SPEC), CodeBlock.of("REQUIRES")));
        }

        if (m.chart().declared()) {
            io.ta.processor.model.ChartModel c = m.chart();
            List<CodeBlock> panes = new ArrayList<>();
            for (String p : c.panes()) {
                panes.add(CodeBlock.of("$T.$L", Types.CHART_PANE, p));
            }
            List<CodeBlock> styles = new ArrayList<>();
            for (String s : c.styles()) {
                styles.add(CodeBlock.of("$T.$L", Types.CHART_STYLE, s));
            }
            List<CodeBlock> guides = new ArrayList<>();
            for (double g : c.guides()) {
                guides.add(CodeBlock.of("$L", Signatures.doubleLiteral(g)));
            }
            t.addField(FieldSpec.builder(Types.CHART_SPEC, "CHART", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("new $T($L, $L, $L, $L, $L)", Types.CHART_SPEC, listLiteral(panes), listLiteral(styles),
                            listLiteral(guides), Signatures.doubleLiteral(c.min()), Signatures.doubleLiteral(c.max()))
                    .build());
            t.addMethod(getter("chart", Types.CHART_SPEC, CodeBlock.of("CHART")));
        }

        // Private: kernels are found through their library's provider, which lists INSTANCE, so there is one per kernel.
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        t.addMethod(getter("name", ClassName.get(String.class), CodeBlock.of("$S", m.name())));
        t.addMethod(getter("aliases", listOf(ClassName.get(String.class)), CodeBlock.of("ALIASES")));
        t.addMethod(getter("selectors", listOf(Types.SELECTOR_SPEC), CodeBlock.of("SELECTORS")));
        t.addMethod(getter("family", Types.FAMILY, CodeBlock.of("$T.$L", Types.FAMILY, m.family())));
        t.addMethod(getter("kind", Types.OUTPUT_KIND, CodeBlock.of("$T.$L", Types.OUTPUT_KIND, m.kind())));
        t.addMethod(getter("summary", ClassName.get(String.class), CodeBlock.of("$S", m.summary())));
        t.addMethod(getter("reference", ClassName.get(String.class), CodeBlock.of("$S", m.reference())));
        t.addMethod(getter("lookbackFormula", ClassName.get(String.class), CodeBlock.of("$S", m.lookbackFormula())));
        t.addMethod(getter("params", listOf(Types.PARAM_SPEC), CodeBlock.of("PARAMS")));
        t.addMethod(getter("inputs", listOf(ClassName.get(String.class)), CodeBlock.of("INPUTS")));
        t.addMethod(getter("outputs", listOf(Types.OUTPUT_SPEC), CodeBlock.of("OUTPUTS")));
        t.addMethod(override("inputScale", Types.SCALE).addParameter(TypeName.INT, "input")
                .addStatement("return INPUT_SCALES.get($T.index($S, $S, input, INPUTS))", Types.CHECKS, m.name(), "input")
                .build());
        t.addMethod(getter("timeCost", Types.COMPLEXITY, CodeBlock.of("$T.$L", Types.COMPLEXITY, m.timeCost())));
        t.addMethod(getter("memoryCost", Types.COMPLEXITY, CodeBlock.of("$T.$L", Types.COMPLEXITY, m.memoryCost())));
        t.addMethod(getter("schema", TypeName.LONG, CodeBlock.of("$T.SCHEMA", m.stateType())));

        ClassName args = self.nestedClass(ARGS);
        if (m.costVariesByInstance()) {
            t.addMethod(override("timeCost", Types.COMPLEXITY).addParameter(Types.PARAM_VALUES, "p")
                    .addStatement("$T $N = new $T(p)", args, UNPACKED, args)
                    .addStatement("validate($L)", unpacked(paramNames(m)))
                    .addStatement("return timeCostOf(new $T($L))", m.kernel(), unpacked(paramNames(m)))
                    .build());
        }
        t.addMethod(override("lookback", TypeName.INT).addParameter(Types.PARAM_VALUES, "p")
                .addStatement("$T $N = new $T(p)", args, UNPACKED, args)
                .addStatement("validate($L)", unpacked(paramNames(m)))
                .addStatement("return $T.lookback($L)", m.kernel(), unpacked(m.lookbackArgs()))
                .build());

        if (m.outputs().stream().anyMatch(OutputModel::hasOwnLookback)) {
            MethodSpec.Builder per = override("lookback", TypeName.INT)
                    .addParameter(Types.PARAM_VALUES, "p")
                    .addParameter(TypeName.INT, "output")
                    .addStatement("$T $N = new $T(p)", args, UNPACKED, args)
                    .addStatement("validate($L)", unpacked(paramNames(m)))
                    .addStatement("$T.index($S, $S, output, $T.of($L))", Types.CHECKS, m.name(), "output", List.class,
                            CodeBlock.join(m.outputs().stream().map(o -> CodeBlock.of("$S", o.name())).toList(), ", "))
                    .beginControlFlow("switch (output)");
            for (int i = 0; i < m.outputs().size(); i++) {
                OutputModel o = m.outputs().get(i);
                if (o.hasOwnLookback()) {
                    per.addStatement("case $L: return $T.$N($L)", i, m.kernel(), o.lookbackMethod(), unpacked(o.lookbackArgs()));
                }
            }
            per.addStatement("default: return $T.lookback($L)", m.kernel(), unpacked(m.lookbackArgs()))
                    .endControlFlow();
            t.addMethod(per.build());
        }

        t.addMethod(override("newStream", m.streamType()).addParameter(Types.PARAM_VALUES, "p")
                .addStatement("$T $N = new $T(p)", args, UNPACKED, args)
                .addStatement("return new $T($L)", m.streamType(), unpacked(paramNames(m)))
                .build());

        MethodSpec.Builder batch = override("batch", Signatures.DOUBLES2)
                .addParameter(Types.PARAM_VALUES, "p")
                .addParameter(Signatures.DOUBLES2, "inputs")
                .varargs(true)
                .addStatement("$T $N = new $T(p)", args, UNPACKED, args)
                .addStatement("int n = $T.inputs($S, INPUTS, inputs)", Types.CHECKS, m.name())
                .addStatement("double[][] out = new double[$L][n]", m.outputs().size());
        List<String> arrays = new ArrayList<>();
        for (int i = 0; i < m.inputs().size(); i++) {
            arrays.add("inputs[" + i + "]");
        }
        for (ParamModel p : m.params()) {
            arrays.add(UNPACKED + "." + p.javaName());
        }
        for (int i = 0; i < m.outputs().size(); i++) {
            arrays.add("out[" + i + "]");
        }
        batch.addStatement("batch($L)", Signatures.join(arrays))
                .addStatement("return out");
        t.addMethod(batch.build());

        t.addType(argsType(m));

        InternalsWriter.addTo(t, m);

        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $S", "KernelDescriptor[" + m.name() + "]").build());
        return Files.file(m.packageName(), t, origins);
    }

    /** The generated holder of one call's parameter values, and the local that holds it. */
    private static final String ARGS = "Args";
    private static final String UNPACKED = "a";

    /**
     * {@code Args}: the parameter values of one call, checked to be this kernel's and unpacked into their Java types in
     * one place, which every entry point taking {@code ParamValues} reads them from.
     */
    private static TypeSpec argsType(KernelModel m) {
        TypeSpec.Builder a = TypeSpec.classBuilder(ARGS).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Parameter values built for {@code $L}, unpacked once into their Java types.\n", m.name());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(Types.PARAM_VALUES, "p")
                .addStatement("$T.params($S, $L, p)", Types.CHECKS, m.name(), m.params().size());
        for (int i = 0; i < m.params().size(); i++) {
            ParamModel p = m.params().get(i);
            a.addField(p.javaType(), p.javaName(), Modifier.FINAL);
            switch (p.type()) {
                case INT -> ctor.addStatement("this.$N = p.intValue($L)", p.javaName(), i);
                case REAL -> ctor.addStatement("this.$N = p.realValue($L)", p.javaName(), i);
                case BOOL -> ctor.addStatement("this.$N = p.boolValue($L)", p.javaName(), i);
                default -> ctor.addStatement("this.$N = $T.choice($T.class, p.choice($L))", p.javaName(), Types.CHECKS, p.javaType(), i);
            }
        }
        return a.addMethod(ctor.build()).build();
    }

    /** {@code a.period, a.width}: parameters read from the unpacked {@code Args}. */
    private static CodeBlock unpacked(List<String> javaNames) {
        return Signatures.join(javaNames.stream().map(n -> UNPACKED + "." + n).toList());
    }

    private static List<String> paramNames(KernelModel m) {
        return m.params().stream().map(ParamModel::javaName).toList();
    }

    private static List<CodeBlock> params(KernelModel m) {
        List<CodeBlock> out = new ArrayList<>();
        for (ParamModel p : m.params()) {
            out.add(CodeBlock.of("new $T($S, $T.$L, $S, $L, $L, $L, $L, $L, $S, $T.$L)",
                    Types.PARAM_SPEC, p.name(), Types.PARAM_TYPE, p.type(), p.defaultValue(),
                    Signatures.doubleLiteral(p.min()), Signatures.doubleLiteral(p.max()), p.minExclusive(), p.maxExclusive(),
                    listLiteral(strings(p.choices())), p.doc(), Types.SCALE, p.scale()));
        }
        return out;
    }

    private static List<CodeBlock> strings(List<String> values) {
        return values.stream().map(v -> CodeBlock.of("$S", v)).toList();
    }

    private static CodeBlock listLiteral(List<CodeBlock> items) {
        return CodeBlock.of("$T.of($L)", Types.LIST, CodeBlock.join(items, ", "));
    }

    /** {@code List.of(...)} with one item per line: a parameter list stays readable however long it gets. */
    private static CodeBlock linePerItem(List<CodeBlock> items) {
        return items.isEmpty()
                ? listLiteral(items)
                : CodeBlock.of("$T.of(\n$>$>$L$<$<)", Types.LIST, CodeBlock.join(items, ",\n"));
    }

    private static TypeName listOf(TypeName t) {
        return ParameterizedTypeName.get(Types.LIST, t);
    }

    private static FieldSpec list(TypeName element, String name, List<CodeBlock> items) {
        return FieldSpec.builder(listOf(element), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(listLiteral(items))
                .build();
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return override(name, type).addStatement("return $L", value).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
    }
}
