package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a state part holds a window of one of the step's inputs, unchanged: every step pushes that input once,
 * and nothing else. A whole-series batch then lends the part the input array ({@link io.ta.spi.InputBacked#backWith}),
 * so the part reads a leaving value back from the array instead of keeping its own copy of the window — TA-Lib's
 * loop, with one store and the ring's bookkeeping fewer per bar. So does a compiled plan's batch for a part pushed a
 * column. Streams, plan streams and {@code updateRange} keep the ring: their inputs arrive a bar or a block at a time.
 *
 * <pre>{@code
 * @OfInput("x") final AnchoredSum sum;   // sma: its step pushes x and only x, with sum.pushLendable(x)
 * }</pre>
 *
 * <p>The step pushes with the part's {@code pushLendable}, the one push that reads a lent input; {@code push} never
 * does, so that the same part held inside other kernels compiles without that path (docs/kernel-guide.md).
 *
 * <p>The field must be a state part implementing {@link io.ta.spi.InputBacked}, and the value the Java name of a
 * parameter of the {@code @Step} method; the processor rejects anything else at compile time. A backed part checks
 * every push against the array, so a step that pushes anything else (a transformed value, a second push) fails its
 * first batch with an exception instead of computing a wrong window — and the property suite's batch-equals-stream
 * check compares every backed batch with the stream, which never backs its parts.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface OfInput {
    /** {@return the Java name of the {@code @Step} parameter whose values the part is pushed} */
    String value();
}
