package io.ta.runtime.plan;

/** What a plan value is: a number series, or a condition series (1.0 true, 0.0 false, NaN undefined). */
public enum ValueType {
    NUMBER,
    CONDITION
}
