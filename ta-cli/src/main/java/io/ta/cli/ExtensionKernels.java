package io.ta.cli;

import io.ta.runtime.Registry;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import picocli.CommandLine;

/**
 * Extension kernel jars for the CLI: {@code --kernels PATH} (repeatable) and the {@code TA_KERNELS} environment
 * variable (paths separated by the platform's path separator, {@code :} on Unix), where a path is a kernel jar or a
 * plugin folder whose {@code *.jar} files are all loaded. Their kernels join the built-ins in one {@link Registry},
 * found through the same service file the runtime reads; a name claimed twice is an error, not a silent shadowing.
 */
final class ExtensionKernels {
    /** The environment variable naming kernel jars and plugin folders loaded on every run. */
    static final String ENV = "TA_KERNELS";
    /** The name of the extension jars' class loader, which stack frames of their classes carry. */
    private static final String LOADER = "ta-kernels";
    /** Every extension loader made in this process (one per command run), for naming a failing class's jar. */
    private static final List<URLClassLoader> loaders = new CopyOnWriteArrayList<>();

    private ExtensionKernels() {}

    /**
     * The registry of the built-ins plus the kernels of {@code paths} and of {@code env} (the value of
     * {@link #ENV}, may be null); the standard registry when both are empty. A file that cannot be read or is no jar
     * is skipped, as the registry skips a provider that fails: one line for the user is added to {@code skipped}.
     *
     * @throws CommandLine.ParameterException naming the path when one does not exist or is neither a jar nor a folder
     */
    static Registry registry(CommandLine cl, List<Path> paths, String env, List<String> skipped) {
        List<Path> all = new ArrayList<>(paths);
        if (env != null) {
            for (String p : env.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    all.add(Path.of(p.strip()));
                }
            }
        }
        if (all.isEmpty()) {
            return Registry.standard();
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : all) {
            for (Path jar : jars(cl, p)) {
                String unusable = unusable(jar);
                if (unusable != null) {
                    // The class loader would pass over it without a word, leaving its kernels "unknown".
                    skipped.add("kernel jar " + jar + " skipped: " + unusable);
                    continue;
                }
                try {
                    urls.add(jar.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new CommandLine.ParameterException(cl, "--kernels: not a usable path: " + jar);
                }
            }
        }
        // Never closed: the kernels' classes are used until the process ends.
        URLClassLoader loader = new URLClassLoader(LOADER, urls.toArray(new URL[0]), ExtensionKernels.class.getClassLoader());
        loaders.add(loader);
        return Registry.load(loader);
    }

    /**
     * What to tell the user when {@code failure} came out of an extension jar's code: the innermost frame of the
     * throwable or of a cause that is not the JDK's belongs to a class the extension loader defined. Null otherwise
     * (a defect of ta's own, or no extension loaded), so that ta's internal errors keep asking to be reported and an
     * extension author's bug names the class, method and jar to look at instead.
     */
    static String culprit(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                    continue;
                }
                if (!LOADER.equals(f.getClassLoaderName())) {
                    break; // ta's own code (or the application's) threw, or called what threw: not the extension's
                }
                return "extension kernel code failed: " + c + "." + f.getMethodName() + jarOf(c) + " threw " + t
                        + "; this is a defect of that jar, not of ta";
            }
        }
        return null;
    }

    /** " (in JAR)" for a class of an extension jar, or "" when its jar cannot be told. */
    private static String jarOf(String className) {
        for (URLClassLoader loader : loaders) {
            try {
                Class<?> c = Class.forName(className, false, loader);
                CodeSource source = c.getProtectionDomain().getCodeSource();
                if (c.getClassLoader() == loader && source != null && source.getLocation() != null) {
                    return " (in " + Path.of(source.getLocation().toURI()) + ")";
                }
            } catch (ReflectiveOperationException | LinkageError | URISyntaxException | RuntimeException e) {
                // Told by name only: the class cannot be found again or its jar has no file path.
            }
        }
        return "";
    }

    /** Why {@code jar} cannot be read as a jar, or null when it can. */
    @SuppressWarnings("try") // opened only to see that it opens
    private static String unusable(Path jar) {
        if (!Files.isReadable(jar)) {
            return "it cannot be read (permission denied)";
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return null;
        } catch (ZipException e) {
            return "it is not a jar (zip) file" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return "it cannot be read (" + e.getMessage() + ")";
        }
    }

    /** The jar itself, or the {@code *.jar} files of a folder in name order. */
    private static List<Path> jars(CommandLine cl, Path p) {
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                return s.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cl, "--kernels: cannot read the folder " + p + ": " + e.getMessage());
            }
        }
        if (!Files.isRegularFile(p)) {
            throw new CommandLine.ParameterException(cl, "--kernels: no such jar or folder: " + p);
        }
        return List.of(p);
    }
}
