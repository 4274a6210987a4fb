package dev.providerapi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.generator.diff.Change;
import dev.providerapi.generator.diff.Usage;
import dev.providerapi.generator.model.TypeDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Carries the upstream changes our spec covers over into our spec's text: a field added to a type we declare,
 * a field or enum value removed or retyped, a parameter added/removed/changed on an operation we call, an
 * operation removed. The new definitions are copied from the new upstream file at the place the change names.
 * Everything else in our spec (our wording, comments, deliberate differences) stays as it was.
 */
final class SpecPatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param text our spec after the applied changes
   * @param applied one line per change carried over
   * @param manual covered changes that need a hand edit (a changed response or body type, a removed type...)
   */
  record Result(String text, List<String> applied, List<String> manual) {}

  private SpecPatcher() {}

  static Result apply(String ourText, Usage usage, List<Usage.Impact> impacts, JsonNode upstream) {
    YamlTextEditor yaml = new YamlTextEditor(ourText);
    List<String> applied = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    for (Usage.Impact impact : impacts) {
      if (!impact.covered()) {
        continue;
      }
      Change c = impact.change();
      boolean done;
      try {
        done = apply(yaml, usage, c, upstream);
      } catch (RuntimeException e) {
        done = false;
      }
      (done ? applied : manual).add(c.describe());
    }
    return new Result(yaml.text(), applied, manual);
  }

  private static boolean apply(YamlTextEditor yaml, Usage usage, Change c, JsonNode upstream) {
    if (c.kind().isTypeLevel()) {
      Optional<TypeDef> ours = usage.spec().type(c.type());
      if (ours.isEmpty()) {
        return false;
      }
      String at = ours.get().origin();
      String props = YamlTextEditor.child(at, "properties");
      switch (c.kind()) {
        case FIELD_ADDED, FIELD_CHANGED -> {
          JsonNode prop = node(upstream, YamlTextEditor.child(YamlTextEditor.child(c.newOrigin(), "properties"),
              c.member()));
          if (prop == null || !yaml.has(props)) {
            return false;
          }
          boolean required = contains(node(upstream, YamlTextEditor.child(c.newOrigin(), "required")), c.member());
          boolean requiredOnly = c.detail() != null && c.detail().contains("required");
          if (!requiredOnly) {
            yaml.put(props, c.member(), json(prop));
          }
          String req = YamlTextEditor.child(at, "required");
          if (required && !contains(req, yaml, c.member())) {
            if (yaml.has(req)) {
              yaml.append(req, json(JSON.getNodeFactory().textNode(c.member())));
            } else {
              yaml.put(at, "required", "[" + json(JSON.getNodeFactory().textNode(c.member())) + "]");
            }
          } else if (!required) {
            yaml.removeItem(req, c.member());
          }
          return true;
        }
        case FIELD_REMOVED -> {
          boolean removed = yaml.remove(props, c.member());
          yaml.removeItem(YamlTextEditor.child(at, "required"), c.member());
          return removed;
        }
        case ENUM_VALUE_ADDED -> {
          JsonNode values = node(upstream, YamlTextEditor.child(c.newOrigin(), "enum"));
          String enumAt = YamlTextEditor.child(at, "enum");
          if (values == null || !yaml.has(enumAt)) {
            return false;
          }
          for (JsonNode v : values) {
            if (v.asText().equals(c.member())) {
              yaml.append(enumAt, json(v));
              return true;
            }
          }
          return false;
        }
        case ENUM_VALUE_REMOVED -> {
          return yaml.removeItem(YamlTextEditor.child(at, "enum"), c.member());
        }
        default -> {
          return false;
        }
      }
    }
    String key = c.kind() == Change.Kind.OPERATION_REMOVED ? c.oldOrigin() : c.newOrigin();
    if (key == null || !key.contains(" /")) {
      return false; // a GraphQL operation: its document is ours, not upstream's
    }
    String method = key.substring(0, key.indexOf(' ')).toLowerCase(Locale.ROOT);
    String path = key.substring(key.indexOf(' ') + 1);
    String pathItem = YamlTextEditor.child("#/paths", path);
    String op = YamlTextEditor.child(pathItem, method);
    switch (c.kind()) {
      case OPERATION_REMOVED -> {
        long methods = countMethods(yaml, pathItem);
        return methods <= 1 ? yaml.remove("#/paths", path) : yaml.remove(pathItem, method);
      }
      case PARAM_ADDED, PARAM_CHANGED, PARAM_REMOVED -> {
        String params = YamlTextEditor.child(op, "parameters");
        if (c.kind() != Change.Kind.PARAM_ADDED) {
          int i = yaml.indexWhere(params, "name", c.member());
          if (i < 0) {
            return false;
          }
          yaml.removeIndex(params, i);
          if (c.kind() == Change.Kind.PARAM_REMOVED) {
            return true;
          }
        }
        JsonNode param = upstreamParam(upstream, path, method, c.member());
        if (param == null) {
          return false;
        }
        if (yaml.has(params)) {
          yaml.append(params, json(param));
        } else {
          yaml.put(op, "parameters", "[" + json(param) + "]");
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  private static long countMethods(YamlTextEditor yaml, String pathItem) {
    long n = 0;
    for (String m : List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")) {
      if (yaml.has(YamlTextEditor.child(pathItem, m))) {
        n++;
      }
    }
    return n;
  }

  private static @Nullable JsonNode upstreamParam(JsonNode upstream, String path, String method, String name) {
    JsonNode item = upstream.path("paths").path(path);
    for (JsonNode list : List.of(item.path(method).path("parameters"), item.path("parameters"))) {
      for (JsonNode p : list) {
        JsonNode resolved = p.has("$ref") ? node(upstream, p.get("$ref").asText()) : p;
        if (resolved != null && name.equals(resolved.path("name").asText())) {
          return resolved;
        }
      }
    }
    return null;
  }

  private static boolean contains(String pointer, YamlTextEditor yaml, String value) {
    org.yaml.snakeyaml.nodes.Node n = yaml.find(pointer);
    if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
      return seq.getValue().stream().anyMatch(v -> v instanceof org.yaml.snakeyaml.nodes.ScalarNode s
          && s.getValue().equals(value));
    }
    return false;
  }

  private static boolean contains(@Nullable JsonNode array, String value) {
    if (array == null || !array.isArray()) {
      return false;
    }
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable JsonNode node(JsonNode tree, @Nullable String pointer) {
    if (pointer == null) {
      return null;
    }
    String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
    JsonNode n = tree.at(p.isEmpty() ? "" : p);
    return n.isMissingNode() ? null : n;
  }

  private static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
