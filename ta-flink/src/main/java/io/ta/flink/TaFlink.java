package io.ta.flink;

import io.ta.error.InvalidParameterException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Entry points for running ta plans on Flink.
 *
 * <pre>{@code
 * DataStream<Bar> bars = env.fromSource(feed, WatermarkStrategy.<Bar>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((b, ts) -> b.time()), "bars");
 * SingleOutputStreamOperator<TaResult> out = TaFlink.evaluate(bars, Map.of("rsi", "rsi(close, 14)"));
 * out.uid("ta-rsi");                                      // a stable id, so savepoints map state back to it
 * DataStream<Bar> late = out.getSideOutput(TaFlink.LATE);
 * }</pre>
 *
 * <p>See {@link TaPlanFunction} for the event-time policy and {@code docs/flink.md} for deployment.
 */
public final class TaFlink {
    /** Side output of bars older than the last committed bar of their key (see {@link TaPlanFunction}). */
    public static final OutputTag<Bar> LATE = new OutputTag<>("ta-late-bars", TypeInformation.of(Bar.class));

    /**
     * Side output of bars whose time the plan refuses: a timeframe's or session's period that would end past the
     * largest timestamp (a time within such a period of {@code Long.MAX_VALUE}). Never applied.
     */
    public static final OutputTag<Bar> REFUSED = new OutputTag<>("ta-refused-bars", TypeInformation.of(Bar.class));

    private TaFlink() {}

    /**
     * Evaluates named DSL expressions per {@link Bar#symbol()}, in event-time order.
     *
     * @throws io.ta.error.TaException for an expression that does not compile or reads a column a bar does not carry
     */
    public static SingleOutputStreamOperator<TaResult> evaluate(DataStream<Bar> bars, Map<String, String> expressions) {
        return evaluate(bars, Bar::symbol, PlanSpec.of(expressions));
    }

    /**
     * Evaluates named DSL expressions per key, in event-time order.
     *
     * @throws io.ta.error.TaException as {@link #evaluate(DataStream, Map)}; {@link InvalidParameterException} for a null
     *     stream or key selector
     */
    public static <K> SingleOutputStreamOperator<TaResult> evaluate(DataStream<Bar> bars, KeySelector<Bar, K> key,
            Map<String, String> expressions) {
        return evaluate(bars, key, PlanSpec.of(expressions));
    }

    /**
     * Evaluates a plan per key, in event-time order.
     *
     * @throws InvalidParameterException for a null argument
     */
    public static <K> SingleOutputStreamOperator<TaResult> evaluate(DataStream<Bar> bars, KeySelector<Bar, K> key, PlanSpec spec) {
        return evaluate(bars, key, spec, TaPlanFunction.Ordering.EVENT_TIME);
    }

    /**
     * Evaluates a plan per key with the given ordering; the operator is named after the plan's roots.
     *
     * @throws InvalidParameterException for a null argument
     */
    public static <K> SingleOutputStreamOperator<TaResult> evaluate(DataStream<Bar> bars, KeySelector<Bar, K> key, PlanSpec spec,
            TaPlanFunction.Ordering ordering) {
        if (bars == null || key == null) {
            String what = bars == null ? "bars" : "key";
            throw new InvalidParameterException("ta_flink", List.of(what), "non-null", "ta_flink: " + what + " must not be null");
        }
        TaPlanFunction<K> function = new TaPlanFunction<>(spec, ordering);
        return bars.keyBy(key).process(function).name("ta plan " + String.join(", ", spec.names()));
    }
}
