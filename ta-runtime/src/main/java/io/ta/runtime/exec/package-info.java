/**
 * Running a plan, internal to the runtime: in blocks over whole columns ({@code BlockExecutor}), bar by bar for
 * {@link io.ta.runtime.PlanStream} (the operators and the node model it drives), and through one generated class per
 * plan (the fused compiler), all from one executable-node model. It owns execution and its state; what a plan means is
 * decided in {@code io.ta.runtime.plan} and must not be re-decided here, and nothing here parses text or reads files.
 */
package io.ta.runtime.exec;
