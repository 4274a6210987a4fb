package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Hyperstack's Infrahub API v1 (paths after {@code /v1}): flavors, regions and the pricebook from the fixtures;
 * environments and key pairs kept in state (create validated against our spec); {@code POST
 * /core/virtual-machines} validated against Create_Instances_Payload, refused when the environment or key pair
 * does not exist or the flavor is out of stock there; the token is the label {@code provider-api-token=...}
 * (else the name); list paged by {@code page}/{@code pageSize} with {@code count}; get, delete and the GETs
 * stop/start/hard-reboot. Auth is the {@code api_key} header; errors are {@code {status: false, message,
 * error_reason}}.
 */
final class HyperstackFake extends FakeProvider {
  private static final String P = "hyperstack";
  private static final String VMS = "/core/virtual-machines";
  private static final String TOKEN_LABEL = "provider-api-token=";

  private final JsonNode flavors = Specs.fixture(P, "List_Flavors.response.json");
  private final List<ObjectNode> environments = new CopyOnWriteArrayList<>();
  private final List<ObjectNode> keypairs = new CopyOnWriteArrayList<>();

  HyperstackFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
    Specs.fixture(P, "List_environments.response.json").get("environments")
        .forEach(e -> environments.add((ObjectNode) e));
    Specs.fixture(P, "List_key_pairs.response.json").get("keypairs").forEach(k -> keypairs.add((ObjectNode) k));
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("HYPERSTACK_API_KEY", apiKey);
  }

  @Override
  protected @Nullable String presentedKey(SandboxRequest request) {
    return request.header("api_key");
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("status");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    String m = r.method();
    if (p.equals("/core/flavors")) {
      return Op.OFFERS;
    }
    if (p.equals(VMS)) {
      return m.equals("POST") ? Op.CREATE : Op.LIST;
    }
    if (p.startsWith(VMS + "/")) {
      if (p.endsWith("/stop")) {
        return Op.STOP;
      }
      if (p.endsWith("/start")) {
        return Op.START;
      }
      if (p.endsWith("/hard-reboot")) {
        return Op.RESTART;
      }
      return m.equals("DELETE") ? Op.TERMINATE : Op.GET;
    }
    return Op.OTHER;
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    Op op = classify(r);
    switch (op) {
      case OFFERS:
        return json(200, flavors);
      case CREATE:
        return create(r);
      case LIST:
        return list(r);
      case GET: {
        FakeInstance i = find(r.path());
        if (i == null) {
          return error(404, "not_found", "Virtual machine not found");
        }
        ObjectNode out = ok("Success");
        out.set("instance", render(i));
        return json(200, out);
      }
      case TERMINATE: {
        FakeInstance i = find(r.path());
        if (i == null) {
          return error(404, "not_found", "Virtual machine not found");
        }
        i.terminate(clock.now());
        return json(200, ok("Virtual machine deleted successfully"));
      }
      case STOP:
      case START:
      case RESTART: {
        FakeInstance i = find(r.path().substring(0, r.path().lastIndexOf('/')));
        if (i == null) {
          return error(404, "not_found", "Virtual machine not found");
        }
        if (op == Op.STOP) {
          i.stop();
        } else {
          i.start(clock.now(), bootTime());
        }
        return json(200, ok("Virtual machine " + op.name().toLowerCase() + " requested"));
      }
      default:
        return other(r);
    }
  }

  private SandboxResponse create(SandboxRequest r) {
    JsonNode body = parse(r);
    SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
        : validate(Specs.requestBody(P, "POST", VMS), body, "Create_VMs");
    if (invalid != null) {
      return invalid;
    }
    String envName = body.get("environment_name").asText();
    ObjectNode env = environments.stream().filter(e -> envName.equals(e.path("name").asText())).findFirst()
        .orElse(null);
    if (env == null) {
      return refuse(404, "not_found", "Environment " + envName + " does not exist");
    }
    String keyName = body.get("key_name").asText();
    boolean keyThere = keypairs.stream().anyMatch(k -> keyName.equals(k.path("name").asText())
        && envName.equals(k.path("environment").path("name").asText()));
    if (!keyThere) {
      return refuse(404, "not_found", "Key pair " + keyName + " does not exist in environment " + envName);
    }
    String region = env.path("region").asText();
    JsonNode flavor = flavor(body.get("flavor_name").asText(), region);
    if (flavor == null) {
      return refuse(400, "invalid_request", "Flavor " + body.get("flavor_name").asText() + " does not exist in "
          + region);
    }
    if (!flavor.path("stock_available").asBoolean()) {
      return refuse(400, "insufficient_capacity", "Insufficient stock for flavor " + flavor.path("name").asText()
          + " in " + region);
    }
    if (body.get("count").asInt() != 1) {
      return refuse(400, "invalid_request", "the sandbox creates one virtual machine per call");
    }
    String token = null;
    for (JsonNode label : body.path("labels")) {
      if (label.asText().startsWith(TOKEN_LABEL)) {
        token = label.asText().substring(TOKEN_LABEL.length());
      }
    }
    String name = body.get("name").asText();
    ObjectNode spec = ((ObjectNode) body).deepCopy();
    spec.set("_environment", env.deepCopy());
    spec.set("_flavor", flavor.deepCopy());
    FakeInstance i = store(newId(), token != null ? token : name, name, spec, false);
    ObjectNode out = ok("Virtual machine(s) created successfully");
    out.putArray("instances").add(render(i));
    return json(200, out);
  }

  private SandboxResponse list(SandboxRequest r) {
    int page = intParam(r, "page", 1);
    int size = intParam(r, "pageSize", 50);
    List<FakeInstance> live = state.live();
    ObjectNode out = ok("Success");
    ArrayNode items = out.putArray("instances");
    int from = Math.max(0, (page - 1) * size);
    for (int k = from; k < Math.min(live.size(), from + size); k++) {
      items.add(render(live.get(k)));
    }
    out.put("page", page).put("page_size", size).put("count", live.size());
    return json(200, out);
  }

  private SandboxResponse other(SandboxRequest r) {
    String key = r.method() + " " + r.path();
    switch (key) {
      case "GET /pricebook":
        return json(200, Specs.fixture(P, "Get_pricebook.response.json"));
      case "GET /core/regions":
        return json(200, Specs.fixture(P, "List_Regions.response.json"));
      case "GET /core/environments": {
        ObjectNode out = ok("Success");
        ArrayNode list = out.putArray("environments");
        environments.forEach(list::add);
        out.put("page", 1).put("page_size", environments.size()).put("count", environments.size());
        return json(200, out);
      }
      case "POST /core/environments": {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
            : validate(Specs.requestBody(P, "POST", "/core/environments"), body, "Create_environment");
        if (invalid != null) {
          return invalid;
        }
        String name = body.get("name").asText();
        if (environments.stream().anyMatch(e -> name.equals(e.path("name").asText()))) {
          return refuse(409, "conflict", "Environment " + name + " already exists");
        }
        ObjectNode env = object().put("id", Integer.parseInt(newId())).put("name", name)
            .put("region", body.get("region").asText()).put("created_at", clock.now().toString());
        environments.add(env);
        ObjectNode out = ok("Environment created");
        out.set("environment", env);
        return json(200, out);
      }
      case "GET /core/keypairs": {
        ObjectNode out = ok("Success");
        ArrayNode list = out.putArray("keypairs");
        keypairs.forEach(list::add);
        out.put("page", 1).put("page_size", keypairs.size()).put("count", keypairs.size());
        return json(200, out);
      }
      case "POST /core/keypairs": {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
            : validate(Specs.requestBody(P, "POST", "/core/keypairs"), body, "Import_key_pair");
        if (invalid != null) {
          return invalid;
        }
        String envName = body.get("environment_name").asText();
        ObjectNode env = environments.stream().filter(e -> envName.equals(e.path("name").asText())).findFirst()
            .orElse(null);
        if (env == null) {
          return refuse(404, "not_found", "Environment " + envName + " does not exist");
        }
        ObjectNode pair = object().put("id", Integer.parseInt(newId())).put("name", body.get("name").asText())
            .put("public_key", body.get("public_key").asText()).put("fingerprint", "SHA256:sandbox")
            .put("created_at", clock.now().toString());
        pair.putObject("environment").put("id", env.path("id").asInt()).put("name", envName)
            .put("region", env.path("region").asText());
        keypairs.add(pair);
        ObjectNode out = ok("Key pair imported");
        out.set("keypair", pair);
        return json(200, out);
      }
      default:
        return error(404, "not_found", "No route " + r.method() + " " + r.path());
    }
  }

  private @Nullable JsonNode flavor(String name, String region) {
    for (JsonNode group : flavors.path("data")) {
      for (JsonNode f : group.path("flavors")) {
        if (name.equals(f.path("name").asText()) && region.equals(f.path("region_name").asText())) {
          return f;
        }
      }
    }
    return null;
  }

  private @Nullable FakeInstance find(String path) {
    return state.instance(path.substring((VMS + "/").length())).filter(FakeInstance::live).orElse(null);
  }

  private ObjectNode render(FakeInstance i) {
    JsonNode spec = i.spec();
    FakeInstance.State s = i.state(clock.now());
    ObjectNode out = object();
    out.put("id", Integer.parseInt(i.id()));
    out.put("name", i.name());
    out.put("status", switch (s) {
      case BOOTING -> "CREATING";
      case RUNNING -> "ACTIVE";
      case STOPPING -> "STOPPING";
      case STOPPED -> "SHUTOFF";
      case TERMINATED, PREEMPTED -> "DELETED";
    });
    out.put("fixed_ip", "10.0.0." + (Integer.parseInt(i.id()) % 250 + 2));
    out.put("floating_ip", s == FakeInstance.State.BOOTING ? "" : "38.80.122." + (Integer.parseInt(i.id()) % 250 + 2));
    out.set("labels", spec.has("labels") ? spec.get("labels").deepCopy() : Specs.JSON.createArrayNode());
    out.put("created_at", i.createdAt().toString());
    JsonNode env = spec.path("_environment");
    out.putObject("environment").put("id", env.path("id").asInt()).put("name", env.path("name").asText())
        .put("region", env.path("region").asText());
    JsonNode f = spec.path("_flavor");
    out.putObject("flavor").put("id", f.path("id").asInt()).put("name", f.path("name").asText())
        .put("cpu", f.path("cpu").asInt()).put("ram", f.path("ram").asDouble()).put("disk", f.path("disk").asInt())
        .put("gpu", f.path("gpu").asText()).put("gpu_count", f.path("gpu_count").asInt());
    out.putObject("keypair").put("name", spec.path("key_name").asText());
    if (spec.hasNonNull("image_name")) {
      out.putObject("image").put("name", spec.get("image_name").asText());
    }
    return out;
  }

  private static ObjectNode ok(String message) {
    return object().put("status", true).put("message", message);
  }

  private static int intParam(SandboxRequest r, String name, int fallback) {
    try {
      return r.queryParam(name) == null ? fallback : Math.max(1, Integer.parseInt(r.queryParam(name)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String code = switch (reason) {
      case "not_found" -> "NOT_FOUND";
      case "unauthorized" -> "UNAUTHORIZED";
      case "insufficient_capacity" -> "INSUFFICIENT_STOCK";
      case "conflict" -> "CONFLICT";
      case "rate_limited" -> "TOO_MANY_REQUESTS";
      case "invalid_request", "invalid_parameters" -> "BAD_REQUEST";
      default -> "INTERNAL_ERROR";
    };
    return json(status, object().put("status", false).put("message", message).put("error_reason", code));
  }
}
