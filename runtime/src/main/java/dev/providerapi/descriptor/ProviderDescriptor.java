package dev.providerapi.descriptor;

import dev.providerapi.Capability;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Region;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything a provider.yaml declares, in the form the runtime uses. Generated adapter bases build one as a
 * constant, so nothing is parsed at run time.
 */
public record ProviderDescriptor(
    String name,
    String displayName,
    URI baseUrl,
    @Nullable URI consoleUrl,
    AuthSpec auth,
    List<RateLimitWindow> rateLimits,
    Map<String, List<RateLimitWindow>> operationRateLimits,
    ErrorFormat errorFormat,
    StatusMapping statusMapping,
    Set<Capability> capabilities,
    BillingGranularity billingGranularity,
    Duration offersCacheTtl,
    List<Region> regions,
    Map<String, String> gpuAliases,
    @Nullable String gpuNamePattern,
    @Nullable String specSource,
    @Nullable String specVersion,
    @Nullable OfferCatalog offerCatalog) {

  public ProviderDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    rateLimits = List.copyOf(rateLimits);
    operationRateLimits = Map.copyOf(operationRateLimits);
    // Declaration order of the enum, the same in every run (Set.copyOf's order changes from one JVM to the next).
    capabilities = capabilities.isEmpty() ? Set.of()
        : java.util.Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    regions = List.copyOf(regions);
    gpuAliases = Map.copyOf(gpuAliases);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public static final class Builder {
    private final String name;
    private @Nullable String displayName;
    private @Nullable URI baseUrl;
    private @Nullable URI consoleUrl;
    private AuthSpec auth = AuthSpec.none();
    private final List<RateLimitWindow> rateLimits = new ArrayList<>();
    private final Map<String, List<RateLimitWindow>> operationRateLimits = new LinkedHashMap<>();
    private ErrorFormat errorFormat = ErrorFormat.defaults();
    private final Map<String, InstanceStatus> statuses = new LinkedHashMap<>();
    private final Set<String> preempted = new LinkedHashSet<>();
    private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
    private BillingGranularity billingGranularity = BillingGranularity.perSecond();
    private Duration offersCacheTtl = Duration.ZERO;
    private final List<Region> regions = new ArrayList<>();
    private final Map<String, String> gpuAliases = new LinkedHashMap<>();
    private @Nullable String gpuNamePattern;
    private @Nullable String specSource;
    private @Nullable String specVersion;
    private @Nullable OfferCatalog offerCatalog;

    private Builder(String name) {
      this.name = name;
    }

    public Builder displayName(String v) { this.displayName = v; return this; }
    public Builder baseUrl(String v) { this.baseUrl = URI.create(v); return this; }
    public Builder consoleUrl(String v) { this.consoleUrl = URI.create(v); return this; }
    public Builder auth(AuthSpec v) { this.auth = v; return this; }
    public Builder rateLimit(RateLimitWindow v) { this.rateLimits.add(v); return this; }
    public Builder operationRateLimit(String operationId, RateLimitWindow v) {
      this.operationRateLimits.computeIfAbsent(operationId, k -> new ArrayList<>()).add(v);
      return this;
    }
    public Builder errorFormat(ErrorFormat v) { this.errorFormat = v; return this; }
    public Builder status(String providerValue, InstanceStatus ours) { this.statuses.put(providerValue, ours); return this; }
    public Builder preemptedStatus(String providerValue) { this.preempted.add(providerValue); return this; }
    public Builder capability(Capability v) { this.capabilities.add(v); return this; }
    public Builder billingGranularity(BillingGranularity v) { this.billingGranularity = v; return this; }
    public Builder offersCacheTtl(Duration v) { this.offersCacheTtl = v; return this; }
    public Builder region(Region v) { this.regions.add(v); return this; }
    /** A provider GPU name -> canonical name, consulted before the shared catalog. */
    public Builder gpuAlias(String providerName, String canonicalName) { this.gpuAliases.put(providerName, canonicalName); return this; }
    /** A regex with a {@code name} group (and optionally {@code count}) applied to provider GPU names first. */
    public Builder gpuNamePattern(String v) { this.gpuNamePattern = v; return this; }
    public Builder specSource(String v) { this.specSource = v; return this; }
    public Builder specVersion(String v) { this.specVersion = v; return this; }
    /** Declared offers with list prices, for a provider whose API has no offers endpoint. */
    public Builder offerCatalog(OfferCatalog v) { this.offerCatalog = v; return this; }

    public ProviderDescriptor build() {
      Map<String, List<RateLimitWindow>> perOp = new LinkedHashMap<>();
      operationRateLimits.forEach((k, v) -> perOp.put(k, List.copyOf(v)));
      return new ProviderDescriptor(name, displayName != null ? displayName : name,
          Objects.requireNonNull(baseUrl, "baseUrl"), consoleUrl, auth, rateLimits, perOp, errorFormat,
          new StatusMapping(statuses, preempted), capabilities, billingGranularity, offersCacheTtl, regions,
          gpuAliases, gpuNamePattern, specSource, specVersion, offerCatalog);
    }
  }
}
