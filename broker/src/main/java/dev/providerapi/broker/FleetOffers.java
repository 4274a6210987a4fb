package dev.providerapi.broker;

import dev.providerapi.model.Offer;
import java.util.List;
import java.util.Optional;

/**
 * Offers from every provider of a fleet, merged and sorted (by the filter's sort: price per GPU-hour, then per
 * hour, by default), with each provider's result: ok and how long it took, or its typed error or deadline.
 * Immutable.
 */
public record FleetOffers(List<Offer> offers, List<ProviderResult<List<Offer>>> providers) {

  public FleetOffers {
    offers = List.copyOf(offers);
    providers = List.copyOf(providers);
  }

  /** The result of {@code provider}, if it is in the fleet. */
  public Optional<ProviderResult<List<Offer>>> provider(String provider) {
    return providers.stream().filter(r -> r.provider().equals(provider)).findFirst();
  }

  /** The providers that did not answer with offers. */
  public List<ProviderResult<List<Offer>>> failures() {
    return providers.stream().filter(r -> !r.ok()).toList();
  }
}
