package dev.providerapi.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The order offers are listed in. Every order ends on provider and offer id, so the same offers always come
 * out in the same order; an offer with no price in the wanted market sorts last.
 */
public enum OfferSort {
  /** Price per GPU-hour, then price per hour for the whole offer (the default). */
  PRICE_PER_GPU_HOUR,
  /** Price per hour for the whole offer, then per GPU-hour. */
  PRICE_PER_HOUR,
  /** Most GPU memory per GPU first, then price per GPU-hour. */
  GPU_MEMORY,
  /** Most GPUs first, then price per GPU-hour. */
  GPU_COUNT;

  /**
   * Orders offers by this sort, pricing them in {@code market} (null: the cheaper of the two markets).
   *
   * @param market the market to price in, or null
   * @return a total order on offers
   */
  public Comparator<Offer> comparator(@Nullable Market market) {
    Comparator<Offer> perGpu = Comparator.comparing((Offer o) -> perGpuHour(o, market),
        Comparator.nullsLast(Comparator.naturalOrder()));
    Comparator<Offer> perHour = Comparator.comparing((Offer o) -> perHour(o, market),
        Comparator.nullsLast(Comparator.naturalOrder()));
    Comparator<Offer> primary = switch (this) {
      case PRICE_PER_GPU_HOUR -> perGpu.thenComparing(perHour);
      case PRICE_PER_HOUR -> perHour.thenComparing(perGpu);
      case GPU_MEMORY -> Comparator.comparing((Offer o) -> o.gpu().memoryGb(),
          Comparator.nullsLast(Comparator.<Integer>reverseOrder())).thenComparing(perGpu).thenComparing(perHour);
      case GPU_COUNT -> Comparator.comparingInt(Offer::gpuCount).reversed().thenComparing(perGpu)
          .thenComparing(perHour);
    };
    return primary.thenComparing(Offer::provider).thenComparing(Offer::id);
  }

  /**
   * The offer's price per hour in {@code market}, or the cheaper one when {@code market} is null.
   *
   * @param offer the offer
   * @param market the market, or null
   * @return the price in USD per hour, or null if the offer has no price in {@code market}
   */
  public static @Nullable BigDecimal perHour(Offer offer, @Nullable Market market) {
    return market == null ? offer.pricing().cheapestPerHour() : offer.pricing().perHour(market).orElse(null);
  }

  /**
   * The offer's price per GPU-hour in {@code market}, or the cheaper one when {@code market} is null.
   *
   * @param offer the offer
   * @param market the market, or null
   * @return the price in USD per GPU-hour, or null if the offer has no price in {@code market}
   */
  public static @Nullable BigDecimal perGpuHour(Offer offer, @Nullable Market market) {
    Pricing p = offer.pricing();
    Optional<BigDecimal> price;
    if (market == Market.SPOT) {
      price = p.spotPerGpuHour();
    } else if (market == Market.ON_DEMAND) {
      price = p.onDemandPerGpuHour();
    } else {
      BigDecimal od = p.onDemandPerGpuHour().orElse(null);
      BigDecimal spot = p.spotPerGpuHour().orElse(null);
      price = Optional.ofNullable(od == null ? spot : spot == null ? od : od.min(spot));
    }
    return price.orElse(null);
  }
}
