package io.ta.error;

import java.io.Serial;
import java.util.Optional;

/**
 * A kernel, alias, parameter, output or choice name that does not exist, with the closest existing name when one is
 * near enough to be a likely typo.
 */
public final class UnknownNameException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String what;
    private final String name;
    private final String suggestion;

    public UnknownNameException(String what, String name, String suggestion, String message) {
        super(message);
        this.what = what;
        this.name = name;
        this.suggestion = suggestion;
    }

    /** What kind of name it was: {@code "kernel"}, {@code "parameter"}, {@code "output"}, ... */
    public String what() {
        return what;
    }

    /** The name as given. */
    public String name() {
        return name;
    }

    /** The closest known name, if any is close. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
