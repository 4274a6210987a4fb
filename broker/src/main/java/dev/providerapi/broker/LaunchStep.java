package dev.providerapi.broker;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One attempt of a failover launch: which offer, how it ended, and what the ledger says. Immutable. */
public record LaunchStep(
    int attempt,
    String provider,
    String offerId,
    @Nullable BigDecimal pricePerHour,
    Result result,
    @Nullable String instanceId,
    @Nullable String error,
    Duration elapsed) {

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
