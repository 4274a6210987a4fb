package dev.providerapi.tensordock;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.SshKeys;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.tensordock.model.CreateInstanceAttributes;
import dev.providerapi.tensordock.model.CreateInstanceRequest;
import dev.providerapi.tensordock.model.CreateInstanceRequestData;
import dev.providerapi.tensordock.model.CreateInstanceType;
import dev.providerapi.tensordock.model.CreateResources;
import dev.providerapi.tensordock.model.GetInstanceResponse;
import dev.providerapi.tensordock.model.GpuCount;
import dev.providerapi.tensordock.model.InstanceDetail;
import dev.providerapi.tensordock.model.InstanceGpu;
import dev.providerapi.tensordock.model.InstanceResources;
import dev.providerapi.tensordock.model.InstanceSummary;
import dev.providerapi.tensordock.model.Location;
import dev.providerapi.tensordock.model.LocationsResponse;
import dev.providerapi.tensordock.model.PortForward;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorDock (v2 API) behind the common interface. Hand-written: only what provider.yaml cannot say.
 *
 * <ul>
 *   <li>Offers are location x GPU model x GPU count (1 to the location's {@code max_count}); see
 *       {@link LocationOffers} for ids and prices.
 *   <li>TensorDock has no tags, so the client token is the instance name ({@code <name>-<token>} when the
 *       caller names the instance); provider.yaml's {@code clientToken} makes the base look it up by name.
 *   <li>The startup script and environment become a cloud-init object ({@link CloudInitScript}).
 *   <li>One SSH key is required: public key text goes in {@code ssh_key}, anything else is taken as the id of
 *       a stored SSHKEY secret ({@code ssh_key_id}).
 * </ul>
 */
@AutoService(Provider.class)
public final class TensordockProvider extends TensordockProviderBase {

  /** The OS image when the caller names none (the one TensorDock's docs deploy). */
  static final String DEFAULT_IMAGE = "ubuntu2404";

  private static final Logger LOG = LoggerFactory.getLogger(TensordockProvider.class);

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public TensordockProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public TensordockProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    LocationsResponse response = api().listLocations();
    if (response == null || response.data() == null || response.data().locations() == null) {
      return List.of();
    }
    LocationOffers offers = new LocationOffers(name(), this::gpuType);
    List<Offer> out = new ArrayList<>();
    for (Location location : response.data().locations()) {
      out.addAll(offers.of(location));
    }
    return out;
  }

  @Override
  protected CreateInstanceRequest launchBody(LaunchRequest request) {
    // Everything that can be refused locally is checked before any call.
    CloudInitScript.Result cloudInit;
    try {
      cloudInit = CloudInitScript.of(request.startupScript(), request.env());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tensordock launch: " + e.getMessage(), e);
    }
    String key = SshKeys.exactlyOne(name(), request.sshKeys(), "public key text or the id of a stored SSHKEY secret");
    boolean publicKey = SshKeys.isPublicKey(key);
    OfferIds.Counted explicit = request.offerId() != null ? offerId(request.offerId()) : null;
    Placement placement = placement(request, explicit);
    CreateInstanceAttributes attributes = CreateInstanceAttributes.builder()
        .name(instanceName(request))
        .type(CreateInstanceType.VIRTUALMACHINE)
        .image(Values.isBlank(request.image()) ? DEFAULT_IMAGE : request.image())
        .resources(CreateResources.builder()
            .vcpuCount(placement.resources().vcpus())
            .ramGb(placement.resources().ramGb())
            .storageGb(LocationOffers.storageGb(request.diskGb()))
            .gpus(Map.of(placement.gpu(), new GpuCount(placement.count())))
            .build())
        .locationId(placement.locationId())
        .useDedicatedIp(placement.dedicatedIp())
        .sshKey(publicKey ? key : null)
        .sshKeyId(publicKey ? null : key)
        .cloudInit(cloudInit.cloudInit())
        .build();
    return new CreateInstanceRequest(
        new CreateInstanceRequestData(CreateInstanceType.VIRTUALMACHINE, attributes));
  }

  // ---- get, list, lookup by name, terminate, stop, start: TensordockProviderBase, from provider.yaml ----

  /** The detailed instance (flat, or wrapped in {@code data}) as ours. */
  @Override
  protected Instance toInstance(GetInstanceResponse response) {
    return toInstance(response.data() != null ? response.data() : flat(response));
  }

  /** A list entry as ours: the same fields as the detailed answer, without port forwards. */
  @Override
  protected Instance toInstance(InstanceSummary summary) {
    var a = summary.attributes();
    return toInstance(a == null ? new InstanceDetail(summary.type(), summary.id(), null, null, null, null, null, null)
        : new InstanceDetail(summary.type(), summary.id(), a.name(), a.status(), a.ipAddress(), null, a.resources(),
            a.rateHourly()));
  }

  /** provider.yaml's instanceFields, plus the GPUs, the price and the SSH port. */
  private Instance toInstance(InstanceDetail d) {
    Instance.Builder b = instanceFields(d).sshPort(sshPort(d));
    gpus(b, d.resources(), d.rateHourly());
    return b.build();
  }

  private void gpus(Instance.Builder b, @Nullable InstanceResources resources,
      java.math.@Nullable BigDecimal rateHourly) {
    int count = 0;
    String model = null;
    if (resources != null && resources.gpus() != null) {
      for (Map.Entry<String, InstanceGpu> e : resources.gpus().entrySet()) {
        model = e.getValue() != null && e.getValue().v0Name() != null ? e.getValue().v0Name() : e.getKey();
        count += e.getValue() == null || e.getValue().count() == null ? 0 : e.getValue().count();
      }
    }
    if (model != null) {
      b.instanceType(model).gpu(gpuType(model)).gpuCount(count);
    }
    if (rateHourly != null) {
      b.pricing(Pricing.onDemand(rateHourly, Math.max(count, 1)));
    }
  }

  /** The public port that reaches the VM's SSH (22): a port forward if there is one, else 22 itself. */
  private static @Nullable Integer sshPort(InstanceDetail d) {
    if (d.portForwards() != null) {
      for (PortForward p : d.portForwards()) {
        if (p.internalPort() != null && p.internalPort() == 22 && p.externalPort() != null) {
          return p.externalPort();
        }
      }
    }
    return d.ipAddress() == null ? null : 22;
  }

  private static InstanceDetail flat(GetInstanceResponse r) {
    return new InstanceDetail(r.type(), r.id(), r.name(), r.status(), r.ipAddress(), r.portForwards(),
        r.resources(), r.rateHourly());
  }

  /** Where and what to deploy. */
  record Placement(String locationId, String gpu, int count, LocationOffers.Resources resources,
      boolean dedicatedIp) {}

  /** From the offer id, from instanceType (GPU v0Name) + region (location id), or the cheapest matching offer. */
  private Placement placement(LaunchRequest request, OfferIds.@Nullable Counted explicit) {
    if (explicit != null) {
      return placementFor(explicit);
    }
    if (request.instanceType() != null && request.region() != null) {
      return placementFor(new OfferIds.Counted(request.instanceType(), request.gpuCount(), request.region()));
    }
    return placementFor(offerId(offerSource.requireCheapest(request, true).id()));
  }

  /**
   * The offer's resources when it is listed now. When the listing cannot be read, the defaults are sent and
   * TensorDock's own checks decide: the caller named the place, so a failed read must not block the launch.
   */
  private Placement placementFor(OfferIds.Counted id) {
    Optional<Offer> listed;
    try {
      listed = offers(OfferFilter.any()).stream().filter(o -> o.id().equals(id.toString())).findFirst();
    } catch (ProviderException e) {
      LOG.warn("tensordock: could not read locations before launching {} ({}); sending default resources", id,
          e.getMessage());
      listed = Optional.empty();
    }
    LocationOffers.Resources resources = listed
        .filter(o -> o.vcpus() != null && o.memoryGib() != null)
        .map(o -> new LocationOffers.Resources(o.vcpus(), o.memoryGib().intValue()))
        .orElseGet(() -> LocationOffers.defaultResources(id.count(), null, null));
    boolean dedicatedIp = listed.map(o -> !"false".equals(o.details().get("dedicatedIpAvailable"))).orElse(true);
    return new Placement(id.tail(), id.head(), id.count(), resources, dedicatedIp);
  }

  private OfferIds.Counted offerId(String id) {
    return OfferIds.counted(name(), id, "geforcertx4090-pcie-24gb/2/<location id>");
  }
}
