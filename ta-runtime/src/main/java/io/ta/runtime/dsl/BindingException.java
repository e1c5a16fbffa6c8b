package io.ta.runtime.dsl;

import java.io.Serial;

/** A name that does not resolve (kernel, output, argument, choice) or an argument the kernel does not accept
 * (a parameter out of range, a missing input, too many arguments). The typed error behind it, when there is one
 * ({@link io.ta.error.UnknownNameException}, {@link io.ta.error.InvalidParameterException}), is the cause. */
public class BindingException extends ExpressionException {
    @Serial
    private static final long serialVersionUID = 1L;

    public BindingException(String reason, String source, int offset) {
        super(reason, source, offset, null);
    }

    public BindingException(String reason, String source, int offset, Throwable cause) {
        super(reason, source, offset, cause);
    }
}
