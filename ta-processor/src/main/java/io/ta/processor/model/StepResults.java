package io.ta.processor.model;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Which {@code @Output} fields are results rather than state: fields the step assigns on every call before anything
 * could read them, so their values between steps can never change what a step computes or what a stream reports.
 *
 * <p>Why: a stream checkpoints its kernel before every update (for {@code replaceLast}), and an output field is one more
 * load and store there, three of them for macd or bbands. A stream that owns its kernel reads the outputs only right
 * after a step, so for results it can skip them ({@code saveOwn}, {@code restoreOwn}). A kernel that nests this one keeps
 * the full checkpoint: it could read the nested outputs before stepping it.
 *
 * <p>How, conservatively: the step's top-level statements are read in order while they are local declarations and
 * expression statements, the straight line every call runs, or branches and loops that touch no output (below). An
 * output assigned there ({@code upper = m + d;}, or {@code adx = plusDi = Double.NaN;}) before any read of it, whether
 * by the step's own expressions or by a method of the kernel it calls, is a result. A statement that branches or loops
 * is passed over when no path through it leaves the step (no return or throw inside), it names no output and it calls
 * none of the kernel's own methods: every call then runs past it and it changes no output ({@code if (w.isFull()) {
 * m = w.mean(); }}). The scan stops at any other such statement, at a top-level return, at the first call of one of
 * the kernel's own methods (which could read an output not yet assigned), and at the kernel handed over as a value
 * ({@code this} as an argument: the static {@code Band.previous(this)} reads what it likes); outputs not assigned by
 * then stay state, and so do outputs an {@code @Invariant} method reads. A local or a parameter with an output's name,
 * or no syntax trees (a compiler other than javac), makes none of them results.
 */
final class StepResults {
    private final Trees trees;

    /** @param trees javac's trees, or null outside javac (no output is then a result) */
    StepResults(Trees trees) {
        this.trees = trees;
    }

    /**
     * The Java names of {@code outputs} (output fields of the kernel) that {@code step} assigns before any read and no
     * {@code invariants} method reads (a restore checks invariants on the snapshot's words, which mean nothing for
     * results).
     */
    Set<String> of(ExecutableElement step, List<VariableElement> outputs, List<ExecutableElement> invariants) {
        Set<String> names = new LinkedHashSet<>();
        for (VariableElement f : outputs) {
            names.add(f.getSimpleName().toString());
        }
        for (VariableElement p : step.getParameters()) {
            if (names.contains(p.getSimpleName().toString())) {
                return Set.of();
            }
        }
        TreePath path = trees == null || names.isEmpty() ? null : trees.getPath(step);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return Set.of();
        }
        Set<String> assigned = new LinkedHashSet<>();
        Set<String> readFirst = new HashSet<>();
        for (StatementTree s : tree.getBody().getStatements()) {
            if (s instanceof VariableTree v && names.contains(v.getName().toString())) {
                return Set.of();
            }
            Reads reads = new Reads(names);
            reads.scan(s, null);
            if (!(s instanceof VariableTree || s instanceof ExpressionStatementTree)) {
                // A branch or a loop: passed over only if every path comes out at its end having touched no output
                // and called nothing of the kernel's (if (w.isFull()) { w.compute(); m = w.mean(); }).
                if (reads.read.isEmpty() && reads.written.isEmpty() && !reads.callsOwnMethod && !reads.exits) {
                    continue;
                }
                break;
            }
            for (String r : reads.read) {
                if (!assigned.contains(r)) {
                    readFirst.add(r);
                }
            }
            assigned.addAll(reads.written);
            if (reads.callsOwnMethod) {
                break;
            }
        }
        assigned.removeAll(readFirst);
        for (ExecutableElement inv : invariants) {
            TreePath p = trees.getPath(inv);
            if (p == null) {
                return Set.of();
            }
            Reads reads = new Reads(names);
            reads.scan(p.getLeaf(), null);
            assigned.removeAll(reads.read);
            assigned.removeAll(reads.written);
        }
        return assigned;
    }

    /**
     * The output fields a statement reads and (by plain assignment, values first) writes, whether it calls the kernel,
     * and whether it can leave the step.
     */
    private static final class Reads extends TreeScanner<Void, Void> {
        private final Set<String> outputs;
        final Set<String> read = new HashSet<>();
        final Set<String> written = new LinkedHashSet<>();
        boolean callsOwnMethod;
        /** Whether a return or a throw is inside: a path that leaves the step there skips the statements after. */
        boolean exits;

        Reads(Set<String> outputs) {
            this.outputs = outputs;
        }

        @Override
        public Void visitAssignment(AssignmentTree a, Void p) {
            // The value is evaluated before the store, so a read in it is a read before this assignment.
            scan(a.getExpression(), p);
            String target = fieldOf(a.getVariable());
            if (target != null) {
                written.add(target);
            } else {
                scan(a.getVariable(), p);
            }
            return null;
        }

        @Override
        public Void visitReturn(ReturnTree r, Void p) {
            exits = true;
            return super.visitReturn(r, p);
        }

        @Override
        public Void visitThrow(ThrowTree t, Void p) {
            exits = true;
            return super.visitThrow(t, p);
        }

        @Override
        public Void visitIdentifier(IdentifierTree id, Void p) {
            String n = id.getName().toString();
            if (outputs.contains(n)) {
                read.add(n);
            }
            if (n.equals("this")) {
                callsOwnMethod = true; // the kernel as a value (Band.previous(this)): whatever takes it can read outputs
            }
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree m, Void p) {
            // this.upper or Band.this.upper reads the output; line.upper is another kernel's field (macdext copies its
            // nested line's outputs after stepping it).
            String n = m.getIdentifier().toString();
            if (isThis(m.getExpression())) {
                if (outputs.contains(n)) {
                    read.add(n);
                }
                return null; // this.upper names a field of the kernel; it does not hand the kernel over
            }
            if (n.equals("this")) {
                callsOwnMethod = true; // Band.this as a value
            }
            return super.visitMemberSelect(m, p);
        }

        private static boolean isThis(ExpressionTree e) {
            return (e instanceof IdentifierTree id && id.getName().contentEquals("this"))
                    || (e instanceof MemberSelectTree q && q.getIdentifier().contentEquals("this"));
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void p) {
            Tree select = call.getMethodSelect();
            if (select instanceof IdentifierTree || (select instanceof MemberSelectTree m && isThis(m.getExpression()))) {
                callsOwnMethod = true;
            }
            return super.visitMethodInvocation(call, p);
        }

        /** The output field an expression names ({@code upper} or {@code this.upper}), or null. */
        private String fieldOf(ExpressionTree e) {
            if (e instanceof IdentifierTree id && outputs.contains(id.getName().toString())) {
                return id.getName().toString();
            }
            if (e instanceof MemberSelectTree m && isThis(m.getExpression()) && outputs.contains(m.getIdentifier().toString())) {
                return m.getIdentifier().toString();
            }
            return null;
        }
    }
}
