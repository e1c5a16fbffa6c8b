package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.Program;
import io.ta.runtime.exec.RandomPlans;
import io.ta.testing.RandomBars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * For random expressions over every registered kernel, on random bars with missing values and extreme magnitudes:
 * block execution (random block sizes) ≡ bar-by-bar streaming (with previews and revised bars interleaved) ≡
 * streaming with a snapshot → bytes → restore in the middle ≡ the naive node-at-a-time reference — bit for bit. The
 * bars have irregular timestamps, and the expressions use timeframes and wall-clock shifts too. Batch and streams run
 * compiled ({@link FusedCompiler}); the interpreted executor and, in a quarter of the cases, an interpreted stream run
 * too, and the compiler must not decline any plan over the standard kernels without time-aware nodes.
 */
class PlanPropertiesTest {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000);
    /** Mixed into each property's fixed seed: {@code -Dta.seed=N} draws other cases (0, the default: the usual). */
    static final long SEED = Long.getLong("ta.seed", 0L);

    record Case(Map<String, Expr> roots, Bars bars, long seed) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("seed " + seed + ", " + bars.length() + " bars:");
            roots.forEach((k, v) -> sb.append("\n  ").append(k).append(" = ").append(Printer.print(v)));
            return sb.toString();
        }
    }

    static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Expr> roots = new LinkedHashMap<>();
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            roots.put("r" + i, RandomPlans.expression(r, 1 + r.nextInt(3), r.nextInt(3) == 0));
        }
        return withBars(roots, r, seed);
    }

    /**
     * A plan of 5 to 12 kernel calls, more than one part of a compiled stream's update holds (FusedCompiler's
     * streamParts), with a column among its roots now and then.
     */
    static Case wideCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Expr> roots = new LinkedHashMap<>();
        int calls = 5 + r.nextInt(8);
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
            Expr e = RandomPlans.call(r, r.nextInt(2));
            for (int c = i; c < calls; c += k) {
                e = new Expr.Binary(r.nextBoolean() ? Op.ADD : Op.SUB, e, RandomPlans.call(r, r.nextInt(2)));
            }
            roots.put("r" + i, e);
        }
        if (r.nextInt(4) == 0) {
            roots.put("column", new Expr.Name(Bars.FIELDS.get(r.nextInt(Bars.FIELDS.size()))));
        }
        return withBars(roots, r, seed);
    }

    /** A kernel call over columns, in one to three operators with numbers or with another call of the same kernel. */
    static Case kernelWithOperatorsCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Expr call = RandomPlans.call(r, 0);
        Expr e = call;
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            Op op = new Op[] {Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.GT, Op.LT}[r.nextInt(6)];
            Expr other = r.nextInt(4) == 0 ? call : new Expr.Num(Math.rint(r.nextGaussian() * 100) / 10);
            e = r.nextBoolean() ? new Expr.Binary(op, e, other) : new Expr.Binary(op, other, e);
        }
        Map<String, Expr> roots = new LinkedHashMap<>();
        roots.put("r0", e);
        return withBars(roots, r, seed);
    }

    private static Case withBars(Map<String, Expr> roots, SplittableRandom r, long seed) {
        RandomBars gen = new RandomBars(r.nextLong(), r.nextBoolean());
        int n = r.nextInt(8) == 0 ? r.nextInt(4) : r.nextInt(400);
        double[][] cols = gen.inputs(Bars.FIELDS, n);
        // Sometimes a bad tick or two at the edges of the doubles, on one column or on every one of a bar.
        for (int k = n == 0 || r.nextInt(3) != 0 ? 0 : 1 + r.nextInt(2); k > 0; k--) {
            int at = r.nextInt(n);
            int only = r.nextInt(cols.length + 1) - 1;
            double tick = TICKS[r.nextInt(TICKS.length)];
            for (int i = 0; i < cols.length; i++) {
                if (only < 0 || only == i) {
                    cols[i][at] = tick;
                }
            }
        }
        long[] time = new long[n];
        long step = new long[] {60_000L, 900_000L, 3_600_000L, 86_400_000L}[r.nextInt(4)];
        for (int i = 0; i < n; i++) {
            // Irregular: mostly one step, sometimes half of one (off the grid), sometimes a gap of many.
            time[i] = i == 0 ? 1_704_067_200_000L + r.nextLong(86_400_000L * 40)
                    : time[i - 1] + (r.nextInt(12) == 0 ? step * (2 + r.nextInt(40)) : r.nextInt(5) == 0 ? step / 2 + 1 : step);
        }
        Bars.Builder b = Bars.builder().time(time);
        for (int i = 0; i < cols.length; i++) {
            b.column(Bars.FIELDS.get(i), cols[i]);
        }
        return new Case(roots, b.build(), seed);
    }

    static void same(double expected, double actual, String what) {
        if (Double.compare(expected, actual) != 0) {
            fail(what + ": " + actual + " vs expected " + expected);
        }
    }

    @Test
    void batchEqualsStreamingEqualsRestoredEqualsNaive() {
        checkCases(EXAMPLES, 0xB10C, PlanPropertiesTest::randomCase);
    }

    /** {@link #check}s {@code examples} cases, each made by {@code cases} from a seed drawn from {@code seed}. */
    private static void checkCases(int examples, long seed, LongFunction<Case> cases) {
        qt().withExamples(examples).withFixedSeed(seed ^ SEED).withShrinkCycles(10).forAll(longs().all().map(cases::apply))
                .checkAssert(PlanPropertiesTest::check);
    }

    /** The same for plans whose compiled stream is cut into several parts. */
    @Test
    void widePlansStreamInParts() {
        checkCases(EXAMPLES / 5, 0xB10D, PlanPropertiesTest::wideCase);
    }

    /**
     * Kernels over columns with operators on their outputs and constants, which a compiled batch runs in the kernel's
     * own loop when the kernel costs more than O(1) per bar (FusedCompiler's loops).
     */
    @Test
    void operatorsOnAKernelsOutputs() {
        checkCases(EXAMPLES / 5, 0xB10E, PlanPropertiesTest::kernelWithOperatorsCase);
    }

    static void check(Case c) {
        Plan plan = Plan.of(c.roots(), Registry.standard());
        SplittableRandom r = new SplittableRandom(c.seed());
        int block = 1 + r.nextInt(r.nextBoolean() ? 8 : 300);
        PlanResult batch = BlockExecutor.compiled(plan, block).run(c.bars());
        PlanResult interpreted = BlockExecutor.interpreted(plan, block).run(c.bars());
        int n = c.bars().length();
        // Into arrays holding garbage: every element must be written.
        double[][] into = new double[plan.roots().size()][n];
        for (double[] a : into) {
            for (int t = 0; t < n; t++) {
                a[t] = r.nextInt(3) == 0 ? Double.NaN : r.nextDouble(-1e9, 1e9);
            }
        }
        BlockExecutor either = r.nextBoolean() ? BlockExecutor.compiled(plan, block)
                : BlockExecutor.interpreted(plan, block);
        PlanResult intoResult = either.runInto(c.bars(), into);
        Map<String, double[]> naive = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> e : c.roots().entrySet()) {
            naive.put(e.getKey(), RandomPlans.evaluate(e.getValue(), c.bars()));
            for (int t = 0; t < n; t++) {
                String at = e.getKey() + " at " + t;
                same(naive.get(e.getKey())[t], batch.get(e.getKey()).get(t), "block " + block + " vs naive, " + at);
                same(naive.get(e.getKey())[t], interpreted.get(e.getKey()).get(t), "interpreted vs naive, " + at);
                same(naive.get(e.getKey())[t], intoResult.get(e.getKey()).get(t), "into arrays vs naive, " + at);
            }
        }
        PlanStream stream = new PlanStream(plan, r.nextInt(4) != 0);
        Program program = Program.of(plan, true);
        if (!program.fused() && !program.timed()) {
            fail("the compiler declined a plan over standard kernels");
        }
        PlanStream restored = null;
        int cut = n == 0 ? 0 : r.nextInt(n);
        for (int t = 0; t < n; t++) {
            double[] bar = bar(stream, c.bars(), t);
            long time = c.bars().time(t);
            if (r.nextInt(4) == 0) {
                stream.preview(time, wrong(bar, r));
            }
            if (r.nextInt(5) == 0) {
                stream.update(time, wrong(bar, r));
                stream.replaceLast(bar);
            } else {
                stream.update(time, bar);
            }
            if (restored != null) {
                restored.update(time, bar);
            }
            for (String root : plan.roots().keySet()) {
                same(naive.get(root)[t], stream.value(root), "stream " + root + " at " + t);
                if (restored != null) {
                    same(naive.get(root)[t], restored.value(root), "restored " + root + " at " + t);
                }
            }
            if (t == cut) {
                restored = plan.stream();
                restored.restore(PlanSnapshot.fromBytes(stream.snapshot().toBytes()));
                assertEquals(stream.count(), restored.count());
            }
        }
    }

    /**
     * A compiled batch passes each column and root array to its loop as a parameter of its own, and a plan with more
     * than 250 of them (a method has 255 parameter slots) passes the arrays of arrays instead: both forms compile and
     * equal the interpreter bit for bit.
     */
    @Test
    void compiledBatchWithFewOrManyRootsEqualsInterpreted() {
        RandomBars gen = new RandomBars(7, true);
        int n = 700;
        double[][] cols = gen.inputs(Bars.FIELDS, n);
        Bars.Builder b = Bars.builder();
        for (int i = 0; i < cols.length; i++) {
            b.column(Bars.FIELDS.get(i), cols[i]);
        }
        Bars bars = b.build();
        for (int roots : new int[] {3, 260}) {
            Map<String, String> expressions = new LinkedHashMap<>();
            for (int i = 0; i < roots; i++) {
                // Mostly columns and shared nodes, so that even 260 roots stay under the 8,000 bytes a compiled method
                // may have.
                String[] shapes = {"sma(close, 5) > close", "ema(volume, 3) * 2", "high - low", "open", "close"};
                expressions.put("r" + i, roots == 3 ? shapes[i] : shapes[i % shapes.length]);
            }
            Plan plan = Plan.compile(expressions, Registry.standard());
            assertEquals(true, Program.of(plan, true).fused(), roots + " roots: compiled");
            PlanResult fused = BlockExecutor.compiled(plan, 64).run(bars);
            PlanResult interpreted = BlockExecutor.interpreted(plan, 64).run(bars);
            for (String root : expressions.keySet()) {
                for (int t = 0; t < n; t++) {
                    same(interpreted.get(root).get(t), fused.get(root).get(t), roots + " roots, " + root + " at " + t);
                }
            }
        }
    }

    static double[] bar(PlanStream s, Bars bars, int t) {
        double[] b = new double[s.columns().size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = bars.column(s.columns().get(i))[t];
        }
        return b;
    }

    static double[] wrong(double[] bar, SplittableRandom r) {
        double[] b = bar.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] = switch (r.nextInt(10)) {
                case 0, 1 -> Double.NaN;
                case 2 -> TICKS[r.nextInt(TICKS.length)];
                default -> b[i] * (1 + 0.05 * r.nextGaussian());
            };
        }
        return b;
    }

    /** Ticks at the edges of the doubles: where a bar's change, a product of two prices or a sum of two overflows. */
    static final double[] TICKS = {Double.MAX_VALUE, -Double.MAX_VALUE, 1e200, -1e200, 1e300, 1e-300};
}
