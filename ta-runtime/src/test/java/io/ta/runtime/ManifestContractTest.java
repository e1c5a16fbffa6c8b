package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The three views of a kernel agree: the generated descriptor (what the runtime uses), the JSON manifest (the
 * language-neutral contract in {@code META-INF/ta/catalog.json}) and the registry's name resolution.
 */
class ManifestContractTest {

    static Map<String, JsonObject> manifest() throws Exception {
        Map<String, JsonObject> byName = new HashMap<>();
        Enumeration<URL> urls = ManifestContractTest.class.getClassLoader().getResources("META-INF/ta/catalog.json");
        while (urls.hasMoreElements()) {
            try (InputStream in = urls.nextElement().openStream()) {
                JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
                assertEquals(1, root.get("format").getAsInt());
                for (JsonElement k : root.getAsJsonArray("kernels")) {
                    JsonObject o = k.getAsJsonObject();
                    assertTrue(byName.put(o.get("name").getAsString(), o) == null, "kernel listed twice: " + o.get("name"));
                }
            }
        }
        return byName;
    }

    static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        array.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void everyRegisteredKernelIsInTheManifestAndViceVersa() throws Exception {
        Map<String, JsonObject> m = manifest();
        List<String> registered = Registry.standard().kernels().stream().map(KernelDescriptor::name).sorted().toList();
        assertEquals(registered, m.keySet().stream().sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> descriptorAgreesWithManifest() throws Exception {
        Map<String, JsonObject> m = manifest();
        return Registry.standard().kernels().stream().map(d -> dynamicTest(d.name(), () -> {
            JsonObject o = m.get(d.name());
            assertNotNull(o);
            assertEquals(d.aliases(), strings(o.get("aliases")));
            assertEquals(d.inputs(), strings(o.get("inputs")));
            assertEquals(d.family().name().toLowerCase(Locale.ROOT), o.get("family").getAsString());
            assertEquals(d.kind().name().toLowerCase(Locale.ROOT), o.get("kind").getAsString());
            assertEquals(d.summary(), o.get("summary").getAsString());
            assertEquals(d.reference(), o.get("reference").getAsString());
            assertEquals(d.lookbackFormula(), o.get("lookback").getAsString());
            assertEquals(Long.toHexString(d.schema()), o.get("schema").getAsString());
            List<String> outs = new ArrayList<>();
            o.getAsJsonArray("outputs").forEach(e -> outs.add(e.getAsJsonObject().get("name").getAsString()));
            assertEquals(d.outputs().stream().map(OutputSpec::name).toList(), outs);
            // contracts.md lists these as manifest fields other languages read: they must be the descriptor's too
            for (int i = 0; i < d.outputs().size(); i++) {
                JsonObject out = o.getAsJsonArray("outputs").get(i).getAsJsonObject();
                assertEquals(d.outputs().get(i).doc(), out.get("doc").getAsString(), "doc of " + outs.get(i));
                assertEquals(lower(d.outputs().get(i).scale()), out.get("scale").getAsString(),
                        "scale of " + outs.get(i));
            }
            List<String> selectors = new ArrayList<>();
            o.getAsJsonArray("selectors").forEach(e -> selectors.add(e.getAsJsonObject().get("alias").getAsString()
                    + " -> " + e.getAsJsonObject().get("output").getAsString()));
            assertEquals(d.selectors().stream().map(x -> x.alias() + " -> " + x.output()).toList(), selectors);
            for (int i = 0; i < d.inputs().size(); i++) {
                String input = d.inputs().get(i);
                assertEquals(lower(d.inputScale(i)), o.getAsJsonObject("input_scales").get(input).getAsString(),
                        "scale of input " + input);
            }
            assertEquals(d.inputs().size(), o.getAsJsonObject("input_scales").size(), "input_scales: one per input");
            JsonObject cost = o.getAsJsonObject("cost");
            assertEquals(d.timeCost().notation(), cost.get("time").getAsString(), "cost.time");
            assertEquals(d.memoryCost().notation(), cost.get("memory").getAsString(), "cost.memory");
            assertEquals(d.params().size(), o.getAsJsonArray("params").size());
            for (int i = 0; i < d.params().size(); i++) {
                ParamSpec s = d.params().get(i);
                JsonObject p = o.getAsJsonArray("params").get(i).getAsJsonObject();
                assertEquals(s.name(), p.get("name").getAsString());
                assertEquals(s.type().name().toLowerCase(Locale.ROOT), p.get("type").getAsString());
                assertEquals(s.defaultValue(), p.get("default").isJsonNull() ? null : p.get("default").getAsString());
                assertEquals(s.min(), p.get("min").isJsonNull() ? Double.NEGATIVE_INFINITY : p.get("min").getAsDouble());
                assertEquals(s.max(), p.get("max").isJsonNull() ? Double.POSITIVE_INFINITY : p.get("max").getAsDouble());
                assertEquals(s.minExclusive(), p.get("min_exclusive").getAsBoolean());
                assertEquals(s.maxExclusive(), p.get("max_exclusive").getAsBoolean());
                assertEquals(s.choices(), strings(p.get("choices")));
                assertEquals(lower(s.scale()), p.get("scale").getAsString(), s.name() + " scale");
                assertEquals(s.doc(), p.get("doc").getAsString(), s.name() + " doc");
            }
            JsonObject domains = o.getAsJsonObject("input_domains");
            for (int i = 0; i < d.inputs().size(); i++) {
                var dom = d.domain(i);
                JsonObject jd = domains.getAsJsonObject(d.inputs().get(i));
                assertEquals(dom.isUnbounded(), jd == null, d.inputs().get(i) + " domain listed iff bounded");
                if (jd != null) {
                    assertEquals(dom.min(), jd.get("min").isJsonNull() ? Double.NEGATIVE_INFINITY : jd.get("min").getAsDouble());
                    assertEquals(dom.max(), jd.get("max").isJsonNull() ? Double.POSITIVE_INFINITY : jd.get("max").getAsDouble());
                    assertEquals(dom.minExclusive(), jd.get("min_exclusive").getAsBoolean());
                    assertEquals(dom.maxExclusive(), jd.get("max_exclusive").getAsBoolean());
                    assertEquals(dom.nonZero(), jd.get("non_zero").getAsBoolean());
                }
            }
            List<String> rules = new ArrayList<>();
            o.getAsJsonArray("requires").forEach(e -> rules.add(e.getAsJsonObject().get("left").getAsString() + " "
                    + e.getAsJsonObject().get("op").getAsString() + " " + e.getAsJsonObject().get("right").getAsString()));
            assertEquals(d.requires().stream().map(Object::toString).toList(), rules);
            JsonObject classes = o.getAsJsonObject("classes");
            assertEquals(d.getClass().getName(), classes.get("descriptor").getAsString());
            assertEquals(d.newStream(ParamValues.defaults(d)).getClass().getName(), classes.get("stream").getAsString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNameResolvesToItsKernel() {
        Registry r = Registry.standard();
        return r.kernels().stream().map(d -> dynamicTest(d.name(), () -> {
            assertSame(d, r.kernel(d.name()));
            for (String a : d.aliases()) {
                assertSame(d, r.kernel(a));
                assertTrue(!r.resolve(a).isSelector());
            }
            for (var s : d.selectors()) {
                assertSame(d, r.kernel(s.alias()));
                assertEquals(d.outputIndex(s.output()), r.resolve(s.alias()).output());
            }
            // lookback from the descriptor equals the stream's, at defaults
            ParamValues p = ParamValues.defaults(d);
            assertEquals(d.lookback(p), d.newStream(p).lookback());
        }));
    }
}
