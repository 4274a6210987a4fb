// Hand-written adapter. provider-api wrote this skeleton once (./provider-api coreweave) and will never overwrite it: it is yours to edit.
package dev.providerapi.coreweave;

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
 * CoreWeave behind the common {@link Provider} interface.
 *
 * <p>Everything provider.yaml declares (base URL, auth, rate limits, error rules, status mapping, regions,
 * GPU aliases, capabilities: CUSTOM_IMAGE, DISK_SIZE, ENV_VARS, SSH_KEYS, STARTUP_SCRIPT, STOP_START) is already in the generated {@link CoreweaveProviderBase}. This
 * class holds only what is really CoreWeave-specific: turning the generated API's types into ours.
 * Replace each UnsupportedOperationException below with the real mapping.
 */
@AutoService(Provider.class)
public final class CoreweaveProvider extends CoreweaveProviderBase {

  /** Configured from the environment (the ServiceLoader entry point). */
  public CoreweaveProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  public CoreweaveProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  public CoreweaveProvider configure(ProviderConfig config) {
    return new CoreweaveProvider(config);
  }

  // No operation is bound to this method under provider.yaml operations.
  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    throw new UnsupportedOperationException("CoreweaveProvider.fetchOffers: return the offers of the bound operation as Offer records (the base caches and filters them) (no operation is bound under provider.yaml operations)");
  }

  // launch: api().createVirtualServer(namespace, body) -> POST /apis/virtualservers.coreweave.com/v1alpha1/namespaces/{namespace}/virtualservers
  @Override
  protected Instance launchInstance(LaunchRequest request) {
    throw new UnsupportedOperationException("CoreweaveProvider.launchInstance: launch once, tagged with request.clientToken() (the base resolves ambiguous failures) (bound: api().createVirtualServer(namespace, body))");
  }

  // terminate: api().deleteVirtualServer(namespace, name) -> DELETE /apis/virtualservers.coreweave.com/v1alpha1/namespaces/{namespace}/virtualservers/{name}
  @Override
  protected void terminateInstance(String instanceId) {
    throw new UnsupportedOperationException("CoreweaveProvider.terminateInstance: terminate; a NotFoundException for an instance already gone counts as success (bound: api().deleteVirtualServer(namespace, name))");
  }

  // get: api().getVirtualServer(namespace, name) -> GET /apis/virtualservers.coreweave.com/v1alpha1/namespaces/{namespace}/virtualservers/{name}
  @Override
  public Optional<Instance> get(String instanceId) {
    throw new UnsupportedOperationException("CoreweaveProvider.get: return the instance, or Optional.empty() when the provider no longer knows it (bound: api().getVirtualServer(namespace, name))");
  }

  // list: api().listVirtualservers(namespace) -> GET /apis/virtualservers.coreweave.com/v1alpha1/namespaces/{namespace}/virtualservers
  @Override
  public List<Instance> list() {
    throw new UnsupportedOperationException("CoreweaveProvider.list: return every instance of the account, all pages (bound: api().listVirtualservers(namespace))");
  }

  // stop: api().stopVirtualMachine(namespace, name) -> PUT /apis/subresources.kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}/stop
  @Override
  public Instance stop(String instanceId) {
    throw new UnsupportedOperationException("CoreweaveProvider.stop: stop, keeping the disk (bound: api().stopVirtualMachine(namespace, name))");
  }

  // start: api().startVirtualMachine(namespace, name) -> PUT /apis/subresources.kubevirt.io/v1/namespaces/{namespace}/virtualmachines/{name}/start
  @Override
  public Instance start(String instanceId) {
    throw new UnsupportedOperationException("CoreweaveProvider.start: start a stopped instance (bound: api().startVirtualMachine(namespace, name))");
  }
}
