package dev.providerapi.runpod;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.PriceSource;
import dev.providerapi.model.Pricing;
import dev.providerapi.runpod.model.CloudTypeEnum;
import dev.providerapi.runpod.model.EnvironmentVariableInput;
import dev.providerapi.runpod.model.GpuTypesResult;
import dev.providerapi.runpod.model.PodBidResumeInput;
import dev.providerapi.runpod.model.PodFindAndDeployOnDemandInput;
import dev.providerapi.runpod.model.PodRentInterruptableInput;
import dev.providerapi.runpod.model.PodResult;
import dev.providerapi.runpod.model.PodRuntimePorts;
import dev.providerapi.runpod.model.PodResumeInput;
import dev.providerapi.runpod.model.PodType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * RunPod (GraphQL) behind the common interface. Hand-written: only what provider.yaml cannot say.
 *
 * <ul>
 *   <li>An offer is a GPU type in one cloud (secure or community) at one GPU count RunPod reports available;
 *       prices are per GPU-hour for on demand ({@code uninterruptablePrice}) and spot ({@code minimumBidPrice}).
 *       Offer ids read {@code <SECURE|COMMUNITY>/<count>/<gpuTypeId>}.
 *   <li>A launch names the pod after the request and carries the client token in the env variable
 *       {@value #CLIENT_TOKEN_ENV} (RunPod has no tags), so an ambiguous failure is resolved by lookup.
 *   <li>Spot launches go through {@code podRentInterruptable} with a bid per GPU-hour; spot pods are resumed
 *       with {@code podBidResume}.
 *   <li>The startup script becomes the container command ({@code dockerArgs}: {@code bash -c '<script>'});
 *       environment variables go natively into {@code env}.
 *   <li>A spot pod found EXITED without this adapter having stopped it was preempted (outbid or reclaimed).
 * </ul>
 */
@AutoService(Provider.class)
public final class RunpodProvider extends RunpodProviderBase {

  /** The env variable that carries the launch's client token. */
  static final String CLIENT_TOKEN_ENV = "PROVIDER_API_CLIENT_TOKEN";
  /** RunPod's images install the keys in this variable into authorized_keys. */
  static final String PUBLIC_KEY_ENV = "PUBLIC_KEY";

  private static final List<String> CLOUDS = List.of("SECURE", "COMMUNITY");

  /** Pods this adapter stopped: an EXITED spot pod not in here was stopped by RunPod, not by us. */
  private final Set<String> stoppedHere = ConcurrentHashMap.newKeySet();

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public RunpodProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public RunpodProvider(ProviderConfig config) {
    super(config);
  }

  // ---- offers ----

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    List<GpuTypesResult> types = api().gpuTypes(null);
    List<Offer> offers = new ArrayList<>();
    if (types == null) {
      return offers;
    }
    for (GpuTypesResult type : types.stream().filter(t -> t.id() != null)
        .sorted(Comparator.comparing(GpuTypesResult::id)).toList()) {
      for (String cloud : CLOUDS) {
        LowestPrice price = cloud.equals("SECURE") ? secure(type) : community(type);
        boolean inCloud = Boolean.TRUE.equals(cloud.equals("SECURE") ? type.secureCloud() : type.communityCloud());
        if (!inCloud || price == null || price.onDemand() == null && price.spot() == null) {
          continue;
        }
        List<Integer> counts = price.counts() == null || price.counts().isEmpty() ? List.of(1)
            : price.counts().stream().filter(c -> c != null && c > 0).distinct().sorted().toList();
        for (int count : counts) {
          BigDecimal n = BigDecimal.valueOf(count);
          offers.add(Offer.builder(name(), cloud + "/" + count + "/" + type.id())
              .instanceType(type.id())
              .gpu(gpuType(type.id()))
              .gpuCount(count)
              .pricing(new Pricing(price.onDemand() == null ? null : price.onDemand().multiply(n),
                  price.spot() == null ? null : price.spot().multiply(n), count))
              .priceSource(PriceSource.LIVE)
              .detail("cloudType", cloud)
              .detail("displayName", type.displayName())
              .detail("gpuMemoryGb", type.memoryInGb())
              .detail("stockStatus", price.stockStatus())
              .build());
        }
      }
    }
    return offers;
  }

  /** One cloud's lowest price, per GPU-hour. */
  private record LowestPrice(@Nullable BigDecimal onDemand, @Nullable BigDecimal spot, @Nullable String stockStatus,
      @Nullable List<Integer> counts) {}

  private static @Nullable LowestPrice secure(GpuTypesResult t) {
    var p = t.secureLowestPrice();
    return p == null ? null : new LowestPrice(Values.decimal(p.uninterruptablePrice()), Values.decimal(p.minimumBidPrice()),
        p.stockStatus(), p.availableGpuCounts());
  }

  private static @Nullable LowestPrice community(GpuTypesResult t) {
    var p = t.communityLowestPrice();
    return p == null ? null : new LowestPrice(Values.decimal(p.uninterruptablePrice()), Values.decimal(p.minimumBidPrice()),
        p.stockStatus(), p.availableGpuCounts());
  }

  // ---- launch ----

  private record Placement(String gpuTypeId, CloudTypeEnum cloud, int gpuCount, @Nullable BigDecimal minBidPerGpu) {}

  @Override
  protected Instance launchInstance(LaunchRequest request) {
    if (request.image() == null || request.image().isBlank()) {
      throw new IllegalArgumentException("runpod launches need an image (a container image such as "
          + "runpod/pytorch:2.1.0-py3.10-cuda11.8.0-devel-ubuntu22.04)");
    }
    Placement placement = placement(request);
    List<EnvironmentVariableInput> env = env(request);
    String dockerArgs = dockerArgs(request.startupScript());
    String id;
    if (request.market() == Market.SPOT) {
      BigDecimal bid = bidPerGpu(request, placement);
      id = idOf(api().podRentInterruptable(PodRentInterruptableInput.builder()
          .bidPerGpu(bid.doubleValue())
          .cloudType(placement.cloud())
          .gpuTypeId(placement.gpuTypeId())
          .gpuCount(placement.gpuCount())
          .imageName(request.image())
          .name(request.effectiveName())
          .containerDiskInGb(request.diskGb())
          .dockerArgs(dockerArgs)
          .env(env)
          .build()), request);
    } else {
      id = idOf(api().podFindAndDeployOnDemand(PodFindAndDeployOnDemandInput.builder()
          .cloudType(placement.cloud())
          .gpuTypeId(placement.gpuTypeId())
          .gpuCount(placement.gpuCount())
          .imageName(request.image())
          .name(request.effectiveName())
          .containerDiskInGb(request.diskGb())
          .dockerArgs(dockerArgs)
          .env(env)
          .build()), request);
    }
    return launched(id, request, null);
  }

  private static String idOf(@Nullable Object launched, LaunchRequest request) {
    // Both launch mutations select the same fields, so they answer with one generated type.
    String id = launched instanceof dev.providerapi.runpod.model.PodRentInterruptableResult r ? r.id() : null;
    if (id == null) {
      throw Failures.unexpected("runpod", request.market() == Market.SPOT ? "podRentInterruptable"
          : "podFindAndDeployOnDemand", "answered success without a pod id");
    }
    return id;
  }

  /** The offer id, or the GPU (canonical or RunPod's name) and count in any cloud. */
  private Placement placement(LaunchRequest request) {
    if (request.offerId() != null) {
      OfferIds.Counted id = OfferIds.counted(name(), request.offerId(), "SECURE/1/NVIDIA H100 80GB HBM3");
      if (!CLOUDS.contains(id.head())) {
        throw new IllegalArgumentException("runpod offer ids look like 'SECURE/1/NVIDIA H100 80GB HBM3' (cloud "
            + String.join(" or ", CLOUDS) + "), got '" + request.offerId() + "'");
      }
      BigDecimal minBid = request.market() != Market.SPOT || request.spotBidPerHour() != null ? null
          : offers(OfferFilter.any()).stream()
          .filter(o -> o.id().equals(request.offerId()))
          .map(o -> o.pricing().spotPerGpuHour().orElse(null)).findFirst().orElse(null);
      return new Placement(id.tail(), CloudTypeEnum.of(id.head()), id.count(), minBid);
    }
    String gpu = request.instanceType() != null ? request.instanceType()
        : providerGpuName(request.gpu()).orElse(request.gpu());
    int count = Math.max(request.gpuCount(), 1);
    BigDecimal minBid = null;
    if (request.market() == Market.SPOT && request.spotBidPerHour() == null) {
      minBid = offers(OfferFilter.builder().gpuCount(count).market(Market.SPOT).build()).stream()
          .filter(o -> gpu.equals(o.instanceType()))
          .map(o -> o.pricing().spotPerGpuHour().orElse(null))
          .filter(java.util.Objects::nonNull)
          .min(Comparator.naturalOrder()).orElse(null);
    }
    return new Placement(gpu, CloudTypeEnum.ALL, count, minBid);
  }

  /** The caller's bid spread over the GPUs, else the current minimum bid. */
  private static BigDecimal bidPerGpu(LaunchRequest request, Placement placement) {
    if (request.spotBidPerHour() != null) {
      return request.spotBidPerHour().divide(BigDecimal.valueOf(placement.gpuCount()), 4, RoundingMode.DOWN);
    }
    if (placement.minBidPerGpu() == null) {
      // RunPod quotes no minimum bid for this GPU now: nothing to bid on, the broker should look elsewhere.
      throw Failures.noCapacity("runpod", "launch", "no spotBidPerHour given and RunPod quotes no current minimum"
          + " bid for " + placement.gpuTypeId() + " x" + placement.gpuCount(), null);
    }
    return placement.minBidPerGpu();
  }

  private static List<EnvironmentVariableInput> env(LaunchRequest request) {
    Map<String, String> env = new TreeMap<>(request.env());
    if (env.containsKey(CLIENT_TOKEN_ENV)) {
      throw new IllegalArgumentException("runpod launch: env " + CLIENT_TOKEN_ENV + " is reserved for the client "
          + "token");
    }
    env.put(CLIENT_TOKEN_ENV, request.clientToken());
    if (!request.sshKeys().isEmpty()) {
      env.putIfAbsent(PUBLIC_KEY_ENV, String.join("\n", request.sshKeys()));
    }
    return env.entrySet().stream().map(e -> new EnvironmentVariableInput(e.getKey(), e.getValue())).toList();
  }

  /** The script as the container's command; env values travel separately, never in the command text. */
  static @Nullable String dockerArgs(@Nullable String script) {
    if (script == null || script.isBlank()) {
      return null;
    }
    return "bash -c '" + script.replace("'", "'\\''") + "'";
  }

  // ---- get, list, lookup by env, terminate, stop: RunpodProviderBase, from provider.yaml ----

  @Override
  protected void terminateInstance(String instanceId) {
    super.terminateInstance(instanceId);
    stoppedHere.remove(instanceId);
  }

  @Override
  public Instance stop(String instanceId) {
    stoppedHere.add(instanceId);
    return super.stop(instanceId);
  }

  @Override
  public Instance start(String instanceId) {
    Instance current = require(instanceId, "start");
    if (current.market() == Market.SPOT) {
      // A spot pod resumes only with a bid; bid what it cost before (costPerHr spread over its GPUs).
      BigDecimal perHour = current.pricing() == null ? null : current.pricing().spotPerHour();
      int gpus = Math.max(current.gpuCount(), 1);
      if (perHour == null) {
        throw Failures.unexpected(name(), "start", "spot pod " + instanceId + " reports no price (costPerHr) to bid");
      }
      api().podBidResume(new PodBidResumeInput(instanceId,
          perHour.divide(BigDecimal.valueOf(gpus), 4, RoundingMode.UP).doubleValue(), gpus));
    } else {
      api().podResume(PodResumeInput.builder().podId(instanceId).gpuCount(Math.max(current.gpuCount(), 1)).build());
    }
    stoppedHere.remove(instanceId);
    return require(instanceId, "start");
  }

  private Instance require(String instanceId, String what) {
    return get(instanceId).orElseThrow(() -> Failures.gone(name(), what, instanceId));
  }

  // ---- mapping ----

  /**
   * The pod (the list query selects the same fields) as ours: provider.yaml's instanceFields, plus the GPU, the
   * SSH endpoint, the price and market, and the status refined by the runtime.
   */
  @Override
  protected Instance toInstance(PodResult pod) {
    Instance.Builder b = instanceFields(pod);
    String raw = pod.desiredStatus() == null ? null : pod.desiredStatus().value();
    boolean spot = pod.podType() != null && (pod.podType().kind() == PodType.Kind.INTERRUPTABLE
        || pod.podType().kind() == PodType.Kind.BID);
    if (mapStatusOrUnknown(raw) == InstanceStatus.RUNNING && pod.runtime() == null) {
      // desiredStatus is what RunPod aims for; until the container reports a runtime it is still coming up.
      b.status(InstanceStatus.PROVISIONING);
    }
    int gpus = pod.gpuCount() == null ? 0 : pod.gpuCount();
    String gpuName = pod.machine() == null ? null
        : pod.machine().gpuTypeId() != null ? pod.machine().gpuTypeId() : pod.machine().gpuDisplayName();
    BigDecimal cost = Values.decimal(pod.costPerHr());
    PodRuntimePorts ssh = sshPort(pod);
    return b.preempted(spot && "EXITED".equals(raw) && !stoppedHere.contains(pod.id()))
        .instanceType(gpuName)
        .gpu(gpuName == null ? null : gpuType(gpuName))
        .publicIp(ssh == null ? null : ssh.ip())
        .sshPort(ssh == null ? null : ssh.publicPort())
        .pricing(cost == null ? null : spot ? new Pricing(null, cost, Math.max(gpus, 1))
            : Pricing.onDemand(cost, Math.max(gpus, 1)))
        .market(spot ? Market.SPOT : Market.ON_DEMAND)
        .build();
  }

  private static @Nullable PodRuntimePorts sshPort(PodResult pod) {
    if (pod.runtime() == null || pod.runtime().ports() == null) {
      return null;
    }
    return pod.runtime().ports().stream()
        .filter(p -> p != null && Integer.valueOf(22).equals(p.privatePort()) && Boolean.TRUE.equals(p.isIpPublic()))
        .findFirst().orElse(null);
  }
}
