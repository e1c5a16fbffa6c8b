/**
 * ta on Apache Flink: {@link io.ta.flink.TaPlanFunction} runs one compiled plan per key (instrument) over a stream of
 * {@link io.ta.flink.Bar}s, with the plan's state in Flink keyed state ({@link io.ta.flink.PlanStateSerializer}), so it
 * is checkpointed, rescaled and restored by Flink; {@link io.ta.flink.TaFlink#evaluate} wires it up. See
 * {@code docs/flink.md}. An adapter over the public runtime API: no kernel math or planning lives here, and nothing
 * outside this module depends on it.
 */
package io.ta.flink;
