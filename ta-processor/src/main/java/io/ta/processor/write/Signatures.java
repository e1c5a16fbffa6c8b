package io.ta.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.JavaNames;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.List;

/** Parameter lists and argument lists shared by the stream, descriptor and facade writers. */
final class Signatures {
    static final TypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);
    static final TypeName DOUBLES2 = ArrayTypeName.of(DOUBLES);

    private Signatures() {}

    /** {@code int period, double stdDev}. */
    static List<ParameterSpec> params(KernelModel m) {
        List<ParameterSpec> out = new ArrayList<>();
        for (ParamModel p : m.params()) {
            out.add(ParameterSpec.builder(p.javaType(), p.javaName()).build());
        }
        return out;
    }

    /** {@code period, stdDev}. */
    static CodeBlock paramArgs(KernelModel m) {
        return join(m.params().stream().map(ParamModel::javaName).toList());
    }

    /** {@code owner.period, owner.stdDev}: the parameters as fields of {@code owner}. */
    static CodeBlock paramArgs(KernelModel m, String owner) {
        return join(m.params().stream().map(p -> owner + "." + p.javaName()).toList());
    }

    /** {@code double high, double low}: one scalar per input. */
    static List<ParameterSpec> scalarInputs(KernelModel m) {
        List<ParameterSpec> out = new ArrayList<>();
        for (InputModel in : m.inputs()) {
            out.add(ParameterSpec.builder(TypeName.DOUBLE, in.javaName()).build());
        }
        return out;
    }

    /** {@code double[] high, double[] low}: one array per input. */
    static List<ParameterSpec> arrayInputs(KernelModel m) {
        List<ParameterSpec> out = new ArrayList<>();
        for (InputModel in : m.inputs()) {
            out.add(ParameterSpec.builder(DOUBLES, in.javaName()).build());
        }
        return out;
    }

    /** Names of the output array parameters: {@code out}, or {@code outUpper, outMiddle, ...}. */
    static List<String> outArrays(KernelModel m) {
        List<String> out = new ArrayList<>();
        for (OutputModel o : m.outputs()) {
            out.add(m.multiOutput() ? "out" + JavaNames.capitalize(o.javaName()) : "out");
        }
        return out;
    }

    static List<ParameterSpec> arrayOutputs(KernelModel m) {
        List<ParameterSpec> out = new ArrayList<>();
        for (String n : outArrays(m)) {
            out.add(ParameterSpec.builder(DOUBLES, n).build());
        }
        return out;
    }

    /**
     * {@code Checks.length(kernel, "high", high, ...)}: the common length of the inputs, with the kernel's name given by
     * {@code kernel} (a constant reference or a string literal).
     */
    static CodeBlock length(KernelModel m, CodeBlock kernel) {
        List<InputModel> ins = m.inputs();
        if (ins.size() <= 4) {
            CodeBlock.Builder b = CodeBlock.builder().add("$T.length($L", Types.CHECKS, kernel);
            for (InputModel in : ins) {
                b.add(", $S, $N", in.name(), in.javaName());
            }
            return b.add(")").build();
        }
        List<CodeBlock> names = ins.stream().map(i -> CodeBlock.of("$S", i.name())).toList();
        return CodeBlock.of("$T.inputs($L, $T.of($L), new double[][] {$L})", Types.CHECKS, kernel, Types.LIST,
                CodeBlock.join(names, ", "), join(inputNames(m)));
    }

    /** {@code high, low, period, outUpper, ...}: the argument list of a generated {@code batch} call. */
    static CodeBlock batchArgs(KernelModel m, List<String> outs) {
        return batchArgs(m, inputNames(m), outs);
    }

    /** {@link #batchArgs(KernelModel, List)} with an expression of its own for each input. */
    static CodeBlock batchArgs(KernelModel m, List<String> inputs, List<String> outs) {
        List<String> all = new ArrayList<>(inputs);
        for (ParamModel p : m.params()) {
            all.add(p.javaName());
        }
        all.addAll(outs);
        return join(all);
    }

    static CodeBlock join(List<String> names) {
        return CodeBlock.of(String.join(", ", names.stream().map(n -> n.replace("$", "$$")).toList()));
    }

    static List<String> inputNames(KernelModel m) {
        return m.inputs().stream().map(InputModel::javaName).toList();
    }

    /** A Java literal for a parameter's default: {@code 20}, {@code 2.0}, {@code true}, {@code MaType.SMA}. */
    static CodeBlock defaultLiteral(ParamModel p) {
        return switch (p.type()) {
            case INT -> CodeBlock.of("$L", Integer.parseInt(p.defaultValue()));
            case REAL -> CodeBlock.of("$L", doubleLiteral(Double.parseDouble(p.defaultValue())));
            case BOOL -> CodeBlock.of("$L", Boolean.parseBoolean(p.defaultValue()));
            default -> CodeBlock.of("$T.$N", p.javaType(), p.choiceConstants().get(p.choices().indexOf(p.defaultValue())));
        };
    }

    static String doubleLiteral(double d) {
        if (d == Double.POSITIVE_INFINITY) {
            return "Double.POSITIVE_INFINITY";
        }
        if (d == Double.NEGATIVE_INFINITY) {
            return "Double.NEGATIVE_INFINITY";
        }
        if (Double.isNaN(d)) {
            return "Double.NaN";
        }
        return Double.toString(d);
    }

    static boolean allDefaults(KernelModel m) {
        return m.params().stream().allMatch(p -> p.defaultValue() != null);
    }
}
