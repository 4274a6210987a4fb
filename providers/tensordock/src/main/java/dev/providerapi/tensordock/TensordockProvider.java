// Hand-written adapter. provider-api wrote this skeleton once (./provider-api tensordock) and will never overwrite it: it is yours to edit.
package dev.providerapi.tensordock;

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
 * TensorDock behind the common {@link Provider} interface.
 *
 * <p>Everything provider.yaml declares (base URL, auth, rate limits, error rules, status mapping, regions,
 * GPU aliases, capabilities: CUSTOM_IMAGE, DISK_SIZE, ENV_VARS, SSH_KEYS, STARTUP_SCRIPT, STOP_START) is already in the generated {@link TensordockProviderBase}. This
 * class holds only what is really TensorDock-specific: turning the generated API's types into ours.
 * Replace each UnsupportedOperationException below with the real mapping.
 */
@AutoService(Provider.class)
public final class TensordockProvider extends TensordockProviderBase {

  /** Configured from the environment (the ServiceLoader entry point). */
  public TensordockProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  public TensordockProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  public TensordockProvider configure(ProviderConfig config) {
    return new TensordockProvider(config);
  }

  // offers: api().listLocations() -> GET /locations
  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    throw new UnsupportedOperationException("TensordockProvider.fetchOffers: return the offers of the bound operation as Offer records (the base caches and filters them) (bound: api().listLocations())");
  }

  // launch: api().createInstance(body) -> POST /instances
  @Override
  protected Instance launchInstance(LaunchRequest request) {
    throw new UnsupportedOperationException("TensordockProvider.launchInstance: launch once, tagged with request.clientToken() (the base resolves ambiguous failures) (bound: api().createInstance(body))");
  }

  // terminate: api().deleteInstance(id) -> DELETE /instances/{id}
  @Override
  protected void terminateInstance(String instanceId) {
    throw new UnsupportedOperationException("TensordockProvider.terminateInstance: terminate; a NotFoundException for an instance already gone counts as success (bound: api().deleteInstance(id))");
  }

  // get: api().getInstance(id) -> GET /instances/{id}
  @Override
  public Optional<Instance> get(String instanceId) {
    throw new UnsupportedOperationException("TensordockProvider.get: return the instance, or Optional.empty() when the provider no longer knows it (bound: api().getInstance(id))");
  }

  // list: api().listInstances() -> GET /instances
  @Override
  public List<Instance> list() {
    throw new UnsupportedOperationException("TensordockProvider.list: return every instance of the account, all pages (bound: api().listInstances())");
  }

  // stop: api().stopInstance(id) -> POST /instances/{id}/stop
  @Override
  public Instance stop(String instanceId) {
    throw new UnsupportedOperationException("TensordockProvider.stop: stop, keeping the disk (bound: api().stopInstance(id))");
  }

  // start: api().startInstance(id) -> POST /instances/{id}/start
  @Override
  public Instance start(String instanceId) {
    throw new UnsupportedOperationException("TensordockProvider.start: start a stopped instance (bound: api().startInstance(id))");
  }
}
