package io.ta.processor.validate;

import io.ta.processor.KernelElements;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.SelectorModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Rejects a kernel whose name, alias or selector is already taken by a kernel of another library on the compile
 * classpath (the built-ins, or another extension jar), with an error on its {@code @Kernel} naming both kernels and
 * where the other one comes from. Clashes inside one compilation are the processor's {@link Messages#DUPLICATE_NAME}.
 */
public final class NameClashValidator {
    /** The message: the name, the new kernel, the other kernel, its class, its jar or folder. */
    public static final String CLASH =
            "[TaNameTaken] name '%s' of kernel %s is already taken by kernel %s (%s) from %s on the classpath; at run time"
                    + " every plan would fail with a RegistryConflictException. Fix: kernel names, aliases and selectors are"
                    + " one namespace across every kernel library a program loads; rename it (e.g. with a prefix of"
                    + " your library).";

    private final ClasspathNames classpath;

    /** A validator over the names {@code classpath} sees. */
    public NameClashValidator(ClasspathNames classpath) {
        this.classpath = classpath;
    }

    /** One diagnostic per name of {@code m} taken on the classpath, attached to {@code type}'s {@code @Kernel}. */
    public List<Diagnostic> validate(KernelModel m, TypeElement type) {
        List<String> names = new ArrayList<>();
        names.add(m.name());
        names.addAll(m.aliases());
        for (SelectorModel s : m.selectors()) {
            names.add(s.alias());
        }
        List<Diagnostic> out = new ArrayList<>();
        for (String n : names) {
            ClasspathNames.Owner o = classpath.owner(n);
            if (o != null) {
                out.add(new Diagnostic(type, KernelElements.mirror(type, KernelElements.KERNEL),
                        CLASH.formatted(n, type.getSimpleName(), o.kernel(), o.kernelClass(), o.source())));
            }
        }
        return out;
    }
}
