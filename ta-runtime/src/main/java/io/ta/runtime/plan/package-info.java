/**
 * The plan: binding an expression tree to registered kernels and operators, type checking, constant folding and
 * hash-consing into a DAG of nodes (one node per distinct computation), with its canonical text and fingerprint. It
 * owns what is computed, never how it runs: it must not depend on {@code io.ta.runtime.exec} or hold any data.
 */
package io.ta.runtime.plan;
