package dev.providerapi.model;

import java.time.Duration;

/** How usage is metered: the billing increment and the minimum charge. */
public record BillingGranularity(Duration increment, Duration minimum) {
  public static BillingGranularity perSecond() {
    return new BillingGranularity(Duration.ofSeconds(1), Duration.ZERO);
  }

  public static BillingGranularity perMinute() {
    return new BillingGranularity(Duration.ofMinutes(1), Duration.ZERO);
  }

  public static BillingGranularity perHour() {
    return new BillingGranularity(Duration.ofHours(1), Duration.ZERO);
  }
}
