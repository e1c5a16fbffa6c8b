package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/**
 * The suite against mutants: kernels compiled by the processor as an extension author would write them, each
 * breaking one promise, under {@code io.ta.testing.fixture.mutant}. Each must fail the property that states the
 * promise, with a message that names the kernel and what went wrong.
 */
class MutantKernelsTest {
    private static final String MUTANTS = "io.ta.testing.fixture.mutant.";

    /** The message of property {@code property} of the suite {@code suite}, which must have failed. */
    static String failure(String suite, String property) {
        EngineExecutionResults r = KernelSuiteTest.run(MUTANTS + suite);
        List<Event> failed = r.testEvents().failed().list();
        for (Event e : failed) {
            if (e.getTestDescriptor().getDisplayName().equals(property)) {
                return KernelSuiteTest.message(e);
            }
        }
        return fail(suite + ": '" + property + "' passed; failed: " + KernelSuiteTest.names(failed));
    }

    static void assertNames(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }

    @Test
    void aDerivedArrayWrittenByTheStepFailsPreview() {
        assertNames(failure("derived.DerivedKernels", "preview then update == update"),
                "fixture_m_derived_change()", "update after preview: output 0 at bar");
    }

    @Test
    void aPartWhoseMarksShareOneFailsReplaceLast() {
        assertNames(failure("sharedmark.SharedMarkKernels", "replaceLast == the revised bar"),
                "fixture_m_shared_mark()", "replaceLast with the real bar: output 0 at bar");
    }

    @Test
    void aPartWhoseSnapshotLosesItsStateFailsSnapshotRestore() {
        assertNames(failure("lossy.LossyKernels", "snapshot, restore, continue == uninterrupted"),
                "fixture_m_lossy_drawdown()", "restored: output 0 at bar");
    }

    @Test
    void aValueBeforeTheLookbackFailsTheLookback() {
        assertNames(failure("warmup.WarmupKernels", "first valid index == lookback"),
                "fixture_m_zero_warmup(period=", "is 0.0 before the lookback");
    }

    @Test
    void aWindowCappedBelowItsPeriodFailsTheLookbackAtLargePeriods() {
        assertNames(failure("capped.CappedKernels", "first valid index == lookback"),
                "fixture_m_capped_window(period=", "before the lookback");
    }

    @Test
    void aRunningTotalFailsOutlierRecovery() {
        assertNames(failure("runningsum.RunningSumKernels", "an outlier is forgotten one window after it left"),
                "fixture_m_running_mean(period=", "is not forgotten one window after it left");
    }

    @Test
    void anAbsoluteEpsilonFailsScaleEquivariance() {
        assertNames(failure("epsilon.EpsilonKernels", "outputs scale with the prices as declared"),
                "fixture_m_absolute_epsilon(period=", "value (UNITLESS) at bar");
    }

    @Test
    void aPriceDeclaredUnitlessFailsScaleEquivariance() {
        assertNames(failure("scale.ScaleKernels", "outputs scale with the prices as declared"),
                "fixture_m_unitless_high(period=", "value (UNITLESS) at bar");
    }

    @Test
    void aScanOfTheWindowFailsTheCost() {
        assertNames(failure("scan.ScanKernels", "per-bar cost does not grow with the period"),
                "fixture_m_scan_high: per-bar cost grows with the period (declared O(1))");
    }

    @Test
    void anIntCounterOfUpdatesFailsTheCounterProperty() {
        assertNames(failure("counter.CounterKernels", "a counter of updates outlives 2^31 of them"),
                "fixture_m_int_counter(period=", "an int counter, which overflows after 2^31 updates");
    }

    @Test
    void globalStateFailsBatchEqualsStream() {
        assertNames(failure("global.GlobalKernels", "batch == stream update, bit for bit"),
                "fixture_m_global_state(period=", "update: output 0 at bar");
    }

    @Test
    void aLentPartPushedAnotherValueFailsBatchEqualsStream() {
        assertNames(failure("lent.LentKernels", "batch == stream update, bit for bit"),
                "fixture_m_lent_clamped(period=", "an @OfInput part must be pushed its input, unchanged");
    }

    @Test
    void anIndexWithoutRangeFailsHostileWords() {
        assertNames(failure("index.IndexKernels", "hostile snapshot words fail at restore or run"),
                "fixture_m_unranged_index()", "ArrayIndexOutOfBoundsException");
    }

    @Test
    void anIndexWithoutRangeIsACorruptSnapshotToTheUserWhenTheReplayMeetsIt() {
        // Restore steps the snapshot's last bar again; a slot of 7 there threw the JDK's
        // ArrayIndexOutOfBoundsException at the user, where a part's words are a CorruptSnapshotException.
        var s = new io.ta.testing.fixture.mutant.index.DelayChangeStream();
        for (int i = 0; i < 5; i++) {
            s.update(i);
        }
        io.ta.spi.StateSnapshot snap = s.snapshot();
        long[] words = snap.words();
        words[words.length - 1] = 7; // the slot, the kernel's last field
        var forged = new io.ta.spi.StateSnapshot(snap.kernel(), snap.schema(), words);
        var fresh = new io.ta.testing.fixture.mutant.index.DelayChangeStream();
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.ta.error.CorruptSnapshotException.class,
                () -> fresh.restore(forged));
        assertNames(e.getMessage(), "fixture_m_unranged_index: corrupt snapshot: replaying the last bar threw "
                + "java.lang.ArrayIndexOutOfBoundsException");
        assertTrue(e.getCause() instanceof ArrayIndexOutOfBoundsException, () -> String.valueOf(e.getCause()));
        org.junit.jupiter.api.Assertions.assertEquals(0, fresh.count(), "a refused restore changes nothing");
    }

    @Test
    void aRangeTheFieldOutgrowsFailsSnapshotRestore() {
        assertNames(failure("narrow.NarrowKernels", "snapshot, restore, continue == uninterrupted"),
                "fixture_m_narrow_range.seen holds", "outside its range");
    }

    @Test
    void aMissingValueThatPoisonsTheStateFailsRecovery() {
        assertNames(failure("poison.PoisonKernels", "causal, and recovers from a missing value"),
                "fixture_m_nan_poison(period=", "still NaN at bar");
    }

    @Test
    void anOverflowThatPoisonsTheStateFailsExtremeTicks() {
        assertNames(failure("overflow.OverflowKernels", "extreme ticks do not end the stream"),
                "fixture_m_overflow_ema(period=", "leave value NaN");
    }
}
