package dev.providerapi.lifecycle;

import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.spi.OfferMatcher;
import dev.providerapi.spi.OffersCache;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Offers from one place, live (an offers operation) or from a catalog (provider.yaml's {@code offerCatalog}):
 * the part of the filter the provider applies itself is sent, the answer is cached per that part, and the
 * caller's whole filter is applied here. It also picks the cheapest offer for a launch given without an offer
 * id; when none fits, that is a {@link dev.providerapi.errors.CapacityUnavailableException}, the type a broker
 * fails over on.
 */
public final class OfferSource {
  private final String provider;
  private final UnaryOperator<OfferFilter> serverSide;
  private final Function<OfferFilter, List<Offer>> fetch;
  private final Supplier<OffersCache<OfferFilter, Offer>> cache;
  private final Supplier<GpuCatalog> catalog;
  private final UnaryOperator<String> canonicalRegion;

  /**
   * Offers of one provider.
   *
   * @param provider the provider's name, for failures
   * @param serverSide the part of a filter the provider applies itself (the cache key)
   * @param fetch lists the offers for the server-side part of a filter
   * @param cache supplies the offers cache
   * @param catalog supplies the GPU catalog used to match filters
   * @param canonicalRegion maps a provider region to its canonical name, or to null
   */
  public OfferSource(String provider, UnaryOperator<OfferFilter> serverSide, Function<OfferFilter, List<Offer>> fetch,
      Supplier<OffersCache<OfferFilter, Offer>> cache, Supplier<GpuCatalog> catalog,
      UnaryOperator<String> canonicalRegion) {
    this.provider = provider;
    this.serverSide = serverSide;
    this.fetch = fetch;
    this.cache = cache;
    this.catalog = catalog;
    this.canonicalRegion = canonicalRegion;
  }

  /**
   * The offers that fit {@code filter}, from the cache when it holds the server-side part.
   *
   * @param filter the filter; null means any offer
   * @return the matching offers, in the order the provider listed them
   */
  public List<Offer> offers(OfferFilter filter) {
    OfferFilter f = filter == null ? OfferFilter.any() : filter;
    OfferFilter server = serverSide.apply(f);
    List<Offer> all = cache.get().get(server, () -> fetch.apply(server));
    OfferMatcher matcher = new OfferMatcher(catalog.get(), canonicalRegion);
    return all.stream().filter(o -> matcher.matches(o, f)).toList();
  }

  /**
   * The cheapest offer that fits a launch request given without an offer id: its GPU (or, when it names no
   * GPU, its instance type), its GPU count (when no instance type is named, since a type fixes the count), its
   * instance type and its region (provider or canonical), priced in the request's market.
   *
   * @param request the launch request
   * @return the cheapest fitting offer, or empty if none fits
   */
  public Optional<Offer> cheapest(LaunchRequest request) {
    return cheapest(request, false);
  }

  /**
   * {@link #cheapest(LaunchRequest)}; with {@code exactCount} the GPU count is matched even when an instance type is
   * named, for providers whose types come at several counts (TensorDock sells a GPU model by the unit).
   *
   * @param request the launch request
   * @param exactCount whether to match the GPU count even when an instance type is named
   * @return the cheapest fitting offer, or empty if none fits
   */
  public Optional<Offer> cheapest(LaunchRequest request, boolean exactCount) {
    OfferFilter filter = OfferFilter.builder()
        .gpu(request.gpu())
        .gpuCount(exactCount || request.instanceType() == null ? request.gpuCount() : null)
        .region(request.region())
        .market(request.market())
        .build();
    Market market = request.market();
    return offers(filter).stream()
        .filter(o -> request.instanceType() == null || request.instanceType().equals(o.instanceType()))
        .min(Comparator.comparing((Offer o) -> o.pricing().perHour(market).orElse(o.pricing().cheapestPerHour())));
  }

  /**
   * {@link #cheapest}, or CapacityUnavailableException naming what was asked for.
   *
   * @param request the launch request
   * @return the cheapest fitting offer
   * @throws dev.providerapi.errors.CapacityUnavailableException if none fits
   */
  public Offer requireCheapest(LaunchRequest request) {
    return requireCheapest(request, false);
  }

  /**
   * {@link #cheapest(LaunchRequest, boolean)}, or CapacityUnavailableException naming what was asked for.
   *
   * @param request the launch request
   * @param exactCount whether to match the GPU count even when an instance type is named
   * @return the cheapest fitting offer
   * @throws dev.providerapi.errors.CapacityUnavailableException if none fits
   */
  public Offer requireCheapest(LaunchRequest request, boolean exactCount) {
    return cheapest(request, exactCount).orElseThrow(() -> Failures.noCapacity(provider, "launch", "no offer with capacity"
        + " fits instanceType=" + request.instanceType() + ", gpu=" + request.gpu() + " x" + request.gpuCount()
        + ", region=" + request.region() + ", market=" + request.market(), null));
  }
}
