package io.ta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fork of the performance gate: a fresh JVM that warms up and times every {@link GateBench} benchmark of
 * {@link PerfGate#PAIRS} in this thread's CPU time, in interleaved rounds (every benchmark once per round, so a burst of
 * load hits all of them alike), and prints each benchmark's fastest round as {@code score <name> <ns per bar>}.
 * {@link PerfGateTest} starts several and compares their ratios with the baseline.
 *
 * <p>Argument: the fork's number; fork {@code f} starts its warm-up at the {@code f}-th benchmark, so the kernels the
 * benchmarks share (a kernel's step runs in its batch, its stream and the plans) are first compiled in a different
 * context in each fork, and one fork's JIT decisions cannot decide the gate.
 */
final class GateFork {
    /** CPU time each benchmark runs before timing starts (the JIT compiles it meanwhile). */
    static final long WARMUP_NANOS = 400_000_000L;
    static final int ROUNDS = 30;
    /** CPU time of one timed sample (several calls of a benchmark). */
    static final long SAMPLE_NANOS = 8_000_000L;

    private GateFork() {}

    public static void main(String[] args) throws Exception {
        int fork = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        for (Map.Entry<String, Double> e : measure(fork).entrySet()) {
            System.out.println(String.format(Locale.ROOT, "score %s %.6f", e.getKey(), e.getValue()));
        }
    }

    /** Benchmark → its fastest round in CPU ns per bar. */
    static Map<String, Double> measure(int fork) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        GateBench bench = new GateBench();
        bench.setup();
        List<String> names = new ArrayList<>();
        for (String[] pair : PerfGate.PAIRS.values()) {
            for (String name : pair) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        int shift = Math.floorMod(fork * 7, names.size());
        List<String> order = new ArrayList<>(names.subList(shift, names.size()));
        order.addAll(names.subList(0, shift));
        Map<String, Method> methods = new LinkedHashMap<>();
        for (String name : order) {
            methods.put(name, GateBench.class.getMethod(name));
        }
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (Map.Entry<String, Method> m : methods.entrySet()) {
            long t0 = mx.getCurrentThreadCpuTime();
            int n = 0;
            while (mx.getCurrentThreadCpuTime() - t0 < WARMUP_NANOS) {
                m.getValue().invoke(bench);
                n++;
            }
            long per = Math.max(1, (mx.getCurrentThreadCpuTime() - t0) / n);
            calls.put(m.getKey(), (int) Math.max(1, SAMPLE_NANOS / per));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Method> m : methods.entrySet()) {
                int n = calls.get(m.getKey());
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    m.getValue().invoke(bench);
                }
                double nsPerBar = (double) (mx.getCurrentThreadCpuTime() - t0) / n / GateBench.N;
                scores.merge(m.getKey(), nsPerBar, Math::min);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, scores.get(name));
        }
        return out;
    }
}
