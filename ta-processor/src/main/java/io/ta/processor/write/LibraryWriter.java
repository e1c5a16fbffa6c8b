package io.ta.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.KernelModel;
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

    /** The provider of {@code facade}'s library, listing {@code kernels} by name. */
    public JavaFile write(ClassName facade, List<KernelModel> kernels, List<? extends Element> origins) {
        ClassName self = providerType(facade);
        List<KernelModel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelModel::name));
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", Types.LIST).indent().indent();
        for (int i = 0; i < sorted.size(); i++) {
            list.add(i == 0 ? "\n$T.INSTANCE" : ",\n$T.INSTANCE", sorted.get(i).descriptorType());
        }
        list.add(")").unindent().unindent();
        ParameterizedTypeName listType = ParameterizedTypeName.get(Types.LIST, Types.DESCRIPTOR);
        TypeSpec.Builder t = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(PROVIDER)
                .addJavadoc("The kernels of the library whose facade is {@link $T}, as one provider for\n", facade)
                .addJavadoc("{@link java.util.ServiceLoader}: a module declares\n")
                .addJavadoc("{@code provides io.ta.spi.KernelLibraryProvider with $L;}\n", self.canonicalName())
                .addField(FieldSpec.builder(listType, "KERNELS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(list.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("For {@link java.util.ServiceLoader}.\n").build())
                .addMethod(MethodSpec.methodBuilder("kernels").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(listType)
                        .addJavadoc("Every kernel of this library, sorted by name.\n\n@return the descriptors' shared instances\n")
                        .addStatement("return KERNELS").build());
        return Files.file(facade.packageName(), t, origins);
    }
}
