package dev.providerapi.model;

import dev.providerapi.gpu.GpuType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that can be launched: an instance type in a region (Lambda), a machine listing (Vast), a GPU type
 * in a cloud (RunPod). {@code id} is what {@link LaunchRequest#offerId()} takes back.
 */
public record Offer(
    String provider,
    String id,
    @Nullable String instanceType,
    GpuType gpu,
    int gpuCount,
    @Nullable String region,
    Pricing pricing,
    PriceSource priceSource,
    @Nullable Instant priceAsOf,
    @Nullable Integer vcpus,
    @Nullable BigDecimal memoryGib,
    @Nullable BigDecimal diskGib,
    @Nullable Integer availableCount,
    Map<String, String> details) {

  public Offer {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(priceSource, "priceSource");
    details = Map.copyOf(details);
  }

  public boolean spotAvailable() {
    return pricing.spotPerHour() != null;
  }

  public boolean onDemandAvailable() {
    return pricing.onDemandPerHour() != null;
  }

  public static Builder builder(String provider, String id) {
    return new Builder(provider, id);
  }

  public static final class Builder {
    private final String provider;
    private final String id;
    private @Nullable String instanceType;
    private @Nullable GpuType gpu;
    private int gpuCount = 1;
    private @Nullable String region;
    private @Nullable Pricing pricing;
    private PriceSource priceSource = PriceSource.LIVE;
    private @Nullable Instant priceAsOf;
    private @Nullable Integer vcpus;
    private @Nullable BigDecimal memoryGib;
    private @Nullable BigDecimal diskGib;
    private @Nullable Integer availableCount;
    private final Map<String, String> details = new LinkedHashMap<>();

    private Builder(String provider, String id) {
      this.provider = provider;
      this.id = id;
    }

    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    public Builder gpu(GpuType v) { this.gpu = v; return this; }
    public Builder gpuCount(int v) { this.gpuCount = v; return this; }
    public Builder region(@Nullable String v) { this.region = v; return this; }
    public Builder pricing(Pricing v) { this.pricing = v; return this; }
    public Builder priceSource(PriceSource v) { this.priceSource = v; return this; }
    public Builder priceAsOf(@Nullable Instant v) { this.priceAsOf = v; return this; }
    public Builder vcpus(@Nullable Integer v) { this.vcpus = v; return this; }
    public Builder memoryGib(@Nullable BigDecimal v) { this.memoryGib = v; return this; }
    public Builder diskGib(@Nullable BigDecimal v) { this.diskGib = v; return this; }
    public Builder availableCount(@Nullable Integer v) { this.availableCount = v; return this; }
    public Builder detail(String key, @Nullable Object value) {
      if (value != null) {
        details.put(key, String.valueOf(value));
      }
      return this;
    }

    public Offer build() {
      return new Offer(provider, id, instanceType, Objects.requireNonNull(gpu, "gpu"), gpuCount, region,
          Objects.requireNonNull(pricing, "pricing"), priceSource, priceAsOf, vcpus, memoryGib, diskGib,
          availableCount, details);
    }
  }
}
