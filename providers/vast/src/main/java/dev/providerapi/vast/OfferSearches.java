package dev.providerapi.vast;

import dev.providerapi.model.Market;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.vast.model.BooleanCondition;
import dev.providerapi.vast.model.IntegerCondition;
import dev.providerapi.vast.model.NumberCondition;
import dev.providerapi.vast.model.OfferSearch;
import dev.providerapi.vast.model.OfferSearchType;
import dev.providerapi.vast.model.TextCondition;
import java.util.List;

/**
 * Our offer filter as Vast's search body. Every search carries the official CLI's defaults (verified,
 * datacenter-or-host listed by Vast itself, rentable, not already rented by us); the caller's fields are
 * added as conditions. Prices are checked against the figure of the market asked for: {@code dph_total}
 * on demand, {@code min_bid} for a bid.
 */
final class OfferSearches {
  /** Enough for any realistic filter; Vast sorts by price first, so a cut keeps the cheapest. */
  static final int LIMIT = 100;

  private OfferSearches() {}

  /**
   * @param gpuNames Vast's GPU names the filter's GPU stands for (empty: no GPU condition)
   * @param countryCodes the country codes the filter's region stands for (empty: no location condition)
   */
  static OfferSearch body(OfferFilter filter, List<String> gpuNames, List<String> countryCodes) {
    boolean bid = filter.market() == Market.SPOT;
    OfferSearch.Builder b = OfferSearch.builder()
        .verified(yes())
        .external(no())
        .rentable(yes())
        .rented(no())
        .type(bid ? OfferSearchType.BID : OfferSearchType.ONDEMAND)
        .order(List.of(List.of(bid ? "min_bid" : "dph_total", "asc")))
        .limit(LIMIT);
    if (!gpuNames.isEmpty()) {
      b.gpuName(TextCondition.builder().in(gpuNames).build());
    }
    if (filter.gpuCount() != null) {
      b.numGpus(IntegerCondition.builder().eq(filter.gpuCount()).build());
    }
    if (!countryCodes.isEmpty()) {
      b.geolocation(TextCondition.builder().in(countryCodes).build());
    }
    if (filter.maxPricePerHour() != null && filter.market() != null) {
      NumberCondition atMost = NumberCondition.builder().lte(filter.maxPricePerHour()).build();
      if (bid) {
        b.minBid(atMost);
      } else {
        b.dphTotal(atMost);
      }
    }
    return b.build();
  }

  private static BooleanCondition yes() {
    return new BooleanCondition(true);
  }

  private static BooleanCondition no() {
    return new BooleanCondition(false);
  }
}
