// Hand-written adapter. provider-api wrote this skeleton once (./provider-api hyperstack) and will never overwrite it: it is yours to edit.
package dev.providerapi.hyperstack;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.hyperstack.model.CreateEnvironment;
import dev.providerapi.hyperstack.model.CreateInstancesPayload;
import dev.providerapi.hyperstack.model.CreateInstancesResponse;
import dev.providerapi.hyperstack.model.EnvironmentFields;
import dev.providerapi.hyperstack.model.Environments;
import dev.providerapi.hyperstack.model.FlavorFields;
import dev.providerapi.hyperstack.model.FlavorItemGetResponse;
import dev.providerapi.hyperstack.model.ImportKeypairPayload;
import dev.providerapi.hyperstack.model.InstanceFields;
import dev.providerapi.hyperstack.model.Instances;
import dev.providerapi.hyperstack.model.KeypairFields;
import dev.providerapi.hyperstack.model.Keypairs;
import dev.providerapi.hyperstack.model.PricebookModel;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.spi.StartupScripts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Hyperstack (NexGen Cloud Infrahub API v1) behind the common interface. Hand-written: only what provider.yaml
 * cannot say.
 *
 * <ul>
 *   <li>Offers are flavors with a GPU and {@code stock_available}, one per region ({@code flavor@region}),
 *       priced from the pricebook (per GPU-hour, by GPU name); a flavor the pricebook does not price is left out.
 *   <li>A VM lives in an environment (one region): the launch uses {@code provider-api-<region>}, creating it the
 *       first time, and its SSH key pair is registered there (a public key given is imported once).
 *   <li>The client token travels as the label {@code provider-api-token=<token>}; list reads every page.
 *   <li>Stop, start and hard reboot are GETs that change state: the spec marks them not idempotent, so the
 *       runtime never retries them blindly.
 * </ul>
 */
@AutoService(Provider.class)
public final class HyperstackProvider extends HyperstackProviderBase {
  /** The label prefix carrying a launch's client token. */
  static final String TOKEN_LABEL = "provider-api-token=";
  static final int PAGE_SIZE = 50;
  /** Pages read at most before list() gives up (a provider repeating pages would loop forever). */
  static final int MAX_PAGES = 200;

  private static final Pattern PUBLIC_KEY = Pattern.compile("^(ssh-|ecdsa-|sk-)\\S+ \\S+.*");
  private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,9}");

  public HyperstackProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  public HyperstackProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  public HyperstackProvider configure(ProviderConfig config) {
    return new HyperstackProvider(config);
  }

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    Map<String, BigDecimal> perGpuHour = new HashMap<>();
    for (PricebookModel p : orEmpty(api().getPricebook())) {
      if (p.name() != null && p.value() != null) {
        perGpuHour.put(p.name(), p.value());
      }
    }
    List<Offer> offers = new ArrayList<>();
    for (FlavorItemGetResponse group : orEmpty(api().listFlavors(null).data())) {
      for (FlavorFields f : orEmpty(group.flavors())) {
        int gpus = f.gpuCount() == null ? 0 : f.gpuCount();
        String region = f.regionName() != null ? f.regionName() : group.regionName();
        BigDecimal price = f.gpu() == null ? null : perGpuHour.get(f.gpu());
        if (gpus == 0 || f.name() == null || region == null || !Boolean.TRUE.equals(f.stockAvailable())
            || price == null) {
          continue; // CPU-only, out of stock, or unpriced
        }
        offers.add(Offer.builder(name(), f.name() + "@" + region)
            .instanceType(f.name())
            .gpu(gpuType(f.gpu()))
            .gpuCount(gpus)
            .region(region)
            .pricing(Pricing.onDemand(price.multiply(BigDecimal.valueOf(gpus)), gpus))
            .vcpus(f.cpu())
            .memoryGib(f.ram())
            .diskGib(f.disk() == null ? null : BigDecimal.valueOf(f.disk()))
            .build());
      }
    }
    return offers;
  }

  @Override
  protected Instance launchInstance(LaunchRequest request) {
    String[] placement = placement(request);
    String userData;
    try {
      userData = StartupScripts.withEnv(request.startupScript(), request.env());
    } catch (IllegalArgumentException e) {
      throw invalid("Create_VMs", "hyperstack launch: " + e.getMessage());
    }
    String environment = environmentIn(placement[1]);
    CreateInstancesPayload body = CreateInstancesPayload.builder()
        .name(truncate(request.effectiveName(), 50))
        .environmentName(environment)
        .flavorName(placement[0])
        .imageName(request.image())
        .keyName(keyName(request.sshKeys(), environment))
        .count(1)
        .userData(userData)
        .assignFloatingIp(true)
        .labels(List.of(TOKEN_LABEL + request.clientToken()))
        .build();
    CreateInstancesResponse created = api().createVMs(body);
    List<InstanceFields> vms = created == null ? List.of() : orEmpty(created.instances());
    if (vms.isEmpty() || vms.get(0).id() == null) {
      // A success we cannot read: the VM may exist, so the launch guard resolves it by its token label.
      throw new UnexpectedResponseException(new ErrorDetails(name(), "Create_VMs", 200, null,
          "Create_VMs answered success without a virtual machine id", null, false, null), null);
    }
    InstanceFields vm = vms.get(0);
    return readBackAfterChange(String.valueOf(vm.id())).orElseGet(() -> toInstance(vm));
  }

  @Override
  public Optional<Instance> get(String instanceId) {
    if (!NUMERIC_ID.matcher(instanceId).matches()) {
      return Optional.empty(); // Hyperstack ids are integers: no VM has this one
    }
    try {
      dev.providerapi.hyperstack.model.Instance answer = api().getVm(Integer.valueOf(instanceId));
      return answer.instance() == null ? Optional.empty() : Optional.of(toInstance(answer.instance()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<Instance> list() {
    return pages("List_VMs", page -> {
      Instances answer = api().listVMs(page, PAGE_SIZE, null, null);
      return new Page<>(orEmpty(answer.instances()), answer.count());
    }, InstanceFields::id).stream().map(this::toInstance).toList();
  }

  @Override
  protected void terminateInstance(String instanceId) {
    api().deleteVm(vmId(instanceId, "Delete_VM"));
  }

  @Override
  public Instance stop(String instanceId) {
    api().stopVm(vmId(instanceId, "Stop_VM"));
    return after(instanceId, InstanceStatus.STOPPING);
  }

  @Override
  public Instance start(String instanceId) {
    api().startVm(vmId(instanceId, "Start_VM"));
    return after(instanceId, InstanceStatus.PROVISIONING);
  }

  @Override
  public Instance restart(String instanceId) {
    api().hardRebootVm(vmId(instanceId, "Hard_reboot_VM"));
    return after(instanceId, InstanceStatus.PROVISIONING);
  }

  /** Hyperstack's VM as ours. */
  Instance toInstance(InstanceFields vm) {
    String raw = vm.status();
    String flavor = vm.flavor() == null ? null : vm.flavor().name();
    String gpu = vm.flavor() == null ? null : vm.flavor().gpu();
    int gpus = vm.flavor() == null || vm.flavor().gpuCount() == null ? 0 : vm.flavor().gpuCount();
    String ip = vm.floatingIp() == null || vm.floatingIp().isBlank() ? null : vm.floatingIp();
    return Instance.builder(name(), String.valueOf(vm.id()))
        .name(vm.name())
        .status(raw == null ? InstanceStatus.UNKNOWN : mapStatus(raw))
        .rawStatus(raw)
        .instanceType(flavor)
        .gpu(gpu == null || gpu.isBlank() || gpus == 0 ? null : gpuType(gpu))
        .gpuCount(gpus)
        .region(vm.environment() == null ? null : vm.environment().region())
        .publicIp(ip)
        .sshPort(ip == null ? null : 22)
        .market(Market.ON_DEMAND)
        .clientToken(orEmpty(vm.labels()).stream().filter(l -> l.startsWith(TOKEN_LABEL))
            .map(l -> l.substring(TOKEN_LABEL.length())).findFirst().orElse(null))
        .createdAt(vm.createdAt() == null ? null : vm.createdAt().toInstant())
        .detail("environment", vm.environment() == null ? null : vm.environment().name())
        .detail("privateIp", vm.fixedIp())
        .detail("image", vm.image() == null ? null : vm.image().name())
        .build();
  }

  /** After stop/start/reboot: the VM read back, else what was asked for. */
  private Instance after(String instanceId, InstanceStatus expected) {
    return readBackAfterChange(instanceId).orElseGet(() -> Instance.builder(name(), instanceId)
        .status(expected).build());
  }

  /** [flavor, region]: from the offer id ({@code flavor@region}), else the cheapest offer in stock. */
  private String[] placement(LaunchRequest request) {
    if (request.offerId() != null) {
      int at = request.offerId().lastIndexOf('@');
      if (at <= 0 || at == request.offerId().length() - 1) {
        throw invalid("Create_VMs", "hyperstack offer ids look like 'n3-H100x1@CANADA-1', got '"
            + request.offerId() + "'");
      }
      return new String[] {request.offerId().substring(0, at), request.offerId().substring(at + 1)};
    }
    Offer offer = cheapestOfferFor(request).orElseThrow(() -> new CapacityUnavailableException(new ErrorDetails(
        name(), "Create_VMs", 0, null, "no flavor in stock for instanceType=" + request.instanceType() + ", gpu="
            + request.gpu() + " x" + request.gpuCount() + ", region=" + request.region(), null, false, null), null));
    return new String[] {offer.instanceType(), offer.region()};
  }

  /** Our environment in the region ({@code provider-api-<region>}), or any there; created when there is none. */
  private String environmentIn(String region) {
    String ours = "provider-api-" + region;
    List<EnvironmentFields> all = pages("List_environments", page -> {
      Environments answer = api().listEnvironments(String.valueOf(page), String.valueOf(PAGE_SIZE), null);
      return new Page<>(orEmpty(answer.environments()), answer.count());
    }, EnvironmentFields::id);
    Optional<EnvironmentFields> found = all.stream().filter(e -> ours.equals(e.name())).findFirst()
        .or(() -> all.stream().filter(e -> region.equals(e.region()) && e.name() != null).findFirst());
    if (found.isPresent()) {
      return found.get().name();
    }
    api().createEnvironment(new CreateEnvironment(ours, region));
    return ours;
  }

  /** One key pair name in the environment: a name as given, a public key imported once (named by fingerprint). */
  private String keyName(List<String> sshKeys, String environment) {
    if (sshKeys.size() != 1) {
      throw invalid("Create_VMs", "hyperstack launches take exactly one SSH key (a key pair name or a public key), "
          + "got " + sshKeys.size());
    }
    String key = sshKeys.get(0).strip();
    if (!PUBLIC_KEY.matcher(key).matches()) {
      return key;
    }
    String material = String.join(" ", List.of(key.split("\\s+")).subList(0, 2));
    List<KeypairFields> pairs = pages("List_key_pairs", page -> {
      Keypairs answer = api().listKeyPairs(String.valueOf(page), String.valueOf(PAGE_SIZE), null);
      return new Page<>(orEmpty(answer.keypairs()), answer.count());
    }, KeypairFields::id);
    for (KeypairFields k : pairs) {
      if (k.publicKey() != null && k.publicKey().startsWith(material) && k.environment() != null
          && environment.equals(k.environment().name())) {
        return k.name();
      }
    }
    String name = "provider-api-" + sha256(material).substring(0, 16);
    api().importKeyPair(new ImportKeypairPayload(environment, name, key));
    return name;
  }

  private record Page<T>(List<T> items, @Nullable Integer total) {}

  /**
   * Every item of a page-numbered list (1, 2, ...) until {@code count} items or an empty page; a page that adds
   * nothing new (the provider ignoring {@code page}) or more than {@link #MAX_PAGES} pages is a typed error, never
   * a silently short list.
   */
  private <T> List<T> pages(String operation, Function<Integer, Page<T>> fetch, Function<T, Object> id) {
    List<T> all = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      Page<T> p = fetch.apply(page);
      if (p.items().isEmpty()) {
        return all;
      }
      int before = all.size();
      for (T item : p.items()) {
        if (seen.add(id.apply(item))) {
          all.add(item);
        }
      }
      if (all.size() == before) {
        throw new UnexpectedResponseException(new ErrorDetails(name(), operation, 200, null, operation + " page "
            + page + " repeated items already read: the listing would never end", null, false, null), null);
      }
      if ((p.total() != null && all.size() >= p.total()) || (p.total() == null && p.items().size() < PAGE_SIZE)) {
        return all;
      }
    }
    throw new UnexpectedResponseException(new ErrorDetails(name(), operation, 200, null, operation + " had more than "
        + MAX_PAGES + " pages of " + PAGE_SIZE, null, false, null), null);
  }

  private int vmId(String instanceId, String operation) {
    if (!NUMERIC_ID.matcher(instanceId).matches()) {
      throw new NotFoundException(new ErrorDetails(name(), operation, 0, null, "hyperstack virtual machine ids are "
          + "integers; no virtual machine has the id '" + instanceId + "'", null, false, null), null);
    }
    return Integer.parseInt(instanceId);
  }

  private InvalidRequestException invalid(String operation, String message) {
    return new InvalidRequestException(new ErrorDetails(name(), operation, 0, null, message, null, false, null), null);
  }

  private static <T> List<T> orEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
