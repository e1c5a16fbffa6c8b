/**
 * The annotations a kernel author writes: {@link io.ta.annotation.Kernel}, {@link io.ta.annotation.Param},
 * {@link io.ta.annotation.Step}, {@link io.ta.annotation.Output}, {@link io.ta.annotation.Input} and
 * {@link io.ta.annotation.Require}, and the declarations the processor and the catalog read from them ({@code Scale},
 * {@code Chart}, {@code Cost}, {@code Range}, {@code Invariant}, {@code Derived}, {@code OfInput}). Declarations
 * only: no behaviour and no dependency on any other package of {@code ta}. See {@code docs/kernel-guide.md}.
 */
package io.ta.annotation;
