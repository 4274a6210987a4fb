package dev.providerapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderEvent;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a ProviderListener sees of the calls: attempts, retries, 429s, deprecations; a failing listener is contained. */
class ProviderEventsTest {
  static final Operation GET = new Operation("getThing", "GET", "/v1/things/{id}", true, null);

  MockWebServer server;
  final List<ProviderEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ApiClient client(ProviderConfig.Builder config) {
    return ApiClient.create(ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .auth(AuthSpec.bearer("ACME_KEY")).build(), config.environment(Map.of()).apiKey("sk-secret-value")
        .baseUrl(server.url("/").toString()).rateLimited(false).retryBaseDelay(Duration.ofMillis(1)).build());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void aRetriedCallReportsEachAttemptAndTheRetryBetween() {
    server.enqueue(json(503, "{}"));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build());
    server.enqueue(json(200, "{\"id\":\"a\"}"));
    ApiClient c = client(ProviderConfig.builder().listener(events::add));
    c.execute(GET, ApiRequest.builder().path("id", 1).build());

    List<ProviderEvent.Attempt> attempts = events.stream().filter(ProviderEvent.Attempt.class::isInstance)
        .map(ProviderEvent.Attempt.class::cast).toList();
    assertThat(attempts).extracting(ProviderEvent.Attempt::status).containsExactly(503, 429, 200);
    assertThat(attempts).extracting(ProviderEvent.Attempt::error)
        .containsExactly(ErrorKind.PROVIDER_UNAVAILABLE, ErrorKind.RATE_LIMITED, null);
    assertThat(attempts).allSatisfy(a -> {
      assertThat(a.provider()).isEqualTo("acme");
      assertThat(a.operation()).isEqualTo("getThing");
      assertThat(a.method()).isEqualTo("GET");
    });
    List<ProviderEvent.Retry> retries = events.stream().filter(ProviderEvent.Retry.class::isInstance)
        .map(ProviderEvent.Retry.class::cast).toList();
    assertThat(retries).extracting(ProviderEvent.Retry::attempt).containsExactly(1, 2);
    assertThat(retries).extracting(ProviderEvent.Retry::status).containsExactly(503, 429);
    assertThat(retries.get(1).delay()).isEqualTo(Duration.ZERO);
  }

  @Test
  void aRateLimitedAnswerIsReportedWithItsRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build());
    server.enqueue(json(200, "{}"));
    ApiClient c = ApiClient.create(ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .auth(AuthSpec.none()).build(), ProviderConfig.builder().environment(Map.of())
        .baseUrl(server.url("/").toString()).listener(events::add).retryBaseDelay(Duration.ofMillis(1)).build());
    c.execute(GET, ApiRequest.builder().path("id", 1).build());
    assertThat(events).filteredOn(ProviderEvent.RateLimited.class::isInstance).singleElement()
        .isEqualTo(new ProviderEvent.RateLimited("acme", "getThing", Duration.ZERO));
  }

  @Test
  void deprecationHeadersAreReportedOncePerOperationWithoutSecrets() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{}").newBuilder().addHeader("Deprecation", "true")
          .addHeader("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT sk-secret-value").build());
    }
    ApiClient c = client(ProviderConfig.builder().listener(events::add));
    for (int i = 0; i < 3; i++) {
      c.execute(GET, ApiRequest.builder().path("id", i).build());
    }
    assertThat(events).filteredOn(ProviderEvent.Deprecation.class::isInstance).singleElement().satisfies(e -> {
      ProviderEvent.Deprecation d = (ProviderEvent.Deprecation) e;
      assertThat(d.operation()).isEqualTo("getThing");
      assertThat(d.deprecation()).isEqualTo("true");
      assertThat(d.sunset()).startsWith("Wed, 01 Jul 2026").doesNotContain("sk-secret-value");
    });
  }

  @Test
  void aFailingListenerNeverFailsTheCall() {
    server.enqueue(json(200, "{}"));
    ApiClient c = client(ProviderConfig.builder().listener(e -> {
      throw new IllegalStateException("listener bug");
    }));
    c.execute(GET, ApiRequest.builder().path("id", 1).build());
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theCircuitBreakerReportsOpening() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(json(503, "{}"));
    }
    ApiClient c = client(ProviderConfig.builder().listener(events::add).maxAttempts(1));
    for (int i = 0; i < 6; i++) {
      try {
        c.execute(GET, ApiRequest.builder().path("id", i).build());
      } catch (RuntimeException expected) {
        // 503s until the breaker opens
      }
    }
    assertThat(events).contains(new ProviderEvent.CircuitChange("acme", true));
    assertThat(c.circuitOpen()).isTrue();
  }
}
