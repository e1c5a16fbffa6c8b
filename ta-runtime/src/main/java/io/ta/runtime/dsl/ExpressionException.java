package io.ta.runtime.dsl;

import io.ta.error.TaException;
import java.io.Serial;

/**
 * An error in an expression, located in its text: the message reads {@code line L, column C: what}, followed by the
 * offending source line and a caret under the position. For expressions built with the fluent API (no text), the
 * message is the reason followed by the expression, and line and column are 0. Subclasses say which phase found it:
 * {@link ParseException} (syntax, size limits), {@link BindingException} (names, arguments, parameter values),
 * {@link TypeCheckException} (numbers vs conditions, outputs).
 */
public class ExpressionException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Longest source line shown whole; longer lines are shown as an excerpt around the column. */
    static final int MAX_SHOWN = 120;

    private final String reason;
    private final int line;
    private final int column;
    private final String sourceLine;
    private final String caret;

    /**
     * An error at {@code offset} in {@code source}; with a null source or a negative offset it is unlocated and the
     * message is the reason alone (followed by the source, if any).
     */
    public ExpressionException(String reason, String source, int offset, Throwable cause) {
        super(source == null || offset < 0 ? reason + (source == null ? "" : "\n  in: " + source) : format(reason, source, offset),
                cause);
        this.reason = reason;
        if (source == null || offset < 0) {
            this.line = 0;
            this.column = 0;
            this.sourceLine = source == null ? "" : source;
            this.caret = "";
        } else {
            int[] lc = lineColumn(source, offset);
            this.line = lc[0];
            this.column = lc[1];
            String[] shown = excerpt(source, offset);
            this.sourceLine = shown[0];
            this.caret = shown[1];
        }
    }

    /** The error without location (e.g. {@code expected ')'}). */
    public String reason() {
        return reason;
    }

    /** 1-based line, or 0 when the expression has no text. */
    public int line() {
        return line;
    }

    /** 1-based column. */
    public int column() {
        return column;
    }

    /**
     * The source line the error is on; a line longer than {@value #MAX_SHOWN} characters is shortened to an excerpt
     * around the column, with {@code …} where text was left out.
     */
    public String sourceLine() {
        return sourceLine;
    }

    /**
     * The caret line under {@link #sourceLine()}: blanks (tabs where the source has tabs, so terminals align it) up to
     * the error, then {@code ^}; empty when unlocated.
     */
    public String caret() {
        return caret;
    }

    static String format(String reason, String source, int offset) {
        int[] lc = lineColumn(source, offset);
        String[] shown = excerpt(source, offset);
        return "line " + lc[0] + ", column " + lc[1] + ": " + reason + "\n" + shown[0] + "\n" + shown[1];
    }

    /** The line around {@code offset} as shown, and its caret line. */
    static String[] excerpt(String source, int offset) {
        int at = Math.min(Math.max(offset, 0), source.length());
        int lineStart = source.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = source.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? source.length() : lineEnd;
        int from = lineStart;
        int to = lineEnd;
        if (lineEnd - lineStart > MAX_SHOWN) {
            from = Math.max(lineStart, at - MAX_SHOWN / 2);
            to = Math.min(lineEnd, from + MAX_SHOWN);
            from = Math.max(lineStart, Math.min(from, to - MAX_SHOWN));
        }
        String prefix = from > lineStart ? "…" : "";
        StringBuilder text = new StringBuilder(prefix);
        StringBuilder caret = new StringBuilder(prefix.isEmpty() ? "" : " ");
        for (int i = from; i < to; i++) {
            char c = source.charAt(i);
            // A control character would act on the user's terminal (ESC starts a colour); it is shown as \x1B.
            String shown = c != '\t' && control(c) ? String.format("\\x%02X", (int) c) : String.valueOf(c);
            text.append(shown);
            if (i < at) {
                caret.append(c == '\t' ? "\t" : " ".repeat(shown.length()));
            }
        }
        return new String[] {text.append(to < lineEnd ? "…" : "").toString(), caret.append('^').toString()};
    }

    /** Whether {@code c} is a C0 or C1 control character or DEL. */
    static boolean control(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    static int[] lineColumn(String source, int offset) {
        int line = 1;
        int col = 1;
        int end = Math.min(Math.max(offset, 0), source.length());
        for (int i = 0; i < end; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[] {line, col};
    }
}
