package io.ta.kernels;

import io.ta.kernels.testing.Descriptors;
import io.ta.kernels.testing.KernelProperties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kernel registered on the classpath, enrolled automatically in {@link KernelProperties}: a new kernel gets all
 * the properties without new test code. {@code -Dta.kernels=sma,var} runs only those kernels (for long runs such as
 * {@code -Dta.examples=100000}, whose drift property streams 10⁸ updates).
 */
class KernelPropertiesTest {
    private static final java.util.List<String> ONLY = java.util.Arrays.stream(System.getProperty("ta.kernels", "").split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).toList();

    @TestFactory
    Stream<DynamicNode> everyKernel() {
        return Descriptors.all().stream().filter(d -> ONLY.isEmpty() || ONLY.contains(d.name())).map(KernelProperties::of);
    }
}
