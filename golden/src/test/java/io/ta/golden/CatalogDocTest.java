package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.annotation.Scale;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/catalog.md} is generated from the registry (every kernel's descriptor) and the golden tables (its
 * parity status) — never edited by hand. This test fails when the committed file is stale; regenerate with
 * {@code mvn -B -pl golden -am test -Dtest=CatalogDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dta.regenerate=true}.
 */
class CatalogDocTest {
    static Path doc() {
        return Golden.path("..").resolve("docs").resolve("catalog.md").normalize();
    }

    @Test
    void outputsValidBeforeTheKernelsLookbackAreListedWithTheirOwn() throws IOException {
        List<String> rows = Files.readAllLines(doc());
        int checked = 0;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (KernelDescriptor d : io.ta.spi.KernelLoader.load(loader).kernels()) {
            if (!d.params().stream().allMatch(ParamSpec::hasDefault)) {
                continue;
            }
            ParamValues p = ParamValues.defaults(d);
            String row = rows.stream().filter(r -> r.startsWith("| `" + d.name() + "` |")).findFirst().orElseThrow();
            for (int i = 0; i < d.outputs().size(); i++) {
                if (d.lookback(p, i) != d.lookback(p)) {
                    String own = d.outputs().get(i).name() + " from " + d.lookback(p, i);
                    assertTrue(row.contains(own), d.name() + ": docs/catalog.md gives only the kernel's lookback "
                            + d.lookback(p) + ", not '" + own + "'");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "some kernel declares per-output lookbacks (ichimoku, itrend, ...)");
    }

    @Test
    void everyKernelAParityTestChecksShowsItsParity() {
        // adx and bbands are checked against TA-Lib (TrendTalibParityTest, talib/trend.tsv) but were listed with "–"
        Map<String, List<String>> parity = parity();
        for (String kernel : List.of("adx", "bbands")) {
            List<String> references = parity.getOrDefault(kernel, List.of()).stream()
                    .map(p -> p.replaceAll(" \\(.*", "")).toList();
            assertEquals(List.of("TA-Lib ×4"), references, kernel + ": docs/catalog.md's parity column");
        }
    }

    @Test
    void catalogDocIsGeneratedFromTheRegistry() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("ta.regenerate")) {
            Files.writeString(doc(), generated);
        }
        assertEquals(generated, Files.exists(doc()) ? Files.readString(doc()) : "",
                "docs/catalog.md is stale: regenerate it (see this test's class comment)");
    }

    static String generate() {
        List<KernelDescriptor> kernels = new ArrayList<>(io.ta.spi.KernelLoader.load(Thread.currentThread().getContextClassLoader()).kernels());
        kernels.sort(Comparator.comparing(KernelDescriptor::name));
        Map<String, List<String>> parity = parity();
        Map<String, List<KernelDescriptor>> byFamily = new TreeMap<>();
        for (KernelDescriptor d : kernels) {
            byFamily.computeIfAbsent(d.family().name().toLowerCase(Locale.ROOT).replace('_', ' '), k -> new ArrayList<>()).add(d);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Catalog\n\n");
        sb.append("Generated from the kernel registry and the golden tables by `golden/src/test/java/io/ta/golden/CatalogDocTest.java`;\n");
        sb.append("do not edit. ").append(kernels.size()).append(" kernels. The specification they implement is [spec.md](spec.md);\n");
        sb.append("`ta describe NAME` prints the same facts for one kernel, all but its parity.\n\n");
        sb.append("Parity: **TA-Lib** = matches TA-Lib's Java port on real data (golden/talib), **TA-Lib 0.6** = matches TA-Lib C 0.6\n");
        sb.append("on real and generated data (golden/talib06; candlestick patterns exactly), **TTR/R** = matches R's TTR or a\n");
        sb.append("base-R transcription of the formula (golden/ttr), **Tulip** = matches Tulip Indicators 0.8.4 (golden/tulip),\n");
        sb.append("**hand** = hand-checked worked examples (golden/hand); the number is how many fixtures, and in brackets the\n");
        sb.append("largest relative difference from the reference over them (\"exact\" = bit for bit). Every difference is within the\n");
        sb.append("golden tolerance (1e-9 relative, spec.md §1.5): departures beyond it: none. Where ta is not bit for bit TA-Lib,\n");
        sb.append("it is because ta's window sums cannot drift (moments exact and centred, sums from running sums of the last\n");
        sb.append("two blocks, averages re-anchored every window) and TA-Lib's running sums can (docs/contracts.md, \"Numerics\").\n");
        sb.append("Every kernel is also in the property suite (batch ≡\n");
        sb.append("stream ≡ chunks, preview, replace-last, snapshot/restore, exact lookback, NaN recovery, bad parameters, outlier\n");
        sb.append("recovery, long-stream drift, scale equivariance, per-bar cost).\n\n");
        sb.append("Outputs carry their **scale**, how they change when prices are multiplied by c (and volumes by v): *price* ×c,\n");
        sb.append("*price²* ×c², *volume* ×v, *price·volume* ×c·v, *unitless* unchanged, *none* no such law (docs/contracts.md,\n");
        sb.append("\"Scale\"). **Cost** is the work per bar and the memory, in the window length n, derived from the state each kernel\n");
        sb.append("holds (the `@Cost` of its state parts and nested kernels).\n");
        sb.append("**Lookback** is the first valid bar for NaN-free input, as a formula and its value at the\n");
        sb.append("defaults; outputs valid earlier are listed with their own first bar at the defaults\n");
        sb.append("(`KernelDescriptor.lookback(params, output)`).\n\n");
        for (Map.Entry<String, List<KernelDescriptor>> f : byFamily.entrySet()) {
            sb.append("## ").append(Character.toUpperCase(f.getKey().charAt(0))).append(f.getKey().substring(1)).append("\n\n");
            if (f.getKey().equals("candle")) {
                sb.append("The candle settings every pattern judges by, the shared candle frame, missing values and TA-Lib 0.6 vs 0.4:\n");
                sb.append("[candles.md](candles.md).\n\n");
            }
            sb.append("| kernel | aliases | inputs | parameters | outputs · scale | lookback | cost · memory | reference | parity |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|\n");
            for (KernelDescriptor d : f.getValue()) {
                List<String> params = new ArrayList<>();
                for (ParamSpec p : d.params()) {
                    params.add(p.name() + " " + (p.hasDefault() ? p.defaultValue() : "(required)") + " " + p.rangeText());
                }
                d.requires().forEach(r -> params.add(r.toString()));
                List<String> aliases = new ArrayList<>(d.aliases());
                d.selectors().forEach(s -> aliases.add(s.alias() + " → " + s.output()));
                List<String> inputs = new ArrayList<>();
                for (int i = 0; i < d.inputs().size(); i++) {
                    String unit = d.inputScale(i) == Scale.PRICE ? "" : " " + scaleName(d.inputScale(i));
                    inputs.add(d.inputs().get(i) + unit + (d.domain(i).isUnbounded() ? "" : " (" + d.domain(i) + ")"));
                }
                String lookback = d.lookbackFormula().isEmpty() ? "–" : "`" + d.lookbackFormula() + "`";
                if (d.params().stream().allMatch(ParamSpec::hasDefault)) {
                    lookback += " = " + d.lookback(ParamValues.defaults(d)) + earlierOutputs(d);
                }
                sb.append("| `").append(d.name()).append("` | ").append(cell(String.join(", ", aliases)))
                        .append(" | ").append(cell(String.join(", ", inputs)))
                        .append(" | ").append(cell(String.join("; ", params)))
                        .append(" | ").append(cell(outputs(d)))
                        .append(" | ").append(lookback)
                        .append(" | ").append(d.timeCost().notation()).append(" · ").append(d.memoryCost().notation())
                        .append(" | ").append(cell(d.reference()))
                        .append(" | ").append(cell(String.join(", ", parity.getOrDefault(d.name(), List.of()))))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The outputs valid before the kernel's lookback at the defaults, {@code " (tenkan_sen from 8, …)"}: the kernel's
     * lookback is its latest output's, and a reader must not take it for every output's first valid bar.
     */
    static String earlierOutputs(KernelDescriptor d) {
        ParamValues p = ParamValues.defaults(d);
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < d.outputs().size(); i++) {
            if (d.lookback(p, i) != d.lookback(p)) {
                earlier.add(d.outputs().get(i).name() + " from " + d.lookback(p, i));
            }
        }
        return earlier.isEmpty() ? "" : " (" + String.join(", ", earlier) + ")";
    }

    /** {@code upper, middle, lower · price}, or each output with its own scale when they differ. */
    static String outputs(KernelDescriptor d) {
        List<OutputSpec> outs = d.outputs();
        boolean same = outs.stream().map(OutputSpec::scale).distinct().count() == 1;
        if (same) {
            return String.join(", ", outs.stream().map(OutputSpec::name).toList()) + " · " + scaleName(outs.get(0).scale());
        }
        return String.join(", ", outs.stream().map(o -> o.name() + " · " + scaleName(o.scale())).toList());
    }

    static String scaleName(Scale s) {
        return switch (s) {
            case PRICE_SQUARED -> "price²";
            case PRICE_VOLUME -> "price·volume";
            default -> s.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String cell(String s) {
        return s.isEmpty() ? "–" : s.replace("|", "\\|");
    }

    /**
     * For each kernel, its golden fixtures by reference with the largest relative difference over them:
     * "TA-Lib ×2 (≤ 3.1e-13)", "TTR/R ×1 (exact)", "Tulip ×1 (exact)", "hand ×3".
     */
    static Map<String, List<String>> parity() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        for (TalibCase c : TalibCase.all()) {
            counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("TA-Lib", 1, Integer::sum);
            worst.merge(c.kernel() + "/TA-Lib", difference(c, talib(c)), Math::max);
        }
        // adx against ADX, PLUS_DI and MINUS_DI: TA-Lib parity too, though no table row can hold it
        for (int n : TrendTalibParityTest.ADX_PERIODS) {
            counts.computeIfAbsent("adx", k -> new TreeMap<>()).merge("TA-Lib", 1, Integer::sum);
            KernelDescriptor d = TalibGenerator.descriptor("adx");
            double[][] ours = d.batch(ParamValues.of(d, Map.of("period", n)), TrendTalibParityTest.adxInputs());
            worst.merge("adx/TA-Lib", Parity.check("adx-" + n, TrendTalibParityTest.adxReference(n), ours), Math::max);
        }
        for (TalibCase c : TtrParityTest.cases()) {
            counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("TTR/R", 1, Integer::sum);
            worst.merge(c.kernel() + "/TTR/R", difference(c, Fixture.read(Golden.fixture("ttr", c.id())).values()),
                    Math::max);
        }
        for (TulipParityTest.TulipCase t : TulipParityTest.cases()) {
            TalibCase c = t.ta();
            counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("Tulip", 1, Integer::sum);
            double[][] reference = Fixture.read(Golden.fixture("tulip", c.id())).values();
            KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
            int lookback = d.lookback(c.paramValues(d));
            for (double[] column : reference) {
                java.util.Arrays.fill(column, 0, Math.min(lookback, column.length), Double.NaN); // as TulipParityTest
            }
            worst.merge(c.kernel() + "/Tulip", difference(c, reference), Math::max);
        }
        for (Talib06Case t : Talib06Case.all()) {
            TalibCase c = t.ta();
            counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("TA-Lib 0.6", 1, Integer::sum);
            double[][] reference = t.sparse() ? new double[][] {t.pattern()} : Fixture.read(t.fixture()).values();
            if (c.kernel().equals("imi")) {
                KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
                reference = CandleParityTest.imiZeroGuard(reference, Dataset.load(c.dataset()), d.lookback(c.paramValues(d)) + 1);
            }
            worst.merge(c.kernel() + "/TA-Lib 0.6", difference(c, reference), Math::max);
        }
        try (var files = Files.list(Golden.path("hand"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("# kernel:")) {
                        counts.computeIfAbsent(line.substring(9).trim(), k -> new TreeMap<>()).merge("hand", 1, Integer::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        counts.forEach((k, m) -> {
            List<String> parts = new ArrayList<>();
            m.forEach((ref, n) -> {
                Double w = worst.get(k + "/" + ref);
                String diff = w == null ? "" : w == 0.0 ? " (exact)" : String.format(Locale.ROOT, " (≤ %.1e)", w);
                parts.add(ref + " ×" + n + diff);
            });
            out.put(k, parts);
        });
        return out;
    }

    /** TA-Lib's reference for a case, computed now (TalibParityTest checks it is still the pinned one). */
    private static double[][] talib(TalibCase c) {
        try {
            return c.runTalib(Dataset.load(c.dataset()));
        } catch (Exception e) {
            throw new IllegalStateException(c.id() + ": TA-Lib call failed", e);
        }
    }

    /** The largest relative difference of ta from one golden fixture (the parity tests fail beyond 1e-9). */
    private static double difference(TalibCase c, double[][] reference) {
        KernelDescriptor d = TalibGenerator.descriptor(c.kernel());
        double[][] ours = d.batch(c.paramValues(d), c.inputArrays(d, Dataset.load(c.dataset())));
        return Parity.check(c.id(), reference, ours);
    }
}
