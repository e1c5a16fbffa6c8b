/**
 * Benchmarks and the performance gate: JMH benchmarks of kernels, plans and streams, and same-JVM ratio measurements
 * that {@code mvn verify} checks. Measurement only: nothing in the library depends on this package.
 */
package io.ta.bench;
