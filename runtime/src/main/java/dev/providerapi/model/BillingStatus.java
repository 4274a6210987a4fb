package dev.providerapi.model;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is known of an instance's billing. When the provider has no billing API, {@code verification} is
 * {@link Verification#MANUAL_VERIFICATION_REQUIRED} and {@code message} says where to look; figures we
 * could not read are null, never invented.
 *
 * @param provider the provider's name
 * @param instanceId the provider's id of the instance
 * @param verification whether the figures come from a billing API or must be checked by hand
 * @param accruing whether the instance is being charged now; null if unknown
 * @param ratePerHour the charge in USD per hour; null if unknown
 * @param accruedUsd the amount charged so far in USD; null if unknown
 * @param asOf when the figures were read; null if none were read
 * @param message a human-readable summary, saying where to check when verification is manual
 * @param consoleUrl the provider's billing console; null if not known
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

  /** Where the figures of a {@link BillingStatus} come from. */
  public enum Verification {
    /** The figures were read from the provider's billing API. */
    VERIFIED_BY_API,
    /** The provider offers no billing API: check the console. */
    MANUAL_VERIFICATION_REQUIRED
  }

  /**
   * The status of a provider with no billing API: no accrued amount and no read time, and a message saying to
   * verify the charges by hand (at {@code consoleUrl} when given).
   *
   * @param provider the provider's name
   * @param instanceId the provider's id of the instance
   * @param ratePerHour the listed rate in USD per hour, or null if unknown
   * @param accruing whether the instance is thought to be charging, or null if unknown
   * @param consoleUrl the billing console to point the reader to, or null
   * @return a status with verification {@link Verification#MANUAL_VERIFICATION_REQUIRED}
   */
  public static BillingStatus manual(String provider, String instanceId, @Nullable BigDecimal ratePerHour,
      @Nullable Boolean accruing, @Nullable URI consoleUrl) {
    return new BillingStatus(provider, instanceId, Verification.MANUAL_VERIFICATION_REQUIRED, accruing,
        ratePerHour, null, null,
        provider + " has no billing API; verify charges manually"
            + (consoleUrl == null ? "" : " at " + consoleUrl),
        consoleUrl);
  }
}
