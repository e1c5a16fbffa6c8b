package io.ta.cli;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOException;

/**
 * Writing the output failed (exit code 4), or its reader went away (a closed pipe: exit code 141, no message — the
 * reader stopped on purpose, as {@code head} does).
 */
final class OutputFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean brokenPipe;

    OutputFailure(String target, IOException cause) {
        super("cannot write " + target + ": " + reason(cause), cause);
        this.brokenPipe = isBrokenPipe(cause);
    }

    /**
     * Why a write failed, in words: the JDK's message of a missing file is its path alone, and of another file system
     * error the path before the reason, which the message names already.
     */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException f && f.getFile() != null) {
            Path parent = Path.of(f.getFile()).toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "no such folder " + Path.of(f.getFile()).getParent()
                    : "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (e instanceof IIOException && e.getCause() instanceof IOException cause) {
            return reason(cause); // ImageIO's "I/O error writing PNG file!" wraps what went wrong
        }
        return e.getMessage();
    }

    boolean brokenPipe() {
        return brokenPipe;
    }

    /** EPIPE as the JDK reports it: "Broken pipe" on Linux and macOS, "The pipe is being closed" on Windows. */
    static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("broken pipe") || m.contains("pipe is being closed") || m.contains("pipe has been ended");
    }
}
