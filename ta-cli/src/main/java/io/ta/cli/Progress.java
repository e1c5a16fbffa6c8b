package io.ta.cli;

import java.io.PrintStream;
import picocli.CommandLine;

/** Progress on standard error for very large inputs, and only when a person is watching a terminal. */
final class Progress {
    private Progress() {}

    static PrintStream stream(CommandLine cl) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && !Boolean.getBoolean("ta.quiet") ? System.err : null;
    }
}
