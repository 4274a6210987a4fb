package dev.providerapi.model;

import dev.providerapi.gpu.GpuType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An instance as our interface sees it, with the provider's raw status kept beside ours. */
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

  public Instance {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(market, "market");
    details = Map.copyOf(details);
  }

  public static Builder builder(String provider, String id) {
    return new Builder(provider, id);
  }

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

    public Builder name(@Nullable String v) { this.name = v; return this; }
    public Builder status(InstanceStatus v) { this.status = v; return this; }
    public Builder rawStatus(@Nullable String v) { this.rawStatus = v; return this; }
    public Builder preempted(boolean v) { this.preempted = v; return this; }
    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    public Builder gpu(@Nullable GpuType v) { this.gpu = v; return this; }
    public Builder gpuCount(int v) { this.gpuCount = v; return this; }
    public Builder region(@Nullable String v) { this.region = v; return this; }
    public Builder publicIp(@Nullable String v) { this.publicIp = v; return this; }
    public Builder sshPort(@Nullable Integer v) { this.sshPort = v; return this; }
    public Builder pricing(@Nullable Pricing v) { this.pricing = v; return this; }
    public Builder market(Market v) { this.market = v; return this; }
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    public Builder createdAt(@Nullable Instant v) { this.createdAt = v; return this; }
    public Builder detail(String key, @Nullable Object value) {
      if (value != null) {
        details.put(key, String.valueOf(value));
      }
      return this;
    }

    public Instance build() {
      return new Instance(provider, id, name, status, rawStatus, preempted, instanceType, gpu, gpuCount, region,
          publicIp, sshPort, pricing, market, clientToken, createdAt, details);
    }
  }
}
