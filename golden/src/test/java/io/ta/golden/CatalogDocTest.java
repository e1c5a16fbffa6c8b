package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.ServiceLoader;
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
    void catalogDocIsGeneratedFromTheRegistry() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("ta.regenerate")) {
            Files.writeString(doc(), generated);
        }
        assertEquals(generated, Files.exists(doc()) ? Files.readString(doc()) : "",
                "docs/catalog.md is stale: regenerate it (see this test's class comment)");
    }

    static String generate() {
        List<KernelDescriptor> kernels = new ArrayList<>();
        ServiceLoader.load(KernelDescriptor.class).forEach(kernels::add);
        kernels.sort(Comparator.comparing(KernelDescriptor::name));
        Map<String, List<String>> parity = parity();
        Map<String, List<KernelDescriptor>> byFamily = new TreeMap<>();
        for (KernelDescriptor d : kernels) {
            byFamily.computeIfAbsent(d.family().name().toLowerCase(Locale.ROOT).replace('_', ' '), k -> new ArrayList<>()).add(d);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Catalog\n\n");
        sb.append("Generated from the kernel registry and the golden tables by `golden/src/test/java/io/ta/golden/CatalogDocTest.java`;\n");
        sb.append("do not edit. ").append(kernels.size()).append(" kernels. The specification they implement is CATALOG.md;\n");
        sb.append("`ta describe NAME` prints the same facts for one kernel.\n\n");
        sb.append("Parity: **TA-Lib** = matches TA-Lib's Java port on real data (golden/talib), **TA-Lib 0.6** = matches TA-Lib C 0.6\n");
        sb.append("on real and generated data (golden/talib06; candlestick patterns exactly), **TTR/R** = matches R's TTR or a\n");
        sb.append("base-R transcription of the formula (golden/ttr), **Tulip** = matches Tulip Indicators 0.8.4 (golden/tulip),\n");
        sb.append("**hand** = hand-checked worked examples (golden/hand); the number\n");
        sb.append("is how many fixtures. Every kernel is also in the property suite (batch ≡ stream ≡ chunks, preview, replace-last,\n");
        sb.append("snapshot/restore, exact lookback, NaN recovery, bad parameters).\n\n");
        for (Map.Entry<String, List<KernelDescriptor>> f : byFamily.entrySet()) {
            sb.append("## ").append(Character.toUpperCase(f.getKey().charAt(0))).append(f.getKey().substring(1)).append("\n\n");
            if (f.getKey().equals("candle")) {
                sb.append("The candle settings every pattern judges by, the shared candle frame, missing values and TA-Lib 0.6 vs 0.4:\n");
                sb.append("[candles.md](candles.md).\n\n");
            }
            sb.append("| kernel | aliases | inputs | parameters | outputs | lookback | reference | parity |\n");
            sb.append("|---|---|---|---|---|---|---|---|\n");
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
                    inputs.add(d.inputs().get(i) + (d.domain(i).isUnbounded() ? "" : " (" + d.domain(i) + ")"));
                }
                String lookback = d.lookbackFormula().isEmpty() ? "–" : "`" + d.lookbackFormula() + "`";
                if (d.params().stream().allMatch(ParamSpec::hasDefault)) {
                    lookback += " = " + d.lookback(ParamValues.defaults(d));
                }
                sb.append("| `").append(d.name()).append("` | ").append(cell(String.join(", ", aliases)))
                        .append(" | ").append(cell(String.join(", ", inputs)))
                        .append(" | ").append(cell(String.join("; ", params)))
                        .append(" | ").append(cell(String.join(", ", d.outputs().stream().map(OutputSpec::name).toList())))
                        .append(" | ").append(lookback)
                        .append(" | ").append(cell(d.reference()))
                        .append(" | ").append(cell(String.join(", ", parity.getOrDefault(d.name(), List.of()))))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.isEmpty() ? "–" : s.replace("|", "\\|");
    }

    /** For each kernel, its golden fixtures by reference: "TA-Lib ×2", "TTR/R ×1", "Tulip ×1", "hand ×3". */
    static Map<String, List<String>> parity() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        TalibCase.all().forEach(c -> counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("TA-Lib", 1, Integer::sum));
        TtrParityTest.cases().forEach(c -> counts.computeIfAbsent(c.kernel(), k -> new TreeMap<>()).merge("TTR/R", 1, Integer::sum));
        TulipParityTest.cases().forEach(c -> counts.computeIfAbsent(c.ta().kernel(), k -> new TreeMap<>()).merge("Tulip", 1, Integer::sum));
        Talib06Case.all().forEach(c -> counts.computeIfAbsent(c.ta().kernel(), k -> new TreeMap<>()).merge("TA-Lib 0.6", 1, Integer::sum));
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
            m.forEach((ref, n) -> parts.add(ref + " ×" + n));
            out.put(k, parts);
        });
        return out;
    }
}
