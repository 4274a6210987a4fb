package dev.providerapi.http;

import static dev.providerapi.http.ApiClientTest.CREATE_THING;
import static dev.providerapi.http.ApiClientTest.GET_THING;
import static dev.providerapi.http.ApiClientTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.testing.FakeClock;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry safety, Retry-After and the circuit breaker. */
class ApiClientRetryTest {
  MockWebServer server;
  final List<String> log = new ArrayList<>();
  final ProviderDescriptor descriptor = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
      .auth(AuthSpec.none()).build();

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
    return ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString())
        .rateLimited(false).retryBaseDelay(Duration.ofMillis(1)).maxAttempts(3);
  }

  ApiClient client(ProviderConfig config) {
    return ApiClient.builder(descriptor, config).logListener(log::add).build();
  }

  static MockResponse status(int code, String retryAfter) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body("{\"message\":\"busy\"}");
    if (retryAfter != null) {
      b.addHeader("Retry-After", retryAfter);
    }
    return b.build();
  }

  @Test
  void getIsRetriedOn503HonouringRetryAfterSeconds() {
    server.enqueue(status(503, "1"));
    server.enqueue(json(200, "{\"id\":\"ok\"}"));
    ApiClientTest.Thing t = client(config().build()).execute(GET_THING, ApiRequest.builder().path("id", 1).build(),
        ApiClientTest.Thing.class);
    assertThat(t.id()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void getIsRetriedOn503HonouringRetryAfterDate() {
    FakeClock clock = new FakeClock(Instant.now());
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(1).atOffset(ZoneOffset.UTC));
    server.enqueue(status(503, date));
    server.enqueue(json(200, "{\"id\":\"ok\"}"));
    ApiClient c = ApiClient.builder(descriptor, config().build()).clock(clock).build();
    assertThat(c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), ApiClientTest.Thing.class).id())
        .isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retriesStopAtMaxAttemptsWithTheLastError() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(status(502, null));
    }
    assertThatThrownBy(() -> client(config().build()).execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(502);
          assertThat(e.isRetryable()).isTrue();
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a503OnANonIdempotentPostIsNeverRetried() {
    server.enqueue(status(503, "0"));
    server.enqueue(json(201, "{}"));
    assertThatThrownBy(() -> client(config().build()).execute(CREATE_THING, ApiRequest.builder().body("{}").build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsRetriedOn429BecauseNothingWasApplied() throws Exception {
    server.enqueue(status(429, "0"));
    server.enqueue(json(201, "{\"id\":\"t-1\"}"));
    ApiClientTest.Thing t = client(config().build()).execute(CREATE_THING, ApiRequest.builder().body("{}").build(),
        ApiClientTest.Thing.class);
    assertThat(t.id()).isEqualTo("t-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
  }

  @Test
  void aRetryAfterLongerThanTheMaximumSurfacesAtOnce() {
    server.enqueue(status(429, "120"));
    server.enqueue(json(200, "{}"));
    ProviderConfig cfg = config().maxRetryAfter(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> client(cfg).execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.getMessage()).contains("retry after 120000 ms");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void after429TheRateLimiterPausesTheNextCall() {
    FakeClock clock = new FakeClock();
    server.enqueue(status(429, "3"));
    server.enqueue(json(200, "{}"));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(100, Duration.ofSeconds(1), 100)).build();
    ApiClient c = ApiClient.builder(d, config().rateLimited(true).maxAttempts(1).maxRetryAfter(Duration.ofSeconds(10))
        .build()).clock(clock).sleeper(clock.sleeper()).build();
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(RateLimitedException.class);
    c.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    // The next call, another caller's, waited out the window the first one's Retry-After opened.
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void noRequestGoesOutInsideARetryAfterWindowLongerThanTheCallWaits() throws Exception {
    FakeClock clock = new FakeClock();
    server.enqueue(status(429, "120"));
    server.enqueue(json(200, "{}"));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(100, Duration.ofSeconds(1), 100)).build();
    ApiClient c = ApiClient.builder(d, config().rateLimited(true).maxRetryAfter(Duration.ofSeconds(10)).build())
        .clock(clock).sleeper(clock.sleeper()).build();
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(RateLimitedException.class);
    clock.advance(Duration.ofSeconds(20));
    // 100 s of the provider's 120 s are left, more than this client waits: refused at once, nothing sent.
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 2).build()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(100));
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.getMessage()).isEqualTo("acme getThing: no response not sent: a 429 asked this account to"
              + " wait 100000 ms more, longer than the 10000 ms this call waits (retry after 100000 ms)");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
    clock.advance(Duration.ofSeconds(100));
    c.execute(GET_THING, ApiRequest.builder().path("id", 3).build());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/things/1");
    assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/things/3");
  }

  @Test
  void aCallIssuedDuringAConcurrent429StormIsNotFrozen() throws Exception {
    // Twelve 429s without Retry-After answer four concurrent callers; a fifth call issued meanwhile gets through
    // after pauses that grew once per round, not once per 429 (which would have reached the maximum).
    for (int i = 0; i < 12; i++) {
      server.enqueue(status(429, null));
    }
    for (int i = 0; i < 8; i++) {
      server.enqueue(json(200, "{}"));
    }
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid").build();
    ApiClient c = client(config().rateLimited(true).maxAttempts(4).retryBaseDelay(Duration.ofMillis(50))
        .maxRetryAfter(Duration.ofSeconds(30)).build());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    List<java.util.concurrent.Future<?>> storm = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      storm.add(pool.submit(() -> {
        try {
          c.execute(GET_THING, ApiRequest.builder().path("id", 7).build());
        } catch (RateLimitedException expected) {
          // some callers give up after their attempts: that is what a storm does
        }
      }));
    }
    Thread.sleep(100);
    long t0 = System.nanoTime();
    c.execute(GET_THING, ApiRequest.builder().path("id", 8).build());
    long millis = (System.nanoTime() - t0) / 1_000_000;
    for (java.util.concurrent.Future<?> f : storm) {
      f.get();
    }
    pool.shutdown();
    // Old behaviour: each 429 doubled the pause (50 ms << 11 = 100 s, capped at 30 s). Now at most a few rounds.
    assertThat(millis).isLessThan(3_000);
    assertThat(c.rateLimiter().orElseThrow().pausedUntil()).isBefore(java.time.Instant.now().plusSeconds(1));
  }

  @Test
  void connectionRefusedIsRetriedEvenForAPost() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    ApiClient c = client(config().baseUrl("http://127.0.0.1:" + closedPort).build());
    assertThatThrownBy(() -> c.execute(CREATE_THING, ApiRequest.builder().body("{}").build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.getCause()).isInstanceOf(ConnectException.class);
          assertThat(e.getMessage()).contains("the request was not sent");
        });
    assertThat(log.stream().filter(l -> l.contains("createThing: POST") && l.contains("ConnectException")))
        .hasSize(3);
  }

  @Test
  void theCircuitOpensAfterConsecutiveFailuresAndFailsFast() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(500, null));
    }
    server.enqueue(json(200, "{}"));
    ApiClient c = ApiClient.builder(descriptor, config().maxAttempts(1).build())
        .circuitBreaker(3, Duration.ofMinutes(5)).build();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
          .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("HTTP 500");
    }
    assertThat(c.circuitOpen()).isTrue();
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.getMessage()).contains("circuit open").contains("not sent");
          assertThat(e.httpStatus()).isZero();
        });
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void theCircuitLetsATrialCallThroughAfterItsDelayAndCloses() throws Exception {
    server.enqueue(status(500, null));
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    ApiClient c = ApiClient.builder(descriptor, config().maxAttempts(1).build())
        .circuitBreaker(1, Duration.ofMillis(50)).build();
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(c.circuitOpen()).isTrue();
    Thread.sleep(100);
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(c.circuitOpen()).isFalse();
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void clientErrorsDoNotOpenTheCircuit() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(404, null));
    }
    ApiClient c = ApiClient.builder(descriptor, config().maxAttempts(1).build())
        .circuitBreaker(2, Duration.ofMinutes(5)).build();
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
          .hasMessageContaining("HTTP 404");
    }
    assertThat(c.circuitOpen()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(4);
  }
}
