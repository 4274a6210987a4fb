package dev.providerapi.model;

import java.time.Duration;

/**
 * How usage is metered: the billing increment and the minimum charge.
 *
 * @param increment the unit usage is rounded up to
 * @param minimum the least time charged for any run; {@link Duration#ZERO} for none
 */
public record BillingGranularity(Duration increment, Duration minimum) {
  /**
   * Billed by the second, with no minimum.
   *
   * @return a one-second increment and a zero minimum
   */
  public static BillingGranularity perSecond() {
    return new BillingGranularity(Duration.ofSeconds(1), Duration.ZERO);
  }

  /**
   * Billed by the minute, with no minimum.
   *
   * @return a one-minute increment and a zero minimum
   */
  public static BillingGranularity perMinute() {
    return new BillingGranularity(Duration.ofMinutes(1), Duration.ZERO);
  }

  /**
   * Billed by the hour, with no minimum.
   *
   * @return a one-hour increment and a zero minimum
   */
  public static BillingGranularity perHour() {
    return new BillingGranularity(Duration.ofHours(1), Duration.ZERO);
  }
}
