package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalog manifest conforms to the committed schema {@code docs/api/catalog-manifest-v1.schema.json},
 * so the schema documents what readers really get. The validator covers the JSON Schema keywords the schema uses
 * ({@code $ref} to {@code $defs}, {@code type}, {@code const}, {@code enum}, {@code pattern}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code items}) and refuses any other keyword, so the schema cannot
 * silently say more than is checked.
 */
class ManifestSchemaTest {
    static final Path SCHEMA = Path.of("..", "docs", "api", "catalog-manifest-v1.schema.json");
    static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "$ref", "title", "description", "type", "const",
            "enum", "pattern", "required", "properties", "additionalProperties", "items");

    @Test
    void builtInManifestConformsToTheCommittedSchema() throws IOException {
        JsonObject schema = JsonParser.parseString(Files.readString(SCHEMA)).getAsJsonObject();
        Enumeration<URL> urls = ManifestSchemaTest.class.getClassLoader().getResources("META-INF/ta/catalog.json");
        int manifests = 0;
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            JsonElement doc;
            try (InputStream in = url.openStream()) {
                doc = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            List<String> errors = new ArrayList<>();
            validate(schema, schema, doc, "$", errors);
            assertEquals(List.of(), errors, url.toString());
            manifests++;
        }
        assertTrue(manifests >= 1, "no META-INF/ta/catalog.json on the test class path");
    }

    @Test
    void theValidatorRefusesWhatTheSchemaForbids() throws IOException {
        JsonObject schema = JsonParser.parseString(Files.readString(SCHEMA)).getAsJsonObject();
        Map<String, String> bad = Map.of(
                "unknown major format", "{\"format\": 2, \"kernels\": []}",
                "missing kernels", "{\"format\": 1}",
                "unknown top-level member", "{\"format\": 1, \"kernels\": [], \"x\": 0}",
                "kernel missing members", "{\"format\": 1, \"kernels\": [{\"name\": \"sma\"}]}",
                "kernels not an array", "{\"format\": 1, \"kernels\": {}}");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            List<String> errors = new ArrayList<>();
            validate(schema, schema, JsonParser.parseString(b.getValue()), "$", errors);
            assertTrue(!errors.isEmpty(), b.getKey() + " passed the schema");
        }
        List<String> errors = new ArrayList<>();
        validate(schema, schema, JsonParser.parseString("{\"format\": 1, \"kernels\": []}"), "$", errors);
        assertEquals(List.of(), errors, "an empty catalog is valid");
    }

    static void validate(JsonObject root, JsonObject s, JsonElement v, String at, List<String> errors) {
        for (String k : s.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new AssertionError("the schema uses '" + k + "' at " + at + ", which this validator does not check");
            }
        }
        if (s.has("$ref")) {
            String ref = s.get("$ref").getAsString();
            if (!ref.startsWith("#/$defs/")) {
                throw new AssertionError("only local $defs references are supported: " + ref);
            }
            validate(root, root.getAsJsonObject("$defs").getAsJsonObject(ref.substring("#/$defs/".length())), v, at, errors);
        }
        if (s.has("type")) {
            JsonElement t = s.get("type");
            List<String> types = new ArrayList<>();
            if (t.isJsonArray()) {
                t.getAsJsonArray().forEach(e -> types.add(e.getAsString()));
            } else {
                types.add(t.getAsString());
            }
            if (types.stream().noneMatch(x -> is(x, v))) {
                errors.add(at + ": expected " + types + ", got " + v);
                return;
            }
        }
        if (s.has("const") && !s.get("const").equals(number(v))) {
            errors.add(at + ": expected " + s.get("const") + ", got " + v);
        }
        if (s.has("enum") && !s.getAsJsonArray("enum").contains(number(v))) {
            errors.add(at + ": " + v + " is not one of " + s.get("enum"));
        }
        if (s.has("pattern") && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                && !Pattern.compile(s.get("pattern").getAsString()).matcher(v.getAsString()).find()) {
            errors.add(at + ": '" + v.getAsString() + "' does not match " + s.get("pattern"));
        }
        if (v.isJsonObject()) {
            JsonObject o = v.getAsJsonObject();
            if (s.has("required")) {
                for (JsonElement r : s.getAsJsonArray("required")) {
                    if (!o.has(r.getAsString())) {
                        errors.add(at + ": missing '" + r.getAsString() + "'");
                    }
                }
            }
            JsonObject props = s.has("properties") ? s.getAsJsonObject("properties") : new JsonObject();
            for (String k : o.keySet()) {
                if (props.has(k)) {
                    validate(root, props.getAsJsonObject(k), o.get(k), at + "." + k, errors);
                } else if (s.has("additionalProperties")) {
                    JsonElement ap = s.get("additionalProperties");
                    if (ap.isJsonPrimitive() && !ap.getAsBoolean()) {
                        errors.add(at + ": unexpected member '" + k + "'");
                    } else if (ap.isJsonObject()) {
                        validate(root, ap.getAsJsonObject(), o.get(k), at + "." + k, errors);
                    }
                }
            }
        }
        if (v.isJsonArray() && s.has("items")) {
            JsonArray a = v.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                validate(root, s.getAsJsonObject("items"), a.get(i), at + "[" + i + "]", errors);
            }
        }
    }

    /** Gson compares numbers by their text: 1 and 1.0 would differ, so integers are normalised first. */
    static JsonElement number(JsonElement v) {
        if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
            double d = v.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return new JsonPrimitive((long) d);
            }
        }
        return v;
    }

    static boolean is(String type, JsonElement v) {
        return switch (type) {
            case "object" -> v.isJsonObject();
            case "array" -> v.isJsonArray();
            case "null" -> v.isJsonNull();
            case "string" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
            case "boolean" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean();
            case "number" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
            case "integer" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() && v.getAsDouble() == Math.rint(v.getAsDouble());
            default -> throw new AssertionError("unknown type " + type);
        };
    }
}
