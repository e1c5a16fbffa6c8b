/**
 * The Java side of {@code libta}, the C ABI other languages call through: {@link io.ta.ffi.Bridge}'s static methods,
 * whose signatures hold only primitives, arrays, strings, buffers and opaque handles. It adapts the public runtime API
 * and adds no semantics of its own: no kernel math, planning or parsing lives here, and nothing in Java depends on it.
 */
package io.ta.ffi;
