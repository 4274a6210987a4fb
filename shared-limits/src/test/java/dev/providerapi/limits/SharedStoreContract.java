package dev.providerapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every store shared between processes does; two store objects stand for two processes. */
abstract class SharedStoreContract {
  /** A second, independent store object on the same server (another process's). */
  abstract RateLimitBuckets store();

  final String account = "provider-api:acme:" + UUID.randomUUID().toString().replace("-", "");

  static BucketConfiguration tenPerMinuteBurstThree() {
    return BucketConfiguration.builder().addLimit(l -> l.capacity(3).refillGreedy(10, Duration.ofMinutes(1))).build();
  }

  @Test
  void twoProcessesTakeTokensFromOneBucket() {
    Bucket a = store().bucket(account + ":global", tenPerMinuteBurstThree(), Clock.systemUTC());
    Bucket b = store().bucket(account + ":global", tenPerMinuteBurstThree(), Clock.systemUTC());
    assertThat(a.tryConsume(2)).isTrue();
    assertThat(b.getAvailableTokens()).isEqualTo(1);
    assertThat(b.tryConsume(1)).isTrue();
    assertThat(a.tryConsume(1)).as("the burst of 3 is spent, whoever took it").isFalse();
    // Another key is another bucket.
    assertThat(store().bucket(account + ":op:launch", tenPerMinuteBurstThree(), Clock.systemUTC()).tryConsume(3))
        .isTrue();
  }

  @Test
  void aWindowOpenedByOneProcessIsSeenByTheOtherAndNeverShortened() {
    RateLimitBuckets one = store();
    RateLimitBuckets other = store();
    assertThat(other.notBefore(account)).isEqualTo(Instant.MIN);
    Instant until = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MICROS);
    one.notBefore(account, until);
    assertThat(other.notBefore(account)).isEqualTo(until);
    other.notBefore(account, until.minusSeconds(20));
    assertThat(one.notBefore(account)).isEqualTo(until);
    other.notBefore(account, until.plusSeconds(5));
    assertThat(one.notBefore(account)).isEqualTo(until.plusSeconds(5));
  }

  @Test
  void theRateLimiterWaitsOutAWindowAnotherProcessOpened() throws Exception {
    RateLimitWindow window = new RateLimitWindow(100, Duration.ofSeconds(1), 100);
    var mine = new dev.providerapi.http.internal.AccountLimits(account, store(), java.util.List.of(window),
        java.util.Map.of(), Clock.systemUTC());
    var theirs = new dev.providerapi.http.internal.AccountLimits(account, store(), java.util.List.of(window),
        java.util.Map.of(), Clock.systemUTC());
    java.util.List<Duration> slept = new java.util.ArrayList<>();
    var limiter = new dev.providerapi.http.internal.RateLimiter(mine, d -> {
      slept.add(d);
      Thread.sleep(d.toMillis() + 1);
    }, Duration.ofMillis(100), Duration.ofSeconds(10));
    var other = new dev.providerapi.http.internal.RateLimiter(theirs, d -> { }, Duration.ofMillis(100),
        Duration.ofSeconds(10));
    other.onRateLimited(other.acquire("op"), Duration.ofMillis(300));
    limiter.acquire("op");
    assertThat(slept).hasSize(1);
    assertThat(slept.get(0)).isGreaterThan(Duration.ofMillis(150)).isLessThanOrEqualTo(Duration.ofMillis(300));
  }
}
