package io.ta.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.SelectorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the library's one {@code io.ta.spi.KernelLibraryProvider} ({@code <Facade>Library}, next to the facade): the
 * descriptors of every kernel of the compilation. A module declares this single class in its {@code provides} clause,
 * however many kernels it has.
 */
public final class LibraryWriter {
    /** The provider interface generated libraries implement. */
    public static final ClassName PROVIDER = ClassName.get("io.ta.spi", "KernelLibraryProvider");

    /** The provider class generated for a library whose facade is {@code facade}. */
    public static ClassName providerType(ClassName facade) {
        return facade.peerClass(facade.simpleName() + "Library");
    }

    /**
     * The provider of {@code facade}'s library, listing {@code kernels} by name. Its own class holds only the names
     * ({@code names()}); the descriptors are reached one at a time ({@code kernel(i)}) or all at once through a
     * nested holder ({@code kernels()}), so that a registry which resolves a few names loads only their descriptors.
     */
    public JavaFile write(ClassName facade, List<KernelModel> kernels, List<? extends Element> origins) {
        ClassName self = providerType(facade);
        List<KernelModel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelModel::name));
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", Types.LIST).indent().indent();
        CodeBlock.Builder names = CodeBlock.builder().add("$T.of(", Types.LIST).indent().indent();
        CodeBlock.Builder pick = CodeBlock.builder().add("return switch (i) {\n").indent();
        for (int i = 0; i < sorted.size(); i++) {
            KernelModel m = sorted.get(i);
            list.add(i == 0 ? "\n$T.INSTANCE" : ",\n$T.INSTANCE", m.descriptorType());
            List<String> own = new ArrayList<>();
            own.add(m.name());
            own.addAll(m.aliases());
            for (SelectorModel sel : m.selectors()) {
                own.add(sel.alias());
            }
            names.add(i == 0 ? "\n$T.of(" : ",\n$T.of(", Types.LIST);
            for (int j = 0; j < own.size(); j++) {
                names.add(j == 0 ? "$S" : ", $S", own.get(j));
            }
            names.add(")");
            pick.add("case $L -> $T.INSTANCE;\n", i, m.descriptorType());
        }
        list.add(")").unindent().unindent();
        names.add(")").unindent().unindent();
        pick.add("default -> throw new $T($S + i + $S);\n", IndexOutOfBoundsException.class, "no kernel ",
                " in a library of " + sorted.size()).unindent().add("};\n");
        ParameterizedTypeName listType = ParameterizedTypeName.get(Types.LIST, Types.DESCRIPTOR);
        ParameterizedTypeName namesType = ParameterizedTypeName.get(Types.LIST,
                ParameterizedTypeName.get(Types.LIST, ClassName.get(String.class)));
        ClassName all = self.nestedClass("All");
        TypeSpec holder = TypeSpec.classBuilder(all)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every descriptor, loaded when {@link #kernels()} is first called.\n")
                .addField(FieldSpec.builder(listType, "KERNELS", Modifier.STATIC, Modifier.FINAL)
                        .initializer(list.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
        TypeSpec.Builder t = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(PROVIDER)
                .addJavadoc("The kernels of the library whose facade is {@link $T}, as one provider for\n", facade)
                .addJavadoc("{@link java.util.ServiceLoader}: a module declares\n")
                .addJavadoc("{@code provides io.ta.spi.KernelLibraryProvider with $L;}\n", self.canonicalName())
                .addField(FieldSpec.builder(namesType, "NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(names.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("For {@link java.util.ServiceLoader}.\n").build())
                .addMethod(MethodSpec.methodBuilder("kernels").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(listType)
                        .addJavadoc("Every kernel of this library, sorted by name.\n\n@return the descriptors' shared instances\n")
                        .addStatement("return $T.KERNELS", all).build())
                .addMethod(MethodSpec.methodBuilder("names").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(namesType)
                        .addJavadoc("Each kernel's name, aliases and selectors' aliases, in {@link #kernels()}"
                                + " order.\n\n@return one list per kernel\n")
                        .addStatement("return NAMES").build())
                .addMethod(MethodSpec.methodBuilder("kernel").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(Types.DESCRIPTOR)
                        .addParameter(int.class, "i")
                        .addJavadoc("Kernel {@code i} of {@link #kernels()}, loading no other descriptor.\n\n"
                                + "@param i the kernel's index\n@return its descriptor's shared instance\n")
                        .addCode(pick.build()).build())
                .addType(holder);
        return Files.file(facade.packageName(), t, origins);
    }
}
