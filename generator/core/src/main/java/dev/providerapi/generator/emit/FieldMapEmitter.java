package dev.providerapi.generator.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.manifest.Binding;
import dev.providerapi.generator.manifest.FieldMap;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypePointer;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.TypeRef.PrimitiveKind;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.model.Instance;
import dev.providerapi.model.Offer;
import dev.providerapi.model.Pricing;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * provider.yaml's {@code instanceFields} and {@code offerFields} as {@code instanceFields(wire)} and
 * {@code offerFields(wire)} in the base: each pointer resolved through the spec's types at generation time and
 * read with typed, null-safe accessors, converted to the field's Java type (an enum's wire value for text, a
 * number's int value for a count, an offset date-time or epoch seconds for an instant). The methods return
 * builders, so the adapter sets what no pointer can say and builds; when {@code instanceFields} covers the
 * base's wire type, the base's {@code toInstance} is {@code instanceFields(wire).build()} and the adapter
 * overrides it only to refine.
 */
final class FieldMapEmitter {
  private static final Set<PrimitiveKind> TEXT = Set.of(PrimitiveKind.STRING, PrimitiveKind.UUID, PrimitiveKind.URI);
  private static final Set<PrimitiveKind> NUMBER = Set.of(PrimitiveKind.INT32, PrimitiveKind.INT64,
      PrimitiveKind.DECIMAL, PrimitiveKind.DOUBLE);

  private final ProviderManifest manifest;
  private final ApiModel model;
  private final TypeMapper types;

  FieldMapEmitter(ProviderManifest manifest, ApiModel model, TypeMapper types) {
    this.manifest = manifest;
    this.model = model;
    this.types = types;
  }

  /**
   * The wire type {@code instanceFields} reads: its {@code type}, else the one wire type the bindings read.
   *
   * @param wireTypes the model types the get and list bindings read instances from
   * @return the type, or null when provider.yaml declares no {@code instanceFields}
   */
  @Nullable String instanceType(List<String> wireTypes) {
    FieldMap map = manifest.instanceFields();
    if (map == null) {
      return null;
    }
    if (map.type() != null) {
      requireRecord(map, map.type());
      return map.type();
    }
    if (wireTypes.size() != 1) {
      throw fail(map, "type", wireTypes.isEmpty()
          ? "no get or list binding reads an instance, so instanceFields must name its wire type (type: <name>)"
          : "the bindings read instances of " + String.join(" and ", wireTypes) + ", so instanceFields must say"
              + " which one it maps (type: <name>)");
    }
    return wireTypes.get(0);
  }

  /**
   * {@code protected Instance.Builder instanceFields(<type> wire)}.
   *
   * @param type the wire type's name (see {@link #instanceType})
   * @return the method
   */
  MethodSpec instanceFields(String type) {
    FieldMap map = manifest.instanceFields();
    ClassName wire = types.named(type);
    MethodSpec.Builder m = MethodSpec.methodBuilder("instanceFields")
        .addModifiers(Modifier.PROTECTED)
        .returns(ClassName.get(Instance.Builder.class))
        .addParameter(wire, "wire")
        .addJavadoc("$L as ours, with the fields provider.yaml's {@code instanceFields} maps: $L. The adapter adds "
            + "what no pointer can say and builds.\n\n"
            + "@param wire the instance as the provider's answer carries it (never null)\n"
            + "@return a builder with those fields set\n"
            + "@throws dev.providerapi.errors.UnexpectedResponseException when the answer carries no id\n",
            type, String.join(", ", map.fields().keySet()) + (map.details().isEmpty() ? "" : " and details "
                + String.join(", ", map.details().keySet())));
    Read id = read(map, "id", type);
    m.addStatement("$T id = $L", String.class, text(map, "id", id));
    m.beginControlFlow("if (id == null || id.isBlank())");
    m.addStatement("throw $T.unexpected(name(), $S, $S)", Failures.class, type, "an instance without an id");
    m.endControlFlow();
    CodeBlock.Builder chain = CodeBlock.builder().add("$T b = $T.builder(name(), id)", Instance.Builder.class,
        Instance.class);
    String status = map.field("status");
    if (status != null) {
      m.addStatement("$T raw = $L", String.class, text(map, "status", read(map, "status", type)));
      chain.add("\n.rawStatus(raw)\n.status(mapStatusOrUnknown(raw))");
      if (!manifest.descriptor().statusMapping().preempted().isEmpty()) {
        chain.add("\n.preempted(raw != null && isPreempted(raw))");
      }
    }
    boolean gpuCount = map.field("gpuCount") != null;
    if (gpuCount) {
      m.addStatement("int gpuCount = $L", count(map, "gpuCount", read(map, "gpuCount", type)));
      chain.add("\n.gpuCount(gpuCount)");
    }
    if (map.field("publicIp") != null) {
      m.addStatement("$T publicIp = $L", String.class, nonBlank(map, "publicIp", read(map, "publicIp", type)));
      chain.add("\n.publicIp(publicIp)");
    }
    for (Map.Entry<String, String> f : map.fields().entrySet()) {
      String field = f.getKey();
      switch (field) {
        case "id", "status", "gpuCount", "publicIp" -> { }
        case "name", "instanceType", "region" ->
            chain.add("\n.$N($L)", field, text(map, field, read(map, field, type)));
        case "gpu" -> chain.add("\n.gpu($L)", gpu(map, read(map, field, type), gpuCount));
        case "sshPort" -> chain.add("\n.sshPort($L)", f.getValue().startsWith("/")
            ? integer(map, field, read(map, field, type))
            : CodeBlock.of("publicIp == null ? null : $L", f.getValue()));
        case "clientToken" -> chain.add("\n.clientToken($L)", clientToken(map, read(map, field, type)));
        case "createdAt" -> chain.add("\n.createdAt($L)", instant(map, field, read(map, field, type)));
        case "hourlyPrice" -> {
          m.addStatement("$T hourlyPrice = $L", BigDecimal.class, decimal(map, field, read(map, field, type)));
          chain.add("\n.pricing(hourlyPrice == null ? null : $T.onDemand(hourlyPrice, $L))", Pricing.class,
              gpuCount ? "Math.max(gpuCount, 1)" : "1");
        }
        default -> throw new IllegalStateException("unchecked instanceFields key " + field);
      }
    }
    details(map, chain, type);
    m.addStatement("$L", chain.build());
    m.addStatement("return b");
    return m.build();
  }

  /**
   * {@code protected Offer.Builder offerFields(<type> wire)}, with a leading {@code String id} parameter when
   * the map has no {@code id}; empty when provider.yaml declares no {@code offerFields}.
   *
   * @return the method, or empty
   */
  Optional<MethodSpec> offerFields() {
    FieldMap map = manifest.offerFields();
    if (map == null) {
      return Optional.empty();
    }
    if (map.type() == null) {
      throw fail(map, "type", "missing required key 'type': the model type of one offer in the provider's answer");
    }
    String type = map.type();
    requireRecord(map, type);
    ClassName wire = types.named(type);
    MethodSpec.Builder m = MethodSpec.methodBuilder("offerFields")
        .addModifiers(Modifier.PROTECTED)
        .returns(ClassName.get(Offer.Builder.class));
    boolean ownId = map.field("id") != null;
    if (!ownId) {
      m.addParameter(String.class, "id");
    }
    m.addParameter(wire, "wire");
    m.addJavadoc("$L as our offer, with the fields provider.yaml's {@code offerFields} maps: $L. The adapter adds the "
        + "pricing (and what else no pointer can say) and builds.\n\n$L"
        + "@param wire one offer as the provider's answer carries it (never null)\n"
        + "@return a builder with those fields set\n", type, String.join(", ", map.fields().keySet())
        + (map.details().isEmpty() ? "" : " and details " + String.join(", ", map.details().keySet())),
        ownId ? "" : "@param id the offer's id (how a launch names it again)\n");
    CodeBlock.Builder chain = CodeBlock.builder();
    if (ownId) {
      m.addStatement("$T id = $L", String.class, text(map, "id", read(map, "id", type)));
      m.beginControlFlow("if (id == null || id.isBlank())");
      m.addStatement("throw $T.unexpected(name(), $S, $S)", Failures.class, type, "an offer without an id");
      m.endControlFlow();
    }
    chain.add("$T b = $T.builder(name(), id)", Offer.Builder.class, Offer.class);
    for (String field : map.fields().keySet()) {
      Read r = field.equals("id") ? null : read(map, field, type);
      switch (field) {
        case "id" -> { }
        case "instanceType", "region" -> chain.add("\n.$N($L)", field, text(map, field, r));
        case "gpuCount" -> chain.add("\n.gpuCount($L)", count(map, field, r));
        case "vcpus", "availableCount" -> chain.add("\n.$N($L)", field, integer(map, field, r));
        case "memoryGib", "diskGib" -> chain.add("\n.$N($L)", field, decimal(map, field, r));
        case "gpu" -> { }
        default -> throw new IllegalStateException("unchecked offerFields key " + field);
      }
    }
    details(map, chain, type);
    m.addStatement("$L", chain.build());
    if (map.field("gpu") != null) {
      m.addStatement("$T gpu = $L", String.class, nonBlank(map, "gpu", read(map, "gpu", type)));
      m.beginControlFlow("if (gpu != null)");
      m.addStatement("b.gpu(gpuType(gpu))");
      m.endControlFlow();
    }
    m.addStatement("return b");
    return Optional.of(m.build());
  }

  // ---- reads and conversions ----

  /**
   * A pointer's read: the Optional chain (empty when any step is null), the plain accessor call when the
   * pointer is one member of the wire type ({@code wire.label()}, null for deeper pointers), and the target's type.
   */
  private record Read(CodeBlock optional, @Nullable CodeBlock direct, TypeRef type) {}

  private Read read(FieldMap map, String field, String type) {
    String pointer = field.startsWith("details.") ? map.details().get(field.substring(8)) : map.field(field);
    TypePointer.Resolved r;
    try {
      r = TypePointer.resolve(model, new TypeRef.Named(type), pointer);
    } catch (TypePointer.Unresolvable e) {
      throw fail(map, field, "'" + pointer + "' does not resolve in " + type + ": " + e.getMessage());
    }
    CodeBlock direct = r.steps().size() == 1 && r.steps().get(0) instanceof TypePointer.Field f
        ? CodeBlock.of("wire.$N()", f.field().javaName()) : null;
    CodeBlock.Builder code = CodeBlock.builder();
    List<TypePointer.Step> steps = r.steps();
    if (!steps.isEmpty() && steps.get(0) instanceof TypePointer.Field first) {
      code.add("$T.ofNullable(wire.$N())", Optional.class, first.field().javaName());
      steps = steps.subList(1, steps.size());
    } else {
      code.add("$T.ofNullable(wire)", Optional.class);
    }
    for (TypePointer.Step s : steps) {
      if (s instanceof TypePointer.Field f) {
        code.add(".map($T::$N)", types.named(f.owner()), f.field().javaName());
      } else {
        int i = ((TypePointer.Index) s).index();
        code.add(".map(l -> l.size() > $L ? l.get($L) : null)", i, i);
      }
    }
    return new Read(code.build(), direct, r.type());
  }

  /** Text: a string as is, a number or boolean as its decimal text, an enum as its wire value. */
  private CodeBlock text(FieldMap map, String field, Read r) {
    if (r.direct() != null && r.type() instanceof TypeRef.Primitive p && TEXT.contains(p.kind())) {
      return r.direct();
    }
    return CodeBlock.of("$L.orElse(null)", textOptional(map, field, r));
  }

  /** {@link #text} as an {@code Optional<String>}, for further steps. */
  private CodeBlock textOptional(FieldMap map, String field, Read r) {
    if (r.type() instanceof TypeRef.Primitive p && TEXT.contains(p.kind())) {
      return r.optional();
    }
    if (r.type() instanceof TypeRef.Primitive p && (NUMBER.contains(p.kind()) || p.kind() == PrimitiveKind.BOOLEAN)) {
      return CodeBlock.of("$L.map($T::valueOf)", r.optional(), String.class);
    }
    if (r.type() instanceof TypeRef.Named n && model.type(n.name()).orElse(null) instanceof EnumDef) {
      return CodeBlock.of("$L.map($T::value)", r.optional(), types.named(n.name()));
    }
    throw fail(map, field, "expected text, a number or an enum there, found " + describe(r.type()));
  }

  /** Text, with a blank value (an unassigned IP answered as {@code ""}) read as none. */
  private CodeBlock nonBlank(FieldMap map, String field, Read r) {
    return CodeBlock.of("$L.filter(s -> !s.isBlank()).orElse(null)", textOptional(map, field, r));
  }

  /** The GPU model through the catalog; none for a blank name or, when counted, for zero GPUs (a CPU type). */
  private CodeBlock gpu(FieldMap map, Read r, boolean gpuCount) {
    return CodeBlock.of("$L.filter(g -> !g.isBlank()$L).map(this::gpuType).orElse(null)",
        textOptional(map, "gpu", r), gpuCount ? " && gpuCount > 0" : "");
  }

  private CodeBlock count(FieldMap map, String field, Read r) {
    requireNumber(map, field, r);
    return CodeBlock.of("$L.map($T::intValue).orElse(0)", r.optional(), Number.class);
  }

  private CodeBlock integer(FieldMap map, String field, Read r) {
    requireNumber(map, field, r);
    return CodeBlock.of("$L.map($T::intValue).orElse(null)", r.optional(), Number.class);
  }

  private CodeBlock decimal(FieldMap map, String field, Read r) {
    requireNumber(map, field, r);
    if (((TypeRef.Primitive) r.type()).kind() == PrimitiveKind.DECIMAL) {
      return r.direct() != null ? r.direct() : CodeBlock.of("$L.orElse(null)", r.optional());
    }
    return CodeBlock.of("$L.map($T::decimal).orElse(null)", r.optional(), Values.class);
  }

  private CodeBlock instant(FieldMap map, String field, Read r) {
    if (r.type() instanceof TypeRef.Primitive p && p.kind() == PrimitiveKind.DATE_TIME) {
      return CodeBlock.of("$L.map($T::toInstant).orElse(null)", r.optional(), OffsetDateTime.class);
    }
    if (r.type() instanceof TypeRef.Primitive p && NUMBER.contains(p.kind())) {
      return CodeBlock.of("$L.map($T::epochSeconds).orElse(null)", r.optional(), Values.class);
    }
    throw fail(map, field, "expected a date-time or a number of epoch seconds there, found " + describe(r.type()));
  }

  /**
   * The client token where the launch binding puts it: the value itself (a name or a one-value label), the
   * {@code CLIENT_TOKEN_KEY} entry of a label map, of a {@code key=value} list or of a list of key/value records.
   */
  private CodeBlock clientToken(FieldMap map, Read r) {
    Binding launch = manifest.bindings().get("launch");
    Binding.ClientToken token = launch == null ? null : launch.clientToken();
    if (token == null) {
      throw fail(map, "clientToken", "the launch binding declares no clientToken, so there is no token to read");
    }
    if (r.type() instanceof TypeRef.Primitive) {
      return token.format() == null ? text(map, "clientToken", r)
          : CodeBlock.of("TOKEN_NAMES.token($L)", text(map, "clientToken", r)); // in: name, read by its format
    }
    if (token.key() == null) {
      throw fail(map, "clientToken", "a " + describe(r.type()) + " holds the token only under a key, and the"
          + " launch binding's clientToken names none");
    }
    if (r.type() instanceof TypeRef.MapOf mapOf && mapOf.value() instanceof TypeRef.Primitive p
        && TEXT.contains(p.kind())) {
      return CodeBlock.of("$L.map(m -> m.get(CLIENT_TOKEN_KEY)).orElse(null)", r.optional());
    }
    if (r.type() instanceof TypeRef.ListOf list) {
      if (list.element() instanceof TypeRef.Primitive p && TEXT.contains(p.kind())) {
        return CodeBlock.of("$T.keyValue($L.orElse(null), CLIENT_TOKEN_KEY)", Values.class, r.optional());
      }
      if (list.element() instanceof TypeRef.Named n && model.type(n.name()).orElse(null) instanceof RecordDef rec) {
        FieldDef key = member(rec, "key");
        FieldDef value = member(rec, "value");
        if (key != null && value != null) {
          ClassName entry = types.named(n.name());
          return CodeBlock.of("$L.orElse($T.of()).stream().filter(e -> e != null && CLIENT_TOKEN_KEY.equals(e.$N()))"
              + ".map($T::$N).findFirst().orElse(null)", r.optional(), List.class, key.javaName(), entry,
              value.javaName());
        }
      }
    }
    throw fail(map, "clientToken", "expected text, a map of text, a list of key=value text or a list of key/value"
        + " records there, found " + describe(r.type()));
  }

  private void details(FieldMap map, CodeBlock.Builder chain, String type) {
    for (String key : map.details().keySet()) {
      Read r = read(map, "details." + key, type);
      CodeBlock value = r.type() instanceof TypeRef.Named n && model.type(n.name()).orElse(null) instanceof EnumDef
          ? CodeBlock.of("$L.map($T::value).orElse(null)", r.optional(), types.named(n.name()))
          : r.direct() != null ? r.direct() : CodeBlock.of("$L.orElse(null)", r.optional());
      chain.add("\n.detail($S, $L)", key, value);
    }
  }

  private static @Nullable FieldDef member(RecordDef rec, String json) {
    return rec.fields().stream().filter(f -> f.jsonName().equals(json)).findFirst().orElse(null);
  }

  private void requireNumber(FieldMap map, String field, Read r) {
    if (!(r.type() instanceof TypeRef.Primitive p && NUMBER.contains(p.kind()))) {
      throw fail(map, field, "expected a number there, found " + describe(r.type()));
    }
  }

  private void requireRecord(FieldMap map, String type) {
    TypeDef def = model.type(type).orElseThrow(() -> fail(map, "type", "'" + type + "' is not a type of the spec"));
    if (!(def instanceof RecordDef)) {
      throw fail(map, "type", "'" + type + "' is no object with members");
    }
  }

  private String describe(TypeRef t) {
    if (t instanceof TypeRef.Primitive p) {
      return p.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (t instanceof TypeRef.Named n) {
      return (model.type(n.name()).orElse(null) instanceof EnumDef ? "the enum " : "the object ") + n.name();
    }
    return t instanceof TypeRef.ListOf ? "a list" : "a map";
  }

  private SpecException fail(FieldMap map, String field, String problem) {
    return new SpecException(manifest.file(), map.target() + "." + field, problem);
  }
}
