package dev.providerapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import dev.providerapi.model.LaunchRequest;
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

  /** The provider's name, as in its provider.yaml. */
  protected final String name;
  /** The credential this fake accepts (besides those added by {@link #acceptKey(String)}). */
  protected final String apiKey;
  /** The sandbox's clock: instance boot and creation times are read from it. */
  protected final SandboxClock clock;
  /** What the fake holds and saw. */
  protected final FakeState state = new FakeState();
  /** The faults queued for this fake's requests. */
  protected final FaultSchedule faults = new FaultSchedule();
  private final AtomicLong ids = new AtomicLong(1000);
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private volatile Duration bootTime = Duration.ofSeconds(30);
  private final Set<String> extraKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile @Nullable ServerLimits limits;
  private final java.util.concurrent.atomic.AtomicInteger rateLimitedAnswers = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A fake with no instances, no faults and a 30 s boot time.
   *
   * @param name the provider's name, as in its provider.yaml
   * @param apiKey the credential the fake accepts
   * @param clock the sandbox's clock
   */
  protected FakeProvider(String name, String apiKey, SandboxClock clock) {
    this.name = name;
    this.apiKey = apiKey;
    this.clock = clock;
  }

  /**
   * The provider's name.
   *
   * @return the name, as in its provider.yaml
   */
  public String name() {
    return name;
  }

  /**
   * The credential this fake accepts.
   *
   * @return the key given at construction
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Accepts {@code key} as well (a second account of the same tenant): tests that must not share client-side
   * limiter or breaker state between cases give each case its own key.
   *
   * @param key another credential to accept
   * @return this fake
   */
  public FakeProvider acceptKey(String key) {
    extraKeys.add(key);
    return this;
  }

  /**
   * Enforces {@code windows} per credential as the provider does: a request over any window gets the provider's
   * 429 with {@code Retry-After: 1} and is not acted on ({@link #rateLimitedAnswers()} counts them). Each window
   * admits {@code toleranceRequests} more than its burst, the slack a real limiter has for requests that were
   * granted in time by a client but reach the server late (a loaded network or machine); 0 is exact.
   *
   * @param windows the provider's rate-limit windows; empty turns enforcement off
   * @param toleranceRequests the extra requests each window admits, 0 or more
   * @return this fake
   * @throws IllegalArgumentException when {@code toleranceRequests} is negative
   */
  public FakeProvider enforceRateLimits(List<dev.providerapi.descriptor.RateLimitWindow> windows, int toleranceRequests) {
    if (toleranceRequests < 0) {
      throw new IllegalArgumentException("toleranceRequests must be 0 or more, was " + toleranceRequests);
    }
    limits = windows.isEmpty() ? null : new ServerLimits(List.copyOf(windows), toleranceRequests);
    return this;
  }

  /**
   * How many requests this fake answered with 429 because they were over an enforced limit.
   *
   * @return the count since the fake was made
   */
  public int rateLimitedAnswers() {
    return rateLimitedAnswers.get();
  }

  /** The enforced windows, one Bucket4j bucket per credential. */
  private record ServerLimits(List<dev.providerapi.descriptor.RateLimitWindow> windows, int tolerance,
      Map<String, io.github.bucket4j.Bucket> buckets) {
    ServerLimits(List<dev.providerapi.descriptor.RateLimitWindow> windows, int tolerance) {
      this(windows, tolerance, new java.util.concurrent.ConcurrentHashMap<>());
    }

    boolean admit(String key) {
      return buckets.computeIfAbsent(key, k -> {
        io.github.bucket4j.local.LocalBucketBuilder b = io.github.bucket4j.Bucket.builder();
        for (dev.providerapi.descriptor.RateLimitWindow w : windows) {
          long capacity = w.burst() + tolerance;
          b.addLimit(l -> l.capacity(capacity).refillGreedy(w.limit(), w.period()).initialTokens(capacity));
        }
        return b.build();
      }).tryConsume(1);
    }
  }

  /**
   * The credential an authenticated request carried (bearer), or null.
   *
   * @param request the request
   * @return the token after {@code Bearer } in its Authorization header; null when there is none
   */
  protected @Nullable String presentedKey(SandboxRequest request) {
    String auth = request.header("authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
  }

  /**
   * What the fake holds and saw, for assertions.
   *
   * @return the fake's state (live: it changes as requests arrive)
   */
  public FakeState state() {
    return state;
  }

  /**
   * The faults queued for this fake's requests; tests schedule them here.
   *
   * @return the fake's schedule
   */
  public FaultSchedule faults() {
    return faults;
  }

  /**
   * How long a new or started instance boots before it runs (on the sandbox clock; default 30 s).
   *
   * @param bootTime the boot time of instances created or started from now on
   * @return this fake
   */
  public FakeProvider bootTime(Duration bootTime) {
    this.bootTime = bootTime;
    return this;
  }

  /**
   * How long a new or started instance boots before it runs.
   *
   * @return the boot time, on the sandbox clock
   */
  public Duration bootTime() {
    return bootTime;
  }

  /**
   * Preempts a spot (or any) instance now: it reads as preempted/terminated from then on.
   *
   * @param id the fake's instance id
   * @throws IllegalArgumentException when the fake has no instance with that id
   */
  public void preempt(String id) {
    FakeInstance i = state.instance(id).orElseThrow(() -> new IllegalArgumentException(name + ": no instance " + id));
    i.preempt(clock.now());
  }

  /**
   * The environment variables (name -> value) that point this provider's adapter at {@code baseUrl}.
   *
   * @param baseUrl where this fake is served
   * @return the variables, credentials included
   */
  public abstract Map<String, String> environment(String baseUrl);

  /**
   * The path under the fake's mount that the provider's base URL ends in (RunPod's {@code /graphql}).
   *
   * @return the path, empty by default
   */
  protected String basePath() {
    return "";
  }

  /**
   * True when an adapter reaches this fake through a kubeconfig (a Kubernetes API) rather than a key.
   *
   * @return false by default
   */
  protected boolean usesKubeconfig() {
    return false;
  }

  /**
   * The operation a request is (for faults and counts).
   *
   * @param request the request
   * @return its operation
   */
  protected abstract Op classify(SandboxRequest request);

  /**
   * The answer to an authenticated request with no fault (the fake acts here).
   *
   * @param request the request
   * @return the fake's answer
   */
  protected abstract SandboxResponse handle(SandboxRequest request);

  /**
   * An error in the provider's own format. {@code reason} is a short machine word (not_found, conflict ...).
   *
   * @param status the HTTP status
   * @param reason a short machine word
   * @param message the error's text, for people
   * @return the error answer
   */
  protected abstract SandboxResponse error(int status, String reason, String message);

  /**
   * The provider's answer when it has no capacity for a create, in its own error format, worded so its
   * provider.yaml rules read it as CAPACITY_UNAVAILABLE. Fakes of providers with another wording override it.
   *
   * @return by default a 400 {@code insufficient_capacity} error
   */
  protected SandboxResponse capacityError() {
    return error(400, "insufficient_capacity", "sandbox fault NO_CAPACITY: not enough capacity, out of stock");
  }

  /**
   * A launch this fake accepts for any of its offers (an image it knows, an SSH key in the form it takes when
   * {@code sshKeys} is true): the caller adds the offer id and the client token.
   *
   * @param sshKeys whether to add an SSH key
   * @return a new builder with the image (and key) set
   */
  public LaunchRequest.Builder sampleLaunch(boolean sshKeys) {
    LaunchRequest.Builder b = LaunchRequest.builder()
        .image("pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime");
    return sshKeys ? b.sshKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host") : b;
  }

  /**
   * JSON field names whose values are status enums (for {@link FaultKind#UNKNOWN_ENUM}).
   *
   * @return the field names
   */
  protected abstract Set<String> statusFields();

  /**
   * Whether the request carries this fake's credential; bearer by default.
   *
   * @param request the request
   * @return true when it carries the fake's key or one added by {@link #acceptKey(String)}
   */
  protected boolean authorized(SandboxRequest request) {
    String key = presentedKey(request);
    return key != null && (key.equals(apiKey) || extraKeys.contains(key));
  }

  /**
   * A new numeric id, unique within this fake.
   *
   * @return the next number from 1001 on, as text
   */
  protected String newId() {
    return Long.toString(ids.incrementAndGet());
  }

  /**
   * A new random id of 32 hex digits.
   *
   * @return a random UUID without dashes
   */
  protected String newHexId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Stores a new instance booting from now.
   *
   * @param id the fake's id for it
   * @param token the caller's tag; null when the request had none
   * @param displayName the instance's name
   * @param spec the create request as received
   * @param spot whether it is on the spot market
   * @return the stored instance
   */
  protected FakeInstance store(String id, @Nullable String token, String displayName, ObjectNode spec, boolean spot) {
    FakeInstance i = new FakeInstance(id, token, displayName, spec, clock.now(), bootTime, spot);
    state.add(i);
    return i;
  }

  /**
   * The schema violations of {@code body}, recorded as refused; the provider's 400 when there are any.
   *
   * @param schema the request body's schema from the spec
   * @param body the request body
   * @param what what the body is, to start the message (such as the operation)
   * @return the 400 naming every violation; null when the body is valid
   */
  protected @Nullable SandboxResponse validate(JsonSchema schema, JsonNode body, String what) {
    List<String> violations = Specs.violations(schema, body);
    if (violations.isEmpty()) {
      return null;
    }
    String message = what + ": " + String.join("; ", violations);
    state.recordRefused(message);
    return error(400, "invalid_request", message);
  }

  /**
   * The request's body as JSON.
   *
   * @param request the request
   * @return the body; null when it is empty or not JSON
   */
  protected @Nullable JsonNode parse(SandboxRequest request) {
    try {
      return request.body().length == 0 ? null : Specs.JSON.readTree(request.body());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * An error in the provider's own format, recorded as refused in the state.
   *
   * @param status the HTTP status
   * @param reason a short machine word
   * @param message the error's text, recorded and sent
   * @return the error answer
   */
  protected SandboxResponse refuse(int status, String reason, String message) {
    state.recordRefused(message);
    return error(status, reason, message);
  }

  /**
   * A JSON answer.
   *
   * @param status the HTTP status
   * @param body the body
   * @return the answer with {@code Content-Type: application/json}
   */
  protected static SandboxResponse json(int status, JsonNode body) {
    try {
      return SandboxResponse.json(status, Specs.JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A new empty JSON object.
   *
   * @return the object
   */
  protected static ObjectNode object() {
    return Specs.JSON.createObjectNode();
  }

  /** Serves one request: auth, then the scheduled fault (if any) around the fake's own answer. */
  final void serve(SandboxRequest request, LoopbackServer.Connection connection) throws IOException {
    inFlight.incrementAndGet();
    try {
      serveCounted(request, connection);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * Requests being served right now (a stalled or delayed one included).
   *
   * @return how many
   */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Waits until no request is being served (at most {@code max}): a delayed create that completes after its
   * caller gave up is then in the state before anyone asserts on it. True when quiet.
   *
   * @param max how long to wait at most
   * @return true when no request is being served; false when {@code max} passed first
   */
  public boolean awaitQuiet(Duration max) {
    long end = System.nanoTime() + max.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < end) {
      sleep(Duration.ofMillis(20));
    }
    return inFlight.get() == 0;
  }

  private void serveCounted(SandboxRequest request, LoopbackServer.Connection connection) throws IOException {
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
        case NO_CAPACITY -> {
          connection.send(capacityError());
          return;
        }
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
    ServerLimits enforced = limits;
    String key = presentedKey(request);
    if (enforced != null && !enforced.admit(key == null ? "" : key)) {
      rateLimitedAnswers.incrementAndGet();
      connection.send(error(429, "rate_limited", "sandbox: over the rate limit").withHeader("Retry-After", "1"));
      return;
    }
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
      case HUGE_BODY -> connection.send(huge(response));
      case UNKNOWN_FIELDS -> connection.send(mutate(response, FakeProvider::addUnknownFields));
      case UNKNOWN_ENUM -> connection.send(mutate(response, this::replaceStatuses));
      case ERRORS_WITH_DATA -> connection.send(mutate(response, tree -> {
        if (tree instanceof ObjectNode o) {
          o.putArray("errors").addObject().put("message", "sandbox fault: something went wrong after the change")
              .putObject("extensions").put("code", "INTERNAL_SERVER_ERROR");
        }
      }));
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

  /** The real body with one 20 MiB string field spliced in after its opening brace. */
  private static SandboxResponse huge(SandboxResponse response) {
    byte[] body = response.body();
    int brace = 0;
    while (brace < body.length && body[brace] != '{') {
      brace++;
    }
    if (brace == body.length) {
      return response;
    }
    byte[] head = "\"sandbox_padding\":\"".getBytes(StandardCharsets.UTF_8);
    boolean empty = body.length > brace + 1 && new String(body, brace + 1, body.length - brace - 1,
        StandardCharsets.UTF_8).strip().startsWith("}");
    byte[] tail = (empty ? "\"" : "\",").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + head.length + HUGE_STRING_CHARS + tail.length];
    System.arraycopy(body, 0, out, 0, brace + 1);
    int at = brace + 1;
    System.arraycopy(head, 0, out, at, head.length);
    at += head.length;
    java.util.Arrays.fill(out, at, at + HUGE_STRING_CHARS, (byte) 'x');
    at += HUGE_STRING_CHARS;
    System.arraycopy(tail, 0, out, at, tail.length);
    at += tail.length;
    System.arraycopy(body, brace + 1, out, at, body.length - brace - 1);
    return response.withBody(response.status(), out);
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
