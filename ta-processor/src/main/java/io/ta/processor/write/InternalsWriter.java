package io.ta.processor.write;

import static io.ta.processor.write.Types.CHECKS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.annotation.Complexity;
import io.ta.processor.model.FieldModel;
import io.ta.processor.model.GeneratedMembers;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.RequireModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Adds a kernel's generated internals to its {@code Name_Descriptor}: the static entry points the facade, the stream
 * and fused plans ({@code io.ta.runtime.exec}) call, kept off the user-facing {@code NameStream} and
 * {@code NameResult}. The rule they follow: a generated name with {@code _} is not API.
 *
 * <ul>
 *   <li>{@code validate(params)}: every parameter and cross-parameter rule.
 *   <li>{@code batch(inputs, params, outputs)}: the checked whole-series batch.
 *   <li>{@code loop(kernel, inputs, outputs, from, to)}: the unchecked range loop.
 *   <li>{@code stepKernel(kernel, inputs)} and {@code outputN(kernel)}: one bar of a kernel, for a fused plan's loop.
 *   <li>{@code newKernel(stream)} and {@code outputAt(stream, i)}: what a fused plan reads from a stream.
 *   <li>{@code lentInput(j)} and {@code lendablePart(kernel, j)}, for a kernel with {@code @OfInput} parts: which
 *       part a fused plan's batch lends which input's column, as the batch lends its inputs.
 * </ul>
 *
 * <p>The loops call the step directly on the concrete kernel class, so the JIT inlines it: no interface call and no
 * allocation per bar.
 */
final class InternalsWriter {
    private InternalsWriter() {}

    static void addTo(TypeSpec.Builder t, KernelModel m) {
        t.addField(FieldSpec.builder(String.class, "KERNEL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", m.name()).build());
        t.addMethod(validate(m));
        t.addMethod(batch(m));
        t.addMethod(loop(m));
        addFused(t, m);
        t.addMethod(timeCostOf(m));
    }

    /**
     * {@code timeCostOf(k)}: the per-bar cost of one instance, from the parts and nested kernels it holds (each nested
     * kernel's own {@code timeCostOf}), so that a composite whose nested kernel may be costly in general but is built
     * cheap (macd's averages are {@code ma}s, always EMAs) is planned as what it is.
     */
    private static MethodSpec timeCostOf(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("timeCostOf").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Types.COMPLEXITY)
                .addJavadoc("Per-bar cost of {@code k} as built: the largest over the parts and nested kernels it holds.\n")
                .addJavadoc("\n")
                .addJavadoc("@param k the kernel\n@return its time per bar\n")
                .addParameter(m.kernel(), "k");
        if (!m.costVariesByInstance()) {
            return b.addStatement("return $T.$L", Types.COMPLEXITY, m.timeCost()).build();
        }
        Complexity fixed = m.stepCost();
        for (FieldModel f : m.fields()) {
            if (f.kind() == FieldModel.Kind.PART && !f.nullable()) {
                fixed = fixed.max(f.partCost());
            }
        }
        b.addStatement("$T c = $T.$L", Types.COMPLEXITY, Types.COMPLEXITY, fixed);
        for (FieldModel f : m.fields()) {
            CodeBlock term;
            if (f.kind() == FieldModel.Kind.NESTED) {
                term = CodeBlock.of("$T.timeCostOf(k.$N)", KernelModel.descriptorTypeOf((ClassName) f.type()), f.name());
            } else if (f.kind() == FieldModel.Kind.PART && f.nullable() && f.partCost() != Complexity.CONSTANT) {
                term = CodeBlock.of("$T.$L", Types.COMPLEXITY, f.partCost());
            } else {
                continue;
            }
            if (f.nullable()) {
                b.beginControlFlow("if (k.$N != null)", f.name()).addStatement("c = c.max($L)", term).endControlFlow();
            } else {
                b.addStatement("c = c.max($L)", term);
            }
        }
        return b.addStatement("return c").build();
    }

    /**
     * The entry points of fused plans (io.ta.runtime.exec): a plan compiled to one loop steps every kernel of the plan
     * bar by bar in the same loop body, so it needs the step, the outputs and a fresh kernel through public members.
     * They are one-liners the JIT inlines into the plan's loop.
     */
    private static void addFused(TypeSpec.Builder t, KernelModel m) {
        // The constructor call is written here, not in a method of the stream this one calls: C2 inlines every
        // constructor of an allocation it may scalar-replace, but not a plain call from a method this small, which
        // it compiles without a profile. A plan's batch inlines this method and then keeps the kernel's state in
        // registers, as a generated batch loop does for its one kernel.
        ClassName kernel = m.kernel();
        ClassName stream = m.streamType();
        t.addMethod(MethodSpec.methodBuilder("newKernel").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(kernel)
                .addJavadoc("A fresh kernel with the parameters of {@code stream}, for a fused plan's loop.\n\n")
                .addJavadoc("@param stream the stream whose (already checked) parameters the kernel takes\n")
                .addJavadoc("@return a kernel that has seen no bar\n")
                .addParameter(stream, "stream")
                .addStatement("return new $T($L)", kernel, Signatures.paramArgs(m, "stream"))
                .build());
        t.addMethod(MethodSpec.methodBuilder("outputAt").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(TypeName.DOUBLE)
                .addJavadoc("Output {@code i} (in descriptor order) of {@code stream}'s most recent update, preview or")
                .addJavadoc(" replaceLast.\n\n")
                .addJavadoc("@param stream the stream\n@param i the output's index, from 0\n")
                .addJavadoc("@return the output, finite or NaN\n")
                .addParameter(stream, "stream")
                .addParameter(TypeName.INT, "i")
                .addStatement("return stream.$N(i)", GeneratedMembers.OUTPUT_AT_METHOD)
                .build());
        List<String> elems = Signatures.inputNames(m);
        CodeBlock call = CodeBlock.of("k.$N($L)", m.stepMethod(), Signatures.join(elems));
        MethodSpec.Builder step = MethodSpec.methodBuilder("stepKernel").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(kernel, "k")
                .addParameters(Signatures.scalarInputs(m));
        if (m.multiOutput()) {
            step.addJavadoc("Steps {@code k} over one bar; read the outputs with {@code outputN(k)}.\n\n")
                    .addJavadoc(kernelDoc()).addJavadoc(scalarInputsDoc(m)).addStatement(call);
            for (int i = 0; i < m.outputs().size(); i++) {
                t.addMethod(MethodSpec.methodBuilder("output" + i).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeName.DOUBLE)
                        .addJavadoc("Output {@code $L} of {@code k}'s last step, finite or NaN.\n\n",
                                m.outputs().get(i).name())
                        .addJavadoc(kernelDoc()).addJavadoc("@return the output, NaN if it is not finite\n")
                        .addParameter(kernel, "k")
                        .addStatement("return $T.finiteOrNaN(k.$N)", CHECKS, m.outputs().get(i).javaName())
                        .build());
            }
        } else {
            step.addJavadoc("Steps {@code k} over one bar; returns its output, finite or NaN.\n\n")
                    .addJavadoc(kernelDoc()).addJavadoc(scalarInputsDoc(m))
                    .addJavadoc("@return the bar's output, NaN if it is not finite\n")
                    .returns(TypeName.DOUBLE)
                    .addStatement("return $T.finiteOrNaN($L)", CHECKS, call);
        }
        t.addMethod(step.build());
        if (!m.lentInputs().isEmpty()) {
            addLendable(t, m);
        }
    }

    /**
     * {@code lentInput(j)} and {@code lendablePart(k, j)}: the input number the kernel's {@code j}-th {@code @OfInput}
     * part is pushed (-1 past the last), and that part of {@code k}. A fused plan's batch lends each part the column
     * it is pushed with a {@code backWith} in its own bytecode: called from here, {@code backWith} would be judged by
     * this method's profile, which a method run once per batch does not have, and C2 would leave it out of line ("low
     * call site frequency"), the kernel escaping into it.
     */
    private static void addLendable(TypeSpec.Builder t, KernelModel m) {
        List<String> inputs = Signatures.inputNames(m);
        CodeBlock.Builder input = CodeBlock.builder().add("return switch (part) {\n").indent();
        CodeBlock.Builder part = CodeBlock.builder().add("return switch (part) {\n").indent();
        int j = 0;
        for (FieldModel f : m.fields()) {
            if (f.ofInput() != null) {
                input.add("case $L -> $L;\n", j, inputs.indexOf(f.ofInput()));
                part.add("case $L -> k.$N;\n", j++, f.name());
            }
        }
        input.add("default -> -1;\n").unindent().add("};\n");
        part.add("default -> null;\n").unindent().add("};\n");
        t.addMethod(MethodSpec.methodBuilder("lentInput").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(TypeName.INT)
                .addJavadoc("The input number the kernel's {@code part}-th {@code @OfInput} part is pushed, or\n")
                .addJavadoc("-1 past the last.\n\n")
                .addJavadoc("@param part the part's index among the kernel's {@code @OfInput} parts, from 0\n")
                .addJavadoc("@return the index of the input it is pushed, or -1\n")
                .addParameter(TypeName.INT, "part")
                .addCode(input.build())
                .build());
        t.addMethod(MethodSpec.methodBuilder("lendablePart").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(Types.INPUT_BACKED)
                .addJavadoc("The {@code part}-th {@code @OfInput} part of {@code k} (null if {@code k} has none): a\n")
                .addJavadoc("fused plan's batch, which steps a fresh {@code k} over its input's every value,\n")
                .addJavadoc("lends it the whole column ({@link #lentInput}).\n\n")
                .addJavadoc(kernelDoc())
                .addJavadoc("@param part the part's index among the kernel's {@code @OfInput} parts, from 0\n")
                .addJavadoc("@return the part, or null\n")
                .addParameter(m.kernel(), "k")
                .addParameter(TypeName.INT, "part")
                .addCode(part.build())
                .build());
    }

    /** {@code k.part.backWith(input)} for each of the kernel's {@code @OfInput} parts (if the part is there). */
    private static void addLending(MethodSpec.Builder b, KernelModel m) {
        for (FieldModel f : m.fields()) {
            if (f.ofInput() == null) {
                continue;
            }
            if (f.nullable()) {
                b.beginControlFlow("if (k.$N != null)", f.name())
                        .addStatement("k.$N.backWith($N)", f.name(), f.ofInput()).endControlFlow();
            } else {
                b.addStatement("k.$N.backWith($N)", f.name(), f.ofInput());
            }
        }
    }

    private static MethodSpec validate(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Checks every parameter and cross-parameter rule of {@code $L}.\n\n", m.name())
                .addJavadoc(FacadeWriter.params(m))
                .addJavadoc("@throws io.ta.error.InvalidParameterException naming the kernel, the parameter and its valid range\n")
                .addParameters(Signatures.params(m));
        for (ParamModel p : m.params()) {
            switch (p.type()) {
                case INT -> b.addStatement("$T.intParam(KERNEL, $S, $N, $L, $L, $L, $L)", CHECKS, p.name(), p.javaName(),
                        Signatures.doubleLiteral(p.min()), Signatures.doubleLiteral(p.max()), p.minExclusive(), p.maxExclusive());
                case REAL -> b.addStatement("$T.realParam(KERNEL, $S, $N, $L, $L, $L, $L)", CHECKS, p.name(), p.javaName(),
                        Signatures.doubleLiteral(p.min()), Signatures.doubleLiteral(p.max()), p.minExclusive(), p.maxExclusive());
                case CHOICE -> b.addStatement("$T.choiceParam(KERNEL, $S, $N)", CHECKS, p.name(), p.javaName());
                default -> { } // booleans have no range
            }
        }
        for (RequireModel r : m.requires()) {
            b.addStatement("$T.require(KERNEL, $S, $N, $T.$L, $S, $N)", CHECKS, r.left(), r.leftJava(), Types.REQUIRE_OP, r.op(), r.right(), r.rightJava());
        }
        return b.build();
    }

    private static CodeBlock kernelDoc() {
        return CodeBlock.of("@param k the kernel, carrying the state of the bars before\n");
    }

    private static CodeBlock scalarInputsDoc(KernelModel m) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (InputModel in : m.inputs()) {
            b.add("@param $N the bar's {@code $L} (NaN: missing)\n", in.javaName(), in.name());
        }
        return b.build();
    }

    private static CodeBlock arrayInputsDoc(KernelModel m) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (InputModel in : m.inputs()) {
            b.add("@param $N input {@code $L}, one value per bar (NaN: missing)\n", in.javaName(), in.name());
        }
        return b.build();
    }

    private static CodeBlock arrayOutputsDoc(KernelModel m) {
        CodeBlock.Builder b = CodeBlock.builder();
        List<String> outs = Signatures.outArrays(m);
        for (int i = 0; i < outs.size(); i++) {
            b.add("@param $N receives output {@code $L} at the inputs' indices\n", outs.get(i),
                    m.outputs().get(i).name());
        }
        return b.build();
    }

    /** The range loop over a stream's kernel: {@code [from, to)}, state carried in {@code k}. */
    private static MethodSpec loop(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("loop").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Steps {@code k} over bars {@code [from, to)}, writing outputs at the same indices. No checks: the\n")
                .addJavadoc("generated callers validate parameters, shapes and ranges first.\n\n")
                .addJavadoc(kernelDoc())
                .addJavadoc(arrayInputsDoc(m))
                .addJavadoc(arrayOutputsDoc(m))
                .addJavadoc("@param from the first bar, inclusive\n@param to the end of the range, exclusive\n")
                .addParameter(m.kernel(), "k")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to");
        addLoop(b, m, "from", "to");
        return b.build();
    }

    /**
     * The whole-series batch. The kernel is allocated in the same method as the loop on purpose: it does not escape,
     * so the JIT's escape analysis keeps its fields in registers instead of a store and a load per bar. Its
     * {@code @OfInput} parts are lent the input arrays, so they read a leaving value back instead of storing a window.
     */
    private static MethodSpec batch(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("batch").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Steps a fresh kernel over every bar of the inputs, writing every output array (the inputs' length).\n\n")
                .addJavadoc(!m.lentInputs().isEmpty() ? "An input the kernel's {@code @OfInput} parts read back must not also be an output.\n\n" : "")
                .addJavadoc(arrayInputsDoc(m))
                .addJavadoc(FacadeWriter.params(m))
                .addJavadoc(arrayOutputsDoc(m))
                .addJavadoc("@throws io.ta.error.InvalidParameterException if a parameter is out of range\n")
                .addJavadoc("@throws io.ta.error.ShapeMismatchException if inputs or outputs do not line up$L\n",
                        m.multiOutput() ? ", or two outputs are one array" : "")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.params(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addStatement("validate($L)", Signatures.paramArgs(m))
                .addStatement("int n = $L", Signatures.length(m, CodeBlock.of("KERNEL")));
        List<String> outs = Signatures.outArrays(m);
        for (int i = 0; i < outs.size(); i++) {
            b.addStatement("$T.output(KERNEL, $S, $N, n)", CHECKS, m.outputs().get(i).name(), outs.get(i));
        }
        addDistinct(b, m, "KERNEL");
        b.addStatement("$T k = new $T($L)", m.kernel(), m.kernel(), Signatures.paramArgs(m));
        // Only here and in a fused plan's batch (lendablePart): the loop pushes the whole input from its first value,
        // so the part can read it back. The facade copies an input that is also an output (a batch in place): lending
        // on that condition here, or lending a copy, measured slower in the gate's forks (performance-log.md,
        // "Batches lent their input").
        addLending(b, m);
        addLoop(b, m, "0", "n");
        return b.build();
    }

    /**
     * For a multi-output kernel, the check that the caller gave each output its own array (one array for two outputs
     * would silently keep the last): once per call, as Plan.runInto checks its roots' arrays.
     */
    static void addDistinct(MethodSpec.Builder b, KernelModel m, String kernel) {
        if (!m.multiOutput()) {
            return;
        }
        String names = String.join(",", m.outputs().stream().map(o -> o.name()).toList());
        b.addStatement("$T.distinct($L, $S, $L)", CHECKS, kernel, names, Signatures.join(Signatures.outArrays(m)));
    }

    /** {@code for (i = from; i < to; i++)}: step {@code k} over bar i and write its outputs. */
    static void addLoop(MethodSpec.Builder b, KernelModel m, String from, String to) {
        List<String> elems = new ArrayList<>();
        for (InputModel in : m.inputs()) {
            elems.add(in.javaName() + "[i]");
        }
        CodeBlock call = CodeBlock.of("k.$N($L)", m.stepMethod(), Signatures.join(elems));
        b.beginControlFlow("for (int i = $L; i < $L; i++)", from, to);
        List<String> outs = Signatures.outArrays(m);
        if (m.multiOutput()) {
            b.addStatement(call);
            for (int i = 0; i < outs.size(); i++) {
                b.addStatement("$N[i] = $T.finiteOrNaN(k.$N)", outs.get(i), CHECKS, m.outputs().get(i).javaName());
            }
        } else {
            b.addStatement("$N[i] = $T.finiteOrNaN($L)", outs.get(0), CHECKS, call);
        }
        b.endControlFlow();
    }
}
