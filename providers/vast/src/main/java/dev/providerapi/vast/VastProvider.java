package dev.providerapi.vast;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.lifecycle.FailedCreates;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.lifecycle.InstanceIds;
import dev.providerapi.lifecycle.Paginator;
import dev.providerapi.spi.DockerEnv;
import dev.providerapi.spi.StartupScripts;
import dev.providerapi.vast.model.Charge;
import dev.providerapi.vast.model.ChargePage;
import dev.providerapi.vast.model.CreateInstanceRequest;
import dev.providerapi.vast.model.CreateInstanceRequestRuntype;
import dev.providerapi.vast.model.CreateInstanceResult;
import dev.providerapi.vast.model.OfferList;
import dev.providerapi.vast.model.ShowChargesFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Vast.ai behind the common interface. Hand-written: only what provider.yaml cannot say.
 *
 * <ul>
 *   <li>Offers come from Vast's search, which filters server-side: GPU, count, country and price travel in
 *       the search body (see {@link #serverSideFilter}); {@code dph_total} is the on-demand price,
 *       {@code min_bid} the spot (interruptible bid) price.
 *   <li>A launch rents one offer, labelled with the client token; a spot launch sends the bid as
 *       {@code price}. If Vast answers an error yet reports a {@code new_contract}, that instance is
 *       destroyed before the error is thrown, so nothing is left billing.
 *   <li>Environment variables travel as docker {@code -e} flags; values docker flags cannot carry are
 *       exported by the {@code onstart} script.
 *   <li>Billing is read back from the per-contract charges API.
 * </ul>
 */
@AutoService(Provider.class)
public final class VastProvider extends VastProviderBase {

  /** Vast's own default image, used when the caller names none. */
  static final String DEFAULT_IMAGE = "vastai/base-image:@vastai-automatic-tag";
  static final int CHARGES_PAGE = 500;
  /** How far back charges are searched for an instance whose start we cannot read. */
  static final Duration CHARGES_LOOKBACK = Duration.ofDays(90);
  private static final BigDecimal MB_PER_GIB = BigDecimal.valueOf(1024);

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public VastProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public VastProvider(ProviderConfig config) {
    super(config);
  }

  // ---- offers ----

  /**
   * What Vast's search applies itself: the GPU (when the catalog knows Vast's names for it), the count, the
   * region (when it maps to country codes), the market, and the price for the market asked for. Without a
   * market the caller means "cheapest of either", which one server-side price condition cannot say.
   */
  @Override
  protected OfferFilter serverSideFilter(OfferFilter filter) {
    return OfferFilter.builder()
        .gpu(gpus.providerNames(filter.gpu()).isEmpty() ? null : filter.gpu())
        .gpuCount(filter.gpuCount())
        .region(regions.providerNamesFor(filter.region()).isEmpty() ? null : filter.region())
        .market(filter.market())
        .maxPricePerHour(filter.market() == null ? null : filter.maxPricePerHour())
        .build();
  }

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    OfferList found = api().searchOffers(
        OfferSearches.body(filter, gpus.providerNames(filter.gpu()), regions.providerNamesFor(filter.region())));
    if (found == null || found.offers() == null) {
      return List.of();
    }
    boolean bidSearch = filter.market() == Market.SPOT;
    Instant now = clock().instant();
    List<Offer> offers = new ArrayList<>();
    for (dev.providerapi.vast.model.Offer o : found.offers()) {
      Offer offer = toOffer(o, bidSearch, now);
      if (offer != null) {
        offers.add(offer);
      }
    }
    return offers;
  }

  /** Null for an offer with no GPU or no price (nothing a GPU broker can rent). */
  private @Nullable Offer toOffer(dev.providerapi.vast.model.Offer o, boolean bidSearch, Instant now) {
    int gpus = o.numGpus() == null ? 0 : o.numGpus();
    // In a bid search Vast prices dph_total from the minimum bid, so it is no on-demand price there.
    BigDecimal onDemand = bidSearch ? null : o.dphTotal();
    if (o.gpuName() == null || gpus == 0 || onDemand == null && o.minBid() == null) {
      return null;
    }
    return offerFields(o)
        .instanceType(gpus + "x " + o.gpuName())
        .region(Geolocations.countryCode(o.geolocation()))
        .pricing(new Pricing(onDemand, o.minBid(), gpus))
        .priceAsOf(now)
        .memoryGib(o.cpuRam() == null ? null : o.cpuRam().divide(MB_PER_GIB, 1, RoundingMode.HALF_UP))
        .availableCount(1)
        .build();
  }

  // ---- launch ----

  @Override
  protected Instance launchInstance(LaunchRequest request) {
    // The offer to rent: the one named, or the cheapest that fits the request in its market.
    Offer chosen = request.offerId() == null ? offerSource.requireCheapest(request) : null;
    long askId = OfferIds.number(name(), chosen == null ? request.offerId() : chosen.id());
    CreateInstanceResult created;
    try {
      created = api().createInstance(askId, createBody(request, askId, chosen));
    } catch (ProviderException e) {
      throw FailedCreates.destroyReported(e, "/new_contract", apiClient().objectMapper(), this::terminate);
    } finally {
      invalidateOffers(); // the offer is rented now, or it failed because it was gone: either way stale
    }
    if (created == null || created.newContract() == null) {
      // Vast said yes without an id: the instance may exist, so the launch guard must look the token up.
      throw Failures.unexpected(name(), "createInstance", "success without new_contract");
    }
    return launched(String.valueOf(created.newContract()), request, null, chosen);
  }

  private CreateInstanceRequest createBody(LaunchRequest request, long askId, @Nullable Offer chosen) {
    DockerEnv.Split env;
    String onstart;
    try {
      env = DockerEnv.split(request.env());
      onstart = StartupScripts.withEnv(request.startupScript(), env.viaScript());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vast launch: " + e.getMessage(), e);
    }
    BigDecimal bid = null;
    if (request.market() == Market.SPOT) {
      bid = request.spotBidPerHour() != null ? request.spotBidPerHour()
          : chosen == null ? null : chosen.pricing().spotPerHour();
      if (bid == null) {
        throw new IllegalArgumentException("vast launch: a SPOT launch of offer " + askId
            + " needs spotBidPerHour (Vast rents interruptibly only at a bid)");
      }
    }
    return CreateInstanceRequest.builder()
        .image(Values.isBlank(request.image()) ? DEFAULT_IMAGE : request.image())
        .disk(request.diskGb() == null ? null : BigDecimal.valueOf(request.diskGb()))
        .label(request.clientToken())
        .onstart(onstart)
        .env(env.flags().isEmpty() ? null : env.flags())
        .runtype(CreateInstanceRequestRuntype.SSH)
        .price(bid)
        .build();
  }

  // ---- get, list, lookup, terminate, stop, start: VastProviderBase, from provider.yaml ----

  /** Vast's instance as ours: provider.yaml's instanceFields, plus the type name, region, price and status. */
  @Override
  protected Instance toInstance(dev.providerapi.vast.model.Instance i) {
    int gpus = i.numGpus() == null ? 0 : i.numGpus();
    boolean bid = Boolean.TRUE.equals(i.isBid());
    BigDecimal rate = i.dphTotal();
    return instanceFields(i)
        .status(status(i.actualStatus(), i.intendedStatus()))
        .instanceType(i.gpuName() == null ? null : gpus + "x " + i.gpuName())
        .region(Geolocations.countryCode(i.geolocation()))
        .pricing(rate == null ? null : bid ? new Pricing(null, rate, Math.max(gpus, 1))
            : Pricing.onDemand(rate, Math.max(gpus, 1)))
        .market(bid ? Market.SPOT : Market.ON_DEMAND)
        .build();
  }

  /**
   * actual_status through provider.yaml's mapping, with what one field cannot say: no status yet is PENDING,
   * and a running container asked to stop is STOPPING.
   */
  private InstanceStatus status(@Nullable String actual, @Nullable String intended) {
    if (actual == null || actual.isBlank()) {
      return InstanceStatus.PENDING;
    }
    InstanceStatus mapped = mapStatus(actual);
    if (mapped == InstanceStatus.RUNNING && "stopped".equalsIgnoreCase(intended)) {
      return InstanceStatus.STOPPING;
    }
    return mapped;
  }

  // ---- billing ----

  /**
   * Sums the instance's rows of the charges API (source {@code instance-<id>}) from its start (or
   * 90 days back) to now. An existing instance keeps accruing: storage is billed
   * even while stopped.
   */
  @Override
  public BillingStatus billingStatus(String instanceId) {
    long id = InstanceIds.requireLong(name(), "billingStatus", instanceId);
    Optional<Instance> instance = get(instanceId);
    Instant now = clock().instant();
    Instant from = instance.map(Instance::createdAt).orElse(null);
    from = (from == null ? now.minus(CHARGES_LOOKBACK) : from).minus(Duration.ofDays(1));
    String filter = "{\"day\":{\"gte\":" + from.getEpochSecond() + ",\"lte\":" + now.getEpochSecond()
        + "},\"type\":{\"in\":[\"instance\"]}}";
    String source = "instance-" + id;
    BigDecimal accrued = BigDecimal.ZERO;
    int rows = 0;
    for (Charge c : new Paginator(name(), "showCharges").<Charge>byCursor(after -> {
      ChargePage page = api().showCharges(filter, ShowChargesFormat.TABLE, null, CHARGES_PAGE, after);
      if (page == null) {
        throw Failures.unexpected(name(), "showCharges", "a page of charges answered no body");
      }
      return new Paginator.Page<>(Values.orEmpty(page.results()), page.nextToken());
    })) {
      if (c != null && source.equals(c.source()) && c.amount() != null) {
        accrued = accrued.add(c.amount());
        rows++;
      }
    }
    return verifiedBilling(instanceId, instance, accrued, rows, source);
  }
}
