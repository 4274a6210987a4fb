package dev.providerapi.limits;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.Operation;
import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.RedisClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One broker replica of the two-JVM test: {@code threads} callers send {@code requests} GETs in all, as fast as
 * they may, through an ApiClient on the shared store. Run in-process and as a second JVM ({@link #main}).
 */
final class SharedLimitWorker {
  static final RateLimitWindow LIMIT = new RateLimitWindow(10, Duration.ofSeconds(1), 5);
  static final ProviderDescriptor ACME = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
      .auth(AuthSpec.bearer("ACME_API_KEY")).rateLimit(LIMIT).build();
  static final Operation GET = new Operation("getThing", "GET", "/things/{id}", true, null);

  private SharedLimitWorker() {}

  /** {@code postgres <jdbc-url> | redis <uri>}, then base URL, API key, requests, threads. */
  static RateLimitBuckets store(String kind, String where) {
    return switch (kind) {
      case "postgres" -> PostgresRateLimitBuckets.create(TestServers.pooled(where, 4));
      case "redis" -> RedisRateLimitBuckets.create(RedisClient.create(where));
      default -> throw new IllegalArgumentException("store kind must be postgres or redis, was " + kind);
    };
  }

  /**
   * {@code store}, recording when each token of an account-wide bucket was granted (epoch microseconds, taken as
   * the store answers), into {@code grants}.
   */
  static RateLimitBuckets recording(RateLimitBuckets store, List<Long> grants) {
    return new RateLimitBuckets() {
      @Override
      public Bucket bucket(String key, BucketConfiguration configuration, Clock clock) {
        Bucket inner = store.bucket(key, configuration, clock);
        if (!key.endsWith(":global")) {
          return inner;
        }
        return (Bucket) Proxy.newProxyInstance(Bucket.class.getClassLoader(), new Class<?>[] {Bucket.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(inner, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (result instanceof ConsumptionProbe p && p.isConsumed()) {
                Instant now = Instant.now();
                grants.add(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000);
              }
              return result;
            });
      }

      @Override
      public Instant notBefore(String accountKey) {
        return store.notBefore(accountKey);
      }

      @Override
      public void notBefore(String accountKey, Instant until) {
        store.notBefore(accountKey, until);
      }
    };
  }

  /** Sends them; returns how many succeeded (every failure is printed). */
  static int run(RateLimitBuckets store, String baseUrl, String apiKey, int requests, int threads, String who)
      throws Exception {
    ApiClient client = ApiClient.create(ACME, ProviderConfig.builder().environment(Map.of()).baseUrl(baseUrl)
        .apiKey(apiKey).maxAttempts(1).maxRetryAfter(Duration.ofSeconds(30)).rateLimitBuckets(store).build());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> {
        for (int n; (n = next.getAndIncrement()) < requests; ) {
          try {
            client.execute(GET, ApiRequest.builder().path("id", who + "-" + n).header("X-Replica", who).build());
            ok.incrementAndGet();
          } catch (ProviderException e) {
            System.out.println("FAILED " + e.getMessage());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return ok.get();
  }

  /**
   * A few requests on another account first, so the measured ones do not include this JVM's first-call costs
   * (class loading, JIT, the HTTP client's first connection) between taking a token and sending.
   */
  static void warmUp(RateLimitBuckets store, String baseUrl, String apiKey) throws Exception {
    run(store, baseUrl, "warm-up-" + apiKey, 4, 2, "warm-up");
  }

  /**
   * Asserts that in every interval between two of {@code nanos} (sorted) the account allowed them: burst +
   * rate x length, with {@code slackNanos} added to each length and {@code slackRequests} to each allowance.
   */
  static void withinLimit(RateLimitWindow limit, String what, List<Long> nanos, long slackNanos, int slackRequests) {
    double rate = limit.limit() / (double) limit.period().toNanos();
    for (int i = 0; i < nanos.size(); i++) {
      for (int j = i; j < nanos.size(); j++) {
        long d = nanos.get(j) - nanos.get(i) + slackNanos;
        double allowed = limit.burst() + rate * d + slackRequests;
        org.assertj.core.api.Assertions.assertThat((double) (j - i + 1))
            .as("requests %d..%d %s within %d ms", i, j, what, d / 1_000_000)
            .isLessThanOrEqualTo(allowed + 1e-9);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    List<Long> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    RateLimitBuckets store = recording(store(args[0], args[1]), sent);
    warmUp(store, args[2], args[3]);
    sent.clear();
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"GO".equals(in.readLine())) {
      System.exit(3);
    }
    int ok = run(store, args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), "child");
    for (long micros : sent) {
      System.out.println("SENT " + micros);
    }
    System.out.println("OK " + ok);
    System.out.flush();
    System.exit(0);
  }
}
