package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.kernels.TaExpr;
import io.ta.runtime.dsl.ExpressionException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** Plan specs fail when the job is built, travel with the job graph, and the records Flink ships are POJOs. */
class PlanSpecTest {
    @Test
    void aColumnABarDoesNotCarryFailsWhenTheJobIsBuilt() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> PlanSpec.of("sma(dax, 5)"));
        assertEquals("ta_flink: the plan reads column 'dax', but a bar carries only open, high, low, close, volume",
                e.getMessage());
        assertEquals("dax", e.name());
    }

    @Test
    void aBadExpressionFailsWithItsLocation() {
        ExpressionException e = assertThrows(ExpressionException.class, () -> PlanSpec.of("rsi(close, 14"));
        assertTrue(e.getMessage().startsWith("line 1, column 14"), e.getMessage());
        assertThrows(InvalidParameterException.class, () -> PlanSpec.of((Map<String, String>) null));
        assertThrows(InvalidParameterException.class, () -> new TaPlanFunction<String>(null));
        assertThrows(InvalidParameterException.class, () -> TaFlink.evaluate(null, Map.of("x", "close")));
        InvalidParameterException bar = assertThrows(InvalidParameterException.class, () -> Bar.ofClose(null, 0, 1));
        assertEquals("bar: symbol must not be null", bar.getMessage());
        assertThrows(InvalidParameterException.class, () -> new TaResult("S", 0, TaResult.Kind.BAR, null));
    }

    @Test
    void aNullRootNameOrSpecIsATypedErrorNotANullPointerException() {
        PlanSpec spec = PlanSpec.of(Map.of("rsi", "rsi(close, 14)"));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> spec.indexOf(null));
        assertEquals("no result named 'null'; results: rsi", e.getMessage(), "as PlanStream.value(null) says it");
        InvalidParameterException s = assertThrows(InvalidParameterException.class, () -> new PlanStateSerializer(null));
        assertEquals("ta_flink: spec must not be null", s.getMessage());
    }

    @Test
    void aFluentExpressionIsTheSameComputationAsItsText() {
        TaExpr close = TaExpr.close();
        PlanSpec fluent = PlanSpec.of(close.rsi(14).lt(30).and(close.gt(close.sma(200))));
        PlanSpec text = PlanSpec.of("rsi(close, 14) < 30 and close > sma(close, 200)");
        assertEquals(text.fingerprint(), fluent.fingerprint());
        Map<String, TaExpr> named = new LinkedHashMap<>();
        named.put("fast", close.ema(12));
        named.put("slow", close.ema(26));
        PlanSpec two = PlanSpec.ofFluent(named);
        assertEquals(java.util.List.of("fast", "slow"), two.names());
        assertEquals(1, two.indexOf("slow"));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> two.indexOf("slw"));
        assertEquals("no result named 'slw' (did you mean slow?); results: fast, slow", e.getMessage(),
                "the runtime's message for an unknown result");
    }

    /**
     * A fluent expression the runtime refuses is refused with the runtime's own message. Its printed text was compiled
     * first, and a non-finite constant prints as a name: "ta_flink: the plan reads column 'nan', but a bar carries
     * only open, high, low, close, volume", a column the user never wrote.
     */
    @Test
    void aFluentExpressionTheRuntimeRefusesFailsWithTheRuntimesMessage() {
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            TaExpr e = TaExpr.close().times(x);
            ExpressionException plain = assertThrows(ExpressionException.class,
                    () -> io.ta.runtime.Plan.of(Map.of("value", e), io.ta.runtime.Registry.standard()));
            ExpressionException flink = assertThrows(ExpressionException.class, () -> PlanSpec.of(e));
            assertEquals(plain.getMessage(), flink.getMessage());
            assertTrue(flink.getMessage().contains("is not finite"), flink.getMessage());
        }
    }

    @Test
    void aSpecSurvivesJavaSerializationAsTheJobGraphShipsIt() throws Exception {
        PlanSpec spec = TaPlanFunctionTest.SPEC;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new TaPlanFunction<String>(spec));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TaPlanFunction<?> back = (TaPlanFunction<?>) in.readObject();
            assertEquals(spec, back.spec());
            assertEquals(spec.fingerprint(), back.spec().fingerprint());
            assertEquals(spec.explain(), back.spec().explain(), "recompiled after deserialization");
        }
    }

    @Test
    void barsAndResultsAreFlinkPojosNotKryoBlobs() {
        assertInstanceOf(PojoTypeInfo.class, TypeInformation.of(Bar.class));
        assertInstanceOf(PojoTypeInfo.class, TypeInformation.of(TaResult.class));
    }
}
