package dev.providerapi.http.internal;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.http.Sleeper;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Client-side pacing with Bucket4j: one bucket for the account-wide windows, one per operation that declares
 * its own, each window a bandwidth (capacity = burst, greedy refill of {@code limit} per {@code period}).
 *
 * <p>Adaptive: a 429 means our declared limits are too generous right now, so every caller pauses until the
 * provider's Retry-After (or a doubling backoff when it sends none) has passed.
 */
public final class RateLimiter {
  private final @Nullable Bucket global;
  private final Map<String, Bucket> perOperation;
  private final Clock clock;
  private final BlockingStrategy blocking;
  private final Sleeper sleeper;
  private final Duration baseDelay;
  private final Duration maxPause;
  private final Object pauseLock = new Object();
  private Instant pausedUntil = Instant.MIN;
  private int consecutiveRateLimits;

  public RateLimiter(List<RateLimitWindow> global, Map<String, List<RateLimitWindow>> perOperation, Clock clock,
      Sleeper sleeper, Duration baseDelay, Duration maxPause) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.baseDelay = baseDelay;
    this.maxPause = maxPause;
    this.blocking = nanos -> sleeper.sleep(Duration.ofNanos(nanos));
    TimeMeter time = new ClockTimeMeter(clock);
    this.global = global.isEmpty() ? null : bucket(global, time);
    Map<String, Bucket> ops = new HashMap<>();
    perOperation.forEach((op, windows) -> {
      if (!windows.isEmpty()) {
        ops.put(op, bucket(windows, time));
      }
    });
    this.perOperation = Map.copyOf(ops);
  }

  private static Bucket bucket(List<RateLimitWindow> windows, TimeMeter time) {
    LocalBucketBuilder b = Bucket.builder().withCustomTimePrecision(time);
    for (RateLimitWindow w : windows) {
      b.addLimit(limit -> limit.capacity(w.burst()).refillGreedy(w.limit(), w.period()));
    }
    return b.build();
  }

  /** Blocks until this operation may send one request; every attempt, retries included, takes a token. */
  public void acquire(String operationId) throws InterruptedException {
    acquire(operationId, Duration.ofNanos(Long.MAX_VALUE / 4));
  }

  /**
   * As {@link #acquire(String)}, waiting at most {@code maxWait} (what is left of the call's deadline).
   *
   * @return false, with nothing sent and no token held, when the wait would end past {@code maxWait}
   */
  public boolean acquire(String operationId, Duration maxWait) throws InterruptedException {
    long end = System.nanoTime() + Math.min(maxWait.toNanos(), Long.MAX_VALUE / 4);
    if (!waitOutPause(end)) {
      return false;
    }
    if (global != null && !global.asBlocking().tryConsume(1, Math.max(0, end - System.nanoTime()), blocking)) {
      return false;
    }
    Bucket op = perOperation.get(operationId);
    if (op != null && !op.asBlocking().tryConsume(1, Math.max(0, end - System.nanoTime()), blocking)) {
      if (global != null) {
        global.addTokens(1); // the request is not sent: give the account-wide token back
      }
      return false;
    }
    return true;
  }

  /** Tokens left for the operation right now (the smaller of its own and the global bucket); for tests and metrics. */
  public long availableTokens(String operationId) {
    long g = global == null ? Long.MAX_VALUE : global.getAvailableTokens();
    Bucket op = perOperation.get(operationId);
    return Math.min(g, op == null ? Long.MAX_VALUE : op.getAvailableTokens());
  }

  /** The provider answered 429: pause everyone for its Retry-After, or for a backoff that doubles per 429. */
  public void onRateLimited(@Nullable Duration retryAfter) {
    synchronized (pauseLock) {
      consecutiveRateLimits++;
      Duration pause = retryAfter != null ? retryAfter : exponential(consecutiveRateLimits);
      if (pause.compareTo(maxPause) > 0) {
        // Longer than we ever wait: the caller gets the RateLimitedException and decides.
        pause = maxPause;
      }
      Instant until = clock.instant().plus(pause);
      if (until.isAfter(pausedUntil)) {
        pausedUntil = until;
      }
    }
  }

  public void onSuccess() {
    synchronized (pauseLock) {
      consecutiveRateLimits = 0;
    }
  }

  /** When the current 429 pause ends ({@link Instant#MIN} when there is none). */
  public Instant pausedUntil() {
    synchronized (pauseLock) {
      return pausedUntil;
    }
  }

  private Duration exponential(int n) {
    long millis = Math.max(1, baseDelay.toMillis()) << Math.min(n - 1, 20);
    return Duration.ofMillis(Math.min(millis, Backoff.MAX.toMillis()));
  }

  /** False when the current 429 pause outlasts {@code endNanos}. */
  private boolean waitOutPause(long endNanos) throws InterruptedException {
    while (true) {
      Duration wait;
      synchronized (pauseLock) {
        Instant now = clock.instant();
        if (!pausedUntil.isAfter(now)) {
          return true;
        }
        wait = Duration.between(now, pausedUntil);
      }
      if (wait.toNanos() > endNanos - System.nanoTime()) {
        return false;
      }
      sleeper.sleep(wait);
    }
  }

  /** Bucket4j time from a java.time Clock, so tests can drive both the buckets and the pauses. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
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
