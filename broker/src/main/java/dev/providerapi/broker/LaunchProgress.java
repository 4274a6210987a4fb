package dev.providerapi.broker;

import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;

/**
 * Hears a failover launch as it goes (the CLI prints these on stderr). Called on the launching thread;
 * an exception thrown here propagates and ends the launch, so listeners should not throw.
 */
public interface LaunchProgress {
  /** Hears nothing: every method does nothing. */
  LaunchProgress NONE = new LaunchProgress() {};

  /**
   * The fleet's offers were read; {@code offers} are the matching ones in the order they will be tried.
   *
   * @param offers the merged offers and each provider's result
   */
  default void offers(FleetOffers offers) {}

  /**
   * Attempt {@code attempt} is recorded as PENDING and about to be sent.
   *
   * @param attempt the attempt's number, from 1
   * @param offer the offer tried
   * @param request the request about to be sent for it
   */
  default void attempting(int attempt, Offer offer, LaunchRequest request) {}

  /**
   * The provider created {@code instance}; the ledger has not been updated yet.
   *
   * @param attempt the attempt's number, from 1
   * @param instance the instance the provider answered with
   */
  default void created(int attempt, Instance instance) {}

  /**
   * Attempt {@code step.attempt()} ended and the ledger says so.
   *
   * @param step how the attempt ended
   */
  default void step(LaunchStep step) {}
}
