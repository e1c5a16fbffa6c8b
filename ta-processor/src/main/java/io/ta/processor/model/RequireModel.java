package io.ta.processor.model;

/**
 * A cross-parameter rule {@code left op right}.
 *
 * @param left left parameter's catalog name
 * @param leftJava its Java name
 * @param op {@code io.ta.annotation.Require.Op} constant name
 * @param right right parameter's catalog name
 * @param rightJava its Java name
 */
public record RequireModel(String left, String leftJava, String op, String right, String rightJava) {}
