package io.ta.golden;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of {@code talib06/*.tsv}: how to call ta, and the TA-Lib C 0.6 call (through the {@code talib@1.1.6} Node
 * binding, {@code talib06/generate.js}) whose output is the fixture {@code talib06/fixtures/<id>.csv.gz}.
 *
 * @param ta the ta side (kernel, parameters, inputs, dataset) and the TA-Lib function with its optional inputs, in
 *     the shape of a {@link TalibCase} so the Java port (0.4) can be run on the same row as a second check
 */
record Talib06Case(TalibCase ta) {

    /** Every row of every {@code talib06/*.tsv}. */
    static List<Talib06Case> all() {
        return TalibCase.rows(Golden.path("talib06")).stream()
                .map(f -> new Talib06Case(new TalibCase(f[0], f[1], TalibCase.pairs(f[2]), TalibCase.pairs(f[3]), f[4],
                        List.of("price"), f[5].isEmpty() ? List.of() : List.of(f[5].split(",")), f[6], List.of())))
                .toList();
    }

    String id() {
        return ta.id();
    }

    Path fixture() {
        return Golden.fixture("talib06", ta.id());
    }

    /** Whether the fixture holds an integer (candlestick) output in the sparse form. */
    boolean sparse() {
        return Fixture.lines(fixture()).stream().findFirst().orElse("").startsWith("first_valid,");
    }

    /**
     * The sparse fixture as an aligned series: NaN before TA-Lib's first valid index, then 0 except on the listed
     * bars.
     */
    double[] pattern() {
        List<String> lines = Fixture.lines(fixture());
        int first = Integer.parseInt(lines.get(0).substring("first_valid,".length()));
        int bars = Integer.parseInt(lines.get(1).substring("bars,".length()));
        double[] v = new double[bars];
        for (int t = 0; t < bars; t++) {
            v[t] = t < first ? Double.NaN : 0.0;
        }
        for (String line : lines.subList(3, lines.size())) {
            String[] p = line.split(",");
            v[Integer.parseInt(p[0])] = Integer.parseInt(p[1]);
        }
        return v;
    }
}
