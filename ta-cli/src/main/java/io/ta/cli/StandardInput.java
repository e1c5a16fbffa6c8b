package io.ta.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's standard input, for {@code --csv -}. */
final class StandardInput {
    private StandardInput() {
    }

    /**
     * Whether file descriptor 0 is what the caller gave the process. Started with it closed ({@code <&-}), the JVM
     * takes descriptor 0 for the first file it opens itself, its runtime image {@code lib/modules}: reading that as
     * the CSV gives a baffling message, and closing it crashes the JVM. On Linux {@code /proc/self/fd/0} names the
     * file; one under {@code java.home} is the JVM's own, as no caller feeds it a file of the Java runtime. Where
     * {@code /proc} does not tell (another system), the input is taken as open.
     */
    static boolean open() {
        Path fd = Path.of("/proc/self/fd/0");
        Path target;
        try {
            if (!Files.isSymbolicLink(fd)) {
                return true;
            }
            target = Files.readSymbolicLink(fd);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return true;
        }
        String home = System.getProperty("java.home");
        if (home == null || !target.isAbsolute()) {
            return true;
        }
        Path java = Path.of(home);
        try {
            // The link names the real path; java.home may be reached through a symbolic link.
            java = java.toRealPath();
        } catch (IOException | SecurityException e) {
            // compared as given
        }
        return !target.startsWith(java);
    }

    /**
     * {@code in} with a {@code close} that leaves it open: the process's standard input belongs to the caller (and,
     * when the caller closed it, descriptor 0 may be a file the JVM itself reads).
     */
    static InputStream unclosed(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // left open on purpose
            }
        };
    }
}
