package dev.providerapi.coreweave;

import com.fasterxml.jackson.databind.node.TextNode;
import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.coreweave.model.NetworkTcp;
import dev.providerapi.coreweave.model.ObjectMeta;
import dev.providerapi.coreweave.model.OsType;
import dev.providerapi.coreweave.model.ResourcesGpu;
import dev.providerapi.coreweave.model.RootSource;
import dev.providerapi.coreweave.model.SourcePvc;
import dev.providerapi.coreweave.model.StorageRoot;
import dev.providerapi.coreweave.model.VirtualServer;
import dev.providerapi.coreweave.model.VirtualServerSpec;
import dev.providerapi.coreweave.model.VirtualServerSpecNetwork;
import dev.providerapi.coreweave.model.VirtualServerSpecOs;
import dev.providerapi.coreweave.model.VirtualServerSpecResources;
import dev.providerapi.coreweave.model.VirtualServerSpecStorage;
import dev.providerapi.coreweave.model.VirtualServerSpecUsersItem;
import dev.providerapi.coreweave.model.VirtualServerStatusConditionsItem;
import dev.providerapi.kube.Kubeconfig;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.PriceSource;
import dev.providerapi.lifecycle.CatalogPrices;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.spi.StartupScripts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CoreWeave (Kubernetes VirtualServer CRD) behind the common interface. Hand-written: only what provider.yaml
 * cannot say.
 *
 * <ul>
 *   <li>Offers come from provider.yaml's {@code offerCatalog} (CoreWeave lists none): one per GPU class, count and
 *       region, priced from the declared list price and marked {@link PriceSource#CATALOG} with its date.
 *       Offer ids read {@code <gpu class>/<count>/<region>}.
 *   <li>A launch creates a VirtualServer whose name is the client token made Kubernetes-name-safe: a second
 *       create with the same token gets 409 AlreadyExists, which the base resolves to the server already there
 *       (provider.yaml's {@code nameTaken}).
 *   <li>Image = the OS image PVC in {@value #IMAGE_NAMESPACE} (e.g.
 *       {@code ubuntu2004-nvidia-515-86-01-1-docker-master-20221205-ord1}); root disk on
 *       {@code block-nvme-<region>}; SSH keys go to one user, {@value #USERNAME}; the startup script and env
 *       become cloud-init that writes and runs the script.
 *   <li>Status is the Ready condition's reason, or VirtualServerStarted's when that says it is stopped.
 * </ul>
 */
@AutoService(Provider.class)
public final class CoreweaveProvider extends CoreweaveProviderBase {
  static final String CLIENT_TOKEN_LABEL = CLIENT_TOKEN_KEY;
  static final String IMAGE_NAMESPACE = "vd-images";
  static final String USERNAME = "user";
  static final String STARTUP_PATH = "/usr/local/bin/provider-api-startup.sh";
  static final int DEFAULT_DISK_GB = 40;

  private final CatalogPrices prices = CatalogPrices.of(DESCRIPTOR.offerCatalog());

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public CoreweaveProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config} and the kubeconfig fabric8 finds.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public CoreweaveProvider(ProviderConfig config) {
    super(config);
  }

  /**
   * An adapter that runs with {@code config} and {@code kubeconfig} (e.g. {@link Kubeconfig#fromYaml} of the file
   * CoreWeave issues); {@code configure} copies through this.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   * @param kubeconfig where server, token, TLS and the namespace come from, unless {@code config} gives them
   */
  public CoreweaveProvider(ProviderConfig config, Kubeconfig kubeconfig) {
    super(config, kubeconfig);
  }

  // ---- offers ----

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    return prices.offers(name(), this::gpuType);
  }

  // ---- launch ----

  @Override
  protected Instance launchInstance(LaunchRequest request) {
    if (request.image() == null || request.image().isBlank()) {
      throw new IllegalArgumentException("coreweave launches need an image: the name of an OS image PVC in namespace "
          + IMAGE_NAMESPACE + ", e.g. ubuntu2004-nvidia-515-86-01-1-docker-master-20221205-ord1");
    }
    OfferIds.Counted placement = catalogPlacement(request); // <gpu class>/<count>/<region>
    String name = instanceIdForClientToken(request.clientToken()); // provider.yaml's clientToken.kubernetesName
    // A repeated create gets 409 AlreadyExists: provider.yaml's nameTaken resolves it (CoreweaveProviderBase).
    return toInstance(api().createVirtualServer(namespace(), virtualServer(name, request, placement)));
  }

  VirtualServer virtualServer(String name, LaunchRequest request, OfferIds.Counted placement) {
    String region = placement.tail();
    int diskGb = request.diskGb() == null ? DEFAULT_DISK_GB : request.diskGb();
    List<VirtualServerSpecUsersItem> users = List.of();
    if (!request.sshKeys().isEmpty()) {
      users = List.of(VirtualServerSpecUsersItem.builder().username(USERNAME)
          .sshpublickey(String.join("\n", request.sshKeys())).build());
    }
    VirtualServerSpec spec = VirtualServerSpec.builder()
        .region(region)
        .os(VirtualServerSpecOs.builder().type(OsType.LINUX).build())
        .initializeRunning(true)
        .resources(VirtualServerSpecResources.builder()
            .gpu(ResourcesGpu.builder().type(placement.head()).count(placement.count()).build())
            .build())
        .storage(VirtualServerSpecStorage.builder().root(StorageRoot.builder()
            .size(TextNode.valueOf(diskGb + "Gi"))
            .storageClassName("block-nvme-" + region.toLowerCase(Locale.ROOT))
            .source(RootSource.builder().pvc(SourcePvc.builder()
                .namespace(IMAGE_NAMESPACE).name(request.image()).build()).build())
            .build()).build())
        .users(users.isEmpty() ? null : users)
        .network(VirtualServerSpecNetwork.builder().public_(true)
            .tcp(NetworkTcp.builder().ports(List.of(22)).build()).build())
        .cloudInit(StartupScripts.asCloudConfig(request.startupScript(), request.env(), STARTUP_PATH))
        .build();
    return VirtualServer.builder()
        .apiVersion("virtualservers.coreweave.com/v1alpha1")
        .kind("VirtualServer")
        .metadata(ObjectMeta.builder().name(name).labels(Map.of(CLIENT_TOKEN_LABEL, name)).build())
        .spec(spec)
        .build();
  }

  // ---- get, list, terminate, stop, start, the token's name: CoreweaveProviderBase, from provider.yaml ----

  // ---- mapping ----

  @Override
  protected Instance toInstance(VirtualServer vs) {
    ObjectMeta meta = vs.metadata() == null ? ObjectMeta.builder().build() : vs.metadata();
    String raw = rawStatus(vs);
    Instance.Builder b = Instance.builder(name(), meta.name())
        .name(meta.name())
        .status(mapStatus(raw))
        .rawStatus(raw)
        .clientToken(meta.labels() == null ? null : meta.labels().get(CLIENT_TOKEN_LABEL))
        .createdAt(meta.creationTimestamp() == null ? null : meta.creationTimestamp().toInstant());
    VirtualServerSpec spec = vs.spec();
    if (spec != null) {
      b.region(spec.region());
      if (spec.resources() != null && spec.resources().gpu() != null && spec.resources().gpu().type() != null) {
        ResourcesGpu gpu = spec.resources().gpu();
        int count = gpu.count() == null ? 1 : gpu.count();
        b.instanceType(gpu.type()).gpu(gpuType(gpu.type())).gpuCount(count);
        prices.pricing(gpu.type(), count).ifPresent(b::pricing);
      }
    }
    if (vs.status() != null && vs.status().network() != null) {
      b.publicIp(vs.status().network().externalIp());
      b.detail("internalIp", vs.status().network().internalIp());
      if (vs.status().network().externalIp() != null) {
        b.sshPort(22);
      }
    }
    return b.build();
  }

  /**
   * Terminating while a deletion is under way; else VirtualServerStarted's reason when it says the VM is not
   * running (stopped, shut down); else the Ready condition's reason; Pending before the controller reports any.
   */
  static String rawStatus(VirtualServer vs) {
    if (vs.metadata() != null && vs.metadata().deletionTimestamp() != null) {
      return "Terminating";
    }
    List<VirtualServerStatusConditionsItem> conditions = vs.status() == null || vs.status().conditions() == null
        ? List.of() : vs.status().conditions();
    VirtualServerStatusConditionsItem started = condition(conditions, "VirtualServerStarted");
    if (started != null && started.status() != null && "False".equals(started.status().value())
        && started.reason() != null && !started.reason().isBlank()) {
      return started.reason();
    }
    VirtualServerStatusConditionsItem ready = condition(conditions, "Ready");
    return ready == null || ready.reason() == null || ready.reason().isBlank() ? "Pending" : ready.reason();
  }

  private static @Nullable VirtualServerStatusConditionsItem condition(List<VirtualServerStatusConditionsItem> all,
      String type) {
    return all.stream().filter(c -> type.equals(c.type())).findFirst().orElse(null);
  }
}
