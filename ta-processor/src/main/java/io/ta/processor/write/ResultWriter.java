package io.ta.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Writes {@code NameResult}: the batch result of a multi-output kernel, one array per output. */
public final class ResultWriter {
    public JavaFile write(KernelModel m, List<? extends Element> origins) {
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        TypeSpec.Builder t = TypeSpec.recordBuilder(m.resultType())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Batch result of {@code $L}: one array per output, each aligned to the input.\n\n", m.name());
        for (OutputModel o : m.outputs()) {
            ctor.addParameter(ParameterSpec.builder(Signatures.DOUBLES, o.javaName()).build());
            t.addJavadoc("@param $N output {@code $L}$L\n", o.javaName(), o.name(), o.doc().isEmpty() ? "" : ": " + Javadoc.text(o.doc()));
        }
        t.recordConstructor(ctor.build());
        return Files.file(m.packageName(), t, origins);
    }
}
