package dev.providerapi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.Capability;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What {@code new} can read off a spec beyond operations: capabilities from the launch body's fields, and where
 * code and message sit in the error body most 4xx responses share. Both are guesses listed for a person to
 * confirm.
 */
final class SpecInference {
  /** Launch-body field names (lower case, letters and digits only) that mean a capability. */
  private static final Map<Capability, List<String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put(Capability.STARTUP_SCRIPT, List.of("userdata", "startupscript", "cloudinit", "onstart", "initscript",
        "startscript", "onstartcmd"));
    FIELDS.put(Capability.ENV_VARS, List.of("env", "envs", "envvars", "environmentvariables", "envvariables"));
    FIELDS.put(Capability.CUSTOM_IMAGE, List.of("image", "imagename", "imageid", "dockerimage", "imageuri"));
    FIELDS.put(Capability.SSH_KEYS, List.of("keyname", "sshkey", "sshkeys", "sshkeyname", "sshkeynames",
        "sshkeyids", "publickey", "sshpublickey", "keypair"));
    FIELDS.put(Capability.DISK_SIZE, List.of("disk", "disksize", "diskgb", "disksizegb", "volumesize",
        "rootdisksize", "storage"));
    FIELDS.put(Capability.SPOT, List.of("spot", "bid", "bidprice", "interruptible", "preemptible", "bidperhour"));
  }

  private static final List<String> MESSAGE = List.of("message", "detail", "errormessage", "msg", "description",
      "error");
  private static final List<String> CODE = List.of("code", "errorcode", "errorreason", "reason", "type", "status");

  private SpecInference() {}

  /** Capability -> the launch body field that suggests it, in {@link Capability} order. */
  static Map<Capability, String> capabilities(@Nullable OperationDef launch, ApiModel model) {
    Map<Capability, String> out = new TreeMap<>();
    if (launch == null || launch.body() == null || !(launch.body().type() instanceof TypeRef.Named named)
        || !(model.type(named.name()).orElse(null) instanceof RecordDef body)) {
      return out;
    }
    for (FieldDef f : body.fields()) {
      String n = f.jsonName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      FIELDS.forEach((cap, names) -> {
        if (names.contains(n)) {
          out.putIfAbsent(cap, f.jsonName());
        }
      });
    }
    return out;
  }

  /** Where error bodies keep their code and message. */
  record ErrorPointers(@Nullable String code, String message, String schema) {}

  /**
   * The object schema most 4xx responses reference (by {@code $ref} to components/schemas), with its message
   * property (one level down when it is an object, as in {@code {"error": {"code", "message"}}}) and code
   * property. Null when no 4xx response references a schema or it has no message-like property.
   */
  static @Nullable ErrorPointers errors(Path spec) {
    JsonNode root;
    try {
      ObjectMapper mapper = spec.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
      root = mapper.readTree(spec.toFile());
    } catch (IOException e) {
      return null; // the spec reader accepted the file; without a second read there is just no guess
    }
    Map<String, Integer> refs = new TreeMap<>();
    for (JsonNode item : iterable(root.path("paths"))) {
      for (JsonNode op : iterable(item)) {
        for (Map.Entry<String, JsonNode> r : entries(op.path("responses"))) {
          if (!r.getKey().startsWith("4")) {
            continue;
          }
          JsonNode response = resolve(root, r.getValue());
          String ref = response.path("content").path("application/json").path("schema").path("$ref").asText("");
          if (ref.startsWith("#/components/schemas/")) {
            refs.merge(ref, 1, Integer::sum);
          }
        }
      }
    }
    String best = refs.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    if (best == null) {
      return null;
    }
    JsonNode schema = resolve(root, root.at(best.substring(1)));
    JsonNode props = schema.path("properties");
    String message = pick(props, MESSAGE, false);
    if (message == null) {
      return null;
    }
    JsonNode inner = resolve(root, props.path(message));
    if (inner.path("properties").isObject()) {
      String innerMessage = pick(inner.path("properties"), MESSAGE, true);
      if (innerMessage == null) {
        return null;
      }
      String innerCode = pick(inner.path("properties"), CODE, true);
      return new ErrorPointers(innerCode == null ? null : "/" + message + "/" + innerCode,
          "/" + message + "/" + innerMessage, best.substring(best.lastIndexOf('/') + 1));
    }
    String code = pick(props, CODE, true);
    return new ErrorPointers(code == null ? null : "/" + code, "/" + message, best.substring(best.lastIndexOf('/') + 1));
  }

  /** The first property named like one of {@code names} (in their order); with {@code stringOnly}, a string one. */
  private static @Nullable String pick(JsonNode props, List<String> names, boolean stringOnly) {
    for (String want : names) {
      for (Map.Entry<String, JsonNode> p : entries(props)) {
        String n = p.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String type = p.getValue().path("type").asText("");
        if (n.equals(want) && (!stringOnly || type.equals("string") || type.equals("integer"))) {
          return p.getKey();
        }
      }
    }
    return null;
  }

  private static JsonNode resolve(JsonNode root, JsonNode node) {
    for (int hops = 0; hops < 8 && node.path("$ref").isTextual(); hops++) {
      String ref = node.path("$ref").asText();
      if (!ref.startsWith("#/")) {
        return node;
      }
      node = root.at(ref.substring(1));
    }
    return node;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node.isObject() ? node::elements : List.<JsonNode>of();
  }

  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    return node.isObject() ? node::fields : List.<Map.Entry<String, JsonNode>>of();
  }
}
