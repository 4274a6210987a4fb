// Hand-written adapter. provider-api wrote this skeleton once (./provider-api hyperstack) and will never overwrite it: it is yours to edit.
package dev.providerapi.hyperstack;

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
 * Hyperstack Infrahub API behind the common {@link Provider} interface.
 *
 * <p>Everything provider.yaml declares (base URL, auth, rate limits, error rules, status mapping, regions,
 * GPU aliases, capabilities: RESTART, STOP_START) is already in the generated {@link HyperstackProviderBase}. This
 * class holds only what is really Hyperstack Infrahub API-specific: turning the generated API's types into ours.
 * Replace each UnsupportedOperationException below with the real mapping.
 */
@AutoService(Provider.class)
public final class HyperstackProvider extends HyperstackProviderBase {

  /** Configured from the environment (the ServiceLoader entry point). */
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

  // offers: api().listFlavors() -> GET /core/flavors
  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    throw new UnsupportedOperationException("HyperstackProvider.fetchOffers: return the offers of the bound operation as Offer records (the base caches and filters them) (bound: api().listFlavors())");
  }

  // launch: api().createVMs(body) -> POST /core/virtual-machines
  @Override
  protected Instance launchInstance(LaunchRequest request) {
    throw new UnsupportedOperationException("HyperstackProvider.launchInstance: launch once, tagged with request.clientToken() (the base resolves ambiguous failures) (bound: api().createVMs(body))");
  }

  // terminate: api().deleteVm(vmId) -> DELETE /core/virtual-machines/{vm_id}
  @Override
  protected void terminateInstance(String instanceId) {
    throw new UnsupportedOperationException("HyperstackProvider.terminateInstance: terminate; a NotFoundException for an instance already gone counts as success (bound: api().deleteVm(vmId))");
  }

  // get: api().getVm(vmId) -> GET /core/virtual-machines/{vm_id}
  @Override
  public Optional<Instance> get(String instanceId) {
    throw new UnsupportedOperationException("HyperstackProvider.get: return the instance, or Optional.empty() when the provider no longer knows it (bound: api().getVm(vmId))");
  }

  // list: api().listVMs() -> GET /core/virtual-machines
  @Override
  public List<Instance> list() {
    throw new UnsupportedOperationException("HyperstackProvider.list: return every instance of the account, all pages (bound: api().listVMs())");
  }

  // stop: api().stopVm(vmId) -> GET /core/virtual-machines/{vm_id}/stop
  @Override
  public Instance stop(String instanceId) {
    throw new UnsupportedOperationException("HyperstackProvider.stop: stop, keeping the disk (bound: api().stopVm(vmId))");
  }

  // start: api().startVm(vmId) -> GET /core/virtual-machines/{vm_id}/start
  @Override
  public Instance start(String instanceId) {
    throw new UnsupportedOperationException("HyperstackProvider.start: start a stopped instance (bound: api().startVm(vmId))");
  }

  // restart: api().hardRebootVm(vmId) -> GET /core/virtual-machines/{vm_id}/hard-reboot
  @Override
  public Instance restart(String instanceId) {
    throw new UnsupportedOperationException("HyperstackProvider.restart: restart (reboot) (bound: api().hardRebootVm(vmId))");
  }
}
