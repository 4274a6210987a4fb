package dev.providerapi.generator.openapi;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.JavaNames;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.TypeRef.PrimitiveKind;
import dev.providerapi.generator.model.UnionDef;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Maps OpenAPI schemas to IR types. Component schemas that are records, enums or unions become named
 * {@link TypeDef}s; the others (a string, an array, a map) are aliases and are inlined where used. Inline objects,
 * enums and unions become named types too, called after where they sit ({@code <Parent><Property>}).
 */
final class SchemaMapper {
  private static final String COMPONENT_PREFIX = "#/components/schemas/";
  /** Simple names the generated code itself uses; a model type with one of them would shadow it. */
  private static final String[] RESERVED_TYPE_NAMES = {
      "String", "Object", "Integer", "Long", "Boolean", "Double", "Float", "Short", "Byte", "Character", "Number",
      "Void", "Class", "Enum", "Record", "Override", "Deprecated", "SuppressWarnings", "SafeVarargs",
      "FunctionalInterface", "Iterable", "Math", "System", "Thread", "Throwable", "Exception", "RuntimeException",
      "Error", "IllegalArgumentException", "IllegalStateException", "Builder", "Kind", "Unknown"};

  enum Shape { RECORD, ENUM, UNION, OTHER }

  private final Path file;
  private final Map<String, Schema<?>> components;
  private final UniqueNames typeNames = new UniqueNames(RESERVED_TYPE_NAMES);
  private final Map<String, String> componentNames = new HashMap<>();
  private final Map<String, Shape> componentShapes = new HashMap<>();
  private final Set<String> shapeInProgress = new HashSet<>();
  private final Map<String, TypeRef> aliases = new HashMap<>();
  private final Set<String> aliasInProgress = new HashSet<>();
  private final Map<String, TypeDef> defs = new TreeMap<>();
  /** Inline named types by where they are defined, so a {@code $ref} into a schema reuses the type made there. */
  private final Map<String, TypeRef> inline = new HashMap<>();
  private final Set<String> pointerInProgress = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();
  /** Inline type names -> the property or parameter they stem from (see {@link ApiModel#derived()}). */
  private final Map<String, String> derived = new TreeMap<>();

  SchemaMapper(Path file, @Nullable Map<String, Schema> components) {
    this.file = file;
    Map<String, Schema<?>> sorted = new TreeMap<>();
    if (components != null) {
      components.forEach((k, v) -> sorted.put(k, v));
    }
    this.components = sorted;
  }

  /** Names and maps every component schema; call once before mapping operations. */
  void mapComponents() {
    for (String key : components.keySet()) {
      Shape shape = componentShape(key);
      if (shape != Shape.OTHER) {
        componentNames.put(key, typeNames.claim(typeName(key)));
      }
    }
    for (Map.Entry<String, Schema<?>> e : components.entrySet()) {
      String name = componentNames.get(e.getKey());
      if (name != null) {
        define(name, e.getValue(), Pointers.schema(e.getKey()), componentShape(e.getKey()), true);
      }
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * Inline types named after where they sit, by family: the property or parameter they type
   * ({@code publicIpType} -> {@code PublicIpType}), so that structurally identical ones repeated per parent
   * collapse into one type.
   */
  Map<String, String> derived() {
    return Map.copyOf(derived);
  }

  List<TypeDef> types() {
    return TypeDef.sorted(new ArrayList<>(defs.values()));
  }

  /**
   * The IR type of {@code schema} found at {@code pointer}; inline named types are called {@code contextName}.
   */
  TypeRef typeRef(@Nullable Schema<?> schema, String contextName, String pointer) {
    return typeRef(schema, contextName, pointer, null);
  }

  /**
   * As {@link #typeRef(Schema, String, String)}; inline named types are marked as derived from {@code family}
   * (null: not collapsible, e.g. a request body named after its operation).
   */
  TypeRef typeRef(@Nullable Schema<?> schema, String contextName, String pointer, @Nullable String family) {
    if (schema == null) {
      return TypeRef.any();
    }
    if (schema.get$ref() != null) {
      return refType(schema.get$ref(), pointer);
    }
    Shape shape = shape(schema, false);
    if (shape != Shape.OTHER) {
      TypeRef known = inline.get(pointer);
      if (known != null) {
        return known;
      }
      String name = typeNames.claim(typeName(contextName));
      TypeRef named = new TypeRef.Named(name);
      inline.put(pointer, named);
      if (family != null && !family.isEmpty()) {
        derived.put(name, family);
      }
      define(name, schema, pointer, shape, false);
      return named;
    }
    List<Schema> choices = nonNullChoices(schema);
    if (choices != null) {
      if (choices.size() == 1) {
        return typeRef(choices.get(0), contextName, pointer, family);
      }
      TypeRef common = null;
      for (int i = 0; i < choices.size(); i++) {
        TypeRef t = typeRef(choices.get(i), contextName + "Option" + (i + 1), pointer + "/oneOf/" + i,
            family == null ? null : family + "Option" + (i + 1));
        if (!(t instanceof TypeRef.Primitive) || (common != null && !common.equals(t))) {
          // Mixed primitives or mixed shapes: the caller gets raw JSON rather than a guess.
          return TypeRef.any();
        }
        common = t;
      }
      return common == null ? TypeRef.any() : common;
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      return schema.getAllOf().size() == 1
          ? typeRef(schema.getAllOf().get(0), contextName, pointer + "/allOf/0", family)
          : TypeRef.any();
    }
    Set<String> types = types(schema);
    if (types.contains("array") || (types.isEmpty() && schema.getItems() != null)) {
      return new TypeRef.ListOf(typeRef(schema.getItems(), contextName + "Item", pointer + "/items",
          family == null ? null : family + "Item"));
    }
    if (types.contains("object") || (types.isEmpty() && schema.getAdditionalProperties() != null)) {
      Object ap = schema.getAdditionalProperties();
      if (ap instanceof Schema<?> valueSchema) {
        return new TypeRef.MapOf(typeRef(valueSchema, contextName + "Value", pointer + "/additionalProperties",
            family == null ? null : family + "Value"));
      }
      if (Boolean.TRUE.equals(ap)) {
        return new TypeRef.MapOf(TypeRef.any());
      }
      return TypeRef.any();
    }
    if (schema.getConst() != null && types.isEmpty()) {
      return schema.getConst() instanceof Number ? new TypeRef.Primitive(PrimitiveKind.DECIMAL)
          : schema.getConst() instanceof Boolean ? new TypeRef.Primitive(PrimitiveKind.BOOLEAN) : TypeRef.string();
    }
    return primitive(types, schema.getFormat());
  }

  /** The component schema a local {@code $ref} points to, or null. */
  @Nullable Schema<?> component(String ref) {
    return ref.startsWith(COMPONENT_PREFIX) ? components.get(ref.substring(COMPONENT_PREFIX.length())) : null;
  }

  /** Follows {@code $ref}s (not cycles) to the schema that has content. */
  @Nullable Schema<?> deref(@Nullable Schema<?> schema) {
    Set<String> seen = new HashSet<>();
    Schema<?> s = schema;
    while (s != null && s.get$ref() != null && seen.add(s.get$ref())) {
      s = component(s.get$ref());
    }
    return s;
  }

  static boolean isNullable(@Nullable Schema<?> schema) {
    if (schema == null) {
      return false;
    }
    if (Boolean.TRUE.equals(schema.getNullable()) || (schema.getTypes() != null && schema.getTypes().contains("null"))
        || "null".equals(schema.getType())) {
      return true;
    }
    if (schema.getEnum() != null && schema.getEnum().contains(null)) {
      return true;
    }
    for (List<Schema> choices : choiceLists(schema)) {
      for (Schema<?> c : choices) {
        if (isNullType(c)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- definitions ----------------------------------------------------------------------------------------------

  private void define(String name, Schema<?> schema, String pointer, Shape shape, boolean component) {
    TypeDef def = switch (shape) {
      case RECORD -> record(name, schema, pointer);
      case ENUM -> enumDef(name, schema, pointer);
      case UNION -> union(name, schema, pointer);
      case OTHER -> throw new IllegalStateException("not a definition: " + pointer);
    };
    defs.put(name, def);
  }

  private RecordDef record(String name, Schema<?> schema, String pointer) {
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    Map<String, String> pointers = new HashMap<>();
    Set<String> required = new HashSet<>();
    Object[] additional = {null};
    collect(schema, pointer, properties, pointers, required, additional, new HashSet<>());

    UniqueNames fieldNames = new UniqueNames();
    Map<String, String> javaNames = new HashMap<>();
    for (String wire : new TreeSet<>(properties.keySet())) {
      javaNames.put(wire, fieldNames.claim(JavaNames.lowerCamel(wire)));
    }
    List<FieldDef> fields = new ArrayList<>();
    for (Map.Entry<String, Schema<?>> p : properties.entrySet()) {
      Schema<?> ps = p.getValue();
      String wire = p.getKey();
      TypeRef type = typeRef(ps, name + JavaNames.upperCamel(wire), pointers.get(wire), JavaNames.upperCamel(wire));
      Schema<?> target = deref(ps);
      String description = ps.getDescription() != null ? ps.getDescription()
          : ps.get$ref() == null || target == null || componentNames.containsKey(refKey(ps.get$ref()))
              ? null : target.getDescription();
      boolean deprecated = Boolean.TRUE.equals(ps.getDeprecated());
      fields.add(new FieldDef(wire, javaNames.get(wire), type, required.contains(wire),
          isNullable(ps) || (ps.get$ref() != null && isNullable(target)), description, deprecated,
          isSensitive(wire, ps)));
    }
    TypeRef extra = null;
    if (additional[0] instanceof Schema<?> ap && !properties.isEmpty()) {
      extra = typeRef(ap, name + "Value", pointer + "/additionalProperties");
    } else if (Boolean.TRUE.equals(additional[0]) && !properties.isEmpty()) {
      extra = TypeRef.any();
    }
    return new RecordDef(name, schema.getDescription(), pointer, fields, extra,
        Boolean.TRUE.equals(schema.getDeprecated()));
  }

  /**
   * A secret by declaration ({@code format: password}, {@code x-sensitive: true}) or by a name that means one;
   * {@code x-sensitive: false} overrides the name. Pagination tokens ({@code page_token}, {@code next_token})
   * are not secrets. Only the emitted {@code toString()} depends on it.
   */
  static boolean isSensitive(String wireName, Schema<?> schema) {
    Object declared = schema.getExtensions() == null ? null : schema.getExtensions().get("x-sensitive");
    if (declared instanceof Boolean b) {
      return b;
    }
    if ("password".equals(schema.getFormat())) {
      return true;
    }
    return SECRET_NAME.matcher(wireName).find();
  }

  private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
      "(?i)(password|passwd|secret|private_?key|api_?key|access_?key|auth_?token|access_?token|jupyter_?token"
          + "|^token$|(?<!page|next|after|cursor)_token$|credential)");

  /** Gathers properties and required names of a schema and of every {@code allOf} part, refs included. */
  private void collect(@Nullable Schema<?> schema, String pointer, Map<String, Schema<?>> properties,
      Map<String, String> pointers, Set<String> required, Object[] additional, Set<String> seen) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      Schema<?> target = component(schema.get$ref());
      if (target != null && seen.add(schema.get$ref())) {
        collect(target, Pointers.schema(refKey(schema.get$ref())), properties, pointers, required, additional,
            seen);
      }
      return;
    }
    if (schema.getAllOf() != null) {
      for (int i = 0; i < schema.getAllOf().size(); i++) {
        collect(schema.getAllOf().get(i), pointer + "/allOf/" + i, properties, pointers, required, additional,
            seen);
      }
    }
    if (schema.getProperties() != null) {
      schema.getProperties().forEach((k, v) -> {
        // A property declared as null (id: ~) says nothing about its value.
        properties.put(k, v == null ? new Schema<>() : v);
        pointers.put(k, Pointers.child(pointer + "/properties", k));
      });
    }
    if (schema.getRequired() != null) {
      required.addAll(schema.getRequired());
    }
    if (schema.getAdditionalProperties() != null && additional[0] == null) {
      additional[0] = schema.getAdditionalProperties();
    }
  }

  private EnumDef enumDef(String name, Schema<?> schema, String pointer) {
    Set<String> types = types(schema);
    PrimitiveKind kind = PrimitiveKind.STRING;
    if (types.contains("integer")) {
      kind = "int64".equals(schema.getFormat()) ? PrimitiveKind.INT64 : PrimitiveKind.INT32;
    }
    List<String> wires = new ArrayList<>();
    for (Object v : schema.getEnum()) {
      if (v != null && !wires.contains(String.valueOf(v))) {
        wires.add(String.valueOf(v));
      }
      if (v != null && !(v instanceof Number)) {
        kind = PrimitiveKind.STRING;
      }
    }
    if (kind == PrimitiveKind.INT32 && wires.stream().anyMatch(w -> Long.parseLong(w) != (int) Long.parseLong(w))) {
      kind = PrimitiveKind.INT64;
    }
    // UNKNOWN is the emitted "not known today" kind, so a spec value spelled unknown must not take it.
    UniqueNames constants = new UniqueNames("UNKNOWN");
    Map<String, String> byWire = new HashMap<>();
    for (String wire : new TreeSet<>(wires)) {
      byWire.put(wire, constants.claim(JavaNames.upperSnake(wire)));
    }
    List<EnumDef.EnumValue> values = new ArrayList<>();
    for (String wire : wires) {
      values.add(new EnumDef.EnumValue(wire, byWire.get(wire), null));
    }
    return new EnumDef(name, schema.getDescription(), pointer, kind, values);
  }

  private UnionDef union(String name, Schema<?> schema, String pointer) {
    List<Schema> choices = Objects.requireNonNull(nonNullChoices(schema));
    String listName = schema.getOneOf() != null && !schema.getOneOf().isEmpty() ? "oneOf" : "anyOf";
    Discriminator discriminator = schema.getDiscriminator();
    String property = discriminator == null ? null : discriminator.getPropertyName();
    Map<String, List<String>> tagsByRef = new HashMap<>();
    if (discriminator != null && discriminator.getMapping() != null) {
      new TreeMap<>(discriminator.getMapping()).forEach((tag, ref) -> tagsByRef
          .computeIfAbsent(normalizeRef(ref), k -> new ArrayList<>()).add(tag));
    }
    List<UnionDef.Variant> variants = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < choices.size(); i++) {
      Schema<?> choice = choices.get(i);
      TypeRef type = typeRef(choice, name + "Option" + (i + 1), pointer + "/" + listName + "/" + i);
      if (!(type instanceof TypeRef.Named named) || !seen.add(named.name())) {
        continue;
      }
      List<String> tags = new ArrayList<>();
      if (property != null) {
        if (choice.get$ref() != null && tagsByRef.containsKey(choice.get$ref())) {
          tags.addAll(tagsByRef.get(choice.get$ref()));
        } else {
          String fixed = fixedValue(deref(choice), property);
          if (fixed != null) {
            tags.add(fixed);
          } else if (choice.get$ref() != null) {
            tags.add(refKey(choice.get$ref()));
          } else {
            tags.add(named.name());
          }
        }
      }
      variants.add(new UnionDef.Variant(named, tags));
    }
    return new UnionDef(name, schema.getDescription(), pointer, property, variants);
  }

  /** The one value a variant's discriminator property can take ({@code const} or a one-value enum). */
  private @Nullable String fixedValue(@Nullable Schema<?> variant, String property) {
    if (variant == null) {
      return null;
    }
    Map<String, Schema<?>> properties = new LinkedHashMap<>();
    collect(variant, "#", properties, new HashMap<>(), new HashSet<>(), new Object[1], new HashSet<>());
    Schema<?> p = deref(properties.get(property));
    if (p == null) {
      return null;
    }
    if (p.getConst() != null) {
      return String.valueOf(p.getConst());
    }
    return p.getEnum() != null && p.getEnum().size() == 1 && p.getEnum().get(0) != null
        ? String.valueOf(p.getEnum().get(0)) : null;
  }

  private String normalizeRef(String ref) {
    if (ref.startsWith("#/")) {
      return ref;
    }
    // A mapping value may be a bare schema name, or a reference into another file that the parser has copied in.
    int slash = ref.lastIndexOf('/');
    return COMPONENT_PREFIX + (slash >= 0 ? ref.substring(slash + 1) : ref);
  }

  // ---- shapes and references ------------------------------------------------------------------------------------

  private TypeRef refType(String ref, String pointer) {
    if (!ref.startsWith(COMPONENT_PREFIX)) {
      throw new SpecException(file, pointer, "unsupported $ref '" + ref + "': only #/components/schemas/... and"
          + " files whose schemas the parser can copy in are supported");
    }
    String key = refKey(ref);
    if (!components.containsKey(key) && key.contains("/")) {
      return intoSchema(ref, pointer);
    }
    if (!components.containsKey(key)) {
      throw new SpecException(file, pointer, "$ref '" + ref + "' points to no schema in #/components/schemas");
    }
    String name = componentNames.get(key);
    if (name != null) {
      return new TypeRef.Named(name);
    }
    TypeRef cached = aliases.get(key);
    if (cached != null) {
      return cached;
    }
    if (!aliasInProgress.add(key)) {
      // An alias that is only itself (A = array of A) has no Java type other than raw JSON.
      return TypeRef.any();
    }
    TypeRef t = typeRef(components.get(key), typeName(key), Pointers.schema(key));
    aliasInProgress.remove(key);
    aliases.put(key, t);
    return t;
  }

  /**
   * A {@code $ref} into a component schema ({@code #/components/schemas/Pet/properties/id}): the type of the schema
   * found there, the same named type the component's own mapping makes for it.
   */
  private TypeRef intoSchema(String ref, String pointer) {
    String[] tokens = ref.substring(COMPONENT_PREFIX.length()).split("/", -1);
    String key = unescape(tokens[0]);
    Schema<?> current = components.get(key);
    String at = Pointers.schema(key);
    StringBuilder context = new StringBuilder(typeName(key));
    for (int i = 1; current != null && i < tokens.length; i++) {
      String token = unescape(tokens[i]);
      Schema<?> s = deref(current);
      if (s == null) {
        current = null;
        break;
      }
      switch (token) {
        case "properties" -> {
          if (i + 1 >= tokens.length) {
            current = null;
            break;
          }
          String property = unescape(tokens[++i]);
          current = s.getProperties() == null ? null : s.getProperties().get(property);
          at = Pointers.child(at + "/properties", property);
          context.append(JavaNames.upperCamel(property));
        }
        case "items" -> {
          current = s.getItems();
          at = at + "/items";
          context.append("Item");
        }
        case "additionalProperties" -> {
          current = s.getAdditionalProperties() instanceof Schema<?> ap ? ap : null;
          at = at + "/additionalProperties";
          context.append("Value");
        }
        case "allOf", "oneOf", "anyOf" -> {
          List<Schema> list = token.equals("allOf") ? s.getAllOf() : token.equals("oneOf") ? s.getOneOf()
              : s.getAnyOf();
          int index = i + 1 < tokens.length && tokens[i + 1].matches("\\d+") ? Integer.parseInt(tokens[++i]) : -1;
          current = list == null || index < 0 || index >= list.size() ? null : list.get(index);
          at = at + "/" + token + "/" + index;
          context.append(token.equals("allOf") ? "Part" : "Option").append(index + 1);
        }
        default -> current = null;
      }
    }
    if (current == null) {
      throw new SpecException(file, pointer, "$ref '" + ref + "' points to nothing: no such schema, property or "
          + "item in #/components/schemas");
    }
    if (!pointerInProgress.add(at)) {
      return TypeRef.any();
    }
    try {
      return typeRef(current, context.toString(), at);
    } finally {
      pointerInProgress.remove(at);
    }
  }

  private static String unescape(String token) {
    String t = token.replace("~1", "/").replace("~0", "~");
    return t.contains("%") ? java.net.URLDecoder.decode(t.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8) : t;
  }

  private Shape componentShape(String key) {
    Shape known = componentShapes.get(key);
    if (known != null) {
      return known;
    }
    if (!shapeInProgress.add(key)) {
      return Shape.OTHER;
    }
    Schema<?> schema = components.get(key);
    Shape shape = schema == null ? Shape.OTHER : shape(schema, true);
    shapeInProgress.remove(key);
    componentShapes.put(key, shape);
    return shape;
  }

  private Shape shape(Schema<?> schema, boolean component) {
    if (schema.get$ref() != null) {
      return Shape.OTHER;
    }
    Set<String> types = types(schema);
    if (schema.getEnum() != null && schema.getEnum().stream().anyMatch(Objects::nonNull)
        && (types.isEmpty() || types.contains("string") || types.contains("integer"))
        && schema.getEnum().stream().allMatch(v -> v == null || v instanceof String || v instanceof Integer
            || v instanceof Long || v instanceof java.math.BigInteger)) {
      return Shape.ENUM;
    }
    List<Schema> choices = nonNullChoices(schema);
    if (choices != null) {
      return choices.size() > 1 && choices.stream().allMatch(this::isRecordLike) ? Shape.UNION : Shape.OTHER;
    }
    if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
      boolean alias = schema.getAllOf().size() == 1
          && (schema.getProperties() == null || schema.getProperties().isEmpty());
      return alias ? Shape.OTHER : Shape.RECORD;
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
      return Shape.RECORD;
    }
    boolean object = types.contains("object");
    // A named empty object is a (field-less) record; inline, or with only additionalProperties, it is a map.
    return component && object && schema.getAdditionalProperties() == null ? Shape.RECORD : Shape.OTHER;
  }

  private boolean isRecordLike(Schema<?> schema) {
    if (schema.get$ref() != null) {
      String key = schema.get$ref().startsWith(COMPONENT_PREFIX) ? refKey(schema.get$ref()) : null;
      if (key == null || !components.containsKey(key)) {
        return false;
      }
      Shape s = componentShape(key);
      if (s == Shape.OTHER) {
        Schema<?> target = components.get(key);
        return target.get$ref() != null && isRecordLike(target);
      }
      return s == Shape.RECORD;
    }
    return shape(schema, false) == Shape.RECORD;
  }

  private static @Nullable List<Schema> nonNullChoices(Schema<?> schema) {
    List<List<Schema>> lists = choiceLists(schema);
    if (lists.isEmpty()) {
      return null;
    }
    List<Schema> out = new ArrayList<>();
    for (Schema<?> c : lists.get(0)) {
      if (c != null && !isNullType(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<List<Schema>> choiceLists(Schema<?> schema) {
    List<List<Schema>> lists = new ArrayList<>();
    if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
      lists.add(schema.getOneOf());
    }
    if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
      lists.add(schema.getAnyOf());
    }
    return lists;
  }

  private static boolean isNullType(@Nullable Schema<?> s) {
    if (s == null) {
      // An empty entry (oneOf: [~], or a $ref: null the parser dropped) says nothing about the value.
      return false;
    }
    if (s.get$ref() != null) {
      return false;
    }
    if ("null".equals(s.getType())) {
      return true;
    }
    return s.getTypes() != null && s.getTypes().size() == 1 && s.getTypes().contains("null");
  }

  /** The declared types without {@code null}: 3.0 {@code type} and 3.1 {@code type: [..]} alike. */
  static Set<String> types(Schema<?> schema) {
    Set<String> out = new TreeSet<>();
    if (schema.getType() != null) {
      out.add(schema.getType());
    }
    if (schema.getTypes() != null) {
      out.addAll(schema.getTypes());
    }
    out.remove("null");
    return out;
  }

  private static TypeRef primitive(Set<String> types, @Nullable String format) {
    if (types.size() != 1) {
      return TypeRef.any();
    }
    String type = types.iterator().next();
    PrimitiveKind kind = switch (type) {
      case "integer" -> "int64".equals(format) ? PrimitiveKind.INT64 : PrimitiveKind.INT32;
      // BigDecimal for every number: prices must not pick up binary floating point error.
      case "number" -> PrimitiveKind.DECIMAL;
      case "boolean" -> PrimitiveKind.BOOLEAN;
      case "string" -> format == null ? PrimitiveKind.STRING : switch (format) {
        case "date-time" -> PrimitiveKind.DATE_TIME;
        case "date" -> PrimitiveKind.DATE;
        case "binary" -> PrimitiveKind.BINARY;
        // uuid, uri, email, byte (base64) ...: kept as text so a sloppy value never fails a whole response.
        default -> PrimitiveKind.STRING;
      };
      default -> PrimitiveKind.ANY;
    };
    return new TypeRef.Primitive(kind);
  }

  private static String refKey(String ref) {
    return ref.startsWith(COMPONENT_PREFIX) ? ref.substring(COMPONENT_PREFIX.length()) : ref;
  }

  static String typeName(String raw) {
    return JavaNames.upperCamel(raw);
  }
}
