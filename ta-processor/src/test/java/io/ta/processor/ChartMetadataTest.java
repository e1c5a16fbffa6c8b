package io.ta.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Chart} travels from the kernel to its descriptor and the manifest: the panel, the range, sorted guides and
 * one style per output (an output's own {@code @Chart} over the kernel's). A kernel without it keeps the SPI default.
 */
class ChartMetadataTest {
    static final JavaFileObject GAUGE = JavaFileObjects.forSourceString("test.Gauge", """
            package test;

            import io.ta.annotation.Chart;
            import io.ta.annotation.Family;
            import io.ta.annotation.Kernel;
            import io.ta.annotation.Output;
            import io.ta.annotation.Param;
            import io.ta.annotation.Scale;
            import io.ta.annotation.Step;

            @Kernel(name = "gauge", family = Family.MOMENTUM, summary = "A bounded oscillator and its histogram.", scale = Scale.UNITLESS)
            @Chart(pane = Chart.Pane.OWN, guides = {70, 30}, min = 0, max = 100)
            public final class Gauge {
                @Output(doc = "the level")
                double level;

                @Chart(pane = Chart.Pane.PRICE, style = Chart.Style.HISTOGRAM)
                @Output(doc = "the level minus 50")
                double spread;

                public Gauge(@Param(defaultValue = "3", min = 1, max = 10) int period) {}

                public static int lookback(int period) {
                    return 0;
                }

                @Step
                public void step(double x) {
                    level = x;
                    spread = x - 50;
                }
            }
            """);

    static Compilation compile() {
        return javac().withOptions("-Xlint:all,-processing", "-Werror").withProcessors(new KernelProcessor())
                .compile(GAUGE, Sources.WINDOW_MEAN);
    }

    @Test
    void theDescriptorCarriesTheChart() throws IOException {
        Compilation c = compile();
        assertThat(c).succeededWithoutWarnings();
        String descriptor = c.generatedSourceFile("test.Gauge_Descriptor").orElseThrow().getCharContent(true).toString();
        assertTrue(descriptor.contains("private static final ChartSpec CHART = new ChartSpec(List.of(Chart.Pane.OWN, "
                + "Chart.Pane.PRICE), List.of(Chart.Style.AUTO, Chart.Style.HISTOGRAM), List.of(30.0, 70.0), 0.0, 100.0);"), descriptor);
        assertTrue(descriptor.matches("(?s).*public ChartSpec chart\\(\\) \\{\\s+return CHART;\\s+}.*"), descriptor);
        String plain = c.generatedSourceFile("test.WindowMean_Descriptor").orElseThrow().getCharContent(true).toString();
        assertFalse(plain.contains("ChartSpec"), "a kernel without @Chart keeps the default: " + plain);
    }

    @Test
    void theManifestCarriesTheChart() throws IOException {
        String manifest = compile().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/ta/catalog.json").orElseThrow()
                .getCharContent(true).toString();
        assertTrue(manifest.contains("\"chart\": {\"panes\": [\"own\", \"price\"], \"styles\": [\"auto\", \"histogram\"], \"guides\": [30, 70], "
                + "\"min\": 0, \"max\": 100},"), manifest);
        assertTrue(manifest.contains("\"chart\": {\"panes\": [\"auto\"], \"styles\": [\"auto\"], \"guides\": [], \"min\": null, "
                + "\"max\": null},"), manifest);
        assertEquals(2, manifest.split("\"chart\"", -1).length - 1);
    }
}
