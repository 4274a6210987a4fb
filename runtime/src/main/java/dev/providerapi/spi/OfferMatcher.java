package dev.providerapi.spi;

import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The client-side half of {@code offers(filter)}: providers filter coarsely or not at all, so every offer is
 * checked against every field of the filter here.
 */
public final class OfferMatcher {
  private final GpuCatalog catalog;
  private final UnaryOperator<String> canonicalRegion;

  /**
   * {@code canonicalRegion} maps a provider region to its canonical name (identity when unmapped).
   *
   * @param catalog the GPU catalog for the filter's GPU term
   * @param canonicalRegion maps a provider region to its canonical name
   */
  public OfferMatcher(GpuCatalog catalog, UnaryOperator<String> canonicalRegion) {
    this.catalog = catalog;
    this.canonicalRegion = canonicalRegion;
  }

  /**
   * Whether an offer meets every field of a filter: hardware, GPU, count, region, market and price.
   *
   * @param offer the offer
   * @param filter the filter
   * @return true if the offer fits
   */
  public boolean matches(Offer offer, OfferFilter filter) {
    if (!filter.matchesHardware(offer, canonicalRegion)) {
      return false;
    }
    if (filter.gpu() != null && !filter.gpu().isBlank() && !catalog.matches(offer.gpu(), filter.gpu())) {
      return false;
    }
    if (filter.gpuCount() != null && offer.gpuCount() != filter.gpuCount()) {
      return false;
    }
    if (filter.region() != null && !filter.region().isBlank() && !regionMatches(offer.region(), filter.region())) {
      return false;
    }
    if (filter.market() != null && offer.pricing().perHour(filter.market()).isEmpty()) {
      return false;
    }
    if (filter.maxPricePerHour() != null) {
      Optional<BigDecimal> price = filter.market() != null
          ? offer.pricing().perHour(filter.market())
          : Optional.of(offer.pricing().cheapestPerHour());
      return price.isPresent() && price.get().compareTo(filter.maxPricePerHour()) <= 0;
    }
    return true;
  }

  private boolean regionMatches(String offerRegion, String wanted) {
    if (offerRegion == null) {
      return false;
    }
    if (offerRegion.equalsIgnoreCase(wanted)) {
      return true;
    }
    String canonical = canonicalRegion.apply(offerRegion);
    return canonical != null && canonical.equalsIgnoreCase(wanted);
  }
}
