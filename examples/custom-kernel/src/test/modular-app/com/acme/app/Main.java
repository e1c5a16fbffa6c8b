package com.acme.app;

import io.ta.kernels.Ta;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.Plan;
import io.ta.spi.KernelDescriptor;
import java.util.Arrays;

/** Prints where the kernels it uses come from, and one plan mixing a built-in with an extension kernel. */
public final class Main {
    private Main() {}

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        double[] close = {10, 12, 11, 15, 14, 13, 16, 18, 17, 12, 11, 14, 15, 19, 20, 18};
        Registry registry = Registry.standard();
        KernelDescriptor rsi = registry.kernel("rsi");
        KernelDescriptor range = registry.kernel("rangepos");
        long automatic = ModuleLayer.boot().modules().stream().filter(m -> m.getDescriptor().isAutomatic()).count();
        double[] values = compiled("range_position(sma(close, 2), 4)")
                .run(Bars.builder().column("close", close).build()).value().toArray();
        // An extension kernel that composes a built-in one (dm_balance holds a WilderDm): across two modules.
        KernelDescriptor balance = registry.kernel("dm_balance");
        double[] balances = compiled("dm_balance(1)").run(Bars.builder()
                .column("high", new double[] {10, 11, 10.5, 10.4}).column("low", new double[] {9, 10, 9, 9.5}).build())
                .value().toArray();
        System.out.println("app module=" + Main.class.getModule().getName());
        System.out.println("automatic modules=" + automatic);
        System.out.println("problems=" + registry.problems());
        System.out.println("kernels=" + registry.kernels().size());
        System.out.println("rsi from " + rsi.getClass().getModule().getName());
        System.out.println("range_position from " + range.getClass().getModule().getName() + " as " + range.name());
        System.out.println("sma(close, 2)[1]=" + Ta.sma(close, 2)[1]);
        System.out.println("range_position(sma(close, 2), 4)[5]=" + values[5]);
        System.out.println("dm_balance from " + balance.getClass().getModule().getName());
        System.out.println("dm_balance(1)=" + Arrays.toString(balances));
        boolean reads = Plan.class.getModule().canRead(range.getClass().getModule());
        System.out.println("io.ta.runtime reads com.acme.ta=" + reads);
    }

    /**
     * The plan of {@code expression}, run once over 100,000 bars: a plan is interpreted until it has run over that
     * many, and compiled from then on, so that the short runs above call the extension's streams from the plan's
     * generated class, across modules.
     */
    private static Plan compiled(String expression) {
        Plan plan = Plan.compile(expression);
        Bars.Builder history = Bars.builder();
        for (String column : plan.columns()) {
            double[] v = new double[100_000];
            for (int i = 0; i < v.length; i++) {
                v[i] = 100 + Math.sin(i * 0.01) + (column.equals("low") ? -1 : 0);
            }
            history.column(column, v);
        }
        plan.run(history.build());
        return plan;
    }
}
