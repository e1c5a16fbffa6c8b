package io.ta.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code eval} and {@code stream} write their CSV: text is collected by the caller in a {@link StringBuilder} and
 * handed over in blocks. Unlike a {@link java.io.PrintStream} or {@link java.io.PrintWriter}, a failed write is not
 * swallowed: it becomes an {@link OutputFailure} that ends the run.
 */
final class Output implements AutoCloseable {
    /** Callers hand over their text once it is this long (and at the end, or after every row of a live feed). */
    static final int BLOCK = 1 << 15;

    private final Writer writer;
    private final String target;
    private final boolean owned;
    private char[] chars = new char[BLOCK * 2];

    private Output(OutputStream out, String target, boolean owned) {
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.target = target;
        this.owned = owned;
    }

    /** Standard output (left open). */
    static Output standard(OutputStream out) {
        return new Output(out, "standard output", false);
    }

    /** A new file, replacing any old one. */
    static Output file(Path file) {
        try {
            return new Output(Files.newOutputStream(file), file.toString(), true);
        } catch (IOException e) {
            throw new OutputFailure(file.toString(), e);
        }
    }

    /** Writes and clears {@code sb}. */
    void write(StringBuilder sb) {
        int n = sb.length();
        if (n > chars.length) {
            chars = new char[n];
        }
        sb.getChars(0, n, chars, 0);
        try {
            writer.write(chars, 0, n);
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
        sb.setLength(0);
    }

    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
    }

    /** Flushes; closes a file. */
    @Override
    public void close() {
        try {
            if (owned) {
                writer.close();
            } else {
                writer.flush();
            }
        } catch (IOException e) {
            throw new OutputFailure(target, e);
        }
    }
}
