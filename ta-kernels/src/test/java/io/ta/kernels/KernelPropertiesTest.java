package io.ta.kernels;

import io.ta.testing.KernelSuite;

/**
 * Every built-in kernel (every kernel registered in {@code io.ta.kernels} and below) through ta-testing's
 * {@link KernelSuite}, the suite extension libraries run with the same one line: a new kernel gets all the properties
 * without new test code. {@code -Dta.kernels=sma,var} runs only those kernels (for long runs such as
 * {@code -Dta.examples=100000}, whose drift property streams 10⁸ updates).
 */
class KernelPropertiesTest extends KernelSuite {}
