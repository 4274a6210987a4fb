package dev.providerapi.generator.diff;

import dev.providerapi.generator.diff.Change.Kind;
import dev.providerapi.generator.diff.Change.Level;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.UnionDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Field-level differences between two {@link ApiModel}s, whatever spec kind they were read from (OpenAPI, CRD,
 * GraphQL operations): operations matched by their HTTP method and path (or GraphQL operation name), so duplicate
 * or renamed operation ids do not confuse it; types by name, fields by wire name, enum values by wire value.
 *
 * <p>Classification, from the point of view of a client built from the old spec: removing or retyping anything is
 * breaking; a new required parameter, or a new required field in a type sent in a request, is breaking; a
 * field that becomes optional or nullable in a response is breaking (the client may meet null); a new enum value
 * is dangerous (our clients decode it as UNKNOWN); every other addition is non-breaking. Descriptions, examples
 * and summaries are ignored.
 */
public final class ModelDiff {
  private ModelDiff() {}

  /**
   * The changes from {@code before} to {@code after}, response statuses not compared.
   *
   * @param before the older spec's model
   * @param after the newer spec's model
   * @return the changes, worst first
   */
  public static List<Change> compare(ApiModel before, ApiModel after) {
    return compare(before, after, Map.of(), Map.of());
  }

  /**
   * The changes from {@code before} to {@code after}, the declared response statuses included.
   *
   * @param before the older spec's model
   * @param after the newer spec's model
   * @param oldStatuses per operation {@link #key key}, the response status codes the older spec declares
   *     ({@code 200}, {@code 404}, {@code default}); empty when the spec kind has none to declare
   * @param newStatuses the same for the newer spec
   * @return the changes, worst first
   */
  public static List<Change> compare(ApiModel before, ApiModel after, Map<String, Set<String>> oldStatuses,
      Map<String, Set<String>> newStatuses) {
    List<Change> out = new ArrayList<>();
    Map<String, OperationDef> oldOps = byKey(before);
    Map<String, OperationDef> newOps = byKey(after);
    Set<String> requestTypes = new HashSet<>(reach(before, true));
    requestTypes.addAll(reach(after, true));
    Set<String> responseTypes = new HashSet<>(reach(before, false));
    responseTypes.addAll(reach(after, false));

    for (Map.Entry<String, OperationDef> e : oldOps.entrySet()) {
      OperationDef o = e.getValue();
      OperationDef n = newOps.get(e.getKey());
      if (n == null) {
        out.add(op(Level.BREAKING, Kind.OPERATION_REMOVED, o, null, null, null, null));
      } else {
        compareOperation(o, n, out);
        compareStatuses(o, n, oldStatuses.getOrDefault(e.getKey(), Set.of()),
            newStatuses.getOrDefault(e.getKey(), Set.of()), out);
      }
    }
    for (Map.Entry<String, OperationDef> e : newOps.entrySet()) {
      if (!oldOps.containsKey(e.getKey())) {
        out.add(op(Level.NON_BREAKING, Kind.OPERATION_ADDED, e.getValue(), null, null, null, null));
      }
    }

    Map<String, TypeDef> oldTypes = types(before);
    Map<String, TypeDef> newTypes = types(after);
    for (TypeDef o : oldTypes.values()) {
      TypeDef n = newTypes.get(o.name());
      if (n == null) {
        out.add(type(Level.BREAKING, Kind.TYPE_REMOVED, o.name(), null, null, o, null));
      } else if (o.getClass() != n.getClass()) {
        out.add(type(Level.BREAKING, Kind.TYPE_CHANGED, o.name(), null, shape(o) + " -> " + shape(n), o, n));
      } else if (o instanceof RecordDef r) {
        compareRecord(r, (RecordDef) n, requestTypes.contains(o.name()), responseTypes.contains(o.name()), out);
      } else if (o instanceof EnumDef en) {
        compareEnum(en, (EnumDef) n, out);
      } else if (o instanceof UnionDef u) {
        compareUnion(u, (UnionDef) n, out);
      }
    }
    for (TypeDef n : newTypes.values()) {
      if (!oldTypes.containsKey(n.name())) {
        out.add(type(Level.NON_BREAKING, Kind.TYPE_ADDED, n.name(), null, null, null, n));
      }
    }
    out.sort(Comparator.comparing(Change::level).thenComparing(c -> c.type() == null ? "" : c.type())
        .thenComparing(c -> c.operation() == null ? "" : c.operation())
        .thenComparing(c -> c.member() == null ? "" : c.member()).thenComparing(Change::kind));
    return List.copyOf(out);
  }

  /**
   * The worst level among {@code changes}, or null when there are none.
   *
   * @param changes the changes
   * @return the worst level, or null
   */
  public static @Nullable Level worst(List<Change> changes) {
    return changes.stream().map(Change::level).min(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * {@code GET /api/v1/instances} or {@code query pods}: what identifies an operation across versions.
   *
   * @param op the operation
   * @return its key
   */
  public static String key(OperationDef op) {
    if (op.transport() instanceof OperationDef.Http h) {
      return h.method().toUpperCase(Locale.ROOT) + " " + h.path();
    }
    OperationDef.GraphQl g = (OperationDef.GraphQl) op.transport();
    return g.kind().name().toLowerCase(Locale.ROOT) + " " + g.operationName();
  }

  /**
   * {@code GET /api/v1/instances (listInstances)}.
   *
   * @param op the operation
   * @return its key followed by its id in parentheses
   */
  public static String label(OperationDef op) {
    String key = key(op);
    return key.endsWith(" " + op.id()) ? key : key + " (" + op.id() + ")";
  }

  private static void compareOperation(OperationDef o, OperationDef n, List<Change> out) {
    Map<String, ParamDef> oldParams = params(o);
    Map<String, ParamDef> newParams = params(n);
    for (Map.Entry<String, ParamDef> e : oldParams.entrySet()) {
      ParamDef p = newParams.get(e.getKey());
      ParamDef was = e.getValue();
      if (p == null) {
        out.add(op(Level.BREAKING, Kind.PARAM_REMOVED, n, was.name(), "in " + where(was), o, n));
        continue;
      }
      String ot = render(was.type());
      String nt = render(p.type());
      if (!ot.equals(nt)) {
        out.add(op(Level.BREAKING, Kind.PARAM_CHANGED, n, p.name(), ot + " -> " + nt, o, n));
      }
      if (was.required() != p.required()) {
        out.add(op(p.required() ? Level.BREAKING : Level.NON_BREAKING, Kind.PARAM_CHANGED, n, p.name(),
            p.required() ? "optional -> required" : "required -> optional", o, n));
      }
    }
    for (Map.Entry<String, ParamDef> e : newParams.entrySet()) {
      if (!oldParams.containsKey(e.getKey())) {
        ParamDef p = e.getValue();
        out.add(op(p.required() ? Level.BREAKING : Level.NON_BREAKING, Kind.PARAM_ADDED, n, p.name(),
            (p.required() ? "required " : "optional ") + where(p) + " " + render(p.type()), o, n));
      }
    }
    String ob = o.body() == null ? "none" : render(o.body().type());
    String nb = n.body() == null ? "none" : render(n.body().type());
    if (!ob.equals(nb)) {
      out.add(op(Level.BREAKING, Kind.BODY_CHANGED, n, null, ob + " -> " + nb, o, n));
    } else if (o.body() != null && n.body() != null && o.body().required() != n.body().required()) {
      out.add(op(n.body().required() ? Level.BREAKING : Level.NON_BREAKING, Kind.BODY_CHANGED, n, null,
          n.body().required() ? "optional -> required" : "required -> optional", o, n));
    }
    String or = o.response() == null ? "none" : render(o.response());
    String nr = n.response() == null ? "none" : render(n.response());
    if (!or.equals(nr)) {
      out.add(op(Level.BREAKING, Kind.RESPONSE_CHANGED, n, null, or + " -> " + nr, o, n));
    }
    if (o.successStatus() != n.successStatus()) {
      out.add(op(Level.BREAKING, Kind.STATUS_CHANGED, n, null, o.successStatus() + " -> " + n.successStatus(), o, n));
    }
  }

  /** A new success status may surprise a client; a new or dropped error status only changes which error it gets. */
  private static void compareStatuses(OperationDef o, OperationDef n, Set<String> before, Set<String> after,
      List<Change> out) {
    // A moved success status is already one STATUS_CHANGED.
    Set<String> success = o.successStatus() == n.successStatus() ? Set.of()
        : Set.of(String.valueOf(o.successStatus()), String.valueOf(n.successStatus()));
    for (String code : new TreeSet<>(before)) {
      if (!after.contains(code) && !success.contains(code)) {
        out.add(op(Level.NON_BREAKING, Kind.STATUS_REMOVED, n, code, null, n, n));
      }
    }
    for (String code : new TreeSet<>(after)) {
      if (!before.contains(code) && !success.contains(code)) {
        out.add(op(code.startsWith("2") ? Level.DANGEROUS : Level.NON_BREAKING, Kind.STATUS_ADDED, n, code, null, n,
            n));
      }
    }
  }

  private static void compareRecord(RecordDef o, RecordDef n, boolean inRequest, boolean inResponse,
      List<Change> out) {
    Map<String, FieldDef> oldFields = fields(o);
    Map<String, FieldDef> newFields = fields(n);
    for (FieldDef f : oldFields.values()) {
      FieldDef g = newFields.get(f.jsonName());
      if (g == null) {
        out.add(type(Level.BREAKING, Kind.FIELD_REMOVED, o.name(), f.jsonName(), null, o, n));
        continue;
      }
      String ot = render(f.type());
      String nt = render(g.type());
      if (!ot.equals(nt)) {
        out.add(type(Level.BREAKING, Kind.FIELD_CHANGED, o.name(), f.jsonName(), ot + " -> " + nt, o, n));
      }
      if (f.required() != g.required()) {
        // Tighter in a request, or looser in a response, can fail an old client.
        boolean breaking = g.required() ? inRequest : inResponse;
        out.add(type(breaking ? Level.BREAKING : Level.NON_BREAKING, Kind.FIELD_CHANGED, o.name(), f.jsonName(),
            g.required() ? "optional -> required" : "required -> optional", o, n));
      }
      if (f.nullable() != g.nullable()) {
        boolean breaking = g.nullable() ? inResponse : inRequest;
        out.add(type(breaking ? Level.BREAKING : Level.NON_BREAKING, Kind.FIELD_CHANGED, o.name(), f.jsonName(),
            g.nullable() ? "not nullable -> nullable" : "nullable -> not nullable", o, n));
      }
    }
    for (FieldDef g : newFields.values()) {
      if (!oldFields.containsKey(g.jsonName())) {
        boolean breaking = g.required() && inRequest;
        out.add(type(breaking ? Level.BREAKING : Level.NON_BREAKING, Kind.FIELD_ADDED, o.name(), g.jsonName(),
            (g.required() ? "required " : "optional ") + render(g.type()), o, n));
      }
    }
    String oa = o.additionalProperties() == null ? "none" : render(o.additionalProperties());
    String na = n.additionalProperties() == null ? "none" : render(n.additionalProperties());
    if (!oa.equals(na)) {
      // Allowing extra members where none were declared breaks no reader; narrowing or dropping them may.
      out.add(type(oa.equals("none") ? Level.NON_BREAKING : Level.BREAKING, Kind.TYPE_CHANGED, o.name(), null, "additional properties " + oa + " -> " + na,
          o, n));
    }
  }

  private static void compareEnum(EnumDef o, EnumDef n, List<Change> out) {
    Set<String> ov = new TreeSet<>();
    o.values().forEach(v -> ov.add(v.wire()));
    Set<String> nv = new TreeSet<>();
    n.values().forEach(v -> nv.add(v.wire()));
    for (String v : ov) {
      if (!nv.contains(v)) {
        out.add(type(Level.BREAKING, Kind.ENUM_VALUE_REMOVED, o.name(), v, null, o, n));
      }
    }
    for (String v : nv) {
      if (!ov.contains(v)) {
        out.add(type(Level.DANGEROUS, Kind.ENUM_VALUE_ADDED, o.name(), v, null, o, n));
      }
    }
  }

  private static void compareUnion(UnionDef o, UnionDef n, List<Change> out) {
    Set<String> ov = new TreeSet<>();
    o.variants().forEach(v -> ov.add(v.type().name()));
    Set<String> nv = new TreeSet<>();
    n.variants().forEach(v -> nv.add(v.type().name()));
    for (String v : ov) {
      if (!nv.contains(v)) {
        out.add(type(Level.BREAKING, Kind.VARIANT_REMOVED, o.name(), v, null, o, n));
      }
    }
    for (String v : nv) {
      if (!ov.contains(v)) {
        out.add(type(Level.DANGEROUS, Kind.VARIANT_ADDED, o.name(), v, null, o, n));
      }
    }
  }

  /** Types reached from the operations' requests (params and bodies) or from their responses. */
  static Set<String> reach(ApiModel model, boolean requests) {
    Deque<TypeRef> todo = new ArrayDeque<>();
    for (OperationDef op : model.operations()) {
      if (requests) {
        op.params().forEach(p -> todo.add(p.type()));
        if (op.body() != null) {
          todo.add(op.body().type());
        }
      } else if (op.response() != null) {
        todo.add(op.response());
      }
    }
    return closure(model, todo);
  }

  static Set<String> closure(ApiModel model, Deque<TypeRef> todo) {
    Map<String, TypeDef> types = types(model);
    Set<String> seen = new TreeSet<>();
    while (!todo.isEmpty()) {
      TypeRef t = todo.pop();
      if (t instanceof TypeRef.ListOf l) {
        todo.push(l.element());
      } else if (t instanceof TypeRef.MapOf m) {
        todo.push(m.value());
      } else if (t instanceof TypeRef.Named named && seen.add(named.name())) {
        TypeDef def = types.get(named.name());
        if (def instanceof RecordDef r) {
          r.fields().forEach(f -> todo.push(f.type()));
          if (r.additionalProperties() != null) {
            todo.push(r.additionalProperties());
          }
        } else if (def instanceof UnionDef u) {
          u.variants().forEach(v -> todo.push(v.type()));
        }
      }
    }
    return seen;
  }

  /**
   * {@code string}, {@code int64}, {@code list<Instance>}, {@code map<string, Region>}.
   *
   * @param t the type
   * @return the type as reports write it
   */
  public static String render(TypeRef t) {
    if (t instanceof TypeRef.Primitive p) {
      return p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
    if (t instanceof TypeRef.Named n) {
      return n.name();
    }
    if (t instanceof TypeRef.ListOf l) {
      return "list<" + render(l.element()) + ">";
    }
    return "map<string, " + render(((TypeRef.MapOf) t).value()) + ">";
  }

  private static String shape(TypeDef t) {
    return t instanceof RecordDef ? "object" : t instanceof EnumDef ? "enum" : "union";
  }

  static Map<String, OperationDef> byKey(ApiModel model) {
    Map<String, OperationDef> out = new TreeMap<>();
    for (OperationDef op : model.operations()) {
      out.putIfAbsent(key(op), op);
    }
    return out;
  }

  static Map<String, TypeDef> types(ApiModel model) {
    Map<String, TypeDef> out = new TreeMap<>();
    model.types().forEach(t -> out.putIfAbsent(t.name(), t));
    return out;
  }

  private static Map<String, ParamDef> params(OperationDef op) {
    Map<String, ParamDef> out = new LinkedHashMap<>();
    // For a GraphQL operation the variables are the body's record fields; its params list is empty.
    op.params().forEach(p -> out.putIfAbsent(p.location().name().toLowerCase(Locale.ROOT) + " " + p.name(), p));
    return out;
  }

  private static String where(ParamDef p) {
    return p.location().name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, FieldDef> fields(RecordDef r) {
    Map<String, FieldDef> out = new TreeMap<>();
    r.fields().forEach(f -> out.putIfAbsent(f.jsonName(), f));
    return out;
  }

  private static Change op(Level level, Kind kind, OperationDef op, @Nullable String member, @Nullable String detail,
      @Nullable OperationDef before, @Nullable OperationDef after) {
    return new Change(level, kind, label(op), op.id(), null, member, detail,
        before == null ? (kind == Kind.OPERATION_REMOVED ? key(op) : null) : key(before),
        after == null ? (kind == Kind.OPERATION_ADDED ? key(op) : null) : key(after));
  }

  private static Change type(Level level, Kind kind, String name, @Nullable String member, @Nullable String detail,
      @Nullable TypeDef before, @Nullable TypeDef after) {
    return new Change(level, kind, null, null, name, member, detail, before == null ? null : before.origin(),
        after == null ? null : after.origin());
  }
}
