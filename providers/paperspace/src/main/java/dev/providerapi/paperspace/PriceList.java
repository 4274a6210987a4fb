package dev.providerapi.paperspace;

import dev.providerapi.descriptor.OfferCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Paperspace's hourly prices by machine type, from the {@code offerCatalog} of provider.yaml (the API quotes no
 * price before a machine exists): an entry's GPU at count 1 is the machine type of that name, at count n the
 * type {@code <gpu>x<n>}, priced per GPU-hour times the count.
 */
final class PriceList {
  private final Map<String, BigDecimal> perHour;
  private final Instant asOf;

  PriceList(Map<String, BigDecimal> perHour, Instant asOf) {
    this.perHour = Map.copyOf(perHour);
    this.asOf = asOf;
  }

  static PriceList of(OfferCatalog catalog) {
    Map<String, BigDecimal> prices = new TreeMap<>();
    for (OfferCatalog.Entry e : catalog.entries()) {
      for (int count : e.counts()) {
        prices.put(count == 1 ? e.gpu() : e.gpu() + "x" + count, e.perGpuHour().multiply(BigDecimal.valueOf(count)));
      }
    }
    return new PriceList(prices, catalog.asOf().atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  Optional<BigDecimal> perHour(String machineType) {
    return Optional.ofNullable(perHour.get(machineType));
  }

  Instant asOf() {
    return asOf;
  }
}
