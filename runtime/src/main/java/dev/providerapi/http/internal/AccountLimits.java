package dev.providerapi.http.internal;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.spi.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit state one provider account shares between all its clients in this JVM: the buckets (from the
 * {@link RateLimitBuckets} store, so possibly shared with other processes too), and the 429 window: the "not
 * before" instant, the window generation and the count of consecutive 429s. Thread-safe.
 */
public final class AccountLimits {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AccountLimits.class);
  private final String accountKey;
  private final RateLimitBuckets store;
  private final Clock clock;
  private final @Nullable Bucket global;
  private final Map<String, Bucket> perOperation;
  private final Object lock = new Object();
  private Instant notBefore = Instant.MIN;
  /** Bumped each time a 429 opens (or moves) the window; a request remembers the one it was sent in. */
  private long generation;
  private int consecutive;
  private static final Duration SHARED_WINDOW_READ = Duration.ofMillis(50);
  private Instant sharedNotBefore = Instant.MIN;
  private long sharedReadAt;
  private final java.util.concurrent.atomic.AtomicInteger priorityWaiting = new java.util.concurrent.atomic.AtomicInteger();

  public AccountLimits(String accountKey, RateLimitBuckets store, List<RateLimitWindow> global,
      Map<String, List<RateLimitWindow>> perOperation, Clock clock) {
    this.accountKey = accountKey;
    this.store = store;
    this.clock = clock;
    this.global = global.isEmpty() ? null : store.bucket(accountKey + ":global", configuration(global), clock);
    Map<String, Bucket> ops = new HashMap<>();
    // Sorted, so every process creates an account's buckets in the same order.
    new TreeMap<>(perOperation).forEach((op, windows) -> {
      if (!windows.isEmpty()) {
        ops.put(op, store.bucket(accountKey + ":op:" + op, configuration(windows), clock));
      }
    });
    this.perOperation = Map.copyOf(ops);
  }

  static BucketConfiguration configuration(List<RateLimitWindow> windows) {
    ConfigurationBuilder b = BucketConfiguration.builder();
    for (RateLimitWindow w : windows) {
      b.addLimit(limit -> limit.capacity(w.burst()).refillGreedy(w.limit(), w.period()));
    }
    return b.build();
  }

  public String accountKey() {
    return accountKey;
  }

  Clock clock() {
    return clock;
  }

  @Nullable Bucket global() {
    return global;
  }

  @Nullable Bucket operation(String operationId) {
    return perOperation.get(operationId);
  }

  /** Priority callers (terminates) of this JVM now waiting for a token of this account. */
  int priorityWaiting() {
    return priorityWaiting.get();
  }

  void priorityWaiting(int delta) {
    priorityWaiting.addAndGet(delta);
  }

  /**
   * The later of this JVM's window and the store's (another process's 429). The store's is read at most every
   * {@link #SHARED_WINDOW_READ} (one round trip less per request; a window another process opened is seen that
   * much later at worst, about the time its 429 took to arrive).
   */
  Instant notBefore() {
    Instant local;
    boolean read;
    long now = System.nanoTime();
    synchronized (lock) {
      local = notBefore;
      read = now - sharedReadAt >= SHARED_WINDOW_READ.toNanos() || sharedReadAt == 0;
    }
    if (read) {
      Instant fresh = store.notBefore(accountKey);
      synchronized (lock) {
        sharedNotBefore = fresh;
        sharedReadAt = now == 0 ? 1 : now;
      }
    }
    Instant shared;
    synchronized (lock) {
      shared = sharedNotBefore;
    }
    return shared.isAfter(local) ? shared : local;
  }

  long generation() {
    synchronized (lock) {
      return generation;
    }
  }

  /**
   * A 429 answered a request sent in window {@code sentIn}. With a Retry-After the window is opened for exactly
   * that long; without one only a consecutive 429 (its request went out after the latest window opened) opens
   * one, for {@code pause.apply(consecutive count)}.
   */
  void onRateLimited(long sentIn, @Nullable Duration retryAfter, java.util.function.IntFunction<Duration> pause) {
    Instant until;
    synchronized (lock) {
      Instant now = clock.instant();
      boolean isConsecutive = sentIn == generation;
      if (retryAfter != null) {
        if (isConsecutive) {
          consecutive++;
        }
        until = now.plus(retryAfter);
      } else if (isConsecutive) {
        consecutive++;
        until = now.plus(pause.apply(consecutive));
      } else {
        return;
      }
      if (until.isAfter(notBefore)) {
        notBefore = until;
      }
      generation++;
    }
    try {
      store.notBefore(accountKey, until);
    } catch (RuntimeException e) {
      // This JVM's window still holds; only the other processes miss it.
      LOG.warn("{}: could not share the 429 window with other processes through {}: {}", accountKey, store,
          e.toString());
    }
  }

  void onSuccess(long sentIn) {
    synchronized (lock) {
      if (sentIn == generation) {
        consecutive = 0;
      }
    }
  }
}
