package io.ta.kernels;

import io.ta.kernels.testing.Descriptors;
import io.ta.kernels.testing.KernelProperties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kernel registered on the classpath, enrolled automatically in {@link KernelProperties}: a new kernel gets all
 * the properties without new test code.
 */
class KernelPropertiesTest {
    @TestFactory
    Stream<DynamicNode> everyKernel() {
        return Descriptors.all().stream().map(KernelProperties::of);
    }
}
