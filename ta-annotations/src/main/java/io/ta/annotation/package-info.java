/**
 * The annotations a kernel author writes: {@link io.ta.annotation.Kernel}, {@link io.ta.annotation.Param},
 * {@link io.ta.annotation.Step}, {@link io.ta.annotation.Output}, {@link io.ta.annotation.Input} and
 * {@link io.ta.annotation.Require}. See {@code docs/kernel-guide.md}.
 */
package io.ta.annotation;
