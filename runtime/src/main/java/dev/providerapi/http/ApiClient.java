package dev.providerapi.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderListener;
import dev.providerapi.Secret;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.spi.RateLimitBuckets;
import dev.providerapi.http.internal.AccountLimits;
import dev.providerapi.http.internal.AuthInterceptor;
import dev.providerapi.http.internal.BodyEncoder;
import dev.providerapi.http.internal.CircuitBreakerInterceptor;
import dev.providerapi.http.internal.ErrorMapper;
import dev.providerapi.http.internal.ErrorMappingInterceptor;
import dev.providerapi.http.internal.EventInterceptor;
import dev.providerapi.http.internal.HttpCall;
import dev.providerapi.http.internal.HttpLog;
import dev.providerapi.http.internal.HttpResult;
import dev.providerapi.http.internal.Interceptor;
import dev.providerapi.http.internal.InterceptorChain;
import dev.providerapi.http.internal.JsonMappers;
import dev.providerapi.http.internal.LoggingInterceptor;
import dev.providerapi.http.internal.RateLimitInterceptor;
import dev.providerapi.http.internal.RateLimiter;
import dev.providerapi.http.internal.Redactor;
import dev.providerapi.http.internal.ResponseDecoder;
import dev.providerapi.http.internal.RetryInterceptor;
import dev.providerapi.http.internal.SendInterceptor;
import dev.providerapi.http.internal.SharedAccounts;
import dev.providerapi.http.internal.UrlBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP machinery every generated client calls: retry -> rate limit -> circuit breaker -> auth -> error
 * mapping -> redacting log -> send, on the JDK HttpClient; then decode with Jackson. Thread-safe; one per
 * configured provider. The rate-limit buckets, the 429 window and the circuit breaker belong to the account
 * (provider, endpoint, credentials) in the config's {@link RateLimitBuckets} store: every client of one account
 * shares them, with the clock and breaker settings of the first one made.
 */
public final class ApiClient implements AutoCloseable {
  private static final String USER_AGENT = "provider-api/0.1";

  private final ProviderDescriptor descriptor;
  private final ProviderConfig config;
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final List<Interceptor> chain;
  private final ResponseDecoder decoder;
  private final @Nullable RateLimiter rateLimiter;
  private final CircuitBreakerInterceptor circuitBreaker;
  private final SharedAccounts.Account account;
  private final HttpClient httpClient;
  private final boolean ownsHttpClient;
  private final @Nullable KubeCredentials kube;

  private ApiClient(Builder b) {
    this.descriptor = b.descriptor;
    this.config = b.config;
    this.mapper = JsonMappers.create();
    List<String> secrets = secretValues(descriptor.auth(), config, b.kube);
    this.redactor = Redactor.of(secrets);
    this.kube = b.kube;
    if (kube != null && descriptor.auth().style() != AuthStyle.KUBECONFIG) {
      throw new IllegalArgumentException(descriptor.name() + " declares auth style " + descriptor.auth().style()
          + ", not kubeconfig: kube credentials do not apply");
    }
    HttpClient given = b.httpClient != null ? b.httpClient : config.httpClient().orElse(null);
    this.ownsHttpClient = given == null;
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL);
    config.executor().ifPresent(http::executor);
    if (kube != null && kube.sslContext() != null) {
      // The cluster's CA (and client certificate, for certificate auth) live in the TLS context.
      http.sslContext(kube.sslContext());
    }
    this.httpClient = given != null ? given : http.build();
    ErrorMapper errors = new ErrorMapper(descriptor.name(), descriptor.errorFormat(), mapper, redactor, b.clock);
    this.decoder = new ResponseDecoder(descriptor.name(), mapper, redactor);
    // One account (provider, endpoint, credentials) shares its buckets, 429 window and breaker between clients.
    URI endpoint = config.baseUrl().orElse(kube != null && kube.server() != null ? kube.server() : descriptor.baseUrl());
    RateLimitBuckets store = config.rateLimitBuckets();
    String accountKey = SharedAccounts.accountKey(descriptor.name(), endpoint.toString(), secrets);
    this.account = SharedAccounts.account(store, accountKey);
    int threshold = b.circuitBreakerThreshold;
    Duration openFor = b.circuitBreakerDelay;
    ProviderListener listener = config.listener();
    this.circuitBreaker = new CircuitBreakerInterceptor(
        account.breaker(() -> CircuitBreakerInterceptor.newBreaker(threshold, openFor)), descriptor.name(), listener);
    List<Interceptor> steps = new ArrayList<>();
    steps.add(new RetryInterceptor(config.maxAttempts(), config.retryBaseDelay(), config.maxRetryAfter(), listener));
    if (config.rateLimited()) {
      Clock clock = b.clock;
      AccountLimits limits = account.limits(() -> new AccountLimits(accountKey, store, descriptor.rateLimits(),
          descriptor.operationRateLimits(), clock));
      this.rateLimiter = new RateLimiter(limits, b.sleeper, config.retryBaseDelay(), config.maxRetryAfter());
      steps.add(new RateLimitInterceptor(rateLimiter, listener));
    } else {
      this.rateLimiter = null;
    }
    steps.add(circuitBreaker);
    if (listener != ProviderListener.NONE) {
      steps.add(new EventInterceptor(listener, redactor));
    }
    steps.add(new AuthInterceptor(descriptor.name(), descriptor.auth(), config,
        b.kube == null ? null : b.kube.bearerToken()));
    steps.add(new ErrorMappingInterceptor(errors));
    steps.add(new LoggingInterceptor(new HttpLog(b.logListener), redactor));
    steps.add(new SendInterceptor(httpClient, config.requestTimeout(), config.maxResponseBytes()));
    this.chain = List.copyOf(steps);
  }

  /**
   * A client for {@code descriptor} configured by {@code config}, with the system clock and sleeper.
   *
   * @param descriptor the provider's descriptor
   * @param config the configuration (credentials, timeouts, retries, rate-limit store)
   * @return a new client; close it to free an HttpClient it made itself
   */
  public static ApiClient create(ProviderDescriptor descriptor, ProviderConfig config) {
    return builder(descriptor, config).build();
  }

  /**
   * For tests and embedders: inject the clock, sleeper, HttpClient or a log listener.
   *
   * @param descriptor the provider's descriptor
   * @param config the configuration
   * @return a new builder
   */
  public static Builder builder(ProviderDescriptor descriptor, ProviderConfig config) {
    return new Builder(descriptor, config);
  }

  /**
   * The provider's descriptor this client was made with.
   *
   * @return the descriptor
   */
  public ProviderDescriptor descriptor() {
    return descriptor;
  }

  /**
   * The configuration this client was made with.
   *
   * @return the configuration
   */
  public ProviderConfig config() {
    return config;
  }

  /**
   * The mapper used for bodies: unknown properties ignored, java.time supported, nulls left out.
   *
   * @return the mapper, shared by every call of this client
   */
  public ObjectMapper objectMapper() {
    return mapper;
  }

  /**
   * Removes this client's secrets from text; for adapters that log or wrap provider output themselves.
   *
   * @param text the text to clean
   * @return the text with every secret value of this client replaced; empty if the redactor returned null
   */
  public String redact(String text) {
    return Objects.requireNonNullElse(redactor.redact(text), "");
  }

  /**
   * The client-side rate limiter, absent when the config turned rate limiting off.
   *
   * @return the limiter, or empty
   */
  public java.util.Optional<RateLimiter> rateLimiter() {
    return java.util.Optional.ofNullable(rateLimiter);
  }

  /**
   * {@code provider-api:<provider>:<hash>}: names the account whose limits and breaker this client shares.
   *
   * @return the account key
   */
  public String accountKey() {
    return account.key();
  }

  /**
   * True while the circuit breaker rejects calls without sending them.
   *
   * @return true if the breaker is open
   */
  public boolean circuitOpen() {
    return circuitBreaker.isOpen();
  }

  /**
   * Sends the call and decodes the (unwrapped) success body as {@code type}.
   *
   * @throws ProviderException typed by the provider's declared error format
   *
   * @param <T> the decoded type
   * @param operation the operation to call
   * @param request the call's parameters and body
   * @param type the class to decode the body as
   * @return the decoded body; null for {@code Void}, an answer with no content, or a JSON {@code null}
   */
  public <T> @Nullable T execute(Operation operation, ApiRequest request, Class<T> type) {
    return decode(operation, send(operation, request), mapper.constructType(type));
  }

  /**
   * As {@link #execute(Operation, ApiRequest, Class)}, for generic types such as {@code List<Instance>}.
   *
   * @param <T> the decoded type
   * @param operation the operation to call
   * @param request the call's parameters and body
   * @param type the type to decode the body as
   * @return the decoded body; null for {@code Void}, an answer with no content, or a JSON {@code null}
   * @throws ProviderException typed by the provider's declared error format
   */
  public <T> @Nullable T execute(Operation operation, ApiRequest request, TypeReference<T> type) {
    return decode(operation, send(operation, request), mapper.getTypeFactory().constructType(type));
  }

  /**
   * Sends the call and discards the success body.
   *
   * @param operation the operation to call
   * @param request the call's parameters and body
   * @throws ProviderException typed by the provider's declared error format
   */
  public void execute(Operation operation, ApiRequest request) {
    send(operation, request);
  }

  private <T> @Nullable T decode(Operation operation, HttpResult result, JavaType type) {
    return decoder.decode(operation, result, type);
  }

  private HttpResult send(Operation operation, ApiRequest request) {
    URI base = config.baseUrl().orElse(kube != null && kube.server() != null ? kube.server() : descriptor.baseUrl());
    URI uri = UrlBuilder.build(base, operation.pathTemplate(), request.pathParams(), request.queryParams());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    headers.put("User-Agent", USER_AGENT);
    byte[] body = BodyEncoder.encode(request.body(), request.contentType(), mapper);
    if (body != null) {
      headers.put("Content-Type", request.contentType());
    }
    headers.putAll(request.headers());
    // The earlier of this call's own deadline and one the caller runs it under (Deadline.within).
    Deadline deadline = Deadline.after(config.callTimeout()).boundedByCurrent();
    HttpCall call = new HttpCall(descriptor.name(), operation, uri, headers, body, deadline);
    try {
      return InterceptorChain.run(chain, call);
    } catch (IOException e) {
      // Only an interruption gets here: every other network failure is mapped inside the chain.
      throw new ProviderUnavailableException(new ErrorDetails(descriptor.name(), operation.id(), 0, null,
          redact(String.valueOf(e.getMessage())), null, false, null), null);
    }
  }

  private static List<String> secretValues(AuthSpec auth, ProviderConfig config, @Nullable KubeCredentials kube) {
    List<String> values = new ArrayList<>();
    if (kube != null) {
      Secret token = kube.bearerToken().get();
      if (token != null && !token.isBlank()) {
        values.add(token.reveal());
      }
    }
    config.apiKey(auth.apiKeyEnv()).map(Secret::reveal).ifPresent(values::add);
    for (String secretName : auth.queryParams().values()) {
      config.secret(secretName).map(Secret::reveal).ifPresent(values::add);
    }
    return values;
  }

  @Override
  public void close() {
    if (ownsHttpClient && httpClient instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        // Closing only frees the client's threads early; nothing to report.
      }
    }
  }

  /** Builds an {@link ApiClient} with injected parts; every setter is optional. */
  public static final class Builder {
    private final ProviderDescriptor descriptor;
    private final ProviderConfig config;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private @Nullable HttpClient httpClient;
    private @Nullable Consumer<String> logListener;
    private @Nullable KubeCredentials kube;
    private int circuitBreakerThreshold = 5;
    private Duration circuitBreakerDelay = Duration.ofSeconds(30);

    private Builder(ProviderDescriptor descriptor, ProviderConfig config) {
      this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
      this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The clock for Retry-After dates and rate-limit buckets.
     *
     * @param clock the clock (default the system UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * How the rate limiter waits for tokens and 429 pauses.
     *
     * @param sleeper the sleeper (default {@link Sleeper#SYSTEM})
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * A shared HttpClient; the ApiClient then does not close it.
     *
     * @param httpClient the client to send with, instead of one made from the config
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * For auth style {@code kubeconfig}: the API server, token and TLS context a kubeconfig resolved to. Without
     * it, such a client sends {@code ProviderConfig.apiKey} as a bearer token (a service-account token given
     * directly) to the configured base URL.
     *
     * @param kube the resolved kubeconfig credentials
     * @return this builder
     * @throws NullPointerException if {@code kube} is null
     */
    public Builder kubeCredentials(KubeCredentials kube) {
      this.kube = Objects.requireNonNull(kube, "kube");
      return this;
    }

    /**
     * Receives every log line the chain writes, already redacted.
     *
     * @param listener the receiver of log lines
     * @return this builder
     */
    public Builder logListener(Consumer<String> listener) {
      this.logListener = listener;
      return this;
    }

    /**
     * Consecutive 5xx / network failures that open the circuit, and how long it stays open.
     *
     * @param failureThreshold failures in a row that open the circuit (default 5); at least 1
     * @param openFor how long the circuit stays open (default 30 s)
     * @return this builder
     * @throws IllegalArgumentException if {@code failureThreshold} is below 1
     */
    public Builder circuitBreaker(int failureThreshold, Duration openFor) {
      if (failureThreshold < 1) {
        throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
      }
      this.circuitBreakerThreshold = failureThreshold;
      this.circuitBreakerDelay = openFor;
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalArgumentException if kube credentials were given but the provider's auth style is not
     *     kubeconfig
     */
    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
