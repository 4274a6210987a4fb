package dev.providerapi.spi;

import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderInfo;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ConflictException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.MissingCredentialsException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.Sleeper;
import dev.providerapi.http.internal.AuthInterceptor;
import dev.providerapi.http.internal.CallScope;
import dev.providerapi.lifecycle.ErrorMatch;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.GpuTranslation;
import dev.providerapi.lifecycle.OfferSource;
import dev.providerapi.lifecycle.RegionTranslation;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.model.RateLimitInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Provider} methods every adapter shares, as a thin composition of small parts driven by its
 * {@link ProviderDescriptor}: {@link GpuTranslation}, {@link RegionTranslation}, {@link OfferSource} (cache and
 * client-side filtering), {@link LaunchGuard} (client token, capability checks, lookup before any retry),
 * idempotent terminate and billing status for providers with no billing API. Generated
 * {@code <Provider>ProviderBase} classes extend this and implement the lifecycle provider.yaml's bindings
 * declare (get, list with all pages, lookup by client token, terminate, stop/start/restart); hand-written
 * adapters supply typed mapping functions and only the provider's real behaviour.
 */
public abstract class AbstractProvider implements Provider {
  private static final Logger LOG = LoggerFactory.getLogger(AbstractProvider.class);

  /** The provider's descriptor, from its provider.yaml. */
  protected final ProviderDescriptor descriptor;
  /** The configuration this adapter runs with. */
  protected final ProviderConfig config;
  /** The provider's GPU names and the canonical catalog. */
  protected final GpuTranslation gpus;
  /** The provider's regions and the canonical ones. */
  protected final RegionTranslation regions;
  /** The offers, cached and filtered client-side. */
  protected final OfferSource offerSource;

  private final Object lock = new Object();
  private volatile @Nullable ApiClient apiClient;
  private volatile @Nullable OffersCache<OfferFilter, Offer> offersCache;

  /**
   * Sets up the shared parts for {@code descriptor} and checks the credentials, unless
   * {@link ProviderConfig#credentialsDeferred()} says they are reported by the first call.
   *
   * @param descriptor the provider's descriptor
   * @param config the configuration
   * @throws MissingCredentialsException when {@code config} lacks the credentials the provider needs
   */
  protected AbstractProvider(ProviderDescriptor descriptor, ProviderConfig config) {
    this.descriptor = descriptor;
    this.config = config;
    this.gpus = new GpuTranslation(descriptor, this::gpuCatalog);
    this.regions = new RegionTranslation(descriptor.regions());
    this.offerSource = new OfferSource(descriptor.name(), this::serverSideFilter, this::fetchOffers,
        this::offersCache, this::gpuCatalog, regions::canonical);
    if (!config.credentialsDeferred()) {
      AuthInterceptor.missingCredentials(descriptor.auth(), config).ifPresent(fix -> {
        throw new MissingCredentialsException(descriptor.name(), fix);
      });
    }
  }

  /**
   * A copy of this adapter that runs with {@code config}, made by the adapter's public
   * {@code (ProviderConfig)} constructor, so an adapter writes no {@code configure} of its own (one that keeps
   * more than the config, as a kubeconfig-auth base keeps its kubeconfig, overrides this with
   * {@link #configured(ProviderConfig, Class, Object)}).
   *
   * @param config credentials, base URL, timeouts and limits for the copy
   * @return a new adapter of this class
   * @throws MissingCredentialsException when {@code config} lacks the credentials the provider needs
   * @throws IllegalStateException when the adapter class has no public {@code (ProviderConfig)} constructor
   */
  @Override
  public Provider configure(ProviderConfig config) {
    return copy(new Class<?>[] {ProviderConfig.class}, config);
  }

  /**
   * A copy of this adapter that runs with {@code config} and keeps {@code carried}, state the config does not
   * hold (a kubeconfig already read, say), made by the adapter's public {@code (ProviderConfig, type)}
   * constructor.
   *
   * @param <T> the carried value's type
   * @param config credentials, base URL, timeouts and limits for the copy
   * @param type the carried value's type, as the constructor declares it
   * @param carried what the copy keeps
   * @return a new adapter of this class
   * @throws MissingCredentialsException when {@code config} lacks the credentials the provider needs
   * @throws IllegalStateException when the adapter class has no such public constructor
   */
  protected final <T> Provider configured(ProviderConfig config, Class<T> type, T carried) {
    return copy(new Class<?>[] {ProviderConfig.class, type}, config, carried);
  }

  private Provider copy(Class<?>[] types, Object... args) {
    String signature = getClass().getName() + "(" + java.util.Arrays.stream(types).map(Class::getSimpleName)
        .collect(java.util.stream.Collectors.joining(", ")) + ")";
    try {
      return (Provider) getClass().getConstructor(types).newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(signature + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(types.length == 1
          ? getClass().getName() + " has no public constructor taking a ProviderConfig; add one, or override"
              + " configure(ProviderConfig)"
          : getClass().getName() + " has no public constructor " + signature.substring(getClass().getName().length())
              + "; add one (configure keeps the " + types[1].getSimpleName() + "), or override"
              + " configure(ProviderConfig)", e);
    }
  }

  /**
   * The shared HTTP client, created on first use. Missing credentials were reported by the constructor, unless the
   * adapter came from {@link ProviderConfig#fromEnvironment()} (discovery), where the first call reports them.
   *
   * @return the client, the same on every call until {@link #close()}
   */
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

  /**
   * Builds the client {@link #apiClient()} hands out; override to inject a clock, sleeper or HttpClient.
   *
   * @return a new client
   */
  protected ApiClient createApiClient() {
    return ApiClient.create(descriptor, config);
  }

  /**
   * The GPU catalog to translate names with; override to use another than the standard one.
   *
   * @return the catalog
   */
  protected GpuCatalog gpuCatalog() {
    return GpuCatalog.standard();
  }

  /**
   * Time for the offers cache.
   *
   * @return the clock (default the system UTC clock)
   */
  protected Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * How the launch guard waits between retries and lookups.
   *
   * @return the sleeper (default {@link Sleeper#SYSTEM})
   */
  protected Sleeper sleeper() {
    return Sleeper.SYSTEM;
  }

  /**
   * Retry and lookup settings of the launch guard, from the config (3 lookups 2 s apart by default).
   *
   * @return the settings
   */
  protected LaunchGuard.Settings launchGuardSettings() {
    return new LaunchGuard.Settings(config.maxAttempts(), config.retryBaseDelay(), config.maxRetryAfter(),
        config.launchLookups(), config.launchLookupDelay(), config.launchTimeout());
  }

  /**
   * The part of a caller's filter the provider's API applies itself; it is what {@link #fetchOffers} receives
   * and what the cache is keyed by. The default is none: the provider lists every offer once per TTL and all
   * filtering happens here, so callers with different filters share one cached listing. A provider with a
   * search API (Vast) returns the fields it sends to the server.
   *
   * @param filter the caller's whole filter
   * @return the server-side part; by default {@link OfferFilter#any()}
   */
  protected OfferFilter serverSideFilter(OfferFilter filter) {
    return OfferFilter.any();
  }

  /**
   * Offers straight from the provider, narrowed by {@code serverSideFilter} where the API can; the base caches
   * them (TTL from provider.yaml) and applies the caller's full filter afterwards.
   *
   * @param filter the server-side part of the caller's filter
   * @return the offers as the provider lists them
   */
  protected abstract List<Offer> fetchOffers(OfferFilter filter);

  /**
   * One launch attempt, tagged with {@code request.clientToken()}; the base decides about retries.
   *
   * @param request the launch request, checked against the capabilities
   * @return the created instance
   */
  protected abstract Instance launchInstance(LaunchRequest request);

  /**
   * Terminates; may throw NotFoundException for an instance already gone (the base treats it as success).
   *
   * @param instanceId the provider's id of the instance
   */
  protected abstract void terminateInstance(String instanceId);

  /**
   * Maps a provider status value through provider.yaml's status mapping.
   *
   * @param rawStatus the provider's value
   * @return our status; {@link InstanceStatus#UNKNOWN} when unmapped
   */
  protected InstanceStatus mapStatus(String rawStatus) {
    return descriptor.statusMapping().map(rawStatus);
  }

  /**
   * provider.yaml's status mapping, UNKNOWN for a missing status.
   *
   * @param rawStatus the provider's value, or null
   * @return our status
   */
  protected InstanceStatus mapStatusOrUnknown(@Nullable String rawStatus) {
    return rawStatus == null ? InstanceStatus.UNKNOWN : mapStatus(rawStatus);
  }

  /**
   * Whether a provider status value means the spot capacity was taken back.
   *
   * @param rawStatus the provider's value
   * @return true if provider.yaml lists it as preempted
   */
  protected boolean isPreempted(String rawStatus) {
    return descriptor.statusMapping().isPreempted(rawStatus);
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  /**
   * {@code LambdaProvider[lambda, https://cloud.lambda.ai, capabilities=[RESTART, ...], apiKey=set]}: what it is,
   * where it calls and whether the key it needs is there (given or in its environment variable), never the key.
   */
  @Override
  public String toString() {
    String env = descriptor.auth().apiKeyEnv();
    String key = switch (descriptor.auth().style()) {
      case BEARER, HEADER, BASIC -> ", apiKey=" + (config.apiKey(env).filter(k -> !k.isBlank()).isPresent() ? "set"
          : "missing" + (env == null ? "" : " (set " + env + ")"));
      default -> "";
    };
    return getClass().getSimpleName() + "[" + name() + ", " + config.baseUrl().orElse(descriptor.baseUrl())
        + ", capabilities=" + descriptor.capabilities() + key + "]";
  }

  @Override
  public ProviderInfo info() {
    return new ProviderInfo(name(), descriptor.displayName(), descriptor.capabilities(), descriptor.regions(),
        gpus.all(), descriptor.billingGranularity(), descriptor.consoleUrl());
  }

  @Override
  public final List<Offer> offers(OfferFilter filter) {
    return offerSource.offers(filter);
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
   * See {@link OfferSource#cheapest}.
   *
   * @param request the launch request
   * @return the cheapest fitting offer, or empty if none fits
   */
  protected Optional<Offer> cheapestOfferFor(LaunchRequest request) {
    return offerSource.cheapest(request);
  }

  /**
   * The instance right after a call that changed it succeeded (launch, start, stop): a failed read must not turn
   * that success into an error (the caller would retry a launch), so it is logged and answered with empty, and
   * the adapter returns what the call itself said.
   *
   * @param instanceId the provider's id of the instance
   * @return the instance, or empty when it could not be read
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

  /**
   * The instance after a stop, start or restart that succeeded: what the call answered, else a read back; an
   * instance the read back no longer finds is a NotFoundException, and a read back that fails is answered with
   * the status the call answered ({@code rawStatus}, mapped) or else the one the change leads to
   * ({@code meanwhile}).
   *
   * @param instanceId the provider's id of the instance
   * @param answered the instance the call answered with, or null
   * @param meanwhile the status the change leads to (for instance {@code STOPPING})
   * @param rawStatus the provider status the call answered, or null
   * @param operation the operation, for the log and the failure
   * @return the instance
   * @throws dev.providerapi.errors.NotFoundException if the read back no longer finds the instance
   */
  protected Instance afterChange(String instanceId, @Nullable Instance answered, InstanceStatus meanwhile,
      @Nullable String rawStatus, String operation) {
    if (answered != null) {
      return answered;
    }
    try {
      return get(instanceId).orElseThrow(() -> Failures.gone(name(), operation, instanceId));
    } catch (NotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("{}: {} of instance {} succeeded but it could not be read back ({})", name(), operation, instanceId,
          e.getMessage());
      return Instance.builder(name(), instanceId).status(rawStatus == null ? meanwhile : mapStatus(rawStatus))
          .rawStatus(rawStatus).build();
    }
  }

  /**
   * The instance a launch created: read back, else what the launch knows (the status it answered or
   * {@code PENDING}, the request's name, token, type, region and market).
   *
   * @param instanceId the created instance's id
   * @param request the launch request
   * @param rawStatus the provider status the launch answered, or null
   * @return the instance
   */
  protected Instance launched(String instanceId, LaunchRequest request, @Nullable String rawStatus) {
    return launched(instanceId, request, rawStatus, null);
  }

  /**
   * {@link #launched(String, LaunchRequest, String)}, with what the chosen offer says (instance type, GPU, count,
   * region) when the read back fails.
   *
   * @param instanceId the created instance's id
   * @param request the launch request
   * @param rawStatus the provider status the launch answered, or null
   * @param chosen the offer the launch went to, or null
   * @return the instance
   */
  protected Instance launched(String instanceId, LaunchRequest request, @Nullable String rawStatus,
      @Nullable Offer chosen) {
    return readBackAfterChange(instanceId).orElseGet(() -> {
      Instance.Builder b = Instance.builder(name(), instanceId)
          .name(request.effectiveName())
          .status(rawStatus == null ? InstanceStatus.PENDING : mapStatus(rawStatus))
          .rawStatus(rawStatus)
          .instanceType(request.instanceType())
          .region(request.region())
          .market(request.market())
          .clientToken(request.clientToken());
      if (chosen != null) {
        b.instanceType(chosen.instanceType()).gpu(chosen.gpu()).gpuCount(chosen.gpuCount()).region(chosen.region());
      }
      return b.build();
    });
  }

  /**
   * Where a launch goes for providers whose offer ids read {@code <instance type>@<region>}: the offer id; else the
   * instance type in a region given in the provider's own name; else the cheapest offer that fits (or
   * CapacityUnavailableException).
   *
   * @param example an offer id of this provider, shown when the one given is malformed
   * @param request the launch request
   * @return the instance type and region to launch in
   * @throws IllegalArgumentException if the offer id is malformed
   * @throws dev.providerapi.errors.CapacityUnavailableException if no offer fits
   */
  protected OfferIds.TypeAtRegion typeAtRegion(LaunchRequest request, String example) {
    if (request.offerId() != null) {
      return OfferIds.typeAtRegion(name(), request.offerId(), example);
    }
    if (request.instanceType() != null && request.region() != null && !regions.isCanonicalOnly(request.region())) {
      return new OfferIds.TypeAtRegion(request.instanceType(), request.region());
    }
    Offer cheapest = offerSource.requireCheapest(request);
    return new OfferIds.TypeAtRegion(cheapest.instanceType(), cheapest.region());
  }

  /**
   * Where a launch goes for a provider whose offers come from provider.yaml's {@code offerCatalog}
   * ({@link dev.providerapi.lifecycle.CatalogPrices#offers}, ids {@code <gpu>/<count>/<region>}): the offer id;
   * else the request's GPU (the provider's name for a canonical one), count (at least 1) and region (the
   * provider's first region for a canonical one).
   *
   * @param request the launch request
   * @return the provider's GPU name as head, the count, and the provider's region as tail
   * @throws IllegalArgumentException if the offer id is malformed, or the request names no offer and lacks a GPU
   *     or a region
   */
  protected OfferIds.Counted catalogPlacement(LaunchRequest request) {
    if (request.offerId() != null) {
      String example = descriptor.offerCatalog() == null ? "<gpu>/<count>/<region>"
          : descriptor.offerCatalog().entries().stream().filter(e -> !e.counts().isEmpty() && !e.regions().isEmpty())
              .map(e -> e.gpu() + "/" + e.counts().get(0) + "/" + e.regions().get(0)).findFirst()
              .orElse("<gpu>/<count>/<region>");
      return OfferIds.counted(name(), request.offerId(), example);
    }
    if (request.gpu() == null || request.region() == null) {
      throw new IllegalArgumentException(name() + " launches need an offerId, or a gpu and a region");
    }
    List<String> inRegion = providerRegions(request.region());
    return new OfferIds.Counted(providerGpuName(request.gpu()).orElse(request.gpu()), Math.max(1, request.gpuCount()),
        inRegion.isEmpty() ? request.region() : inRegion.get(0));
  }

  @Override
  public final Instance launch(LaunchRequest request) {
    checkCapabilities(request);
    LaunchGuard guard = new LaunchGuard(name(), this::launchAttempt, this::findByClientToken, this::terminate,
        launchGuardSettings(), sleeper(), config.listener());
    return guard.launch(request);
  }

  /** One attempt: {@link #launchInstance}, with a taken name resolved by {@link #nameTaken}. */
  private Instance launchAttempt(LaunchRequest request) {
    try {
      return launchInstance(request);
    } catch (ProviderException e) {
      if (!launchNameTaken().matches(e)) {
        throw e;
      }
      return nameTaken(request, e);
    }
  }

  /**
   * For a provider whose instance name derives from the client token (a Kubernetes object named after it), the
   * answers to a create that mean the name is taken (provider.yaml's launch {@code nameTaken}, e.g.
   * {@code AlreadyExists}): a repeated create with the same token gets them when the first one went through.
   * The generated base overrides this where provider.yaml declares it.
   *
   * @return the answers; by default {@link ErrorMatch#NONE} (names do not derive from the token)
   */
  protected ErrorMatch launchNameTaken() {
    return ErrorMatch.NONE;
  }

  /**
   * Where an instance carries its launch's client token, as the conflict message names it.
   *
   * @return e.g. {@code provider-api/client-token label}; by default {@code client token}
   */
  protected String clientTokenCarrier() {
    return "client token";
  }

  /**
   * Whether {@code instance} is the one a launch with {@code clientToken} made.
   *
   * @param instance an instance the token's lookup found
   * @param clientToken the launch's client token
   * @return by default whether the instance's mapped client token is {@code clientToken}
   */
  protected boolean launchedWith(Instance instance, String clientToken) {
    return clientToken.equals(instance.clientToken());
  }

  /**
   * A create refused because the name derived from the client token is taken ({@link #launchNameTaken}): the
   * instance of that name when this token's earlier create made it (the attempt went through but its answer was
   * lost, or the launch was repeated), found with {@link #findByClientToken}. An instance of that name launched
   * otherwise is a real conflict, reported with whose it is; one already gone leaves the conflict as answered.
   *
   * @param request the launch request
   * @param taken the answer that said the name is taken
   * @return the instance this token launched
   * @throws ConflictException when the instance of that name was not launched with this token
   * @throws ProviderException {@code taken} itself, when no instance of that name is found any more
   */
  protected Instance nameTaken(LaunchRequest request, ProviderException taken) {
    String token = request.clientToken();
    List<Instance> found = findByClientToken(token);
    Optional<Instance> ours = found.stream().filter(i -> launchedWith(i, token)).findFirst();
    if (ours.isPresent()) {
      return ours.get();
    }
    if (found.isEmpty()) {
      throw taken; // deleted in between: the conflict stands as answered
    }
    Instance other = found.get(0);
    ErrorDetails d = taken.details();
    throw new ConflictException(new ErrorDetails(d.provider(), d.operation(), d.httpStatus(), d.providerCode(),
        "an instance named " + other.id() + " already exists but was not launched with client token " + token
            + " (its " + clientTokenCarrier() + " is "
            + (other.clientToken() == null ? "missing" : "'" + other.clientToken() + "'") + ")",
        d.requestId(), false, null), taken);
  }

  /**
   * Refuses, before anything is sent, a request that needs a capability this provider lacks.
   *
   * @param request the launch request
   * @throws dev.providerapi.errors.UnsupportedCapabilityException if it asks for spot, a startup script,
   *     environment variables, a custom image, a disk size or SSH keys and the provider lacks that capability
   */
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
    if (!request.sshKeys().isEmpty()) {
      require(Capability.SSH_KEYS); // a provider that cannot take per-launch keys must not drop them silently
    }
  }

  private void require(Capability capability) {
    if (!descriptor.capabilities().contains(capability)) {
      throw new UnsupportedCapabilityException(name(), capability);
    }
  }

  @Override
  public List<Instance> findByClientToken(String clientToken) {
    return withClientToken(list(), clientToken, i -> clientToken.equals(i.name()), false);
  }

  /**
   * The instances carrying {@code clientToken} (their mapped token, or {@code alsoMatches}), oldest first
   * (undated ones last); with {@code skipGone} those already terminated or terminating are left out, so the
   * launch guard never adopts a dead instance.
   *
   * @param instances the instances to search
   * @param clientToken the client token
   * @param alsoMatches another way an instance can carry the token (for instance by name)
   * @param skipGone whether to leave out terminated and terminating instances
   * @return the matching instances, oldest first
   */
  protected static List<Instance> withClientToken(List<Instance> instances, String clientToken,
      Predicate<Instance> alsoMatches, boolean skipGone) {
    return instances.stream()
        .filter(i -> clientToken.equals(i.clientToken()) || alsoMatches.test(i))
        .filter(i -> !skipGone || i.status() != InstanceStatus.TERMINATED && i.status() != InstanceStatus.TERMINATING)
        .sorted(Comparator.comparing(Instance::createdAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder())))
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

  /**
   * A billing status read from the provider's billing API: {@code accrued} summed from {@code rows} charge rows of
   * {@code source} (as the API names the instance's charges), with whether the instance still exists and, while
   * it runs, the rate it keeps accruing at.
   *
   * @param instanceId the provider's id of the instance
   * @param instance the instance as read now, or empty when it is gone
   * @param accrued the amount charged so far in USD
   * @param rows how many charge rows were summed
   * @param source what the charges were read from, for the message
   * @return a status with verification {@link BillingStatus.Verification#VERIFIED_BY_API}
   */
  protected BillingStatus verifiedBilling(String instanceId, Optional<Instance> instance, BigDecimal accrued,
      int rows, String source) {
    boolean exists = instance.isPresent() && instance.get().status() != InstanceStatus.TERMINATED;
    InstanceStatus status = instance.map(Instance::status).orElse(InstanceStatus.TERMINATED);
    BigDecimal rate = exists && status != InstanceStatus.STOPPED ? rate(instance.get()) : null;
    String message = (rows == 0 ? "no charges recorded yet for " + source
        : "charges for " + source + " read from the " + descriptor.displayName() + " billing API")
        + (exists ? "; the instance exists (" + status + ") and keeps accruing" + (rate == null
            ? " storage charges" : " at " + rate.toPlainString() + " USD/h")
            : "; the instance is gone and no longer accrues");
    return new BillingStatus(name(), instanceId, BillingStatus.Verification.VERIFIED_BY_API, exists, rate, accrued,
        clock().instant(), message, descriptor.consoleUrl());
  }

  /**
   * The instance's hourly rate in its market, else its cheapest.
   *
   * @param i the instance
   * @return the rate in USD per hour, or null when the instance has no pricing
   */
  protected static @Nullable BigDecimal rate(Instance i) {
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

  /** See {@link GpuTranslation#gpuType}. */
  @Override
  public GpuType gpuType(String providerGpuName) {
    return gpus.gpuType(providerGpuName);
  }

  /**
   * The GPU count a provider name encodes (Lambda's {@code gpu_8x_h100_sxm5} -> 8), from the pattern's count group.
   *
   * @param providerGpuName the GPU's name as the provider spells it
   * @return the count, or empty when the name encodes none
   */
  protected Optional<Integer> gpuCountIn(String providerGpuName) {
    return gpus.countIn(providerGpuName);
  }

  @Override
  public Optional<String> providerGpuName(String canonicalGpu) {
    return gpus.providerName(canonicalGpu);
  }

  @Override
  public String canonicalRegion(String providerRegion) {
    return regions.canonical(providerRegion);
  }

  @Override
  public List<String> providerRegions(String canonicalRegion) {
    return regions.providerRegions(canonicalRegion);
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
