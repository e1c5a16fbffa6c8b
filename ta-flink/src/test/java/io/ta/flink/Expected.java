package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ta.runtime.Registry;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Plan;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch results a Flink run must reproduce: the runtime's block executor ({@code Plan.run}) over each symbol's
 * whole, correct history, and checks of a run's output against them.
 */
final class Expected {
    private final TestMarket market;
    private final List<String> names;
    /** [symbol][root][bar] */
    private final double[][][] values;

    Expected(TestMarket market, Map<String, String> expressions) {
        this(market, expressions, ZoneOffset.UTC);
    }

    /** The batch results of a plan whose calendar periods and sessions lie in {@code zone}. */
    Expected(TestMarket market, Map<String, String> expressions, ZoneId zone) {
        this.market = market;
        Plan plan = Plan.compile(expressions, Registry.standard(), zone);
        this.names = List.copyOf(plan.roots().keySet());
        this.values = new double[market.symbols][][];
        for (int s = 0; s < market.symbols; s++) {
            PlanResult r = plan.run(market.history(s));
            values[s] = new double[names.size()][];
            for (int k = 0; k < names.size(); k++) {
                values[s][k] = r.get(names.get(k)).toArray();
            }
        }
    }

    double[] at(int s, int i) {
        double[] v = new double[names.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = values[s][k][i];
        }
        return v;
    }

    /**
     * Checks a run's closed-bar output over a {@link Feed} (which corrects a bar at most once): exactly one
     * {@link TaResult.Kind#BAR} per (symbol, bar), at most one revision, and the final value of each bar — a revision
     * supersedes the bar — equal to the batch value bit for bit.
     *
     * @return the number of revisions in the output
     */
    int check(Iterable<TaResult> output) {
        Map<String, TaResult> byKey = new HashMap<>();
        Map<String, TaResult> finals = new HashMap<>();
        int bars = 0;
        int revisions = 0;
        for (TaResult r : output) {
            if (r.kind() == TaResult.Kind.PREVIEW) {
                continue;
            }
            String key = r.symbol() + "@" + r.time() + "/" + r.kind();
            TaResult before = byKey.put(key, r);
            if (before != null) {
                throw new AssertionError("emitted twice: " + before + " and " + r);
            }
            if (r.kind() == TaResult.Kind.BAR) {
                bars++;
                finals.putIfAbsent(r.symbol() + "@" + r.time(), r);
            } else {
                revisions++;
                finals.put(r.symbol() + "@" + r.time(), r);
            }
        }
        assertEquals((long) market.symbols * market.bars, bars, "one committed result per bar, no loss, no duplicate");
        for (int s = 0; s < market.symbols; s++) {
            for (int i = 0; i < market.bars; i++) {
                TaResult r = finals.get(TestMarket.symbol(s) + "@" + market.timeOf(i));
                assertNotNull(r, "no result for bar " + i + " of " + TestMarket.symbol(s));
                int si = s;
                int ii = i;
                assertArrayEquals(at(s, i), r.values(), () -> "bar " + ii + " of " + TestMarket.symbol(si) + ": " + r);
            }
        }
        return revisions;
    }
}
