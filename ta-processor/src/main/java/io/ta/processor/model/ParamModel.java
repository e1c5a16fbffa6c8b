package io.ta.processor.model;

import com.palantir.javapoet.TypeName;
import io.ta.annotation.Scale;
import io.ta.spi.ParamType;
import java.util.List;

/**
 * One kernel parameter.
 *
 * @param name catalog name
 * @param javaName constructor parameter name
 * @param type value type
 * @param javaType the declared Java type
 * @param defaultValue default as DSL text, or {@code null} when required
 * @param min lower bound
 * @param max upper bound
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param choices lower-case enum constant names for choices, empty otherwise
 * @param choiceConstants the enum constants matching {@code choices}
 * @param doc one line
 * @param scale a numeric parameter's unit, never {@code DEFAULT}
 */
public record ParamModel(
        String name,
        String javaName,
        ParamType type,
        TypeName javaType,
        String defaultValue,
        double min,
        double max,
        boolean minExclusive,
        boolean maxExclusive,
        List<String> choices,
        List<String> choiceConstants,
        String doc,
        Scale scale) {

    public ParamModel {
        choices = List.copyOf(choices);
        choiceConstants = List.copyOf(choiceConstants);
    }

    /** Whether the parameter picks one enum constant. */
    public boolean isChoice() {
        return type == ParamType.CHOICE;
    }

    /** Whether the parameter is an int or a real, the kinds that carry bounds. */
    public boolean isNumeric() {
        return type == ParamType.INT || type == ParamType.REAL;
    }
}
