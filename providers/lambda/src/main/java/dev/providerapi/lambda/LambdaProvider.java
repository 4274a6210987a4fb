package dev.providerapi.lambda;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.lambda.model.AddSshKeyRequest;
import dev.providerapi.lambda.model.AddSshKeyResponse;
import dev.providerapi.lambda.model.ImageSpecificationFamily;
import dev.providerapi.lambda.model.ImageSpecificationId;
import dev.providerapi.lambda.model.InstanceLaunchRequest;
import dev.providerapi.lambda.model.InstanceLaunchRequestImage;
import dev.providerapi.lambda.model.InstanceType;
import dev.providerapi.lambda.model.InstanceTypesItem;
import dev.providerapi.lambda.model.RequestedTagEntry;
import dev.providerapi.lambda.model.SshKey;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.SshKeys;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.spi.StartupScripts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lambda Cloud behind the common interface. Hand-written: only what provider.yaml cannot say.
 *
 * <ul>
 *   <li>Offers are instance types x regions that report capacity now; prices come in cents per hour.
 *   <li>A launch is tagged twice with its client token: as the instance name (unless the caller names it) and
 *       as the tag {@code provider-api-client-token} (provider.yaml's {@code clientToken}), so an ambiguous failure can be resolved by lookup.
 *   <li>Lambda takes SSH keys by the name they were registered under; a public key given instead is
 *       registered once (named after its fingerprint) and reused.
 *   <li>The startup script and environment go into cloud-init {@code user_data}.
 * </ul>
 */
@AutoService(Provider.class)
public final class LambdaProvider extends LambdaProviderBase {

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public LambdaProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public LambdaProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    List<Offer> offers = new ArrayList<>();
    Map<String, InstanceTypesItem> types = api().listInstanceTypes();
    types.values().stream()
        .sorted(Comparator.comparing(item -> item.instanceType().name()))
        .forEach(item -> {
          InstanceType type = item.instanceType();
          int gpus = gpuCount(type);
          if (gpus == 0 || item.regionsWithCapacityAvailable() == null) {
            return; // CPU-only types are not GPU offers
          }
          for (dev.providerapi.lambda.model.Region region : item.regionsWithCapacityAvailable()) {
            offers.add(Offer.builder(name(), type.name() + "@" + region.name())
                .instanceType(type.name())
                .gpu(gpuType(type.name()))
                .gpuCount(gpus)
                .region(region.name())
                .pricing(Pricing.onDemand(Values.usdFromCents(type.priceCentsPerHour()), gpus))
                .vcpus(type.specs() == null ? null : type.specs().vcpus())
                .memoryGib(type.specs() == null ? null : Values.decimal(type.specs().memoryGib()))
                .diskGib(type.specs() == null ? null : Values.decimal(type.specs().storageGib()))
                .detail("description", type.description())
                .detail("gpuDescription", type.gpuDescription())
                .detail("regionDescription", region.description())
                .build());
          }
        });
    return offers;
  }

  @Override
  protected InstanceLaunchRequest launchBody(LaunchRequest request) {
    OfferIds.TypeAtRegion placement = typeAtRegion(request, "gpu_1x_h100_sxm5@us-east-1");
    return InstanceLaunchRequest.builder()
        .regionName(placement.region())
        .instanceTypeName(placement.instanceType())
        .sshKeyNames(List.of(sshKeyName(request.sshKeys())))
        .name(Values.truncate(request.effectiveName(), 64))
        .image(image(request.image()))
        .userData(StartupScripts.withEnv(request.startupScript(), request.env()))
        .tags(List.of(new RequestedTagEntry(CLIENT_TOKEN_KEY, request.clientToken())))
        .build();
  }

  /** Lambda's instance as ours: provider.yaml's instanceFields, plus the GPUs, the price and the Jupyter URL. */
  @Override
  protected Instance toInstance(dev.providerapi.lambda.model.Instance i) {
    InstanceType type = i.instanceType();
    int gpus = type == null ? 0 : gpuCount(type);
    return instanceFields(i)
        .gpu(type == null || gpus == 0 ? null : gpuType(type.name()))
        .gpuCount(gpus)
        .pricing(type == null || type.priceCentsPerHour() == null ? null
            : Pricing.onDemand(Values.usdFromCents(type.priceCentsPerHour()), Math.max(gpus, 1)))
        .detail("jupyterUrl", Values.withoutQuery(i.jupyterUrl()))
        .build();
  }

  /** Lambda takes exactly one SSH key, by its registered name; a public key is registered (once) first. */
  private String sshKeyName(List<String> sshKeys) {
    String key = SshKeys.exactlyOne(name(), sshKeys, "a registered key name or a public key");
    if (!SshKeys.isPublicKey(key)) {
      return key;
    }
    for (SshKey existing : api().listSshKeys()) {
      if (existing.publicKey() != null && SshKeys.sameKey(existing.publicKey(), key)) {
        return existing.name();
      }
    }
    String name = SshKeys.registeredName(key);
    AddSshKeyResponse added = api().addSshKey(new AddSshKeyRequest(name, key));
    return added instanceof SshKey registered ? registered.name() : name;
  }

  /** {@code id:<image id>} or {@code family:<name>}; a bare value is a family (e.g. {@code lambda-stack-22-04}). */
  private static @Nullable InstanceLaunchRequestImage image(@Nullable String image) {
    if (image == null || image.isBlank()) {
      return null;
    }
    if (image.startsWith("id:")) {
      return new ImageSpecificationId(image.substring(3));
    }
    return new ImageSpecificationFamily(image.startsWith("family:") ? image.substring(7) : image);
  }

  private int gpuCount(InstanceType type) {
    if (type.specs() != null && type.specs().gpus() != null) {
      return type.specs().gpus();
    }
    return gpuCountIn(type.name()).orElse(0);
  }
}
