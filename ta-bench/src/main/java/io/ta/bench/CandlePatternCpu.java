package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.ParamValues;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * One candlestick pattern's batch, ta's against TA-Lib's function of the same name, over {@link CandleScanBench}'s 1M
 * bars in one JVM by thread CPU time (the fastest of 30 interleaved rounds, {@link CpuTime#fastestInterleaved}).
 * Alone in its JVM, as a user calling one pattern runs it: the candle frame's push is shared by every pattern, and its
 * compiled code follows the profile of all that ran (docs/performance.md, "Kernels next to each other in one JVM").
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.CandlePatternCpu
 * cdl_engulfing}. A pattern with a penetration runs TA-Lib's at the kernel's default, which is TA-Lib's.
 */
public final class CandlePatternCpu {
    /** TA-Lib's Java names that are not the pattern's. */
    private static final Map<String, String> TALIB_SPELLING = Map.of(
            "cdl_highwave", "cdlHignWave", "cdl_separatinglines", "cdlSeperatingLines",
            "cdl_sticksandwich", "cdlStickSandwhich");

    private CandlePatternCpu() {}

    public static void main(String[] args) throws ReflectiveOperationException {
        String name = args[0];
        KernelDescriptor d = KernelLoader.load(CandlePatternCpu.class.getClassLoader()).kernels().stream()
                .filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kernel named " + name));
        ParamValues params = ParamValues.defaults(d);
        int n = CandleScanBench.N;
        BenchData data = new BenchData(n);
        double[] out = new double[n];
        boolean penetration = d.params().size() == 1;
        Object[] taArgs = penetration
                ? new Object[] {data.open, data.high, data.low, data.close, number(params.get(0)), out}
                : new Object[] {data.open, data.high, data.low, data.close, out};
        Method taBatch = method(Ta.class, name, taArgs.length, 0);
        Method talib = method(Core.class, TALIB_SPELLING.getOrDefault(name, name), taArgs.length + 4, 2);
        Core core = new Core();
        int[] outInt = new int[n];
        Object[] talibArgs = talib.getParameterCount() == 9
                ? new Object[] {0, n - 1, data.open, data.high, data.low, data.close, new MInteger(), new MInteger(),
                    outInt}
                : new Object[] {0, n - 1, data.open, data.high, data.low, data.close, number(params.get(0)),
                    new MInteger(), new MInteger(), outInt};
        Runnable ta = () -> call(taBatch, null, taArgs);
        Runnable ref = () -> call(talib, core, talibArgs);
        double[] best = CpuTime.fastestInterleaved(new Runnable[] {ta, ref}, 30, n);
        System.out.printf(Locale.ROOT, "%s: ta %.2f / TA-Lib %.2f ns/bar = %.2f%n", name, best[0], best[1],
                best[0] / best[1]);
    }

    /**
     * The public method of {@code owner} named as the kernel (case and underscores aside) with that many parameters,
     * the one taking {@code double[]} opens at parameter {@code opens} (TA-Lib also takes {@code float[]}).
     */
    private static Method method(Class<?> owner, String kernel, int parameters, int opens) {
        return Arrays.stream(owner.getMethods())
                .filter(m -> m.getName().equalsIgnoreCase(kernel.replace("_", ""))
                        && m.getParameterCount() == parameters && m.getParameterTypes()[opens] == double[].class)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(owner.getSimpleName() + " has no " + kernel));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static void call(Method m, Object target, Object[] args) {
        try {
            m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
