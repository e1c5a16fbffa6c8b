package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.Ta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {
    @Test
    void maskIsDerivedFromNaNAndStartsAtTheLookback() {
        double[] x = {1, 2, 3, 4, 5, 6};
        Series s = Series.wrap(Ta.sma(x, 3));
        assertEquals(2, s.firstValid());
        assertEquals(Registry.standard().kernel("sma").lookback(io.ta.spi.ParamValues.of(Registry.standard().kernel("sma"), Map.of("period", 3))), s.firstValid());
        assertFalse(s.mask().get(1));
        assertTrue(s.mask().get(2));
        assertEquals(4, s.mask().count());
        assertEquals(4, s.mask().toBitSet().cardinality());
    }

    @Test
    void ofCopiesWrapAdopts() {
        double[] x = {1, 2};
        Series copied = Series.of(x);
        Series wrapped = Series.wrap(x);
        x[0] = 9;
        assertEquals(1, copied.get(0));
        assertEquals(9, wrapped.get(0));
        assertEquals(Series.of(9, 2), wrapped);
    }

    @Test
    void outputsAreNamedInDeclarationOrder() {
        Outputs o = Registry.standard().compute("sma", Map.of(), new double[25]);
        assertEquals(java.util.List.of("value"), o.names());
        assertEquals(19, o.value().firstValid());
    }
}
