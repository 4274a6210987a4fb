package dev.providerapi.broker;

import dev.providerapi.model.Offer;
import java.util.List;
import java.util.Optional;

/**
 * Offers from every provider of a fleet, merged and sorted (by the filter's sort: price per GPU-hour, then per
 * hour, by default), with each provider's result: ok and how long it took, or its typed error or deadline.
 * Immutable.
 *
 * @param offers every ok provider's matching offers, sorted
 * @param providers each provider's result, in the fleet's order (failed and timed-out ones included)
 */
public record FleetOffers(List<Offer> offers, List<ProviderResult<List<Offer>>> providers) {

  /**
   * Copies both lists.
   *
   * @param offers every ok provider's matching offers, sorted
   * @param providers each provider's result, in the fleet's order
   */
  public FleetOffers {
    offers = List.copyOf(offers);
    providers = List.copyOf(providers);
  }

  /**
   * The result of {@code provider}, if it is in the fleet.
   *
   * @param provider the provider's name
   * @return its result, or empty when the fleet has no provider by that name
   */
  public Optional<ProviderResult<List<Offer>>> provider(String provider) {
    return providers.stream().filter(r -> r.provider().equals(provider)).findFirst();
  }

  /**
   * The providers that did not answer with offers.
   *
   * @return the failed and timed-out results, in the fleet's order
   */
  public List<ProviderResult<List<Offer>>> failures() {
    return providers.stream().filter(r -> !r.ok()).toList();
  }
}
