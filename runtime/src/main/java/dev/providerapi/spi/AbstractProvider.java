package dev.providerapi.spi;

import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderInfo;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.gpu.GpuCatalog;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.http.ApiClient;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.RateLimitInfo;
import java.util.List;
import java.util.Optional;

/**
 * What every adapter shares, driven by its {@link ProviderDescriptor}: info, GPU and region translation,
 * status mapping, the offers cache and client-side filtering, launch guarding (client token, capability
 * checks, lookup before any retry), idempotent terminate and billing status for providers with no billing
 * API. Generated {@code <Provider>ProviderBase} classes extend this; hand-written adapters extend those and
 * implement only the provider's real behaviour (the abstract methods).
 */
public abstract class AbstractProvider implements Provider {

  // CONTRACT SKELETON: the runtime implementation fills these in.
  protected final ProviderDescriptor descriptor;
  protected final ProviderConfig config;

  protected AbstractProvider(ProviderDescriptor descriptor, ProviderConfig config) {
    this.descriptor = descriptor;
    this.config = config;
  }

  /** The shared HTTP client, created on first use (a missing API key fails the first call, not construction). */
  protected ApiClient apiClient() {
    throw new UnsupportedOperationException("contract skeleton");
  }

  protected GpuCatalog gpuCatalog() {
    return GpuCatalog.standard();
  }

  /** Offers straight from the provider; the base caches them (TTL from provider.yaml) and applies the filter. */
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
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public final List<Offer> offers(OfferFilter filter) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public final Instance launch(LaunchRequest request) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public List<Instance> findByClientToken(String clientToken) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public final void terminate(String instanceId) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public BillingStatus billingStatus(String instanceId) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public RateLimitInfo rateLimits() {
    return new RateLimitInfo(descriptor.rateLimits(), descriptor.operationRateLimits());
  }

  @Override
  public GpuType gpuType(String providerGpuName) {
    return gpuCatalog().resolve(name(), providerGpuName);
  }

  @Override
  public Optional<String> providerGpuName(String canonicalGpu) {
    return gpuCatalog().providerName(name(), canonicalGpu);
  }

  @Override
  public String canonicalRegion(String providerRegion) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public List<String> providerRegions(String canonicalRegion) {
    throw new UnsupportedOperationException("contract skeleton");
  }

  @Override
  public void close() {}
}
