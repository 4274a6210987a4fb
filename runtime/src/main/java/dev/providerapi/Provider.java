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

  /**
   * Stable short name, e.g. {@code lambda}.
   *
   * @return the name, as {@link Providers#load(String)} takes it
   */
  String name();

  /**
   * Display name, capabilities, regions, GPU types, billing granularity and console URL.
   *
   * @return the provider's description
   */
  ProviderInfo info();

  /**
   * A copy of this provider that uses {@code config} (API key, base URL, timeouts).
   *
   * @param config the configuration for the copy
   * @return a new provider; this one is unchanged
   * @throws dev.providerapi.errors.MissingCredentialsException when {@code config} lacks the credentials the
   *     provider needs
   */
  Provider configure(ProviderConfig config);

  /**
   * Whether the provider has a capability; the methods that need one throw
   * {@link UnsupportedCapabilityException} without it.
   *
   * @param capability the capability
   * @return true if {@link #info()} lists it
   */
  default boolean supports(Capability capability) {
    return info().capabilities().contains(capability);
  }

  /**
   * Offers matching {@code filter}, with prices normalized to USD per hour and per GPU-hour.
   *
   * @param filter the filter; {@link OfferFilter#any()} for every offer
   * @return the matching offers, in the order the provider lists them ({@link OfferFilter#sort()} is applied by
   *     callers that merge offers, such as the broker)
   */
  List<Offer> offers(OfferFilter filter);

  /**
   * Launches one instance. Safe against duplicates: the request's client token tags the instance, and an
   * ambiguous failure (timeout, 5xx) is resolved by looking the token up, never by a blind retry.
   *
   * @param request what to launch
   * @return the one instance created for the request's client token
   * @throws dev.providerapi.errors.LaunchOutcomeUnknownException when the launch failed ambiguously and no
   *     instance with its token was found
   */
  Instance launch(LaunchRequest request);

  /**
   * The instance, or empty when the provider no longer knows it.
   *
   * @param instanceId the provider's id of the instance
   * @return the instance, or empty
   */
  Optional<Instance> get(String instanceId);

  /**
   * Every instance of the account, all pages.
   *
   * @return the instances
   */
  List<Instance> list();

  /**
   * Instances tagged with {@code clientToken} (label or name), newest last.
   *
   * @param clientToken the client token a launch tagged its instances with
   * @return the instances carrying it; empty if none
   */
  List<Instance> findByClientToken(String clientToken);

  /**
   * Terminates the instance; an instance that is already gone counts as success.
   *
   * @param instanceId the provider's id of the instance
   */
  void terminate(String instanceId);

  /**
   * Stops the instance (it keeps its disk and may still bill for storage).
   *
   * @param instanceId the provider's id of the instance
   * @return the instance after the stop
   * @throws UnsupportedCapabilityException unless the provider supports {@link Capability#STOP_START}
   */
  default Instance stop(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.STOP_START);
  }

  /**
   * Starts a stopped instance.
   *
   * @param instanceId the provider's id of the instance
   * @return the instance after the start
   * @throws UnsupportedCapabilityException unless the provider supports {@link Capability#STOP_START}
   */
  default Instance start(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.STOP_START);
  }

  /**
   * Restarts the instance.
   *
   * @param instanceId the provider's id of the instance
   * @return the instance after the restart
   * @throws UnsupportedCapabilityException unless the provider supports {@link Capability#RESTART}
   */
  default Instance restart(String instanceId) {
    throw new UnsupportedCapabilityException(name(), Capability.RESTART);
  }

  /**
   * What is known of the instance's billing, and whether the provider lets us verify it by API.
   *
   * @param instanceId the provider's id of the instance
   * @return the billing status; figures not read are null
   */
  BillingStatus billingStatus(String instanceId);

  /**
   * Whether {@link #billingStatus(String)} reads the figures from a billing API.
   *
   * @return true if the provider supports {@link Capability#BILLING_VERIFICATION}
   */
  default boolean supportsBillingVerification() {
    return supports(Capability.BILLING_VERIFICATION);
  }

  /**
   * The declared request-rate windows this client keeps to.
   *
   * @return the windows
   */
  RateLimitInfo rateLimits();

  /**
   * The canonical GPU for a provider-specific name; unknown names come back flagged, never dropped.
   *
   * @param providerGpuName the GPU's name as the provider spells it
   * @return the GPU; {@code known == false} with the raw name when not in the catalog
   */
  GpuType gpuType(String providerGpuName);

  /**
   * The provider's own name for a canonical GPU name, if it offers that GPU.
   *
   * @param canonicalGpu the canonical GPU name
   * @return the provider's name, or empty if it has none
   */
  Optional<String> providerGpuName(String canonicalGpu);

  /**
   * The canonical region (e.g. {@code us-east}) for a provider region, or the input when unmapped.
   *
   * @param providerRegion the provider's region name
   * @return the canonical name, or {@code providerRegion} when unmapped
   */
  String canonicalRegion(String providerRegion);

  /**
   * Provider regions that map to the canonical region (empty when none).
   *
   * @param canonicalRegion the canonical region name
   * @return the provider's region names
   */
  List<String> providerRegions(String canonicalRegion);

  @Override
  default void close() {}
}
