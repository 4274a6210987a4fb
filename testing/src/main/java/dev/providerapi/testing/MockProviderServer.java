package dev.providerapi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.http.ApiClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local MockWebServer with a provider's generated API client pointed at it, fresh for every test: the set-up
 * every generated client test shares. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final MockProviderServer<LambdaApi> mock = MockProviderServer.of(LambdaProviderBase.DESCRIPTOR, LambdaApiClient::new)
 *     .apiKey("test-key")
 *     .expectHeader("Authorization", "Bearer test-key");
 * }</pre>
 *
 * <p>The client runs the provider's real chain (auth, error mapping, decoding) with rate limiting off and one
 * attempt, so a test sees exactly one request per call. {@link #api()}, {@link #mapper()} and {@link #server()}
 * are valid inside a test; {@link #takeRequest()} waits for the request the call sent.
 *
 * @param <A> the generated API interface
 */
public final class MockProviderServer<A> implements BeforeEachCallback, AfterEachCallback {
  private static final long TAKE_TIMEOUT_SECONDS = 5;

  private final ProviderDescriptor descriptor;
  private final Function<ApiClient, ? extends A> apiFactory;
  private @Nullable String apiKey;
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, String> expectedHeaders = new LinkedHashMap<>();

  private @Nullable MockWebServer server;
  private @Nullable ApiClient client;
  private @Nullable A api;

  private MockProviderServer(ProviderDescriptor descriptor, Function<ApiClient, ? extends A> apiFactory) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.apiFactory = Objects.requireNonNull(apiFactory, "apiFactory");
  }

  /**
   * A server for one provider's generated client.
   *
   * @param descriptor the provider's descriptor (the generated {@code <Prefix>ProviderBase.DESCRIPTOR})
   * @param apiFactory the generated client's constructor ({@code <Prefix>ApiClient::new})
   * @param <A> the generated API interface
   * @return an extension with no API key, no secrets and no expected headers; it starts a server before each test
   */
  public static <A> MockProviderServer<A> of(ProviderDescriptor descriptor, Function<ApiClient, ? extends A> apiFactory) {
    return new MockProviderServer<>(descriptor, apiFactory);
  }

  /**
   * The API key the client sends.
   *
   * @param key the key, sent the way the provider's descriptor says
   * @return this extension
   */
  public MockProviderServer<A> apiKey(String key) {
    this.apiKey = key;
    return this;
  }

  /**
   * A named secret of the config (query-parameter auth reads its values from these).
   *
   * @param name the secret's name, as the provider's descriptor names it
   * @param value the secret's value; a second call with the same name replaces it
   * @return this extension
   */
  public MockProviderServer<A> secret(String name, String value) {
    secrets.put(name, value);
    return this;
  }

  /**
   * A header {@link #assertAuth} expects on every request, with exactly this value. Without any,
   * {@link #assertAuth} expects no {@code Authorization} header.
   *
   * @param name the header's name
   * @param value the header's exact value; a second call with the same name replaces it
   * @return this extension
   */
  public MockProviderServer<A> expectHeader(String name, String value) {
    expectedHeaders.put(name, value);
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    MockWebServer s = new MockWebServer();
    s.start();
    server = s;
    ProviderConfig.Builder config = ProviderConfig.builder()
        .baseUrl(s.url("/").toString())
        .rateLimited(false)
        .maxAttempts(1);
    if (apiKey != null) {
      config.apiKey(apiKey);
    }
    secrets.forEach(config::secret);
    ApiClient c = ApiClient.create(descriptor, config.build());
    client = c;
    api = apiFactory.apply(c);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      client = null;
      api = null;
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }

  /**
   * The generated client, talking to {@link #server()}.
   *
   * @return the client of the running test
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public A api() {
    return started(api);
  }

  /**
   * The runtime client under {@link #api()}.
   *
   * @return the runtime client of the running test
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public ApiClient client() {
    return started(client);
  }

  /**
   * The client's own ObjectMapper: example bodies are read with the same settings the client decodes with.
   *
   * @return the mapper of the running test's client
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public ObjectMapper mapper() {
    return client().objectMapper();
  }

  /**
   * The local server the client talks to, started before each test and closed after it.
   *
   * @return the server of the running test
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public MockWebServer server() {
    return started(server);
  }

  /**
   * Queues the next answer.
   *
   * @param response the answer the server gives to the next request not yet answered
   */
  public void enqueue(MockResponse response) {
    server().enqueue(response);
  }

  /**
   * Queues a JSON answer with status {@code code}.
   *
   * @param code the HTTP status
   * @param json the body, sent as is with {@code Content-Type: application/json}
   */
  public void enqueueJson(int code, String json) {
    enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(json).build());
  }

  /**
   * Queues an answer with status {@code code} and no body (a 204).
   *
   * @param code the HTTP status
   */
  public void enqueueEmpty(int code) {
    enqueue(new MockResponse.Builder().code(code).build());
  }

  /**
   * {@code json} read as {@code type} with the client's mapper (a request body example).
   *
   * @param json the JSON text
   * @param type the type to read it as
   * @param <T> the type read
   * @return the value the client's mapper decodes
   * @throws JsonProcessingException when the text is not JSON or does not fit {@code type}
   */
  public <T> T read(String json, TypeReference<T> type) throws JsonProcessingException {
    return mapper().readValue(json, type);
  }

  /**
   * The request the last call sent; fails when none reached the server within 5 seconds.
   *
   * @return the oldest request not yet taken
   * @throws InterruptedException when the test thread is interrupted while waiting
   */
  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server().takeRequest(TAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server within %d s", TAKE_TIMEOUT_SECONDS).isNotNull();
    return request;
  }

  /**
   * The request carries every {@link #expectHeader} header, or, when none is declared, no Authorization.
   *
   * @param request the request to check, usually from {@link #takeRequest()}
   */
  public void assertAuth(RecordedRequest request) {
    if (expectedHeaders.isEmpty()) {
      assertThat(request.getHeaders().get("Authorization")).as("Authorization header").isNull();
    }
    expectedHeaders.forEach((name, value) ->
        assertThat(request.getHeaders().get(name)).as("header %s", name).isEqualTo(value));
  }

  private <T> T started(@Nullable T value) {
    if (value == null) {
      throw new IllegalStateException("MockProviderServer is not started: register it with @RegisterExtension on "
          + "an instance field, and use it inside a test method");
    }
    return value;
  }
}
