package io.ta.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * One kernel parameter.
 *
 * @param name catalog name
 * @param javaName constructor parameter name
 * @param type value type: {@code INT}, {@code REAL}, {@code BOOL} or {@code CHOICE} ({@code io.ta.spi.ParamType})
 * @param javaType the declared Java type
 * @param defaultValue default as DSL text, or {@code null} when required
 * @param min lower bound
 * @param max upper bound
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param choices lower-case enum constant names for choices, empty otherwise
 * @param choiceConstants the enum constants matching {@code choices}
 * @param doc one line
 * @param scale the {@code io.ta.annotation.Scale} constant name of a numeric parameter's unit
 */
public record ParamModel(
        String name,
        String javaName,
        String type,
        TypeName javaType,
        String defaultValue,
        double min,
        double max,
        boolean minExclusive,
        boolean maxExclusive,
        List<String> choices,
        List<String> choiceConstants,
        String doc,
        String scale) {

    public ParamModel {
        choices = List.copyOf(choices);
        choiceConstants = List.copyOf(choiceConstants);
    }

    public boolean isChoice() {
        return type.equals("CHOICE");
    }

    public boolean isNumeric() {
        return type.equals("INT") || type.equals("REAL");
    }
}
