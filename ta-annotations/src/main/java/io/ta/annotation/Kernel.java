package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an indicator kernel: a pure step function over declared state.
 *
 * <p>The annotated class is the kernel's state. It must be a public final class with exactly one public
 * constructor whose parameters are all {@link Param}s, a {@code public static int lookback(...)} taking some of
 * those parameters by name, and exactly one {@link Step} method. Every instance field is state the generated code
 * owns: primitives, final primitive arrays, final fields of another kernel type (composition) or final fields of a
 * {@link io.ta.spi.StatePart} type such as {@link io.ta.state.DoubleRing}. Nothing else is allowed, so the
 * processor can copy, checkpoint, snapshot and restore the whole state exhaustively.
 *
 * <p>From one declaration the {@code ta-processor} generates a batch entry point on the library facade, a stream
 * class ({@code NameStream}) and, for several outputs, a batch result ({@code NameResult}); internally a state
 * companion ({@code Name_State}) and a registry descriptor ({@code Name_Descriptor}, listed by the library's one
 * {@code io.ta.spi.KernelLibraryProvider}), and a catalog manifest entry. A generated name with {@code _} is not API.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Kernel {
    /** {@return the canonical name, lower snake case, unique across every kernel on the classpath} */
    String name();

    /** {@return other names resolving to this kernel, lower snake case, globally unique} */
    String[] aliases() default {};

    /** {@return the catalog family, used for grouping in the catalog and default chart placement} */
    Family family();

    /** {@return the one-line summary for catalogs and {@code describe}} */
    String summary();

    /** {@return the origin of the formula and the independent reference it is checked against} */
    String reference() default "";

    /**
     * Registry names bound to one output of this kernel (docs/spec.md §1.3), for example {@code bb_upper → upper}.
     * They take the same parameters as the kernel.
     *
     * @return the selectors; none by default
     */
    Selector[] selectors() default {};

    /** {@return what the outputs mean; decides warm-up values and how the runtime type-checks them} */
    OutputKind kind() default OutputKind.NUMBER;

    /**
     * How every output scales when price inputs are multiplied by {@code c} (and volume inputs by {@code v});
     * {@link Output#scale()} overrides it per output. {@link Scale#DEFAULT} is allowed only where the processor can
     * infer it (flag kernels are {@link Scale#UNITLESS}).
     *
     * @return the outputs' unit
     */
    Scale scale() default Scale.DEFAULT;

    /**
     * The per-bar work of the step itself, beyond its state parts, when it is not O(1): a kernel whose definition
     * needs a pass over its window every bar (a finite impulse response with arbitrary weights) says
     * {@link Complexity#LINEAR}. The published cost is the larger of this and what the state parts declare
     * ({@link Cost}); the property suite holds the kernel to it.
     *
     * @return the step's own per-bar cost
     */
    Complexity cost() default Complexity.CONSTANT;
}
