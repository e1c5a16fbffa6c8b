package io.ta.processor.validate;

/**
 * Every diagnostic the processor emits. Each starts with a stable tag (tests and users grep for it) and ends with
 * how to fix it. Arguments are filled with {@link String#formatted}.
 */
public final class Messages {
    private Messages() {}

    public static final String NOT_CLASS =
            "[TaKernelNotClass] @Kernel applies to classes only; %s is %s. Fix: put @Kernel on a public final class"
                    + " whose fields are the kernel's state.";

    public static final String SHAPE =
            "[TaKernelShape] kernel %s must be a public, final, non-generic, top-level class, so generated code can"
                    + " reference it and no subclass can add hidden state. Fix: declare it 'public final class %s'.";

    public static final String NAME_FORMAT =
            "[TaNameFormat] %s '%s' must be lower snake case ([a-z][a-z0-9_]*). Fix: rename it, e.g. '%s'.";

    public static final String NAME_RESERVED =
            "[TaNameReserved] %s '%s' is a name the expression language reads itself: %s. Fix: rename it (a prefix"
                    + " of your library avoids every such name).";

    public static final String DUPLICATE_NAME =
            "[TaDuplicateName] name '%s' of kernel %s is already used by kernel %s. Fix: kernel names, aliases and"
                    + " selectors are one global namespace; rename one of them.";

    public static final String DUPLICATE_MEMBER =
            "[TaDuplicateMember] %s name '%s' is used twice in kernel %s. Fix: give each %s its own name.";

    public static final String CONSTRUCTOR =
            "[TaConstructor] kernel %s must have exactly one public constructor, found %d. Fix: keep one public"
                    + " constructor whose parameters are the kernel's @Param parameters.";

    public static final String CONSTRUCTOR_THROWS =
            "[TaConstructor] the constructor of kernel %s declares thrown exceptions (%s), which the generated stream and"
                    + " descriptor, calling it without a try, would not compile with. Fix: drop the throws clause; reject"
                    + " a bad parameter with bounds on @Param or @Require, or throw an unchecked exception.";

    public static final String PARAM_NOT_ANNOTATED =
            "[TaParamNotAnnotated] constructor parameter '%s' has no @Param. Fix: annotate it, e.g."
                    + " '@Param(defaultValue = \"14\", min = 1, max = 100_000)'; every constructor parameter is a"
                    + " kernel parameter.";

    public static final String PARAM_RESERVED =
            "[TaParamReserved] constructor parameter '%s' has a name the generated code uses for its own fields and locals (%s). Fix:"
                    + " rename the Java parameter; the catalog name can stay with @Param(name = \"%s\").";

    public static final String INPUT_RESERVED =
            "[TaInputReserved] step parameter '%s' has a name the generated code uses for its own fields and locals (%s)."
                    + " Fix: rename the Java parameter; the catalog name"
                    + " can stay with @Input(\"%s\").";

    public static final String INPUT_IS_PARAM =
            "[TaInputIsParam] step parameter '%s' has the Java name of a constructor parameter; generated batch methods"
                    + " take both. Fix: rename one of them; catalog names can stay with @Input(\"...\") or @Param(name = \"...\").";

    public static final String PARAM_TYPE =
            "[TaParamType] parameter '%s' has type %s, which a kernel parameter cannot have. Fix: use int, double,"
                    + " boolean or a public enum that every package can name (nested only in public classes).";

    public static final String PARAM_DEFAULT =
            "[TaParamDefault] default '%s' of parameter '%s' is %s. Fix: give a default that parses as the"
                    + " parameter's type and lies in its range, or leave it empty to make the parameter required.";

    public static final String PARAM_RANGE =
            "[TaParamRange] parameter '%s' declares an impossible or inapplicable range: %s. Fix: bound a range that"
                    + " holds a finite value of the parameter's type (min <= max, an integer between them for an int),"
                    + " and put bounds only on int or double parameters.";

    public static final String INPUT_DOMAIN =
            "[TaInputDomain] input '%s' declares an empty domain (min %s, max %s). Fix: set min <= max on @Input, or"
                    + " drop the bounds.";

    public static final String NO_STEP =
            "[TaNoStep] kernel %s has no @Step method. Fix: add '@Step public double step(double x)' for one output,"
                    + " or '@Step public void step(...)' assigning @Output fields.";

    public static final String MULTIPLE_STEPS =
            "[TaMultipleSteps] kernel %s has %d @Step methods; a kernel has exactly one step. Fix: keep one @Step"
                    + " and call helpers from it.";

    public static final String STEP_SIGNATURE =
            "[TaStepSignature] step %s %s. Fix: declare it 'public double step(double x, ...)' (one output) or"
                    + " 'public void step(double x, ...)' (@Output fields): public, not static, at least one double"
                    + " input, no type parameters, no throws clause.";

    public static final String NO_OUTPUTS =
            "[TaNoOutputs] step %s returns void but kernel %s declares no @Output fields. Fix: return double for a"
                    + " single output, or declare '@Output double name;' fields and assign them in the step.";

    public static final String OUTPUT_MIXED =
            "[TaOutputMixed] step %s returns double but kernel %s also declares @Output fields. Fix: return void and"
                    + " assign the @Output fields, or remove @Output for a single-output kernel.";

    public static final String OUTPUT_FIELD =
            "[TaOutputField] @Output field '%s' must be a double instance field that is neither final nor private."
                    + " Fix: declare it '@Output double %s;'.";

    public static final String OUTPUT_CLASH =
            "[TaOutputClash] output '%s' of kernel %s clashes with %s. Fix: rename the output (@Output(name = ...))"
                    + " or the field.";

    public static final String JAVA_NAME =
            "[TaJavaName] kernel %s would be the generated method %s() of %s, which kernel %s already is. Fix: rename"
                    + " one of them; names that differ only in underscores (k_1 and k1) are one Java name, and so are"
                    + " plus_kernel and plus, whose builder method is plusKernel() beside the operator plus().";

    public static final String TOO_WIDE =
            "[TaTooWide] kernel %s has %d input(s), %d parameter slot(s) (a double takes two) and %d output(s): the"
                    + " generated batch methods take all of them, and the stream's updateRange its inputs, its outputs"
                    + " and the range, but a Java method takes at most 255 slots. Fix: keep inputs + parameter slots +"
                    + " outputs within 255, and inputs + outputs within 252.";

    public static final String NO_LOOKBACK =
            "[TaNoLookback] kernel %s has no lookback. Fix: add 'public static int lookback(...)' returning the index"
                    + " of the first valid output for NaN-free input, taking the parameters it needs by name.";

    public static final String LOOKBACK_SIGNATURE =
            "[TaLookbackSignature] lookback of kernel %s %s. Fix: declare exactly one 'public static int"
                    + " lookback(...)' whose parameters are constructor parameters, matched by name and type.";

    public static final String STATE_TYPE =
            "[TaStateType] field '%s' of type %s cannot be kernel state: generated code must copy, checkpoint and"
                    + " snapshot every field. Fix: use double, int, long or boolean, a final array of those, a final"
                    + " io.ta.spi.StatePart (such as io.ta.state.DoubleRing), or a final field of another @Kernel class.";

    public static final String STATE_NOT_FINAL =
            "[TaStateNotFinal] field '%s' (%s) must be final: generated checkpoints prepare their copy of it once,"
                    + " when the stream is created. Fix: make it final and allocate it in the constructor.";

    public static final String PRIVATE_STATE =
            "[TaPrivateState] field '%s' is private, but the generated state companion in the same package must read"
                    + " and restore it. Fix: make it package-private.";

    public static final String DERIVED_FIELD =
            "[TaDerivedField] @Derived field '%s' is %s; only a final primitive array that the constructor computes from"
                    + " the parameters is a derived constant. Fix: remove @Derived (the field is then state, checkpointed"
                    + " and snapshotted), or make it a final array the step only reads.";

    public static final String OF_INPUT_PART =
            "[TaOfInputPart] @OfInput field '%s' is %s, which cannot read its window back from an input. Fix: put"
                    + " @OfInput on a final state part that implements io.ta.spi.InputBacked (such as"
                    + " io.ta.state.AnchoredSum), or remove it.";

    public static final String OF_INPUT_NAME =
            "[TaOfInputName] @OfInput(\"%s\") on field '%s' names no parameter of the step (%s). Fix: name the step"
                    + " parameter whose values, unchanged and one per step, are the part's only pushes.";

    public static final String NULLABLE_FIELD =
            "[TaNullableField] @Nullable field '%s' is not a final nested kernel or state part; only those references may"
                    + " be absent. Fix: remove @Nullable (primitives and arrays always exist).";

    public static final String IMPURE_STATIC =
            "[TaImpureStatic] static field '%s' %s: a kernel must not keep mutable global state (streams and"
                    + " batches would disturb each other). Fix: make it an instance field (state), or a"
                    + " 'static final' constant written only in a static initialiser.";

    public static final String SELF_NESTING =
            "[TaSelfNesting] field '%s' %s; a kernel cannot contain itself. Fix: compose other kernels only, none of"
                    + " which holds the kernel that holds it.";

    public static final String INHERITED_STATE =
            "[TaInheritedState] kernel %s inherits field '%s' from %s, state that generated code would never"
                    + " checkpoint, snapshot or restore. Fix: declare the field in the kernel class itself (a superclass"
                    + " may hold only static final constants and methods).";

    public static final String RANGE_FIELD =
            "[TaRangeField] @Range on field '%s' (%s): only mutable int, long and double state fields have a range, and"
                    + " nan = true only on double. Fix: remove @Range, or put it on the counter, index or loop bound it"
                    + " describes.";

    public static final String RANGE_BOUND =
            "[TaRangeBound] @Range bound '%s' of field '%s' %s. Fix: write a number, the name of a non-private final"
                    + " int, long or double field of the kernel, or such a name plus or minus a number (\"period - 1\").";

    public static final String INVARIANT_SIGNATURE =
            "[TaInvariantSignature] @Invariant method '%s' %s. Fix: declare it 'boolean name()': an instance method"
                    + " that is not private, takes no parameters and only reads state.";

    public static final String REQUIRE_UNKNOWN =
            "[TaRequireUnknown] @Require on kernel %s names '%s', which is not one of its parameters (%s). Fix: use"
                    + " the parameters' catalog names.";

    public static final String REQUIRE_TYPE =
            "[TaRequireType] @Require on kernel %s compares '%s', which is not an int or double parameter. Fix:"
                    + " compare numeric parameters only.";

    public static final String REQUIRE_UNSATISFIABLE =
            "[TaRequireUnsatisfiable] @Require %s on kernel %s %s, so a call would fail on its parameters. Fix:"
                    + " make the ranges and the defaults agree with the rule.";

    public static final String SELECTOR_OUTPUT =
            "[TaSelectorOutput] selector '%s' of kernel %s selects output '%s', which does not exist (outputs: %s)."
                    + " Fix: name one of the outputs.";

    public static final String CHART_RANGE =
            "[TaChartRange] @Chart of kernel %s declares the range %s. Fix: give both min and max, finite, with"
                    + " min < max (rsi: min = 0, max = 100), or neither for values without bounds.";

    public static final String CHART_GUIDE =
            "[TaChartGuide] @Chart guide %s of kernel %s %s. Fix: list each reference line once, as a finite value"
                    + " inside min..max.";

    public static final String CHART_PLACE =
            "[TaChartPlace] @Chart on %s %s. Fix: put guides and the range on the @Kernel class; an @Output field of a"
                    + " multi-output kernel takes only its own pane and style.";

    public static final String SCALE_MISSING =
            "[TaScaleMissing] kernel %s does not declare how its output '%s' changes when prices are multiplied by c"
                    + " (and volumes by v). Fix: add scale = Scale.PRICE (averages, bands, levels), Scale.UNITLESS"
                    + " (oscillators, ratios, counts), Scale.PRICE_SQUARED, Scale.VOLUME, Scale.PRICE_VOLUME or"
                    + " Scale.NONE (no such law) to @Kernel, or to that @Output.";

    public static final String SCALE_FLAG =
            "[TaScaleFlag] output '%s' of flag kernel %s is declared Scale.%s, but a flag is 0 or 1 whatever the"
                    + " prices. Fix: remove the scale (flags are Scale.UNITLESS).";

    public static final String SCALE_INPUT =
            "[TaScaleInput] input '%s' is declared Scale.%s; an input is quoted in prices, in volume or in no unit."
                    + " Fix: use Scale.PRICE, Scale.VOLUME or Scale.UNITLESS (or leave it out: inputs named 'volume' are"
                    + " VOLUME, others PRICE).";

    public static final String PART_COST =
            "[TaPartCost] field '%s' is a state part of type %s, which does not declare its cost. Fix: annotate %s"
                    + " with @Cost(time = Complexity..., memory = Complexity...) so the catalog can state the kernel's"
                    + " per-bar cost and memory.";

    public static final String LIBRARY_DUPLICATE =
            "[TaLibraryDuplicate] @KernelLibrary appears on %s and %s; one compilation generates one facade. Fix:"
                    + " keep one @KernelLibrary.";

    public static final String LIBRARY_NO_PACKAGE =
            "[TaLibraryNoPackage] kernels in packages %s and %s share no package for the generated facade. Fix: name"
                    + " it with @KernelLibrary(facade = \"Ta\") in the package-info.java of the package it belongs in.";

    public static final String LIBRARY_NAME =
            "[TaLibraryName] facade name '%s' is not a valid Java class name. Fix: use a simple name such as 'Ta'.";

    public static final String LIBRARY_NOT_PROVIDED =
            "[TaLibraryNotProvided] module %s holds kernels but does not provide them, so the module path would not"
                    + " find them. Fix: add 'provides %s with %s;' to its module-info.java.";

    public static final String FATAL =
            "[TaFatal] the ta processor failed unexpectedly on %s. This is a processor bug; please report it with"
                    + " this trace: %s";
}
