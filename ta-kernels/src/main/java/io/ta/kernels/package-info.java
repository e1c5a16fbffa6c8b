/**
 * The built-in kernels. Each kernel class holds only its math and declared state; the generated {@link
 * io.ta.kernels.Ta} facade, {@code *_Stream}, {@code *_Descriptor} and {@code *_State} classes are the API.
 */
@KernelLibrary(facade = "Ta")
package io.ta.kernels;

import io.ta.annotation.KernelLibrary;
