package dev.providerapi.http.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: base * 2^(n-1), capped, then a random 50-100 % of that. */
public final class Backoff {
  public static final Duration MAX = Duration.ofSeconds(30);

  private Backoff() {}

  /** The delay before retry number {@code retry} (1 = the first retry). */
  public static Duration delay(Duration base, int retry) {
    long baseMillis = Math.max(1, base.toMillis());
    int shift = Math.min(Math.max(retry - 1, 0), 20);
    long exp = Math.min(baseMillis << shift, MAX.toMillis());
    // Jitter spreads clients that failed together so they do not retry together.
    long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
    return Duration.ofMillis(Math.max(1, jittered));
  }
}
