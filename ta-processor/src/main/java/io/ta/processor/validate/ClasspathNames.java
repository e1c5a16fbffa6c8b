package io.ta.processor.validate;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The kernel names already taken on the compile classpath, so a new kernel named like one of them ({@code sma}) is a
 * compile error on its {@code @Kernel} rather than a {@code RegistryConflictException} in every plan at run time.
 *
 * <p>The names come from the catalog manifests ({@code META-INF/ta/catalog.json}) of the kernel libraries on the
 * classpath. javac's {@link Filer} returns only the first of several resources with one name and does not look into
 * jars outside package folders, so the manifests are gathered three ways:
 * <ul>
 *   <li>the libraries whose root package is known ({@link #KNOWN_LIBRARIES}: the built-ins): the jar or folder
 *       holding a class of that package is located through javac ({@code Elements.getFileObjectOf}) and its manifest
 *       read from there;</li>
 *   <li>the first manifest in a folder on the classpath, through the {@link Filer} (a library built in the same
 *       reactor);</li>
 *   <li>every manifest the processor's own class loader or the context class loader can see (all of them when the
 *       processor runs from the classpath, as with plain {@code javac -cp}).</li>
 * </ul>
 * A manifest in this compilation's own output (left by an earlier build) is ignored: it describes the library being
 * compiled, not another one. Clashes with other extension libraries that none of these reach are still reported at
 * run time by the registry, and by {@code KernelSuite}'s name check in the library's own tests.
 */
public final class ClasspathNames {
    private static final String MANIFEST = io.ta.spi.KernelLoader.MANIFEST;
    /** Root packages of libraries located through their classes: the built-in kernels. */
    public static final List<String> KNOWN_LIBRARIES = List.of("io.ta.kernels");

    /**
     * A name taken by a kernel of another library.
     *
     * @param name the name, alias or selector
     * @param kernel the canonical name of the kernel that owns it
     * @param kernelClass the kernel's class
     * @param source the jar or folder it comes from
     */
    public record Owner(String name, String kernel, String kernelClass, String source) {}

    private final Filer filer;
    private final Elements elements;
    private final String ownOutput;
    private Map<String, Owner> owners;

    /** Names visible through {@code filer}'s classpath, the classes {@code elements} resolves, and the class loaders. */
    public ClasspathNames(Filer filer, Elements elements) {
        this.filer = filer;
        this.elements = elements;
        this.ownOutput = ownOutput(filer);
    }

    /** The owner of {@code name} on the classpath, or null when it is free. */
    public Owner owner(String name) {
        if (owners == null) {
            owners = manifests();
        }
        return owners.get(name);
    }

    /** The folder this compilation writes classes to, as a URI prefix, or null if the filer does not say. */
    private static String ownOutput(Filer filer) {
        try {
            String manifest = filer.getResource(StandardLocation.CLASS_OUTPUT, "", MANIFEST).toUri().toString();
            return manifest.substring(0, manifest.length() - MANIFEST.length());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private boolean isOwn(String uri) {
        return ownOutput != null && uri.startsWith(ownOutput);
    }

    private Map<String, Owner> manifests() {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Owner> out = new LinkedHashMap<>();
        for (String root : KNOWN_LIBRARIES) {
            String uri = manifestOf(root);
            if (uri != null && seen.add(uri) && !isOwn(uri)) {
                readUrl(uri, out);
            }
        }
        try {
            FileObject first = filer.getResource(StandardLocation.CLASS_PATH, "", MANIFEST);
            String uri = first.toUri().toString();
            if (seen.add(uri) && !isOwn(uri)) {
                read(first.getCharContent(true).toString(), uri, out);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException none) {
            // no manifest in a classpath folder, or the filer cannot look there
        }
        for (ClassLoader loader : new ClassLoader[] {ClasspathNames.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Enumeration<URL> urls = loader.getResources(MANIFEST);
                while (urls.hasMoreElements()) {
                    String uri = urls.nextElement().toString();
                    if (seen.add(uri) && !isOwn(uri)) {
                        readUrl(uri, out);
                    }
                }
            } catch (IOException unreadable) {
                // a loader that cannot list resources adds nothing
            }
        }
        return out;
    }

    /**
     * The URI of the manifest next to the compiled classes of package {@code root} on the classpath ({@code jar:…!/…}
     * or {@code file:…}), or null when the package has no compiled class there (absent, or being compiled now).
     */
    private String manifestOf(String root) {
        PackageElement p = elements.getPackageElement(root);
        if (p == null) {
            return null;
        }
        for (Element e : p.getEnclosedElements()) {
            JavaFileObject f = elements.getFileObjectOf(e);
            if (f == null || f.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String uri = f.toUri().toString();
            String relative = root.replace('.', '/') + "/" + e.getSimpleName() + ".class";
            if (!uri.endsWith(relative)) {
                continue;
            }
            return uri.substring(0, uri.length() - relative.length()) + MANIFEST;
        }
        return null;
    }

    private static void readUrl(String uri, Map<String, Owner> out) {
        try {
            java.net.URLConnection c = URI.create(uri).toURL().openConnection();
            c.setUseCaches(false); // a cached jar stays open for the life of the compiler
            try (InputStream in = c.getInputStream()) {
                read(new String(in.readAllBytes(), StandardCharsets.UTF_8), uri, out);
            }
        } catch (IOException | IllegalArgumentException absent) {
            // a library without a manifest has no names to take
        }
    }

    /** Adds the names of a manifest's kernels; an unreadable manifest adds nothing (the runtime reports it). */
    static void read(String json, String uri, Map<String, Owner> out) {
        String source = source(uri, MANIFEST);
        List<?> kernels;
        try {
            kernels = (List<?>) ((Map<?, ?>) new Json(json).value()).get("kernels");
        } catch (RuntimeException unreadable) {
            return;
        }
        if (kernels == null) {
            return;
        }
        for (Object k : kernels) {
            if (!(k instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) {
                continue;
            }
            String kernelClass = m.get("classes") instanceof Map<?, ?> c && c.get("kernel") instanceof String s ? s : "?";
            List<String> names = new ArrayList<>();
            names.add(name);
            if (m.get("aliases") instanceof List<?> aliases) {
                aliases.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
            }
            if (m.get("selectors") instanceof List<?> selectors) {
                for (Object s : selectors) {
                    if (s instanceof Map<?, ?> sm && sm.get("alias") instanceof String alias) {
                        names.add(alias);
                    }
                }
            }
            for (String n : names) {
                out.putIfAbsent(n, new Owner(n, name, kernelClass, source));
            }
        }
    }

    /** {@code /x/acme.jar} for {@code jar:file:/x/acme.jar!/META-INF/…}, else the folder holding {@code META-INF}. */
    static String source(String uri, String resource) {
        String s = uri;
        if (s.startsWith("jar:")) {
            int bang = s.indexOf("!/");
            s = s.substring(4, bang < 0 ? s.length() : bang);
        } else if (s.endsWith(resource)) {
            s = s.substring(0, s.length() - resource.length());
        }
        try {
            return s.startsWith("file:") ? java.nio.file.Path.of(URI.create(s)).toString() : s;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException odd) {
            return s;
        }
    }

    /** A small JSON reader (objects, arrays, strings, numbers, literals): enough for the manifests this processor writes. */
    static final class Json {
        /**
         * Deeper arrays and objects make a manifest unreadable: the reader recurses, and a manifest of a few hundred
         * thousand brackets overflowed the compiler's stack. The processor writes five levels.
         */
        static final int MAX_DEPTH = 200;

        private final String s;
        private int i;
        private int depth;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            space();
            if (i >= s.length()) {
                throw new IllegalArgumentException("end of input");
            }
            char c = s.charAt(i);
            if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels at " + i);
            }
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        depth--;
                        return m;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        m.put(key, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    depth--;
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        depth--;
                        return l;
                    }
                    do {
                        l.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    depth--;
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "{}[],: \t\r\n\"".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    return switch (word) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> Double.valueOf(word);
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
        }
    }
}
