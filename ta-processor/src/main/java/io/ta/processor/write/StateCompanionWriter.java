package io.ta.processor.write;

import static io.ta.processor.write.Types.STATE_READER;
import static io.ta.processor.write.Types.STATE_WRITER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.FieldModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.RangeModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Name_State}: a checkpoint of a kernel's mutable state (for {@code preview} and {@code replaceLast})
 * and the snapshot encoding of the whole state. It touches every field the kernel declares, so nothing can be
 * forgotten: scalars by value, arrays by copy, state parts by their O(1) mark, nested kernels through their own
 * companion. Fixed (final) scalars are written to snapshots and checked on restore, never restored; {@code @Derived}
 * arrays (constants of the parameters) are neither checkpointed nor written, since a restore's fresh kernel computes
 * them again; a field with a declared {@code @Range} is checked against it, and the kernel's {@code @Invariant}
 * methods are called last, so a restored state is one the step can run on. Checkpoints themselves are never
 * serialized: the stream re-derives its replace-last checkpoint by stepping its last bar again. A kernel whose step
 * assigns some outputs before reading them ({@link FieldModel#result()}) also gets {@code saveOwn}/{@code restoreOwn},
 * which skip those, for the stream that owns it.
 */
public final class StateCompanionWriter {
    public JavaFile write(KernelModel m, List<? extends Element> origins) {
        ClassName kernel = m.kernel();
        TypeSpec.Builder t = TypeSpec.classBuilder(m.stateType())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("State companion of {@link $T}: a checkpoint of its mutable state, and its snapshot encoding.\n\n", kernel)
                .addJavadoc("<p>Generated internals, for generated code and for kernels that compose this one (a generated name\n")
                .addJavadoc("with {@code _} is not API).\n\n@hidden\n");

        t.addField(FieldSpec.builder(TypeName.LONG, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Hash of the state layout (nested kernels included); snapshots carry it so a changed kernel\n")
                .addJavadoc("rejects old snapshots.\n")
                .initializer("$L", hex(m.schema()))
                .build());

        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A checkpoint sized for {@code k}'s parameters, holding its state as constructed.\n\n")
                .addJavadoc("@param k the kernel whose state this checkpoint records\n")
                .addParameter(kernel, "k");
        MethodSpec.Builder save = method("save", "Records {@code k}'s mutable state.", K_DOC).addParameter(kernel, "k");
        MethodSpec.Builder restore = method("restore", "Puts the recorded state back into {@code k}.", K_DOC)
                .addParameter(kernel, "k");
        // A stream that owns the kernel reads its outputs only right after a step, so it need not carry the outputs
        // the step assigns before reading (results); a kernel that nests this one keeps the full save and restore.
        MethodSpec.Builder saveOwn = method("saveOwn", "{@link #save}, but for the stream that owns {@code k}: skips the outputs its step\n"
                + "assigns before anything reads them.", K_DOC).addParameter(kernel, "k");
        MethodSpec.Builder restoreOwn = method("restoreOwn", "{@link #restore} of what {@link #saveOwn} recorded.", K_DOC)
                .addParameter(kernel, "k");
        MethodSpec.Builder restoreResults = method("restoreResults", "Puts back only the results {@link #save} (or the constructor) recorded:\n"
                + "what the owning stream's snapshots write for them.", K_DOC).addParameter(kernel, "k");
        boolean results = m.hasResults();
        List<MethodSpec.Builder> saves = results ? List.of(save, saveOwn) : List.of(save);
        List<MethodSpec.Builder> restores = results ? List.of(restore, restoreOwn) : List.of(restore);
        MethodSpec.Builder writeState = method("writeState", "Appends the complete state of {@code k}.",
                        "@param k the kernel to encode\n@param w the snapshot being written")
                .addModifiers(Modifier.STATIC).addParameter(kernel, "k").addParameter(STATE_WRITER, "w");
        MethodSpec.Builder readState = method("readState", "Replaces the state of {@code k}; fixed fields must match and\n"
                        + "every field must satisfy its declared range and the kernel's invariants.",
                        "@param k a fresh kernel with the snapshot's parameters, whose state is replaced\n"
                        + "@param r the snapshot, positioned at this kernel's state; left past it\n"
                        + "@throws io.ta.error.CorruptSnapshotException naming the first field or invariant that fails")
                .addModifiers(Modifier.STATIC).addParameter(kernel, "k").addParameter(STATE_READER, "r");

        List<FieldModel> alternatives = m.fields().stream().filter(f -> f.presence() == FieldModel.Presence.ALTERNATIVE).toList();
        if (alternatives.size() > 1) {
            oneAlternative(m, ctor, alternatives);
        }
        for (FieldModel f : m.fields()) {
            String n = f.name();
            switch (f.kind()) {
                case SCALAR -> {
                    if (f.isFinal()) {
                        writeState.addStatement("w.put$L(k.$N)", f.accessorSuffix(), n);
                        readState.addStatement("r.expect$L($S, k.$N)", f.accessorSuffix(), n, n);
                    } else {
                        t.addField(f.type(), n, Modifier.PRIVATE);
                        for (MethodSpec.Builder b : f.result() ? List.of(save) : saves) {
                            b.addStatement("this.$N = k.$N", n, n);
                        }
                        for (MethodSpec.Builder b : f.result() ? List.of(restore, restoreResults) : restores) {
                            b.addStatement("k.$N = this.$N", n, n);
                        }
                        if (f.result()) {
                            // What the owning stream's snapshots write for it until one is restored.
                            ctor.addStatement("this.$N = k.$N", n, n);
                        }
                        writeState.addStatement("w.put$L(k.$N)", f.accessorSuffix(), n);
                        readState.addStatement("k.$N = $L", n, read(m, f));
                    }
                }
                case ARRAY -> {
                    t.addField(f.type(), n, Modifier.PRIVATE, Modifier.FINAL);
                    ctor.addStatement("this.$N = new $L[k.$N.length]", n, f.component(), n);
                    for (MethodSpec.Builder b : saves) {
                        b.addStatement("$T.arraycopy(k.$N, 0, this.$N, 0, this.$N.length)", System.class, n, n, n);
                    }
                    for (MethodSpec.Builder b : restores) {
                        b.addStatement("$T.arraycopy(this.$N, 0, k.$N, 0, this.$N.length)", System.class, n, n, n);
                    }
                    writeState.addStatement("w.put$Ls(k.$N)", f.accessorSuffix(), n);
                    readState.addStatement("r.get$Ls($S, k.$N)", f.accessorSuffix(), n, n);
                }
                case DERIVED -> {
                    // A constant of the parameters: the restore's fresh kernel computes it again, nothing to carry.
                }
                case NESTED, PART -> {
                    boolean nested = f.kind() == FieldModel.Kind.NESTED;
                    ClassName nestedState = nested ? KernelModel.stateTypeOf((ClassName) f.type()) : null;
                    t.addField(nested ? nestedState : f.partMark(), n, Modifier.PRIVATE, Modifier.FINAL);
                    CodeBlock make = nested ? CodeBlock.of("new $T(k.$N)", nestedState, n) : CodeBlock.of("k.$N.newMark()", n);
                    CodeBlock doSave = checkpoint(f, true);
                    CodeBlock doRestore = checkpoint(f, false);
                    CodeBlock doWriteState = nested ? CodeBlock.of("$T.writeState(k.$N, w)", nestedState, n) : CodeBlock.of("k.$N.write(w)", n);
                    CodeBlock doReadState = nested ? CodeBlock.of("$T.readState(k.$N, r)", nestedState, n) : CodeBlock.of("r.readPart($S, k.$N)", n, n);
                    if (f.nullable()) {
                        ctor.addStatement("this.$N = k.$N == null ? null : $L", n, n, make);
                        for (int i = 0; i < saves.size(); i++) {
                            if (f.presence() != FieldModel.Presence.ALTERNATIVE) {
                                guarded(saves.get(i), "k." + n, doSave);
                                guarded(restores.get(i), "k." + n, doRestore);
                            } else if (f == alternatives.get(0)) {
                                firstPresent(saves.get(i), alternatives, true);
                                firstPresent(restores.get(i), alternatives, false);
                            }
                        }
                        writeState.addStatement("w.putBoolean(k.$N != null)", n);
                        guarded(writeState, "k." + n, doWriteState);
                        readState.addStatement("r.expectBoolean($S, k.$N != null)", n + " present", n);
                        guarded(readState, "k." + n, doReadState);
                    } else {
                        ctor.addStatement("this.$N = $L", n, make);
                        for (int i = 0; i < saves.size(); i++) {
                            saves.get(i).addStatement(doSave);
                            restores.get(i).addStatement(doRestore);
                        }
                        writeState.addStatement(doWriteState);
                        readState.addStatement(doReadState);
                    }
                }
            }
        }
        for (String inv : m.invariants()) {
            readState.beginControlFlow("if (!k.$N())", inv)
                    .addStatement("throw r.corrupt($S)", m.name() + " state breaks its invariant " + inv + "()")
                    .endControlFlow();
        }
        t.addMethod(ctor.build())
                .addMethod(save.build())
                .addMethod(restore.build());
        if (results) {
            t.addMethod(saveOwn.build()).addMethod(restoreOwn.build()).addMethod(restoreResults.build());
        }
        t.addMethod(writeState.build())
                .addMethod(readState.build());
        return Files.file(m.packageName(), t, origins);
    }

    /** How a mutable scalar is read: plain, or checked against its declared range. */
    private static CodeBlock read(KernelModel m, FieldModel f) {
        RangeModel range = f.range();
        if (range == null) {
            return CodeBlock.of("r.get$L()", f.accessorSuffix());
        }
        String label = m.name() + "." + f.name();
        String min = range.min() == null ? "Double.NEGATIVE_INFINITY" : range.min();
        String max = range.max() == null ? "Double.POSITIVE_INFINITY" : range.max();
        if (f.component().equals("double")) {
            return CodeBlock.of("r.getDouble($S, $L, $L, $L)", label, min, max, range.nan());
        }
        return CodeBlock.of("r.get$L($S, $L, $L)", f.accessorSuffix(), label, min, max);
    }

    /** The constructor refuses a kernel that breaks its promise of at most one alternative. */
    private static void oneAlternative(KernelModel m, MethodSpec.Builder ctor, List<FieldModel> alternatives) {
        CodeBlock.Builder count = CodeBlock.builder();
        List<String> names = new ArrayList<>();
        for (FieldModel f : alternatives) {
            count.add(names.isEmpty() ? "" : " + ").add("(k.$N != null ? 1 : 0)", f.name());
            names.add(f.name());
        }
        ctor.beginControlFlow("if ($L > 1)", count.build())
                .addStatement("throw new $T($S)", IllegalStateException.class, m.name() + ": more than one of the alternatives "
                        + String.join(", ", names) + " is present (@Nullable(alternative = true) allows one)")
                .endControlFlow();
    }

    /** Saves or restores the first alternative present, testing them in declaration order. */
    private static void firstPresent(MethodSpec.Builder b, List<FieldModel> alternatives, boolean save) {
        for (int i = 0; i < alternatives.size(); i++) {
            String n = alternatives.get(i).name();
            if (i == 0) {
                b.beginControlFlow("if (k.$N != null)", n);
            } else {
                b.nextControlFlow("else if (k.$N != null)", n);
            }
            b.addStatement(checkpoint(alternatives.get(i), save));
        }
        b.endControlFlow();
    }

    /** How a checkpoint saves (or restores) a nested kernel (its companion) or a state part (its O(1) mark). */
    private static CodeBlock checkpoint(FieldModel f, boolean save) {
        String n = f.name();
        if (f.kind() == FieldModel.Kind.NESTED) {
            return CodeBlock.of(save ? "this.$N.save(k.$N)" : "this.$N.restore(k.$N)", n, n);
        }
        return CodeBlock.of(save ? "k.$N.mark(this.$N)" : "k.$N.rewind(this.$N)", n, n);
    }

    private static void guarded(MethodSpec.Builder b, String ref, CodeBlock statement) {
        b.beginControlFlow("if ($L != null)", ref).addStatement(statement).endControlFlow();
    }

    /** The {@code @param} of a checkpoint method's one argument. */
    private static final String K_DOC = "@param k the kernel";

    private static MethodSpec.Builder method(String name, String doc, String tags) {
        return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).addJavadoc(doc + "\n\n" + tags + "\n");
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v) + "L";
    }
}
