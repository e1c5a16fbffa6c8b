package io.ta.ffi;

import io.ta.runtime.Registry;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The Java baseline for the boundary costs in docs/performance.md: the same two operations libta's bench.c and
 * ta-node's bench make, called from Java — a plan stream {@code rsi(close, 14)} updated one bar per call, and the
 * {@code rsi} batch (period 14) by kernel name over 1,000,000 bars, allocating its output and into a reused array. Same data (golden close, tiled) and method (warm-up,
 * then the median of 7 rounds). Run by {@code ta-ffi/src/test/sh/bench.sh}.
 */
public final class BoundaryBench {
    private static final int BARS = 1_000_000;
    private static final int ROUNDS = 7;
    /** Batches per timed round, reported per batch. */
    private static final int REPEAT = 20;

    private BoundaryBench() {}

    /** {@code BoundaryBench <golden dir>}: prints {@code java <metric> <value>} lines. */
    public static void main(String[] args) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of(args[0], "close.f64"));
        double[] src = new double[raw.length / 8];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(src);
        double[] close = new double[BARS];
        for (int i = 0; i < BARS; i++) {
            close[i] = src[i % src.length];
        }

        PlanStream stream = Plan.compile("rsi(close, 14)").stream();
        // The JVM's process CPU clock ticks in 10 ms steps: rounds are long enough (≥ 0.3 s of CPU) to resolve it.
        int calls = 2_000_000;
        double[] bar = new double[1];
        double sink = 0;
        double[] rounds = new double[ROUNDS];
        double[] cpu = new double[ROUNDS];
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < calls; i++) {
                bar[0] = close[i % BARS];
                stream.update(bar);
                sink += stream.value();
            }
        }
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            for (int i = 0; i < calls; i++) {
                bar[0] = close[i % BARS];
                stream.update(bar);
                sink += stream.value();
            }
            rounds[r] = (System.nanoTime() - t0) / (double) calls;
            cpu[r] = (cpu() - c0) / (double) calls;
        }
        System.out.printf("java\tstream_update_1bar_ns\t%.1f\tcpu\t%.1f%n", median(rounds), median(cpu));

        KernelDescriptor rsi = Registry.standard().kernel("rsi");
        ParamValues params = ParamValues.of(rsi, Map.of("period", 14));
        for (int w = 0; w < 5; w++) {
            sink += rsi.batch(params, close)[0][BARS - 1];
        }
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            for (int k = 0; k < REPEAT; k++) {
                sink += rsi.batch(params, close)[0][BARS - 1];
            }
            rounds[r] = (System.nanoTime() - t0) / 1e6 / REPEAT;
            cpu[r] = (cpu() - c0) / 1e6 / REPEAT;
        }
        System.out.printf("java\tbatch_1m_ms\t%.3f\tcpu\t%.3f%n", median(rounds), median(cpu));

        double[][] in = {close};
        double[][] out = {new double[BARS]};
        for (int w = 0; w < 5; w++) {
            rsi.newStream(params).updateRange(in, out, 0, BARS);
        }
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = System.nanoTime();
            long c0 = cpu();
            for (int k = 0; k < REPEAT; k++) {
                rsi.newStream(params).updateRange(in, out, 0, BARS);
            }
            rounds[r] = (System.nanoTime() - t0) / 1e6 / REPEAT;
            cpu[r] = (cpu() - c0) / 1e6 / REPEAT;
        }
        sink += out[0][BARS - 1];
        System.out.printf("java\tbatch_1m_into_ms\t%.3f\tcpu\t%.3f%n", median(rounds), median(cpu));
        if (sink == 42) {
            System.out.println();
        }
    }

    /** CPU time of the whole process (all threads, the JIT and GC included), as the C and Node benchmarks report it. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
