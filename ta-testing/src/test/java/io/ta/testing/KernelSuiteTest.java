package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.SelectorSpec;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The suite itself: it fails a kernel that breaks a property, keeps to the kernels of the test's package, refuses to
 * pass with no kernel, and reports names claimed twice. The fixtures are compiled by the processor from
 * {@code io.ta.testing.fixture}; the one-line suites there are run through the JUnit engine as a build would.
 */
class KernelSuiteTest {
    static EngineExecutionResults run(String suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
    }

    static Set<String> names(List<Event> events) {
        Set<String> out = new TreeSet<>();
        for (Event e : events) {
            out.add(e.getTestDescriptor().getDisplayName());
        }
        return out;
    }

    static String message(Event e) {
        return e.getRequiredPayload(TestExecutionResult.class).getThrowable().map(Throwable::getMessage).orElse("");
    }

    @Test
    void aWrongLookbackFailsThatPropertyAndOnlyTheKernelsOfThePackageRun() {
        EngineExecutionResults r = run("io.ta.testing.fixture.broken.BrokenKernels");
        List<Event> failed = r.testEvents().failed().list();
        assertTrue(names(failed).contains("first valid index == lookback"), names(failed)::toString);
        Event lookback = failed.stream().filter(e -> e.getTestDescriptor().getDisplayName().equals("first valid index == lookback"))
                .findFirst().orElseThrow();
        assertTrue(message(lookback).contains("fixture_early_high(period="), message(lookback));
        assertTrue(message(lookback).contains("before the lookback"), message(lookback));
        Set<String> passed = names(r.testEvents().succeeded().list());
        assertTrue(passed.contains("batch == stream update, bit for bit"), passed::toString);
        assertTrue(passed.contains("namesAreUniqueOnTheClasspath()"), passed::toString);
        assertEquals(Set.of("fixture_early_high"), names(r.containerEvents().started().filter(e -> e.getTestDescriptor().getDisplayName().startsWith("fixture_")).toList()));
    }

    @Test
    void aSoundKernelPassesEveryPropertyInItsPackagesSuite() {
        EngineExecutionResults r = run("io.ta.testing.fixture.good.GoodKernelsTest");
        assertEquals(0, r.testEvents().failed().count(), () -> r.testEvents().failed().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)).toList().toString());
        assertEquals(21, r.testEvents().succeeded().count(), "20 properties and the name check");
        assertEquals(Set.of("fixture_window_high"), names(r.containerEvents().started().filter(e -> e.getTestDescriptor().getDisplayName().startsWith("fixture_")).toList()));
    }

    /**
     * A stream that drifts to 1e-11 of its value over the property's 10⁶ updates fails it, whichever later run the
     * property falls back on; the properties that do not look at long streams pass.
     */
    @Test
    void aDriftingStreamFailsTheDriftProperty() {
        EngineExecutionResults r = run("io.ta.testing.fixture.drifting.DriftingKernels");
        List<Event> failed = r.testEvents().failed().list();
        assertEquals(Set.of("no drift over a long stream"), names(failed), () -> failed.stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e)).toList().toString());
        String why = message(failed.get(0));
        assertTrue(why.startsWith("fixture_drifting_mean(period=")
                && why.contains("after 1000000 updates the stream differs"), why);
    }

    @Test
    void aSuiteThatFindsNoKernelFails() {
        EngineExecutionResults r = run("io.ta.testing.fixture.empty.EmptyPackageKernels");
        List<Event> failed = r.allEvents().failed().list();
        assertTrue(failed.stream().anyMatch(e -> message(e).startsWith("no kernel registered in package io.ta.testing.fixture.empty or below")),
                () -> failed.stream().map(KernelSuiteTest::message).toList().toString());
        assertEquals(0, r.testEvents().succeeded().count());
    }

    /** A descriptor that answers only its names: enough for the clash check. */
    static KernelDescriptor named(String name, List<String> aliases, List<SelectorSpec> selectors) {
        return (KernelDescriptor) Proxy.newProxyInstance(KernelSuiteTest.class.getClassLoader(), new Class<?>[] {KernelDescriptor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name" -> name;
                    case "aliases" -> aliases;
                    case "selectors" -> selectors;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aNameClaimedByAnotherKernelIsReportedWithBothKernels() {
        KernelDescriptor builtIn = named("sma", List.of("ma_simple"), List.of());
        KernelDescriptor other = named("rsi", List.of(), List.of());
        KernelDescriptor mine = named("acme", List.of("sma"), List.of(new SelectorSpec("rsi", "out")));
        List<String> clashes = KernelSuite.clashes(List.of(builtIn, other, mine), List.of(mine));
        assertEquals(2, clashes.size(), clashes::toString);
        assertTrue(clashes.get(0).startsWith("'sma' is claimed by sma ("), clashes.get(0));
        assertTrue(clashes.get(0).contains(") and by acme ("), clashes.get(0));
        assertTrue(clashes.get(1).startsWith("'rsi' is claimed by rsi ("), clashes.get(1));
        List<String> others = KernelSuite.clashes(List.of(builtIn, other, mine), List.of(other));
        assertEquals(1, others.size(), "a clash between two kernels not under test is not theirs to report: " + others);
        assertTrue(others.get(0).startsWith("'rsi' is claimed by rsi ("), others.get(0));
    }
}
