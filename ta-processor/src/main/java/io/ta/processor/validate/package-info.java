/**
 * The kernel contract, checked before anything is generated: {@link io.ta.processor.validate.KernelValidator}
 * orchestrates one validator per part (parameters, step and outputs, lookback, state, scales, charts), each reporting
 * every violation it finds against the offending element with a message from {@link io.ta.processor.validate.Messages};
 * {@link io.ta.processor.validate.NameClashValidator} and {@link io.ta.processor.validate.ClasspathNames} check that
 * catalog names are unique across the compilation and the class path.
 */
package io.ta.processor.validate;
