package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paperspace v1: availability, OS templates and startup scripts, {@code POST /machines} (token = the name)
 * answered with an event and the machine, get, cursor pages ({@code after}/{@code limit} -> {@code hasMore}/
 * {@code nextPage}), start/stop/restart (PATCH), delete; errors are {@code {"message","code"}}.
 */
final class PaperspaceFake extends FakeProvider {
  private static final String P = "paperspace";
  private final ArrayNode scripts = (ArrayNode) Specs.fixture(P, "listStartupScripts.response.json").path("items");

  PaperspaceFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("PAPERSPACE_API_KEY", apiKey);
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("state");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    if (p.equals("/machine-availability")) {
      return Op.OFFERS;
    }
    if (p.equals("/machines")) {
      return r.method().equals("POST") ? Op.CREATE : Op.LIST;
    }
    if (p.startsWith("/machines/")) {
      if (p.endsWith("/start")) {
        return Op.START;
      }
      if (p.endsWith("/stop")) {
        return Op.STOP;
      }
      if (p.endsWith("/restart")) {
        return Op.RESTART;
      }
      return r.method().equals("DELETE") ? Op.TERMINATE : Op.GET;
    }
    return Op.OTHER;
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    Op op = classify(r);
    switch (op) {
      case OFFERS:
        return json(200, Specs.fixture(P, "getMachineAvailability.response.json"));
      case CREATE: {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
            : validate(Specs.requestBody(P, "POST", "/machines"), body, "createMachine");
        if (invalid != null) {
          return invalid;
        }
        String name = body.path("name").asText();
        FakeInstance i = store("ps" + newHexId().substring(0, 7), name, name, (ObjectNode) body, false);
        return json(200, operation("create", i));
      }
      case LIST:
        return list(r);
      case GET: {
        FakeInstance i = find(r.path());
        return i == null ? error(404, "not_found", "Machine not found") : json(200, render(i));
      }
      case TERMINATE:
      case START:
      case STOP:
      case RESTART: {
        String path = op == Op.TERMINATE ? r.path() : r.path().substring(0, r.path().lastIndexOf('/'));
        FakeInstance i = find(path);
        if (i == null) {
          return error(404, "not_found", "Machine not found");
        }
        switch (op) {
          case TERMINATE -> i.terminate(clock.now());
          case STOP -> i.stop();
          default -> i.start(clock.now(), bootTime());
        }
        return json(200, operation(op == Op.TERMINATE ? "deactivate" : op.name().toLowerCase(), i));
      }
      default:
        return other(r);
    }
  }

  private SandboxResponse other(SandboxRequest r) {
    String p = r.path();
    if (p.equals("/os-templates")) {
      return json(200, Specs.fixture(P, "listOsTemplates.response.json"));
    }
    if (p.startsWith("/machine-events/")) {
      ObjectNode event = (ObjectNode) Specs.fixture(P, "getMachineEvent.response.json");
      event.put("id", p.substring("/machine-events/".length()));
      String machine = event.path("id").asText().replace("ev-", "");
      event.put("machineId", machine);
      return json(200, event);
    }
    if (p.equals("/startup-scripts") && r.method().equals("GET")) {
      ObjectNode out = object().put("hasMore", false);
      out.putNull("nextPage");
      out.set("items", scripts);
      return json(200, out);
    }
    if (p.equals("/startup-scripts") && r.method().equals("POST")) {
      JsonNode body = parse(r);
      SandboxResponse invalid = body == null ? refuse(400, "invalid_request", "body is not JSON")
          : validate(Specs.requestBody(P, "POST", "/startup-scripts"), body, "createStartupScript");
      if (invalid != null) {
        return invalid;
      }
      ObjectNode script = (ObjectNode) Specs.fixture(P, "createStartupScript.response.json");
      script.put("id", "scr" + newHexId().substring(0, 6));
      script.put("name", body.path("name").asText());
      scripts.add(script);
      return json(200, script);
    }
    return error(404, "not_found", "No route " + r.method() + " " + p);
  }

  private SandboxResponse list(SandboxRequest r) {
    int limit = r.queryParam("limit") == null ? 20 : Integer.parseInt(r.queryParam("limit"));
    if (limit < 1 || limit > 120) {
      return refuse(400, "invalid_request", "limit must be 1..120");
    }
    String name = r.queryParam("name");
    List<FakeInstance> all = state.live().stream().filter(i -> name == null || name.equals(i.name())).toList();
    int start = 0;
    String after = r.queryParam("after");
    if (after != null) {
      start = -1;
      for (int k = 0; k < all.size(); k++) {
        if (all.get(k).id().equals(after)) {
          start = k + 1;
        }
      }
      if (start < 0) {
        return refuse(400, "invalid_request", "after " + after + " is not a cursor");
      }
    }
    int end = Math.min(all.size(), start + limit);
    ObjectNode out = object().put("hasMore", end < all.size());
    if (end < all.size()) {
      out.put("nextPage", all.get(end - 1).id());
    } else {
      out.putNull("nextPage");
    }
    ArrayNode items = out.putArray("items");
    for (int k = start; k < end; k++) {
      items.add(render(all.get(k)));
    }
    return json(200, out);
  }

  private FakeInstance find(String path) {
    return state.instance(path.substring("/machines/".length())).filter(FakeInstance::live).orElse(null);
  }

  private ObjectNode operation(String name, FakeInstance i) {
    ObjectNode out = object();
    ObjectNode event = out.putObject("event").put("id", "ev-" + i.id()).put("name", name).put("state", "new")
        .put("machineId", i.id()).put("dtCreated", clock.now().toString());
    event.putNull("dtStarted");
    event.putNull("dtFinished");
    event.putNull("error");
    out.set("data", render(i));
    return out;
  }

  private ObjectNode render(FakeInstance i) {
    ObjectNode out = (ObjectNode) Specs.fixture(P, "getMachine.response.json");
    out.put("id", i.id());
    out.put("name", i.name());
    out.put("state", switch (i.state(clock.now())) {
      case BOOTING -> "provisioning";
      case RUNNING -> "ready";
      case STOPPING -> "stopping";
      case STOPPED, TERMINATED, PREEMPTED -> "off";
    });
    out.put("machineType", i.spec().path("machineType").asText());
    out.put("region", i.spec().path("region").asText());
    out.put("dtCreated", i.createdAt().toString());
    return out;
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String code = switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHORIZED";
      case 404 -> "NOT_FOUND";
      case 409 -> "CONFLICT";
      case 429 -> "TOO_MANY_REQUESTS";
      default -> "INTERNAL_SERVER_ERROR";
    };
    return json(status, object().put("message", message).put("code", code));
  }
}
