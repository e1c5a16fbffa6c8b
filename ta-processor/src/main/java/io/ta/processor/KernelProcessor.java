package io.ta.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.ta.annotation.KernelLibrary;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.ModelFactory;
import io.ta.processor.model.SelectorModel;
import io.ta.processor.validate.ClasspathNames;
import io.ta.processor.validate.Diagnostic;
import io.ta.processor.validate.KernelValidator;
import io.ta.processor.validate.Messages;
import io.ta.processor.validate.NameClashValidator;
import io.ta.processor.validate.ValidationReport;
import io.ta.processor.write.DescriptorWriter;
import io.ta.processor.write.FacadeWriter;
import io.ta.processor.write.Files;
import io.ta.processor.write.FluentWriter;
import io.ta.processor.write.LibraryWriter;
import io.ta.processor.write.ManifestWriter;
import io.ta.processor.write.ResultWriter;
import io.ta.processor.write.StateCompanionWriter;
import io.ta.processor.write.StreamWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Turns every {@code @Kernel} class into its generated companions (validate → model → write).
 *
 * <p>Per kernel, in the round it appears: {@code _State}, {@code Stream}, {@code _Descriptor} and, for multi-output
 * kernels, {@code Result}. One round later (so the facade is itself compiled normally): the library facade and the
 * library's one {@code io.ta.spi.KernelLibraryProvider} ({@code <Facade>Library}). At the end: the provider's
 * {@code META-INF/services} entry (the one discovery path: descriptors are not registered one by one),
 * {@code META-INF/ta/catalog.json}, and — when the kernels are compiled
 * as a named module — a check that its {@code module-info.java} provides the library.
 *
 * <p>It never throws into javac. Problems with a kernel are errors on the offending element; an unexpected failure
 * becomes one {@code [TaFatal]} error for that kernel, and the others are still processed.
 */
@AutoService(Processor.class)
public final class KernelProcessor extends AbstractProcessor {
    /**
     * A kernel class whose name ends like a generated public type: {@code FooStream} would read as the stream of a
     * kernel {@code Foo}, and a kernel {@code Foo} next to it would generate the same class.
     */
    static final String TYPE_NAME =
            "[TaTypeName] kernel class %s ends with '%s', a suffix reserved for the public types generated per kernel"
                    + " (a kernel %s would generate a class %s of its own). Fix: rename the class; its catalog name in"
                    + " @Kernel can stay as it is.";
    /** A kernel whose generated public type would be another class of the compilation. */
    static final String TYPE_TAKEN =
            "[TaTypeName] kernel %s would generate a class %s, but class %s already has that name. Fix: rename"
                    + " %s; the suffixes Stream and Result are reserved for generated types.";
    /** A class of the compilation named like one of the library's generated types. */
    static final String LIBRARY_TYPE_TAKEN =
            "[TaTypeName] the kernel library would generate a class %s, but this class already has that name. Fix:"
                    + " rename the class, or name the library's facade with @KernelLibrary(facade = \"...\") in a"
                    + " package-info.java (it generates the facade, the facade + Expr and the facade + Library).";
    /** A multi-output kernel whose output handle, a class nested in the fluent builder, would be named like it. */
    static final String HANDLE_TAKEN =
            "[TaTypeName] kernel %s has several outputs, so the fluent builder %s would nest a class %s that picks"
                    + " them, and a class cannot be named like the class it is in. Fix: rename the kernel, or name the"
                    + " facade with @KernelLibrary(facade = \"...\") in a package-info.java.";
    private static final String LIBRARY_SERVICES = "META-INF/services/" + LibraryWriter.PROVIDER.canonicalName();

    private KernelElements elements;
    private KernelValidator validator;
    private ModelFactory factory;
    private NameClashValidator clashes;

    private final Map<String, String> names = new LinkedHashMap<>();
    /** Generated methods by the kernel they belong to: the facade's ({@code ".k1"}) and the builder's ({@code "Expr.k1"}). */
    private final Map<String, String> methods = new LinkedHashMap<>();
    private final List<KernelModel> models = new ArrayList<>();
    private final List<String> kernelClasses = new ArrayList<>();
    /** Every top-level type of the compilation so far, written by hand or generated, by qualified name. */
    private final Map<String, TypeElement> declared = new LinkedHashMap<>();
    private ClassName libraryFacade;
    private String libraryPackage;
    private boolean facadePending;
    private boolean failed;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(KernelElements.KERNEL, KernelElements.CHART, KernelLibrary.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (elements == null) {
            elements = new KernelElements(processingEnv);
            validator = new KernelValidator(elements);
            factory = new ModelFactory(processingEnv, elements);
            clashes = new NameClashValidator(new ClasspathNames(processingEnv.getFiler(), processingEnv.getElementUtils()));
        }
        try {
            for (Element e : round.getRootElements()) {
                if (e instanceof TypeElement t) {
                    declared.put(t.getQualifiedName().toString(), t);
                }
            }
            libraries(round);
            charts(round);
            boolean found = false;
            for (Element e : round.getElementsAnnotatedWith(processingEnv.getElementUtils().getTypeElement(KernelElements.KERNEL))) {
                found = true;
                kernel(e);
            }
            if (found) {
                facadePending = true;
            } else if (facadePending && !round.processingOver()) {
                facadePending = false;
                if (!failed && !models.isEmpty()) {
                    facade();
                }
            }
            if (round.processingOver() && !failed && !models.isEmpty()) {
                resources();
            }
        } catch (RuntimeException | IOException e) {
            failed = true;
            processingEnv.getMessager().printMessage(Kind.ERROR, Messages.FATAL.formatted("this compilation", trace(e)));
        }
        return false;
    }

    private void libraries(RoundEnvironment round) {
        for (Element e : round.getElementsAnnotatedWith(KernelLibrary.class)) {
            PackageElement p = (PackageElement) e;
            String facade = e.getAnnotation(KernelLibrary.class).facade();
            if (!SourceVersion.isIdentifier(facade) || SourceVersion.isKeyword(facade)) {
                processingEnv.getMessager().printMessage(Kind.ERROR, Messages.LIBRARY_NAME.formatted(facade), e);
                failed = true;
                continue;
            }
            if (libraryFacade != null) {
                processingEnv.getMessager().printMessage(
                        Kind.ERROR, Messages.LIBRARY_DUPLICATE.formatted(libraryPackage, p.getQualifiedName()), e);
                failed = true;
                continue;
            }
            libraryPackage = p.getQualifiedName().toString();
            libraryFacade = ClassName.get(libraryPackage, facade);
        }
    }

    /** A {@code @Chart} outside a kernel class would be read by no one: say so rather than ignore it. */
    private void charts(RoundEnvironment round) {
        TypeElement chart = processingEnv.getElementUtils().getTypeElement(KernelElements.CHART);
        if (chart == null) {
            return;
        }
        for (Element e : round.getElementsAnnotatedWith(chart)) {
            ValidationReport report = validator.validateChartElsewhere(e);
            report.printTo(processingEnv.getMessager());
            failed |= !report.isClean();
        }
    }

    private void kernel(Element e) {
        try {
            ValidationReport report = validator.validate(e);
            report.printTo(processingEnv.getMessager());
            if (!report.isClean()) {
                failed = true;
                return;
            }
            TypeElement type = (TypeElement) e;
            KernelModel m = factory.create(type);
            if (!claimNames(m, type)) {
                failed = true;
                return;
            }
            List<Element> origin = List.of(type);
            write(new StateCompanionWriter().write(m, origin));
            write(new StreamWriter().write(m, origin));
            write(new DescriptorWriter().write(m, origin));
            if (m.multiOutput()) {
                write(new ResultWriter().write(m, origin));
            }
            models.add(m);
            kernelClasses.add(type.getQualifiedName().toString());
        } catch (RuntimeException | IOException ex) {
            failed = true;
            processingEnv.getMessager().printMessage(Kind.ERROR, Messages.FATAL.formatted(e.getSimpleName(), trace(ex)), e);
        }
    }

    private boolean claimNames(KernelModel m, TypeElement type) {
        String simple = type.getSimpleName().toString();
        for (String suffix : List.of("Stream", "Result")) {
            if (simple.endsWith(suffix)) {
                String base = simple.substring(0, simple.length() - suffix.length());
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        TYPE_NAME.formatted(simple, suffix, base, simple),
                        type, KernelElements.mirror(type, KernelElements.KERNEL));
                return false;
            }
            String generated = type.getQualifiedName() + suffix;
            TypeElement other = processingEnv.getElementUtils().getTypeElement(generated);
            if (declared.containsKey(generated) || other != null && other.getAnnotationMirrors().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals(KernelElements.KERNEL))) {
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        TYPE_TAKEN.formatted(simple, simple + suffix, generated, other.getSimpleName()),
                        type, KernelElements.mirror(type, KernelElements.KERNEL));
                return false;
            }
        }
        List<String> all = new ArrayList<>();
        all.add(m.name());
        all.addAll(m.aliases());
        for (SelectorModel s : m.selectors()) {
            all.add(s.alias());
        }
        boolean ok = true;
        String self = type.getQualifiedName().toString();
        for (String n : all) {
            String owner = names.putIfAbsent(n, self);
            if (owner != null) {
                processingEnv.getMessager().printMessage(
                        Kind.ERROR,
                        Messages.DUPLICATE_NAME.formatted(n, type.getSimpleName(), owner.equals(self) ? "itself" : owner),
                        type,
                        KernelElements.mirror(type, KernelElements.KERNEL));
                ok = false;
            }
        }
        if (ok) {
            ok = claimMethods(m, type);
        }
        for (Diagnostic d : clashes.validate(m, type)) {
            processingEnv.getMessager().printMessage(Kind.ERROR, d.message(), d.element(), d.annotation());
            ok = false;
        }
        return ok;
    }

    /**
     * The facade and the fluent builder name a kernel's methods in camel case, so distinct catalog names can be one
     * Java method ({@code k_1} and {@code k1}), which javac would then refuse in generated code.
     */
    private boolean claimMethods(KernelModel m, TypeElement type) {
        String facade = libraryFacade == null ? "Kernels" : libraryFacade.simpleName();
        if (m.multiOutput() && FluentWriter.handleName(m.name()).equals(facade + "Expr")) {
            processingEnv.getMessager().printMessage(Kind.ERROR, HANDLE_TAKEN.formatted(m.name(), facade + "Expr", facade + "Expr"),
                    type, KernelElements.mirror(type, KernelElements.KERNEL));
            return false;
        }
        List<String> mine = List.of("." + m.methodName(), "Expr." + FluentWriter.kernelMethod(m.name()));
        for (String method : mine) {
            String owner = methods.get(method);
            if (owner != null) {
                int dot = method.indexOf('.');
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        Messages.JAVA_NAME.formatted(m.name(), method.substring(dot + 1), facade + method.substring(0, dot), owner),
                        type, KernelElements.mirror(type, KernelElements.KERNEL));
                return false;
            }
        }
        for (String method : mine) {
            methods.put(method, m.name());
        }
        return true;
    }

    private void facade() throws IOException {
        ClassName facade = facadeType();
        if (facade == null) {
            return;
        }
        ClassName expr = ClassName.get(facade.packageName(), facade.simpleName() + "Expr");
        for (ClassName generated : List.of(facade, expr, LibraryWriter.providerType(facade))) {
            TypeElement taken = declared.get(generated.canonicalName());
            if (taken != null) {
                failed = true;
                processingEnv.getMessager().printMessage(Kind.ERROR, LIBRARY_TYPE_TAKEN.formatted(generated.canonicalName()), taken);
            }
        }
        if (failed) {
            return;
        }
        write(new FacadeWriter().write(facade, models, origins()));
        write(new FluentWriter().write(facade, models, origins()));
        write(new LibraryWriter().write(facade, models, origins()));
    }

    /** The facade's class, or null (reported) if kernels of unrelated packages leave it nowhere to go. */
    private ClassName facadeType() {
        if (libraryFacade != null) {
            return libraryFacade;
        }
        String common = null;
        KernelModel first = null;
        for (KernelModel m : models) {
            String p = m.packageName();
            if (common == null) {
                common = p;
                first = m;
                continue;
            }
            while (!common.isEmpty() && !(p.equals(common) || p.startsWith(common + "."))) {
                int dot = common.lastIndexOf('.');
                common = dot < 0 ? "" : common.substring(0, dot);
            }
            if (common.isEmpty() && !p.isEmpty()) {
                failed = true;
                processingEnv.getMessager().printMessage(Kind.ERROR,
                        Messages.LIBRARY_NO_PACKAGE.formatted(first.packageName(), p),
                        processingEnv.getElementUtils().getTypeElement(m.kernel().canonicalName()));
                return null;
            }
        }
        return ClassName.get(common == null ? "" : common, "Kernels");
    }

    private List<Element> origins() {
        List<Element> out = new ArrayList<>();
        for (String c : kernelClasses) {
            TypeElement t = processingEnv.getElementUtils().getTypeElement(c);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private void resources() throws IOException {
        Element[] origin = origins().toArray(new Element[0]);
        ClassName provider = LibraryWriter.providerType(facadeType());
        resource(LIBRARY_SERVICES, provider.canonicalName() + "\n", origin);
        resource(io.ta.spi.KernelLoader.MANIFEST, new ManifestWriter().write(models), origin);
        checkModuleProvides(provider, origin);
    }

    /**
     * In a named module the service file is ignored: without a {@code provides} clause the module's kernels would be
     * silently invisible on the module path, so its absence is an error on the module declaration.
     */
    private void checkModuleProvides(ClassName provider, Element[] origin) {
        if (origin.length == 0) {
            return;
        }
        ModuleElement module = processingEnv.getElementUtils().getModuleOf(origin[0]);
        if (module == null || module.isUnnamed()) {
            return;
        }
        String service = LibraryWriter.PROVIDER.canonicalName();
        for (ModuleElement.Directive d : module.getDirectives()) {
            if (d instanceof ModuleElement.ProvidesDirective p && p.getService().getQualifiedName().contentEquals(service)
                    && p.getImplementations().stream().anyMatch(i -> i.getQualifiedName().contentEquals(provider.canonicalName()))) {
                return;
            }
        }
        processingEnv.getMessager().printMessage(Kind.ERROR,
                Messages.LIBRARY_NOT_PROVIDED.formatted(module.getQualifiedName(), service, provider.canonicalName()), module);
    }

    private void resource(String path, String content, Element[] origin) throws IOException {
        FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, origin);
        try (Writer w = new java.io.OutputStreamWriter(f.openOutputStream(), StandardCharsets.UTF_8)) {
            w.write(content);
        }
    }

    private void write(JavaFile file) throws IOException {
        Files.importingJavaLang(file, hidesJavaLang(file.packageName())).writeTo(processingEnv.getFiler());
    }

    /** Whether a type of {@code pkg} in this compilation is named like a java.lang type, which it hides there. */
    private boolean hidesJavaLang(String pkg) {
        for (TypeElement t : declared.values()) {
            if (t.getEnclosingElement() instanceof PackageElement p && p.getQualifiedName().contentEquals(pkg)
                    && processingEnv.getElementUtils().getTypeElement("java.lang." + t.getSimpleName()) != null) {
                return true;
            }
        }
        return false;
    }

    private static String trace(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
