package io.ta.runtime.dsl;

import java.io.Serial;

/** A value used where another kind is required: a number where a condition is expected ({@code rsi(14) and ...}),
 * a multi-output kernel without choosing an output, a series where a parameter must be a number. */
public class TypeCheckException extends ExpressionException {
    @Serial
    private static final long serialVersionUID = 1L;

    public TypeCheckException(String reason, String source, int offset) {
        super(reason, source, offset, null);
    }

    public TypeCheckException(String reason, String source, int offset, Throwable cause) {
        super(reason, source, offset, cause);
    }
}
