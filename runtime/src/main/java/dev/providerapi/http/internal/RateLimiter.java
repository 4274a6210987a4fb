package dev.providerapi.http.internal;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.http.Sleeper;
import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Client-side pacing with Bucket4j: one bucket for the account-wide windows, one per operation that declares
 * its own, each window a bandwidth (capacity = burst, greedy refill of {@code limit} per {@code period}).
 *
 * <p>Adaptive: a 429 opens a window in which no request goes out (a shared "not before" instant): the
 * provider's Retry-After exactly, or, when it sends none, a backoff that doubles per consecutive 429 up to
 * {@link #MAX_ADAPTIVE_PAUSE}. A 429 counts as consecutive only when its request was sent after the last
 * window was opened: many concurrent requests turned away together are one step, not many. A caller that would
 * have to wait longer than {@code maxWait} for the window to close is told at once ({@link WaitTooLong}), so
 * nothing (a terminate included) is blocked for long behind a storm.
 */
public final class RateLimiter {
  /** The longest pause a 429 without Retry-After opens, however many come in a row. */
  public static final Duration MAX_ADAPTIVE_PAUSE = Duration.ofSeconds(5);
  /** How often a caller without priority looks again while a priority caller waits for a token. */
  private static final Duration YIELD = Duration.ofMillis(5);

  private final AccountLimits account;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration baseDelay;
  private final Duration maxAdaptivePause;
  private final Duration maxWait;

  /** A limiter with state of its own (an isolated in-process store). */
  public RateLimiter(List<RateLimitWindow> global, Map<String, List<RateLimitWindow>> perOperation, Clock clock,
      Sleeper sleeper, Duration baseDelay, Duration maxWait) {
    this(new AccountLimits("provider-api:local", RateLimitBuckets.isolated(), global, perOperation, clock), sleeper,
        baseDelay, maxWait);
  }

  /**
   * One client's view of an account's shared state: how it waits and how long, and the pause policy of its 429s.
   *
   * @param baseDelay the first adaptive pause (a 429 without Retry-After); it doubles per consecutive 429
   * @param maxWait the longest a caller waits for an open window to close; longer, and it is told at once
   */
  public RateLimiter(AccountLimits account, Sleeper sleeper, Duration baseDelay, Duration maxWait) {
    this.account = account;
    this.clock = account.clock();
    this.sleeper = sleeper;
    this.baseDelay = baseDelay;
    this.maxWait = maxWait;
    this.maxAdaptivePause = maxWait.compareTo(MAX_ADAPTIVE_PAUSE) < 0 ? maxWait : MAX_ADAPTIVE_PAUSE;
  }

  /** The shared state this limiter works on. */
  public AccountLimits account() {
    return account;
  }

  /** A caller would have waited longer than it may for the window a 429 opened; nothing was sent. */
  public static final class WaitTooLong extends Exception {
    private static final long serialVersionUID = 1L;
    private final Duration remaining;

    WaitTooLong(Duration remaining, Duration maxWait) {
      super("not sent: a 429 asked this account to wait " + remaining.toMillis() + " ms more, longer than the "
          + maxWait.toMillis() + " ms this call waits", null, false, false);
      this.remaining = remaining;
    }

    /** How long until requests may go out again. */
    public Duration remaining() {
      return remaining;
    }
  }

  /**
   * Blocks until this operation may send one request; every attempt, retries included, takes a token. Returns
   * the window generation the request goes out in, to hand back to {@link #onRateLimited} or {@link #onSuccess}.
   *
   * @throws WaitTooLong when an open window ends more than {@code maxWait} from now (nothing is consumed)
   */
  public long acquire(String operationId) throws InterruptedException, WaitTooLong {
    try {
      return acquire(operationId, FOREVER);
    } catch (OutOfTime e) {
      throw new IllegalStateException("no deadline was given", e);
    }
  }

  /**
   * As {@link #acquire(String)}, within {@code deadline} (what is left of the call's deadline): a wait for a
   * token or a window that would end past it is not started.
   *
   * @throws OutOfTime when the wait would end past the deadline (no token is held, nothing was sent)
   */
  public long acquire(String operationId, Duration deadline) throws InterruptedException, WaitTooLong, OutOfTime {
    long end = System.nanoTime() + Math.min(deadline.toNanos(), FOREVER.toNanos());
    awaitWindow(end);
    boolean priority = CallScope.current().isPriority();
    if (priority) {
      account.priorityWaiting(+1);
    }
    try {
      Bucket global = account.global();
      take(global, priority, end);
      try {
        take(account.operation(operationId), priority, end);
      } catch (OutOfTime e) {
        if (global != null) {
          global.addTokens(1); // not sent: the account-wide token goes back
        }
        throw e;
      }
    } finally {
      if (priority) {
        account.priorityWaiting(-1);
      }
    }
    // A 429 that came in while we waited for a token opened a window: it holds for us too.
    return awaitWindow(end);
  }

  /** The call's deadline would pass before the request could go out; nothing was sent. */
  public static final class OutOfTime extends Exception {
    private static final long serialVersionUID = 1L;

    OutOfTime(Duration needed) {
      super("the call's deadline would pass in the " + needed.toMillis() + " ms wait for the client-side rate limit"
          + " (or a 429 window)", null, false, false);
    }
  }

  private static final Duration FOREVER = Duration.ofDays(365);

  /**
   * One token, waiting for the refill it needs. A caller without priority lets waiting priority callers (a
   * terminate) take the next tokens first; every token still comes out of the bucket, so the limits hold.
   */
  private void take(@Nullable Bucket bucket, boolean priority, long endNanos) throws InterruptedException, OutOfTime {
    if (bucket == null) {
      return;
    }
    while (true) {
      if (!priority && account.priorityWaiting() > 0) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        sleepWithin(Duration.ofNanos(Math.max(nanos, YIELD.toNanos())), endNanos);
        continue;
      }
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (probe.isConsumed()) {
        return;
      }
      sleepWithin(Duration.ofNanos(probe.getNanosToWaitForRefill()), endNanos);
    }
  }

  private void sleepWithin(Duration wait, long endNanos) throws InterruptedException, OutOfTime {
    if (wait.toNanos() > endNanos - System.nanoTime()) {
      throw new OutOfTime(wait);
    }
    sleeper.sleep(wait);
  }

  /** Tokens left for the operation right now (the smaller of its own and the global bucket); for tests and metrics. */
  public long availableTokens(String operationId) {
    Bucket global = account.global();
    long g = global == null ? Long.MAX_VALUE : global.getAvailableTokens();
    Bucket op = account.operation(operationId);
    return Math.min(g, op == null ? Long.MAX_VALUE : op.getAvailableTokens());
  }

  /**
   * The provider answered 429 to a request sent in window {@code sentIn}. A Retry-After keeps everyone out for
   * exactly that long (never shortened: sending inside it only earns more 429s). Without one, a 429 whose
   * request went out before the latest window opened is part of a burst that window already answers; only a
   * request sent after it counts as one more consecutive 429 and doubles the pause.
   */
  public void onRateLimited(long sentIn, @Nullable Duration retryAfter) {
    account.onRateLimited(sentIn, retryAfter, this::adaptivePause);
  }

  /** A request sent in window {@code sentIn} succeeded: when it went out after the latest 429, the streak ends. */
  public void onSuccess(long sentIn) {
    account.onSuccess(sentIn);
  }

  /** When the current 429 window closes ({@link Instant#MIN} when none was opened). */
  public Instant pausedUntil() {
    return account.notBefore();
  }

  private Duration adaptivePause(int n) {
    long millis = Math.max(1, baseDelay.toMillis()) << Math.min(n - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxAdaptivePause.toMillis()));
  }

  /** Waits for the open window (if any) to close; returns the generation current once it has. */
  private long awaitWindow(long endNanos) throws InterruptedException, WaitTooLong, OutOfTime {
    while (true) {
      long generation = account.generation();
      Instant now = clock.instant();
      Instant until = account.notBefore();
      if (!until.isAfter(now)) {
        return generation;
      }
      Duration wait = Duration.between(now, until);
      if (wait.compareTo(maxWait) > 0) {
        throw new WaitTooLong(wait, maxWait);
      }
      sleepWithin(wait, endNanos);
    }
  }
}
