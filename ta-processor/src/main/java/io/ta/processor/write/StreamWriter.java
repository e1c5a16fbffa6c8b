package io.ta.processor.write;

import static io.ta.processor.model.GeneratedMembers.CAPTURE_METHOD;
import static io.ta.processor.model.GeneratedMembers.COUNT_FIELD;
import static io.ta.processor.model.GeneratedMembers.KERNEL_FIELD;
import static io.ta.processor.model.GeneratedMembers.KERNEL_NAME_FIELD;
import static io.ta.processor.model.GeneratedMembers.LAST_FIELD;
import static io.ta.processor.model.GeneratedMembers.LAST_INPUT_FIELD_PREFIX;
import static io.ta.processor.model.GeneratedMembers.LOOKBACK_FIELD;
import static io.ta.processor.model.GeneratedMembers.NANS_METHOD;
import static io.ta.processor.model.GeneratedMembers.OUTPUT_FIELD_PREFIX;
import static io.ta.processor.model.GeneratedMembers.OUTPUT_AT_METHOD;
import static io.ta.processor.model.GeneratedMembers.PROBE_FIELD;
import static io.ta.processor.model.GeneratedMembers.VALUE_METHOD;
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
import io.ta.processor.model.GeneratedMembers;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.RequireModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code NameStream}: the kernel's incremental form, its user API only; the batch loop it shares with the
 * facade lives in {@code Name_Descriptor} ({@link InternalsWriter}).
 *
 * <p>{@code update} checkpoints the state before stepping (a handful of
 * field copies plus O(1) marks) so {@code replaceLast} can revise the bar; {@code preview} checkpoints, steps and
 * rewinds.
 */
public final class StreamWriter {
    /** What an output accessor returns: the captured value, which capture() made finite or NaN. */
    private static final String VALUE_RETURN =
            "the value, NaN while there is none (warm-up, missing or non-finite inputs)";

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

        t.addField(FieldSpec.builder(String.class, KERNEL_NAME_FIELD, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$S", m.name()).build());
        for (ParamModel p : m.params()) {
            // Package-private: the descriptor's newKernel(stream) calls the kernel's constructor with them itself.
            t.addField(p.javaType(), p.javaName(), Modifier.FINAL);
        }
        t.addField(TypeName.INT, LOOKBACK_FIELD, Modifier.PRIVATE, Modifier.FINAL);
        t.addField(kernel, KERNEL_FIELD, Modifier.PRIVATE);
        t.addField(state, LAST_FIELD, Modifier.PRIVATE);
        t.addField(state, PROBE_FIELD, Modifier.PRIVATE, Modifier.FINAL);
        t.addField(TypeName.LONG, COUNT_FIELD, Modifier.PRIVATE);
        // Outputs are numbered, not named after the kernel's, so no output name can collide with a field of this class;
        // fields, not an array, since an update stores them on every bar.
        for (int i = 0; i < m.outputs().size(); i++) {
            t.addField(FieldSpec.builder(TypeName.DOUBLE, output(i), Modifier.PRIVATE).initializer("$T.NaN", Double.class).build());
        }
        // The last committed bar: a snapshot holds the state before it plus the bar, so the replace-last checkpoint is
        // re-derived on restore by stepping the bar again instead of being trusted from the bytes.
        for (int i = 0; i < m.inputs().size(); i++) {
            t.addField(FieldSpec.builder(TypeName.DOUBLE, lastInput(i), Modifier.PRIVATE).initializer("$T.NaN", Double.class).build());
        }
        t.addMethod(MethodSpec.methodBuilder(NANS_METHOD).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(Signatures.DOUBLES)
                .addParameter(TypeName.INT, "n")
                .addStatement("double[] a = new double[n]")
                .addStatement("$T.fill(a, $T.NaN)", java.util.Arrays.class, Double.class)
                .addStatement("return a").build());

        // Constructor: validate, then build the kernel and its two checkpoints.
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A fresh stream.\n\n")
                .addJavadoc(FacadeWriter.params(m))
                .addJavadoc("@throws io.ta.error.InvalidParameterException if a parameter is out of range\n")
                .addParameters(Signatures.params(m))
                .addStatement("$T.validate($L)", m.descriptorType(), Signatures.paramArgs(m));
        for (ParamModel p : m.params()) {
            ctor.addStatement("this.$N = $N", p.javaName(), p.javaName());
        }
        ctor.addStatement(code("this.$lookback:N = $kernel:T.lookback($args:L)", "kernel", kernel, "args", lookbackArgs))
                .addStatement(code("this.$k:N = new $kernel:T($args:L)", "kernel", kernel, "args", Signatures.paramArgs(m)))
                .addStatement(code("this.$last:N = new $state:T($k:N)", "state", state))
                .addStatement(code("this.$probe:N = new $state:T($k:N)", "state", state));
        t.addMethod(ctor.build());


        // Typed per-bar API.
        List<ParameterSpec> bar = Signatures.scalarInputs(m);
        CodeBlock barArgs = Signatures.join(Signatures.inputNames(m));
        CodeBlock stepCall = code("$k:N.$step:N($args:L)", "step", m.stepMethod(), "args", barArgs);
        // One output: the value itself. Several: the stream, so a call chains into an accessor without allocating
        // (macd.update(x).histogram()).
        TypeName ret = multi ? self : TypeName.DOUBLE;
        MethodSpec.Builder update = MethodSpec.methodBuilder("update").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Commits one bar$L\n\n", multi ? "; returns this stream, whose accessors now read its outputs." : " and returns its output.")
                .addJavadoc(barDoc(m, multi ? "this stream" : "the bar's output, NaN while there is none (warm-up, missing values)"))
                .addParameters(bar)
                .addStatement(code("$last:N.$save:N($k:N)", "save", saveOf(m)))
                .addStatement(code("$count:N++"));
        recordInputs(update, m, "");
        MethodSpec.Builder preview = MethodSpec.methodBuilder("preview").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Evaluates the forming bar without committing it$L\n\n", multi ? "; returns this stream, whose accessors now read its\noutputs." : "; returns its output.")
                .addJavadoc(barDoc(m, multi ? "this stream" : "the forming bar's output"))
                .addParameters(bar)
                .addStatement(code("$probe:N.$save:N($k:N)", "save", saveOf(m)));
        MethodSpec.Builder replace = MethodSpec.methodBuilder("replaceLast").addModifiers(Modifier.PUBLIC).returns(ret)
                .addJavadoc("Replaces the last committed bar$L\n\n", multi ? "; returns this stream, whose accessors now read the revised\noutputs." : "; returns the revised output.")
                .addJavadoc(barDoc(m, multi ? "this stream" : "the revised output"))
                .addJavadoc("@throws io.ta.error.StreamStateException before the first {@code update}\n")
                .addParameters(bar)
                .addStatement(code("$checks:T.hasLast($kernelName:N, $count:N)"))
                .addStatement(code("$last:N.$restore:N($k:N)", "restore", restoreOf(m)));
        recordInputs(replace, m, "");
        if (multi) {
            CodeBlock capture = code("$capture:N()");
            update.addStatement(stepCall).addStatement(capture).addStatement("return this");
            preview.addStatement(stepCall).addStatement(capture).addStatement(code("$probe:N.$restore:N($k:N)", "restore", restoreOf(m))).addStatement("return this");
            replace.addStatement(stepCall).addStatement(capture).addStatement("return this");
            MethodSpec.Builder captureMethod = MethodSpec.methodBuilder(CAPTURE_METHOD).addModifiers(Modifier.PRIVATE);
            for (int i = 0; i < m.outputs().size(); i++) {
                captureMethod.addStatement(code("$o:N = $checks:T.finiteOrNaN($k:N.$out:N)", "o", output(i),
                        "out", m.outputs().get(i).javaName()));
            }
            t.addMethod(update.build()).addMethod(preview.build()).addMethod(replace.build()).addMethod(captureMethod.build());
            for (int i = 0; i < m.outputs().size(); i++) {
                OutputModel o = m.outputs().get(i);
                t.addMethod(MethodSpec.methodBuilder(o.javaName()).addModifiers(Modifier.PUBLIC).returns(TypeName.DOUBLE)
                        .addJavadoc("Output {@code $L}$L, from the most recent update, preview or replaceLast (NaN before any).\n",
                                o.name(), o.doc().isEmpty() ? "" : " (" + Javadoc.text(o.doc()) + ")")
                        .addJavadoc("\n@return $L\n", VALUE_RETURN)
                        .addStatement("return $N", output(i))
                        .build());
            }
        } else {
            CodeBlock commit = code("return $o:N = $checks:T.finiteOrNaN($call:L)", "o", output(0), "call", stepCall);
            update.addStatement(commit);
            preview.addStatement(code("double v = $checks:T.finiteOrNaN($call:L)", "call", stepCall))
                    .addStatement(code("$probe:N.$restore:N($k:N)", "restore", restoreOf(m)))
                    .addStatement("return $N = v", output(0));
            replace.addStatement(commit);
            t.addMethod(update.build()).addMethod(preview.build()).addMethod(replace.build());
            t.addMethod(MethodSpec.methodBuilder(VALUE_METHOD).addModifiers(Modifier.PUBLIC).returns(TypeName.DOUBLE)
                    .addJavadoc("The output of the most recent update, preview or replaceLast (NaN before any).\n")
                    .addJavadoc("\n@return $L\n", VALUE_RETURN)
                    .addStatement("return $N", output(0))
                    .build());
        }

        t.addMethod(typedRange(m));
        addInternals(t, m);
        addUniform(t, m);
        return Files.file(m.packageName(), t, origins);
    }

    /** The {@code @param} lines of {@code updateRange}: the input arrays, the output arrays, the range. */
    private static CodeBlock rangeDoc(KernelModel m, List<String> outs) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (InputModel in : m.inputs()) {
            b.add("@param $N input {@code $L}, read at {@code [from, to)}\n", in.javaName(), in.name());
        }
        for (int i = 0; i < outs.size(); i++) {
            b.add("@param $N receives output {@code $L} at {@code [from, to)}\n", outs.get(i), m.outputs().get(i).name());
        }
        return b.add("@param from the first bar, inclusive\n@param to the end of the range, exclusive\n").build();
    }

    /** A {@code @param} line per input of the bar and the {@code @return} line of a per-bar method. */
    private static CodeBlock barDoc(KernelModel m, String returns) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (InputModel in : m.inputs()) {
            b.add("@param $N the bar's {@code $L} (NaN: missing)\n", in.javaName(), in.name());
        }
        return b.add("@return $L\n", returns).build();
    }

    /**
     * What {@link InternalsWriter}'s entry points read from a stream, package-private so the stream's public surface
     * is its user API only.
     */
    private static void addInternals(TypeSpec.Builder t, KernelModel m) {
        // A fused plan calls it with a constant index, so the switch folds away once inlined.
        MethodSpec.Builder at = MethodSpec.methodBuilder(OUTPUT_AT_METHOD).returns(TypeName.DOUBLE)
                .addJavadoc("Output {@code i} (in descriptor order) of the most recent update, preview or replaceLast.\n")
                .addParameter(TypeName.INT, "i")
                .beginControlFlow("switch (i)");
        for (int i = 0; i < m.outputs().size(); i++) {
            at.addStatement("case $L: return $N", i, output(i));
        }
        t.addMethod(at.addStatement("default: throw new $T(i)", IndexOutOfBoundsException.class).endControlFlow().build());
    }

    /** The field holding output {@code i}. */
    private static String output(int i) {
        return OUTPUT_FIELD_PREFIX + i;
    }

    /** The field holding input {@code i} of the last committed bar. */
    private static String lastInput(int i) {
        return LAST_INPUT_FIELD_PREFIX + i;
    }

    /** {@code lastInput<i> = input_i<suffix>}: remembers the bar being committed. */
    private static void recordInputs(MethodSpec.Builder b, KernelModel m, String suffix) {
        for (int i = 0; i < m.inputs().size(); i++) {
            b.addStatement("$N = $N$L", lastInput(i), m.inputs().get(i).javaName(), suffix);
        }
    }

    /** {@code k.step(lastInput0, ...)}: the last committed bar, stepped again. */
    private static CodeBlock restep(KernelModel m) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < m.inputs().size(); i++) {
            args.add(lastInput(i));
        }
        return code("$k:N.$step:N($args:L)", "step", m.stepMethod(), "args", Signatures.join(args));
    }

    /** The shortest range a kernel of scalars is stepped over as a copy local to {@code updateRange}. */
    private static final int LOCAL_RANGE = 32;

    private static MethodSpec typedRange(KernelModel m) {
        List<String> outs = Signatures.outArrays(m);
        List<String> all = new ArrayList<>(Signatures.inputNames(m));
        all.addAll(outs);
        MethodSpec.Builder b = MethodSpec.methodBuilder("updateRange").addModifiers(Modifier.PUBLIC)
                .addJavadoc("Commits bars {@code [from, to)} of the inputs, writing outputs at the same indices; the same as one\n")
                .addJavadoc("{@code update} per bar. Chunks of one series give exactly the whole-series batch result.\n\n")
                .addJavadoc(rangeDoc(m, outs))
                .addJavadoc("@throws io.ta.error.ShapeMismatchException if the range lies outside an array\n")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to");
        for (String a : all) {
            b.addStatement(code("$checks:T.range($kernelName:N, $a:S, $a:N, from, to)", "a", a));
        }
        InternalsWriter.addDistinct(b, m, KERNEL_NAME_FIELD);
        CodeBlock arrays = Signatures.join(all);
        b.beginControlFlow("if (from == to)").addStatement("return").endControlFlow();
        if (m.scalarState()) {
            // A kernel whose state is primitive fields is cheap to build: over a long range its state is copied into a
            // kernel made here, stepped in this method's own loop, and copied back, so the JIT keeps that state in
            // registers as the batch does, where the stream's own kernel, on the heap, is stored and reloaded every bar
            // (supersmoother's range at 0.57 of that). The loop is written here, not called, so that C2 compiles it
            // with the allocation in view. A short range keeps the heap loop: the copies, and an allocation where the
            // JIT does not remove it, are not worth a few bars.
            b.beginControlFlow("if (to - from >= $L)", LOCAL_RANGE)
                    .addStatement(code("$kernel:T $k:N = new $kernel:T($args:L)", "kernel", m.kernel(),
                            "args", Signatures.paramArgs(m, "this")))
                    .addStatement(code("$probe:N.$save:N(this.$k:N)", "save", saveOf(m)))
                    .addStatement(code("$probe:N.$restore:N($k:N)", "restore", restoreOf(m)));
            InternalsWriter.addLoop(b, m, "from", "to - 1");
            b.addStatement(code("$last:N.$save:N($k:N)", "save", saveOf(m)));
            recordInputs(b, m, "[to - 1]");
            InternalsWriter.addLoop(b, m, "to - 1", "to");
            b.addStatement(code("$probe:N.$save:N($k:N)", "save", saveOf(m)))
                    .addStatement(code("$probe:N.$restore:N(this.$k:N)", "restore", restoreOf(m)))
                    .nextControlFlow("else");
        }
        b.addStatement(code("$kernel:T $k:N = this.$k:N", "kernel", m.kernel()))
                .addStatement(code("$desc:T.loop($k:N, $arrays:L, from, to - 1)", "desc", m.descriptorType(), "arrays", arrays))
                .addStatement(code("$last:N.$save:N($k:N)", "save", saveOf(m)));
        recordInputs(b, m, "[to - 1]");
        b.addStatement(code("$desc:T.loop($k:N, $arrays:L, to - 1, to)", "desc", m.descriptorType(), "arrays", arrays));
        if (m.scalarState()) {
            b.endControlFlow();
        }
        b.addStatement(code("$count:N += to - from"));
        for (int i = 0; i < outs.size(); i++) {
            b.addStatement("$N = $N[to - 1]", output(i), outs.get(i));
        }
        return b.build();
    }

    private static void addUniform(TypeSpec.Builder t, KernelModel m) {
        int nIn = m.inputs().size();
        int nOut = m.outputs().size();
        ClassName desc = m.descriptorType();
        ClassName state = m.stateType();

        t.addMethod(override("descriptor", Types.DESCRIPTOR)
                .addJavadoc("The kernel's descriptor.\n\n@return the one shared descriptor of {@code $L}\n", m.name())
                .addStatement("return $T.INSTANCE", desc).build());
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
                .addJavadoc("The parameters this stream was made with.\n\n@return their values, by name and position\n")
                .addStatement("return $T.ofPositional($T.INSTANCE$L)", Types.PARAM_VALUES, desc, pv.build())
                .build());
        t.addMethod(override("lookback", TypeName.INT)
                .addJavadoc("Index of the first valid output for NaN-free input.\n\n")
                .addJavadoc("@return the number of warm-up bars, whose outputs are NaN\n")
                .addStatement(code("return $lookback:N")).build());
        t.addMethod(override("count", TypeName.LONG)
                .addJavadoc("Committed bars so far: a preview or a replaceLast commits none.\n\n")
                .addJavadoc("@return the bars {@code update} and {@code updateRange} committed since the last reset, plus\n")
                .addJavadoc("those of a restored snapshot\n")
                .addStatement(code("return $count:N")).build());
        t.addMethod(override("isReady", TypeName.BOOLEAN)
                .addJavadoc("Whether enough bars were committed for NaN-free input to give valid output.\n\n")
                .addJavadoc("@return {@code count() > lookback()}\n")
                .addStatement(code("return $count:N > $lookback:N")).build());

        for (String op : List.of("update", "preview", "replaceLast")) {
            MethodSpec.Builder b = override(op, TypeName.VOID)
                    .addJavadoc("{@link #$L}, with the bar and the outputs in arrays (the runtime's uniform view).\n\n", op)
                    .addJavadoc("@param bar one value per input, in the descriptor's order\n")
                    .addJavadoc("@param out receives one value per output, in the descriptor's order\n")
                    .addJavadoc("@throws io.ta.error.ShapeMismatchException if an array is null or of another length\n")
                    .addJavadoc(op.equals("replaceLast")
                            ? "@throws io.ta.error.StreamStateException before the first {@code update}\n" : "")
                    .addParameter(DOUBLES, "bar")
                    .addParameter(DOUBLES, "out")
                    .addStatement(code("$checks:T.values($kernelName:N, $what:S, $n:L, bar)", "what", "inputs", "n", nIn))
                    .addStatement(code("$checks:T.values($kernelName:N, $what:S, $n:L, out)", "what", "outputs", "n", nOut));
            List<String> args = new ArrayList<>();
            for (int i = 0; i < nIn; i++) {
                args.add("bar[" + i + "]");
            }
            b.addStatement("$N($L)", op, Signatures.join(args));
            for (int i = 0; i < nOut; i++) {
                b.addStatement("out[$L] = $N", i, output(i));
            }
            t.addMethod(b.build());
        }

        MethodSpec.Builder range = override("updateRange", TypeName.VOID)
                .addJavadoc("The typed {@code updateRange}, with one array per input and per output.\n\n")
                .addJavadoc("@param in one array per input, in the descriptor's order, read at {@code [from, to)}\n")
                .addJavadoc("@param out one array per output, in the descriptor's order, written at {@code [from, to)}\n")
                .addJavadoc("@param from the first bar, inclusive\n@param to the end of the range, exclusive\n")
                .addJavadoc("@throws io.ta.error.ShapeMismatchException if an array is missing or the range lies outside")
                .addJavadoc(" one\n")
                .addParameter(Signatures.DOUBLES2, "in")
                .addParameter(Signatures.DOUBLES2, "out")
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addStatement(code("$checks:T.arrays($kernelName:N, $what:S, $n:L, in)", "what", "input arrays", "n", nIn))
                .addStatement(code("$checks:T.arrays($kernelName:N, $what:S, $n:L, out)", "what", "output arrays", "n", nOut));
        List<String> args = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            args.add("in[" + i + "]");
        }
        for (int i = 0; i < nOut; i++) {
            args.add("out[" + i + "]");
        }
        range.addStatement("updateRange($L, from, to)", Signatures.join(args));
        t.addMethod(range.build());

        // Synchronized: a snapshot steps the kernel back one bar and forward again, so two snapshots of one stream at
        // once (Flink's heap backend serializes a state on its checkpoint thread while the task thread copies it) would
        // each see the other's half-stepped kernel. Uncontended, the lock costs nothing next to writing the state.
        MethodSpec.Builder snap = override("snapshot", Types.SNAPSHOT)
                .addJavadoc("The complete state, as a compact versioned value; the stream is left as it was. Several\n")
                .addJavadoc("threads may take snapshots at once while none changes the stream.\n\n")
                .addJavadoc("@return a snapshot that {@link #restore} accepts on a stream with the same parameters\n")
                .addModifiers(Modifier.SYNCHRONIZED)
                .addComment("count, parameters, outputs, then the state: after a committed bar, the state before it and the")
                .addComment("bar, so restore re-derives the replace-last checkpoint by stepping it again.")
                .addStatement("$T w = new $T()", Types.STATE_WRITER, Types.STATE_WRITER)
                .addStatement(code("w.putLong($count:N)"))
                .addStatement("w.putParams(params())");
        for (int i = 0; i < nOut; i++) {
            snap.addStatement("w.putDouble($N)", output(i));
        }
        snap.beginControlFlow(code("if ($count:N > 0)"));
        for (int i = 0; i < nIn; i++) {
            snap.addStatement("w.putDouble($N)", lastInput(i));
        }
        // The full restore: results, which the owned checkpoint skips, are written as the stream last read them from a
        // snapshot (or as the kernel was built). They mean nothing, since a step assigns them before anything reads
        // them, and so a snapshot neither depends on previews nor changes them in a round trip.
        snap.addStatement(code("$last:N.restore($k:N)"))
                .addStatement(code("$state:T.writeState($k:N, w)", "state", state))
                .addComment("The step is deterministic, so stepping the bar again puts k back exactly as it was.")
                .addStatement(restep(m))
                .nextControlFlow("else");
        if (m.hasResults()) {
            snap.addStatement(code("$last:N.restoreResults($k:N)"));
        }
        snap.addStatement(code("$state:T.writeState($k:N, w)", "state", state))
                .endControlFlow()
                .addStatement(code("return new $snapshot:T($kernelName:N, $state:T.SCHEMA, w.toArray())", "snapshot", Types.SNAPSHOT,
                        "state", state));
        t.addMethod(snap.build());

        MethodSpec.Builder restore = override("restore", TypeName.VOID)
                .addJavadoc("Replaces this stream's state by {@code snapshot}, after validating all of it; on failure\n")
                .addJavadoc("the stream is unchanged.\n\n@param snapshot a snapshot of a {@code $L} stream\n", m.name())
                .addJavadoc("@throws io.ta.error.SnapshotMismatchException if it was taken from another kernel, layout")
                .addJavadoc(" or parameter set\n")
                .addJavadoc("@throws io.ta.error.CorruptSnapshotException if a word breaks the kernel's invariants\n")
                .addParameter(Types.SNAPSHOT, "snapshot")
                .addComment("Read and check everything into fresh objects and swap at the end, so a bad snapshot leaves")
                .addComment("this stream untouched.")
                .addStatement(code("$checks:T.snapshot($kernelName:N, $state:T.SCHEMA, snapshot)", "state", state))
                .addStatement("$T r = snapshot.reader()", Types.STATE_READER)
                .addStatement("long c = r.getCount($S)", "count")
                .addStatement("r.expectParams(params())");
        List<String> outTemps = new ArrayList<>();
        for (int i = 0; i < nOut; i++) {
            restore.addStatement("double o$L = r.getDouble($S, -$T.MAX_VALUE, $T.MAX_VALUE, true)", i,
                    "output " + m.outputs().get(i).name(), Double.class, Double.class);
            outTemps.add("o" + i);
        }
        restore.addStatement(code("double[] bar = $nans:N($n:L)", "n", nIn))
                .beginControlFlow("if (c > 0)")
                .beginControlFlow("for (int i = 0; i < bar.length; i++)")
                .addStatement("bar[i] = r.getDouble()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T fresh = new $T($L)", m.kernel(), m.kernel(), Signatures.paramArgs(m))
                .addStatement("$T.readState(fresh, r)", state)
                .addStatement("r.end()")
                .addStatement("$T freshLast = new $T(fresh)", state, state)
                // Full: the checkpoint also keeps the results as read, which later snapshots write back.
                .addStatement("freshLast.save(fresh)")
                .beginControlFlow("if (c > 0)");
        List<String> barArgs = new ArrayList<>();
        for (int i = 0; i < nIn; i++) {
            barArgs.add("bar[" + i + "]");
        }
        // A JDK exception here means the words passed every declared check yet hold a state no update leaves: it is
        // the user's corrupt snapshot, and the property suite reports the kernel's missing check from the cause.
        restore.beginControlFlow("try")
                .addStatement("fresh.$N($L)", m.stepMethod(), Signatures.join(barArgs))
                .nextControlFlow("catch ($T fault)", RuntimeException.class)
                .addStatement(code("throw $checks:T.replayFailed($kernelName:N, fault)"))
                .endControlFlow()
                .endControlFlow()
                .addStatement(code("this.$k:N = fresh"))
                .addStatement(code("this.$last:N = freshLast"))
                .addStatement(code("this.$count:N = c"));
        for (int i = 0; i < nIn; i++) {
            restore.addStatement("this.$N = bar[$L]", lastInput(i), i);
        }
        for (int i = 0; i < nOut; i++) {
            restore.addStatement("this.$N = $N", output(i), outTemps.get(i));
        }
        t.addMethod(restore.build());

        MethodSpec.Builder reset = override("reset", TypeName.VOID)
                .addJavadoc("Back to the state of a fresh stream with the same parameters.\n")
                .addStatement(code("this.$k:N = new $kernel:T($args:L)", "kernel", m.kernel(), "args", Signatures.paramArgs(m)))
                .addStatement(code("this.$last:N = new $state:T($k:N)", "state", state))
                .addStatement(code("this.$count:N = 0"));
        for (int i = 0; i < nOut; i++) {
            reset.addStatement("this.$N = $T.NaN", output(i), Double.class);
        }
        for (int i = 0; i < nIn; i++) {
            reset.addStatement("this.$N = $T.NaN", lastInput(i), Double.class);
        }
        t.addMethod(reset.build());

        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement(code("return $kernelName:N + \"(\" + params() + \") after \" + $count:N + \" bars\""))
                .build());
    }

    /** The generated members by the names the templates of {@link #code} use. */
    private static final Map<String, Object> MEMBERS = Map.ofEntries(
            Map.entry("kernelName", KERNEL_NAME_FIELD), Map.entry("lookback", LOOKBACK_FIELD), Map.entry("k", KERNEL_FIELD),
            Map.entry("last", LAST_FIELD), Map.entry("probe", PROBE_FIELD), Map.entry("count", COUNT_FIELD),
            Map.entry("capture", CAPTURE_METHOD), Map.entry("nans", NANS_METHOD), Map.entry("checks", CHECKS));

    /**
     * The companion's checkpoint for the kernel the stream owns: {@code saveOwn} skips the outputs the step assigns
     * before reading (results), which nothing reads between steps here.
     */
    private static String saveOf(KernelModel m) {
        return m.hasResults() ? "saveOwn" : "save";
    }

    private static String restoreOf(KernelModel m) {
        return m.hasResults() ? "restoreOwn" : "restore";
    }

    /**
     * Code whose {@code $name:N} members are {@link GeneratedMembers}' constants (so the validator's reserved names are
     * the ones emitted), with the other named arguments given as pairs {@code name, value}.
     */
    private static CodeBlock code(String format, Object... named) {
        Map<String, Object> args = new HashMap<>(MEMBERS);
        for (int i = 0; i < named.length; i += 2) {
            args.put((String) named[i], named[i + 1]);
        }
        return CodeBlock.builder().addNamed(format, args).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
    }
}
