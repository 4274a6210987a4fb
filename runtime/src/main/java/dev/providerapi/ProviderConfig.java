package dev.providerapi;

import dev.providerapi.spi.RateLimitBuckets;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a provider: credentials (given, or read from the environment variables its provider.yaml
 * names), an optional base URL override (tests, proxies), timeouts and deadlines, the offers cache, and
 * optionally the HttpClient, executor and event listener to use.
 *
 * <p>Deadlines: one HTTP exchange (headers and body) is bounded by {@link #requestTimeout()}; one client call,
 * with every attempt, backoff, rate-limit wait and body read, by {@link #callTimeout()}; one launch, with its
 * create attempts and the client-token lookups that resolve an ambiguous failure, by {@link #launchTimeout()}.
 * A caller can bound any larger piece of work with {@link dev.providerapi.http.Deadline#within}.
 *
 * <p>{@link #toString()} never shows a credential.
 */
public final class ProviderConfig {
  private final @Nullable Secret apiKey;
  private final Map<String, Secret> secrets;
  private final @Nullable URI baseUrl;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final @Nullable Duration offersCacheTtl;
  private final Map<String, String> environment;
  private final int maxAttempts;
  private final boolean rateLimited;
  private final Duration retryBaseDelay;
  private final Duration maxRetryAfter;
  private final int launchLookups;
  private final Duration launchLookupDelay;
  private final Duration callTimeout;
  private final Duration launchTimeout;
  private final long maxResponseBytes;
  private final @Nullable HttpClient httpClient;
  private final @Nullable Executor executor;
  private final ProviderListener listener;
  private final RateLimitBuckets rateLimitBuckets;
  private final boolean credentialsDeferred;

  private ProviderConfig(Builder b) {
    this.credentialsDeferred = b.credentialsDeferred;
    this.apiKey = b.apiKey;
    this.secrets = Map.copyOf(b.secrets);
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.offersCacheTtl = b.offersCacheTtl;
    this.environment = b.environment;
    this.maxAttempts = b.maxAttempts;
    this.rateLimited = b.rateLimited;
    this.retryBaseDelay = b.retryBaseDelay;
    this.maxRetryAfter = b.maxRetryAfter;
    this.launchLookups = b.launchLookups;
    this.launchLookupDelay = b.launchLookupDelay;
    this.callTimeout = b.callTimeout;
    this.launchTimeout = b.launchTimeout;
    this.maxResponseBytes = b.maxResponseBytes;
    this.httpClient = b.httpClient;
    this.executor = b.executor;
    this.listener = b.listener;
    this.rateLimitBuckets = b.rateLimitBuckets;
  }

  /**
   * Everything from defaults and the process environment. This is what the adapters' no-argument constructors
   * use for {@link java.util.ServiceLoader} discovery, which must work before any key is set: an adapter made
   * from it reports missing credentials on its first call. An adapter made from any other config (the builder,
   * {@link dev.providerapi.Provider#configure}, {@code Providers.load(name, config)}) checks them at once and
   * throws {@link dev.providerapi.errors.MissingCredentialsException}.
   *
   * @return a config with every default, credentials deferred
   */
  public static ProviderConfig fromEnvironment() {
    return builder().credentialsDeferred(true).build();
  }

  /**
   * True for {@link #fromEnvironment()} (and a builder told {@link Builder#credentialsDeferred}): the adapter
   * defers the credential check to its first call, so discovery works with no key. False by default.
   *
   * @return true if the credential check is deferred
   */
  public boolean credentialsDeferred() {
    return credentialsDeferred;
  }

  /**
   * A builder with every default: credentials from {@link System#getenv()}, checked when an adapter is made.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The API key given explicitly, else the value of {@code envVar} in the environment.
   *
   * @param envVar the environment variable the provider reads its key from, or null if it has none
   * @return the key, or empty when neither is set (a blank environment value counts as unset)
   */
  public Optional<Secret> apiKey(@Nullable String envVar) {
    if (apiKey != null) {
      return Optional.of(apiKey);
    }
    return envVar == null ? Optional.empty() : secret(envVar);
  }

  /**
   * A named secret given explicitly, else the environment variable of that name.
   *
   * @param name the secret's name
   * @return the secret, or empty when neither is set (a blank environment value counts as unset)
   */
  public Optional<Secret> secret(String name) {
    Secret given = secrets.get(name);
    if (given != null) {
      return Optional.of(given);
    }
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
  }

  /**
   * The base URL to call instead of the provider's (tests, proxies).
   *
   * @return the URL, or empty for the provider's own
   */
  public Optional<URI> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /**
   * The most a TCP connection may take to open (default 10 s).
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The most one HTTP exchange, headers and body, may take (default 60 s).
   *
   * @return the timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Overrides the TTL declared in provider.yaml; {@link Duration#ZERO} turns the cache off.
   *
   * @return the TTL, or empty for the one provider.yaml declares
   */
  public Optional<Duration> offersCacheTtl() {
    return Optional.ofNullable(offersCacheTtl);
  }

  /**
   * Attempts per idempotent call, the first included.
   *
   * @return the attempts (default 4), at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * False turns off client-side rate limiting (for callers that pace requests themselves, and tests).
   *
   * @return true if requests keep to the declared rate limits (the default)
   */
  public boolean rateLimited() {
    return rateLimited;
  }

  /**
   * First backoff delay; later ones grow exponentially with jitter.
   *
   * @return the delay (default 500 ms)
   */
  public Duration retryBaseDelay() {
    return retryBaseDelay;
  }

  /**
   * The longest Retry-After we wait out; a longer one surfaces as RateLimitedException at once.
   *
   * @return the longest wait (default 60 s)
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * How many times an ambiguous launch failure looks the client token up before giving up.
   *
   * @return the number of lookups (default 3), at least 1
   */
  public int launchLookups() {
    return launchLookups;
  }

  /**
   * The wait before each of those lookups (a new instance takes a moment to be listed).
   *
   * @return the delay (default 2 s)
   */
  public Duration launchLookupDelay() {
    return launchLookupDelay;
  }

  /**
   * The most one client call may take, all attempts, backoff, rate-limit waits and body reads included
   * (default 2 minutes). Past it the call fails with {@code DeadlineExceededException}.
   *
   * @return the call's deadline budget
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  /**
   * The most one {@code launch} may take: its create attempts and the client-token lookups that resolve an
   * ambiguous failure (default 5 minutes). Past it the launch fails with {@code LaunchOutcomeUnknownException}
   * (look the token up later) or with the create's own error when nothing was sent.
   *
   * @return the launch's deadline budget
   */
  public Duration launchTimeout() {
    return launchTimeout;
  }

  /**
   * The largest response body read into memory (default 64 MiB); a larger one is an UnexpectedResponseException.
   *
   * @return the limit in bytes
   */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /**
   * An HttpClient to share between providers; the client then does not close it.
   *
   * @return the shared client, or empty when each provider builds its own
   */
  public Optional<HttpClient> httpClient() {
    return Optional.ofNullable(httpClient);
  }

  /**
   * The executor for the HttpClient the provider builds itself (ignored when {@link #httpClient()} is given).
   *
   * @return the executor, or empty for the HttpClient's default
   */
  public Optional<Executor> executor() {
    return Optional.ofNullable(executor);
  }

  /**
   * Receives the calls' events (attempts, retries, rate-limit waits, breaker changes, launches); no-op by default.
   *
   * @return the listener; {@link ProviderListener#NONE} by default
   */
  public ProviderListener listener() {
    return listener;
  }

  /**
   * Where the account's rate-limit buckets and 429 window live; every client of one account (provider, endpoint,
   * credentials) on the same store shares them and the circuit breaker. Default {@link RateLimitBuckets#inProcess()}.
   *
   * @return the store
   */
  public RateLimitBuckets rateLimitBuckets() {
    return rateLimitBuckets;
  }

  /**
   * A builder holding every setting of this config, to change some of them.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.credentialsDeferred = credentialsDeferred;
    b.apiKey = apiKey;
    b.secrets.putAll(secrets);
    b.baseUrl = baseUrl;
    b.connectTimeout = connectTimeout;
    b.requestTimeout = requestTimeout;
    b.offersCacheTtl = offersCacheTtl;
    b.environment = environment;
    b.maxAttempts = maxAttempts;
    b.rateLimited = rateLimited;
    b.retryBaseDelay = retryBaseDelay;
    b.maxRetryAfter = maxRetryAfter;
    b.launchLookups = launchLookups;
    b.launchLookupDelay = launchLookupDelay;
    b.callTimeout = callTimeout;
    b.launchTimeout = launchTimeout;
    b.maxResponseBytes = maxResponseBytes;
    b.httpClient = httpClient;
    b.executor = executor;
    b.listener = listener;
    b.rateLimitBuckets = rateLimitBuckets;
    return b;
  }

  @Override
  public String toString() {
    return "ProviderConfig[apiKey=" + (apiKey == null ? "from environment" : "***")
        + ", secrets=" + secrets.keySet()
        + ", baseUrl=" + baseUrl
        + ", connectTimeout=" + connectTimeout
        + ", requestTimeout=" + requestTimeout
        + ", offersCacheTtl=" + offersCacheTtl
        + ", maxAttempts=" + maxAttempts + ", rateLimited=" + rateLimited
        + ", retryBaseDelay=" + retryBaseDelay + ", maxRetryAfter=" + maxRetryAfter
        + ", launchLookups=" + launchLookups + ", launchLookupDelay=" + launchLookupDelay
        + ", callTimeout=" + callTimeout + ", launchTimeout=" + launchTimeout
        + ", maxResponseBytes=" + maxResponseBytes
        + (httpClient != null ? ", httpClient=given" : "") + (executor != null ? ", executor=given" : "")
        + (listener != ProviderListener.NONE ? ", listener=" + listener.getClass().getName() : "")
        + ", rateLimitBuckets=" + rateLimitBuckets + "]";
  }

  /** Builds a {@link ProviderConfig}; every setter is optional and the getters of the config name the defaults. */
  public static final class Builder {
    private boolean credentialsDeferred;
    private @Nullable Secret apiKey;
    private final Map<String, Secret> secrets = new HashMap<>();
    private @Nullable URI baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private @Nullable Duration offersCacheTtl;
    private Map<String, String> environment = System.getenv();
    private int maxAttempts = 4;
    private boolean rateLimited = true;
    private Duration retryBaseDelay = Duration.ofMillis(500);
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private int launchLookups = 3;
    private Duration launchLookupDelay = Duration.ofSeconds(2);
    private Duration callTimeout = Duration.ofMinutes(2);
    private Duration launchTimeout = Duration.ofMinutes(5);
    private long maxResponseBytes = 64L * 1024 * 1024;
    private @Nullable HttpClient httpClient;
    private @Nullable Executor executor;
    private ProviderListener listener = ProviderListener.NONE;
    private RateLimitBuckets rateLimitBuckets = RateLimitBuckets.inProcess();

    private Builder() {}

    /**
     * The store of rate-limit state (default: in this JVM). A shared one (PostgreSQL, Redis: module
     * {@code provider-api-shared-limits}) makes several processes on one account keep its limits together.
     *
     * @param rateLimitBuckets the store
     * @return this builder
     * @throws NullPointerException if {@code rateLimitBuckets} is null
     */
    public Builder rateLimitBuckets(RateLimitBuckets rateLimitBuckets) {
      this.rateLimitBuckets = java.util.Objects.requireNonNull(rateLimitBuckets, "rateLimitBuckets");
      return this;
    }

    /**
     * See {@link ProviderConfig#callTimeout()}.
     *
     * @param callTimeout the budget of one call; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code callTimeout} is null, zero or negative
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive("callTimeout", callTimeout);
      return this;
    }

    /**
     * See {@link ProviderConfig#launchTimeout()}.
     *
     * @param launchTimeout the budget of one launch; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code launchTimeout} is null, zero or negative
     */
    public Builder launchTimeout(Duration launchTimeout) {
      this.launchTimeout = positive("launchTimeout", launchTimeout);
      return this;
    }

    /**
     * See {@link ProviderConfig#maxResponseBytes()}.
     *
     * @param maxResponseBytes the limit in bytes; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxResponseBytes} is below 1
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * See {@link ProviderConfig#httpClient()}.
     *
     * @param httpClient the client to share
     * @return this builder
     * @throws NullPointerException if {@code httpClient} is null
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = java.util.Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * See {@link ProviderConfig#executor()}.
     *
     * @param executor the executor
     * @return this builder
     * @throws NullPointerException if {@code executor} is null
     */
    public Builder executor(Executor executor) {
      this.executor = java.util.Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * See {@link ProviderConfig#listener()}.
     *
     * @param listener the listener
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(ProviderListener listener) {
      this.listener = java.util.Objects.requireNonNull(listener, "listener");
      return this;
    }

    private static Duration positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
      return d;
    }

    /**
     * Sets {@link ProviderConfig#launchLookups()}.
     *
     * @param launchLookups the number of lookups; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code launchLookups} is below 1
     */
    public Builder launchLookups(int launchLookups) {
      if (launchLookups < 1) {
        throw new IllegalArgumentException("launchLookups must be at least 1, was " + launchLookups);
      }
      this.launchLookups = launchLookups;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#launchLookupDelay()}.
     *
     * @param launchLookupDelay the wait before each lookup
     * @return this builder
     */
    public Builder launchLookupDelay(Duration launchLookupDelay) {
      this.launchLookupDelay = launchLookupDelay;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#rateLimited()}.
     *
     * @param rateLimited false to turn client-side rate limiting off
     * @return this builder
     */
    public Builder rateLimited(boolean rateLimited) {
      this.rateLimited = rateLimited;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#retryBaseDelay()}.
     *
     * @param retryBaseDelay the first backoff delay
     * @return this builder
     */
    public Builder retryBaseDelay(Duration retryBaseDelay) {
      this.retryBaseDelay = retryBaseDelay;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#maxRetryAfter()}.
     *
     * @param maxRetryAfter the longest Retry-After waited out
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Whether an adapter made from this config may be created without its credentials and report them missing
     * on its first call (what discovery needs) instead of at once (the default).
     *
     * @param deferred true to defer the credential check to the first call
     * @return this builder
     */
    public Builder credentialsDeferred(boolean deferred) {
      this.credentialsDeferred = deferred;
      return this;
    }

    /**
     * Sets the API key, used before the provider's environment variable.
     *
     * @param apiKey the key
     * @return this builder
     * @throws NullPointerException if {@code apiKey} is null
     */
    public Builder apiKey(String apiKey) {
      this.apiKey = Secret.of(apiKey);
      return this;
    }

    /**
     * Sets a named secret (a query-parameter credential, say), used before the environment variable of that name.
     *
     * @param name the secret's name
     * @param value the secret's value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder secret(String name, String value) {
      this.secrets.put(name, Secret.of(value));
      return this;
    }

    /**
     * Sets the base URL to call instead of the provider's.
     *
     * @param baseUrl the URL
     * @return this builder
     * @throws IllegalArgumentException if {@code baseUrl} is not a valid URI
     */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(baseUrl));
    }

    /**
     * Sets the base URL to call instead of the provider's.
     *
     * @param baseUrl the URL, or null for the provider's own
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#connectTimeout()}.
     *
     * @param connectTimeout the connect timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#requestTimeout()}.
     *
     * @param requestTimeout the timeout of one HTTP exchange
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /**
     * Sets {@link ProviderConfig#offersCacheTtl()}.
     *
     * @param ttl the TTL; {@link Duration#ZERO} turns the cache off, null uses provider.yaml's
     * @return this builder
     */
    public Builder offersCacheTtl(Duration ttl) {
      this.offersCacheTtl = ttl;
      return this;
    }

    /**
     * The environment to read credentials from (tests); defaults to {@link System#getenv()}.
     *
     * @param environment the variables (copied)
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * Sets {@link ProviderConfig#maxAttempts()}.
     *
     * @param maxAttempts attempts per idempotent call; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAttempts} is below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Builds the config.
     *
     * @return the config
     */
    public ProviderConfig build() {
      return new ProviderConfig(this);
    }
  }
}
