package dev.providerapi.broker;

import dev.providerapi.model.Instance;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a failover launch did: the instance when one was created, every attempt in order, and the fleet offers
 * it chose from. Immutable.
 */
public record LaunchResult(Outcome outcome, String clientToken, @Nullable Instance instance,
    List<LaunchStep> steps, FleetOffers offers, @Nullable String ledgerWarning) {

  public enum Outcome {
    /** One instance was created. */
    LAUNCHED,
    /** No provider had a matching offer. */
    NO_OFFERS,
    /** Every offer tried had no capacity (or the attempts ran out); nothing was created. */
    NO_CAPACITY,
    /** A provider refused the launch for another reason; nothing was created. */
    FAILED,
    /** The last attempt's outcome is unknown: look for the client token before launching again. */
    OUTCOME_UNKNOWN
  }

  public LaunchResult {
    steps = List.copyOf(steps);
  }

  public Optional<Instance> launched() {
    return Optional.ofNullable(instance);
  }
}
