package io.ta.processor.write;

import static io.ta.processor.write.Types.CHECKS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.ParamModel;
import io.ta.spi.ParamSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the library facade (e.g. {@code Ta}): per kernel exactly three methods, an allocating batch function, an
 * allocation-free one writing into caller arrays, and the stream factory. Parameters are always explicit (the
 * javadoc of each parameter names its default), so a call reads the same as the expression {@code rsi(close, 14)}
 * and adding a parameter never silently changes what an old call means. Batch functions validate everything, then
 * run the kernel's generated loop ({@code Name_Descriptor.batch}) on a local kernel instance.
 */
public final class FacadeWriter {
    public JavaFile write(ClassName facade, List<KernelModel> kernels, List<? extends Element> origins) {
        TypeSpec.Builder t = TypeSpec.classBuilder(facade)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Typed entry points for the kernels of this library: batch functions over whole series (allocating,\n")
                .addJavadoc("or writing into caller arrays) and factories for their streams. Outputs are aligned to the input;\n")
                .addJavadoc("warm-up bars are NaN (0.0 for flags). Invalid parameters throw\n")
                .addJavadoc("{@link io.ta.error.InvalidParameterException} and ragged inputs\n")
                .addJavadoc("{@link io.ta.error.ShapeMismatchException}, before any bar is read.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        List<KernelModel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelModel::name));
        for (KernelModel m : sorted) {
            addKernel(t, m);
        }
        return Files.file(facade.packageName(), t, origins);
    }

    private static void addKernel(TypeSpec.Builder t, KernelModel m) {
        String name = m.methodName();
        CodeBlock doc = doc(m);
        TypeName ret = m.multiOutput() ? m.resultType() : Signatures.DOUBLES;
        List<String> outs = Signatures.outArrays(m);

        MethodSpec.Builder alloc = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ret)
                .addJavadoc(doc)
                .addJavadoc("@return $L\n", m.multiOutput() ? "one array per output, aligned to the input" : "one value per input bar")
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.params(m))
                .addStatement("$T.validate($L)", m.descriptorType(), Signatures.paramArgs(m))
                .addStatement("int n = $L", Signatures.length(m, CodeBlock.of("$S", m.name())));
        for (String o : outs) {
            alloc.addStatement("double[] $N = new double[n]", o);
        }
        alloc.addStatement("$T.batch($L)", m.descriptorType(), Signatures.batchArgs(m, outs));
        if (m.multiOutput()) {
            alloc.addStatement("return new $T($L)", m.resultType(), Signatures.join(outs));
        } else {
            alloc.addStatement("return out");
        }
        t.addMethod(alloc.build());

        MethodSpec.Builder into = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(doc)
                .addParameters(Signatures.arrayInputs(m))
                .addParameters(Signatures.params(m))
                .addParameters(Signatures.arrayOutputs(m))
                .addStatement("$T.batch($L)", m.descriptorType(), inPlaceSafe(m, outs));
        for (String o : outs) {
            into.addJavadoc("@param $N receives $L; must have the inputs' length$L\n", o,
                    m.multiOutput() ? "output {@code " + m.outputs().get(outs.indexOf(o)).name() + "}" : "the output",
                    m.multiOutput() ? " and be no other output's array" : "");
        }
        t.addMethod(into.build());

        t.addMethod(MethodSpec.methodBuilder(name + "Stream").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(m.streamType())
                .addJavadoc("A new incremental {@code $L}; see {@link $T}.\n\n", m.name(), m.streamType())
                .addJavadoc(params(m))
                .addJavadoc("@return a stream that has seen no bar\n")
                .addJavadoc("@throws io.ta.error.InvalidParameterException if a parameter is out of range\n")
                .addParameters(Signatures.params(m))
                .addStatement("return new $T($L)", m.streamType(), Signatures.paramArgs(m))
                .build());
    }

    private static CodeBlock doc(KernelModel m) {
        CodeBlock.Builder b = CodeBlock.builder().add("{@code $L}: $L\n\n", m.name(), Javadoc.text(m.summary()));
        if (!m.lookbackFormula().isEmpty()) {
            b.add("<p>Lookback (first valid index): {@code $L}.", m.lookbackFormula());
        }
        if (!m.reference().isEmpty()) {
            b.add(" Reference: $L.", Javadoc.text(m.reference()));
        }
        b.add("\n\n");
        for (InputModel in : m.inputs()) {
            b.add("@param $N input {@code $L}\n", in.javaName(), in.name());
        }
        return b.add(params(m)).build();
    }

    /**
     * A {@code @param} line per kernel parameter: its catalog name, doc, range and default. Every generated method
     * taking the parameters carries them (the stream's constructor and the facade's {@code xxxStream} said only "A
     * fresh stream" and "A new incremental …", so the javadoc of a stream gave no range at all).
     */
    static CodeBlock params(KernelModel m) {
        CodeBlock.Builder b = CodeBlock.builder();
        for (ParamModel p : m.params()) {
            String range = switch (p.type()) {
                case INT -> ParamSpec.rangeText(p.min(), p.max(), p.minExclusive(), p.maxExclusive(), false);
                case REAL -> ParamSpec.rangeText(p.min(), p.max(), p.minExclusive(), p.maxExclusive(), true);
                case BOOL -> "true or false";
                default -> "one of " + String.join(", ", p.choices());
            };
            b.add("@param $N {@code $L}$L; $L$L\n", p.javaName(), p.name(), p.doc().isEmpty() ? "" : ", " + Javadoc.text(p.doc()),
                    Javadoc.text(range), p.defaultValue() == null ? "" : "; default " + Javadoc.text(p.defaultValue()));
        }
        return b.build();
    }

    /**
     * The batch's arguments, with a copy of each input an {@code @OfInput} part reads back when the caller passed it
     * as an output too (a batch computed in place): the outputs would overwrite the values the part reads.
     */
    private static CodeBlock inPlaceSafe(KernelModel m, List<String> outs) {
        Set<String> lent = m.lentInputs();
        List<String> inputs = new ArrayList<>();
        for (String in : Signatures.inputNames(m)) {
            if (!lent.contains(in)) {
                inputs.add(in);
                continue;
            }
            String aliased = String.join(" || ", outs.stream().map(o -> in + " == " + o).toList());
            inputs.add(aliased + " ? " + in + ".clone() : " + in);
        }
        return Signatures.batchArgs(m, inputs, outs);
    }
}
