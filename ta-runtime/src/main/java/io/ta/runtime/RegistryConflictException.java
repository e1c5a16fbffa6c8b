package io.ta.runtime;

import io.ta.error.TaException;
import java.io.Serial;

/**
 * Two kernels on the classpath claim the same name, alias or selector, or a kernel claims one the language cannot call
 * it by or reserves for itself ({@link io.ta.runtime.dsl.ReservedNames#whyNotAKernelName}).
 */
public final class RegistryConflictException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    public RegistryConflictException(String message) {
        super(message);
    }
}
