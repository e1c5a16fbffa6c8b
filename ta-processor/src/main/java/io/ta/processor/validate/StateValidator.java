package io.ta.processor.validate;

import static io.ta.processor.KernelElements.isFinal;
import static io.ta.processor.KernelElements.isStatic;
import static io.ta.processor.KernelElements.mirror;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import io.ta.annotation.Cost;
import io.ta.processor.KernelElements;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The state: instance fields of snapshot-able types (scalars, final scalar arrays, nested kernels, state parts with a
 * {@code @Cost}), {@code @Nullable} and {@code @Derived} where they apply, {@code @Range} bounds the generated restore
 * can evaluate, {@code @Invariant} methods it can call, and {@code @OfInput} parts the batch can lend its input.
 */
final class StateValidator {
    private final KernelElements elements;

    StateValidator(KernelElements elements) {
        this.elements = elements;
    }

    private static final Set<String> SCALARS = Set.of("double", "int", "long", "boolean");

    void checkFields(ValidationReport r, TypeElement type) {
        for (VariableElement f : elements.fields(type)) {
            String name = f.getSimpleName().toString();
            if (isStatic(f)) {
                if (!isFinal(f)) {
                    r.error(f, Messages.IMPURE_STATIC.formatted(name, "is not final"));
                } else if (elements.isKernelType(f.asType()) || elements.statePartMark(f.asType()) != null) {
                    String what = elements.isKernelType(f.asType()) ? "a kernel" : "a state part";
                    r.error(f, Messages.IMPURE_STATIC.formatted(name, "holds " + what + ", which every stream would share"));
                }
                continue;
            }
            if (f.getModifiers().contains(Modifier.PRIVATE)) {
                r.error(f, Messages.PRIVATE_STATE.formatted(name));
                continue;
            }
            if (mirror(f, KernelElements.OUTPUT) != null) {
                continue; // checked with the step
            }
            TypeMirror t = f.asType();
            if (mirror(f, KernelElements.NULLABLE) != null
                    && (!isFinal(f) || (!elements.isKernelType(t) && elements.statePartMark(t) == null))) {
                r.error(f, mirror(f, KernelElements.NULLABLE), Messages.NULLABLE_FIELD.formatted(name));
                continue;
            }
            if (mirror(f, KernelElements.DERIVED) != null
                    && (t.getKind() != TypeKind.ARRAY || !isFinal(f)
                            || !SCALARS.contains(((ArrayType) t).getComponentType().toString()))) {
                String what = t.getKind() != TypeKind.ARRAY || !SCALARS.contains(((ArrayType) t).getComponentType().toString())
                        ? "a " + t
                        : "not final";
                r.error(f, mirror(f, KernelElements.DERIVED), Messages.DERIVED_FIELD.formatted(name, what));
                continue;
            }
            switch (t.getKind()) {
                case DOUBLE, INT, LONG, BOOLEAN -> {}
                case ARRAY -> {
                    TypeMirror c = ((ArrayType) t).getComponentType();
                    if (!SCALARS.contains(c.toString())) {
                        r.error(f, Messages.STATE_TYPE.formatted(name, t));
                    } else if (!isFinal(f)) {
                        r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "an array"));
                    }
                }
                case DECLARED -> {
                    if (elements.isKernelType(t)) {
                        TypeElement nested = (TypeElement) ((DeclaredType) t).asElement();
                        String cycle = nested.equals(type) ? null : cycleFrom(nested, new ArrayList<>(List.of(type)));
                        if (nested.equals(type)) {
                            r.error(f, Messages.SELF_NESTING.formatted(name, "has the kernel's own type " + type.getSimpleName()));
                        } else if (cycle != null) {
                            r.error(f, Messages.SELF_NESTING.formatted(name, "of type " + nested.getSimpleName() + " holds " + cycle));
                        } else if (!isFinal(f)) {
                            r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "a nested kernel"));
                        }
                    } else if (elements.statePartMark(t) != null) {
                        if (!isFinal(f)) {
                            r.error(f, Messages.STATE_NOT_FINAL.formatted(name, "a state part"));
                        }
                        Element part = ((DeclaredType) t).asElement();
                        if (part.getAnnotation(Cost.class) == null) {
                            r.error(f, Messages.PART_COST.formatted(name, t, part.getSimpleName()));
                        }
                    } else {
                        r.error(f, Messages.STATE_TYPE.formatted(name, t));
                    }
                }
                default -> r.error(f, Messages.STATE_TYPE.formatted(name, t));
            }
        }
    }

    /**
     * A write to a static field, or to an element of a static array, outside a static initialiser: the state of no
     * stream, which a preview, a restore or a second stream never sees. A table filled in a {@code static} block and
     * only read stays legal; a cache the first instance fills ({@code ALPHA[0] = 2.0 / (period + 1)} in the
     * constructor) passed the property suite, whose cases rarely share a kernel's first parameters. Writes through an
     * alias or a method ({@code Arrays.fill(TABLE, x)}, a collection's {@code put}) are not seen (kernel-guide.md).
     */
    void checkStaticWrites(ValidationReport r, TypeElement type) {
        Trees trees = elements.trees();
        TreePath path = trees == null ? null : trees.getPath(type);
        if (path == null) {
            return; // not javac, or a class without source
        }
        new TreePathScanner<Void, Boolean>() {
            @Override
            public Void visitClass(ClassTree node, Boolean initialiser) {
                scan(node.getModifiers(), false);
                for (Tree member : node.getMembers()) {
                    boolean once = member instanceof BlockTree b ? b.isStatic()
                            : member instanceof VariableTree v && v.getModifiers().getFlags().contains(Modifier.STATIC);
                    scan(member, once);
                }
                return null;
            }

            @Override
            public Void visitLambdaExpression(LambdaExpressionTree node, Boolean initialiser) {
                return super.visitLambdaExpression(node, false); // runs later, whenever it is called
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Boolean initialiser) {
                written(node.getVariable(), initialiser);
                return super.visitAssignment(node, initialiser);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Boolean initialiser) {
                written(node.getVariable(), initialiser);
                return super.visitCompoundAssignment(node, initialiser);
            }

            @Override
            public Void visitUnary(UnaryTree node, Boolean initialiser) {
                switch (node.getKind()) {
                    case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
                            written(node.getExpression(), initialiser);
                    default -> {}
                }
                return super.visitUnary(node, initialiser);
            }

            private void written(ExpressionTree target, boolean initialiser) {
                if (initialiser) {
                    return;
                }
                boolean element = false;
                ExpressionTree t = target;
                while (t instanceof ParenthesizedTree || t instanceof ArrayAccessTree) {
                    element |= t instanceof ArrayAccessTree;
                    t = t instanceof ArrayAccessTree a ? a.getExpression() : ((ParenthesizedTree) t).getExpression();
                }
                TreePath at = TreePath.getPath(getCurrentPath(), t);
                Element field = at == null ? null : trees.getElement(at);
                if (field == null || field.getKind() != ElementKind.FIELD || !isStatic(field)) {
                    return;
                }
                String name = field.getEnclosingElement().equals(type) ? field.getSimpleName().toString()
                        : field.getEnclosingElement().getSimpleName() + "." + field.getSimpleName();
                r.error(trees, getCurrentPath(), Messages.IMPURE_STATIC.formatted(name, element
                        ? "has its elements written outside a static initialiser"
                        : "is written outside a static initialiser"));
            }
        }.scan(path, false);
    }

    /**
     * A field of a superclass is state the generated code never sees (it copies only the kernel's own fields), so a
     * preview or a restore would leave it as the step changed it.
     */
    void checkInherited(ValidationReport r, TypeElement type) {
        TypeMirror up = type.getSuperclass();
        while (up.getKind() == TypeKind.DECLARED) {
            TypeElement superclass = (TypeElement) ((DeclaredType) up).asElement();
            if (superclass.getQualifiedName().contentEquals("java.lang.Object")) {
                return;
            }
            for (VariableElement f : elements.fields(superclass)) {
                if (!isStatic(f) || !isFinal(f)) {
                    r.error(type, Messages.INHERITED_STATE.formatted(
                            type.getSimpleName(), f.getSimpleName(), superclass.getQualifiedName()));
                }
            }
            up = superclass.getSuperclass();
        }
    }

    /**
     * The first cycle of nested kernels reachable from {@code kernel} ({@code "A again (B.a)"}: the chain of fields
     * comes back to A through B's field a), or null. {@code path} holds the kernels on the way to it, the validated
     * one first. A kernel in or above a cycle would hold itself, and the model's walks over nested state would never
     * end.
     */
    private String cycleFrom(TypeElement kernel, List<TypeElement> path) {
        path.add(kernel);
        for (VariableElement f : elements.fields(kernel)) {
            if (isStatic(f) || !elements.isKernelType(f.asType())) {
                continue;
            }
            TypeElement next = (TypeElement) ((DeclaredType) f.asType()).asElement();
            if (path.contains(next)) {
                return next.getSimpleName() + " again (" + kernel.getSimpleName() + "." + f.getSimpleName() + ")";
            }
            String cycle = cycleFrom(next, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** {@code @OfInput}: on a final state part that can be backed by an input, naming a parameter of the step. */
    void checkOfInput(ValidationReport r, TypeElement type) {
        List<ExecutableElement> steps = elements.steps(type);
        for (VariableElement f : elements.fields(type)) {
            AnnotationMirror m = mirror(f, KernelElements.OF_INPUT);
            if (m == null) {
                continue;
            }
            String name = f.getSimpleName().toString();
            if (isStatic(f) || !isFinal(f) || !elements.isInputBacked(f.asType())) {
                String what = isStatic(f) || !isFinal(f) ? "not a final instance field" : "a " + f.asType();
                r.error(f, m, Messages.OF_INPUT_PART.formatted(name, what));
                continue;
            }
            if (steps.size() != 1) {
                continue; // reported with the step
            }
            List<String> params = new ArrayList<>();
            for (VariableElement p : steps.get(0).getParameters()) {
                params.add(p.getSimpleName().toString());
            }
            String input = f.getAnnotation(io.ta.annotation.OfInput.class).value();
            if (!params.contains(input)) {
                r.error(f, m, Messages.OF_INPUT_NAME.formatted(input, name, String.join(", ", params)));
            }
        }
    }

    /** {@code @Range}: on mutable numeric scalars only, with bounds the generated restore can evaluate. */
    void checkRanges(ValidationReport r, TypeElement type) {
        for (VariableElement f : elements.fields(type)) {
            AnnotationMirror m = mirror(f, KernelElements.RANGE);
            if (m == null) {
                continue;
            }
            String name = f.getSimpleName().toString();
            io.ta.annotation.Range range = f.getAnnotation(io.ta.annotation.Range.class);
            TypeKind k = f.asType().getKind();
            boolean numeric = k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.DOUBLE;
            if (!numeric || isFinal(f) || isStatic(f) || (range.nan() && k != TypeKind.DOUBLE)) {
                String why = !numeric ? "a " + f.asType() : isFinal(f) || isStatic(f) ? "final or static" : "nan = true on " + f.asType();
                r.error(f, m, Messages.RANGE_FIELD.formatted(name, why));
                continue;
            }
            for (String bound : List.of(range.min(), range.max())) {
                if (bound.isEmpty()) {
                    continue;
                }
                String problem = boundProblem(type, bound);
                if (problem != null) {
                    r.error(f, m, Messages.RANGE_BOUND.formatted(bound, name, problem));
                }
            }
        }
    }

    private String boundProblem(TypeElement type, String bound) {
        io.ta.processor.model.RangeModel.Bound b = io.ta.processor.model.RangeModel.parse(bound);
        if (b == null) {
            return "is neither a number nor 'field', 'field + number' or 'field - number'";
        }
        if (!b.isFinite()) {
            return "is beyond the range of a double";
        }
        if (b.field() == null) {
            return null;
        }
        for (VariableElement g : elements.fields(type)) {
            if (g.getSimpleName().contentEquals(b.field())) {
                TypeKind gk = g.asType().getKind();
                boolean numeric = gk == TypeKind.INT || gk == TypeKind.LONG || gk == TypeKind.DOUBLE;
                return numeric && isFinal(g) && !g.getModifiers().contains(Modifier.PRIVATE)
                        ? null
                        : "names '" + b.field() + "', which is not a non-private final int, long or double field";
            }
        }
        return "names '" + b.field() + "', which is not a field of " + type.getSimpleName();
    }

    /** {@code @Invariant}: {@code boolean name()}, an instance method the generated restore can call. */
    void checkInvariants(ValidationReport r, TypeElement type) {
        for (ExecutableElement m : elements.invariants(type)) {
            List<String> problems = new ArrayList<>();
            if (m.getModifiers().contains(Modifier.STATIC)) {
                problems.add("is static");
            }
            if (m.getModifiers().contains(Modifier.PRIVATE)) {
                problems.add("is private");
            }
            if (!m.getParameters().isEmpty()) {
                problems.add("takes parameters");
            }
            if (m.getReturnType().getKind() != TypeKind.BOOLEAN) {
                problems.add("returns " + m.getReturnType());
            }
            if (!m.getThrownTypes().isEmpty()) {
                problems.add("declares thrown exceptions"); // the generated restore calls it without a try
            }
            if (!problems.isEmpty()) {
                r.error(m, mirror(m, KernelElements.INVARIANT),
                        Messages.INVARIANT_SIGNATURE.formatted(m.getSimpleName(), String.join(", ", problems)));
            }
        }
    }
}
