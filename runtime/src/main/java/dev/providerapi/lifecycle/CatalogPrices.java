package dev.providerapi.lifecycle;

import dev.providerapi.descriptor.OfferCatalog;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.Offer;
import dev.providerapi.model.PriceSource;
import dev.providerapi.model.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The list prices of provider.yaml's {@code offerCatalog}, for providers whose API lists no offers (CoreWeave) or
 * quotes no price before a machine exists (Paperspace). Every offer and price from here is marked
 * {@link PriceSource#CATALOG} with the catalog's date, never passed off as a live quote. Immutable.
 */
public final class CatalogPrices {
  private static final Pattern TIMES_COUNT = Pattern.compile("(?<gpu>.+)x(?<count>[1-9][0-9]*)");

  private final @Nullable OfferCatalog catalog;

  private CatalogPrices(@Nullable OfferCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The catalog's prices; a provider that declares none has no catalog offers or prices.
   *
   * @param catalog the declared catalog, or null when the provider declares none
   * @return the prices
   */
  public static CatalogPrices of(@Nullable OfferCatalog catalog) {
    return new CatalogPrices(catalog);
  }

  /**
   * Midnight UTC of the day the prices were taken; null without a catalog.
   *
   * @return the instant, or null
   */
  public @Nullable Instant asOf() {
    return catalog == null ? null : catalog.asOf().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The hourly list price of {@code count} GPUs of the class ({@code gpu} case-insensitive), at any count.
   *
   * @param gpu the catalog's GPU name
   * @param count the number of GPUs
   * @return the price in USD per hour for {@code count} GPUs, or empty if the catalog has no such GPU
   */
  public Optional<BigDecimal> perHour(String gpu, int count) {
    return entry(gpu).map(e -> e.perGpuHour().multiply(BigDecimal.valueOf(count)));
  }

  /**
   * The hourly price of a machine type named after its GPU class and count: {@code <gpu>} is one GPU,
   * {@code <gpu>x<n>} is n (Paperspace's {@code A6000} and {@code A6000x4}); only counts the catalog lists.
   *
   * @param machineType the machine type, {@code <gpu>} or {@code <gpu>x<n>}
   * @return the price in USD per hour, or empty if the GPU or the count is not in the catalog
   */
  public Optional<BigDecimal> perHourOfType(String machineType) {
    Matcher m = TIMES_COUNT.matcher(machineType);
    if (m.matches() && entry(m.group("gpu")).isPresent()) {
      int count = Integer.parseInt(m.group("count"));
      return entry(m.group("gpu")).filter(e -> e.counts().contains(count)).flatMap(e -> perHour(e.gpu(), count));
    }
    return entry(machineType).filter(e -> e.counts().contains(1)).map(OfferCatalog.Entry::perGpuHour);
  }

  /**
   * The catalog's price of {@code count} GPUs of the class as on-demand pricing.
   *
   * @param gpu the catalog's GPU name
   * @param count the number of GPUs
   * @return on-demand pricing for {@code count} GPUs, or empty if the catalog has no such GPU
   */
  public Optional<Pricing> pricing(String gpu, int count) {
    return perHour(gpu, count).map(p -> Pricing.onDemand(p, count));
  }

  /**
   * One offer per GPU class, count and region, id {@code <gpu>/<count>/<region>} ({@link OfferIds#counted}
   * reads it back), with the catalog's note and source in the details.
   *
   * @param provider the provider's name, for the offers
   * @param gpuType maps the catalog's GPU name to a GPU type
   * @return the offers, marked {@link PriceSource#CATALOG}; empty without a catalog
   */
  public List<Offer> offers(String provider, Function<String, GpuType> gpuType) {
    List<Offer> offers = new ArrayList<>();
    if (catalog == null) {
      return offers;
    }
    for (OfferCatalog.Entry e : catalog.entries()) {
      for (int count : e.counts()) {
        for (String region : e.regions()) {
          offers.add(Offer.builder(provider, e.gpu() + "/" + count + "/" + region)
              .instanceType(e.gpu())
              .gpu(gpuType.apply(e.gpu()))
              .gpuCount(count)
              .region(region)
              .pricing(Pricing.onDemand(e.perGpuHour().multiply(BigDecimal.valueOf(count)), count))
              .priceSource(PriceSource.CATALOG)
              .priceAsOf(asOf())
              .detail("priceNote", catalog.note())
              .detail("priceSource", catalog.source())
              .build());
        }
      }
    }
    return offers;
  }

  private Optional<OfferCatalog.Entry> entry(String gpu) {
    if (catalog == null) {
      return Optional.empty();
    }
    String wanted = gpu.toLowerCase(Locale.ROOT);
    return catalog.entries().stream().filter(e -> e.gpu().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }
}
