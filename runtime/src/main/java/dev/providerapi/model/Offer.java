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
 *
 * @param provider the provider's name
 * @param id the provider-specific id that {@link LaunchRequest#offerId()} takes back
 * @param instanceType the provider's instance type; null if the provider has none
 * @param gpu the GPU type
 * @param gpuCount the number of GPUs
 * @param region the provider's region name; null if the offer is not tied to one
 * @param pricing the prices for the whole offer
 * @param priceSource whether the price is a live quote or from the catalog
 * @param priceAsOf when the price was quoted or the catalog taken; null if not known
 * @param vcpus the number of vCPUs; null if not stated
 * @param memoryGib the RAM in GiB; null if not stated
 * @param diskGib the disk size in GiB; null if not stated
 * @param availableCount how many can be launched now; null if not stated
 * @param details other provider-specific fields as strings (copied, never null)
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

  /**
   * Checks the required fields and copies {@code details}.
   *
   * @param provider the provider's name
   * @param id the provider-specific id that {@link LaunchRequest#offerId()} takes back
   * @param instanceType the provider's instance type; null if the provider has none
   * @param gpu the GPU type
   * @param gpuCount the number of GPUs
   * @param region the provider's region name; null if the offer is not tied to one
   * @param pricing the prices for the whole offer
   * @param priceSource whether the price is a live quote or from the catalog
   * @param priceAsOf when the price was quoted or the catalog taken; null if not known
   * @param vcpus the number of vCPUs; null if not stated
   * @param memoryGib the RAM in GiB; null if not stated
   * @param diskGib the disk size in GiB; null if not stated
   * @param availableCount how many can be launched now; null if not stated
   * @param details other provider-specific fields as strings (copied, never null)
   * @throws NullPointerException if {@code provider}, {@code id}, {@code gpu}, {@code pricing} or
   *     {@code priceSource} is null
   */
  public Offer {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(gpu, "gpu");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(priceSource, "priceSource");
    details = Map.copyOf(details);
  }

  /**
   * Whether the offer has a spot price.
   *
   * @return true if {@link Pricing#spotPerHour()} is not null
   */
  public boolean spotAvailable() {
    return pricing.spotPerHour() != null;
  }

  /**
   * Whether the offer has an on-demand price.
   *
   * @return true if {@link Pricing#onDemandPerHour()} is not null
   */
  public boolean onDemandAvailable() {
    return pricing.onDemandPerHour() != null;
  }

  /**
   * A builder for an offer; one GPU and price source LIVE by default, the GPU and the pricing must be set.
   *
   * @param provider the provider's name
   * @param id the offer's id
   * @return a new builder
   */
  public static Builder builder(String provider, String id) {
    return new Builder(provider, id);
  }

  /** Builds an {@link Offer} field by field; see the record's components for what each one means. */
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

    /**
     * Sets the provider's instance type.
     *
     * @param v the instance type, or null
     * @return this builder
     */
    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    /**
     * Sets the GPU type (required).
     *
     * @param v the GPU type
     * @return this builder
     */
    public Builder gpu(GpuType v) { this.gpu = v; return this; }
    /**
     * Sets the number of GPUs (default 1).
     *
     * @param v the GPU count
     * @return this builder
     */
    public Builder gpuCount(int v) { this.gpuCount = v; return this; }
    /**
     * Sets the provider's region name.
     *
     * @param v the region, or null
     * @return this builder
     */
    public Builder region(@Nullable String v) { this.region = v; return this; }
    /**
     * Sets the prices (required).
     *
     * @param v the pricing for the whole offer
     * @return this builder
     */
    public Builder pricing(Pricing v) { this.pricing = v; return this; }
    /**
     * Sets where the price comes from (default LIVE).
     *
     * @param v the price source
     * @return this builder
     */
    public Builder priceSource(PriceSource v) { this.priceSource = v; return this; }
    /**
     * Sets when the price was quoted.
     *
     * @param v the time, or null
     * @return this builder
     */
    public Builder priceAsOf(@Nullable Instant v) { this.priceAsOf = v; return this; }
    /**
     * Sets the number of vCPUs.
     *
     * @param v the vCPU count, or null
     * @return this builder
     */
    public Builder vcpus(@Nullable Integer v) { this.vcpus = v; return this; }
    /**
     * Sets the RAM.
     *
     * @param v the RAM in GiB, or null
     * @return this builder
     */
    public Builder memoryGib(@Nullable BigDecimal v) { this.memoryGib = v; return this; }
    /**
     * Sets the disk size.
     *
     * @param v the disk in GiB, or null
     * @return this builder
     */
    public Builder diskGib(@Nullable BigDecimal v) { this.diskGib = v; return this; }
    /**
     * Sets how many can be launched now.
     *
     * @param v the count, or null
     * @return this builder
     */
    public Builder availableCount(@Nullable Integer v) { this.availableCount = v; return this; }
    /**
     * Adds a provider-specific detail; a null value adds nothing.
     *
     * @param key the detail's name
     * @param value the value, stored as {@link String#valueOf(Object)}, or null to skip
     * @return this builder
     */
    public Builder detail(String key, @Nullable Object value) {
      if (value != null) {
        details.put(key, String.valueOf(value));
      }
      return this;
    }

    /**
     * Builds the offer.
     *
     * @return the offer
     * @throws NullPointerException if the GPU or the pricing was not set
     */
    public Offer build() {
      return new Offer(provider, id, instanceType, Objects.requireNonNull(gpu, "gpu"), gpuCount, region,
          Objects.requireNonNull(pricing, "pricing"), priceSource, priceAsOf, vcpus, memoryGib, diskGib,
          availableCount, details);
    }
  }
}
