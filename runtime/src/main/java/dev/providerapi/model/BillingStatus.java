package dev.providerapi.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is known of an instance's billing. When the provider has no billing API, {@code verification} is
 * {@link Verification#MANUAL_VERIFICATION_REQUIRED} and {@code message} says where to look; figures we
 * could not read are null, never invented.
 */
public record BillingStatus(
    String provider,
    String instanceId,
    Verification verification,
    @Nullable Boolean accruing,
    @Nullable BigDecimal ratePerHour,
    @Nullable BigDecimal accruedUsd,
    @Nullable Instant asOf,
    String message,
    @Nullable URI consoleUrl) {

  public enum Verification {
    /** The figures were read from the provider's billing API. */
    VERIFIED_BY_API,
    /** The provider offers no billing API: check the console. */
    MANUAL_VERIFICATION_REQUIRED
  }

  public static BillingStatus manual(String provider, String instanceId, @Nullable BigDecimal ratePerHour,
      @Nullable Boolean accruing, @Nullable URI consoleUrl) {
    return new BillingStatus(provider, instanceId, Verification.MANUAL_VERIFICATION_REQUIRED, accruing,
        ratePerHour, null, null,
        provider + " has no billing API; verify charges manually"
            + (consoleUrl == null ? "" : " at " + consoleUrl),
        consoleUrl);
  }
}
