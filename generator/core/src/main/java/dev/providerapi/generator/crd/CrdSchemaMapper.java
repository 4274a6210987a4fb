package dev.providerapi.generator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.TypeRef.PrimitiveKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a CRD's structural {@code openAPIV3Schema} (a tree of inline schemas: no {@code $ref}) to IR types. Every
 * object with properties becomes a record named after where it sits ({@code VirtualServerSpecResourcesGpu}), a
 * name unique in the CRD that the naming pass shortens later
 * ({@code dev.providerapi.generator.naming.CrdPathNames}: {@code ResourcesGpu}); the Kubernetes extensions keep
 * their meaning: {@code x-kubernetes-int-or-string} is raw JSON (it is either),
 * {@code x-kubernetes-preserve-unknown-fields} keeps unknown members in a map.
 */
final class CrdSchemaMapper {
  private final Path file;
  private final Map<String, TypeDef> defs = new TreeMap<>();
  private final Set<String> taken = new HashSet<>();
  /** Path-named types -> the name of the property they sit under (see {@link ApiModel#derived()}). */
  private final Map<String, String> derived = new TreeMap<>();

  CrdSchemaMapper(Path file, String... reserved) {
    this.file = file;
    for (String r : reserved) {
      taken.add(r.toLowerCase(Locale.ROOT));
    }
  }

  List<TypeDef> types() {
    return TypeDef.sorted(new ArrayList<>(defs.values()));
  }

  /**
   * Every record and enum named after its path: a structurally identical one elsewhere in the tree (an embedded
   * pod template's affinity in two places) may replace it, and take the property's name when only one does.
   */
  Map<String, String> derived() {
    return Map.copyOf(derived);
  }

  void add(TypeDef def) {
    claim(def.name());
    defs.put(def.name(), def);
  }

  String claim(String candidate) {
    String name = candidate;
    for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = candidate + i;
    }
    return name;
  }

  /** The IR type of {@code schema} at {@code pointer}; named types it needs are called {@code context...}. */
  TypeRef typeRef(JsonNode schema, String context, String pointer) {
    return typeRef(schema, context, "", pointer);
  }

  /** @param family the name of the property this schema sits under ({@code LabelSelector}), empty at the top */
  private TypeRef typeRef(JsonNode schema, String context, String family, String pointer) {
    if (schema == null || schema.isMissingNode() || schema.isNull()) {
      return TypeRef.any();
    }
    if (!schema.isObject()) {
      throw new SpecException(file, pointer, "a schema must be an object, found " + schema.getNodeType());
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)
        || schema.has("anyOf") || schema.has("oneOf") || schema.has("allOf")) {
      // Either an integer or a string (a quantity, a port name): the caller gets the JSON as sent.
      return TypeRef.any();
    }
    String type = schema.path("type").asText("");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    JsonNode props = schema.path("properties");
    switch (type) {
      case "string":
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
          return enumRef(schema, context, family, pointer);
        }
        return switch (schema.path("format").asText("")) {
          case "date-time" -> new TypeRef.Primitive(PrimitiveKind.DATE_TIME);
          case "byte" -> new TypeRef.Primitive(PrimitiveKind.STRING);
          default -> TypeRef.string();
        };
      case "integer":
        return new TypeRef.Primitive(schema.path("format").asText("").equals("int32")
            ? PrimitiveKind.INT32 : PrimitiveKind.INT64);
      case "number":
        return new TypeRef.Primitive(PrimitiveKind.DOUBLE);
      case "boolean":
        return new TypeRef.Primitive(PrimitiveKind.BOOLEAN);
      case "array":
        return new TypeRef.ListOf(typeRef(schema.path("items"), context + "Item", family.isEmpty() ? "" : family
            + "Item", pointer + "/items"));
      case "object", "":
        if (props.isObject() && !props.isEmpty()) {
          return new TypeRef.Named(record(schema, context, family, pointer, preserve));
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
          return new TypeRef.MapOf(typeRef(additional, context + "Value", family.isEmpty() ? "" : family + "Value",
              pointer + "/additionalProperties"));
        }
        // No declared members: either a free-form object (preserve-unknown-fields) or anything at all.
        return type.isEmpty() && !preserve ? TypeRef.any() : new TypeRef.MapOf(TypeRef.any());
      default:
        throw new SpecException(file, pointer + "/type", "unknown schema type '" + type
            + "'; allowed: string, integer, number, boolean, array, object");
    }
  }

  private String record(JsonNode schema, String context, String family, String pointer, boolean preserve) {
    String name = claim(JavaNames.upperCamel(context));
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<FieldDef> fields = new ArrayList<>();
    Set<String> javaNames = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schema.path("properties")::fields) {
      String json = e.getKey();
      JsonNode prop = e.getValue();
      TypeRef t = typeRef(prop, name + JavaNames.upperCamel(json), JavaNames.upperCamel(json),
          pointer + "/properties/" + json);
      String javaName = JavaNames.lowerCamel(json);
      for (int i = 2; !javaNames.add(javaName.toLowerCase(Locale.ROOT)); i++) {
        javaName = JavaNames.lowerCamel(json) + i;
      }
      boolean sensitive = json.equalsIgnoreCase("password") || json.toLowerCase(Locale.ROOT).contains("secret")
          && t.equals(TypeRef.string());
      fields.add(new FieldDef(json, javaName, t, required.contains(json), prop.path("nullable").asBoolean(false),
          description(prop), false, sensitive));
    }
    for (String r : required) {
      if (!schema.path("properties").has(r)) {
        throw new SpecException(file, pointer + "/required", "required member '" + r + "' is not a declared property");
      }
    }
    defs.put(name, new RecordDef(name, description(schema), pointer, fields, preserve ? TypeRef.any() : null, false));
    derived.put(name, family);
    return name;
  }

  private TypeRef enumRef(JsonNode schema, String context, String family, String pointer) {
    String name = claim(JavaNames.upperCamel(context));
    List<EnumDef.EnumValue> values = new ArrayList<>();
    Set<String> constants = new HashSet<>(Set.of("UNKNOWN"));
    for (JsonNode v : schema.path("enum")) {
      String wire = v.asText();
      String constant = JavaNames.upperSnake(wire);
      for (int i = 2; !constants.add(constant); i++) {
        constant = JavaNames.upperSnake(wire) + "_" + i;
      }
      values.add(new EnumDef.EnumValue(wire, constant, null));
    }
    defs.put(name, new EnumDef(name, description(schema), pointer, PrimitiveKind.STRING, values));
    derived.put(name, family);
    return new TypeRef.Named(name);
  }

  private static String description(JsonNode schema) {
    String d = schema.path("description").asText("");
    return d.isBlank() ? null : d;
  }
}
