package dev.providerapi.generator.naming;

import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.UnionDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One pass after the readers: types whose names a reader made up from where they appear
 * ({@link ApiModel#derived()}) and that are structurally identical become one type. A GraphQL selection of the
 * same fields in two operations (a fragment flattened into each, or the same fields written twice) is then one
 * record, so an adapter maps it once; a CRD's repeated sub-schemas (an embedded pod template) are one set of
 * records.
 *
 * <p>Identical means the same family (what the types stem from: the GraphQL type selected, the CRD property they
 * sit under), the same kind, the same members in the same order with the same wire and Java names, types,
 * requiredness, nullability, deprecation and sensitivity; descriptions do not count. Merging runs to a
 * fixed point, so parents that differed only in which of two now-merged children they held merge too. Union
 * variants are never merged (two variants with one shape still have different tags).
 *
 * <p>A merged type is named after what its members stem from (the GraphQL type they select, {@code Pod}) when
 * that name is free and no other merged type stems from it too; otherwise it keeps the shortest member name
 * (then the first in alphabetical order), the least nested path. A name taken from one operation would be
 * misleading on another's result.
 */
public final class TypeCollapse {
  /**
   * Names a merged type never takes: java.lang types the emitted code refers to unqualified, and the names the
   * emitters give nested types ({@code Builder}, an enum's {@code Kind}, a union's {@code Unknown}).
   */
  static final Set<String> RESERVED = Set.of("string", "object", "integer", "long", "double", "float",
      "boolean", "byte", "short", "character", "number", "void", "class", "enum", "record", "override",
      "deprecated", "suppresswarnings", "safevarargs", "functionalinterface", "math", "system",
      "exception", "error", "throwable", "iterable", "comparable", "builder", "kind", "unknown", "list", "map", "set",
      "optional", "nullable", "jsonnode", "objects", "deserializer");

  private TypeCollapse() {}

  /**
   * {@code model} with structurally identical made-up types merged into one, and references to them rewritten.
   *
   * @param model a reader's model
   * @return the model with merged types; {@code model} itself when it has no made-up types
   */
  public static ApiModel collapse(ApiModel model) {
    return collapseTracked(model).model();
  }

  /**
   * What {@link #collapse} did: the model, where each merged type's members came from, and which merged types
   * took their family's name.
   *
   * @param model the collapsed model
   * @param merged the name (in {@code model}) of every type that replaced others -> the origins of all the types
   *     it stands for, itself included, sorted
   * @param familyNamed the merged types named after their family ({@code SecretRef}): a name no place owns
   */
  record Collapsed(ApiModel model, Map<String, List<String>> merged, Set<String> familyNamed) {
    /**
     * Copies the collections.
     *
     * @param model the collapsed model
     * @param merged the name (in {@code model}) of every type that replaced others -> the origins of all the
     *     types it stands for, itself included, sorted
     * @param familyNamed the merged types named after their family ({@code SecretRef}): a name no place owns
     */
    Collapsed {
      merged = Map.copyOf(merged);
      familyNamed = Set.copyOf(familyNamed);
    }
  }

  /**
   * As {@link #collapse}, also telling which types are merges (a later naming step leaves their names alone).
   *
   * @param model a reader's model
   * @return the collapsed model and its merged types' names
   */
  static Collapsed collapseTracked(ApiModel model) {
    if (model.derived().isEmpty()) {
      return new Collapsed(model, Map.of(), Set.of());
    }
    Map<String, TypeDef> types = new TreeMap<>();
    model.types().forEach(t -> types.put(t.name(), t));
    Set<String> variants = new HashSet<>();
    for (TypeDef t : model.types()) {
      if (t instanceof UnionDef u) {
        u.variants().forEach(v -> variants.add(v.type().name()));
      }
    }
    Map<String, String> renamed = new HashMap<>();
    while (true) {
      Map<String, List<String>> byShape = new LinkedHashMap<>();
      for (TypeDef t : types.values()) {
        if (model.derived().containsKey(t.name()) && !variants.contains(t.name())) {
          // Only within one family: a selection of Gpu is not a Cpu, even with the same members.
          byShape.computeIfAbsent(model.derived().get(t.name()) + "\n" + shape(t), k -> new ArrayList<>())
              .add(t.name());
        }
      }
      Map<String, String> round = new HashMap<>();
      for (List<String> same : byShape.values()) {
        if (same.size() < 2) {
          continue;
        }
        String kept = same.stream().min(Comparator.comparingInt(String::length).thenComparing(n -> n)).orElseThrow();
        same.stream().filter(n -> !n.equals(kept)).forEach(n -> round.put(n, kept));
      }
      if (round.isEmpty()) {
        break;
      }
      round.keySet().forEach(types::remove);
      renamed.replaceAll((from, to) -> round.getOrDefault(to, to));
      renamed.putAll(round);
      types.replaceAll((name, t) -> rename(t, round));
    }
    if (renamed.isEmpty()) {
      return new Collapsed(model, Map.of(), Set.of());
    }
    Map<String, String> familyNames = familyNames(model.derived(), renamed, types.keySet());
    Map<String, String> all = new HashMap<>();
    renamed.forEach((from, to) -> all.put(from, familyNames.getOrDefault(to, to)));
    all.putAll(familyNames);
    Map<String, TypeDef> named = new TreeMap<>();
    for (TypeDef t : types.values()) {
      TypeDef r = rename(t, all);
      named.put(r.name(), r);
    }
    Map<String, String> origins = new HashMap<>();
    model.types().forEach(t -> origins.put(t.name(), t.origin()));
    Map<String, Set<String>> members = new TreeMap<>();
    renamed.forEach((from, kept) -> {
      Set<String> m = members.computeIfAbsent(all.getOrDefault(kept, kept), k -> new java.util.TreeSet<>());
      m.add(origins.get(from));
      m.add(origins.get(kept));
    });
    Map<String, List<String>> merged = new TreeMap<>();
    members.forEach((name, m) -> merged.put(name, List.copyOf(m)));
    return new Collapsed(renamed(model, List.copyOf(named.values()), all), merged,
        new HashSet<>(familyNames.values()));
  }

  /**
   * {@code model} with {@code types} (already renamed) and its operations' and derived names renamed by
   * {@code all}; a derived name whose type is gone is dropped.
   *
   * @param model the model before renaming
   * @param types its types, renamed
   * @param all old name -> new name; names not in it stay
   * @return the renamed model
   */
  static ApiModel renamed(ApiModel model, List<TypeDef> types, Map<String, String> all) {
    Set<String> names = new HashSet<>();
    types.forEach(t -> names.add(t.name()));
    List<OperationDef> operations = model.operations().stream().map(o -> rename(o, all)).toList();
    Map<String, String> derived = new TreeMap<>();
    // In name order: when two merged names stem from different families, the same one wins every run.
    new TreeMap<>(model.derived()).forEach((name, family) -> {
      if (names.contains(all.getOrDefault(name, name))) {
        derived.putIfAbsent(all.getOrDefault(name, name), family);
      }
    });
    return new ApiModel(model.title(), model.version(), model.description(), model.servers(),
        TypeDef.sorted(new ArrayList<>(types)), operations, model.source(), model.serverTemplate(),
        model.warnings(), derived, model.auth());
  }

  /** Kept name -> the family name it takes: every member of one family, the only merge of it, name free. */
  private static Map<String, String> familyNames(Map<String, String> families, Map<String, String> renamed,
      Set<String> names) {
    Map<String, Set<String>> familiesOf = new TreeMap<>();
    renamed.forEach((from, kept) -> {
      familiesOf.computeIfAbsent(kept, k -> new HashSet<>()).add(families.getOrDefault(from, ""));
      familiesOf.get(kept).add(families.getOrDefault(kept, ""));
    });
    Map<String, List<String>> members = new TreeMap<>();
    renamed.forEach((from, kept) -> members.computeIfAbsent(kept, k -> new ArrayList<>(List.of(k))).add(from));
    Map<String, List<String>> byFamily = new TreeMap<>();
    familiesOf.forEach((kept, f) -> {
      if (f.size() == 1 && !f.iterator().next().isEmpty()) {
        byFamily.computeIfAbsent(f.iterator().next(), k -> new ArrayList<>()).add(kept);
      }
    });
    Set<String> taken = new HashSet<>(RESERVED);
    // Case-insensitively: two files differing only in case are one file on macOS and Windows.
    names.forEach(n -> taken.add(n.toLowerCase(java.util.Locale.ROOT)));
    Map<String, String> out = new HashMap<>();
    byFamily.forEach((family, kept) -> {
      String name = kept.size() == 1 ? qualified(family, members.get(kept.get(0))) : family;
      if (kept.size() == 1 && javax.lang.model.SourceVersion.isName(name)
          && taken.add(name.toLowerCase(java.util.Locale.ROOT))) {
        out.put(kept.get(0), name);
      }
    });
    return out;
  }

  /**
   * A one-word family ({@code Type}, {@code Order}) says too little on its own: it takes the words the member
   * names all start with ({@code CreateInstanceAttributesType} and {@code CreateInstanceRequestDataType} ->
   * {@code CreateInstanceType}), when they share any.
   */
  static String qualified(String family, List<String> members) {
    if (words(family).size() != 1) {
      return family;
    }
    List<String> common = null;
    for (String m : members) {
      List<String> w = words(m);
      // The member's own last words are the family itself: only what comes before can be a shared prefix.
      w = w.subList(0, Math.max(0, w.size() - 1));
      if (common == null) {
        common = w;
      } else {
        int i = 0;
        while (i < common.size() && i < w.size() && common.get(i).equals(w.get(i))) {
          i++;
        }
        common = common.subList(0, i);
      }
    }
    return common == null || common.isEmpty() ? family : String.join("", common) + family;
  }

  private static List<String> words(String name) {
    return List.of(name.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])"));
  }

  /** The structure of a type, as text: equal text, interchangeable types. */
  private static String shape(TypeDef t) {
    StringBuilder sb = new StringBuilder();
    if (t instanceof RecordDef r) {
      sb.append("record ").append(r.deprecated()).append(' ').append(ref(r.additionalProperties()));
      for (FieldDef f : r.fields()) {
        sb.append('\n').append(f.jsonName()).append(' ').append(f.javaName()).append(' ').append(ref(f.type()))
            .append(' ').append(f.required()).append(f.nullable()).append(f.deprecated()).append(f.sensitive());
      }
    } else if (t instanceof EnumDef e) {
      sb.append("enum ").append(e.valueKind());
      e.values().forEach(v -> sb.append('\n').append(v.wire()).append(' ').append(v.constant()));
    } else if (t instanceof UnionDef u) {
      sb.append("union ").append(u.discriminator());
      u.variants().forEach(v -> sb.append('\n').append(v.type().name()).append(' ').append(v.tags()));
    }
    return sb.toString();
  }

  private static String ref(@Nullable TypeRef r) {
    return r == null ? "-" : r.toString();
  }

  static TypeDef rename(TypeDef t, Map<String, String> to) {
    if (t instanceof RecordDef r) {
      List<FieldDef> fields = r.fields().stream().map(f -> new FieldDef(f.jsonName(), f.javaName(),
          rename(f.type(), to), f.required(), f.nullable(), f.description(), f.deprecated(), f.sensitive())).toList();
      return new RecordDef(to.getOrDefault(r.name(), r.name()), r.description(), r.origin(), fields,
          r.additionalProperties() == null ? null : rename(r.additionalProperties(), to), r.deprecated());
    }
    if (t instanceof UnionDef u) {
      List<UnionDef.Variant> variants = u.variants().stream().map(v -> new UnionDef.Variant(
          (TypeRef.Named) rename(v.type(), to), v.tags())).toList();
      return new UnionDef(to.getOrDefault(u.name(), u.name()), u.description(), u.origin(), u.discriminator(),
          variants);
    }
    if (t instanceof EnumDef e && to.containsKey(e.name())) {
      return new EnumDef(to.get(e.name()), e.description(), e.origin(), e.valueKind(), e.values());
    }
    return t;
  }

  private static OperationDef rename(OperationDef o, Map<String, String> to) {
    List<ParamDef> params = o.params().stream().map(p -> new ParamDef(p.name(), p.javaName(), p.location(),
        rename(p.type(), to), p.required(), p.description())).toList();
    BodyDef body = o.body() == null ? null
        : new BodyDef(o.body().contentType(), rename(o.body().type(), to), o.body().required());
    return new OperationDef(o.id(), o.javaName(), o.summary(), o.description(), o.transport(), params, body,
        o.response() == null ? null : rename(o.response(), to), o.responseEnvelope(), o.successStatus(),
        o.idempotent(), o.deprecated(), o.examples());
  }

  private static TypeRef rename(TypeRef r, Map<String, String> to) {
    if (r instanceof TypeRef.Named n) {
      String name = to.get(n.name());
      return name == null ? n : new TypeRef.Named(name);
    }
    if (r instanceof TypeRef.ListOf l) {
      return new TypeRef.ListOf(rename(l.element(), to));
    }
    if (r instanceof TypeRef.MapOf m) {
      return new TypeRef.MapOf(rename(m.value(), to));
    }
    return r;
  }
}
