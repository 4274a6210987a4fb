package dev.providerapi;

import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.RateLimitInfo;
import java.util.List;
import java.util.Optional;

/**
 * One GPU cloud behind the common interface. Implementations are found by {@link Providers} through
 * {@link java.util.ServiceLoader}; each has a public no-argument constructor that configures itself from the
 * environment, and {@link #configure(ProviderConfig)} for explicit configuration.
 *
 * <p>Optional behaviour is a {@link Capability}: when {@link #supports(Capability)} reads false, the matching
 * method throws {@link UnsupportedCapabilityException}, never returns a silent null.
 */
public interface Provider extends AutoCloseable {

  /** Stable short name, e.g. {@code lambda}. */
  String name();

  /** Display name, capabilities, regions, GPU types, billing granularity and console URL. */
  ProviderInfo info();

  /** A copy of this provider that uses {@code config} (API key, base URL, timeouts). */
  Provider configure(ProviderConfig config);

  default boolean supports(Capability capability) {
    return info().capabilities().contains(capability);
  }

  /** Offers matching {@code filter}, with prices normalized to USD per hour and per GPU-hour. */
  List<Offer> offers(OfferFilter filter);

  /**
   * Launches one instance. Safe against duplicates: the request's client token tags the instance, and an
   * ambiguous failure (timeout, 5xx) is resolved by looking the token up, never by a blind retry.
   */
  Instance launch(LaunchRequest request);

  /** The instance, or empty when the provider no longer knows it. */
  Optional<Instance> get(String instanceId);

  /** Every instance of the account, all pages. */
  List<Instance> list();

  /** Instances tagged with {@code clientToken} (label or name), newest last. */
  List<Instance> findByClientToken(String clientToken);

  /** Terminates the instance; an instance that is already gone counts as success. */
  void terminate(String instanceId);

  default Instance stop(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.STOP_START);
  }

  default Instance start(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.STOP_START);
  }

  default Instance restart(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.RESTART);
  }

  /** What is known of the instance's billing, and whether the provider lets us verify it by API. */
  BillingStatus billingStatus(String instanceId);

  default boolean supportsBillingVerification() {
    return supports(Capability.BILLING_VERIFICATION);
  }

  /** The declared request-rate windows this client keeps to. */
  RateLimitInfo rateLimits();

  /** The canonical GPU for a provider-specific name; unknown names come back flagged, never dropped. */
  GpuType gpuType(String providerGpuName);

  /** The provider's own name for a canonical GPU name, if it offers that GPU. */
  Optional<String> providerGpuName(String canonicalGpu);

  /** The canonical region (e.g. {@code us-east}) for a provider region, or the input when unmapped. */
  String canonicalRegion(String providerRegion);

  /** Provider regions that map to the canonical region (empty when none). */
  List<String> providerRegions(String canonicalRegion);

  @Override
  default void close() {}
}
