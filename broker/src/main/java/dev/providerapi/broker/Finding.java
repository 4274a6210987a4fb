package dev.providerapi.broker;

import dev.providerapi.model.InstanceStatus;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One thing the reconciler found, and what it did about it. Immutable. */
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

  public enum Action {
    REPORTED,
    /** RECOVERED: the ledger row was updated to CREATED with the instance id. */
    LEDGER_UPDATED,
    /** ORPHAN older than the grace period: terminated. */
    TERMINATED,
    /** ORPHAN whose termination failed; {@code detail} says why. */
    TERMINATE_FAILED
  }
}
