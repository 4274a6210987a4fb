package dev.providerapi.spi;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Instant;

/**
 * Where the rate-limit state of an account lives: its Bucket4j buckets and the "not before" instant a 429's
 * Retry-After sets. Every client of one provider account (same provider, endpoint and credentials) that uses the
 * same store shares one set of buckets, one 429 window and one circuit breaker, so several
 * {@code Provider.configure(...)} copies or {@code Providers.load(...)} calls keep to the account's limit
 * together.
 *
 * <p>The default, {@link #inProcess()}, keeps the state in this JVM. A store shared between processes (Bucket4j's
 * distributed proxy managers on PostgreSQL or Redis, in the {@code provider-api-shared-limits} module) makes
 * several broker replicas on one account keep its limits together. Select one with
 * {@code ProviderConfig.builder().rateLimitBuckets(...)}.
 *
 * <p>Keys look like {@code provider-api:lambda:3f2a...:global}: the provider name, a SHA-256 of the endpoint and
 * the credentials (never a credential itself) and the bucket's name. Implementations are thread-safe.
 */
public interface RateLimitBuckets {
  /**
   * The bucket stored under {@code key}, created with {@code configuration} when there is none yet.
   *
   * @param clock the client's clock; a store that keeps time itself (a database, Redis) may ignore it
   * @param key the bucket's key
   * @param configuration the bucket's limits, used when it is created
   * @return the bucket
   */
  Bucket bucket(String key, BucketConfiguration configuration, Clock clock);

  /**
   * The instant before which no request of the account under {@code accountKey} goes out, as set by
   * {@link #notBefore(String, Instant)} in this store; {@link Instant#MIN} when none. The default keeps no
   * window: the clients of one JVM share theirs in memory whatever the store, so only a store shared between
   * processes needs to implement these two.
   *
   * @param accountKey the account's key
   * @return the instant, or {@link Instant#MIN}
   */
  default Instant notBefore(String accountKey) {
    return Instant.MIN;
  }

  /**
   * Moves the account's "not before" instant to {@code until}, unless it is already later.
   *
   * @param accountKey the account's key
   * @param until the instant before which no request goes out
   */
  default void notBefore(String accountKey, Instant until) {
    // in-process: the JVM's shared window already holds it
  }

  /**
   * The JVM-wide in-process store, the default of every {@code ProviderConfig}.
   *
   * @return the shared store
   */
  static RateLimitBuckets inProcess() {
    return InProcessRateLimitBuckets.SHARED;
  }

  /**
   * A new in-process store of its own: clients using it share state with each other only (tests, isolation).
   *
   * @return a new store
   */
  static RateLimitBuckets isolated() {
    return new InProcessRateLimitBuckets("isolated");
  }
}
