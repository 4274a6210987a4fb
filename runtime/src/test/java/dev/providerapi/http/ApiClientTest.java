package dev.providerapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.MissingPayloadException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.testing.FakeClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, auth, URLs and decoding, checked on the server side of a loopback MockWebServer. */
class ApiClientTest {
  static final Operation GET_THING = new Operation("getThing", "GET", "/v1/things/{id}", true, null);
  static final Operation LIST_THINGS = new Operation("listThings", "GET", "/v1/things", true, "data");
  static final Operation CREATE_THING = new Operation("createThing", "POST", "/v1/things", false, null);

  enum Status { ACTIVE, @JsonEnumDefaultValue UNKNOWN }

  record Thing(String id, BigDecimal price, Status status, Instant createdAt) {}

  record NewThing(String name, String note) {}

  MockWebServer server;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  ProviderDescriptor descriptor(AuthSpec auth) {
    return ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid").auth(auth).build();
  }

  ProviderConfig.Builder config() {
    return ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString())
        .rateLimited(false).retryBaseDelay(Duration.ofMillis(1));
  }

  ApiClient client(AuthSpec auth, ProviderConfig config) {
    return ApiClient.builder(descriptor(auth), config).logListener(log::add).build();
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void bearerAuthAndPercentEncodedPathParameters() throws Exception {
    server.enqueue(json(200, "{\"id\":\"a b/c\",\"price\":1.10,\"status\":\"ACTIVE\",\"createdAt\":\"2026-01-02T03:04:05Z\"}"));
    ApiClient c = client(AuthSpec.bearer("ACME_KEY"), config().apiKey("k-123").build());

    Thing t = c.execute(GET_THING, ApiRequest.builder().path("id", "a b/c").build(), Thing.class);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/v1/things/a%20b%2Fc");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer k-123");
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(t.id()).isEqualTo("a b/c");
    assertThat(t.price()).isEqualByComparingTo("1.10");
    assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void headerAuthWithPrefixFromTheEnvironment() throws Exception {
    server.enqueue(json(200, "{}"));
    ApiClient c = client(AuthSpec.header("X-Api-Key", "Key ", "ACME_KEY"),
        config().environment(Map.of("ACME_KEY", "env-key")).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("Key env-key");
  }

  @Test
  void basicAuthSendsKeyAsUserWithEmptyPassword() throws Exception {
    server.enqueue(json(200, "{}"));
    ApiClient c = client(AuthSpec.basic("ACME_KEY"), config().apiKey("k-123").build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("k-123:".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void noAuthSendsNoCredentials() throws Exception {
    server.enqueue(json(200, "{}"));
    client(AuthSpec.none(), config().build()).execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void queryAuthAddsEachParameterAndRepeatsCollections() throws Exception {
    server.enqueue(json(200, "{\"data\":[]}"));
    ApiClient c = client(AuthSpec.query(Map.of("api_key", "TD_KEY", "api_token", "TD_TOKEN")),
        config().secret("TD_KEY", "td key+1").secret("TD_TOKEN", "td-token-2").build());

    c.execute(LIST_THINGS, ApiRequest.builder().query("tag", List.of("a", "b c")).query("page", 2)
        .query("skip", null).build(), new TypeReference<List<Thing>>() {});

    RecordedRequest r = server.takeRequest();
    assertThat(r.getTarget())
        .isEqualTo("/v1/things?tag=a&tag=b%20c&page=2&api_key=td%20key%2B1&api_token=td-token-2");
  }

  @Test
  void aMissingKeyFailsTheFirstCallNamingTheVariable() {
    ApiClient c = client(AuthSpec.bearer("LAMBDA_API_KEY"), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("set LAMBDA_API_KEY or ProviderConfig.apiKey");
        });
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMissingQuerySecretNamesItsVariable() {
    ApiClient c = client(AuthSpec.query(Map.of("api_key", "TD_KEY")), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("set TD_KEY");
  }

  @Test
  void kubeconfigWithoutCredentialsSaysWhatToGive() {
    ApiClient c = client(AuthSpec.kubeconfig(), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build()))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("give a kubeconfig");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void kubeconfigTakesAServiceAccountTokenGivenAsTheApiKey() throws Exception {
    server.enqueue(json(200, "{\"id\":\"a\"}"));
    client(AuthSpec.kubeconfig(), config().apiKey("sa-token").build())
        .execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sa-token");
  }

  @Test
  void kubeCredentialsSupplyServerAndTokenPerCallAndTheTokenIsRedacted() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(404, "{\"message\":\"token kube-1 not found\"}"));
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    KubeCredentials kube = new KubeCredentials(server.url("/").uri(),
        () -> dev.providerapi.Secret.of("kube-" + n.incrementAndGet()), null);
    ProviderConfig noBaseUrl = ProviderConfig.builder().environment(Map.of()).rateLimited(false).maxAttempts(1).build();
    ApiClient c = ApiClient.builder(descriptor(AuthSpec.kubeconfig()), noBaseUrl).kubeCredentials(kube).build();
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 2).build()))
        .isInstanceOf(dev.providerapi.errors.NotFoundException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("kube-1"));
    // The redactor was built with the token of construction time (kube-1); later calls read it afresh.
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer kube-2");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer kube-3");
  }

  @Test
  void certificateAuthSendsNoAuthorizationHeader() throws Exception {
    server.enqueue(json(200, "{}"));
    KubeCredentials kube = new KubeCredentials(server.url("/").uri(), () -> null, null);
    ApiClient.builder(descriptor(AuthSpec.kubeconfig()), config().build()).kubeCredentials(kube).build()
        .execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void kubeCredentialsAreRefusedForOtherAuthStyles() {
    KubeCredentials kube = new KubeCredentials(null, () -> null, null);
    assertThatThrownBy(() -> ApiClient.builder(descriptor(AuthSpec.bearer("K")), config().build())
        .kubeCredentials(kube).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not kubeconfig");
  }

  @Test
  void unwrapsTheEnvelopeIgnoringUnknownFieldsAndEnumValues() {
    server.enqueue(json(200, "{\"data\":[{\"id\":\"i-1\",\"price\":0.1,\"status\":\"HIBERNATING\",\"extra\":{\"x\":1}}],"
        + "\"meta\":{}}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    List<Thing> things = c.execute(LIST_THINGS, ApiRequest.empty(), new TypeReference<List<Thing>>() {});
    assertThat(things).hasSize(1);
    assertThat(things.get(0).status()).isEqualTo(Status.UNKNOWN);
    assertThat(things.get(0).price()).isEqualTo(new BigDecimal("0.1"));
  }

  @Test
  void aMissingEnvelopeMemberIsNamed() {
    server.enqueue(json(200, "{\"items\":[]}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    assertThatThrownBy(() -> c.execute(LIST_THINGS, ApiRequest.empty(), new TypeReference<List<Thing>>() {}))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("acme listThings: HTTP 200")
        .hasMessageContaining("no 'data' member");
  }

  @Test
  void anUndecodableBodyNamesTheProblemButNotTheSecret() {
    server.enqueue(json(200, "{\"id\":\"x\",\"price\":\"k-123-not-a-number\"}"));
    ApiClient c = client(AuthSpec.bearer("ACME_KEY"), config().apiKey("k-123-not-a-number").build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class))
        .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
          assertThat(e.getMessage()).contains("cannot decode the body as").contains("price");
          assertThat(e.getMessage()).doesNotContain("k-123-not-a-number");
        });
  }

  @Test
  void invalidJsonIsAnUnexpectedResponse() {
    server.enqueue(json(200, "<html>gateway</html>"));
    ApiClient c = client(AuthSpec.none(), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class))
        .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void noContentAndVoidDecodeToNull() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(json(200, "{\"id\":\"x\"}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    assertThat(c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class)).isNull();
    assertThat(c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Void.class)).isNull();
  }

  @Test
  void anEmptyOkBodyWhereABodyIsDeclaredIsAMissingPayload() {
    server.enqueue(json(200, ""));
    server.enqueue(json(200, "  \n"));
    ApiClient c = client(AuthSpec.none(), config().build());
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class))
          .isInstanceOf(MissingPayloadException.class)
          .hasMessage("acme getThing: HTTP 200 the success answer has an empty body where a Thing was expected");
    }
  }

  @Test
  void aBareEmptyObjectWhereAModelIsDeclaredIsAMissingPayloadButATreeMayBeEmpty() {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class))
        .isInstanceOf(MissingPayloadException.class)
        .hasMessage("acme getThing: HTTP 200 the success answer is an empty object where a Thing was expected");
    assertThat(c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(),
        com.fasterxml.jackson.databind.JsonNode.class)).isEmpty();
  }

  @Test
  void aBodyThatStallsAfterTheHeadersEndsWithinTheRequestTimeout() {
    server.enqueue(json(200, "{\"id\":\"" + "x".repeat(64) + "\"}").newBuilder()
        .throttleBody(4, 1, java.util.concurrent.TimeUnit.SECONDS).build());
    ApiClient c = client(AuthSpec.none(), config().requestTimeout(java.time.Duration.ofMillis(300)).maxAttempts(1)
        .build());
    long start = System.nanoTime();
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class))
        .isInstanceOf(dev.providerapi.errors.ProviderUnavailableException.class)
        .hasMessageContaining("timed out");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void jsonBodiesLeaveNullsOut() throws Exception {
    server.enqueue(json(201, "{\"id\":\"t-1\"}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    Thing t = c.execute(CREATE_THING, ApiRequest.builder().body(new NewThing("n1", null)).build(), Thing.class);
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json");
    assertThat(r.getBody().utf8()).isEqualTo("{\"name\":\"n1\"}");
    assertThat(t.id()).isEqualTo("t-1");
  }

  @Test
  void formAndRawBodies() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    ApiClient c = client(AuthSpec.none(), config().build());
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("name", "my box");
    form.put("gpu_count", 2);
    form.put("skip", null);
    c.execute(CREATE_THING, ApiRequest.builder().body(form).contentType("application/x-www-form-urlencoded").build());
    c.execute(CREATE_THING, ApiRequest.builder().body("raw text").contentType("text/plain").build());
    RecordedRequest f = server.takeRequest();
    assertThat(f.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(f.getBody().utf8()).isEqualTo("name=my%20box&gpu_count=2");
    RecordedRequest t = server.takeRequest();
    assertThat(t.getHeaders().get("Content-Type")).isEqualTo("text/plain");
    assertThat(t.getBody().utf8()).isEqualTo("raw text");
  }

  @Test
  void configBaseUrlWithAPathPrefix() throws Exception {
    server.enqueue(json(200, "{}"));
    ApiClient c = client(AuthSpec.none(), config().baseUrl(server.url("/api/v0/").toString()).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", "x").build());
    assertThat(server.takeRequest().getTarget()).isEqualTo("/api/v0/v1/things/x");
  }

  @Test
  void aMissingPathParameterIsAClearError() {
    ApiClient c = client(AuthSpec.none(), config().build());
    assertThatThrownBy(() -> c.execute(GET_THING, ApiRequest.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path parameter 'id'");
  }

  @Test
  void callsWaitForRateLimitTokensOnTheInjectedClock() {
    FakeClock clock = new FakeClock();
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{}"));
    }
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(1, Duration.ofSeconds(1), 1)).build();
    ApiClient c = ApiClient.builder(d, config().rateLimited(true).build()).clock(clock).sleeper(clock.sleeper()).build();
    for (int i = 0; i < 3; i++) {
      c.execute(GET_THING, ApiRequest.builder().path("id", i).build());
    }
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(2));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  @org.junit.jupiter.api.Timeout(20)
  void aRateLimitedClientOnTheSystemClockDoesNotWaitWithoutCause() {
    // Regression: with no 429 pause pending, the limiter once spun forever on the real clock.
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(1000, Duration.ofSeconds(1), 1000)).build();
    ApiClient c = ApiClient.create(d, config().rateLimited(true).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(c.rateLimiter()).isPresent();
  }

  @Test
  void rateLimitingOffSendsAtOnce() {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    FakeClock clock = new FakeClock();
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
        .rateLimit(new RateLimitWindow(1, Duration.ofMinutes(1), 1)).build();
    ApiClient c = ApiClient.builder(d, config().build()).clock(clock).sleeper(clock.sleeper()).build();
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    assertThat(clock.sleeps()).isEmpty();
    assertThat(c.rateLimiter()).isEmpty();
  }

  @Test
  void debugLogShowsMethodUrlAndStatus() {
    server.enqueue(json(200, "{}"));
    client(AuthSpec.none(), config().build()).execute(GET_THING, ApiRequest.builder().path("id", 7).query("page", 2).build());
    assertThat(log).anySatisfy(line -> assertThat(line).startsWith("DEBUG acme getThing: GET http://")
        .contains("/v1/things/7?page=2 -> 200 in "));
  }

  @Test
  void deprecationIsWarnedOncePerOperation() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Deprecation", "@1735689600")
          .addHeader("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT").body("{}").build());
    }
    ApiClient c = client(AuthSpec.none(), config().build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 1).build());
    c.execute(GET_THING, ApiRequest.builder().path("id", 2).build());
    c.execute(LIST_THINGS, ApiRequest.empty());
    List<String> warnings = log.stream().filter(l -> l.startsWith("WARN")).toList();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("acme").contains("getThing").contains("Deprecation: @1735689600")
        .contains("Sunset: Wed, 01 Jul 2026 00:00:00 GMT");
    assertThat(warnings.get(1)).contains("listThings");
  }

  @Test
  // Timeouts of 1.5 s: on a loaded machine a loopback connect alone can take 300 ms, and a connect timeout
  // proves the request was not sent (so it may be retried), which is not what these two tests are about.
  void aTimeoutOnANonIdempotentCallIsNotRetried() {
    server.enqueue(new MockResponse.Builder().code(201).body("{}").headersDelay(6, java.util.concurrent.TimeUnit.SECONDS).build());
    server.enqueue(json(201, "{}"));
    ApiClient c = client(AuthSpec.none(), config().requestTimeout(Duration.ofMillis(1500)).build());
    assertThatThrownBy(() -> c.execute(CREATE_THING, ApiRequest.builder().body(new NewThing("n", null)).build()))
        .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("timed out").contains("may have been applied");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTimeoutOnAnIdempotentCallIsRetried() {
    server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(6, java.util.concurrent.TimeUnit.SECONDS).build());
    server.enqueue(json(200, "{\"id\":\"second\"}"));
    ApiClient c = client(AuthSpec.none(), config().requestTimeout(Duration.ofMillis(1500)).build());
    Thing t = c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), Thing.class);
    assertThat(t.id()).isEqualTo("second");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }
}
