package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.model.LaunchRequest;
import java.util.Map;
import java.util.Set;

/**
 * Lambda Cloud ({@code /api/v1}): instance types from the fixture, launch (validated against
 * InstanceLaunchRequest; the token is the {@code tags} entry whose key names a client token, else the name),
 * get, list (one unpaginated list), terminate, restart, SSH keys; errors are {@code {"error":{"code","message"}}}.
 */
final class LambdaFake extends FakeProvider {
  private static final String P = "lambda";
  private final JsonNode types = Specs.fixture(P, "listInstanceTypes.response.json").get("data");
  private final ArrayNode sshKeys = (ArrayNode) Specs.fixture(P, "listSSHKeys.response.json").get("data");

  LambdaFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("LAMBDA_API_KEY", apiKey);
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("status");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    return switch (r.method() + " " + (p.startsWith("/api/v1/instances/") ? "/api/v1/instances/{id}" : p)) {
      case "GET /api/v1/instance-types" -> Op.OFFERS;
      case "POST /api/v1/instance-operations/launch" -> Op.CREATE;
      case "GET /api/v1/instances" -> Op.LIST;
      case "GET /api/v1/instances/{id}" -> Op.GET;
      case "POST /api/v1/instance-operations/terminate" -> Op.TERMINATE;
      case "POST /api/v1/instance-operations/restart" -> Op.RESTART;
      default -> Op.OTHER;
    };
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    Op op = classify(r);
    switch (op) {
      case OFFERS:
        return data(types);
      case LIST: {
        ArrayNode out = Specs.JSON.createArrayNode();
        state.live().forEach(i -> out.add(render(i)));
        return data(out);
      }
      case GET: {
        String id = r.path().substring("/api/v1/instances/".length());
        return state.instance(id).filter(FakeInstance::live).map(i -> data(render(i)))
            .orElseGet(() -> error(404, "not_found", "Specified instance does not exist."));
      }
      case CREATE:
        return launch(r);
      case TERMINATE:
      case RESTART: {
        JsonNode body = parse(r);
        if (body == null) {
          return refuse(400, "invalid_request", "body is not JSON");
        }
        String path = op == Op.TERMINATE ? "/api/v1/instance-operations/terminate" : "/api/v1/instance-operations/restart";
        SandboxResponse invalid = validate(Specs.requestBody(P, "POST", path), body, op.name().toLowerCase());
        if (invalid != null) {
          return invalid;
        }
        ArrayNode done = Specs.JSON.createArrayNode();
        for (JsonNode id : body.get("instance_ids")) {
          FakeInstance i = state.instance(id.asText()).filter(FakeInstance::live).orElse(null);
          if (i == null) {
            return error(404, "not_found", "Specified instance does not exist.");
          }
          if (op == Op.TERMINATE) {
            i.terminate(clock.now());
          } else {
            i.start(clock.now(), bootTime());
          }
          done.add(render(i));
        }
        ObjectNode out = object();
        out.set(op == Op.TERMINATE ? "terminated_instances" : "restarted_instances", done);
        return data(out);
      }
      default:
        return other(r);
    }
  }

  private SandboxResponse launch(SandboxRequest r) {
    JsonNode body = parse(r);
    if (body == null) {
      return refuse(400, "invalid_request", "body is not JSON");
    }
    SandboxResponse invalid = validate(Specs.requestBody(P, "POST", "/api/v1/instance-operations/launch"), body, "launch");
    if (invalid != null) {
      return invalid;
    }
    String type = body.path("instance_type_name").asText();
    String region = body.path("region_name").asText();
    JsonNode item = types.get(type);
    if (item == null) {
      return refuse(400, "invalid_parameters", "Invalid instance type " + type);
    }
    boolean capacity = false;
    for (JsonNode reg : item.path("regions_with_capacity_available")) {
      capacity |= region.equals(reg.path("name").asText());
    }
    if (!capacity) {
      return refuse(400, "insufficient_capacity", "Not enough capacity to fulfill launch request.");
    }
    for (JsonNode key : body.path("ssh_key_names")) {
      boolean known = false;
      for (JsonNode k : sshKeys) {
        known |= key.asText().equals(k.path("name").asText());
      }
      if (!known) {
        return refuse(400, "object_does_not_exist", "SSH key " + key.asText() + " does not exist.");
      }
    }
    String token = null;
    for (JsonNode tag : body.path("tags")) {
      if (tag.path("key").asText().contains("client-token")) {
        token = tag.path("value").asText();
      }
    }
    String name = body.path("name").asText(null);
    FakeInstance i = store(newHexId(), token != null ? token : name, name == null ? "" : name, (ObjectNode) body, false);
    ObjectNode out = object();
    out.putArray("instance_ids").add(i.id());
    return data(out);
  }

  private SandboxResponse other(SandboxRequest r) {
    if (r.method().equals("GET") && r.path().equals("/api/v1/ssh-keys")) {
      return data(sshKeys);
    }
    if (r.method().equals("POST") && r.path().equals("/api/v1/ssh-keys")) {
      JsonNode body = parse(r);
      if (body == null || !body.hasNonNull("name")) {
        return refuse(400, "invalid_parameters", "name is required");
      }
      ObjectNode key = object();
      key.put("id", newHexId());
      key.put("name", body.get("name").asText());
      key.put("public_key", body.path("public_key").asText());
      sshKeys.add(key);
      return data(key);
    }
    if (r.method().equals("GET") && r.path().equals("/api/v1/images")) {
      return data(Specs.fixture(P, "listImages.response.json").get("data"));
    }
    return error(404, "not_found", "No route " + r.method() + " " + r.path());
  }

  private ObjectNode render(FakeInstance i) {
    ObjectNode out = (ObjectNode) Specs.fixture(P, "getInstance.response.json").get("data");
    JsonNode spec = i.spec();
    out.put("id", i.id());
    out.put("name", spec.path("name").asText(null));
    FakeInstance.State s = i.state(clock.now());
    out.put("status", switch (s) {
      case BOOTING -> "booting";
      case RUNNING, STOPPING, STOPPED -> "active";
      case TERMINATED -> "terminated";
      case PREEMPTED -> "preempted";
    });
    String region = spec.path("region_name").asText();
    out.putObject("region").put("name", region).put("description", region);
    JsonNode type = types.path(spec.path("instance_type_name").asText()).path("instance_type");
    out.set("instance_type", type.deepCopy());
    out.set("ssh_key_names", spec.path("ssh_key_names").deepCopy());
    out.set("tags", spec.has("tags") ? spec.get("tags").deepCopy() : Specs.JSON.createArrayNode());
    if (s == FakeInstance.State.BOOTING) {
      out.putNull("ip");
    }
    return out;
  }

  private static SandboxResponse data(JsonNode payload) {
    ObjectNode out = object();
    out.set("data", payload);
    return json(200, out);
  }

  /** Lambda takes SSH keys by registered name; this fake knows {@code yubikey}. It needs no image. */
  @Override
  public LaunchRequest.Builder sampleLaunch(boolean sshKeys) {
    return LaunchRequest.builder().sshKey("yubikey");
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String code = switch (reason) {
      case "not_found", "object_does_not_exist" -> "global/object-does-not-exist";
      case "unauthorized" -> "global/invalid-api-key";
      case "insufficient_capacity" -> "instance-operations/launch/insufficient-capacity";
      case "conflict" -> "global/duplicate";
      case "rate_limited" -> "global/too-many-requests";
      case "invalid_request", "invalid_parameters" -> "global/invalid-parameters";
      case "unavailable" -> "provider/unavailable";
      default -> "global/internal-error";
    };
    ObjectNode out = object();
    out.putObject("error").put("code", code).put("message", message);
    return json(status, out);
  }
}
