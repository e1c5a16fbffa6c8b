package io.ta.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ta.processor.model.InputModel;
import io.ta.processor.model.JavaNames;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the library's fluent expression builder ({@code <Facade>Expr}, e.g. {@code TaExpr}): a wrapper around the
 * shared {@code io.ta.expr.Expr} IR with operators, bar fields, and one method per kernel of the library — so a new
 * kernel appears in the fluent API without hand-written code. Kernels reading a generic input chain on it
 * ({@code close.rsi(14)}); kernels reading only bar fields are static ({@code TaExpr.atr(14)}); multi-output kernels
 * return a small handle whose methods pick an output ({@code close.macd(12, 26, 9).signal()}).
 */
public final class FluentWriter {
    private static final ClassName EXPR = ClassName.get("io.ta.expr", "Expr");
    private static final ClassName TO_EXPR = ClassName.get("io.ta.expr", "ToExpr");
    private static final ClassName ARG = ClassName.get("io.ta.expr", "Expr", "Arg");
    private static final ClassName OP = ClassName.get("io.ta.expr", "Expr", "Op");
    private static final List<String> FIELDS = List.of("open", "high", "low", "close", "volume");

    /** Methods of the builder itself that a kernel method must not shadow. */
    static final Set<String> RESERVED = Set.of("of", "toExpr", "column", "num", "open", "high", "low", "close", "volume",
            "plus", "minus", "times", "over", "mod", "pow", "negate", "gt", "ge", "lt", "le", "eq", "ne", "and", "or", "not",
            "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize");

    public JavaFile write(ClassName facade, List<KernelModel> kernels, List<? extends Element> origins) {
        ClassName self = ClassName.get(facade.packageName(), facade.simpleName() + "Expr");
        TypeSpec.Builder t = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(TO_EXPR)
                .addJavadoc("Fluent builder of indicator expressions over this library's kernels; builds the same IR as the DSL.\n\n")
                .addJavadoc("<pre>{@code\n$T close = $T.close();\n", self, self)
                .addJavadoc("$T signal = close.rsi(14).lt(30).and(close.gt(close.sma(200)));\n", self)
                .addJavadoc("Plan plan = Plan.of(signal.toExpr());\n}</pre>\n");
        t.addField(FieldSpec.builder(EXPR, "expr", Modifier.PRIVATE, Modifier.FINAL).build());
        t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(EXPR, "expr")
                .addStatement("this.expr = expr").build());
        t.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Wraps any expression (for example one built with another library's fluent API).\n\n")
                .addJavadoc("@param e the expression; {@code null} stays a missing operand, reported when planned\n")
                .addJavadoc("@return a builder over {@code e}\n")
                .addParameter(TO_EXPR, "e").addStatement("return new $T(toExpr(e))", self).build());
        t.addMethod(MethodSpec.methodBuilder("toExpr").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(EXPR).addStatement("return expr").build());
        // A null operand stays a missing part of the tree, which the planner reports as a malformed expression
        // (a ParseException naming it), as it does for a hand-built tree: not a NullPointerException at the call.
        t.addMethod(MethodSpec.methodBuilder("toExpr").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(EXPR)
                .addParameter(TO_EXPR, "e").addStatement("return e == null ? null : e.toExpr()").build());
        for (String f : FIELDS) {
            t.addMethod(MethodSpec.methodBuilder(f).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                    .addJavadoc("The bar field {@code $L}.\n\n", f)
                    .addJavadoc("@return an expression reading the {@code $L} column\n", f)
                    .addStatement("return new $T(new $T.Name($S))", self, EXPR, f).build());
        }
        t.addMethod(MethodSpec.methodBuilder("column").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("Any column of the data by name.\n\n")
                .addJavadoc("@param name the column's name, as the data (a CSV header, a {@code Bars} column)")
                .addJavadoc(" spells it\n")
                .addJavadoc("@return an expression reading that column; an unknown name fails when planned\n")
                .addParameter(String.class, "name").addStatement("return new $T(new $T.Name(name))", self, EXPR).build());
        t.addMethod(MethodSpec.methodBuilder("num").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(self)
                .addJavadoc("A constant.\n\n@param value the value of every bar\n@return a constant expression\n")
                .addParameter(TypeName.DOUBLE, "value").addStatement("return new $T(new $T.Num(value))", self, EXPR).build());
        addOperators(t, self);

        List<KernelModel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelModel::name));
        for (KernelModel m : sorted) {
            addKernel(t, self, m);
        }
        t.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(String.class).addStatement("return $T.print(expr)", ClassName.get("io.ta.expr", "Printer")).build());
        t.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN).addParameter(Object.class, "o")
                .addStatement("return o instanceof $T e && $T.equals(e.expr, expr)", self, java.util.Objects.class).build());
        t.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT).addStatement("return $T.hashCode(expr)", java.util.Objects.class).build());
        return Files.file(self.packageName(), t, origins);
    }

    private static void addOperators(TypeSpec.Builder t, ClassName self) {
        String[][] binary = {
            {"plus", "ADD", "this + other"}, {"minus", "SUB", "this - other"}, {"times", "MUL", "this * other"},
            {"over", "DIV", "this / other", " (NaN where other is 0)"}, {"mod", "MOD", "this % other"},
            {"pow", "POW", "this ** other"},
            {"gt", "GT", "this > other"}, {"ge", "GE", "this >= other"}, {"lt", "LT", "this < other"}, {"le", "LE", "this <= other"},
            {"eq", "EQ", "this == other"}, {"ne", "NE", "this != other"},
            {"and", "AND", "this and other", " (conditions)"},
            {"or", "OR", "this or other", " (conditions)"}};
        for (String[] b : binary) {
            String note = b.length > 3 ? b[3] : "";
            t.addMethod(MethodSpec.methodBuilder(b[0]).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("{@code $L}$L.\n\n@param other the right operand\n", b[2], note)
                    .addJavadoc("@return a new builder of {@code $L}; this one is unchanged\n", b[2])
                    .addParameter(TO_EXPR, "other")
                    .addStatement("return new $T(new $T.Binary($T.$L, expr, toExpr(other)))", self, EXPR, OP, b[1]).build());
            if (!b[1].equals("AND") && !b[1].equals("OR")) {
                t.addMethod(MethodSpec.methodBuilder(b[0]).addModifiers(Modifier.PUBLIC).returns(self)
                        .addJavadoc("{@code $L}$L, with a constant.\n\n@param other the right operand\n", b[2], note)
                        .addJavadoc("@return a new builder of {@code $L}; this one is unchanged\n", b[2])
                        .addParameter(TypeName.DOUBLE, "other")
                        .addStatement("return new $T(new $T.Binary($T.$L, expr, new $T.Num(other)))", self, EXPR, OP, b[1], EXPR).build());
            }
        }
        t.addMethod(MethodSpec.methodBuilder("negate").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("{@code -this}.\n\n@return a new builder of {@code -this}; this one is unchanged\n")
                .addStatement("return new $T(new $T.Unary($T.NEG, expr))", self, EXPR, OP).build());
        t.addMethod(MethodSpec.methodBuilder("not").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("{@code not this} (a condition).\n\n")
                .addJavadoc("@return a new builder of {@code not this}; this one is unchanged\n")
                .addStatement("return new $T(new $T.Unary($T.NOT, expr))", self, EXPR, OP).build());
    }

    /** The builder's method of kernel {@code name}: its camel-case name, with {@code Kernel} after one of its own. */
    public static String kernelMethod(String name) {
        String method = JavaNames.method(name);
        return RESERVED.contains(method) ? method + "Kernel" : method;
    }

    /** The simple name of the class nested in the builder whose methods pick the outputs of kernel {@code name}. */
    public static String handleName(String name) {
        return JavaNames.capitalize(JavaNames.method(name).replace("_", ""));
    }

    private static void addKernel(TypeSpec.Builder t, ClassName self, KernelModel m) {
        String method = kernelMethod(m.name());
        List<InputModel> generic = m.inputs().stream().filter(i -> !FIELDS.contains(i.name())).toList();
        TypeName ret = self;
        ClassName handle = null;
        if (m.multiOutput()) {
            handle = self.nestedClass(handleName(m.name()));
            t.addType(handle(self, handle, m));
            ret = handle;
        }
        boolean defaults = !m.params().isEmpty() && Signatures.allDefaults(m);
        if (!generic.isEmpty()) {
            // this = the first generic input; the other generic inputs and the parameters are arguments.
            for (boolean all : defaults ? new boolean[] {true, false} : new boolean[] {true}) {
                MethodSpec.Builder b = MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC).returns(ret)
                        .addJavadoc("{@code $L}$L: $L\n", m.name(), all ? "" : " with default parameters", Javadoc.text(m.summary()));
                CodeBlock.Builder args = CodeBlock.builder();
                args.add("$T.named($S, this.expr)", ARG, generic.get(0).name()); // this.: a parameter may be named expr
                b.addJavadoc("\n");
                for (InputModel in : generic.subList(1, generic.size())) {
                    b.addParameter(ParameterSpec.builder(TO_EXPR, in.javaName()).build());
                    b.addJavadoc("@param $N input {@code $L}\n", in.javaName(), in.name());
                    args.add(", $T.named($S, toExpr($N))", ARG, in.name(), in.javaName());
                }
                if (all) {
                    b.addJavadoc(FacadeWriter.params(m));
                    addParams(b, args, m);
                }
                b.addJavadoc(returns(m));
                b.addStatement("return new $T(new $T.Call($S, $T.of($L)))", ret, EXPR, m.name(), Types.LIST, args.build());
                t.addMethod(b.build());
            }
        } else {
            for (boolean all : defaults ? new boolean[] {true, false} : new boolean[] {true}) {
                MethodSpec.Builder b = MethodSpec.methodBuilder(method).addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(ret)
                        .addJavadoc("{@code $L}$L over the bar fields $L: $L\n", m.name(), all ? "" : " with default parameters",
                                String.join(", ", m.inputs().stream().map(InputModel::name).toList()), Javadoc.text(m.summary()));
                CodeBlock.Builder args = CodeBlock.builder();
                b.addJavadoc("\n");
                if (all) {
                    b.addJavadoc(FacadeWriter.params(m));
                    addParams(b, args, m);
                }
                b.addJavadoc(returns(m));
                CodeBlock a = args.build();
                b.addStatement("return new $T(new $T.Call($S, $T.of($L)))", ret, EXPR, m.name(), Types.LIST, a);
                t.addMethod(b.build());
            }
        }
    }

    // Parameters are not checked here: the planner checks them against the kernel's ranges, as it does the DSL's.
    private static CodeBlock returns(KernelModel m) {
        return m.multiOutput()
                ? CodeBlock.of("@return a handle whose methods pick one output; parameters are checked when planned\n")
                : CodeBlock.of("@return a new builder of the call; parameters are checked when planned\n");
    }

    private static void addParams(MethodSpec.Builder b, CodeBlock.Builder args, KernelModel m) {
        for (ParamModel p : m.params()) {
            b.addParameter(ParameterSpec.builder(p.javaType(), p.javaName()).build());
            CodeBlock value = switch (p.type()) {
                case INT, REAL -> CodeBlock.of("new $T.Num($N)", EXPR, p.javaName());
                case BOOL -> CodeBlock.of("new $T.Bool($N)", EXPR, p.javaName());
                default -> CodeBlock.of("$N == null ? null : new $T.Name($N.name().toLowerCase($T.ROOT))", p.javaName(), EXPR,
                        p.javaName(), Types.LOCALE);
            };
            if (!args.isEmpty()) {
                args.add(", ");
            }
            args.add("$T.named($S, $L)", ARG, p.name(), value);
        }
    }

    private static TypeSpec handle(ClassName self, ClassName handle, KernelModel m) {
        TypeSpec.Builder h = TypeSpec.classBuilder(handle).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The outputs of a {@code $L} call; pick one.\n", m.name())
                .addField(FieldSpec.builder(EXPR, "call", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addParameter(EXPR, "call").addStatement("this.call = call").build());
        for (OutputModel o : m.outputs()) {
            String name = JavaNames.method(o.name());
            h.addMethod(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Output {@code $L}$L.\n\n", o.name(),
                            o.doc().isEmpty() ? "" : ": " + Javadoc.text(o.doc()))
                    .addJavadoc("@return a builder of this output of the call\n")
                    .addStatement("return $T.of(new $T.Output(call, $S))", self, EXPR, o.name()).build());
        }
        return h.build();
    }
}
