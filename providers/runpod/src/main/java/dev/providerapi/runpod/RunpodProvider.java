// Hand-written adapter. provider-api wrote this skeleton once (./provider-api runpod) and will never overwrite it: it is yours to edit.
package dev.providerapi.runpod;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.util.List;
import java.util.Optional;

/**
 * RunPod behind the common {@link Provider} interface.
 *
 * <p>Everything provider.yaml declares (base URL, auth, rate limits, error rules, status mapping, regions,
 * GPU aliases, capabilities: CUSTOM_IMAGE, DISK_SIZE, ENV_VARS, SPOT, STARTUP_SCRIPT, STOP_START) is already in the generated {@link RunpodProviderBase}. This
 * class holds only what is really RunPod-specific: turning the generated API's types into ours.
 * Replace each UnsupportedOperationException below with the real mapping.
 */
@AutoService(Provider.class)
public final class RunpodProvider extends RunpodProviderBase {

  // Other operations bound in provider.yaml:
  //   launchSpot: api().podRentInterruptable(body) -> GraphQL PodRentInterruptable
  //   startSpot: api().podBidResume(body) -> GraphQL PodBidResume

  /** Configured from the environment (the ServiceLoader entry point). */
  public RunpodProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  public RunpodProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  public RunpodProvider configure(ProviderConfig config) {
    return new RunpodProvider(config);
  }

  // offers: api().gpuTypes(body) -> GraphQL GpuTypes
  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    throw new UnsupportedOperationException("RunpodProvider.fetchOffers: return the offers of the bound operation as Offer records (the base caches and filters them) (bound: api().gpuTypes(body))");
  }

  // launch: api().podFindAndDeployOnDemand(body) -> GraphQL PodFindAndDeployOnDemand
  @Override
  protected Instance launchInstance(LaunchRequest request) {
    throw new UnsupportedOperationException("RunpodProvider.launchInstance: launch once, tagged with request.clientToken() (the base resolves ambiguous failures) (bound: api().podFindAndDeployOnDemand(body))");
  }

  // terminate: api().podTerminate(body) -> GraphQL PodTerminate
  @Override
  protected void terminateInstance(String instanceId) {
    throw new UnsupportedOperationException("RunpodProvider.terminateInstance: terminate; a NotFoundException for an instance already gone counts as success (bound: api().podTerminate(body))");
  }

  // get: api().pod(body) -> GraphQL Pod
  @Override
  public Optional<Instance> get(String instanceId) {
    throw new UnsupportedOperationException("RunpodProvider.get: return the instance, or Optional.empty() when the provider no longer knows it (bound: api().pod(body))");
  }

  // list: api().myPods() -> GraphQL MyPods
  @Override
  public List<Instance> list() {
    throw new UnsupportedOperationException("RunpodProvider.list: return every instance of the account, all pages (bound: api().myPods())");
  }

  // stop: api().podStop(body) -> GraphQL PodStop
  @Override
  public Instance stop(String instanceId) {
    throw new UnsupportedOperationException("RunpodProvider.stop: stop, keeping the disk (bound: api().podStop(body))");
  }

  // start: api().podResume(body) -> GraphQL PodResume
  @Override
  public Instance start(String instanceId) {
    throw new UnsupportedOperationException("RunpodProvider.start: start a stopped instance (bound: api().podResume(body))");
  }
}
