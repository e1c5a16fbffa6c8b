package io.ta.processor.write;

import com.palantir.javapoet.ClassName;

/** Runtime types generated code refers to (by name: the processor does not load them). */
final class Types {
    private Types() {}

    static final ClassName CHECKS = ClassName.get("io.ta.spi", "Checks");
    static final ClassName INPUT_BACKED = ClassName.get("io.ta.spi", "InputBacked");
    static final ClassName STATE_WRITER = ClassName.get("io.ta.spi", "StateWriter");
    static final ClassName STATE_READER = ClassName.get("io.ta.spi", "StateReader");
    static final ClassName SNAPSHOT = ClassName.get("io.ta.spi", "StateSnapshot");
    static final ClassName STREAM = ClassName.get("io.ta.spi", "KernelStream");
    static final ClassName DESCRIPTOR = ClassName.get("io.ta.spi", "KernelDescriptor");
    static final ClassName PARAM_VALUES = ClassName.get("io.ta.spi", "ParamValues");
    static final ClassName PARAM_SPEC = ClassName.get("io.ta.spi", "ParamSpec");
    static final ClassName PARAM_TYPE = ClassName.get("io.ta.spi", "ParamType");
    static final ClassName OUTPUT_SPEC = ClassName.get("io.ta.spi", "OutputSpec");
    static final ClassName SELECTOR_SPEC = ClassName.get("io.ta.spi", "SelectorSpec");
    static final ClassName REQUIRE_SPEC = ClassName.get("io.ta.spi", "RequireSpec");
    static final ClassName DOMAIN = ClassName.get("io.ta.spi", "Domain");
    static final ClassName CHART_SPEC = ClassName.get("io.ta.spi", "ChartSpec");
    static final ClassName CHART_PANE = ClassName.get("io.ta.annotation", "Chart", "Pane");
    static final ClassName CHART_STYLE = ClassName.get("io.ta.annotation", "Chart", "Style");
    static final ClassName FAMILY = ClassName.get("io.ta.annotation", "Family");
    static final ClassName OUTPUT_KIND = ClassName.get("io.ta.annotation", "OutputKind");
    static final ClassName SCALE = ClassName.get("io.ta.annotation", "Scale");
    static final ClassName COMPLEXITY = ClassName.get("io.ta.annotation", "Complexity");
    static final ClassName REQUIRE_OP = ClassName.get("io.ta.annotation", "Require", "Op");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName LOCALE = ClassName.get("java.util", "Locale");
}
