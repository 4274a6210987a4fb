package dev.providerapi.generator.manifest;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.TypePointer;
import dev.providerapi.generator.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The second half of provider.yaml validation, which needs the spec: every operation id named under
 * {@code operations} and {@code operationRateLimits} must exist in the {@link ApiModel}, and every long-form
 * binding must fit its operation (parameters it names exist, pointers resolve to the types they must have).
 * Kept apart from {@link ManifestReader} because the manifest must be read before the spec (it names the spec
 * and envelope).
 */
public final class OperationBindings {
  private OperationBindings() {}

  /**
   * Checks every binding against the spec: operation ids, parameter names, pointers and bodies.
   *
   * @param manifest the provider's provider.yaml
   * @param model the spec's model
   * @throws SpecException at the first problem, naming the binding's key path and what the spec has instead
   */
  public static void check(ProviderManifest manifest, ApiModel model) {
    List<String> available = model.operations().stream().map(OperationDef::id).sorted().toList();
    for (Map.Entry<String, String> e : sorted(manifest.operations())) {
      if (!available.contains(e.getValue())) {
        throw unknown(manifest, model, "operations." + e.getKey(), e.getValue(), available);
      }
    }
    for (String id : manifest.descriptor().operationRateLimits().keySet().stream().sorted().toList()) {
      if (!available.contains(id)) {
        throw unknown(manifest, model, "operationRateLimits." + id, id, available);
      }
    }
    for (Binding b : manifest.bindings().values().stream().sorted((x, y) -> x.role().compareTo(y.role())).toList()) {
      if (b.longForm()) {
        new Checker(manifest, model, b).check();
      }
    }
  }

  /**
   * The model with provider.yaml's explicit {@code idempotent} applied: a state-changing GET declared
   * {@code idempotent: false} is never retried blindly, a mutation declared {@code idempotent: true} is.
   * Operations without an explicit value keep the spec's default.
   *
   * @param manifest the provider's provider.yaml
   * @param model the spec's model
   * @return the model with those operations' idempotency replaced
   */
  public static ApiModel applyIdempotency(ProviderManifest manifest, ApiModel model) {
    Map<String, Boolean> explicit = new java.util.TreeMap<>();
    for (Binding b : manifest.bindings().values()) {
      if (b.idempotent() != null) {
        Boolean before = explicit.put(b.operationId(), b.idempotent());
        if (before != null && !before.equals(b.idempotent())) {
          throw new SpecException(manifest.file(), "operations." + b.role() + ".idempotent", "operation "
              + b.operationId() + " is declared both idempotent and not idempotent by different bindings");
        }
      }
    }
    if (explicit.isEmpty()) {
      return model;
    }
    List<OperationDef> ops = new ArrayList<>();
    for (OperationDef o : model.operations()) {
      Boolean idem = explicit.get(o.id());
      ops.add(idem == null ? o : new OperationDef(o.id(), o.javaName(), o.summary(), o.description(), o.transport(),
          o.params(), o.body(), o.response(), o.responseEnvelope(), o.successStatus(), idem, o.deprecated(),
          o.examples()));
    }
    return new ApiModel(model.title(), model.version(), model.description(), model.servers(), model.types(), ops,
        model.source(), model.serverTemplate(), model.warnings(), java.util.Map.of(), model.auth());
  }

  /**
   * Where the instance id goes for a role that takes one: as declared, else the operation's single required
   * path parameter that {@code args} does not fill. Empty when neither says.
   *
   * @param b the binding
   * @param op the operation it calls
   * @return where the id goes, or empty
   */
  public static Optional<Binding.IdTarget> idTarget(Binding b, OperationDef op) {
    if (b.id() != null) {
      return Optional.of(b.id());
    }
    List<ParamDef> candidates = op.params().stream()
        .filter(p -> p.location() == ParamDef.Location.PATH && p.required() && !b.args().containsKey(p.name()))
        .toList();
    return candidates.size() == 1 ? Optional.of(new Binding.IdTarget(candidates.get(0).name(), null))
        : Optional.empty();
  }

  /** Roles that name one instance. */
  static boolean takesInstanceId(String role) {
    return List.of("get", "terminate", "stop", "start", "restart").contains(role);
  }

  private static final class Checker {
    private final ProviderManifest manifest;
    private final ApiModel model;
    private final Binding b;
    private final OperationDef op;
    private final String path;

    Checker(ProviderManifest manifest, ApiModel model, Binding b) {
      this.manifest = manifest;
      this.model = model;
      this.b = b;
      this.op = model.operation(b.operationId()).orElseThrow();
      this.path = "operations." + b.role();
    }

    void check() {
      boolean graphQl = op.transport() instanceof OperationDef.GraphQl;
      for (String arg : b.args().keySet().stream().sorted().toList()) {
        param(arg, path + ".args." + arg);
      }
      if (takesInstanceId(b.role())) {
        Binding.IdTarget id = idTarget(b, op).orElseThrow(() -> fail(path, "say where the instance id goes: id: "
            + "{param: <name>} or id: {body: <JSON pointer into the " + (graphQl ? "variables" : "request body")
            + ">}; " + op.id() + " has " + describeParams()));
        if (id.param() != null) {
          ParamDef p = param(id.param(), path + ".id.param");
          idType(p.type(), path + ".id.param", false);
        } else {
          TypeRef t = bodyPointer(id.bodyPointer(), path + ".id.body");
          idType(t, path + ".id.body", true);
        }
      }
      if (b.body() != null && op.body() == null) {
        throw fail(path + ".body", op.id() + " takes no request body");
      }
      if (b.role().equals("launch") && b.idPointer() != null || b.role().equals("list")) {
        if (op.response() == null) {
          throw fail(path + ".operationId", op.id() + " declares no response body, so " + b.role()
              + " has nothing to read");
        }
      }
      if (b.role().equals("launch") && b.idPointer() == null && b.clientToken() == null) {
        throw fail(path, "missing required key 'id': the JSON pointer of the new instance's id in the "
            + op.id() + " response, e.g. /id or /instance_ids/0 (or only clientToken, when the adapter writes"
            + " launchInstance itself)");
      }
      if (b.role().equals("launch") && b.idPointer() != null) {
        TypeRef t = responsePointer(b.idPointer(), path + ".id");
        if (!(t instanceof TypeRef.Primitive p) || !List.of(TypeRef.PrimitiveKind.STRING,
            TypeRef.PrimitiveKind.INT32, TypeRef.PrimitiveKind.INT64, TypeRef.PrimitiveKind.UUID).contains(p.kind())) {
          throw fail(path + ".id", "'" + b.idPointer() + "' must be a text or whole-number id, found " + t);
        }
      }
      if (b.instancePointer() != null || b.role().equals("get")) {
        String pointer = b.instancePointer() != null ? b.instancePointer() : "/";
        if (op.response() == null) {
          throw fail(path + ".instance", op.id() + " declares no response body to read the instance from");
        }
        TypeRef t = responsePointer(pointer, path + ".instance");
        TypeRef element = t instanceof TypeRef.ListOf l ? l.element() : t;
        if (!(element instanceof TypeRef.Named)) {
          throw fail(path + ".instance", "'" + pointer + "' must be an object (or a list of objects), found " + t);
        }
      }
      if (b.statusPointer() != null) {
        TypeRef t = responsePointer(b.statusPointer(), path + ".status");
        if (!(t instanceof TypeRef.Primitive)) {
          throw fail(path + ".status", "'" + b.statusPointer() + "' must be the provider's status text, found " + t);
        }
      }
      if (b.role().equals("list")) {
        String pointer = b.itemsPointer() != null ? b.itemsPointer() : "/";
        TypeRef t = responsePointer(pointer, path + ".items");
        if (!(t instanceof TypeRef.ListOf l) || !(l.element() instanceof TypeRef.Named)) {
          throw fail(path + ".items", "'" + pointer + "' must be a list of objects, found " + t);
        }
        pagination(b.pagination());
      }
      if (b.clientToken() != null && b.clientToken().lookup() == Binding.TokenLookup.FILTER) {
        Binding list = manifest.longForm("list").orElseThrow(() -> fail(path + ".clientToken.lookup",
            "lookup: filter calls the list operation: bind list in the long form too"));
        OperationDef listOp = model.operation(list.operationId()).orElseThrow();
        if (listOp.params().stream().noneMatch(p -> p.name().equals(b.clientToken().filterParam()))) {
          throw fail(path + ".clientToken.filterParam", "'" + b.clientToken().filterParam() + "' is not a parameter"
              + " of " + listOp.id() + "; it has " + describeParams(listOp));
        }
      }
      if (b.clientToken() != null && b.clientToken().lookup() != Binding.TokenLookup.GET
          && manifest.longForm("list").isEmpty()) {
        throw fail(path + ".clientToken", "findByClientToken reads the list: bind list in the long form too");
      }
      if (b.clientToken() != null && b.clientToken().lookup() == Binding.TokenLookup.GET
          && manifest.longForm("get").isEmpty()) {
        throw fail(path + ".clientToken.lookup", "lookup: get reads one instance: bind get in the long form too");
      }
    }

    private void pagination(Binding.Pagination p) {
      String at = path + ".pagination";
      switch (p.style()) {
        case NONE -> { }
        case CURSOR -> {
          param(p.cursorParam(), at + ".cursorParam");
          TypeRef next = responsePointer(p.nextPointer(), at + ".next");
          if (!(next instanceof TypeRef.Primitive)) {
            throw fail(at + ".next", "'" + p.nextPointer() + "' must be the text of the next cursor, found " + next);
          }
          if (p.hasMorePointer() != null) {
            TypeRef more = responsePointer(p.hasMorePointer(), at + ".hasMore");
            if (!(more instanceof TypeRef.Primitive prim) || prim.kind() != TypeRef.PrimitiveKind.BOOLEAN) {
              throw fail(at + ".hasMore", "'" + p.hasMorePointer() + "' must be true/false, found " + more);
            }
          }
        }
        case PAGE, OFFSET -> param(p.numberParam(), at + "." + (p.style() == Binding.PaginationStyle.PAGE
            ? "pageParam" : "offsetParam"));
      }
      if (p.sizeParam() != null) {
        param(p.sizeParam(), at + ".sizeParam");
      }
    }

    private ParamDef param(@Nullable String name, String at) {
      if (op.transport() instanceof OperationDef.GraphQl) {
        throw fail(at, op.id() + " is a GraphQL operation: its values are variables, named by a pointer into "
            + "them (id: {body: /input/podId}), not parameters");
      }
      return op.params().stream().filter(p -> p.name().equals(name)).findFirst()
          .orElseThrow(() -> fail(at, "'" + name + "' is not a parameter of " + op.id() + "; it has "
              + describeParams()));
    }

    private void idType(TypeRef t, String at, boolean listAllowed) {
      TypeRef element = listAllowed && t instanceof TypeRef.ListOf l ? l.element() : t;
      if (!(element instanceof TypeRef.Primitive p) || !List.of(TypeRef.PrimitiveKind.STRING,
          TypeRef.PrimitiveKind.UUID, TypeRef.PrimitiveKind.INT32, TypeRef.PrimitiveKind.INT64).contains(p.kind())) {
        throw fail(at, "an instance id must go into a text or whole-number value" + (listAllowed ? " (or a list of"
            + " them)" : "") + ", found " + t);
      }
    }

    private TypeRef bodyPointer(String pointer, String at) {
      if (op.body() == null) {
        throw fail(at, op.id() + " takes no request body to put the id into");
      }
      return resolve(op.body().type(), pointer, at, "request body");
    }

    private TypeRef responsePointer(String pointer, String at) {
      if (op.response() == null) {
        throw fail(at, op.id() + " declares no response body");
      }
      return resolve(op.response(), pointer, at, "response");
    }

    private TypeRef resolve(TypeRef root, String pointer, String at, String what) {
      try {
        return TypePointer.resolve(model, root, pointer).type();
      } catch (TypePointer.Unresolvable e) {
        throw fail(at, "'" + pointer + "' does not resolve in the " + what + " of " + op.id() + ": " + e.getMessage());
      }
    }

    private String describeParams() {
      return describeParams(op);
    }

    private static String describeParams(OperationDef o) {
      if (o.params().isEmpty()) {
        return "no parameters" + (o.body() == null ? "" : " (a request body)");
      }
      return "parameters " + String.join(", ", o.params().stream()
          .map(p -> p.name() + " (" + p.location().name().toLowerCase(java.util.Locale.ROOT) + ")").toList());
    }

    private SpecException fail(String at, String problem) {
      return new SpecException(manifest.file(), at, problem);
    }
  }

  private static List<Map.Entry<String, String>> sorted(Map<String, String> map) {
    return map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  private static SpecException unknown(ProviderManifest manifest, ApiModel model, String path, String id,
      List<String> available) {
    return new SpecException(manifest.file(), path, "operation id '" + id + "' is not in the spec "
        + manifest.spec().file().getFileName() + "; available operation ids: "
        + (available.isEmpty() ? "(none)" : String.join(", ", available)));
  }
}
