package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.model.LaunchRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CoreWeave's Kubernetes API for the VirtualServer CRD: create (validated against the CRD's openAPIV3Schema;
 * token = the {@code provider-api/client-token} label, else the name; a taken name is 409 AlreadyExists),
 * get, list with {@code limit}/{@code continue}, delete, and KubeVirt's start/stop subresources; errors are
 * Kubernetes {@code Status} objects. Auth is the kubeconfig's bearer token.
 */
final class CoreweaveFake extends FakeProvider {
  @Override
  protected boolean usesKubeconfig() {
    return true;
  }

  private static final String P = "coreweave";
  static final String NAMESPACE = "tenant-sandbox";
  private static final String VS = "/apis/virtualservers.coreweave.com/v1alpha1/namespaces/";
  private static final String VM = "/apis/subresources.kubevirt.io/v1/namespaces/";
  private long resourceVersion = 1000;

  CoreweaveFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("COREWEAVE_NAMESPACE", NAMESPACE);
  }

  /** A kubeconfig for this fake (server, namespace, token), as CoreWeave issues one. */
  public String kubeconfig(String baseUrl) {
    return "apiVersion: v1\nkind: Config\nclusters:\n- name: sandbox\n  cluster:\n    server: " + baseUrl + "\n"
        + "users:\n- name: sandbox\n  user:\n    token: " + apiKey + "\n"
        + "contexts:\n- name: sandbox\n  context:\n    cluster: sandbox\n    user: sandbox\n    namespace: "
        + NAMESPACE + "\ncurrent-context: sandbox\n";
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("reason");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    if (p.startsWith(VM)) {
      return p.endsWith("/start") ? Op.START : p.endsWith("/stop") ? Op.STOP : Op.OTHER;
    }
    if (!p.startsWith(VS)) {
      return Op.OTHER;
    }
    boolean named = !p.endsWith("/virtualservers");
    return switch (r.method()) {
      case "POST" -> Op.CREATE;
      case "GET" -> named ? Op.GET : Op.LIST;
      case "DELETE" -> Op.TERMINATE;
      default -> Op.OTHER;
    };
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    Op op = classify(r);
    String[] parts = r.path().split("/");
    // /apis/<group>/<version>/namespaces/<ns>/<resource>[/<name>[/<sub>]]
    String ns = parts.length > 5 ? parts[5] : "";
    if (!ns.equals(NAMESPACE)) {
      return error(403, "Forbidden", "virtualservers.virtualservers.coreweave.com is forbidden: User"
          + " \"system:serviceaccount:" + NAMESPACE + ":default\" cannot access namespace \"" + ns + "\"");
    }
    String name = parts.length > 7 ? parts[7] : null;
    switch (op) {
      case CREATE:
        return create(r);
      case LIST:
        return list(r);
      case GET: {
        FakeInstance i = find(name);
        return i == null ? notFound(name) : json(200, render(i));
      }
      case TERMINATE: {
        FakeInstance i = find(name);
        if (i == null) {
          return notFound(name);
        }
        i.terminate(clock.now());
        ObjectNode out = object().put("kind", "Status").put("apiVersion", "v1").put("status", "Success");
        out.putObject("metadata");
        out.putObject("details").put("name", name).put("group", "virtualservers.coreweave.com")
            .put("kind", "virtualservers");
        return json(200, out);
      }
      case START:
      case STOP: {
        FakeInstance i = find(name);
        if (i == null) {
          return notFound(name);
        }
        if (op == Op.STOP) {
          i.stop();
        } else {
          i.start(clock.now(), bootTime());
        }
        return json(202, object());
      }
      default:
        return error(404, "NotFound", "the server could not find the requested resource");
    }
  }

  private SandboxResponse create(SandboxRequest r) {
    JsonNode body = parse(r);
    if (body == null) {
      return refuse(400, "BadRequest", "the body of the request was in an unknown format");
    }
    SandboxResponse invalid = validate(Specs.schema(P, "virtualserver.crd.yaml",
        "/spec/versions/0/schema/openAPIV3Schema"), body, "VirtualServer");
    if (invalid != null) {
      return invalid;
    }
    String name = body.path("metadata").path("name").asText();
    if (name.isEmpty() || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 63) {
      return refuse(422, "Invalid", "VirtualServer.virtualservers.coreweave.com \"" + name
          + "\" is invalid: metadata.name: Invalid value: a lowercase RFC 1123 label must consist of lower case"
          + " alphanumeric characters or '-'");
    }
    if (state.instance(name).filter(FakeInstance::live).isPresent()) {
      ObjectNode out = (ObjectNode) Specs.fixture(P, "errors/already-exists.json");
      out.put("message", "virtualservers.virtualservers.coreweave.com \"" + name + "\" already exists");
      ((ObjectNode) out.get("details")).put("name", name);
      return json(409, out);
    }
    String token = body.path("metadata").path("labels").path("provider-api/client-token").asText(name);
    FakeInstance i = store(name, token, name, (ObjectNode) body, false);
    return json(201, render(i));
  }

  private SandboxResponse list(SandboxRequest r) {
    List<FakeInstance> all = state.live();
    int limit = r.queryParam("limit") == null ? Integer.MAX_VALUE : Integer.parseInt(r.queryParam("limit"));
    int start = 0;
    String cont = r.queryParam("continue");
    if (cont != null && !cont.isEmpty()) {
      start = -1;
      for (int k = 0; k < all.size(); k++) {
        if (all.get(k).id().equals(cont)) {
          start = k + 1;
        }
      }
      if (start < 0) {
        return error(410, "Expired", "The provided continue parameter is too old to display a consistent list");
      }
    }
    String selector = r.queryParam("labelSelector");
    ObjectNode out = object().put("apiVersion", "virtualservers.coreweave.com/v1alpha1").put("kind", "VirtualServerList");
    ObjectNode meta = out.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
    ArrayNode items = out.putArray("items");
    int k = start;
    for (; k < all.size() && items.size() < limit; k++) {
      FakeInstance i = all.get(k);
      if (selector == null || selector.equals("provider-api/client-token=" + i.token())) {
        items.add(render(i));
      }
    }
    if (k < all.size()) {
      meta.put("continue", all.get(k - 1).id());
    }
    return json(200, out);
  }

  private FakeInstance find(String name) {
    return name == null ? null : state.instance(name).filter(FakeInstance::live).orElse(null);
  }

  private SandboxResponse notFound(String name) {
    ObjectNode out = (ObjectNode) Specs.fixture(P, "errors/not-found.json");
    out.put("message", "virtualservers.virtualservers.coreweave.com \"" + name + "\" not found");
    ((ObjectNode) out.get("details")).put("name", name);
    return json(404, out);
  }

  private ObjectNode render(FakeInstance i) {
    ObjectNode out = i.spec().deepCopy();
    ObjectNode meta = (ObjectNode) out.with("metadata");
    meta.put("namespace", NAMESPACE);
    meta.put("uid", java.util.UUID.nameUUIDFromBytes(i.id().getBytes()).toString());
    meta.put("resourceVersion", Long.toString(++resourceVersion));
    meta.put("creationTimestamp", i.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    String reason = switch (i.state(clock.now())) {
      case BOOTING -> "Initializing";
      case RUNNING -> "VirtualServerReady";
      case STOPPING, STOPPED -> "VirtualServerStopped";
      case TERMINATED, PREEMPTED -> "Terminating";
    };
    ObjectNode status = out.putObject("status");
    ArrayNode conditions = status.putArray("conditions");
    conditions.addObject().put("type", "Ready").put("status", reason.equals("VirtualServerReady") ? "True" : "False")
        .put("reason", reason).put("message", "").put("lastTransitionTime", clock.now().toString());
    if (reason.equals("VirtualServerStopped")) {
      conditions.addObject().put("type", "VirtualServerStarted").put("status", "False")
          .put("reason", "VirtualServerStopped").put("message", "");
    }
    if (reason.equals("VirtualServerReady")) {
      status.put("internalIP", "10.135.0.7");
      status.putObject("network").put("externalIP", "203.0.113.77");
    }
    return out;
  }

  /** A CoreWeave OS image (a VirtualServer takes no container image). */
  @Override
  public LaunchRequest.Builder sampleLaunch(boolean sshKeys) {
    return super.sampleLaunch(sshKeys).image("ubuntu2204-nvidia-535-docker-master-ord1");
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String k8s = switch (reason) {
      case "unauthorized" -> "Unauthorized";
      case "not_found" -> "NotFound";
      case "conflict" -> "Conflict";
      case "rate_limited" -> "TooManyRequests";
      case "invalid_request" -> "Invalid";
      case "unavailable" -> "ServiceUnavailable";
      case "internal" -> "InternalError";
      default -> reason;
    };
    ObjectNode out = object().put("kind", "Status").put("apiVersion", "v1");
    out.putObject("metadata");
    out.put("status", "Failure").put("message", message).put("reason", k8s).put("code", status);
    return json(status, out);
  }
}
