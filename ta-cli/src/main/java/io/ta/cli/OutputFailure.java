package io.ta.cli;

import java.io.IOException;
import java.io.Serial;
import java.util.Locale;

/**
 * Writing the output failed (exit code 4), or its reader went away (a closed pipe: exit code 141, no message — the
 * reader stopped on purpose, as {@code head} does).
 */
final class OutputFailure extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean brokenPipe;

    OutputFailure(String target, IOException cause) {
        super("cannot write " + target + ": " + cause.getMessage(), cause);
        this.brokenPipe = isBrokenPipe(cause);
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
