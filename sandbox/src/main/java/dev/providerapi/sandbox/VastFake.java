package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vast.ai: offers ({@code POST /api/v0/bundles/}) from the fixture, create by ask id ({@code PUT /api/v0/asks/{id}/},
 * token = {@code label}), show/manage/destroy ({@code /api/v0/instances/{id}/}), keyset pages of at most 25
 * ({@code /api/v1/instances/}, {@code after_token} / {@code next_token}, {@code select_filters} on label) and
 * charges; errors are {@code {"success":false,"error","msg"}}.
 */
final class VastFake extends FakeProvider {
  private static final String P = "vast";
  private static final int PAGE = 25;
  private final JsonNode offers = Specs.fixture(P, "searchOffers.response.json");

  VastFake(String apiKey, SandboxClock clock) {
    super(P, apiKey, clock);
  }

  @Override
  public Map<String, String> environment(String baseUrl) {
    return Map.of("VAST_API_KEY", apiKey);
  }

  @Override
  protected Set<String> statusFields() {
    return Set.of("actual_status", "cur_state", "intended_status", "next_state");
  }

  @Override
  protected Op classify(SandboxRequest r) {
    String p = r.path();
    if (p.equals("/api/v0/bundles/")) {
      return Op.OFFERS;
    }
    if (p.startsWith("/api/v0/asks/") && r.method().equals("PUT")) {
      return Op.CREATE;
    }
    if (p.equals("/api/v1/instances/")) {
      return Op.LIST;
    }
    if (p.equals("/api/v0/charges/")) {
      return Op.BILLING;
    }
    if (p.startsWith("/api/v0/instances/")) {
      return switch (r.method()) {
        case "GET" -> Op.GET;
        case "DELETE" -> Op.TERMINATE;
        case "PUT" -> r.bodyText().contains("\"running\"") ? Op.START : Op.STOP;
        default -> Op.OTHER;
      };
    }
    return Op.OTHER;
  }

  @Override
  protected SandboxResponse handle(SandboxRequest r) {
    Op op = classify(r);
    switch (op) {
      case OFFERS: {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_args", "body is not JSON")
            : validate(Specs.requestBody(P, "POST", "/api/v0/bundles/"), body, "searchOffers");
        return invalid != null ? invalid : json(200, offers);
      }
      case CREATE:
        return create(r);
      case LIST:
        return list(r);
      case BILLING:
        return charges();
      case GET: {
        FakeInstance i = find(r);
        if (i == null) {
          return error(404, "not_found", "Instance not found");
        }
        ObjectNode out = object();
        out.set("instances", render(i));
        return json(200, out);
      }
      case TERMINATE: {
        FakeInstance i = find(r);
        if (i == null) {
          return error(404, "not_found", "Instance not found");
        }
        i.terminate(clock.now());
        return json(200, object().put("success", true).put("msg", "Instance destroyed successfully"));
      }
      case START:
      case STOP: {
        JsonNode body = parse(r);
        SandboxResponse invalid = body == null ? refuse(400, "invalid_args", "body is not JSON")
            : validate(Specs.requestBody(P, "PUT", "/api/v0/instances/{id}/"), body, "manageInstance");
        if (invalid != null) {
          return invalid;
        }
        FakeInstance i = find(r);
        if (i == null) {
          return error(404, "not_found", "Instance not found");
        }
        if (op == Op.STOP) {
          i.stop();
        } else {
          i.start(clock.now(), bootTime());
        }
        return json(200, object().put("success", true));
      }
      default:
        return error(404, "not_found", "No route " + r.method() + " " + r.path());
    }
  }

  private FakeInstance find(SandboxRequest r) {
    String id = r.path().substring("/api/v0/instances/".length()).replace("/", "");
    return state.instance(id).filter(FakeInstance::live).orElse(null);
  }

  private SandboxResponse create(SandboxRequest r) {
    JsonNode body = parse(r);
    if (body == null) {
      return refuse(400, "invalid_args", "body is not JSON");
    }
    SandboxResponse invalid = validate(Specs.requestBody(P, "PUT", "/api/v0/asks/{id}/"), body, "createInstance");
    if (invalid != null) {
      return invalid;
    }
    String ask = r.path().substring("/api/v0/asks/".length()).replace("/", "");
    JsonNode offer = null;
    for (JsonNode o : offers.path("offers")) {
      if (o.path("id").asText().equals(ask)) {
        offer = o;
      }
    }
    if (offer == null) {
      return refuse(404, "no_such_ask", "error 404/3603: no_such_ask Instance type by id " + ask + " is not available.");
    }
    ObjectNode spec = ((ObjectNode) body).deepCopy();
    spec.set("offer", offer);
    String label = body.path("label").asText(null);
    FakeInstance i = store(newId(), label, label == null ? "" : label, spec, body.hasNonNull("price"));
    return json(200, object().put("success", true).put("new_contract", Long.parseLong(i.id())));
  }

  private SandboxResponse list(SandboxRequest r) {
    int limit = r.queryParam("limit") == null ? PAGE : Integer.parseInt(r.queryParam("limit"));
    if (limit > PAGE || limit < 1) {
      return refuse(400, "invalid_request", "limit must be 1.." + PAGE);
    }
    String label = null;
    if (r.queryParam("select_filters") != null) {
      try {
        JsonNode filters = Specs.JSON.readTree(r.queryParam("select_filters"));
        label = filters.path("label").path("eq").asText(null);
      } catch (IOException e) {
        return refuse(400, "invalid_request", "select_filters is not JSON");
      }
    }
    String after = r.queryParam("after_token");
    final String wanted = label;
    List<FakeInstance> all = state.live().stream().filter(i -> wanted == null || wanted.equals(i.token())).toList();
    int start = 0;
    if (after != null) {
      start = -1;
      for (int k = 0; k < all.size(); k++) {
        if (all.get(k).id().equals(after)) {
          start = k + 1;
        }
      }
      if (start < 0) {
        return refuse(400, "invalid_token", "after_token " + after + " is not a page token");
      }
    }
    ArrayNode items = Specs.JSON.createArrayNode();
    int end = Math.min(all.size(), start + limit);
    for (int k = start; k < end; k++) {
      items.add(render(all.get(k)));
    }
    ObjectNode out = object().put("success", true).put("instances_found", items.size()).put("total_instances", all.size());
    if (end < all.size()) {
      out.put("next_token", all.get(end - 1).id());
    } else {
      out.putNull("next_token");
    }
    out.set("instances", items);
    return json(200, out);
  }

  private SandboxResponse charges() {
    ArrayNode results = Specs.JSON.createArrayNode();
    for (FakeInstance i : state.instances()) {
      double dph = i.spec().path("offer").path("dph_total").asDouble();
      ObjectNode c = results.addObject();
      c.put("start", i.createdAt().getEpochSecond());
      c.put("end", clock.now().getEpochSecond());
      c.put("type", "instance");
      c.put("source", "instance-" + i.id());
      c.put("description", "Instance " + i.id() + " Charges");
      c.put("amount", Math.round(dph * i.billedSeconds(clock.now()) / 3.6) / 1000.0);
      c.putObject("metadata").put("label", i.token());
      c.putArray("items");
    }
    ObjectNode out = object().put("success", true).put("count", results.size()).put("total", results.size());
    out.putNull("next_token");
    out.set("results", results);
    return json(200, out);
  }

  private ObjectNode render(FakeInstance i) {
    ObjectNode out = (ObjectNode) Specs.fixture(P, "showInstance.response.json").get("instances");
    JsonNode offer = i.spec().path("offer");
    out.put("id", Long.parseLong(i.id()));
    if (i.token() == null) {
      out.putNull("label");
    } else {
      out.put("label", i.token());
    }
    String s = switch (i.state(clock.now())) {
      case BOOTING -> "loading";
      case RUNNING -> "running";
      case STOPPING, STOPPED, PREEMPTED -> "exited";
      case TERMINATED -> "offline";
    };
    out.put("actual_status", s);
    out.put("cur_state", s.equals("loading") ? "running" : s.equals("exited") ? "stopped" : s);
    out.put("intended_status", i.state() == FakeInstance.State.STOPPED ? "stopped" : "running");
    out.put("next_state", out.get("intended_status").asText());
    out.put("image_uuid", i.spec().path("image").asText());
    out.put("is_bid", i.spot());
    out.put("start_date", i.createdAt().getEpochSecond());
    for (String f : List.of("gpu_name", "num_gpus", "dph_total", "dph_base", "machine_id", "host_id", "geolocation")) {
      if (offer.has(f)) {
        out.set(f, offer.get(f));
      }
    }
    return out;
  }

  /** Vast's answer when the ask is gone: 404 with {@code no_such_ask} (its provider.yaml reads it as capacity). */
  @Override
  protected SandboxResponse capacityError() {
    return error(404, "no_such_ask", "error 404/3603: no_such_ask Instance type is no longer available.");
  }

  @Override
  protected SandboxResponse error(int status, String reason, String message) {
    String code = switch (reason) {
      case "unauthorized" -> "auth_error";
      case "rate_limited" -> "rate_limit_exceeded";
      case "invalid_request" -> "invalid_request";
      default -> reason;
    };
    return json(status, object().put("success", false).put("error", code).put("msg", message));
  }
}
