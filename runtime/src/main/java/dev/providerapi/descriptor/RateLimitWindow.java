package dev.providerapi.descriptor;

import java.time.Duration;

/**
 * {@code limit} requests per {@code period}, with up to {@code burst} at once.
 *
 * @param limit the number of requests allowed per period; at least 1
 * @param period the window's length; positive
 * @param burst the most requests at once; at least 1
 */
public record RateLimitWindow(long limit, Duration period, long burst) {
  /**
   * Checks the figures.
   *
   * @param limit the number of requests per period
   * @param period the window's length
   * @param burst the most requests at once
   * @throws IllegalArgumentException if {@code limit} or {@code burst} is below 1 or {@code period} is not positive
   */
  public RateLimitWindow {
    if (limit < 1 || burst < 1) {
      throw new IllegalArgumentException("limit and burst must be positive: " + limit + "/" + burst);
    }
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
  }

  /**
   * A window whose burst equals its limit.
   *
   * @param limit the number of requests per period
   * @param period the window's length
   * @return the window
   */
  public static RateLimitWindow of(long limit, Duration period) {
    return new RateLimitWindow(limit, period, limit);
  }
}
