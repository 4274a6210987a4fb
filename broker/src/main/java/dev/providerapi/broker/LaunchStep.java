package dev.providerapi.broker;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt of a failover launch: which offer, how it ended, and what the ledger says. Immutable.
 *
 * @param attempt the attempt's number, from 1
 * @param provider the offer's provider
 * @param offerId the offer tried
 * @param pricePerHour the offer's price in USD per hour in the plan's market; null when the offer has none there
 * @param result how the attempt ended
 * @param instanceId the instance created; null unless the result is {@link Result#LAUNCHED}
 * @param error the exception's type and message; null when the attempt launched
 * @param elapsed how long the attempt took
 */
public record LaunchStep(
    int attempt,
    String provider,
    String offerId,
    @Nullable BigDecimal pricePerHour,
    Result result,
    @Nullable String instanceId,
    @Nullable String error,
    Duration elapsed) {

  /** How one attempt ended. */
  public enum Result {
    /** The instance was created; the launch stops here. */
    LAUNCHED,
    /** The provider had no capacity and created nothing; the launch moves to the next offer. */
    NO_CAPACITY,
    /**
     * The provider lacks a capability the plan needs (SSH keys, a startup script, ...); nothing was sent, the
     * ledger says FAILED, and the launch moves on to the next provider's offers.
     */
    UNSUPPORTED,
    /** The provider refused for another reason; the launch stops (nothing proves another try is safe). */
    FAILED,
    /** The outcome is unknown (an instance may exist); the launch stops and the ledger says UNKNOWN. */
    OUTCOME_UNKNOWN
  }
}
