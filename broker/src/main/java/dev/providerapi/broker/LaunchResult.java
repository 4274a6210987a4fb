package dev.providerapi.broker;

import dev.providerapi.model.Instance;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a failover launch did: the instance when one was created, every attempt in order, and the fleet offers
 * it chose from. Immutable.
 *
 * @param outcome how the launch ended
 * @param clientToken the plan's client token, which the instance (if any) carries
 * @param instance the instance created; null unless the outcome is {@link Outcome#LAUNCHED}
 * @param steps every attempt, in order; empty when there were no offers
 * @param offers the fleet offers the launch chose from
 * @param ledgerWarning why the ledger could not record the last attempt's end; null when it did
 */
public record LaunchResult(Outcome outcome, String clientToken, @Nullable Instance instance,
    List<LaunchStep> steps, FleetOffers offers, @Nullable String ledgerWarning) {

  /** How a failover launch ended. */
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

  /**
   * Copies the steps.
   *
   * @param outcome how the launch ended
   * @param clientToken the plan's client token
   * @param instance the instance created, or null
   * @param steps every attempt, in order
   * @param offers the fleet offers the launch chose from
   * @param ledgerWarning why the ledger could not record the last attempt's end, or null
   */
  public LaunchResult {
    steps = List.copyOf(steps);
  }

  /**
   * The instance created, if any.
   *
   * @return the instance, or empty when nothing was created
   */
  public Optional<Instance> launched() {
    return Optional.ofNullable(instance);
  }
}
