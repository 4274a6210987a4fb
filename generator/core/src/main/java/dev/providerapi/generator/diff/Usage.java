package dev.providerapi.generator.diff;

import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What our spec (the trimmed description under {@code specs/<p>/}) and its provider.yaml bindings use of an
 * upstream API, so an upstream {@link Change} can be said to matter or not: {@code changed field
 * `price_cents_per_hour` of `InstanceType`: int64 -> string; used by offers (listInstanceTypes)}.
 *
 * <p>Types are matched by name, operations by HTTP method and path (or GraphQL operation name). A change to a
 * field, parameter or enum value our spec does not declare is not covered (we neither send nor read it), except
 * additions to a type or operation we have, which our spec could take up.
 */
public final class Usage {
  private final ApiModel ours;
  private final Map<String, OperationDef> operationsByKey;
  private final Map<String, TypeDef> types;
  /** type name -> ids of our operations that send or receive it. */
  private final Map<String, Set<String>> users = new TreeMap<>();
  /** operation id -> our names bound to it in provider.yaml ({@code offers}, {@code launch}). */
  private final Map<String, Set<String>> bound = new TreeMap<>();

  /**
   * What of {@code ours} each operation uses, and which operations provider.yaml binds.
   *
   * @param ours our spec, read with the provider's response envelope
   * @param bindings provider.yaml {@code operations}: our operation name -> the spec's operation id
   */
  public Usage(ApiModel ours, Map<String, String> bindings) {
    this.ours = ours;
    this.operationsByKey = ModelDiff.byKey(ours);
    this.types = ModelDiff.types(ours);
    for (OperationDef op : ours.operations()) {
      Deque<TypeRef> todo = new ArrayDeque<>();
      op.params().forEach(p -> todo.add(p.type()));
      if (op.body() != null) {
        todo.add(op.body().type());
      }
      if (op.response() != null) {
        todo.add(op.response());
      }
      for (String t : ModelDiff.closure(ours, todo)) {
        users.computeIfAbsent(t, k -> new TreeSet<>()).add(op.id());
      }
    }
    bindings.forEach((name, id) -> bound.computeIfAbsent(id, k -> new TreeSet<>()).add(name));
  }

  /**
   * Our spec.
   *
   * @return the model this usage was built from
   */
  public ApiModel spec() {
    return ours;
  }

  /**
   * How {@code change} (between two upstream versions) meets our spec.
   *
   * @param change the upstream change
   * @param covered our spec declares what changed (or the type/operation an addition belongs to)
   * @param operations ids of our operations it touches
   * @param boundOperations of those, the ones provider.yaml binds, as {@code offers (listInstanceTypes)}
   */
  public record Impact(Change change, boolean covered, List<String> operations, List<String> boundOperations) {
    /**
     * Copies the lists.
     *
     * @param change the upstream change
     * @param covered whether our spec declares what changed
     * @param operations ids of our operations it touches
     * @param boundOperations the bound ones among them
     */
    public Impact {
      operations = List.copyOf(operations);
      boundOperations = List.copyOf(boundOperations);
    }

    /**
     * {@code ...; used by offers (listInstanceTypes), getImage (not bound)} or {@code ...; not in our spec}.
     *
     * @return the change and its impact in one line
     */
    public String describe() {
      String what = change.describe();
      if (!covered) {
        return what + "; not in our spec";
      }
      if (operations.isEmpty()) {
        return what + "; in our spec, used by no operation";
      }
      List<String> parts = new ArrayList<>(boundOperations);
      for (String id : operations) {
        if (boundOperations.stream().noneMatch(b -> b.endsWith("(" + id + ")"))) {
          parts.add(id + " (not bound)");
        }
      }
      return what + "; used by " + String.join(", ", parts);
    }
  }

  /**
   * How {@code c} meets our spec.
   *
   * @param c a change between two upstream versions
   * @return whether our spec covers it, and which of our operations it touches
   */
  public Impact impact(Change c) {
    if (c.kind().isTypeLevel()) {
      TypeDef t = c.type() == null ? null : types.get(c.type());
      boolean covered = t != null && switch (c.kind()) {
        case FIELD_REMOVED, FIELD_CHANGED -> t instanceof RecordDef r && hasField(r, c.member());
        case ENUM_VALUE_REMOVED -> t instanceof EnumDef e && e.values().stream().anyMatch(v -> v.wire().equals(c.member()));
        case TYPE_ADDED -> false;
        default -> true;
      };
      List<String> ops = covered ? List.copyOf(users.getOrDefault(c.type(), Set.of())) : List.of();
      return new Impact(c, covered, ops, boundOf(ops));
    }
    String key = c.newOrigin() != null ? c.newOrigin() : c.oldOrigin();
    OperationDef op = key == null ? null : operationsByKey.get(key);
    if (op == null && c.oldOrigin() != null) {
      op = operationsByKey.get(c.oldOrigin());
    }
    boolean covered = op != null && switch (c.kind()) {
      case PARAM_REMOVED, PARAM_CHANGED -> hasParam(op, c.member());
      default -> true;
    };
    List<String> ops = covered ? List.of(op.id()) : List.of();
    return new Impact(c, covered, ops, boundOf(ops));
  }

  /**
   * How each of {@code changes} meets our spec.
   *
   * @param changes changes between two upstream versions
   * @return one impact per change, in the same order
   */
  public List<Impact> impacts(List<Change> changes) {
    return changes.stream().map(this::impact).toList();
  }

  private List<String> boundOf(List<String> ids) {
    List<String> out = new ArrayList<>();
    for (String id : ids) {
      for (String name : bound.getOrDefault(id, Set.of())) {
        out.add(name + " (" + id + ")");
      }
    }
    return out;
  }

  private static boolean hasField(RecordDef r, String jsonName) {
    for (FieldDef f : r.fields()) {
      if (f.jsonName().equals(jsonName)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasParam(OperationDef op, String name) {
    for (ParamDef p : op.params()) {
      if (p.name().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
