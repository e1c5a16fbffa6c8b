package io.ta.error;

import java.io.Serial;
import java.util.List;

/**
 * A parameter (or a combination of parameters) outside its valid range. Thrown before any bar is read.
 * The message reads like {@code rsi: period must be in [2, 100000], got 1}.
 */
public final class InvalidParameterException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The kernel whose parameters were rejected. */
    private final String kernel;
    private final transient List<String> parameters;
    /** The rule that failed. */
    private final String requirement;

    /**
     * Parameters that break a kernel's declared range or cross-parameter rule.
     *
     * @param kernel the kernel's name
     * @param parameters the offending parameter names (two for a cross-parameter rule)
     * @param requirement the rule that failed, e.g. {@code "in [2, 100000]"}
     * @param message the complete message
     */
    public InvalidParameterException(String kernel, List<String> parameters, String requirement, String message) {
        super(message);
        this.kernel = kernel;
        this.parameters = List.copyOf(parameters);
        this.requirement = requirement;
    }

    /**
     * The kernel whose parameters were rejected.
     *
     * @return its name
     */
    public String kernel() {
        return kernel;
    }

    /**
     * The offending parameter names (two for a cross-parameter rule).
     *
     * @return the names; empty in a deserialized copy, which does not carry them
     */
    public List<String> parameters() {
        return parameters == null ? List.of() : parameters;
    }

    /**
     * The rule that failed, e.g. {@code "in [2, 100000]"} or {@code "fast_period < slow_period"}.
     *
     * @return the rule as text
     */
    public String requirement() {
        return requirement;
    }
}
