package io.ta.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * What every generated file has in common: {@code @Generated} naming the processor, the originating elements (for
 * incremental builds), no {@code java.lang} imports (but where a class of the package hides one). The one place to
 * change how generated code looks.
 */
public final class Files {
    public static final String PROCESSOR = "io.ta.processor.KernelProcessor";
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private Files() {}

    /** Decorates {@code type} and wraps it in a file of {@code packageName}. */
    public static JavaFile file(String packageName, TypeSpec.Builder type, List<? extends Element> origins) {
        type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build());
        for (Element e : origins) {
            type.addOriginatingElement(e);
        }
        return build(packageName, type.build());
    }

    /**
     * {@code file}, importing the java.lang types it uses when its package has a class that would hide one: a class
     * {@code Double} there is what {@code Double} means in the file, unless the file imports {@code java.lang.Double}.
     */
    public static JavaFile importingJavaLang(JavaFile file, boolean hidden) {
        return hidden ? file.toBuilder().skipJavaLangImports(false).build() : file;
    }

    private static JavaFile build(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
