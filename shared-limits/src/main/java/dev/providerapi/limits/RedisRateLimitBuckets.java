package dev.providerapi.limits;

import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Rate-limit state in Redis, shared by every process that uses the same server: Bucket4j's compare-and-swap
 * proxy manager on Lettuce keeps each bucket under its key (expiring once it would have refilled anyway), and
 * each account's 429 window is a key that expires when the window closes. Time comes from each process's
 * clock (keep them in sync, as NTP does). {@link #close()} closes the connection this store opened.
 */
public final class RedisRateLimitBuckets implements RateLimitBuckets, AutoCloseable {
  /** Moves the window forward only, and lets the key expire when it closes. */
  private static final String EXTEND_WINDOW = "local cur = redis.call('GET', KEYS[1])\n"
      + "if (not cur) or tonumber(cur) < tonumber(ARGV[1]) then\n"
      + "  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
      + "end\n"
      + "return 1";

  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final String description;
  private final ProxyManager<String> proxies;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * On a connection of its own to {@code client}'s server.
   *
   * @param client the Redis client; this store opens one connection with it and {@link #close()} closes it
   * @return a store on a new connection
   */
  public static RedisRateLimitBuckets create(RedisClient client) {
    Objects.requireNonNull(client, "client");
    return new RedisRateLimitBuckets(client.connect(ByteArrayCodec.INSTANCE));
  }

  private RedisRateLimitBuckets(StatefulRedisConnection<byte[], byte[]> connection) {
    this.connection = connection;
    this.description = "RateLimitBuckets[redis]";
    ProxyManager<byte[]> raw = Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
        .requestTimeout(Duration.ofSeconds(10))
        .build();
    this.proxies = raw.withMapper((String k) -> k.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bucket stored under the Redis key {@code key}, created with {@code configuration} when there is none yet.
   *
   * @param key the bucket's key, used as the Redis key
   * @param configuration the limits of a bucket created now; a key that exists keeps its state
   * @param clock ignored: Bucket4j takes the time from this process's clock
   * @return a proxy that updates the key by compare-and-swap for every token taken
   */
  @Override
  public Bucket bucket(String key, BucketConfiguration configuration, Clock clock) {
    return buckets.computeIfAbsent(key, k -> proxies.getProxy(k, () -> configuration));
  }

  @Override
  public Instant notBefore(String accountKey) {
    byte[] value = connection.sync().get(windowKey(accountKey));
    return value == null ? Instant.MIN : PostgresRateLimitBuckets.fromMicros(
        Long.parseLong(new String(value, StandardCharsets.US_ASCII)));
  }

  @Override
  public void notBefore(String accountKey, Instant until) {
    long micros = PostgresRateLimitBuckets.toMicros(until);
    long ttlMillis = Math.max(1, Duration.between(Instant.now(), until).toMillis() + 1_000);
    connection.sync().eval(EXTEND_WINDOW, ScriptOutputType.INTEGER, new byte[][] {windowKey(accountKey)},
        ascii(Long.toString(micros)), ascii(Long.toString(ttlMillis)));
  }

  private static byte[] windowKey(String accountKey) {
    return ascii(accountKey + ":window");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return description;
  }
}
