package io.ta.runtime.exec;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.TaException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Series;
import io.ta.runtime.Plan;
import io.ta.runtime.time.TimeOperator;
import io.ta.spi.KernelStream;
import io.ta.spi.Names;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a plan over a history. A plan that has run over 100,000 bars, counting this run, is compiled
 * ({@link FusedCompiler}) into one method whose loop body runs every node for one bar — kernels stepped directly,
 * operators inlined, intermediates in registers — over fresh kernels made in that method, block by block, with each
 * kernel whose per-bar cost is above O(1) in a loop of its own; only the roots get full-length arrays. A plan not yet
 * compiled, or one the compiler declines, runs vector-at-a-time instead (the MonetDB/X100 → DuckDB model): per block,
 * every {@link ExecNode} runs once over block-sized buffers, a kernel node as one {@code updateRange} call on its
 * generated stream. A block size of at least the history length makes that plain node-at-a-time evaluation.
 *
 * <p>Interpreting a plan until it has run over that many bars is what the JVM does with a method: generating and
 * loading a plan's classes costs a fresh JVM some 80 ms, which a short history never earns back (a first run over
 * 1,000 bars took 26 ms interpreted against 110 ms compiled; docs/performance.md, "The first calls"). Both ways give
 * the same values, bit for bit.
 */
public final class BlockExecutor {
    /** Default bars per block: each buffer is 8 KiB, so a plan's working set stays in L1/L2. */
    public static final int DEFAULT_BLOCK = 1024;

    /** When a run compiles the plan. */
    private enum Compile { NEVER, ONCE_WORTH_IT, ALWAYS }

    private final Plan plan;
    private final int block;
    private final Compile compile;

    private BlockExecutor(Plan plan, int block, Compile compile) {
        if (plan == null) {
            throw new InvalidParameterException("block_executor", List.of("plan"), "non-null", "block_executor: plan must not be null");
        }
        if (block < 1) {
            throw new InvalidParameterException("block_executor", List.of("block"), ">= 1",
                    "block_executor: block must be >= 1 bars, got " + block);
        }
        this.plan = plan;
        this.block = block;
        this.compile = compile;
    }

    /**
     * An executor running {@code plan} in blocks of {@code block} bars.
     *
     * @throws InvalidParameterException if the plan is null or the block size is below 1
     */
    public BlockExecutor(Plan plan, int block) {
        this(plan, block, Compile.ONCE_WORTH_IT);
    }

    /**
     * An executor running {@code plan} in blocks of {@value #DEFAULT_BLOCK} bars.
     *
     * @throws InvalidParameterException if the plan is null
     */
    public BlockExecutor(Plan plan) {
        this(plan, DEFAULT_BLOCK, Compile.ONCE_WORTH_IT);
    }

    /**
     * An executor that never compiles the plan: every node runs once per block through the generic interfaces
     * (the fallback for plans the compiler declines). For comparisons and tests; results are identical.
     *
     * @throws InvalidParameterException if the plan is null or the block size is below 1
     */
    public static BlockExecutor interpreted(Plan plan, int block) {
        return new BlockExecutor(plan, block, Compile.NEVER);
    }

    /**
     * An executor that compiles the plan on its first run, however short the history (unless the compiler declines
     * it): for comparisons and tests, and for a benchmark that times the compiled plan from its first run. Results
     * are identical.
     *
     * @throws InvalidParameterException if the plan is null or the block size is below 1
     */
    public static BlockExecutor compiled(Plan plan, int block) {
        return new BlockExecutor(plan, block, Compile.ALWAYS);
    }

    /**
     * Evaluates every root over {@code bars}.
     *
     * @throws UnknownNameException if the plan reads a column the bars do not have
     * @throws ShapeMismatchException if {@code bars} is null
     */
    public PlanResult run(Bars bars) {
        return run(bars, new double[plan.roots().size()][present(bars).length()], null);
    }

    /**
     * Evaluates every root over {@code bars} into the caller's arrays, one per root in {@link Plan#roots()}'s order,
     * each of the bars' length; every element is written, warm-up bars with NaN. The result wraps those arrays. For
     * runs repeated over histories of one length (symbols of a universe, parameter sweeps), where {@link #run}
     * allocates every root's array afresh. An array that is also a column the plan reads is copied first, so the
     * values are the same as {@link #run}'s.
     *
     * @throws ShapeMismatchException if {@code bars} or an array is null, the number of arrays is not the number of
     *     roots, an array's length is not the bars', or two roots are given the same array
     * @throws UnknownNameException if the plan reads a column the bars do not have
     */
    public PlanResult runInto(Bars bars, double[]... into) {
        present(bars);
        List<String> roots = List.copyOf(plan.roots().keySet());
        if (into == null) {
            throw new ShapeMismatchException("plan", "plan: the arrays to run into are null");
        }
        if (into.length != roots.size()) {
            throw new ShapeMismatchException("plan", "plan: expected " + roots.size()
                    + " arrays to run into, one per root (" + String.join(", ", roots) + "), got " + into.length);
        }
        double[][] results = into.clone();
        Map<double[], Integer> given = new IdentityHashMap<>();
        for (int r = 0; r < results.length; r++) {
            if (results[r] == null) {
                throw new ShapeMismatchException("plan", "plan: the array for root '" + roots.get(r) + "' is null");
            }
            if (results[r].length != bars.length()) {
                throw new ShapeMismatchException("plan", "plan: the array for root '" + roots.get(r) + "' has length "
                        + results[r].length + ", the bars have " + bars.length());
            }
            Integer before = given.put(results[r], r);
            if (before != null) {
                throw new ShapeMismatchException("plan", "plan: roots '" + roots.get(before) + "' and '" + roots.get(r)
                        + "' are given the same array");
            }
        }
        return run(bars, results, given.keySet());
    }

    private static Bars present(Bars bars) {
        if (bars == null) {
            throw new ShapeMismatchException("plan", "plan: bars are null");
        }
        return bars;
    }

    /** {@link #run} into {@code results}; {@code given} holds those of them the caller gave, null if none. */
    private PlanResult run(Bars bars, double[][] results, Set<double[]> given) {
        int n = bars.length();
        Program program = Program.of(plan, switch (compile) {
            case NEVER -> false;
            case ALWAYS -> true;
            case ONCE_WORTH_IT -> FusedCompiler.worthCompiling(plan, n);
        });
        List<String> names = plan.columns();
        double[][] columns = new double[names.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = column(bars, names.get(c));
            if (given != null && given.contains(columns[c])) {
                // A lent window part reads bars of its column back, which the run would have overwritten by then.
                columns[c] = columns[c].clone();
            }
        }
        int b = Math.max(1, Math.min(block, n));
        long[] time = times(program, bars);
        Fused fused = program.fusedBatch();
        if (fused != null) {
            fused.batch(columns, results, n, b);
        } else {
            interpret(program, columns, time, program.newStreams(), program.newOperators(), results, n, b);
        }
        long[] sharedTimes = bars.hasTime() ? (time != null ? time : bars.times()) : null;
        Map<String, Series> series = new LinkedHashMap<>();
        Map<String, Integer> lookbacks = new LinkedHashMap<>();
        int r = 0;
        for (String root : plan.roots().keySet()) {
            series.put(root, Series.wrap(results[r++], sharedTimes));
            lookbacks.put(root, plan.lookback(root));
        }
        return new PlanResult(series, lookbacks, n, sharedTimes);
    }

    /**
     * The time column the plan's time-aware nodes read: the bars' timestamps, or the bar numbers when the bars have
     * none and the plan only counts bars; {@code null} when the plan has no time-aware node.
     */
    private long[] times(Program program, Bars bars) {
        if (!program.timed()) {
            return null;
        }
        if (bars.hasTime()) {
            return bars.times();
        }
        if (plan.needsTime()) {
            throw new ShapeMismatchException("plan", "plan: the expression reads timestamps (a timeframe of time, a wall-clock "
                    + "shift or a session), but the bars have none");
        }
        long[] index = new long[bars.length()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return index;
    }

    /** Block at a time: every node once per block over block-sized buffers, roots copied out. */
    private static void interpret(Program program, double[][] columns, long[] time, KernelStream[] streams, TimeOperator[] operators,
            double[][] results, int n, int b) {
        double[][] buffers = new double[program.slots][b];
        // start advances by len, never past n: start += b wrapped past 2^31 - 1 within a block of the largest array.
        for (int start = 0, len; start < n; start += len) {
            len = Math.min(b, n - start);
            for (ExecNode node : program.nodes) {
                node.block(buffers, columns, time, streams, operators, start, len);
            }
            for (int r = 0; r < results.length; r++) {
                System.arraycopy(buffers[program.rootSlots[r]], 0, results[r], start, len);
            }
        }
    }

    static double[] column(Bars bars, String name) {
        if (!bars.has(name)) {
            String near = Names.closest(name, bars.columns());
            throw new UnknownNameException("column", name, near, "the expression needs column '" + name + "', which the data does not have"
                    + Names.hint(near) + "; columns: " + String.join(", ", bars.columns()));
        }
        return bars.column(name);
    }

    /**
     * Evaluates the plan over many symbols in parallel: called from a fork-join task, one task per symbol in its pool
     * (work stealing balances uneven histories); from any other thread, on that thread and on as many threads of the
     * common pool as it has, each taking the next symbol not yet taken. The result keeps the input's order.
     *
     * <p>Every symbol runs to completion; if any fail, the error of the first failing symbol in the input's order is
     * thrown — the same type, its message prefixed with the symbol ({@code AAPL: the expression needs column
     * 'high'…}), the original as its cause, and the other symbols' errors attached as suppressed.
     *
     * @throws ShapeMismatchException if {@code bySymbol} is null
     */
    public Map<String, PlanResult> runAll(Map<String, Bars> bySymbol) {
        if (bySymbol == null) {
            throw new ShapeMismatchException("plan", "plan: the map of bars by symbol is null");
        }
        List<String> symbols = new ArrayList<>(bySymbol.keySet());
        Outcome[] outcomes = new Outcome[symbols.size()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = new Outcome(bySymbol.get(symbols.get(i)));
        }
        if (ForkJoinTask.inForkJoinPool()) {
            List<ForkJoinTask<?>> tasks = new ArrayList<>();
            for (Outcome o : outcomes) {
                tasks.add(ForkJoinTask.adapt(() -> o.run(this)));
            }
            ForkJoinTask.invokeAll(tasks);
        } else {
            new Claims(this, outcomes).run();
        }
        Throwable first = null;
        Map<String, PlanResult> out = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            Throwable t = outcomes[i].failure;
            if (t == null) {
                out.put(symbols.get(i), outcomes[i].result);
            } else if (first == null) {
                first = forSymbol(symbols.get(i), t);
            } else {
                first.addSuppressed(forSymbol(symbols.get(i), t));
            }
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error e) {
            throw e;
        }
        return out;
    }

    /** One symbol: its bars, and what its run produced. */
    private static final class Outcome {
        final Bars bars;
        PlanResult result;
        Throwable failure;

        Outcome(Bars bars) {
            this.bars = bars;
        }

        /**
         * Runs the symbol. It never throws: a failing fork-join task would cancel its siblings and join() would report
         * whichever came first, not the first symbol in order.
         */
        void run(BlockExecutor executor) {
            try {
                result = executor.run(bars);
            } catch (Throwable t) {
                failure = t;
            }
        }
    }

    /**
     * The symbols of a {@link #runAll} called from outside a fork-join pool, taken one at a time by the calling thread
     * and by helpers it gives the common pool. The caller takes symbols until none is left, then waits only for those
     * a helper has taken and is running, so it finishes whatever the pool does. It used to wait for tasks of the pool,
     * which a pool without threads (parallelism 0, or a thread factory that returns null) never ran, nor always the
     * joining caller when other callers shared its submission queue: runAll then waited for ever.
     */
    private static final class Claims {
        /**
         * Helpers given to the common pool, by every runAll, that have not started: at most its parallelism, so that
         * a pool that never starts them holds no more than that many (each a few dozen bytes, the symbols let go).
         */
        private static final AtomicInteger WAITING = new AtomicInteger();

        private final BlockExecutor executor;
        private final Outcome[] outcomes;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;

        Claims(BlockExecutor executor, Outcome[] outcomes) {
            this.executor = executor;
            this.outcomes = outcomes;
            this.done = new CountDownLatch(outcomes.length);
        }

        void run() {
            int parallelism = ForkJoinPool.getCommonPoolParallelism();
            // A helper reaches the symbols only through this, cleared when they are done: one the pool runs late,
            // or never, keeps none of them alive.
            AtomicReference<Claims> open = new AtomicReference<>(this);
            for (int h = Math.min(outcomes.length - 1, parallelism); h > 0; h--) {
                if (WAITING.incrementAndGet() > parallelism) {
                    WAITING.decrementAndGet();
                    break;
                }
                try {
                    ForkJoinPool.commonPool().execute(() -> {
                        WAITING.decrementAndGet();
                        Claims c = open.get();
                        if (c != null) {
                            c.take();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    WAITING.decrementAndGet();
                    break; // the caller runs the rest
                }
            }
            take();
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // only the symbols helpers are running are left: finish them
                }
            }
            open.set(null);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Runs symbols not yet taken until none is left. */
        private void take() {
            for (int i; (i = next.getAndIncrement()) < outcomes.length; ) {
                outcomes[i].run(executor);
                done.countDown();
            }
        }
    }

    /**
     * The same error with the symbol in front of its message, so a caller that sorts errors by type (the CLI's exit
     * codes) still can. Only the exact types below are rebuilt (a subclass would lose its type); any other error is
     * returned as it is.
     */
    static Throwable forSymbol(String symbol, Throwable t) {
        String m = symbol + ": " + t.getMessage();
        TaException out;
        if (t.getClass() == InvalidParameterException.class) {
            InvalidParameterException e = (InvalidParameterException) t;
            out = new InvalidParameterException(e.kernel(), e.parameters(), e.requirement(), m);
        } else if (t.getClass() == ShapeMismatchException.class) {
            out = new ShapeMismatchException(((ShapeMismatchException) t).kernel(), m);
        } else if (t.getClass() == UnknownNameException.class) {
            UnknownNameException e = (UnknownNameException) t;
            out = new UnknownNameException(e.what(), e.name(), e.suggestion().orElse(null), m);
        } else if (t.getClass() == StreamStateException.class) {
            out = new StreamStateException(m);
        } else if (t.getClass() == SnapshotMismatchException.class) {
            out = new SnapshotMismatchException(m);
        } else {
            return t;
        }
        out.initCause(t);
        return out;
    }
}
