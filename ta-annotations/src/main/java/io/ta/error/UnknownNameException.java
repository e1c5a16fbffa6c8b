package io.ta.error;

import io.ta.spi.Names;
import java.io.Serial;
import java.util.Collection;
import java.util.Optional;

/**
 * A kernel, alias, parameter, output or choice name that does not exist, with the closest existing name when one is
 * near enough to be a likely typo.
 */
public final class UnknownNameException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What kind of name it was. */
    private final String what;
    /** The name as given. */
    private final String name;
    /** The closest known name, or null. */
    private final String suggestion;

    /**
     * A name that nothing known has.
     *
     * @param what what kind of name it was: {@code "kernel"}, {@code "parameter"}, {@code "output"}, ...
     * @param name the name as given
     * @param suggestion the closest known name, or {@code null} if none is close
     * @param message the complete message
     */
    public UnknownNameException(String what, String name, String suggestion, String message) {
        super(message);
        this.what = what;
        this.name = name;
        this.suggestion = suggestion;
    }

    /**
     * A result (a root of a plan) that the plan does not have: the one message every place that looks a result up by
     * name gives, naming the closest result when one is a likely typo and every result there is.
     *
     * @param name the result asked for
     * @param results the results the plan has, in its order
     * @return the exception, to throw
     */
    public static UnknownNameException result(String name, Collection<String> results) {
        String near = Names.closest(name, results);
        return new UnknownNameException("result", name, near, "no result named '" + name + "'" + Names.hint(near)
                + "; results: " + String.join(", ", results));
    }

    /**
     * What kind of name it was: {@code "kernel"}, {@code "parameter"}, {@code "output"}, ...
     *
     * @return the kind
     */
    public String what() {
        return what;
    }

    /**
     * The name as given.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The closest known name, if any is close.
     *
     * @return the suggestion, or empty
     */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
