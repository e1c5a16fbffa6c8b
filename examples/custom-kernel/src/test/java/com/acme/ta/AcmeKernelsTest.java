package com.acme.ta;

import io.ta.testing.KernelSuite;

/** The whole property suite on every kernel of this library (those in com.acme.ta and below): one line. */
class AcmeKernelsTest extends KernelSuite {}
