package dev.providerapi.descriptor;

import java.time.Duration;

/** {@code limit} requests per {@code period}, with up to {@code burst} at once. */
public record RateLimitWindow(long limit, Duration period, long burst) {
  public RateLimitWindow {
    if (limit < 1 || burst < 1) {
      throw new IllegalArgumentException("limit and burst must be positive: " + limit + "/" + burst);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
  }

  public static RateLimitWindow of(long limit, Duration period) {
    return new RateLimitWindow(limit, period, limit);
  }
}
