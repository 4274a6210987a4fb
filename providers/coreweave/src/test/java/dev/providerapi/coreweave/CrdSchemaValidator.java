package dev.providerapi.coreweave;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON body against a CRD's openAPIV3Schema the way the API server's structural validation would for
 * the parts we rely on: required members, types (with int-or-string and preserve-unknown-fields), enums, unknown
 * members (pruned by the server, so sending one is a bug on our side), minimum/maximum and maxItems.
 */
final class CrdSchemaValidator {
  private final JsonNode schema;

  private CrdSchemaValidator(JsonNode schema) {
    this.schema = schema;
  }

  static CrdSchemaValidator of(Path crd) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(crd.toFile());
    return new CrdSchemaValidator(root.at("/spec/versions/0/schema/openAPIV3Schema"));
  }

  /** Every violation, as {@code <path>: <problem>}; empty when the body is valid. */
  List<String> validate(JsonNode body) {
    List<String> problems = new ArrayList<>();
    check(schema, body, "", problems);
    return problems;
  }

  private void check(JsonNode s, JsonNode v, String path, List<String> out) {
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!v.isIntegralNumber() && !v.isTextual()) {
        out.add(path + ": expected an integer or a string, found " + v.getNodeType());
      }
      return;
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "string" -> {
        if (!v.isTextual()) {
          out.add(path + ": expected a string, found " + v.getNodeType());
        }
      }
      case "integer" -> {
        if (!v.isIntegralNumber()) {
          out.add(path + ": expected an integer, found " + v.getNodeType());
        }
      }
      case "number" -> {
        if (!v.isNumber()) {
          out.add(path + ": expected a number, found " + v.getNodeType());
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          out.add(path + ": expected a boolean, found " + v.getNodeType());
        }
      }
      case "array" -> {
        if (!v.isArray()) {
          out.add(path + ": expected an array, found " + v.getNodeType());
          return;
        }
        if (s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
          out.add(path + ": more than " + s.get("maxItems").asInt() + " items");
        }
        for (int i = 0; i < v.size(); i++) {
          check(s.path("items"), v.get(i), path + "[" + i + "]", out);
        }
      }
      case "object" -> {
        if (!v.isObject()) {
          out.add(path + ": expected an object, found " + v.getNodeType());
          return;
        }
        for (JsonNode r : s.path("required")) {
          if (!v.has(r.asText())) {
            out.add(path + ": missing required member '" + r.asText() + "'");
          }
        }
        JsonNode props = s.path("properties");
        boolean open = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) v::fields) {
          String p = path + "/" + e.getKey();
          if (props.has(e.getKey())) {
            check(props.get(e.getKey()), e.getValue(), p, out);
          } else if (s.path("additionalProperties").isObject()) {
            check(s.get("additionalProperties"), e.getValue(), p, out);
          } else if (!open && props.size() > 0) {
            out.add(p + ": unknown member (the API server would prune it)");
          }
        }
      }
      default -> { }
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : s.get("enum")) {
        found |= allowed.equals(v);
      }
      if (!found) {
        out.add(path + ": " + v + " is not one of " + s.get("enum"));
      }
    }
    if (s.has("minimum") && v.isNumber() && v.asDouble() < s.get("minimum").asDouble()) {
      out.add(path + ": below the minimum " + s.get("minimum"));
    }
    if (s.has("maximum") && v.isNumber() && v.asDouble() > s.get("maximum").asDouble()) {
      out.add(path + ": above the maximum " + s.get("maximum"));
    }
  }
}
