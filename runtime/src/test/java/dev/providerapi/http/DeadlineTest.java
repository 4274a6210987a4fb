package dev.providerapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.UnexpectedResponseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call deadline bounds attempts, backoff, rate-limit waits and body reads; bodies are capped in size. */
class DeadlineTest {
  static final Operation GET = new Operation("getThing", "GET", "/v1/things/{id}", true, null);
  static final Operation CREATE = new Operation("createThing", "POST", "/v1/things", false, null);

  record Thing(String id, String note) {}

  MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ProviderConfig.Builder config() {
    return ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString()).rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(150));
  }

  ApiClient client(ProviderConfig config) {
    return client(ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid").auth(AuthSpec.none()).build(),
        config);
  }

  ApiClient client(ProviderDescriptor d, ProviderConfig config) {
    return ApiClient.builder(d, config).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static ApiRequest id(Object id) {
    return ApiRequest.builder().path("id", id).build();
  }

  static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void retriesStopWhenTheNextDelayWouldEndPastTheCallDeadline() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(json(503, "{\"error\":\"busy\"}"));
    }
    ApiClient c = client(config().maxAttempts(50).callTimeout(Duration.ofMillis(1000)).build());
    long start = System.nanoTime();
    DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
        () -> c.execute(GET, id(1), Thing.class));
    Duration took = since(start);
    assertThat(e.getMessage()).startsWith("acme getThing: HTTP 503")
        .contains("call deadline of 1000 ms leaves no time for another attempt after ");
    assertThat(e.getCause()).isInstanceOf(ProviderUnavailableException.class);
    assertThat(e.sent()).isTrue();
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.budget()).isEqualTo(Duration.ofMillis(1000));
    // without the deadline 50 attempts with growing backoff take minutes; the slack is for a loaded machine
    assertThat(took).isLessThan(Duration.ofMillis(3000));
    assertThat(server.getRequestCount()).isBetween(2, 12);
  }

  @Test
  void aStalledBodyEndsAtTheCallDeadlineWhenThatComesBeforeTheRequestTimeout() {
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(64) + "\"}").newBuilder()
        .throttleBody(4, 1, TimeUnit.SECONDS).build());
    ApiClient c = client(config().requestTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofMillis(400)).build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.execute(CREATE, ApiRequest.builder().body(Map.of("n", 1)).build(), Thing.class))
        .isInstanceOf(DeadlineExceededException.class)
        .hasMessage("acme createThing: no response call deadline of 400 ms reached while waiting for the response"
            + " (headers and body); the request may have been applied");
    assertThat(since(start)).as("the body alone takes 17 s").isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void callsThatRunOutOfTheirOwnDeadlineDoNotOpenTheBreakerForTheAccount() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"id\":\"slow\"}").newBuilder().headersDelay(1, TimeUnit.SECONDS).build());
    }
    server.enqueue(json(200, "{\"id\":\"t-1\",\"note\":\"ok\"}"));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid").auth(AuthSpec.none())
        .build();
    ApiClient c = ApiClient.builder(d, config().maxAttempts(1).callTimeout(Duration.ofMillis(200)).build())
        .circuitBreaker(2, Duration.ofSeconds(30)).build();
    for (int i = 0; i < 3; i++) {
      assertThat(catchThrowableOfType(DeadlineExceededException.class, () -> c.execute(GET, id("t-1"), Thing.class))
          .sent()).isTrue();
    }
    // Three tight budgets ran out, threshold 2: the provider did not fail, so the next call is still sent.
    assertThat(c.execute(GET, id("t-1"), Thing.class).note()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void anEnclosingDeadlineBoundsEveryCallInside() {
    server.enqueue(json(200, "{\"id\":\"a\"}"));
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(64) + "\"}").newBuilder()
        .throttleBody(4, 1, TimeUnit.SECONDS).build());
    ApiClient c = client(config().requestTimeout(Duration.ofSeconds(30)).build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> Deadline.within(Duration.ofMillis(500), () -> {
      assertThat(c.execute(GET, id(1), Thing.class).id()).isEqualTo("a");
      return c.execute(GET, id(2), Thing.class);
    })).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("call deadline of 500 ms reached");
    assertThat(since(start)).isLessThan(Duration.ofSeconds(2));
    assertThat(Deadline.current()).isEmpty();
  }

  @Test
  void aCallWhoseDeadlineHasPassedIsNotSent() {
    ApiClient c = client(config().build());
    Deadline gone = Deadline.after(Duration.ZERO);
    DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
        () -> Deadline.within(gone, () -> c.execute(GET, id(1), Thing.class)));
    assertThat(e.sent()).isFalse();
    assertThat(e.getMessage()).endsWith("passed before the request was sent; it was not sent");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aRateLimitWaitLongerThanTheDeadlineFailsAtOnceWithoutSending() {
    server.enqueue(json(200, "{\"id\":\"a\"}"));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(1, Duration.ofSeconds(30), 1)).build();
    ApiClient c = client(d, config().rateLimited(true).callTimeout(Duration.ofMillis(300)).build());
    c.execute(GET, id(1), Thing.class);
    long start = System.nanoTime();
    DeadlineExceededException e = catchThrowableOfType(DeadlineExceededException.class,
        () -> c.execute(GET, id(2), Thing.class));
    assertThat(e.sent()).isFalse();
    assertThat(e.getMessage()).contains("would pass while waiting for the client-side rate limit")
        .endsWith("the request was not sent");
    assertThat(since(start)).as("not a wait for the 30 s refill").isLessThan(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBodyOverTheSizeLimitIsAnUnexpectedResponseNamingTheLimit() {
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(5000) + "\"}"));
    ApiClient c = client(config().maxResponseBytes(1024).maxAttempts(1).build());
    assertThatThrownBy(() -> c.execute(GET, id(1), Thing.class))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessage("acme getThing: HTTP 200 response body of 5009 bytes over the 1024-byte limit"
            + " (ProviderConfig.maxResponseBytes)");
  }

  @Test
  void aStreamedBodyOverTheSizeLimitIsCutOffAsItArrives() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .chunkedBody("{\"id\":\"" + "x".repeat(5000) + "\"}", 512).build());
    ApiClient c = client(config().maxResponseBytes(1024).maxAttempts(1).build());
    assertThatThrownBy(() -> c.execute(GET, id(1), Thing.class))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessage("acme getThing: HTTP 200 response body over the 1024-byte limit (ProviderConfig.maxResponseBytes)");
  }

  @Test
  void aStringLongerThanJacksonsDefaultLimitDecodes() {
    String note = "n".repeat(21 * 1024 * 1024);
    server.enqueue(json(200, "{\"id\":\"a\",\"note\":\"" + note + "\"}"));
    Thing t = client(config().build()).execute(GET, id(1), Thing.class);
    assertThat(t.note()).hasSize(note.length());
  }

  @Test
  void theDefaultsAreDocumented() {
    ProviderConfig d = ProviderConfig.builder().environment(Map.of()).build();
    assertThat(d.callTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(d.launchTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(d.maxResponseBytes()).isEqualTo(64L * 1024 * 1024);
    assertThatThrownBy(() -> ProviderConfig.builder().callTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("callTimeout must be positive, was PT0S");
  }
}
