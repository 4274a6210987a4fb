package dev.providerapi.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Prices in USD per hour for the whole offer ({@code gpuCount} GPUs). Either side may be absent: an offer
 * with no spot market has no spot price. Per-GPU-hour figures are derived, never stored apart.
 *
 * @param onDemandPerHour the on-demand price in USD per hour; null if not sold on demand
 * @param spotPerHour the spot price in USD per hour; null if not sold as spot
 * @param gpuCount the number of GPUs the prices are for; the per-GPU figures divide by it (0 or 1: not divided)
 */
public record Pricing(@Nullable BigDecimal onDemandPerHour, @Nullable BigDecimal spotPerHour, int gpuCount) {

  /**
   * Checks that a price is given and the GPU count is not negative.
   *
   * @param onDemandPerHour the on-demand price in USD per hour; null if not sold on demand
   * @param spotPerHour the spot price in USD per hour; null if not sold as spot
   * @param gpuCount the number of GPUs the prices are for; the per-GPU figures divide by it (0 or 1: not divided)
   * @throws IllegalArgumentException if both prices are null or {@code gpuCount} is negative
   */
  public Pricing {
    if (onDemandPerHour == null && spotPerHour == null) {
      throw new IllegalArgumentException("a price needs an on-demand or a spot figure");
    }
    if (gpuCount < 0) {
      throw new IllegalArgumentException("gpuCount must not be negative: " + gpuCount);
    }
  }

  /**
   * An on-demand price only.
   *
   * @param perHour the price in USD per hour for the whole offer
   * @param gpuCount the number of GPUs
   * @return pricing with no spot price
   */
  public static Pricing onDemand(BigDecimal perHour, int gpuCount) {
    return new Pricing(perHour, null, gpuCount);
  }

  /**
   * The on-demand price in USD per hour.
   *
   * @return the price, or empty if not sold on demand
   */
  public Optional<BigDecimal> onDemand() {
    return Optional.ofNullable(onDemandPerHour);
  }

  /**
   * The spot price in USD per hour.
   *
   * @return the price, or empty if not sold as spot
   */
  public Optional<BigDecimal> spot() {
    return Optional.ofNullable(spotPerHour);
  }

  /**
   * The on-demand price in USD per GPU-hour, to six decimal places at most.
   *
   * @return the price, or empty if not sold on demand
   */
  public Optional<BigDecimal> onDemandPerGpuHour() {
    return onDemand().map(this::perGpu);
  }

  /**
   * The spot price in USD per GPU-hour, to six decimal places at most.
   *
   * @return the price, or empty if not sold as spot
   */
  public Optional<BigDecimal> spotPerGpuHour() {
    return spot().map(this::perGpu);
  }

  /**
   * The price in {@code market}, if the offer is sold there.
   *
   * @param market the market
   * @return the price in USD per hour, or empty if not sold in {@code market}
   */
  public Optional<BigDecimal> perHour(Market market) {
    return market == Market.SPOT ? spot() : onDemand();
  }

  /**
   * The lower of the two prices that exist.
   *
   * @return the price in USD per hour, never null
   */
  public BigDecimal cheapestPerHour() {
    if (onDemandPerHour == null) {
      return spotPerHour;
    }
    if (spotPerHour == null) {
      return onDemandPerHour;
    }
    return onDemandPerHour.min(spotPerHour);
  }

  private BigDecimal perGpu(BigDecimal perHour) {
    return gpuCount <= 1 ? perHour : perHour.divide(BigDecimal.valueOf(gpuCount), 6, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
