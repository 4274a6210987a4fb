// Hand-written adapter. provider-api wrote this skeleton once (./provider-api paperspace) and will never overwrite it: it is yours to edit.
package dev.providerapi.paperspace;

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
 * Paperspace behind the common {@link Provider} interface.
 *
 * <p>Everything provider.yaml declares (base URL, auth, rate limits, error rules, status mapping, regions,
 * GPU aliases, capabilities: CUSTOM_IMAGE, DISK_SIZE, ENV_VARS, RESTART, STARTUP_SCRIPT, STOP_START) is already in the generated {@link PaperspaceProviderBase}. This
 * class holds only what is really Paperspace-specific: turning the generated API's types into ours.
 * Replace each UnsupportedOperationException below with the real mapping.
 */
@AutoService(Provider.class)
public final class PaperspaceProvider extends PaperspaceProviderBase {

  /** Configured from the environment (the ServiceLoader entry point). */
  public PaperspaceProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  public PaperspaceProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  public PaperspaceProvider configure(ProviderConfig config) {
    return new PaperspaceProvider(config);
  }

  // offers: api().getMachineAvailability(machineType, region) -> GET /machine-availability
  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    throw new UnsupportedOperationException("PaperspaceProvider.fetchOffers: return the offers of the bound operation as Offer records (the base caches and filters them) (bound: api().getMachineAvailability(machineType, region))");
  }

  // launch: api().createMachine(body) -> POST /machines
  @Override
  protected Instance launchInstance(LaunchRequest request) {
    throw new UnsupportedOperationException("PaperspaceProvider.launchInstance: launch once, tagged with request.clientToken() (the base resolves ambiguous failures) (bound: api().createMachine(body))");
  }

  // terminate: api().deleteMachine(id) -> DELETE /machines/{id}
  @Override
  protected void terminateInstance(String instanceId) {
    throw new UnsupportedOperationException("PaperspaceProvider.terminateInstance: terminate; a NotFoundException for an instance already gone counts as success (bound: api().deleteMachine(id))");
  }

  // get: api().getMachine(id) -> GET /machines/{id}
  @Override
  public Optional<Instance> get(String instanceId) {
    throw new UnsupportedOperationException("PaperspaceProvider.get: return the instance, or Optional.empty() when the provider no longer knows it (bound: api().getMachine(id))");
  }

  // list: api().listMachines() -> GET /machines
  @Override
  public List<Instance> list() {
    throw new UnsupportedOperationException("PaperspaceProvider.list: return every instance of the account, all pages (bound: api().listMachines())");
  }

  // stop: api().stopMachine(id) -> PATCH /machines/{id}/stop
  @Override
  public Instance stop(String instanceId) {
    throw new UnsupportedOperationException("PaperspaceProvider.stop: stop, keeping the disk (bound: api().stopMachine(id))");
  }

  // start: api().startMachine(id) -> PATCH /machines/{id}/start
  @Override
  public Instance start(String instanceId) {
    throw new UnsupportedOperationException("PaperspaceProvider.start: start a stopped instance (bound: api().startMachine(id))");
  }

  // restart: api().restartMachine(id) -> PATCH /machines/{id}/restart
  @Override
  public Instance restart(String instanceId) {
    throw new UnsupportedOperationException("PaperspaceProvider.restart: restart (reboot) (bound: api().restartMachine(id))");
  }
}
