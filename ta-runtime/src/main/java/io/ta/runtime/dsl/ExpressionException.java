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

    private final String reason;
    private final int line;
    private final int column;
    private final String sourceLine;

    public ExpressionException(String reason, String source, int offset, Throwable cause) {
        super(source == null || offset < 0 ? reason + (source == null ? "" : "\n  in: " + source) : format(reason, source, offset),
                cause);
        this.reason = reason;
        if (source == null || offset < 0) {
            this.line = 0;
            this.column = 0;
            this.sourceLine = source == null ? "" : source;
        } else {
            int[] lc = lineColumn(source, offset);
            this.line = lc[0];
            this.column = lc[1];
            this.sourceLine = lineText(source, offset);
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

    /** The source line the error is on. */
    public String sourceLine() {
        return sourceLine;
    }

    /** The caret line: spaces up to the column, then {@code ^} (empty when unlocated). */
    public String caret() {
        return column == 0 ? "" : " ".repeat(column - 1) + "^";
    }

    static String format(String reason, String source, int offset) {
        int[] lc = lineColumn(source, offset);
        String text = lineText(source, offset);
        return "line " + lc[0] + ", column " + lc[1] + ": " + reason + "\n" + text + "\n" + " ".repeat(Math.max(0, lc[1] - 1)) + "^";
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

    static String lineText(String source, int offset) {
        int at = Math.min(Math.max(offset, 0), source.length());
        int start = source.lastIndexOf('\n', at - 1) + 1;
        int end = source.indexOf('\n', at);
        String text = source.substring(start, end < 0 ? source.length() : end);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
