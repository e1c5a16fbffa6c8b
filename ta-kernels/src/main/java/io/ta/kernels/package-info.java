/**
 * The built-in kernels. Each kernel class holds only its math and declared state; the generated {@link
 * io.ta.kernels.Ta} facade, the {@code *Stream} classes and the {@code *Result} records are the API; generated names
 * with {@code _} ({@code *_Descriptor}, {@code *_State}) are internals for generated and runtime code.
 */
@KernelLibrary(facade = "Ta")
package io.ta.kernels;

import io.ta.annotation.KernelLibrary;
