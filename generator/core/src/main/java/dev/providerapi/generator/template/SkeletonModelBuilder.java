package dev.providerapi.generator.template;

import dev.providerapi.Capability;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The data of {@code adapter-skeleton.mustache}: one method per abstract {@code AbstractProvider} method and
 * per declared capability that needs one, each annotated with the generated operations provider.yaml binds to
 * it, so the author sees what to call.
 */
public final class SkeletonModelBuilder {
  private SkeletonModelBuilder() {}

  /** Our operation names (provider.yaml {@code operations} keys) that belong to each skeleton method. */
  private static final Map<String, List<String>> BINDINGS = Map.of(
      "fetchOffers", List.of("offers"),
      "launchInstance", List.of("launch"),
      "terminateInstance", List.of("terminate"),
      "get", List.of("get"),
      "list", List.of("list"),
      "stop", List.of("stop"),
      "start", List.of("start"),
      "restart", List.of("restart"));

  /**
   * The Mustache scope of the adapter skeleton.
   *
   * @param manifest the provider's provider.yaml
   * @param model the spec's model
   * @return template variable -> value
   */
  public static Map<String, Object> build(ProviderManifest manifest, ApiModel model) {
    String prefix = manifest.classPrefix();
    Set<Capability> caps = manifest.descriptor().capabilities();
    List<Map<String, Object>> methods = new ArrayList<>();
    methods.add(method(manifest, model, "fetchOffers", "protected List<Offer> fetchOffers(OfferFilter filter)",
        "return the offers of the bound operation as Offer records (the base caches and filters them)"));
    methods.add(method(manifest, model, "launchInstance", "protected Instance launchInstance(LaunchRequest request)",
        "launch once, tagged with request.clientToken() (the base resolves ambiguous failures)"));
    methods.add(method(manifest, model, "terminateInstance", "protected void terminateInstance(String instanceId)",
        "terminate; a NotFoundException for an instance already gone counts as success"));
    methods.add(method(manifest, model, "get", "public Optional<Instance> get(String instanceId)",
        "return the instance, or Optional.empty() when the provider no longer knows it"));
    methods.add(method(manifest, model, "list", "public List<Instance> list()",
        "return every instance of the account, all pages"));
    if (caps.contains(Capability.STOP_START)) {
      methods.add(method(manifest, model, "stop", "public Instance stop(String instanceId)", "stop, keeping the disk"));
      methods.add(method(manifest, model, "start", "public Instance start(String instanceId)", "start a stopped instance"));
    }
    if (caps.contains(Capability.RESTART)) {
      methods.add(method(manifest, model, "restart", "public Instance restart(String instanceId)", "restart (reboot)"));
    }

    Set<String> used = BINDINGS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    List<Map<String, Object>> others = new ArrayList<>();
    new TreeMap<>(manifest.operations()).forEach((ours, id) -> {
      if (!used.contains(ours)) {
        others.add(binding(ours, id, model));
      }
    });

    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("header", GeneratedHeader.handWritten(manifest.name()));
    scope.put("javaPackage", manifest.javaPackage());
    scope.put("prefix", prefix);
    scope.put("displayName", manifest.descriptor().displayName());
    scope.put("capabilities", caps.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    scope.put("methods", methods);
    scope.put("otherBindings", others);
    scope.put("hasOtherBindings", !others.isEmpty());
    // auth style kubeconfig: the base takes a Kubeconfig, and configure() copies through (ProviderConfig, Kubeconfig)
    scope.put("kubeconfig", manifest.descriptor().auth().style() == dev.providerapi.descriptor.AuthStyle.KUBECONFIG);
    // Registered with @AutoService (the repository's modules run its processor); false: the project lists the
    // class in META-INF/services/dev.providerapi.Provider itself (a project without the processor).
    scope.put("autoService", true);
    return scope;
  }

  private static Map<String, Object> method(ProviderManifest manifest, ApiModel model, String name, String signature,
      String what) {
    List<Map<String, Object>> bindings = new ArrayList<>();
    for (String ours : BINDINGS.get(name)) {
      String id = manifest.operations().get(ours);
      if (id != null) {
        bindings.add(binding(ours, id, model));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("signature", signature);
    m.put("bindings", bindings);
    m.put("unbound", bindings.isEmpty());
    m.put("todo", bindings.isEmpty()
        ? what + " (no operation is bound under provider.yaml operations)"
        : what + " (bound: " + bindings.get(0).get("call") + ")");
    return m;
  }

  private static Map<String, Object> binding(String ours, String id, ApiModel model) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("ours", ours);
    b.put("operationId", id);
    OperationDef op = model.operation(id).orElse(null);
    if (op == null) {
      b.put("call", "api()." + id + "(...)");
      b.put("transport", "");
      return b;
    }
    String args = op.params().stream().filter(ParamDef::required).map(ParamDef::javaName)
        .collect(Collectors.toCollection(ArrayList::new)).stream().collect(Collectors.joining(", "));
    if (op.transport() instanceof OperationDef.GraphQl && op.body() != null
        && op.body().type() instanceof dev.providerapi.generator.model.TypeRef.Named vars) {
      // A GraphQL method takes its variables one by one.
      args = model.type(vars.name()).filter(dev.providerapi.generator.model.RecordDef.class::isInstance)
          .map(t -> ((dev.providerapi.generator.model.RecordDef) t).fields().stream()
              .map(dev.providerapi.generator.model.FieldDef::javaName).collect(Collectors.joining(", ")))
          .orElse("variables");
    } else if (op.body() != null) {
      args = args.isEmpty() ? "body" : args + ", body";
    }
    b.put("call", "api()." + op.javaName() + "(" + args + ")");
    b.put("transport", op.transport() instanceof OperationDef.Http h
        ? " -> " + h.method() + " " + h.path()
        : " -> GraphQL " + ((OperationDef.GraphQl) op.transport()).operationName());
    return b;
  }
}
