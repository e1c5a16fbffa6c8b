package io.ta.processor.write;

import static io.ta.processor.write.Signatures.DOUBLES;
import static io.ta.processor.write.Types.CHECKS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.RequireModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Name_Stream}: the kernel's incremental form and the home of its batch loop.
 *
 * <p>The loop ({@code loop}) calls the step directly on the concrete kernel class, so the JIT inlines it: no
 * interface call and no allocation per bar. {@code update} checkpoints the state before stepping (a handful of
 * field copies plus O(1) marks) so {@code replaceLast} can revise the bar; {@code preview} checkpoints, steps and
 * rewinds.
 */
public final class StreamWriter {
    public JavaFile write(KernelModel m, List<? extends Element> origins) {
        ClassName kernel = m.kernel();
        ClassName self = m.streamType();
        ClassName state = m.stateType();
        boolean multi = m.multiOutput();
        String lookbackArgs = String.join(", ", m.lookbackArgs());

        TypeSpec.Builder t = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Types.STREAM)
                .addJavadoc("Incremental {@code $L}: $L\n\n", m.name(), Javadoc.text(m.summary()))
                .addJavadoc("<p>{@code update} commits a bar, {@code preview} evaluates the forming bar without committing it,\n")
                .addJavadoc("{@code replaceLast} revises the last committed bar; all are O(1) for O(1) kernels. Outputs of the most\n")
                .addJavadoc("recent of these calls are readable with $L.\n", multi ? "the output getters" : "{@link #value()}");

        t.addField(FieldSpec.builder(String.class, "KERNEL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", m.name()).build());
        for (ParamModel p : m.params()) {
            t.addField(p.javaType(), p.javaName(), Modifier.PRIVATE, Modifier.FINAL);
        }
        t.addField(TypeName.INT, "lookback", Modifier.PRIVATE, Modifier.FINAL);
        t.addField(kernel, "k", Modifier.PRIVATE);
        t.addField(state, "last", Modifier.PRIVATE);
        t.addField(state, "probe", Modifier.PRIVATE, Modifier.FINAL);
        t.addField(TypeName.LONG, "count", Modifier.PRIVATE);
        // Outputs live in one array, so no output name can collide with a field of this class.
        t.addField(FieldSpec.builder(Signatures.DOUBLES, "outputs", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("nans($L)", m.outputs().size()).build());
        // The last committed bar: a snapshot holds the state before it plus the bar, so the replace-last checkpoint is
        // re-derived on restore by stepping the bar again instead of being trusted from the bytes.
        t.addField(FieldSpec.builder(Signatures.DOUBLES, "lastInputs", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("nans($L)", m.inputs().size()).build());
        t.addMethod(MethodSpec.methodBuilder("nans").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(Signatures.DOUBLES)
                .addParameter(TypeName.INT, "n")
                .addStatement("double[] a = new double[n]")
                .addStatement("$T.fill(a, $T.NaN)", java.util.Arrays.class, Double.class)
                .addStatement("return a").build());

        // Constructor: validate, then build the kernel and its two checkpoints.
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A fresh stream.\n\n@throws io.ta.error.InvalidParameterException if a parameter is out of range\n")
                .addParameters(Signatures.params(m))
                .addStatement("validate($L)", Signatures.paramArgs(m));
        for (ParamModel p : m.params()) {
            ctor.addStatement("this.$N = $N", p.javaName(), p.javaName());
        }
        ctor.addStatement("this.lookback = $T.lookback($L)", kernel, lookbackArgs)
                .addStatement("this.k = new $T($L)", kernel, Signatures.paramArgs(m))
                .addStatement("this.last = new $T(k)", state)
                .addStatement("this.probe = new $T(k)", state);
        t.addMethod(ctor.build());

        t.addMethod(validate(m));
        t.addMethod(batch(m));
        t.addMethod(loop(m));

        // Typed per-bar API.
        List<ParameterSpec> bar = Signatures.scalarInputs(m);
        CodeBlock barArgs = Signatures.join(Signatures.inputNames(m));
        CodeBlock stepCall = CodeBlock.of("k.$N($L)", m.stepMethod(), barArgs);
        TypeName ret = multi ? TypeName.VOID : TypeName.DOUBLE;
        MethodSpec.Builder update = MethodSpec.methodBuilder("update").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Commits one bar$L\n", multi ? "." : " and returns its output.")
                .addParameters(bar)
                .addStatement("last.save(k)")
                .addStatement("count++");
        recordInputs(update, m, "");
        MethodSpec.Builder preview = MethodSpec.methodBuilder("preview").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Evaluates the forming bar without committing it$L\n", multi ? "." : "; returns its output.")
                .addParameters(bar)
                .addStatement("probe.save(k)");
        MethodSpec.Builder replace = MethodSpec.methodBuilder("replaceLast").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Replaces the last committed bar$L\n\n", multi ? "." : "; returns the revised output.")
                .addJavadoc("@throws io.ta.error.StreamStateException before the first {@code update}\n")
                .addParameters(bar)
                .addStatement("$T.hasLast(KERNEL, count)", CHECKS)
                .addStatement("last.restore(k)");
        recordInputs(replace, m, "");
        if (multi) {
            update.addStatement(stepCall).addStatement("capture()");
            preview.addStatement(stepCall).addStatement("capture()").addStatement("probe.restore(k)");
            replace.addStatement(stepCall).addStatement("capture()");
            MethodSpec.Builder capture = MethodSpec.methodBuilder("capture").addModifiers(Modifier.PRIVATE);
            for (int i = 0; i < m.outputs().size(); i++) {
                capture.addStatement("outputs[$L] = $T.finiteOrNaN(k.$N)", i, CHECKS, m.outputs().get(i).javaName());
            }
            t.addMethod(update.build()).addMethod(preview.build()).addMethod(replace.build()).addMethod(capture.build());
            for (int i = 0; i < m.outputs().size(); i++) {
                OutputModel o = m.outputs().get(i);
                t.addMethod(MethodSpec.methodBuilder(o.javaName()).addModifiers(Modifier.PUBLIC).returns(TypeName.DOUBLE)
                        .addJavadoc("Output {@code $L}$L, from the most recent update, preview or replaceLast (NaN before any).\n",
                                o.name(), o.doc().isEmpty() ? "" : " (" + o.doc() + ")")
                        .addStatement("return outputs[$L]", i)
                        .build());
            }
        } else {
            update.addStatement("return outputs[0] = $T.finiteOrNaN($L)", CHECKS, stepCall);
            preview.addStatement("double v = $T.finiteOrNaN($L)", CHECKS, stepCall)
                    .addStatement("probe.restore(k)")
                    .addStatement("return outputs[0] = v");
            replace.addStatement("return outputs[0] = $T.finiteOrNaN($L)", CHECKS, stepCall);
            t.addMethod(update.build()).addMethod(preview.build()).addMethod(replace.build());
            t.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(TypeName.DOUBLE)
                    .addJavadoc("The output of the most recent update, preview or replaceLast (NaN before any).\n")
                    .addStatement("return outputs[0]")
                    .build());
        }

        t.addMethod(typedRange(m));
        addFused(t, m);
        addUniform(t, m);
        return Files.file(m.packageName(), t, origins);
    }

    /**
     * The entry points of fused plans (io.ta.runtime.exec): a plan compiled to one loop steps every kernel of the plan
     * bar by bar in the same loop body, so it needs the step, the outputs and a fresh kernel through public members.
     * They are one-liners the JIT inlines into the plan's loop.
     */
    private static void addFused(TypeSpec.Builder t, KernelModel m) {
        ClassName kernel = m.kernel();
        t.addMethod(MethodSpec.methodBuilder("newKernel").addModifiers(Modifier.PUBLIC).returns(kernel)
                .addJavadoc("A fresh kernel with this stream's parameters, for a fused plan's loop.\n")
                .addStatement("return new $T($L)", kernel, Signatures.paramArgs(m))
                .build());
        List<String> elems = Signatures.inputNames(m);
        CodeBlock call = CodeBlock.of("k.$N($L)", m.stepMethod(), Signatures.join(elems));
        MethodSpec.Builder step = MethodSpec.methodBuilder("stepKernel").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(kernel, "k")
                .addParameters(Signatures.scalarInputs(m));
        if (m.multiOutput()) {
            step.addJavadoc("Steps {@code k} over one bar; read the outputs with {@code outputN(k)}.\n").addStatement(call);
            for (int i = 0; i < m.outputs().size(); i++) {
                t.addMethod(MethodSpec.methodBuilder("output" + i).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(TypeName.DOUBLE)
                        .addJavadoc("Output {@code $L} of {@code k}'s last step, finite or NaN.\n", m.outputs().get(i).name())
                        .addParameter(kernel, "k")
                        .addStatement("return $T.finiteOrNaN(k.$N)", CHECKS, m.outputs().get(i).javaName())
                        .build());
            }
        } else {
            step.addJavadoc("Steps {@code k} over one bar; returns its output, finite or NaN.\n")
                    .returns(TypeName.DOUBLE)
                    .addStatement("return $T.finiteOrNaN($L)", CHECKS, call);
        }
        t.addMethod(step.build());
        t.addMethod(MethodSpec.methodBuilder("outputAt").addModifiers(Modifier.PUBLIC).returns(TypeName.DOUBLE)
                .addJavadoc("Output {@code i} (in descriptor order) of the most recent update, preview or replaceLast.\n")
                .addParameter(TypeName.INT, "i")
                .addStatement("return outputs[i]")
                .build());
    }

    /** {@code lastInputs[i] = input_i<suffix>}: remembers the bar being committed. */
    private static void recordInputs(MethodSpec.Builder b, KernelModel m, String suffix) {
        for (int i = 0; i < m.inputs().size(); i++) {
            b.addStatement("lastInputs[$L] = $N$L", i, m.inputs().get(i).javaName(), suffix);
        }
    }

    /** {@code k.step(lastInputs[0], ...)}: the last committed bar, stepped again. */
    private static CodeBlock restep(KernelModel m) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < m.inputs().size(); i++) {
            args.add("lastInputs[" + i + "]");
        }
        return CodeBlock.of("k.$N($L)", m.stepMethod(), Signatures.join(args));
    }

    private static MethodSpec validate(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("validate").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Checks every parameter and cross-parameter rule of {@code $L}.\n\n", m.name())
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

    /** The range loop over a stream's kernel: {@code [from, to)}, state carried in {@code k}. */
    private static MethodSpec loop(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("loop").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Steps {@code k} over bars {@code [from, to)}, writing outputs at the same indices. No checks: the\n")
                .addJavadoc("generated callers validate parameters, shapes and ranges first.\n")
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
     * so the JIT's escape analysis keeps its fields in registers instead of a store and a load per bar.
     */
    private static MethodSpec batch(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("batch").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Steps a fresh kernel over every bar of the inputs, writing every output array (the inputs' length).\n\n")
                .addJavadoc("@throws io.ta.error.InvalidParameterException if a parameter is out of range\n")
                .addJavadoc("@throws io.ta.error.ShapeMismatchException if inputs or outputs do not line up\n")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.params(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addStatement("validate($L)", Signatures.paramArgs(m))
                .addStatement("int n = $L", Signatures.length(m, CodeBlock.of("KERNEL")));
        List<String> outs = Signatures.outArrays(m);
        for (int i = 0; i < outs.size(); i++) {
            b.addStatement("$T.output(KERNEL, $S, $N, n)", CHECKS, m.outputs().get(i).name(), outs.get(i));
        }
        b.addStatement("$T k = new $T($L)", m.kernel(), m.kernel(), Signatures.paramArgs(m));
        addLoop(b, m, "0", "n");
        return b.build();
    }

    private static void addLoop(MethodSpec.Builder b, KernelModel m, String from, String to) {
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

    private static MethodSpec typedRange(KernelModel m) {
        List<String> outs = Signatures.outArrays(m);
        List<String> all = new ArrayList<>(Signatures.inputNames(m));
        all.addAll(outs);
        MethodSpec.Builder b = MethodSpec.methodBuilder("updateRange").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Commits bars {@code [from, to)} of the inputs, writing outputs at the same indices; the same as one\n")
                .addJavadoc("{@code update} per bar. Chunks of one series give exactly the whole-series batch result.\n\n")
                .addJavadoc("@throws io.ta.error.ShapeMismatchException if the range lies outside an array\n")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to");
        for (String a : all) {
            b.addStatement("$T.range(KERNEL, $S, $N, from, to)", CHECKS, a, a);
        }
        CodeBlock arrays = Signatures.join(all);
        b.beginControlFlow("if (from == to)").addStatement("return").endControlFlow()
                .addStatement("$T k = this.k", m.kernel())
                .addStatement("loop(k, $L, from, to - 1)", arrays)
                .addStatement("last.save(k)");
        recordInputs(b, m, "[to - 1]");
        b.addStatement("loop(k, $L, to - 1, to)", arrays)
                .addStatement("count += to - from");
        for (int i = 0; i < outs.size(); i++) {
            b.addStatement("outputs[$L] = $N[to - 1]", i, outs.get(i));
        }
        return b.build();
    }

    private static void addUniform(TypeSpec.Builder t, KernelModel m) {
        int nIn = m.inputs().size();
        int nOut = m.outputs().size();
        ClassName desc = m.descriptorType();
        ClassName state = m.stateType();

        t.addMethod(override("descriptor", Types.DESCRIPTOR).addStatement("return $T.INSTANCE", desc).build());
        CodeBlock.Builder pv = CodeBlock.builder();
        for (int i = 0; i < m.params().size(); i++) {
            ParamModel p = m.params().get(i);
            pv.add(", ");
            if (p.isChoice()) {
                pv.add("$N.name().toLowerCase($T.ROOT)", p.javaName(), Types.LOCALE);
            } else {
                pv.add("$N", p.javaName());
            }
        }
        t.addMethod(override("params", Types.PARAM_VALUES)
                .addStatement("return $T.ofPositional($T.INSTANCE$L)", Types.PARAM_VALUES, desc, pv.build())
                .build());
        t.addMethod(override("lookback", TypeName.INT).addStatement("return lookback").build());
        t.addMethod(override("count", TypeName.LONG).addStatement("return count").build());
        t.addMethod(override("isReady", TypeName.BOOLEAN).addStatement("return count > lookback").build());

        for (String op : List.of("update", "preview", "replaceLast")) {
            MethodSpec.Builder b = override(op, TypeName.VOID)
                    .addParameter(DOUBLES, "bar")
                    .addParameter(DOUBLES, "out")
                    .addStatement("$T.values(KERNEL, $S, $L, bar)", CHECKS, "inputs", nIn)
                    .addStatement("$T.values(KERNEL, $S, $L, out)", CHECKS, "outputs", nOut);
            List<String> args = new ArrayList<>();
            for (int i = 0; i < nIn; i++) {
                args.add("bar[" + i + "]");
            }
            b.addStatement("$N($L)", op, Signatures.join(args));
            for (int i = 0; i < nOut; i++) {
                b.addStatement("out[$L] = outputs[$L]", i, i);
            }
            t.addMethod(b.build());
        }

        MethodSpec.Builder range = override("updateRange", TypeName.VOID)
                .addParameter(Signatures.DOUBLES2, "in")
                .addParameter(Signatures.DOUBLES2, "out")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement("$T.arrays(KERNEL, $S, $L, in)", CHECKS, "input arrays", nIn)
                .addStatement("$T.arrays(KERNEL, $S, $L, out)", CHECKS, "output arrays", nOut);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            args.add("in[" + i + "]");
        }
        for (int i = 0; i < nOut; i++) {
            args.add("out[" + i + "]");
        }
        range.addStatement("updateRange($L, from, to)", Signatures.join(args));
        t.addMethod(range.build());

        MethodSpec.Builder snap = override("snapshot", Types.SNAPSHOT)
                .addComment("count, parameters, outputs, then the state: after a committed bar, the state before it and the")
                .addComment("bar, so restore re-derives the replace-last checkpoint by stepping it again.")
                .addStatement("$T w = new $T()", Types.STATE_WRITER, Types.STATE_WRITER)
                .addStatement("w.putLong(count)")
                .addStatement("w.putParams(params())");
        for (int i = 0; i < nOut; i++) {
            snap.addStatement("w.putDouble(outputs[$L])", i);
        }
        snap.beginControlFlow("if (count > 0)");
        for (int i = 0; i < nIn; i++) {
            snap.addStatement("w.putDouble(lastInputs[$L])", i);
        }
        snap.addStatement("last.restore(k)")
                .addStatement("$T.writeState(k, w)", state)
                .addComment("The step is deterministic, so stepping the bar again puts k back exactly as it was.")
                .addStatement(restep(m))
                .nextControlFlow("else")
                .addStatement("$T.writeState(k, w)", state)
                .endControlFlow()
                .addStatement("return new $T(KERNEL, $T.SCHEMA, w.toArray())", Types.SNAPSHOT, state);
        t.addMethod(snap.build());

        MethodSpec.Builder restore = override("restore", TypeName.VOID)
                .addParameter(Types.SNAPSHOT, "snapshot")
                .addComment("Read and check everything into fresh objects and swap at the end, so a bad snapshot leaves")
                .addComment("this stream untouched.")
                .addStatement("$T.snapshot(KERNEL, $T.SCHEMA, snapshot)", CHECKS, state)
                .addStatement("$T r = snapshot.reader()", Types.STATE_READER)
                .addStatement("long c = r.getLong($S, 0, $T.MAX_VALUE)", "count", Long.class)
                .addStatement("r.expectParams(params())");
        List<String> outTemps = new ArrayList<>();
        for (int i = 0; i < nOut; i++) {
            restore.addStatement("double o$L = r.getDouble($S, -$T.MAX_VALUE, $T.MAX_VALUE, true)", i,
                    "output " + m.outputs().get(i).name(), Double.class, Double.class);
            outTemps.add("o" + i);
        }
        restore.addStatement("double[] bar = nans($L)", nIn)
                .beginControlFlow("if (c > 0)")
                .beginControlFlow("for (int i = 0; i < bar.length; i++)")
                .addStatement("bar[i] = r.getDouble()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T fresh = new $T($L)", m.kernel(), m.kernel(), Signatures.paramArgs(m))
                .addStatement("$T.readState(fresh, r)", state)
                .addStatement("r.end()")
                .addStatement("$T freshLast = new $T(fresh)", state, state)
                .beginControlFlow("if (c > 0)")
                .addStatement("freshLast.save(fresh)");
        List<String> barArgs = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            barArgs.add("bar[" + i + "]");
        }
        restore.addStatement("fresh.$N($L)", m.stepMethod(), Signatures.join(barArgs))
                .endControlFlow()
                .addStatement("this.k = fresh")
                .addStatement("this.last = freshLast")
                .addStatement("this.count = c")
                .addStatement("$T.arraycopy(bar, 0, lastInputs, 0, bar.length)", System.class);
        for (int i = 0; i < nOut; i++) {
            restore.addStatement("outputs[$L] = $N", i, outTemps.get(i));
        }
        t.addMethod(restore.build());

        MethodSpec.Builder reset = override("reset", TypeName.VOID)
                .addStatement("this.k = new $T($L)", m.kernel(), Signatures.paramArgs(m))
                .addStatement("this.last = new $T(k)", state)
                .addStatement("this.count = 0")
                .addStatement("$T.fill(outputs, $T.NaN)", java.util.Arrays.class, Double.class)
                .addStatement("$T.fill(lastInputs, $T.NaN)", java.util.Arrays.class, Double.class);
        t.addMethod(reset.build());

        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return KERNEL + \"(\" + params() + \") after \" + count + \" bars\"")
                .build());
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
    }
}
