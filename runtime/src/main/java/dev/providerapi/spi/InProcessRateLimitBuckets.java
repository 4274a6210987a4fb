package dev.providerapi.spi;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Buckets in this JVM's memory (Bucket4j local buckets, lock-free), one per key, timed by the clock of the client
 * that created it. See {@link RateLimitBuckets#inProcess()}.
 */
final class InProcessRateLimitBuckets implements RateLimitBuckets {
  static final InProcessRateLimitBuckets SHARED = new InProcessRateLimitBuckets("shared");

  private final String name;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  InProcessRateLimitBuckets(String name) {
    this.name = name;
  }

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration, Clock clock) {
    return buckets.computeIfAbsent(key, k -> {
      LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(new ClockTimeMeter(clock));
      for (Bandwidth bandwidth : configuration.getBandwidths()) {
        b.addLimit(bandwidth);
      }
      return b.build();
    });
  }

  @Override
  public String toString() {
    return "RateLimitBuckets[in-process, " + name + ", " + buckets.size() + " buckets]";
  }

  /** Bucket4j time from a java.time Clock, so tests can drive both the buckets and the pauses. */
  record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
