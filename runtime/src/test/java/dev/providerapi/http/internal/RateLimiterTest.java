package dev.providerapi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final FakeClock clock = new FakeClock();

  private RateLimiter limiter(List<RateLimitWindow> global, Map<String, List<RateLimitWindow>> perOp) {
    return new RateLimiter(global, perOp, clock, clock.sleeper(), Duration.ofMillis(500), Duration.ofSeconds(60));
  }

  @Test
  void burstIsFreeThenEachCallWaitsForItsToken() throws Exception {
    RateLimiter l = limiter(List.of(new RateLimitWindow(20, Duration.ofSeconds(1), 5)), Map.of());
    for (int i = 0; i < 5; i++) {
      l.acquire("op");
    }
    assertThat(clock.totalSlept()).isZero();
    l.acquire("op");
    // 20 per second refills greedily: one token every 50 ms.
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void severalWindowsAllHold() throws Exception {
    RateLimiter l = limiter(List.of(new RateLimitWindow(20, Duration.ofSeconds(1), 50),
        RateLimitWindow.of(30, Duration.ofMinutes(1))), Map.of());
    assertThat(l.availableTokens("op")).isEqualTo(30);
    for (int i = 0; i < 30; i++) {
      l.acquire("op");
    }
    assertThat(l.availableTokens("op")).isZero();
    l.acquire("op");
    // The per-minute window, not the per-second one, decides: 30 per minute is one every 2 s.
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void operationBucketsAddToTheGlobalOne() throws Exception {
    // Lambda: 1/s account-wide; launch also 1 per 12 s and 5 per minute.
    RateLimiter l = limiter(List.of(new RateLimitWindow(1, Duration.ofSeconds(1), 1)),
        Map.of("launchInstance", List.of(new RateLimitWindow(1, Duration.ofSeconds(12), 1),
            new RateLimitWindow(5, Duration.ofMinutes(1), 1))));
    l.acquire("launchInstance");
    l.acquire("launchInstance");
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(12));
    l.acquire("listInstances");
    // The global bucket refilled during the 12 s wait.
    assertThat(clock.totalSlept()).isEqualTo(Duration.ofSeconds(12));
    assertThat(l.availableTokens("listInstances")).isZero();
  }

  @Test
  void a429PausesEveryoneForRetryAfter() throws Exception {
    RateLimiter l = limiter(List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 100)), Map.of());
    l.onRateLimited(Duration.ofSeconds(3));
    l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void repeated429sWithoutRetryAfterBackOffLonger() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    l.onRateLimited(null);
    l.acquire("op");
    l.onRateLimited(null);
    l.acquire("op");
    l.onRateLimited(null);
    l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    l.onSuccess();
    l.onRateLimited(null);
    l.acquire("op");
    assertThat(clock.sleeps()).last().isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void aPauseNeverExceedsMaxRetryAfter() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    l.onRateLimited(Duration.ofHours(1));
    l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(60));
  }
}
