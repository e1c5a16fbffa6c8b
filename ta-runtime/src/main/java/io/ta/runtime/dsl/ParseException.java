package io.ta.runtime.dsl;

import java.io.Serial;

/** A syntax error, or input beyond the parser's size and nesting limits. */
public class ParseException extends ExpressionException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ParseException(String reason, String source, int offset) {
        super(reason, source, offset, null);
    }

    public ParseException(String reason, String source, int offset, Throwable cause) {
        super(reason, source, offset, cause);
    }
}
