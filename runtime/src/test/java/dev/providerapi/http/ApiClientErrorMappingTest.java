package dev.providerapi.http;

import static dev.providerapi.http.ApiClientTest.CREATE_THING;
import static dev.providerapi.http.ApiClientTest.GET_THING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ConflictException;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.QuotaExceededException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.errors.UnexpectedResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Declared error formats and rules, status defaults, and secrets kept out of errors and logs. */
class ApiClientErrorMappingTest {
  /** Lambda's format, as specs/lambda/provider.yaml declares it. */
  static final ErrorFormat LAMBDA = new ErrorFormat("/error/code", "/error/message", null, null, null, List.of(
      ErrorRule.code("instance-operations/launch/insufficient-capacity", ErrorKind.CAPACITY_UNAVAILABLE),
      ErrorRule.code("global/object-does-not-exist", ErrorKind.NOT_FOUND),
      new ErrorRule(null, null, "provider/", null, ErrorKind.PROVIDER_UNAVAILABLE, true),
      new ErrorRule(400, null, null, "out of stock", ErrorKind.CAPACITY_UNAVAILABLE, null)));

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

  ApiClient client(ErrorFormat format) {
    return client(format, AuthSpec.none(), ProviderConfig.builder());
  }

  ApiClient client(ErrorFormat format, AuthSpec auth, ProviderConfig.Builder config) {
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid").auth(auth)
        .errorFormat(format).build();
    return ApiClient.builder(d, config.environment(Map.of()).baseUrl(server.url("/").toString()).rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1)).maxAttempts(2).build()).logListener(log::add).build();
  }

  ProviderException failGet(ApiClient c) {
    return catchThrowableOfType(ProviderException.class,
        () -> c.execute(GET_THING, ApiRequest.builder().path("id", "i-1").build(), ApiClientTest.Thing.class));
  }

  static MockResponse response(int code, String body, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(code).body(body);
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  @Test
  void declaredCodeRuleWinsWithCodeMessageAndRequestId() {
    server.enqueue(response(400, "{\"error\":{\"code\":\"instance-operations/launch/insufficient-capacity\","
        + "\"message\":\"Not enough capacity to fulfill launch request.\",\"suggestion\":\"try later\"}}",
        "X-Request-ID", "req-42"));
    ProviderException e = failGet(client(LAMBDA));
    assertThat(e).isInstanceOf(CapacityUnavailableException.class);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.providerCode()).contains("instance-operations/launch/insufficient-capacity");
    assertThat(e.providerMessage()).contains("Not enough capacity to fulfill launch request.");
    assertThat(e.requestId()).contains("req-42");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("acme getThing: HTTP 400 [instance-operations/launch/insufficient-capacity]"
        + " Not enough capacity to fulfill launch request. (request id req-42)");
  }

  @Test
  void aCodePrefixRuleCanMakeAnErrorRetryable() {
    server.enqueue(response(400, "{\"error\":{\"code\":\"provider/upstream-timeout\",\"message\":\"slow\"}}"));
    server.enqueue(response(200, "{\"id\":\"ok\"}"));
    ApiClientTest.Thing t = client(LAMBDA).execute(GET_THING, ApiRequest.builder().path("id", 1).build(),
        ApiClientTest.Thing.class);
    assertThat(t.id()).isEqualTo("ok");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryableRuleDoesNotMakeANonIdempotentCallRetryable() {
    server.enqueue(response(400, "{\"error\":{\"code\":\"provider/upstream-timeout\",\"message\":\"slow\"}}"));
    ProviderException e = catchThrowableOfType(ProviderException.class,
        () -> client(LAMBDA).execute(CREATE_THING, ApiRequest.builder().body("{}").build()));
    assertThat(e).isInstanceOf(ProviderUnavailableException.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMessageRuleMatchesCaseInsensitively() {
    server.enqueue(response(400, "{\"error\":{\"code\":\"x\",\"message\":\"GPU Out Of Stock in us-east-1\"}}"));
    assertThat(failGet(client(LAMBDA))).isInstanceOf(CapacityUnavailableException.class);
  }

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "401, AUTHENTICATION", "403, AUTHENTICATION", "404, NOT_FOUND", "409, CONFLICT", "400, INVALID_REQUEST",
      "422, INVALID_REQUEST", "402, QUOTA_EXCEEDED", "418, UNEXPECTED_RESPONSE", "500, PROVIDER_UNAVAILABLE",
  })
  void statusDefaultsWhenNoRuleMatches(int status, ErrorKind kind) {
    server.enqueue(response(status, "{\"message\":\"nope\"}"));
    server.enqueue(response(status, "{\"message\":\"nope\"}"));
    ProviderException e = failGet(client(ErrorFormat.defaults()));
    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.providerMessage()).contains("nope");
    assertThat(e).isInstanceOf(switch (kind) {
      case AUTHENTICATION -> AuthenticationException.class;
      case NOT_FOUND -> NotFoundException.class;
      case CONFLICT -> ConflictException.class;
      case INVALID_REQUEST -> InvalidRequestException.class;
      case QUOTA_EXCEEDED -> QuotaExceededException.class;
      case PROVIDER_UNAVAILABLE -> ProviderUnavailableException.class;
      default -> UnexpectedResponseException.class;
    });
  }

  @Test
  void messageFallsBackToCommonMembers() {
    server.enqueue(response(400, "{\"error\":\"bad gpu\"}"));
    server.enqueue(response(400, "{\"msg\":\"bad region\"}"));
    server.enqueue(response(400, "{\"detail\":\"bad disk\"}"));
    ApiClient c = client(new ErrorFormat(null, "/nothing/here", null, null, null, List.of()));
    assertThat(failGet(c).providerMessage()).contains("bad gpu");
    assertThat(failGet(c).providerMessage()).contains("bad region");
    assertThat(failGet(c).providerMessage()).contains("bad disk");
  }

  @Test
  void aPlainText429KeepsItsTextAsMessage() {
    server.enqueue(response(429, "  Too Many Requests\n", "Retry-After", "999"));
    ProviderException e = failGet(client(ErrorFormat.defaults()));
    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(e.providerMessage()).contains("Too Many Requests");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(999));
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void longPlainTextBodiesAreCut() {
    server.enqueue(response(418, "x".repeat(2000)));
    assertThat(failGet(client(ErrorFormat.defaults())).providerMessage().get()).hasSize(503);
  }

  @Test
  void anErrorHiddenInA200IsFound() {
    server.enqueue(response(200, "{\"success\":false,\"error\":\"Insufficient balance\"}"));
    ApiClient c = client(new ErrorFormat(null, "/error", null, "/success", "false", List.of()));
    ProviderException e = failGet(c);
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.providerMessage()).contains("Insufficient balance");
  }

  @Test
  void theFailedBodyStaysAvailableForAdaptersThatMustActOnIt() {
    // A create that fails yet reports what it created: the adapter reads the id from the body to delete it.
    server.enqueue(response(200, "{\"success\":false,\"error\":\"invalid_args\",\"new_contract\":42}"));
    ProviderException okError = failGet(client(new ErrorFormat("/error", "/msg", null, "/success", "false",
        List.of())));
    assertThat(okError.responseBody()).contains("{\"success\":false,\"error\":\"invalid_args\",\"new_contract\":42}");

    server.enqueue(response(410, "{\"error\":\"no_such_ask\",\"new_contract\":43}"));
    assertThat(failGet(client(ErrorFormat.defaults())).responseBody())
        .contains("{\"error\":\"no_such_ask\",\"new_contract\":43}");

    server.enqueue(response(404, ""));
    assertThat(failGet(client(ErrorFormat.defaults())).responseBody()).isEmpty();
  }

  @Test
  void anOkErrorGoesThroughTheRules() {
    server.enqueue(response(200, "{\"success\":false,\"error\":\"No available nodes\"}"));
    ApiClient c = client(new ErrorFormat(null, "/error", null, "/success", "false",
        List.of(new ErrorRule(null, null, null, "no available", ErrorKind.CAPACITY_UNAVAILABLE, null))));
    assertThat(failGet(c)).isInstanceOf(CapacityUnavailableException.class);
  }

  @Test
  void aSuccessfulOkBodyIsNotAnError() {
    server.enqueue(response(200, "{\"success\":true,\"id\":\"fine\"}"));
    ApiClient c = client(new ErrorFormat(null, "/error", null, "/success", "false", List.of()));
    assertThat(c.execute(GET_THING, ApiRequest.builder().path("id", 1).build(), ApiClientTest.Thing.class).id())
        .isEqualTo("fine");
  }

  @Test
  void graphQlErrorsArrayIsAnError() {
    server.enqueue(response(200, "{\"data\":null,\"errors\":[{\"message\":\"Pod not found\","
        + "\"extensions\":{\"code\":\"NOT_FOUND\"}}]}", "CF-Ray", "ray-7"));
    ApiClient c = client(new ErrorFormat("/errors/0/extensions/code", null, null, "/errors", null,
        List.of(ErrorRule.code("NOT_FOUND", ErrorKind.NOT_FOUND))));
    ProviderException e = failGet(c);
    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.providerMessage()).contains("Pod not found");
    assertThat(e.requestId()).contains("ray-7");
  }

  @Test
  void aDeclaredRequestIdHeaderComesFirst() {
    server.enqueue(response(404, "{}", "X-Trace", "trace-1", "X-Request-Id", "other"));
    ApiClient c = client(new ErrorFormat(null, null, "X-Trace", null, null, List.of()));
    assertThat(failGet(c).requestId()).contains("trace-1");
  }

  @Test
  void aTensorDockQueryKeyNeverAppearsInErrorsOrLogs() {
    String key = "td-SECRET-key-123";
    String token = "td-SECRET-token-456";
    server.enqueue(response(401, "{\"success\":false,\"error\":\"Invalid api_key " + key + " for https://x?api_key="
        + key + "&api_token=" + token + "\"}"));
    ApiClient c = client(new ErrorFormat(null, "/error", null, "/success", "false", List.of()),
        AuthSpec.query(Map.of("api_key", "TENSORDOCK_API_KEY", "api_token", "TENSORDOCK_API_TOKEN")),
        ProviderConfig.builder().secret("TENSORDOCK_API_KEY", key).secret("TENSORDOCK_API_TOKEN", token));

    ProviderException e = failGet(c);

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.responseBody()).hasValueSatisfying(body -> assertThat(body).contains("Invalid api_key ***"));
    assertThat(List.of(e.getMessage(), e.toString(), String.valueOf(e.details()), e.providerMessage().orElse(""),
        e.responseBody().orElse("")))
        .allSatisfy(text -> assertThat(text).doesNotContain(key).doesNotContain(token));
    assertThat(log).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(key).doesNotContain(token));
    assertThat(log).anySatisfy(line -> assertThat(line).contains("api_key=***").contains("api_token=***"));
    assertThat(c.config().toString()).doesNotContain(key).doesNotContain(token);
    assertThat(c.redact("x " + key)).isEqualTo("x ***");
  }
}
