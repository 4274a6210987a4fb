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
 *
 * @param name the provider's name as {@code Providers.load} takes it
 * @param displayName the name to show people
 * @param baseUrl the API's base URL
 * @param consoleUrl the provider's web console; null if not declared
 * @param auth how credentials are sent
 * @param rateLimits the account-wide request-rate windows (copied)
 * @param operationRateLimits extra windows per operation id (copied)
 * @param errorFormat where errors are found and how codes map to kinds
 * @param statusMapping the provider's status values -> ours
 * @param capabilities what the provider supports, in declaration order of {@link Capability}
 * @param billingGranularity how usage is metered
 * @param offersCacheTtl how long a listing of offers is reused; {@link Duration#ZERO} for not at all
 * @param regions the provider's regions with canonical names (copied)
 * @param gpuAliases provider GPU name -> canonical name, consulted before the shared catalog (copied)
 * @param gpuNamePattern a regex with a {@code name} group applied to provider GPU names first; null for none
 * @param specSource where the API spec came from; null if not declared
 * @param specVersion the API spec's version; null if not declared
 * @param offerCatalog declared offers with list prices; null when the API lists offers
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

  /**
   * Checks the name and base URL and copies the collections (capabilities in declaration order).
   *
   * @param name the provider's name as {@code Providers.load} takes it
   * @param displayName the name to show people
   * @param baseUrl the API's base URL
   * @param consoleUrl the provider's web console; null if not declared
   * @param auth how credentials are sent
   * @param rateLimits the account-wide request-rate windows (copied)
   * @param operationRateLimits extra windows per operation id (copied)
   * @param errorFormat where errors are found and how codes map to kinds
   * @param statusMapping the provider's status values -> ours
   * @param capabilities what the provider supports, in declaration order of {@link Capability}
   * @param billingGranularity how usage is metered
   * @param offersCacheTtl how long a listing of offers is reused; {@link Duration#ZERO} for not at all
   * @param regions the provider's regions with canonical names (copied)
   * @param gpuAliases provider GPU name -> canonical name, consulted before the shared catalog (copied)
   * @param gpuNamePattern a regex with a {@code name} group applied to provider GPU names first; null for none
   * @param specSource where the API spec came from; null if not declared
   * @param specVersion the API spec's version; null if not declared
   * @param offerCatalog declared offers with list prices; null when the API lists offers
   * @throws NullPointerException if {@code name} or {@code baseUrl} is null
   */
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

  /**
   * A builder; the base URL must be set, the rest defaults to none, empty, per-second billing and no cache.
   *
   * @param name the provider's name
   * @return a new builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link ProviderDescriptor} field by field; see the record's components for what each one means. */
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

    /**
     * Sets the display name (default: the name).
     *
     * @param v the display name
     * @return this builder
     */
    public Builder displayName(String v) { this.displayName = v; return this; }
    /**
     * Sets the base URL (required).
     *
     * @param v the URL
     * @return this builder
     * @throws IllegalArgumentException if {@code v} is not a valid URI
     */
    public Builder baseUrl(String v) { this.baseUrl = URI.create(v); return this; }
    /**
     * Sets the console URL.
     *
     * @param v the URL
     * @return this builder
     * @throws IllegalArgumentException if {@code v} is not a valid URI
     */
    public Builder consoleUrl(String v) { this.consoleUrl = URI.create(v); return this; }
    /**
     * Sets how credentials are sent (default none).
     *
     * @param v the auth spec
     * @return this builder
     */
    public Builder auth(AuthSpec v) { this.auth = v; return this; }
    /**
     * Adds an account-wide rate-limit window.
     *
     * @param v the window
     * @return this builder
     */
    public Builder rateLimit(RateLimitWindow v) { this.rateLimits.add(v); return this; }
    /**
     * Adds a rate-limit window for one operation.
     *
     * @param operationId the operation id
     * @param v the window
     * @return this builder
     */
    public Builder operationRateLimit(String operationId, RateLimitWindow v) {
      this.operationRateLimits.computeIfAbsent(operationId, k -> new ArrayList<>()).add(v);
      return this;
    }
    /**
     * Sets the error format (default {@link ErrorFormat#defaults()}).
     *
     * @param v the format
     * @return this builder
     */
    public Builder errorFormat(ErrorFormat v) { this.errorFormat = v; return this; }
    /**
     * Maps a provider status value to ours.
     *
     * @param providerValue the provider's value (case is ignored)
     * @param ours our status
     * @return this builder
     */
    public Builder status(String providerValue, InstanceStatus ours) { this.statuses.put(providerValue, ours); return this; }
    /**
     * Marks a provider status value as meaning the spot capacity was taken back.
     *
     * @param providerValue the provider's value (case is ignored)
     * @return this builder
     */
    public Builder preemptedStatus(String providerValue) { this.preempted.add(providerValue); return this; }
    /**
     * Adds a capability.
     *
     * @param v the capability
     * @return this builder
     */
    public Builder capability(Capability v) { this.capabilities.add(v); return this; }
    /**
     * Sets how usage is metered (default per second).
     *
     * @param v the granularity
     * @return this builder
     */
    public Builder billingGranularity(BillingGranularity v) { this.billingGranularity = v; return this; }
    /**
     * Sets how long a listing of offers is reused (default zero: not cached).
     *
     * @param v the time to live
     * @return this builder
     */
    public Builder offersCacheTtl(Duration v) { this.offersCacheTtl = v; return this; }
    /**
     * Adds a region.
     *
     * @param v the region
     * @return this builder
     */
    public Builder region(Region v) { this.regions.add(v); return this; }
    /**
     * A provider GPU name -> canonical name, consulted before the shared catalog.
     *
     * @param providerName the provider's GPU name
     * @param canonicalName the canonical name it means
     * @return this builder
     */
    public Builder gpuAlias(String providerName, String canonicalName) { this.gpuAliases.put(providerName, canonicalName); return this; }
    /**
     * A regex with a {@code name} group (and optionally {@code count}) applied to provider GPU names first.
     *
     * @param v the regex
     * @return this builder
     */
    public Builder gpuNamePattern(String v) { this.gpuNamePattern = v; return this; }
    /**
     * Sets where the API spec came from.
     *
     * @param v the source
     * @return this builder
     */
    public Builder specSource(String v) { this.specSource = v; return this; }
    /**
     * Sets the API spec's version.
     *
     * @param v the version
     * @return this builder
     */
    public Builder specVersion(String v) { this.specVersion = v; return this; }
    /**
     * Declared offers with list prices, for a provider whose API has no offers endpoint.
     *
     * @param v the catalog
     * @return this builder
     */
    public Builder offerCatalog(OfferCatalog v) { this.offerCatalog = v; return this; }

    /**
     * Builds the descriptor.
     *
     * @return the descriptor
     * @throws NullPointerException if the base URL was not set
     */
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
