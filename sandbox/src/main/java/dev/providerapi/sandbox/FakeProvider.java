package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One provider's fake API: routing, auth, validation against the spec and state live in the subclass; the fault
 * schedule is applied here, the same way for every provider.
 */
public abstract class FakeProvider {
  private static final Logger LOG = LoggerFactory.getLogger(FakeProvider.class);
  /** 20 MiB: one JSON string over Jackson's default 20,000,000-character limit. */
  static final int HUGE_STRING_CHARS = 20 * 1024 * 1024;

  protected final String name;
  protected final String apiKey;
  protected final SandboxClock clock;
  protected final FakeState state = new FakeState();
  protected final FaultSchedule faults = new FaultSchedule();
  private final AtomicLong ids = new AtomicLong(1000);
  private volatile Duration bootTime = Duration.ofSeconds(30);

  protected FakeProvider(String name, String apiKey, SandboxClock clock) {
    this.name = name;
    this.apiKey = apiKey;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /** The credential this fake accepts. */
  public String apiKey() {
    return apiKey;
  }

  public FakeState state() {
    return state;
  }

  public FaultSchedule faults() {
    return faults;
  }

  /** How long a new or started instance boots before it runs (on the sandbox clock; default 30 s). */
  public FakeProvider bootTime(Duration bootTime) {
    this.bootTime = bootTime;
    return this;
  }

  public Duration bootTime() {
    return bootTime;
  }

  /** Preempts a spot (or any) instance now: it reads as preempted/terminated from then on. */
  public void preempt(String id) {
    FakeInstance i = state.instance(id).orElseThrow(() -> new IllegalArgumentException(name + ": no instance " + id));
    i.preempt(clock.now());
  }

  /** The environment variables (name -> value) that point this provider's adapter at {@code baseUrl}. */
  public abstract Map<String, String> environment(String baseUrl);

  /** The operation a request is (for faults and counts). */
  protected abstract Op classify(SandboxRequest request);

  /** The answer to an authenticated request with no fault (the fake acts here). */
  protected abstract SandboxResponse handle(SandboxRequest request);

  /** An error in the provider's own format. {@code reason} is a short machine word (not_found, conflict ...). */
  protected abstract SandboxResponse error(int status, String reason, String message);

  /** JSON field names whose values are status enums (for {@link FaultKind#UNKNOWN_ENUM}). */
  protected abstract Set<String> statusFields();

  /** Whether the request carries this fake's credential; bearer by default. */
  protected boolean authorized(SandboxRequest request) {
    String auth = request.header("authorization");
    return auth != null && auth.equals("Bearer " + apiKey);
  }

  protected String newId() {
    return Long.toString(ids.incrementAndGet());
  }

  protected String newHexId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Stores a new instance booting from now. */
  protected FakeInstance store(String id, @Nullable String token, String displayName, ObjectNode spec, boolean spot) {
    FakeInstance i = new FakeInstance(id, token, displayName, spec, clock.now(), bootTime, spot);
    state.add(i);
    return i;
  }

  /** The schema violations of {@code body}, recorded as refused; the provider's 400 when there are any. */
  protected @Nullable SandboxResponse validate(JsonSchema schema, JsonNode body, String what) {
    List<String> violations = Specs.violations(schema, body);
    if (violations.isEmpty()) {
      return null;
    }
    String message = what + ": " + String.join("; ", violations);
    state.recordRefused(message);
    return error(400, "invalid_request", message);
  }

  protected @Nullable JsonNode parse(SandboxRequest request) {
    try {
      return request.body().length == 0 ? null : Specs.JSON.readTree(request.body());
    } catch (IOException e) {
      return null;
    }
  }

  protected SandboxResponse refuse(int status, String reason, String message) {
    state.recordRefused(message);
    return error(status, reason, message);
  }

  protected static SandboxResponse json(int status, JsonNode body) {
    try {
      return SandboxResponse.json(status, Specs.JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static ObjectNode object() {
    return Specs.JSON.createObjectNode();
  }

  /** Serves one request: auth, then the scheduled fault (if any) around the fake's own answer. */
  final void serve(SandboxRequest request, LoopbackServer.Connection connection) throws IOException {
    Op op = classify(request);
    state.recordRequest(op, request.method(), request.path());
    FaultKind fault = faults.take(op, request.method(), request.path());
    LOG.debug("sandbox {}: {} {} -> {}{}", name, request.method(), request.path(), op,
        fault == null ? "" : " with fault " + fault);
    if (fault != null && fault.phase() == FaultKind.Phase.BEFORE) {
      switch (fault) {
        case CLOSE_BEFORE_ANSWER -> {
          connection.close();
          return;
        }
        case RESET_BEFORE_ANSWER -> {
          connection.reset();
          return;
        }
        case DELAY -> sleep(faults.delay());
        case STATUS_502_HTML -> {
          connection.send(SandboxResponse.html(502, "<html><head><title>502 Bad Gateway</title></head>"
              + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"));
          return;
        }
        default -> {
          SandboxResponse r = error(fault.status(), reasonOf(fault.status()), "sandbox fault " + fault);
          connection.send(fault.retryAfter() ? r.withHeader("Retry-After", "1") : r);
          return;
        }
      }
    }
    SandboxResponse response;
    if (!authorized(request)) {
      response = error(401, "unauthorized", "sandbox: missing or wrong API key");
    } else {
      synchronized (this) {
        response = handle(request);
      }
    }
    if (fault == null || fault.phase() == FaultKind.Phase.BEFORE) {
      connection.send(response);
      return;
    }
    switch (fault) {
      case CLOSE_AFTER_ACTION -> connection.close();
      case CREATED_DESPITE_ERROR -> connection.send(error(500, reasonOf(500), "sandbox fault " + fault));
      case STALL_MID_BODY -> {
        connection.sendPartial(response, Math.max(1, response.body().length / 2));
        sleep(faults.stall());
        connection.close();
      }
      case TRUNCATED_BODY -> {
        connection.sendPartial(response, Math.max(1, response.body().length / 2));
        connection.close();
      }
      case EMPTY_BODY -> connection.send(response.withBody(200, new byte[0]));
      case EMPTY_OBJECT -> connection.send(response.withBody(200, "{}".getBytes(StandardCharsets.UTF_8)));
      case HTML_BODY -> connection.send(SandboxResponse.html(200,
          "<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>"));
      case HUGE_BODY -> connection.send(mutate(response, this::addHuge));
      case UNKNOWN_FIELDS -> connection.send(mutate(response, FakeProvider::addUnknownFields));
      case UNKNOWN_ENUM -> connection.send(mutate(response, this::replaceStatuses));
      default -> throw new IllegalStateException("unhandled fault " + fault);
    }
  }

  private static String reasonOf(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 429 -> "rate_limited";
      case 503 -> "unavailable";
      default -> "internal";
    };
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static SandboxResponse mutate(SandboxResponse response, java.util.function.Consumer<JsonNode> change) {
    try {
      JsonNode tree = response.body().length == 0 ? object() : Specs.JSON.readTree(response.body());
      change.accept(tree);
      return response.withBody(response.status(), Specs.JSON.writeValueAsBytes(tree));
    } catch (IOException e) {
      return response;
    }
  }

  private void addHuge(JsonNode tree) {
    if (tree instanceof ObjectNode o) {
      o.put("sandbox_padding", "x".repeat(HUGE_STRING_CHARS));
    }
  }

  private static void addUnknownFields(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<JsonNode> children = new java.util.ArrayList<>();
      o.elements().forEachRemaining(children::add);
      children.forEach(FakeProvider::addUnknownFields);
      o.putObject("sandbox_unknown_field").put("nested", 1).putArray("list").add("x");
    } else if (node instanceof ArrayNode a) {
      a.forEach(FakeProvider::addUnknownFields);
    }
  }

  private void replaceStatuses(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (statusFields().contains(e.getKey()) && e.getValue().isTextual()) {
          e.setValue(TextNode.valueOf("sandbox_unknown_status"));
        } else {
          replaceStatuses(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode a) {
      a.forEach(this::replaceStatuses);
    }
  }
}
