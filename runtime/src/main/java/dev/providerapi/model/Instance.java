package dev.providerapi.model;

import dev.providerapi.gpu.GpuType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An instance as our interface sees it, with the provider's raw status kept beside ours.
 *
 * @param provider the provider's name
 * @param id the provider's id of the instance
 * @param name the instance's name or label; null if it has none
 * @param status our lifecycle state, mapped from the provider's
 * @param rawStatus the provider's own status value; null if it sent none
 * @param preempted true if the provider interrupted a spot instance
 * @param instanceType the provider's instance type; null if not stated
 * @param gpu the GPU type; null if not known
 * @param gpuCount the number of GPUs; 0 if not known
 * @param region the provider's region name; null if not stated
 * @param publicIp the public IP address; null until one is assigned
 * @param sshPort the SSH port; null if not stated
 * @param pricing the instance's prices; null if not known
 * @param market the market the instance was bought in
 * @param clientToken the client token the instance was tagged with at launch; null if none was found
 * @param createdAt when the instance was created; null if not stated
 * @param details other provider-specific fields as strings (copied, never null)
 */
public record Instance(
    String provider,
    String id,
    @Nullable String name,
    InstanceStatus status,
    @Nullable String rawStatus,
    boolean preempted,
    @Nullable String instanceType,
    @Nullable GpuType gpu,
    int gpuCount,
    @Nullable String region,
    @Nullable String publicIp,
    @Nullable Integer sshPort,
    @Nullable Pricing pricing,
    Market market,
    @Nullable String clientToken,
    @Nullable Instant createdAt,
    Map<String, String> details) {

  /**
   * Checks the required fields and copies {@code details}.
   *
   * @param provider the provider's name
   * @param id the provider's id of the instance
   * @param name the instance's name or label; null if it has none
   * @param status our lifecycle state, mapped from the provider's
   * @param rawStatus the provider's own status value; null if it sent none
   * @param preempted true if the provider interrupted a spot instance
   * @param instanceType the provider's instance type; null if not stated
   * @param gpu the GPU type; null if not known
   * @param gpuCount the number of GPUs; 0 if not known
   * @param region the provider's region name; null if not stated
   * @param publicIp the public IP address; null until one is assigned
   * @param sshPort the SSH port; null if not stated
   * @param pricing the instance's prices; null if not known
   * @param market the market the instance was bought in
   * @param clientToken the client token the instance was tagged with at launch; null if none was found
   * @param createdAt when the instance was created; null if not stated
   * @param details other provider-specific fields as strings (copied, never null)
   * @throws NullPointerException if {@code provider}, {@code id}, {@code status} or {@code market} is null
   */
  public Instance {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(market, "market");
    details = Map.copyOf(details);
  }

  /**
   * A builder for an instance; status defaults to {@link InstanceStatus#UNKNOWN}, market to
   * {@link Market#ON_DEMAND}, every other field to null, 0 or false.
   *
   * @param provider the provider's name
   * @param id the provider's id of the instance
   * @return a new builder
   */
  public static Builder builder(String provider, String id) {
    return new Builder(provider, id);
  }

  /** Builds an {@link Instance} field by field; see the record's components for what each one means. */
  public static final class Builder {
    private final String provider;
    private final String id;
    private @Nullable String name;
    private InstanceStatus status = InstanceStatus.UNKNOWN;
    private @Nullable String rawStatus;
    private boolean preempted;
    private @Nullable String instanceType;
    private @Nullable GpuType gpu;
    private int gpuCount;
    private @Nullable String region;
    private @Nullable String publicIp;
    private @Nullable Integer sshPort;
    private @Nullable Pricing pricing;
    private Market market = Market.ON_DEMAND;
    private @Nullable String clientToken;
    private @Nullable Instant createdAt;
    private final Map<String, String> details = new LinkedHashMap<>();

    private Builder(String provider, String id) {
      this.provider = provider;
      this.id = id;
    }

    /**
     * Sets the instance's name.
     *
     * @param v the name or label, or null for none
     * @return this builder
     */
    public Builder name(@Nullable String v) { this.name = v; return this; }
    /**
     * Sets our lifecycle state.
     *
     * @param v the status
     * @return this builder
     */
    public Builder status(InstanceStatus v) { this.status = v; return this; }
    /**
     * Sets the provider's own status value.
     *
     * @param v the raw status, or null
     * @return this builder
     */
    public Builder rawStatus(@Nullable String v) { this.rawStatus = v; return this; }
    /**
     * Sets whether the provider interrupted the instance.
     *
     * @param v true if preempted
     * @return this builder
     */
    public Builder preempted(boolean v) { this.preempted = v; return this; }
    /**
     * Sets the provider's instance type.
     *
     * @param v the instance type, or null
     * @return this builder
     */
    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    /**
     * Sets the GPU type.
     *
     * @param v the GPU type, or null if not known
     * @return this builder
     */
    public Builder gpu(@Nullable GpuType v) { this.gpu = v; return this; }
    /**
     * Sets the number of GPUs.
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
     * Sets the public IP address.
     *
     * @param v the address, or null if none is assigned yet
     * @return this builder
     */
    public Builder publicIp(@Nullable String v) { this.publicIp = v; return this; }
    /**
     * Sets the SSH port.
     *
     * @param v the port, or null
     * @return this builder
     */
    public Builder sshPort(@Nullable Integer v) { this.sshPort = v; return this; }
    /**
     * Sets the instance's prices.
     *
     * @param v the pricing, or null if not known
     * @return this builder
     */
    public Builder pricing(@Nullable Pricing v) { this.pricing = v; return this; }
    /**
     * Sets the market the instance was bought in.
     *
     * @param v the market
     * @return this builder
     */
    public Builder market(Market v) { this.market = v; return this; }
    /**
     * Sets the client token found on the instance.
     *
     * @param v the token, or null
     * @return this builder
     */
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    /**
     * Sets the creation time.
     *
     * @param v when the instance was created, or null
     * @return this builder
     */
    public Builder createdAt(@Nullable Instant v) { this.createdAt = v; return this; }
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
     * Builds the instance.
     *
     * @return the instance
     * @throws NullPointerException if the status or market was set to null
     */
    public Instance build() {
      return new Instance(provider, id, name, status, rawStatus, preempted, instanceType, gpu, gpuCount, region,
          publicIp, sshPort, pricing, market, clientToken, createdAt, details);
    }
  }
}
