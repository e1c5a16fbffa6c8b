package io.ta.processor.model;

import com.palantir.javapoet.ClassName;
import io.ta.annotation.Complexity;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the writers need to know about one validated kernel. Immutable and free of
 * {@code javax.lang.model} types, so writers can be tested on hand-built models.
 *
 * @param kernel the kernel class
 * @param name canonical name
 * @param aliases other names
 * @param selectors output-bound aliases
 * @param family the family
 * @param kind what the outputs are
 * @param chart how charts draw the outputs
 * @param summary one-line summary
 * @param reference formula origin and reference implementation
 * @param lookbackFormula the lookback's return expression as written, or empty
 * @param lookbackArgs Java names of the constructor parameters passed to {@code lookback}, in its order
 * @param params parameters in constructor order
 * @param inputs inputs in step order
 * @param outputs outputs; a single-output kernel has one named {@code value}
 * @param multiOutput whether outputs are {@code @Output} fields (the step returns void)
 * @param stepMethod the step method's name
 * @param fields every instance field (the state), in declaration order
 * @param requires cross-parameter rules
 * @param schema state layout hash
 * @param invariants names of the kernel's {@code @Invariant} methods, checked on restore
 * @param timeCost per-bar cost, the largest over the state
 * @param memoryCost memory, the largest over the state
 * @param stepCost the step's own per-bar work beyond its state ({@code @Kernel(cost)}), the floor of
 *     {@code timeCostOf} for any instance
 * @param scalarState whether the state is primitive fields, some mutable (no arrays, parts or nested kernels), so
 *     that a copy of the kernel made in a method stays in registers
 */
public record KernelModel(
        ClassName kernel,
        String name,
        List<String> aliases,
        List<SelectorModel> selectors,
        Family family,
        OutputKind kind,
        ChartModel chart,
        String summary,
        String reference,
        String lookbackFormula,
        List<String> lookbackArgs,
        List<ParamModel> params,
        List<InputModel> inputs,
        List<OutputModel> outputs,
        boolean multiOutput,
        String stepMethod,
        List<FieldModel> fields,
        List<RequireModel> requires,
        long schema,
        List<String> invariants,
        Complexity timeCost,
        Complexity memoryCost,
        Complexity stepCost,
        boolean scalarState) {

    public KernelModel {
        aliases = List.copyOf(aliases);
        selectors = List.copyOf(selectors);
        lookbackArgs = List.copyOf(lookbackArgs);
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        fields = List.copyOf(fields);
        requires = List.copyOf(requires);
        invariants = List.copyOf(invariants);
    }

    /** The package of the kernel and of everything generated for it. */
    public String packageName() {
        return kernel.packageName();
    }

    /** The generated state companion, {@code Name_State}. */
    public ClassName stateType() {
        return sibling(kernel, "_State");
    }

    /** The generated stream, {@code NameStream}. */
    public ClassName streamType() {
        return sibling(kernel, "Stream");
    }

    /** The generated descriptor, {@code Name_Descriptor}. */
    public ClassName descriptorType() {
        return descriptorTypeOf(kernel);
    }

    /** The generated batch result of a multi-output kernel, {@code NameResult}. */
    public ClassName resultType() {
        return sibling(kernel, "Result");
    }

    /** The state companion of any kernel class (used for nested kernels too). */
    public static ClassName stateTypeOf(ClassName kernel) {
        return sibling(kernel, "_State");
    }

    /** The generated descriptor of another kernel type, {@code Name_Descriptor}. */
    public static ClassName descriptorTypeOf(ClassName kernel) {
        return sibling(kernel, "_Descriptor");
    }

    /**
     * Whether an instance's per-bar cost depends on what it was built with: it holds a nested kernel (whose own parts
     * may vary) or a part it may leave out. Otherwise every instance costs {@link #timeCost()}.
     */
    public boolean costVariesByInstance() {
        return fields.stream().anyMatch(f -> f.kind() == FieldModel.Kind.NESTED
                || (f.kind() == FieldModel.Kind.PART && f.nullable()));
    }

    /**
     * Whether some output field is a result the step assigns before reading ({@link FieldModel#result()}): the
     * companion then has {@code saveOwn}/{@code restoreOwn}, which skip those fields, for the stream that owns the kernel,
     * and {@code restoreResults}, which its snapshots use to write them.
     */
    public boolean hasResults() {
        return fields.stream().anyMatch(FieldModel::result);
    }

    /** The inputs (Java names) the whole-series batch lends to {@code @OfInput} parts; empty for most kernels. */
    public Set<String> lentInputs() {
        Set<String> lent = new LinkedHashSet<>();
        for (FieldModel f : fields) {
            if (f.ofInput() != null) {
                lent.add(f.ofInput());
            }
        }
        return lent;
    }

    private static ClassName sibling(ClassName kernel, String suffix) {
        return ClassName.get(kernel.packageName(), kernel.simpleName() + suffix);
    }

    /** The Java method name of the kernel on the facade: {@code rolling_sum → rollingSum}. */
    public String methodName() {
        return JavaNames.method(name);
    }
}
