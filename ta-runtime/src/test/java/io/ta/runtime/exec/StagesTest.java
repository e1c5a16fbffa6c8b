package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Registry;
import io.ta.testing.RandomBars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A compiled batch cut into stages ({@link FusedCompiler#stages}), each a class of its own handing values on in arrays:
 * large plans are cut and small ones are not, and at any budget a staged batch equals the interpreter bit for bit.
 */
class StagesTest {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) / 4;

    /** The 33-node plan of the benchmarks (ta-bench's {@code PlanBench.WIDE}), with the periods given. */
    static String wide(int fast, int slow, int period, int smooth) {
        String macd = "macd(close, " + fast + ", " + slow + ", 9)";
        String bands = "bbands(close, " + period + ", 2)";
        String stochastic = "stochastic(high, low, close, 14, " + smooth + ", " + smooth + ")";
        return macd + ".macd > " + macd + ".signal and close < " + bands + ".upper and close > " + bands + ".lower"
                + " and rolling_max(high, " + period + ") - close < atr(high, low, close, 14) * 2"
                + " and rsi(close, 14) > 30 and " + stochastic + ".k > " + stochastic + ".d"
                + " and adx(high, low, close, 14).adx > 20 and obv(close, volume) > sma(obv(close, volume), " + period
                + ")";
    }

    private static FusedCompiler.Factory compiled(Plan plan, int budget) {
        Program program = Program.of(plan, false);
        ExecNode[] nodes = ExecNode.of(plan.nodes(), plan.columns());
        FusedCompiler.Factory f = FusedCompiler.compile(nodes, program.newStreams(), program.rootSlots, budget);
        assertNotNull(f, "compiled: " + plan);
        return f;
    }

    @Test
    void aPlanOverTheInliningBudgetIsCutAndASmallOneIsNot() {
        Plan strategy =
                Plan.compile("ema(close, 12) > ema(close, 26) and rsi(close, 14) < 70 and close > sma(close, 50)");
        assertEquals(0, compiled(strategy, FusedCompiler.STAGE_BYTES).stages().length);
        Plan twice = Plan.compile(wide(12, 26, 20, 3) + " and " + wide(8, 21, 30, 5));
        assertTrue(compiled(twice, FusedCompiler.STAGE_BYTES).stages().length >= 2);
        assertTrue(Program.of(twice, true).fused());
    }

    /** Two stages of the wide plan twice over, run through {@link BlockExecutor}, against the interpreter. */
    @Test
    void aStagedPlanRunsThroughTheExecutor() {
        Plan twice = Plan.compile(wide(12, 26, 20, 3) + " and " + wide(8, 21, 30, 5));
        Bars bars = bars(new SplittableRandom(3), 900);
        same(BlockExecutor.interpreted(twice, 256).run(bars), BlockExecutor.compiled(twice, 256).run(bars),
                twice.roots().keySet(), "wide twice");
    }

    /**
     * A plan of 800 kernels: its batch in stages, its constructor and {@code kernelOutputs} over the 8,000 bytes a
     * compiled method may have (they run once per run and per snapshot, uncompiled), its stream in parts. Batch,
     * interpreter, stream and a stream restored from a snapshot agree bit for bit.
     */
    @Test
    void aPlanOfHundredsOfKernelsCompilesAndStreams() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (int k = 2; k < 202; k++) {
            expressions.put("r" + k, "sma(close, " + k + ") > ema(close, " + (k + 1) + ") and rsi(close, " + k
                    + ") < 70 and atr(high, low, close, " + k + ") > 0.1");
        }
        Plan plan = Plan.compile(expressions, Registry.standard());
        assertTrue(Program.of(plan, true).fused(), "compiled");
        Bars bars = bars(new SplittableRandom(11), 260);
        PlanResult batch = BlockExecutor.compiled(plan, 100).run(bars);
        same(BlockExecutor.interpreted(plan, 100).run(bars), batch, expressions.keySet(), "800 kernels");
        PlanStream stream = plan.stream();
        PlanStream restored = null;
        for (int t = 0; t < bars.length(); t++) {
            double[] bar = new double[stream.columns().size()];
            for (int c = 0; c < bar.length; c++) {
                bar[c] = bars.column(stream.columns().get(c))[t];
            }
            stream.update(bar);
            if (restored != null) {
                restored.update(bar);
            }
            for (String root : expressions.keySet()) {
                assertEquals(batch.get(root).get(t), stream.value(root), root + " at " + t);
                if (restored != null) {
                    assertEquals(batch.get(root).get(t), restored.value(root), "restored " + root + " at " + t);
                }
            }
            if (t == 150) {
                restored = plan.stream();
                restored.restore(PlanSnapshot.fromBytes(stream.snapshot().toBytes()));
            }
        }
    }

    /**
     * Random plans over dirty bars, cut at budgets from one node a stage to a few kernels a stage: values crossing
     * stages (kernel outputs read by kernels, as lent columns too, and by operators), roots in any stage, and roots
     * that are columns or constants, all bit for bit the interpreter's. Each plan runs twice, over other bars of
     * another length, so the second run reads crossing arrays the first one filled ({@link Staged.Kept}).
     */
    @Test
    void stagedBatchesEqualTheInterpreter() {
        SplittableRandom seeds = new SplittableRandom(0x57A6E ^ Long.getLong("ta.seed", 0L));
        for (int example = 0; example < EXAMPLES; example++) {
            long seed = seeds.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            Map<String, Expr> roots = new LinkedHashMap<>();
            for (int i = 1 + r.nextInt(4); i > 0; i--) {
                roots.put("r" + i, RandomPlans.expression(r, 1 + r.nextInt(4), r.nextInt(3) == 0, false));
            }
            if (r.nextInt(4) == 0) {
                roots.put("column", new Expr.Name(Bars.FIELDS.get(r.nextInt(Bars.FIELDS.size()))));
            }
            Plan plan = Plan.of(roots, Registry.standard());
            int budget = new int[] {1, 300, 1500, 4000}[r.nextInt(4)];
            FusedCompiler.Factory factory = compiled(plan, budget);
            StringBuilder what = new StringBuilder("seed " + seed + ", budget " + budget + ", "
                    + factory.stages().length + " stages:");
            roots.forEach((k, v) -> what.append("\n  ").append(k).append(" = ").append(Printer.print(v)));
            for (int run = 0; run < 2; run++) {
                Bars bars = bars(r, r.nextInt(8) == 0 ? r.nextInt(3) : 1 + r.nextInt(500));
                int block = 1 + r.nextInt(r.nextBoolean() ? 8 : 300);
                double[][] columns = new double[plan.columns().size()][];
                for (int c = 0; c < columns.length; c++) {
                    columns[c] = bars.column(plan.columns().get(c));
                }
                double[][] results = new double[roots.size()][bars.length()];
                factory.batch().batch(columns, results, bars.length(), block);
                PlanResult interpreted = BlockExecutor.interpreted(plan, block).run(bars);
                int r0 = 0;
                for (String root : roots.keySet()) {
                    for (int t = 0; t < bars.length(); t++) {
                        if (Double.compare(interpreted.get(root).get(t), results[r0][t]) != 0) {
                            fail(what + "\nrun " + run + ", " + root + " at " + t + ": " + results[r0][t]
                                    + " vs interpreted " + interpreted.get(root).get(t));
                        }
                    }
                    r0++;
                }
            }
        }
    }

    /** A plan's crossing arrays serve its next run when they are long enough, and are made anew when not. */
    @Test
    void crossingArraysAreKeptForTheNextRun() {
        Staged.Kept kept = new Staged.Kept(2);
        double[][] first = kept.take(100);
        assertEquals(2, first.length);
        assertEquals(100, first[1].length);
        assertNotSame(first, kept.take(100), "nothing kept yet");
        kept.keep(first);
        assertSame(first, kept.take(60), "a shorter run takes the kept arrays");
        assertNotSame(first, kept.take(60), "taken: a run at the same time makes its own");
        kept.keep(first);
        double[][] longer = kept.take(101);
        assertNotSame(first, longer);
        assertEquals(101, longer[0].length);
        assertEquals(0, new Staged.Kept(0).take(50).length);
    }

    private static Bars bars(SplittableRandom r, int n) {
        return bars(r.nextLong(), r.nextBoolean(), n);
    }

    /** {@code n} bars of every field from {@link RandomBars}, with missing and extreme values if {@code dirty}. */
    static Bars bars(long seed, boolean dirty, int n) {
        double[][] cols = new RandomBars(seed, dirty).inputs(Bars.FIELDS, n);
        Bars.Builder b = Bars.builder();
        for (int i = 0; i < cols.length; i++) {
            b.column(Bars.FIELDS.get(i), cols[i]);
        }
        return b.build();
    }

    private static void same(PlanResult expected, PlanResult actual, Iterable<String> roots, String what) {
        for (String root : roots) {
            for (int t = 0; t < expected.get(root).length(); t++) {
                if (Double.compare(expected.get(root).get(t), actual.get(root).get(t)) != 0) {
                    fail(what + ": " + root + " at " + t + ": " + actual.get(root).get(t) + " vs "
                            + expected.get(root).get(t));
                }
            }
        }
    }
}
