package dev.providerapi.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Prices in USD per hour for the whole offer ({@code gpuCount} GPUs). Either side may be absent: an offer
 * with no spot market has no spot price. Per-GPU-hour figures are derived, never stored apart.
 */
public record Pricing(@Nullable BigDecimal onDemandPerHour, @Nullable BigDecimal spotPerHour, int gpuCount) {

  public Pricing {
    if (onDemandPerHour == null && spotPerHour == null) {
      throw new IllegalArgumentException("a price needs an on-demand or a spot figure");
    }
    if (gpuCount < 0) {
      throw new IllegalArgumentException("gpuCount must not be negative: " + gpuCount);
    }
  }

  public static Pricing onDemand(BigDecimal perHour, int gpuCount) {
    return new Pricing(perHour, null, gpuCount);
  }

  public Optional<BigDecimal> onDemand() {
    return Optional.ofNullable(onDemandPerHour);
  }

  public Optional<BigDecimal> spot() {
    return Optional.ofNullable(spotPerHour);
  }

  public Optional<BigDecimal> onDemandPerGpuHour() {
    return onDemand().map(this::perGpu);
  }

  public Optional<BigDecimal> spotPerGpuHour() {
    return spot().map(this::perGpu);
  }

  /** The price in {@code market}, if the offer is sold there. */
  public Optional<BigDecimal> perHour(Market market) {
    return market == Market.SPOT ? spot() : onDemand();
  }

  /** The lower of the two prices that exist. */
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
