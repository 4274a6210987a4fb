package dev.providerapi.spi;

import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderInfo;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.gpu.GpuNames;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.Sleeper;
import dev.providerapi.http.internal.CallScope;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.model.RateLimitInfo;
import dev.providerapi.model.Region;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every adapter shares, driven by its {@link ProviderDescriptor}: info, GPU and region translation,
 * status mapping, the offers cache and client-side filtering, launch guarding (client token, capability
 * checks, lookup before any retry), idempotent terminate and billing status for providers with no billing
 * API. Generated {@code <Provider>ProviderBase} classes extend this; hand-written adapters extend those and
 * implement only the provider's real behaviour (the abstract methods).
 */
public abstract class AbstractProvider implements Provider {
  private static final Logger LOG = LoggerFactory.getLogger(AbstractProvider.class);

  protected final ProviderDescriptor descriptor;
  protected final ProviderConfig config;

  private final @Nullable Pattern gpuNamePattern;
  /** Normalized provider GPU name -> canonical name, from the descriptor's gpuAliases. */
  private final Map<String, String> gpuAliases;
  private final Map<String, Region> regionsByProviderName;
  private final Object lock = new Object();
  private volatile @Nullable ApiClient apiClient;
  private volatile @Nullable OffersCache<OfferFilter, Offer> offersCache;

  protected AbstractProvider(ProviderDescriptor descriptor, ProviderConfig config) {
    this.descriptor = descriptor;
    this.config = config;
    this.gpuNamePattern = descriptor.gpuNamePattern() == null ? null : compile(descriptor);
    Map<String, String> aliases = new HashMap<>();
    descriptor.gpuAliases().forEach((providerName, canonical) -> aliases.put(GpuNames.normalize(providerName), canonical));
    this.gpuAliases = Map.copyOf(aliases);
    Map<String, Region> regions = new LinkedHashMap<>();
    for (Region r : descriptor.regions()) {
      regions.putIfAbsent(r.providerName().toLowerCase(java.util.Locale.ROOT), r);
    }
    this.regionsByProviderName = regions;
  }

  private static Pattern compile(ProviderDescriptor descriptor) {
    Pattern p = Pattern.compile(descriptor.gpuNamePattern());
    if (!descriptor.gpuNamePattern().contains("(?<name>")) {
      throw new IllegalArgumentException(descriptor.name() + ": gpuNamePattern " + descriptor.gpuNamePattern()
          + " needs a named group 'name'");
    }
    return p;
  }

  /** The shared HTTP client, created on first use (a missing API key fails the first call, not construction). */
  protected ApiClient apiClient() {
    ApiClient c = apiClient;
    if (c == null) {
      synchronized (lock) {
        c = apiClient;
        if (c == null) {
          c = createApiClient();
          apiClient = c;
        }
      }
    }
    return c;
  }

  /** Builds the client {@link #apiClient()} hands out; override to inject a clock, sleeper or HttpClient. */
  protected ApiClient createApiClient() {
    return ApiClient.create(descriptor, config);
  }

  protected GpuCatalog gpuCatalog() {
    return GpuCatalog.standard();
  }

  /** Time for the offers cache. */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /** How the launch guard waits between retries and lookups. */
  protected Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  /** Retry and lookup settings of the launch guard, from the config (3 lookups 2 s apart by default). */
  protected LaunchGuard.Settings launchGuardSettings() {
    return new LaunchGuard.Settings(config.maxAttempts(), config.retryBaseDelay(), config.maxRetryAfter(),
        config.launchLookups(), config.launchLookupDelay(), config.launchTimeout());
  }

  /**
   * The part of a caller's filter the provider's API applies itself; it is what {@link #fetchOffers} receives
   * and what the cache is keyed by. The default is none: the provider lists every offer once per TTL and all
   * filtering happens here, so callers with different filters share one cached listing. A provider with a
   * search API (Vast) returns the fields it sends to the server.
   */
  protected OfferFilter serverSideFilter(OfferFilter filter) {
    return OfferFilter.any();
  }

  /**
   * Offers straight from the provider, narrowed by {@code serverSideFilter} where the API can; the base caches
   * them (TTL from provider.yaml) and applies the caller's full filter afterwards.
   */
  protected abstract List<Offer> fetchOffers(OfferFilter filter);

  /** One launch attempt, tagged with {@code request.clientToken()}; the base decides about retries. */
  protected abstract Instance launchInstance(LaunchRequest request);

  /** Terminates; may throw NotFoundException for an instance already gone (the base treats it as success). */
  protected abstract void terminateInstance(String instanceId);

  protected InstanceStatus mapStatus(String rawStatus) {
    return descriptor.statusMapping().map(rawStatus);
  }

  protected boolean isPreempted(String rawStatus) {
    return descriptor.statusMapping().isPreempted(rawStatus);
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public ProviderInfo info() {
    Map<String, GpuType> gpus = new LinkedHashMap<>();
    for (GpuType g : gpuCatalog().forProvider(name())) {
      gpus.put(g.canonicalName(), g);
    }
    for (String canonical : descriptor.gpuAliases().values()) {
      GpuType g = byCanonicalName(canonical);
      gpus.putIfAbsent(g.canonicalName(), g);
    }
    return new ProviderInfo(name(), descriptor.displayName(), descriptor.capabilities(), descriptor.regions(),
        new ArrayList<>(gpus.values()), descriptor.billingGranularity(), descriptor.consoleUrl());
  }

  @Override
  public final List<Offer> offers(OfferFilter filter) {
    OfferFilter f = filter == null ? OfferFilter.any() : filter;
    OfferFilter serverSide = serverSideFilter(f);
    List<Offer> all = offersCache().get(serverSide, () -> fetchOffers(serverSide));
    OfferMatcher matcher = new OfferMatcher(gpuCatalog(), this::canonicalRegion);
    return all.stream().filter(o -> matcher.matches(o, f)).toList();
  }

  private OffersCache<OfferFilter, Offer> offersCache() {
    OffersCache<OfferFilter, Offer> c = offersCache;
    if (c == null) {
      synchronized (lock) {
        c = offersCache;
        if (c == null) {
          c = new OffersCache<>(config.offersCacheTtl().orElse(descriptor.offersCacheTtl()), clock());
          offersCache = c;
        }
      }
    }
    return c;
  }

  /**
   * The cheapest offer that fits a launch request given without an offer id: its GPU, its GPU count (when no
   * instance type is named, since a type fixes the count), its instance type and its region (provider or
   * canonical), priced in the request's market.
   */
  protected Optional<Offer> cheapestOfferFor(LaunchRequest request) {
    OfferFilter filter = OfferFilter.builder()
        .gpu(request.gpu())
        .gpuCount(request.instanceType() == null ? request.gpuCount() : null)
        .region(request.region())
        .market(request.market())
        .build();
    return offers(filter).stream()
        .filter(o -> request.instanceType() == null || request.instanceType().equals(o.instanceType()))
        .min(java.util.Comparator.comparing(
            (Offer o) -> o.pricing().perHour(request.market()).orElse(o.pricing().cheapestPerHour())));
  }

  /**
   * The instance right after a call that changed it succeeded (launch, start, stop): a failed read must not turn
   * that success into an error (the caller would retry a launch), so it is logged and answered with empty, and
   * the adapter returns what the call itself said.
   */
  protected Optional<Instance> readBackAfterChange(String instanceId) {
    try {
      return get(instanceId);
    } catch (RuntimeException e) {
      LOG.warn("{}: instance {} was changed but could not be read back ({}); answering from the call itself",
          name(), instanceId, e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public final Instance launch(LaunchRequest request) {
    checkCapabilities(request);
    LaunchGuard guard = new LaunchGuard(name(), this::launchInstance, this::findByClientToken, this::terminate,
        launchGuardSettings(), sleeper(), config.listener());
    return guard.launch(request);
  }

  /** Refuses, before anything is sent, a request that needs a capability this provider lacks. */
  protected void checkCapabilities(LaunchRequest request) {
    if (request.market() == Market.SPOT) {
      require(Capability.SPOT);
    }
    if (request.startupScript() != null) {
      require(Capability.STARTUP_SCRIPT);
    }
    if (!request.env().isEmpty()) {
      require(Capability.ENV_VARS);
    }
    if (request.image() != null) {
      require(Capability.CUSTOM_IMAGE);
    }
    if (request.diskGb() != null) {
      require(Capability.DISK_SIZE);
    }
  }

  private void require(Capability capability) {
    if (!descriptor.capabilities().contains(capability)) {
      throw new UnsupportedCapabilityException(name(), capability);
    }
  }

  @Override
  public List<Instance> findByClientToken(String clientToken) {
    return list().stream()
        .filter(i -> clientToken.equals(i.clientToken()) || clientToken.equals(i.name()))
        .sorted(Comparator.comparing(Instance::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
        .toList();
  }

  /** Ahead of other callers waiting for a rate-limit token: a terminate stops the billing. */
  @Override
  public final void terminate(String instanceId) {
    try {
      CallScope.priority(() -> {
        terminateInstance(instanceId);
        return null;
      });
    } catch (NotFoundException e) {
      LOG.debug("{}: instance {} is already gone; terminate counts as done", name(), instanceId);
    }
  }

  @Override
  public BillingStatus billingStatus(String instanceId) {
    if (supportsBillingVerification()) {
      throw new IllegalStateException(name() + " declares BILLING_VERIFICATION, so its adapter must override"
          + " billingStatus(String) to read charges from the provider's billing API");
    }
    Optional<Instance> instance = get(instanceId);
    if (instance.isEmpty()) {
      return BillingStatus.manual(name(), instanceId, null, false, descriptor.consoleUrl());
    }
    Instance i = instance.get();
    return BillingStatus.manual(name(), instanceId, rate(i), i.status() != InstanceStatus.TERMINATED,
        descriptor.consoleUrl());
  }

  private static @Nullable BigDecimal rate(Instance i) {
    Pricing p = i.pricing();
    if (p == null) {
      return null;
    }
    Optional<BigDecimal> inMarket = p.perHour(i.market());
    return inMarket.orElse(p.cheapestPerHour());
  }

  @Override
  public RateLimitInfo rateLimits() {
    return new RateLimitInfo(descriptor.rateLimits(), descriptor.operationRateLimits());
  }

  /**
   * The descriptor's gpuAliases first, then its gpuNamePattern (whose {@code name} group is looked up), then
   * the shared catalog; unknown names come back flagged with the raw name.
   */
  @Override
  public GpuType gpuType(String providerGpuName) {
    GpuType aliased = fromAlias(providerGpuName, providerGpuName);
    if (aliased != null) {
      return aliased;
    }
    if (gpuNamePattern != null) {
      Matcher m = gpuNamePattern.matcher(providerGpuName);
      if (m.matches()) {
        String inner = m.group("name");
        GpuType fromInner = fromAlias(inner, providerGpuName);
        if (fromInner != null) {
          return fromInner;
        }
        GpuType resolved = gpuCatalog().resolve(name(), inner);
        if (resolved.known()) {
          return resolved.withProviderName(providerGpuName);
        }
      }
    }
    GpuType resolved = gpuCatalog().resolve(name(), providerGpuName);
    return resolved.known() ? resolved : GpuType.unknown(providerGpuName);
  }

  /** The GPU count a provider name encodes (Lambda's {@code gpu_8x_h100_sxm5} -> 8), from the pattern's count group. */
  protected Optional<Integer> gpuCountIn(String providerGpuName) {
    if (gpuNamePattern != null) {
      Matcher m = gpuNamePattern.matcher(providerGpuName);
      if (m.matches() && descriptor.gpuNamePattern().contains("(?<count>")) {
        String count = m.group("count");
        if (count != null) {
          try {
            return Optional.of(Integer.parseInt(count));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
      }
    }
    return gpuCatalog().countIn(name(), providerGpuName);
  }

  private @Nullable GpuType fromAlias(String lookup, String raw) {
    String canonical = gpuAliases.get(GpuNames.normalize(lookup));
    return canonical == null ? null : byCanonicalName(canonical).withProviderName(raw);
  }

  private GpuType byCanonicalName(String canonical) {
    GpuType g = gpuCatalog().resolve(name(), canonical);
    return g.known() ? g : GpuType.unknown(canonical);
  }

  @Override
  public Optional<String> providerGpuName(String canonicalGpu) {
    for (Map.Entry<String, String> e : descriptor.gpuAliases().entrySet()) {
      if (e.getValue().equalsIgnoreCase(canonicalGpu)) {
        return Optional.of(e.getKey());
      }
    }
    return gpuCatalog().providerName(name(), canonicalGpu);
  }

  @Override
  public String canonicalRegion(String providerRegion) {
    if (providerRegion == null) {
      return null;
    }
    Region r = regionsByProviderName.get(providerRegion.toLowerCase(java.util.Locale.ROOT));
    return r == null ? providerRegion : r.canonicalName();
  }

  @Override
  public List<String> providerRegions(String canonicalRegion) {
    return descriptor.regions().stream()
        .filter(r -> r.canonicalName().equalsIgnoreCase(canonicalRegion))
        .map(Region::providerName)
        .toList();
  }

  /** Drops cached offers, e.g. after a launch consumed capacity. */
  protected void invalidateOffers() {
    OffersCache<OfferFilter, Offer> c = offersCache;
    if (c != null) {
      c.invalidateAll();
    }
  }

  @Override
  public void close() {
    ApiClient c = apiClient;
    if (c != null) {
      c.close();
    }
  }
}
