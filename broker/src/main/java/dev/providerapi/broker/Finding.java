package dev.providerapi.broker;

import dev.providerapi.model.InstanceStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One thing the reconciler found, and what it did about it. Immutable.
 *
 * @param kind what was found
 * @param provider the provider's name
 * @param clientToken the launch's client token (from the instance's name, or the ledger's row)
 * @param instanceId the provider's instance id; null when the provider has no instance and the ledger names none
 * @param status the instance's status at the provider; null when the provider has no instance with the token
 * @param ledgerState what the ledger said before the reconciler acted; null when the ledger has no row
 * @param age how long ago the instance (or, when the provider gives no creation time, the ledger row) was
 *     created; null when neither is known
 * @param action what the reconciler did about it
 * @param detail the finding in words, for a log or a report
 */
public record Finding(
    Kind kind,
    String provider,
    String clientToken,
    @Nullable String instanceId,
    @Nullable InstanceStatus status,
    @Nullable LaunchState ledgerState,
    @Nullable Duration age,
    Action action,
    String detail) {

  /** What the reconciler found. */
  public enum Kind {
    /** An instance with our token prefix that the ledger does not know, or says failed or terminated. */
    ORPHAN,
    /** The ledger says pending or unknown and the provider has no instance with the token. */
    UNKNOWN,
    /**
     * The ledger says pending or unknown and the provider has the instance (a broker died between create and
     * ledger update); the ledger now says CREATED.
     */
    RECOVERED
  }

  /** What the reconciler did about a finding. */
  public enum Action {
    /** Nothing: the finding is only reported. */
    REPORTED,
    /** RECOVERED: the ledger row was updated to CREATED with the instance id. */
    LEDGER_UPDATED,
    /** ORPHAN older than the grace period: terminated. */
    TERMINATED,
    /** ORPHAN whose termination failed; {@code detail} says why. */
    TERMINATE_FAILED
  }
}
