package dev.providerapi.http;

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
import dev.providerapi.spi.RateLimitBuckets;
import dev.providerapi.testing.FakeClock;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients of one account (provider, endpoint, credentials) share buckets, 429 window and circuit breaker. */
class SharedAccountStateTest {
  static final ProviderDescriptor ACME = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
      .auth(AuthSpec.bearer("ACME_API_KEY"))
      .rateLimit(new RateLimitWindow(1, Duration.ofSeconds(1), 2)).build();

  MockWebServer server;
  final FakeClock clock = new FakeClock();
  /** A store of this test's own: nothing shared with other tests in the JVM. */
  final RateLimitBuckets store = RateLimitBuckets.isolated();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ProviderConfig config(String key) {
    return ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString()).apiKey(key)
        .maxAttempts(1).rateLimitBuckets(store).build();
  }

  ApiClient client(ProviderConfig config) {
    return ApiClient.builder(ACME, config).clock(clock).sleeper(clock.sleeper()).circuitBreaker(2, Duration.ofMinutes(5))
        .build();
  }

  void ok(int n) {
    for (int i = 0; i < n; i++) {
      server.enqueue(json(200, "{}"));
    }
  }

  @Test
  void twoClientsOfOneAccountShareItsBuckets() {
    ok(4);
    ApiClient first = client(config("key-one"));
    // A second copy of the same config, as a second configure() or Providers.load would make.
    ApiClient second = client(config("key-one").toBuilder().build());
    first.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    first.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    assertThat(second.rateLimiter().orElseThrow().availableTokens(GET_THING.id())).isZero();
    second.execute(GET_THING, ApiRequest.builder().path("id", 3).build());
    // The burst of 2 went to the first client; the second waited for the refill of the account's bucket.
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    assertThat(second.accountKey()).isEqualTo(first.accountKey());
  }

  @Test
  void anotherAccountHasBucketsOfItsOwn() {
    ok(3);
    ApiClient first = client(config("key-one"));
    ApiClient other = client(config("key-two"));
    first.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    first.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    other.execute(GET_THING, ApiRequest.builder().path("id", 3).build());
    assertThat(clock.sleeps()).isEmpty();
    assertThat(other.accountKey()).isNotEqualTo(first.accountKey());
  }

  @Test
  void theAccountKeyNamesProviderAndHashNeverTheCredential() {
    ApiClient c = client(config("sk-live-abcdef123456"));
    assertThat(c.accountKey()).matches("provider-api:acme:[0-9a-f]{32}").doesNotContain("sk-live");
    // The same key against another endpoint is another account (a sandbox is not the real provider).
    ProviderConfig elsewhere = config("sk-live-abcdef123456").toBuilder().baseUrl("http://127.0.0.1:9/").build();
    assertThat(client(elsewhere).accountKey()).isNotEqualTo(c.accountKey());
    assertThat(config("sk-live-abcdef123456").toString()).doesNotContain("sk-live")
        .contains("rateLimitBuckets=RateLimitBuckets[in-process, isolated");
  }

  @Test
  void aRetryAfterSeenByOneClientHoldsForTheOther() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("{}").build());
    ok(1);
    ApiClient first = client(config("key-one"));
    ApiClient second = client(config("key-one"));
    assertThatThrownBy(() -> first.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(RateLimitedException.class);
    second.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void theCircuitBreakerIsTheAccountsToo() {
    server.enqueue(json(503, "{}"));
    server.enqueue(json(503, "{}"));
    ApiClient first = client(config("key-one"));
    ApiClient second = client(config("key-one"));
    ApiClient other = client(config("key-two"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> first.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
          .isInstanceOf(ProviderUnavailableException.class);
    }
    assertThat(second.circuitOpen()).isTrue();
    assertThatThrownBy(() -> second.execute(GET_THING, ApiRequest.builder().path("id", 2).build()))
        .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("circuit open");
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(other.circuitOpen()).isFalse();
  }

  @Test
  void anotherStoreIsolatesTheSameAccount() {
    ok(3);
    ApiClient first = client(config("key-one"));
    ApiClient apart = client(config("key-one").toBuilder().rateLimitBuckets(RateLimitBuckets.isolated()).build());
    first.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    first.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    apart.execute(GET_THING, ApiRequest.builder().path("id", 3).build());
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void theDefaultStoreIsTheJvmWideOne() {
    assertThat(ProviderConfig.builder().build().rateLimitBuckets()).isSameAs(RateLimitBuckets.inProcess());
  }

  @Test
  void aStoreThatFailsIsATypedNotSentFailure() {
    RateLimitBuckets down = new RateLimitBuckets() {
      @Override
      public io.github.bucket4j.Bucket bucket(String key, io.github.bucket4j.BucketConfiguration configuration,
          java.time.Clock clock) {
        return RateLimitBuckets.isolated().bucket(key, configuration, clock);
      }

      @Override
      public java.time.Instant notBefore(String accountKey) {
        throw new IllegalStateException("store down");
      }
    };
    ApiClient c = client(config("key-one").toBuilder().rateLimitBuckets(down).build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.getMessage()).isEqualTo("acme getThing: no response not sent: the rate-limit store failed:"
              + " java.lang.IllegalStateException: store down");
          assertThat(dev.providerapi.http.internal.NotSentProof.provesNotSent(e.getCause())).isTrue();
        });
    assertThat(server.getRequestCount()).isZero();
  }
}
