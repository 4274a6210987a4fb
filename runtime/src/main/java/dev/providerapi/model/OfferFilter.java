package dev.providerapi.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a caller wants; every field is optional. {@code gpu} is a canonical GPU name ({@code H100-SXM-80GB})
 * or a model prefix ({@code H100}); {@code region} is a canonical or provider region name.
 */
public record OfferFilter(
    @Nullable String gpu,
    @Nullable Integer gpuCount,
    @Nullable String region,
    @Nullable BigDecimal maxPricePerHour,
    @Nullable Market market) {

  public static OfferFilter any() {
    return new OfferFilter(null, null, null, null, null);
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private @Nullable String gpu;
    private @Nullable Integer gpuCount;
    private @Nullable String region;
    private @Nullable BigDecimal maxPricePerHour;
    private @Nullable Market market;

    public Builder gpu(@Nullable String v) { this.gpu = v; return this; }
    public Builder gpuCount(@Nullable Integer v) { this.gpuCount = v; return this; }
    public Builder region(@Nullable String v) { this.region = v; return this; }
    public Builder maxPricePerHour(@Nullable BigDecimal v) { this.maxPricePerHour = v; return this; }
    public Builder market(@Nullable Market v) { this.market = v; return this; }

    public OfferFilter build() {
      return new OfferFilter(gpu, gpuCount, region, maxPricePerHour, market);
    }
  }
}
