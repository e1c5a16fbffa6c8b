import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.InnerClassInfo;
import java.lang.classfile.attribute.ModuleExportInfo;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The API v1 dump of one library module: every public or protected type, constructor, method and field of its
 * exported packages, one sorted line each, read from the compiled class files (no class loading, so nothing of the
 * module runs). Run by each library module's {@code verify} (exec-maven-plugin, see the parent pom) as
 * {@code java .ci/api/ApiDump.java <target/classes> <docs/api/v1/module.api> <accept>}: it compares the fresh dump
 * with the committed one and fails with the difference, or, with {@code accept} true, writes the committed file.
 *
 * <p>What is API — the one place the rule lives (docs/api/versioning.md explains it): packages the module-info exports
 * to everyone (every package when a module has no module-info), minus types whose simple name contains {@code _}
 * (generated internals) and everything nested in them; within those, public and protected members that are not
 * synthetic or bridges. Lines carry the erased descriptor (binary compatibility) and, when there is one, the generic
 * signature (source compatibility).
 */
public final class ApiDump {
    private ApiDump() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java ApiDump.java <classes dir> <api file> <accept: true|false>");
            System.exit(2);
        }
        Path classes = Path.of(args[0]);
        Path api = Path.of(args[1]);
        boolean accept = Boolean.parseBoolean(args[2]);
        List<String> fresh = dump(classes);
        if (accept) {
            Files.createDirectories(api.toAbsolutePath().getParent());
            Files.write(api, fresh, StandardCharsets.UTF_8);
            System.out.println("ApiDump: wrote " + fresh.size() + " lines to " + api);
            return;
        }
        List<String> committed = Files.exists(api) ? Files.readAllLines(api, StandardCharsets.UTF_8) : List.of();
        if (committed.equals(fresh)) {
            System.out.println("ApiDump: " + api + " matches (" + fresh.size() + " lines)");
            return;
        }
        TreeSet<String> removed = new TreeSet<>(committed);
        removed.removeAll(fresh);
        TreeSet<String> added = new TreeSet<>(fresh);
        added.removeAll(committed);
        StringBuilder sb = new StringBuilder();
        sb.append("\nThe public API differs from the committed API v1 description ").append(api).append(":\n");
        removed.forEach(l -> sb.append("  - ").append(l).append('\n'));
        added.forEach(l -> sb.append("  + ").append(l).append('\n'));
        sb.append("A removed or changed line breaks users: that needs a new major version (docs/api/versioning.md).\n");
        sb.append("If the change is deliberate, accept it and commit the .api files:\n");
        sb.append("  mvn -B verify -DskipTests -Dta.perf.skip=true -Dta.api.accept=true -pl ta-annotations,ta-kernels,ta-runtime,ta-testing -am\n");
        System.err.println(sb);
        System.exit(1);
    }

    static List<String> dump(Path classes) throws IOException {
        List<ClassModel> models = new ArrayList<>();
        ClassModel module = null;
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                ClassModel m = ClassFile.of().parse(Files.readAllBytes(p));
                if (m.isModuleInfo()) {
                    module = m;
                } else {
                    models.add(m);
                }
            }
        }
        Set<String> exported = null;
        if (module != null) {
            exported = new TreeSet<>();
            for (ModuleExportInfo e : module.findAttribute(Attributes.module()).orElseThrow().exports()) {
                if (e.exportsTo().isEmpty()) {
                    exported.add(e.exportedPackage().name().stringValue());
                }
            }
        }
        TreeSet<String> lines = new TreeSet<>();
        for (ClassModel m : models) {
            String internal = m.thisClass().asInternalName();
            String pkg = internal.contains("/") ? internal.substring(0, internal.lastIndexOf('/')) : "";
            if (exported != null && !exported.contains(pkg)) {
                continue;
            }
            if (!visibleType(m, internal)) {
                continue;
            }
            String type = internal.replace('/', '.').replace('$', '.');
            lines.add(type + " : " + typeLine(m));
            for (FieldModel f : m.fields()) {
                Set<AccessFlag> fl = f.flags().flags();
                if (visible(fl) && !fl.contains(AccessFlag.SYNTHETIC)) {
                    lines.add(type + "#" + f.fieldName().stringValue() + " : " + mods(fl) + "field "
                            + name(f.fieldTypeSymbol()) + sig(f.findAttribute(Attributes.signature())
                                    .map(a -> a.signature().stringValue()).orElse(null)));
                }
            }
            for (MethodModel mm : m.methods()) {
                Set<AccessFlag> fl = mm.flags().flags();
                String n = mm.methodName().stringValue();
                if (!visible(fl) || fl.contains(AccessFlag.SYNTHETIC) || fl.contains(AccessFlag.BRIDGE) || n.equals("<clinit>")) {
                    continue;
                }
                MethodTypeDesc d = mm.methodTypeSymbol();
                List<String> ps = new ArrayList<>();
                for (ClassDesc p : d.parameterList()) {
                    ps.add(name(p));
                }
                String exc = mm.findAttribute(Attributes.exceptions()).map(a -> a.exceptions().stream()
                        .map(c -> c.asInternalName().replace('/', '.')).sorted().toList()).map(l -> l.isEmpty() ? "" : " throws " + String.join(", ", l)).orElse("");
                lines.add(type + "#" + n + "(" + String.join(", ", ps) + ") : " + mods(fl)
                        + (n.equals("<init>") ? "constructor" : name(d.returnType())) + exc
                        + sig(mm.findAttribute(Attributes.signature()).map(a -> a.signature().stringValue()).orElse(null)));
            }
        }
        return new ArrayList<>(lines);
    }

    /** Public or protected, not generated-internal, and (for nested types) every enclosing type visible too. */
    static boolean visibleType(ClassModel m, String internal) {
        String simple = internal.substring(internal.lastIndexOf('/') + 1);
        for (String part : simple.split("\\$")) {
            if (part.contains("_") || part.isEmpty() || Character.isDigit(part.charAt(0))) {
                return false; // generated internals, and anonymous or local classes
            }
        }
        Set<AccessFlag> flags = m.flags().flags();
        if (internal.contains("$")) {
            var inner = m.findAttribute(Attributes.innerClasses());
            if (inner.isEmpty()) {
                return false;
            }
            // every level of nesting must itself be public or protected
            for (InnerClassInfo i : inner.get().classes()) {
                String n = i.innerClass().asInternalName();
                if (internal.equals(n) || internal.startsWith(n + "$")) {
                    if (!visible(i.flags())) {
                        return false;
                    }
                    if (internal.equals(n)) {
                        flags = i.flags();
                    }
                }
            }
        }
        return visible(flags);
    }

    static boolean visible(Set<AccessFlag> f) {
        return f.contains(AccessFlag.PUBLIC) || f.contains(AccessFlag.PROTECTED);
    }

    static String typeLine(ClassModel m) {
        Set<AccessFlag> f = m.flags().flags();
        String kind = f.contains(AccessFlag.ANNOTATION) ? "@interface" : f.contains(AccessFlag.INTERFACE) ? "interface"
                : f.contains(AccessFlag.ENUM) ? "enum"
                : m.superclass().map(s -> s.asInternalName().equals("java/lang/Record")).orElse(false) ? "record" : "class";
        StringBuilder sb = new StringBuilder();
        if (f.contains(AccessFlag.PROTECTED)) {
            sb.append("protected ");
        }
        if (f.contains(AccessFlag.ABSTRACT) && kind.equals("class")) {
            sb.append("abstract ");
        }
        if (f.contains(AccessFlag.FINAL) && kind.equals("class")) {
            sb.append("final ");
        }
        m.findAttribute(Attributes.permittedSubclasses()).ifPresent(p -> sb.append("sealed "));
        sb.append(kind);
        m.superclass().ifPresent(s -> {
            String n = s.asInternalName();
            if (!n.equals("java/lang/Object") && !n.equals("java/lang/Record") && !n.equals("java/lang/Enum")) {
                sb.append(" extends ").append(n.replace('/', '.'));
            }
        });
        List<String> ifs = m.interfaces().stream().map(i -> i.asInternalName().replace('/', '.')).sorted().toList();
        if (!ifs.isEmpty()) {
            sb.append(" implements ").append(String.join(", ", ifs));
        }
        sb.append(sig(m.findAttribute(Attributes.signature()).map(a -> a.signature().stringValue()).orElse(null)));
        return sb.toString();
    }

    static String mods(Set<AccessFlag> f) {
        StringBuilder sb = new StringBuilder(f.contains(AccessFlag.PROTECTED) ? "protected " : "");
        if (f.contains(AccessFlag.STATIC)) {
            sb.append("static ");
        }
        if (f.contains(AccessFlag.ABSTRACT)) {
            sb.append("abstract ");
        }
        if (f.contains(AccessFlag.FINAL)) {
            sb.append("final ");
        }
        if (f.contains(AccessFlag.VARARGS)) {
            sb.append("varargs ");
        }
        return sb.toString();
    }

    static String name(ClassDesc c) {
        if (c.isArray()) {
            return name(c.componentType()) + "[]";
        }
        if (c.isPrimitive()) {
            return c.displayName();
        }
        String d = c.descriptorString();
        return d.substring(1, d.length() - 1).replace('/', '.');
    }

    static String sig(String s) {
        return s == null ? "" : "  /* " + s + " */";
    }

}
