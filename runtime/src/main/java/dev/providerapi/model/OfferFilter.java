package dev.providerapi.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * What a caller wants; every field is optional. {@code gpu} is a canonical GPU name ({@code H100-SXM-80GB})
 * or a model prefix ({@code H100}); {@code region} is a canonical or provider region name;
 * {@code canonicalRegion} only ever a canonical one ({@code us-east}).
 *
 * <p>The minimums ({@code minGpuMemoryGb}, {@code minVcpus}, {@code minMemoryGib}, {@code minDiskGib}) and
 * {@code interconnect} exclude an offer that does not state the figure: a filter that asks for 80 GB never
 * returns an offer of unknown memory. {@code interconnect} is compared, ignoring case, with the offer's
 * {@code interconnect} detail where the provider states one, else with the GPU's form factor ({@code SXM},
 * {@code PCIe}, {@code NVL}). {@code sort} orders the result; null means {@link OfferSort#PRICE_PER_GPU_HOUR}.
 *
 * @param gpu a canonical GPU name or model prefix; null for any GPU
 * @param gpuCount the exact number of GPUs; null for any
 * @param region a canonical or provider region name; null for any
 * @param maxPricePerHour the highest price in USD per hour for the whole offer, in {@code market} (or the
 *     cheaper market when that is null); null for no limit
 * @param market the market the offer must be sold in; null for either
 * @param minGpuMemoryGb the least memory per GPU in GB; null for no minimum
 * @param minVcpus the least number of vCPUs; null for no minimum
 * @param minMemoryGib the least RAM in GiB; null for no minimum
 * @param minDiskGib the least disk in GiB; null for no minimum
 * @param canonicalRegion a canonical region name only; null for any
 * @param interconnect the interconnect or form factor, ignoring case; null for any
 * @param sort the order of the result; null for {@link OfferSort#PRICE_PER_GPU_HOUR}
 */
public record OfferFilter(
    @Nullable String gpu,
    @Nullable Integer gpuCount,
    @Nullable String region,
    @Nullable BigDecimal maxPricePerHour,
    @Nullable Market market,
    @Nullable Integer minGpuMemoryGb,
    @Nullable Integer minVcpus,
    @Nullable BigDecimal minMemoryGib,
    @Nullable BigDecimal minDiskGib,
    @Nullable String canonicalRegion,
    @Nullable String interconnect,
    @Nullable OfferSort sort) {

  /**
   * The filter of the first five fields only (kept for callers written before the others existed).
   *
   * @param gpu a canonical GPU name or model prefix, or null
   * @param gpuCount the exact number of GPUs, or null
   * @param region a canonical or provider region name, or null
   * @param maxPricePerHour the highest price in USD per hour for the whole offer, or null
   * @param market the market the offer must be sold in, or null
   */
  public OfferFilter(@Nullable String gpu, @Nullable Integer gpuCount, @Nullable String region,
      @Nullable BigDecimal maxPricePerHour, @Nullable Market market) {
    this(gpu, gpuCount, region, maxPricePerHour, market, null, null, null, null, null, null, null);
  }

  /**
   * A filter that matches every offer.
   *
   * @return a filter with every field null
   */
  public static OfferFilter any() {
    return new OfferFilter(null, null, null, null, null);
  }

  /**
   * A builder with every field null.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The sort to apply: {@link #sort()} or the default, price per GPU-hour.
   *
   * @return the sort to order the result by, never null
   */
  public OfferSort effectiveSort() {
    return sort == null ? OfferSort.PRICE_PER_GPU_HOUR : sort;
  }

  /**
   * Checks the hardware fields (GPU memory, vCPU, RAM, disk, interconnect) and the canonical region, using
   * {@code canonicalRegionOf} to map the offer's provider region. The other fields are checked where the GPU
   * catalog is known ({@code OfferMatcher}).
   *
   * @param offer the offer to check
   * @param canonicalRegionOf maps a provider region name to its canonical name, or to null if it has none
   * @return true if the offer meets every hardware minimum, the interconnect and the canonical region set here
   */
  public boolean matchesHardware(Offer offer, UnaryOperator<String> canonicalRegionOf) {
    if (minGpuMemoryGb != null
        && (offer.gpu().memoryGb() == null || offer.gpu().memoryGb() < minGpuMemoryGb)) {
      return false;
    }
    if (minVcpus != null && (offer.vcpus() == null || offer.vcpus() < minVcpus)) {
      return false;
    }
    if (minMemoryGib != null && (offer.memoryGib() == null || offer.memoryGib().compareTo(minMemoryGib) < 0)) {
      return false;
    }
    if (minDiskGib != null && (offer.diskGib() == null || offer.diskGib().compareTo(minDiskGib) < 0)) {
      return false;
    }
    if (interconnect != null && !interconnect.isBlank()) {
      String stated = offer.details().get("interconnect");
      String have = stated != null ? stated : offer.gpu().formFactor();
      if (have == null || !have.toLowerCase(Locale.ROOT).equals(interconnect.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    if (canonicalRegion != null && !canonicalRegion.isBlank()) {
      if (offer.region() == null) {
        return false;
      }
      String canonical = canonicalRegionOf.apply(offer.region());
      return canonical != null && canonical.equalsIgnoreCase(canonicalRegion);
    }
    return true;
  }

  /** Builds an {@link OfferFilter} field by field; see the record's components for what each one means. */
  public static final class Builder {
    private @Nullable String gpu;
    private @Nullable Integer gpuCount;
    private @Nullable String region;
    private @Nullable BigDecimal maxPricePerHour;
    private @Nullable Market market;
    private @Nullable Integer minGpuMemoryGb;
    private @Nullable Integer minVcpus;
    private @Nullable BigDecimal minMemoryGib;
    private @Nullable BigDecimal minDiskGib;
    private @Nullable String canonicalRegion;
    private @Nullable String interconnect;
    private @Nullable OfferSort sort;

    /** An empty builder; {@link OfferFilter#builder()} makes one. */
    private Builder() {}

    /**
     * Sets the GPU.
     *
     * @param v a canonical GPU name or model prefix, or null for any
     * @return this builder
     */
    public Builder gpu(@Nullable String v) { this.gpu = v; return this; }
    /**
     * Sets the exact number of GPUs.
     *
     * @param v the GPU count, or null for any
     * @return this builder
     */
    public Builder gpuCount(@Nullable Integer v) { this.gpuCount = v; return this; }
    /**
     * Sets the region.
     *
     * @param v a canonical or provider region name, or null for any
     * @return this builder
     */
    public Builder region(@Nullable String v) { this.region = v; return this; }
    /**
     * Sets the price limit.
     *
     * @param v the highest price in USD per hour for the whole offer, or null for none
     * @return this builder
     */
    public Builder maxPricePerHour(@Nullable BigDecimal v) { this.maxPricePerHour = v; return this; }
    /**
     * Sets the market.
     *
     * @param v the market, or null for either
     * @return this builder
     */
    public Builder market(@Nullable Market v) { this.market = v; return this; }
    /**
     * Sets the least memory per GPU.
     *
     * @param v the minimum in GB, or null for none
     * @return this builder
     */
    public Builder minGpuMemoryGb(@Nullable Integer v) { this.minGpuMemoryGb = v; return this; }
    /**
     * Sets the least number of vCPUs.
     *
     * @param v the minimum, or null for none
     * @return this builder
     */
    public Builder minVcpus(@Nullable Integer v) { this.minVcpus = v; return this; }
    /**
     * Sets the least RAM.
     *
     * @param v the minimum in GiB, or null for none
     * @return this builder
     */
    public Builder minMemoryGib(@Nullable BigDecimal v) { this.minMemoryGib = v; return this; }
    /**
     * Sets the least disk.
     *
     * @param v the minimum in GiB, or null for none
     * @return this builder
     */
    public Builder minDiskGib(@Nullable BigDecimal v) { this.minDiskGib = v; return this; }
    /**
     * Sets the canonical region.
     *
     * @param v a canonical region name, or null for any
     * @return this builder
     */
    public Builder canonicalRegion(@Nullable String v) { this.canonicalRegion = v; return this; }
    /**
     * Sets the interconnect or form factor.
     *
     * @param v for example {@code SXM}, compared ignoring case, or null for any
     * @return this builder
     */
    public Builder interconnect(@Nullable String v) { this.interconnect = v; return this; }
    /**
     * Sets the order of the result.
     *
     * @param v the sort, or null for the default
     * @return this builder
     */
    public Builder sort(@Nullable OfferSort v) { this.sort = v; return this; }

    /**
     * Builds the filter.
     *
     * @return the filter
     */
    public OfferFilter build() {
      return new OfferFilter(gpu, gpuCount, region, maxPricePerHour, market, minGpuMemoryGb, minVcpus,
          minMemoryGib, minDiskGib, canonicalRegion, interconnect, sort);
    }
  }
}
