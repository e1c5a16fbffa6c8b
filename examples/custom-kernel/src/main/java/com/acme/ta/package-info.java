/** Acme's own kernels; the processor generates the {@code AcmeTa} facade and the {@code AcmeTaExpr} fluent API. */
@KernelLibrary(facade = "AcmeTa")
package com.acme.ta;

import io.ta.annotation.KernelLibrary;
