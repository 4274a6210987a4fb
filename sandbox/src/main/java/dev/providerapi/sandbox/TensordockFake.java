package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.model.LaunchRequest;
import java.util.Map;
import java.util.Set;

/**
 * TensorDock v2: locations and hostnodes from the fixtures, {@code POST /instances} (JSON:API body, token = the
 * name), get, list (one unpaginated list), start/stop, delete; errors are {@code {"error","status"}}.
 */
final class TensordockFake extends FakeProvider {
  private static final String P = "tensordock";

  TensordockFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("TENSORDOCK_API_TOKEN", apiKey);
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("status");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    String m = r.method();
    if (p.equals("/locations")) {
      return Op.OFFERS;
    }
    if (p.equals("/instances")) {
      return m.equals("POST") ? Op.CREATE : Op.LIST;
    }
    if (p.startsWith("/instances/")) {
      if (p.endsWith("/start")) {
        return Op.START;
      }
      if (p.endsWith("/stop")) {
        return Op.STOP;
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
        return json(200, Specs.fixture(P, "listLocations.response.json"));
      case CREATE: {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
            : validate(Specs.requestBody(P, "POST", "/instances"), body, "createInstance");
        if (invalid != null) {
          return invalid;
        }
        String name = body.path("data").path("attributes").path("name").asText();
        FakeInstance i = store(java.util.UUID.randomUUID().toString(), name, name, (ObjectNode) body, false);
        ObjectNode out = object();
        out.putObject("data").put("type", "virtualmachine").put("id", i.id()).put("name", name).put("status", "starting");
        return json(200, out);
      }
      case LIST: {
        ObjectNode out = object();
        ArrayNode list = out.putObject("data").putArray("instances");
        for (FakeInstance i : state.live()) {
          ObjectNode e = list.addObject().put("type", "virtualmachine").put("id", i.id());
          e.putObject("attributes").put("name", i.name()).put("status", status(i));
        }
        return json(200, out);
      }
      case GET: {
        FakeInstance i = find(r.path());
        return i == null ? error(404, "not_found", "Instance not found") : json(200, render(i));
      }
      case TERMINATE: {
        FakeInstance i = find(r.path());
        if (i == null) {
          return error(404, "not_found", "Instance not found");
        }
        i.terminate(clock.now());
        return json(200, Specs.fixture(P, "deleteInstance.response.json"));
      }
      case START:
      case STOP: {
        FakeInstance i = find(r.path().substring(0, r.path().lastIndexOf('/')));
        if (i == null) {
          return error(404, "not_found", "Instance not found");
        }
        if (op == Op.STOP) {
          i.stop();
        } else {
          i.start(clock.now(), bootTime());
        }
        ObjectNode out = object();
        out.putObject("data").put("type", "instance").put("id", i.id()).putObject("attributes")
            .put("status", op == Op.STOP ? "stopping" : "starting");
        return json(200, out);
      }
      default:
        if (r.path().equals("/hostnodes")) {
          return json(200, Specs.fixture(P, "listHostnodes.response.json"));
        }
        return error(404, "not_found", "No route " + r.method() + " " + r.path());
    }
  }

  private FakeInstance find(String path) {
    return state.instance(path.substring("/instances/".length())).filter(FakeInstance::live).orElse(null);
  }

  private String status(FakeInstance i) {
    return switch (i.state(clock.now())) {
      case BOOTING -> "starting";
      case RUNNING -> "running";
      case STOPPING, STOPPED -> "stopped";
      case TERMINATED, PREEMPTED -> "deleted";
    };
  }

  private ObjectNode render(FakeInstance i) {
    ObjectNode out = (ObjectNode) Specs.fixture(P, "getInstance.response.json");
    JsonNode attrs = i.spec().path("data").path("attributes");
    out.put("id", i.id());
    out.put("name", i.name());
    out.put("status", status(i));
    if (attrs.has("resources")) {
      out.set("resources", attrs.get("resources").deepCopy());
    }
    return out;
  }

  /** A TensorDock OS image (it runs VMs, not containers). */
  @Override
  public LaunchRequest.Builder sampleLaunch(boolean sshKeys) {
    return super.sampleLaunch(sshKeys).image("ubuntu2404");
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    return json(status, object().put("error", message).put("status", status));
  }
}
