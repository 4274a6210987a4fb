package dev.providerapi.broker;

import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderInfo;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.BillingGranularity;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.model.RateLimitInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-memory provider for the broker's own tests: offers, latency and launch failures are scripted, and
 * every instance it "creates" is kept so tests can see exactly what exists.
 */
class ScriptedProvider implements Provider {
  static final GpuCatalog CATALOG = GpuCatalog.standard();

  private final String name;
  private final List<Offer> offers = new CopyOnWriteArrayList<>();
  final Map<String, Instance> instances = new ConcurrentHashMap<>();
  final List<LaunchRequest> launches = new CopyOnWriteArrayList<>();
  final List<String> terminated = new CopyOnWriteArrayList<>();
  volatile Duration latency = Duration.ZERO;
  volatile RuntimeException offersError;
  /** Per offer id, what a launch of it throws instead of creating an instance. */
  final Map<String, Function<LaunchRequest, RuntimeException>> launchErrors = new ConcurrentHashMap<>();
  /** Runs after the instance exists and before launch returns (the crash test kills the thread here). */
  volatile Runnable afterCreate = () -> {};
  private final AtomicInteger ids = new AtomicInteger();

  ScriptedProvider(String name) {
    this.name = name;
  }

  ScriptedProvider offer(String id, String gpu, int count, String onDemandPerHour) {
    offers.add(Offer.builder(name, id).gpu(CATALOG.resolve("runpod", gpu)).gpuCount(count).region("us-east-1")
        .pricing(Pricing.onDemand(new BigDecimal(onDemandPerHour), count)).vcpus(8 * count)
        .memoryGib(BigDecimal.valueOf(64L * count)).build());
    return this;
  }

  ScriptedProvider noCapacity(String offerId) {
    launchErrors.put(offerId, r -> ProviderException.of(ErrorKind.CAPACITY_UNAVAILABLE,
        new ErrorDetails(name, "launch", 400, "insufficient-capacity", "no capacity for " + offerId, null, false,
            null), null));
    return this;
  }

  /** The launch of {@code offerId} refuses as the runtime does for a missing capability (before sending). */
  ScriptedProvider unsupported(String offerId, dev.providerapi.Capability capability) {
    launchErrors.put(offerId, r -> new dev.providerapi.errors.UnsupportedCapabilityException(name, capability));
    return this;
  }

  ScriptedProvider fails(String offerId, ErrorKind kind, String message) {
    launchErrors.put(offerId, r -> ProviderException.of(kind,
        new ErrorDetails(name, "launch", 500, null, message, null, false, null), null));
    return this;
  }

  /** An instance created outside any ledger (another tool, a lost broker). */
  Instance existing(String clientToken, InstanceStatus status, Instant createdAt) {
    String id = name + "-i" + ids.incrementAndGet();
    Instance i = Instance.builder(name, id).name(clientToken).clientToken(clientToken).status(status)
        .createdAt(createdAt).build();
    instances.put(id, i);
    return i;
  }

  @Override public String name() { return name; }

  @Override public ProviderInfo info() {
    return new ProviderInfo(name, name, EnumSet.of(Capability.STOP_START), List.of(), List.of(),
        BillingGranularity.perSecond(), null);
  }

  @Override public Provider configure(ProviderConfig config) { return this; }

  @Override public List<Offer> offers(OfferFilter filter) {
    pause();
    if (offersError != null) {
      throw offersError;
    }
    return offers.stream().filter(o -> filter.gpu() == null || CATALOG.matches(o.gpu(), filter.gpu()))
        .filter(o -> filter.gpuCount() == null || o.gpuCount() == filter.gpuCount())
        .filter(o -> filter.maxPricePerHour() == null
            || o.pricing().cheapestPerHour().compareTo(filter.maxPricePerHour()) <= 0)
        .toList();
  }

  @Override public Instance launch(LaunchRequest request) {
    pause();
    launches.add(request);
    Function<LaunchRequest, RuntimeException> error = launchErrors.get(String.valueOf(request.offerId()));
    if (error != null) {
      throw error.apply(request);
    }
    String id = name + "-i" + ids.incrementAndGet();
    Offer offer = offers.stream().filter(o -> o.id().equals(request.offerId())).findFirst().orElse(null);
    Instance i = Instance.builder(name, id).name(request.effectiveName()).clientToken(request.clientToken())
        .status(InstanceStatus.PROVISIONING).gpuCount(request.gpuCount())
        .instanceType(offer == null ? request.instanceType() : offer.instanceType())
        .gpu(offer == null ? null : offer.gpu()).pricing(offer == null ? null : offer.pricing())
        .market(request.market()).createdAt(Instant.now()).build();
    instances.put(id, i);
    afterCreate.run();
    return i;
  }

  @Override public Optional<Instance> get(String instanceId) { return Optional.ofNullable(instances.get(instanceId)); }

  @Override public List<Instance> list() {
    pause();
    return new ArrayList<>(instances.values());
  }

  @Override public List<Instance> findByClientToken(String clientToken) {
    return instances.values().stream().filter(i -> clientToken.equals(i.clientToken())).toList();
  }

  @Override public void terminate(String instanceId) {
    terminated.add(instanceId);
    instances.computeIfPresent(instanceId, (k, i) -> copy(i, InstanceStatus.TERMINATED));
  }

  @Override public Instance stop(String instanceId) {
    return instances.computeIfPresent(instanceId, (k, i) -> copy(i, InstanceStatus.STOPPED));
  }

  @Override public Instance start(String instanceId) {
    return instances.computeIfPresent(instanceId, (k, i) -> copy(i, InstanceStatus.RUNNING));
  }

  /** Moves every instance to RUNNING (as a provider does once it has booted). */
  void bootAll() {
    instances.replaceAll((k, i) -> i.status() == InstanceStatus.PROVISIONING ? copy(i, InstanceStatus.RUNNING) : i);
  }

  private static Instance copy(Instance i, InstanceStatus status) {
    return new Instance(i.provider(), i.id(), i.name(), status, status.name(), i.preempted(), i.instanceType(),
        i.gpu(), i.gpuCount(), i.region(), i.publicIp(), i.sshPort(), i.pricing(), i.market(), i.clientToken(),
        i.createdAt(), i.details());
  }

  @Override public BillingStatus billingStatus(String instanceId) { throw new UnsupportedOperationException(); }
  @Override public RateLimitInfo rateLimits() { return new RateLimitInfo(List.of(), Map.of()); }
  @Override public GpuType gpuType(String providerGpuName) { return CATALOG.resolve("runpod", providerGpuName); }
  @Override public Optional<String> providerGpuName(String canonicalGpu) { return Optional.empty(); }
  @Override public String canonicalRegion(String providerRegion) {
    return providerRegion.equals("us-east-1") ? "us-east" : providerRegion;
  }
  @Override public List<String> providerRegions(String canonicalRegion) { return List.of(); }

  private void pause() {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }
}
