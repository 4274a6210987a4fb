package dev.providerapi.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
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
    long sentIn = l.acquire("op");
    l.onRateLimited(sentIn, Duration.ofSeconds(3));
    l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void repeated429sWithoutRetryAfterBackOffLonger() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    long sentIn = l.acquire("op");
    l.onRateLimited(sentIn, null);
    sentIn = l.acquire("op");
    l.onRateLimited(sentIn, null);
    sentIn = l.acquire("op");
    l.onRateLimited(sentIn, null);
    sentIn = l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2));
    l.onSuccess(sentIn);
    sentIn = l.acquire("op");
    l.onRateLimited(sentIn, null);
    l.acquire("op");
    assertThat(clock.sleeps()).last().isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void manyConcurrent429sSentInOneWindowCountAsOneStep() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    long[] sent = new long[50];
    for (int i = 0; i < sent.length; i++) {
      sent[i] = l.acquire("op");
    }
    Instant start = clock.instant();
    for (long s : sent) {
      l.onRateLimited(s, null);
    }
    // Fifty requests turned away together: one 500 ms pause, not 500 ms doubled fifty times.
    assertThat(l.pausedUntil()).isEqualTo(start.plusMillis(500));
    long next = l.acquire("op");
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500));
    // The first request sent after that pause and turned away again is the second step.
    l.onRateLimited(next, null);
    assertThat(l.pausedUntil()).isEqualTo(clock.instant().plusSeconds(1));
  }

  @Test
  void aSuccessSentBeforeTheLatestPauseDoesNotEndTheStreak() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    long early = l.acquire("op");
    long turnedAway = l.acquire("op");
    l.onRateLimited(turnedAway, null);
    l.onSuccess(early);
    long again = l.acquire("op");
    l.onRateLimited(again, null);
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500));
    assertThat(l.pausedUntil()).isEqualTo(clock.instant().plusSeconds(1));
  }

  @Test
  void theAdaptivePauseStopsGrowingAtItsCap() throws Exception {
    RateLimiter l = limiter(List.of(), Map.of());
    for (int i = 0; i < 30; i++) {
      l.onRateLimited(l.acquire("op"), null);
    }
    assertThat(Duration.between(clock.instant(), l.pausedUntil())).isEqualTo(RateLimiter.MAX_ADAPTIVE_PAUSE);
    assertThat(clock.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(RateLimiter.MAX_ADAPTIVE_PAUSE));
  }

  @Test
  void aRetryAfterLongerThanTheCallWaitsIsToldAtOnceAndNeverShortened() throws Exception {
    RateLimiter l = limiter(List.of(new RateLimitWindow(100, Duration.ofSeconds(1), 100)), Map.of());
    l.onRateLimited(l.acquire("op"), Duration.ofHours(1));
    long before = l.availableTokens("op");
    assertThatThrownBy(() -> l.acquire("op"))
        .isInstanceOfSatisfying(RateLimiter.WaitTooLong.class, e -> {
          assertThat(e.remaining()).isEqualTo(Duration.ofHours(1));
          assertThat(e.getMessage()).isEqualTo("not sent: a 429 asked this account to wait 3600000 ms more,"
              + " longer than the 60000 ms this call waits");
        });
    assertThat(clock.sleeps()).isEmpty();
    assertThat(l.availableTokens("op")).as("nothing consumed").isEqualTo(before);
    // A later, shorter Retry-After does not shorten the window already open.
    l.onRateLimited(0, Duration.ofSeconds(1));
    assertThat(l.pausedUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void aWindowOpenedWhileWaitingForATokenHoldsToo() throws Exception {
    // One token per second; a 429 arrives (from another caller) while this one waits for its token.
    FakeClock c = new FakeClock();
    RateLimiter[] holder = new RateLimiter[1];
    boolean[] opened = {false};
    holder[0] = new RateLimiter(List.of(new RateLimitWindow(1, Duration.ofSeconds(1), 1)), Map.of(), c, d -> {
      c.sleeper().sleep(d);
      if (!opened[0]) {
        opened[0] = true;
        holder[0].onRateLimited(0, Duration.ofSeconds(2));
      }
    }, Duration.ofMillis(500), Duration.ofSeconds(60));
    Instant start = c.instant();
    holder[0].acquire("op");
    holder[0].acquire("op");
    // 1 s for the token, then the 2 s window the 429 opened at that moment.
    assertThat(c.instant()).isEqualTo(start.plusSeconds(3));
  }

  @Test
  void aPriorityCallerTakesTheNextTokenAheadOfQueuedCallers() throws Exception {
    // 20 per second, no burst: one token every 50 ms. Three callers queue 30 requests (1.5 s of tokens); a
    // terminate issued meanwhile gets one of the next tokens instead of waiting behind all of them.
    RateLimiter l = new RateLimiter(List.of(new RateLimitWindow(20, Duration.ofSeconds(1), 1)), Map.of(),
        java.time.Clock.systemUTC(), dev.providerapi.http.Sleeper.SYSTEM, Duration.ofMillis(500), Duration.ofSeconds(60));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
    java.util.concurrent.atomic.AtomicInteger normalDone = new java.util.concurrent.atomic.AtomicInteger();
    List<java.util.concurrent.Future<?>> queued = new java.util.ArrayList<>();
    for (int t = 0; t < 3; t++) {
      queued.add(pool.submit(() -> {
        for (int i = 0; i < 10; i++) {
          l.acquire("list");
          normalDone.incrementAndGet();
        }
        return null;
      }));
    }
    Thread.sleep(150);
    long t0 = System.nanoTime();
    CallScope.priority(() -> {
      try {
        return l.acquire("terminate");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    long waitedMillis = (System.nanoTime() - t0) / 1_000_000;
    int doneWhenPriorityGotIt = normalDone.get();
    for (java.util.concurrent.Future<?> f : queued) {
      f.get();
    }
    pool.shutdown();
    assertThat(doneWhenPriorityGotIt).as("queued requests still waiting when the terminate got its token")
        .isLessThan(25);
    assertThat(waitedMillis).isLessThan(1_000);
    assertThat(normalDone.get()).isEqualTo(30);
  }
}
