package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.OutputKind;
import io.ta.spi.ChartSpec;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The chart metadata of the built-in kernels ({@code @Chart}): the manifest says what the descriptors say, declared
 * ranges hold on data, and the oscillators a trader reads at a glance carry their customary reference lines.
 */
class ChartMetadataTest {
    static Map<String, JsonObject> manifest() throws Exception {
        Map<String, JsonObject> out = new HashMap<>();
        var urls = ChartMetadataTest.class.getClassLoader().getResources("META-INF/ta/catalog.json");
        while (urls.hasMoreElements()) {
            try (InputStream in = urls.nextElement().openStream()) {
                JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
                for (JsonElement k : root.getAsJsonArray("kernels")) {
                    out.put(k.getAsJsonObject().get("name").getAsString(), k.getAsJsonObject());
                }
            }
        }
        return out;
    }

    private static double number(JsonElement e) {
        return e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    @TestFactory
    Stream<DynamicTest> theManifestSaysWhatTheDescriptorSays() throws Exception {
        Map<String, JsonObject> m = manifest();
        return Registry.standard().kernels().stream().map(d -> dynamicTest(d.name(), () -> {
            ChartSpec c = d.chart();
            JsonObject j = m.get(d.name()).getAsJsonObject("chart");
            assertEquals(d.outputs().size(), c.panes().size());
            assertEquals(d.outputs().size(), c.styles().size());
            List<String> panes = new ArrayList<>();
            j.getAsJsonArray("panes").forEach(e -> panes.add(e.getAsString()));
            assertEquals(c.panes().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList(), panes);
            List<String> styles = new ArrayList<>();
            j.getAsJsonArray("styles").forEach(e -> styles.add(e.getAsString()));
            assertEquals(c.styles().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), styles);
            List<Double> guides = new ArrayList<>();
            j.getAsJsonArray("guides").forEach(e -> guides.add(e.getAsDouble()));
            assertEquals(c.guides(), guides);
            assertEquals(c.min(), number(j.get("min")));
            assertEquals(c.max(), number(j.get("max")));
        }));
    }

    /** OHLCV bars of a random walk with flat stretches, gaps and spikes: every bar has low <= open, close <= high. */
    static Map<String, double[]> bars(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
        double price = 50;
        for (int i = 0; i < n; i++) {
            boolean flat = (i / 40) % 7 == 3;
            double open = price;
            double close = flat ? price : Math.max(0.01, price * Math.exp(r.nextGaussian() * (i % 97 == 0 ? 0.2 : 0.02)));
            double high = Math.max(open, close) * (flat ? 1 : 1 + r.nextDouble() * 0.02);
            double low = Math.min(open, close) * (flat ? 1 : 1 - r.nextDouble() * 0.02);
            o[i] = open;
            h[i] = high;
            l[i] = low;
            c[i] = close;
            v[i] = flat ? 1000 : 1000 + r.nextInt(100_000);
            price = close;
        }
        return Map.of("open", o, "high", h, "low", l, "close", c, "volume", v, "x", c, "y", o, "a", c, "b", o, "price", c);
    }

    /** A declared range is a promise: no output leaves it, at the default parameters, on three different walks. */
    @TestFactory
    Stream<DynamicTest> declaredRangesHold() {
        return Registry.standard().kernels().stream().filter(d -> d.chart().bounded()).map(d -> dynamicTest(d.name(), () -> {
            ChartSpec c = d.chart();
            for (long seed = 1; seed <= 3; seed++) {
                Map<String, double[]> bars = bars(seed, 2000);
                double[][] in = new double[d.inputs().size()][];
                for (int i = 0; i < in.length; i++) {
                    in[i] = bars.get(d.inputs().get(i));
                }
                double[][] out = d.batch(ParamValues.defaults(d), in);
                int valid = 0;
                for (int k = 0; k < out.length; k++) {
                    for (int t = 0; t < out[k].length; t++) {
                        double y = out[k][t];
                        if (!Double.isNaN(y)) {
                            valid++;
                            double slack = 1e-9 * Math.max(1, Math.max(Math.abs(c.min()), Math.abs(c.max())));
                            assertTrue(y >= c.min() - slack && y <= c.max() + slack, d.name() + "." + d.outputs().get(k).name() + " at bar "
                                    + t + " is " + y + ", outside the declared " + c.min() + ".." + c.max());
                        }
                    }
                }
                assertTrue(valid > 1000, d.name() + ": only " + valid + " valid values");
            }
        }));
    }

    @Test
    void oscillatorsCarryTheirReferenceLinesAndRanges() {
        Registry r = Registry.standard();
        record Expect(String kernel, List<Double> guides, double min, double max) {}
        for (Expect e : List.of(
                new Expect("rsi", List.of(30.0, 70.0), 0, 100),
                new Expect("stochastic", List.of(20.0, 80.0), 0, 100),
                new Expect("stochf", List.of(20.0, 80.0), 0, 100),
                new Expect("stochrsi", List.of(20.0, 80.0), 0, 100),
                new Expect("mfi", List.of(20.0, 80.0), 0, 100),
                new Expect("ultosc", List.of(30.0, 70.0), 0, 100),
                new Expect("williams_r", List.of(-80.0, -20.0), -100, 0),
                new Expect("cmo", List.of(-50.0, 50.0), -100, 100),
                new Expect("aroon", List.of(30.0, 70.0), 0, 100),
                new Expect("adx", List.of(25.0), 0, 100),
                new Expect("imi", List.of(30.0, 70.0), 0, 100),
                new Expect("cci", List.of(-100.0, 100.0), Double.NaN, Double.NaN),
                new Expect("macd", List.of(0.0), Double.NaN, Double.NaN),
                new Expect("ppo", List.of(0.0), Double.NaN, Double.NaN),
                new Expect("apo", List.of(0.0), Double.NaN, Double.NaN))) {
            ChartSpec c = r.kernel(e.kernel()).chart();
            assertEquals(e.guides(), c.guides(), e.kernel());
            assertEquals(e.min(), c.min(), e.kernel());
            assertEquals(e.max(), c.max(), e.kernel());
            assertTrue(c.panes().stream().allMatch(p -> p == Chart.Pane.OWN), e.kernel() + " has a panel of its own");
        }
        KernelDescriptor macd = r.kernel("macd");
        assertEquals(List.of(Chart.Style.AUTO, Chart.Style.AUTO, Chart.Style.HISTOGRAM), macd.chart().styles());
        assertEquals(List.of(Chart.Pane.PRICE, Chart.Pane.PRICE, Chart.Pane.PRICE), r.kernel("bbands").chart().panes());
        KernelDescriptor psar = r.kernel("psar");
        assertEquals(List.of(Chart.Pane.PRICE, Chart.Pane.OWN), psar.chart().panes());
        assertEquals(List.of(Chart.Style.DOTS, Chart.Style.STEP), psar.chart().styles());
        assertEquals(List.of(Chart.Style.MARKER_ABOVE, Chart.Style.MARKER_BELOW), r.kernel("fractals").chart().styles());
        assertEquals(List.of(Chart.Pane.PRICE, Chart.Pane.PRICE, Chart.Pane.PRICE), r.kernel("accbands").chart().panes());
    }

    /**
     * A candlestick pattern is an event on the price, not a curve: every output of the candle family (the 61 patterns
     * and cdl_scan) is a marker on the price panel (above the bar when bearish), with the ±100 (hikkake ±200) range
     * of its values for when it is put in a panel of its own.
     */
    @Test
    void candlePatternsAreMarkersOnThePrice() {
        List<String> wrong = new ArrayList<>();
        int candles = 0;
        for (KernelDescriptor d : Registry.standard().kernels()) {
            if (d.family() != Family.CANDLE) {
                continue;
            }
            candles++;
            ChartSpec c = d.chart();
            boolean markers = c.styles().stream().allMatch(s -> s == Chart.Style.MARKER) && c.panes().stream().allMatch(p -> p == Chart.Pane.PRICE);
            boolean symmetric = c.bounded() && c.min() == -c.max() && (c.max() == 100 || c.max() == 200);
            if (!markers || !symmetric) {
                wrong.add(d.name());
            }
        }
        assertEquals(62, candles, "the 61 patterns and cdl_scan");
        assertEquals(List.of(), wrong, "candle kernels not drawn as markers with a ±100 or ±200 range");
    }

    /** Every oscillator-family kernel says where it goes: none is left to the chart's guess. */
    @Test
    void everyMomentumAndVolumeKernelDeclaresItsPanel() {
        List<String> undeclared = new ArrayList<>();
        for (KernelDescriptor d : Registry.standard().kernels()) {
            boolean oscillatorFamily = d.family() == Family.MOMENTUM || d.family() == Family.VOLUME || d.family() == Family.CYCLE
                    || d.family() == Family.MOVING_AVERAGE || d.family() == Family.VOLATILITY || d.family() == Family.TREND;
            if (oscillatorFamily && d.kind() == OutputKind.NUMBER && d.chart().panes().contains(Chart.Pane.AUTO)) {
                undeclared.add(d.name());
            }
        }
        assertEquals(List.of(), undeclared, "kernels without a declared panel");
    }
}
