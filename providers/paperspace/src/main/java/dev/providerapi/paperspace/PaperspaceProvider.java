package dev.providerapi.paperspace;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.lifecycle.CatalogPrices;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.Paginator;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.PriceSource;
import dev.providerapi.model.Pricing;
import dev.providerapi.model.Region;
import dev.providerapi.paperspace.model.Accelerator;
import dev.providerapi.paperspace.model.CreateMachineRequest;
import dev.providerapi.paperspace.model.Machine;
import dev.providerapi.paperspace.model.MachineEvent;
import dev.providerapi.paperspace.model.MachineEventState;
import dev.providerapi.paperspace.model.MachineOperation;
import dev.providerapi.paperspace.model.MachineTypeAvailability;
import dev.providerapi.paperspace.model.OsTemplate;
import dev.providerapi.paperspace.model.OsTemplatePage;
import dev.providerapi.paperspace.model.PublicIpType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paperspace (API v1) behind the common interface. Hand-written: only what provider.yaml cannot say.
 *
 * <ul>
 *   <li>Offers are the machine types the public OS templates run on, priced from the bundled price list (the
 *       API quotes no price before a machine exists), times the regions where {@code /machine-availability}
 *       says the type can be created now.
 *   <li>Paperspace has no tags, so the launch's client token is the machine name (a caller's own name is kept
 *       in front of it: {@code <name> [<token>]}); an ambiguous failure is resolved by listing names.
 *   <li>Create is asynchronous: it answers with a {@code create} event and, usually, the machine. When the
 *       machine id is missing the event is polled (bounded by the config's launch lookups and delay).
 *   <li>A startup script (with the environment folded in) becomes a startup-script resource named after a
 *       hash of its content, created once and reused, and is passed by id.
 * </ul>
 */
@AutoService(Provider.class)
public final class PaperspaceProvider extends PaperspaceProviderBase {
  private static final Logger LOG = LoggerFactory.getLogger(PaperspaceProvider.class);

  /** Largest page the API serves. */
  static final int PAGE_SIZE = 120;
  /** Disk when neither the request nor the template says (GB). */
  static final int DEFAULT_DISK_GB = 100;
  /** The OS template preferred when the caller names none: Paperspace's ML image (CUDA, drivers, Docker). */
  static final String PREFERRED_TEMPLATE = "ML-in-a-Box";

  private final CatalogPrices prices = CatalogPrices.of(DESCRIPTOR.offerCatalog());
  private final StartupScriptResources scripts = new StartupScriptResources(this::api);

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public PaperspaceProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public PaperspaceProvider(ProviderConfig config) {
    super(config);
  }

  // ---- offers ----

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    List<Offer> offers = new ArrayList<>();
    for (String type : creatableMachineTypes()) {
      Optional<BigDecimal> price = prices.perHourOfType(type);
      if (price.isEmpty()) {
        LOG.debug("paperspace: machine type {} has no price in the price list; not offered", type);
        continue;
      }
      GpuType gpu = gpuType(type);
      int gpus = gpuCountIn(type).orElse(1);
      for (Region region : descriptor.regions()) {
        if (!Boolean.TRUE.equals(api().getMachineAvailability(type, region.providerName()).available())) {
          continue;
        }
        offers.add(Offer.builder(name(), type + "@" + region.providerName())
            .instanceType(type)
            .gpu(gpu)
            .gpuCount(gpus)
            .region(region.providerName())
            .pricing(Pricing.onDemand(price.get(), gpus))
            .priceSource(PriceSource.CATALOG)
            .priceAsOf(prices.asOf())
            .detail("regionDescription", region.description())
            .build());
      }
    }
    return offers;
  }

  /** Machine types (labels) at least one public OS template can be created on, sorted. */
  private Set<String> creatableMachineTypes() {
    Set<String> types = new TreeSet<>();
    for (OsTemplate t : osTemplates()) {
      if (t.availableMachineTypes() == null) {
        continue;
      }
      for (MachineTypeAvailability a : t.availableMachineTypes()) {
        if (Boolean.TRUE.equals(a.isAvailable())) {
          types.add(a.machineTypeLabel());
        }
      }
    }
    return types;
  }

  private List<OsTemplate> osTemplates() {
    return new Paginator(name(), "listOsTemplates").byCursor(after -> {
      OsTemplatePage page = api().listOsTemplates(after, PAGE_SIZE, null, null, null);
      if (page == null) {
        throw Failures.unexpected(name(), "listOsTemplates", "a page of OS templates answered no body");
      }
      return new Paginator.Page<>(page.items(), Boolean.TRUE.equals(page.hasMore()) ? page.nextPage() : null);
    });
  }

  // ---- launch ----

  @Override
  protected Instance launchInstance(LaunchRequest request) {
    OfferIds.TypeAtRegion placement = typeAtRegion(request, "A100-80G@ny2");
    OsTemplate template = request.image() == null ? defaultTemplate(placement.instanceType()) : null;
    String templateId = template != null ? template.id() : request.image();
    int disk = request.diskGb() != null ? request.diskGb()
        : template != null && template.defaultSizeGb() != null ? template.defaultSizeGb() : DEFAULT_DISK_GB;
    String scriptId = scripts.idFor(request.startupScript(), request.env());

    CreateMachineRequest body = CreateMachineRequest.builder()
        .name(instanceName(request))
        .machineType(placement.instanceType())
        .templateId(templateId)
        .diskSize(disk)
        .region(placement.region())
        .publicIpType(PublicIpType.DYNAMIC)
        .startupScriptId(scriptId)
        .emailPassword(false)
        .startOnCreate(true)
        .build();
    MachineOperation created = api().createMachine(body);
    invalidateOffers();
    return followCreate(created, request);
  }

  /**
   * The machine a create answered with, or the one its event names once it has an id. Without an id after
   * the allowed polls the outcome is unknown, which the launch guard resolves by the client token.
   */
  private Instance followCreate(MachineOperation created, LaunchRequest request) {
    if (created.data() != null && created.data().id() != null) {
      return toInstance(created.data());
    }
    MachineEvent event = created.event();
    int polls = 0;
    while (event.machineId() == null || event.machineId().isBlank()) {
      failIfEventFailed(event);
      if (polls >= config.launchLookups()) {
        throw ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, new ErrorDetails(name(), "getMachineEvent", 0,
            null, "create event " + event.id() + " named no machine after " + polls + " polls"
                + " (state " + event.state() + ")", null, false, null), null);
      }
      Failures.pause(sleeper(), config.launchLookupDelay(), name(), "getMachineEvent");
      event = api().getMachineEvent(event.id());
      polls++;
    }
    failIfEventFailed(event);
    return launched(event.machineId(), request, null);
  }

  private void failIfEventFailed(MachineEvent event) {
    MachineEventState.Kind state = event.state() == null ? MachineEventState.Kind.UNKNOWN : event.state().kind();
    if (state != MachineEventState.Kind.ERROR && state != MachineEventState.Kind.CANCELLED) {
      return;
    }
    String why = event.error() == null ? "create " + event.state() : event.error();
    ErrorKind kind = why.toLowerCase(Locale.ROOT).contains("capacity")
        ? ErrorKind.CAPACITY_UNAVAILABLE : ErrorKind.INVALID_REQUEST;
    throw Failures.reported(kind, name(), "createMachine", String.valueOf(event.state()),
        why + (event.machineId() == null ? "" : " (machine " + event.machineId() + ")"));
  }

  /** The preferred public OS template that runs on the machine type, else the first by name. */
  private OsTemplate defaultTemplate(String machineType) {
    return osTemplates().stream()
        .filter(t -> t.availableMachineTypes() != null && t.availableMachineTypes().stream()
            .anyMatch(a -> machineType.equals(a.machineTypeLabel()) && Boolean.TRUE.equals(a.isAvailable())))
        .min(Comparator.comparing((OsTemplate t) -> !t.name().contains(PREFERRED_TEMPLATE))
            .thenComparing(OsTemplate::name))
        .orElseThrow(() -> Failures.reported(ErrorKind.INVALID_REQUEST, name(), "listOsTemplates", null,
            "no public OS template runs machine type '" + machineType + "'; pass a template id as the image"));
  }

  // ---- get, list, lookup by name, terminate, start, stop, restart: PaperspaceProviderBase, from provider.yaml ----

  /** Paperspace's machine as ours: provider.yaml's instanceFields, plus the GPUs and the price. */
  @Override
  protected Instance toInstance(Machine m) {
    int gpus = gpuCount(m);
    String gpuName = gpuName(m);
    return instanceFields(m)
        .gpu(gpuName == null || gpus == 0 ? null : gpuType(gpuName))
        .gpuCount(gpus)
        .pricing(m.usageRate() == null ? null : Pricing.onDemand(m.usageRate(), Math.max(gpus, 1)))
        .build();
  }

  /** The machine type names the GPU model and count (A6000x4); accelerators, when present, say it too. */
  private @Nullable String gpuName(Machine m) {
    if (m.machineType() != null && gpuType(m.machineType()).known()) {
      return m.machineType();
    }
    if (m.accelerators() != null && !m.accelerators().isEmpty()) {
      return m.accelerators().get(0).name();
    }
    return m.machineType();
  }

  private int gpuCount(Machine m) {
    if (m.accelerators() != null && !m.accelerators().isEmpty()) {
      return m.accelerators().stream().map(Accelerator::count).filter(Objects::nonNull).mapToInt(Integer::intValue)
          .sum();
    }
    if (m.machineType() == null || !gpuType(m.machineType()).known()) {
      return 0;
    }
    return gpuCountIn(m.machineType()).orElse(1);
  }
}
