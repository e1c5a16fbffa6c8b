package io.ta.cli;

import java.io.PrintStream;

/** Progress on standard error for very large inputs, and only when a person is watching a terminal. */
final class Progress {
    /** How often {@link io.ta.runtime.csv.CsvBars#load} reports, in rows. */
    static final int EVERY = 1 << 18;

    private Progress() {}

    /** Standard error when it is a terminal (and {@code -Dta.quiet} is not set), else {@code null}. */
    static PrintStream stream() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && !Boolean.getBoolean("ta.quiet") ? System.err : null;
    }
}
