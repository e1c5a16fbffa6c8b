package io.ta.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code NameResult}: the batch result of a multi-output kernel, one array per output. A record's own
 * {@code equals} compares array components by identity and its {@code toString} prints {@code [D@1b6d3586}, so two
 * runs of one batch were unequal: the record compares, hashes and prints the arrays' contents instead.
 */
public final class ResultWriter {
    private static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    private static final ClassName OBJECT = ClassName.get("java.lang", "Object");

    public JavaFile write(KernelModel m, List<? extends Element> origins) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        TypeSpec.Builder t = TypeSpec.recordBuilder(m.resultType())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Batch result of {@code $L}: one array per output, each aligned to the input.\n\n", m.name())
                .addJavadoc("<p>Two results are equal when every output holds the same values, as\n"
                        + "{@link $T#equals(double[], double[])} compares them ({@code NaN} equals {@code NaN});\n"
                        + "{@code toString} prints the values (of a long output, its length and last six).\n\n",
                        ARRAYS);
        for (OutputModel o : m.outputs()) {
            ctor.addParameter(ParameterSpec.builder(Signatures.DOUBLES, o.javaName()).build());
            t.addJavadoc("@param $N output {@code $L}$L\n", o.javaName(), o.name(), o.doc().isEmpty() ? "" : ": " + Javadoc.text(o.doc()));
        }
        t.recordConstructor(ctor.build());
        t.addMethod(equalsMethod(m, m.resultType())).addMethod(hashCodeMethod(m)).addMethod(toStringMethod(m));
        return Files.file(m.packageName(), t, origins);
    }

    /** Components are read as {@code this.x} and {@code that.x}: an output may be named like a local. */
    private static MethodSpec equalsMethod(KernelModel m, ClassName self) {
        CodeBlock.Builder same = CodeBlock.builder().add("return other instanceof $T that", self);
        for (OutputModel o : m.outputs()) {
            same.add("\n&& $T.equals(this.$N, that.$N)", ARRAYS, o.javaName(), o.javaName());
        }
        return MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(OBJECT, "other")
                .addStatement(same.build())
                .build();
    }

    private static MethodSpec hashCodeMethod(KernelModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("int hash = 0");
        for (OutputModel o : m.outputs()) {
            b.addStatement("hash = 31 * hash + $T.hashCode(this.$N)", ARRAYS, o.javaName());
        }
        return b.addStatement("return hash").build();
    }

    /**
     * The record's own format, {@code NameResult[a=…, b=…]}, with the values where it printed the array's identity:
     * all of a short output, the length and the last six of a longer one, as {@code Series} prints (a result of years
     * of bars in a log line or a debugger would otherwise be megabytes).
     */
    private static MethodSpec toStringMethod(KernelModel m) {
        CodeBlock.Builder text = CodeBlock.builder().add("return $S", m.resultType().simpleName() + "[");
        String sep = "";
        for (OutputModel o : m.outputs()) {
            String x = "this." + o.javaName();
            text.add("\n+ $S + ($L == null || $L.length <= 6 ? $T.toString($L)",
                            sep + o.javaName() + "=", x, x, ARRAYS, x)
                    .add("\n: $L.length + $S + $T.toString($T.copyOfRange($L, $L.length - 6, $L.length)))",
                            x, " bars, last 6 ", ARRAYS, ARRAYS, x, x, x);
            sep = ", ";
        }
        text.add("\n+ $S", "]");
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement(text.build())
                .build();
    }
}
