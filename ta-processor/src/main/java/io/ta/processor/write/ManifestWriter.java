package io.ta.processor.write;

import io.ta.processor.model.InputModel;
import io.ta.processor.model.KernelModel;
import io.ta.processor.model.OutputModel;
import io.ta.processor.model.ParamModel;
import io.ta.processor.model.RequireModel;
import io.ta.processor.model.SelectorModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code META-INF/ta/catalog.json}: the language-neutral contract of a kernel jar (names, inputs, outputs,
 * parameter schemas, lookback formulas, generated classes). Sorted by name so it is byte-stable across builds.
 */
public final class ManifestWriter {
    public String write(List<KernelModel> kernels) {
        List<KernelModel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparing(KernelModel::name));
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"format\": ").append(io.ta.spi.KernelLoader.MANIFEST_FORMAT).append(",\n  \"kernels\": [");
        for (int i = 0; i < sorted.size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n");
            kernel(sb, sorted.get(i));
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static void kernel(StringBuilder sb, KernelModel m) {
        sb.append("    {\n");
        field(sb, "name", str(m.name()), true);
        field(sb, "aliases", strs(m.aliases()), true);
        List<String> sels = new ArrayList<>();
        for (SelectorModel s : m.selectors()) {
            sels.add("{\"alias\": " + str(s.alias()) + ", \"output\": " + str(s.output()) + "}");
        }
        field(sb, "selectors", "[" + String.join(", ", sels) + "]", true);
        field(sb, "family", str(m.family().name().toLowerCase(java.util.Locale.ROOT)), true);
        field(sb, "kind", str(m.kind().name().toLowerCase(java.util.Locale.ROOT)), true);
        field(sb, "chart", chart(m.chart()), true);
        field(sb, "summary", str(m.summary()), true);
        field(sb, "reference", str(m.reference()), true);
        field(sb, "inputs", strs(m.inputs().stream().map(InputModel::name).toList()), true);
        List<String> domains = new ArrayList<>();
        for (InputModel in : m.inputs()) {
            if (in.isBounded()) {
                domains.add(str(in.name()) + ": {\"min\": " + num(in.min()) + ", \"max\": " + num(in.max())
                        + ", \"min_exclusive\": " + in.minExclusive() + ", \"max_exclusive\": " + in.maxExclusive()
                        + ", \"non_zero\": " + in.nonZero() + "}");
            }
        }
        field(sb, "input_domains", "{" + String.join(", ", domains) + "}", true);
        List<String> inScales = new ArrayList<>();
        for (InputModel in : m.inputs()) {
            inScales.add(str(in.name()) + ": " + str(lower(in.scale())));
        }
        field(sb, "input_scales", "{" + String.join(", ", inScales) + "}", true);
        List<String> outs = new ArrayList<>();
        for (OutputModel o : m.outputs()) {
            outs.add("{\"name\": " + str(o.name()) + ", \"doc\": " + str(o.doc()) + ", \"scale\": " + str(lower(o.scale()))
                    + (o.hasOwnLookback() ? ", \"lookback\": " + str(o.lookbackFormula()) : "") + "}");
        }
        field(sb, "outputs", "[" + String.join(", ", outs) + "]", true);
        List<String> params = new ArrayList<>();
        for (ParamModel p : m.params()) {
            params.add("{\"name\": " + str(p.name())
                    + ", \"type\": " + str(p.type().name().toLowerCase(java.util.Locale.ROOT))
                    + ", \"default\": " + (p.defaultValue() == null ? "null" : str(p.defaultValue()))
                    + ", \"min\": " + num(p.min())
                    + ", \"max\": " + num(p.max())
                    + ", \"min_exclusive\": " + p.minExclusive()
                    + ", \"max_exclusive\": " + p.maxExclusive()
                    + ", \"choices\": " + strs(p.choices())
                    + ", \"scale\": " + str(lower(p.scale()))
                    + ", \"doc\": " + str(p.doc()) + "}");
        }
        field(sb, "params", params.isEmpty() ? "[]" : "[\n        " + String.join(",\n        ", params) + "\n      ]", true);
        List<String> reqs = new ArrayList<>();
        for (RequireModel r : m.requires()) {
            reqs.add("{\"left\": " + str(r.left()) + ", \"op\": " + str(op(r.op())) + ", \"right\": " + str(r.right()) + "}");
        }
        field(sb, "requires", "[" + String.join(", ", reqs) + "]", true);
        field(sb, "lookback", str(m.lookbackFormula()), true);
        field(sb, "cost", "{\"time\": " + str(notation(m.timeCost())) + ", \"memory\": " + str(notation(m.memoryCost())) + "}", true);
        field(sb, "schema", str(Long.toHexString(m.schema())), true);
        field(sb, "classes", "{\"kernel\": " + str(m.kernel().canonicalName())
                + ", \"stream\": " + str(m.streamType().canonicalName())
                + ", \"descriptor\": " + str(m.descriptorType().canonicalName())
                + ", \"state\": " + str(m.stateType().canonicalName()) + "}", false);
        sb.append("    }");
    }

    /** How charts draw the kernel: {@code {"panes": [...], "styles": [...], "guides": [30, 70], "min": 0, "max": 100}}. */
    private static String chart(io.ta.processor.model.ChartModel c) {
        List<String> panes = new ArrayList<>();
        for (String p : c.panes()) {
            panes.add(str(p.toLowerCase(java.util.Locale.ROOT)));
        }
        List<String> styles = new ArrayList<>();
        for (String s : c.styles()) {
            styles.add(str(s.toLowerCase(java.util.Locale.ROOT)));
        }
        List<String> guides = new ArrayList<>();
        for (double g : c.guides()) {
            guides.add(num(g));
        }
        return "{\"panes\": [" + String.join(", ", panes) + "], \"styles\": [" + String.join(", ", styles)
                + "], \"guides\": [" + String.join(", ", guides) + "], \"min\": " + num(c.min()) + ", \"max\": " + num(c.max()) + "}";
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A {@code Complexity} constant's O-notation ({@code LOGARITHMIC → "O(log n)"}). */
    private static String notation(io.ta.annotation.Complexity constant) {
        return constant.notation();
    }

    private static String op(String name) {
        return switch (name) {
            case "LT" -> "<";
            case "LE" -> "<=";
            case "GT" -> ">";
            default -> ">=";
        };
    }

    private static void field(StringBuilder sb, String key, String value, boolean comma) {
        sb.append("      ").append(str(key)).append(": ").append(value).append(comma ? ",\n" : "\n");
    }

    private static String num(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String strs(List<String> values) {
        List<String> q = new ArrayList<>();
        for (String v : values) {
            q.add(str(v));
        }
        return "[" + String.join(", ", q) + "]";
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
