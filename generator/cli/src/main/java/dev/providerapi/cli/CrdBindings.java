package dev.providerapi.cli;

import dev.providerapi.Capability;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds our operations to what the CRD reader made of a CRD. The resource's own REST verbs are found by their
 * shape (create posts the resource to the collection; list gets the collection; get and delete act on
 * collection/{name}) rather than by guessing from names, because the reader always produces exactly these four.
 * Everything else came from the {@code provider-api.dev/actions} annotation and is matched by its id, whatever
 * its method (KubeVirt's start/stop subresources are PUTs).
 *
 * @param bindings our operation -> "operationId note", in provider.yaml order
 * @param capabilities what the bound actions add (STOP_START only when both stop and start are bound)
 * @param namespaced whether the resource lives in a namespace (every call then takes one)
 */
record CrdBindings(Map<String, String> bindings, List<Capability> capabilities, boolean namespaced) {
  private static final Pattern STOP = Pattern.compile("(stop|halt|shutdown|power.?off).*");
  private static final Pattern START = Pattern.compile("(start|resume|power.?on).*");
  private static final Pattern RESTART = Pattern.compile("(restart|reboot).*");

  static CrdBindings of(ApiModel model) {
    OperationDef create = model.operations().stream()
        .filter(op -> http(op).method().equals("POST") && op.body() != null)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the CRD reader always produces a create operation"));
    String collection = http(create).path();
    String item = collection + "/{name}";
    Map<String, String> found = new LinkedHashMap<>();
    find(model, "GET", collection).ifPresent(op -> found.put("list", note(op)));
    find(model, "GET", item).ifPresent(op -> found.put("get", note(op)));
    found.put("launch", note(create));
    find(model, "DELETE", item).ifPresent(op -> found.put("terminate", note(op)));

    List<OperationDef> actions = model.operations().stream()
        .filter(op -> op != create && !http(op).path().equals(collection) && !http(op).path().equals(item))
        .toList();
    Optional<OperationDef> stop = action(actions, STOP);
    Optional<OperationDef> start = action(actions, START);
    Optional<OperationDef> restart = action(actions, RESTART);
    List<Capability> caps = new ArrayList<>();
    if (stop.isPresent() && start.isPresent()) {
      found.put("stop", note(stop.get()));
      found.put("start", note(start.get()));
      caps.add(Capability.STOP_START);
    }
    restart.ifPresent(op -> {
      found.put("restart", note(op));
      caps.add(Capability.RESTART);
    });
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String ours : OperationGuesser.OURS) {
      if (found.containsKey(ours)) {
        ordered.put(ours, found.get(ours));
      }
    }
    boolean namespaced = create.params().stream()
        .anyMatch(p -> p.location() == ParamDef.Location.PATH && p.name().equals("namespace"));
    return new CrdBindings(ordered, caps, namespaced);
  }

  private static Optional<OperationDef> find(ApiModel model, String method, String path) {
    return model.operations().stream()
        .filter(op -> http(op).method().equals(method) && http(op).path().equals(path))
        .findFirst();
  }

  private static Optional<OperationDef> action(List<OperationDef> actions, Pattern id) {
    return actions.stream().filter(op -> id.matcher(op.id().toLowerCase(Locale.ROOT)).matches()).findFirst();
  }

  private static OperationDef.Http http(OperationDef op) {
    return (OperationDef.Http) op.transport();
  }

  private static String note(OperationDef op) {
    return op.id() + " " + http(op).method() + " " + http(op).path();
  }
}
