// Hand-written adapter. provider-api wrote this skeleton once (./provider-api hyperstack) and will never overwrite it: it is yours to edit.
package dev.providerapi.hyperstack;

import com.google.auto.service.AutoService;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.hyperstack.model.CreateEnvironment;
import dev.providerapi.hyperstack.model.CreateInstancesPayload;
import dev.providerapi.hyperstack.model.EnvironmentFields;
import dev.providerapi.hyperstack.model.Environments;
import dev.providerapi.hyperstack.model.FlavorFields;
import dev.providerapi.hyperstack.model.FlavorItemGetResponse;
import dev.providerapi.hyperstack.model.ImportKeypairPayload;
import dev.providerapi.hyperstack.model.KeypairFields;
import dev.providerapi.hyperstack.model.Keypairs;
import dev.providerapi.hyperstack.model.PricebookModel;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.OfferIds;
import dev.providerapi.lifecycle.Paginator;
import dev.providerapi.lifecycle.SshKeys;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.spi.StartupScripts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Hyperstack (NexGen Cloud Infrahub API v1) behind the common interface. Hand-written: only what provider.yaml
 * cannot say.
 *
 * <ul>
 *   <li>Offers are flavors with a GPU and {@code stock_available}, one per region ({@code flavor@region}),
 *       priced from the pricebook (per GPU-hour, by GPU name); a flavor the pricebook does not price is left out.
 *   <li>A VM lives in an environment (one region): the launch uses {@code provider-api-<region>}, creating it the
 *       first time, and its SSH key pair is registered there (a public key given is imported once).
 *   <li>The client token travels as the label {@code provider-api-token=<token>}, read back into
 *       {@link Instance#clientToken()}.
 *   <li>get, list (every page), the token lookup, terminate (already gone is done), stop, start and hard reboot
 *       (GETs that change state, never retried) come from provider.yaml's bindings in the generated base.
 * </ul>
 */
@AutoService(Provider.class)
public final class HyperstackProvider extends HyperstackProviderBase {
  /** The label prefix carrying a launch's client token. */
  static final String TOKEN_LABEL = CLIENT_TOKEN_KEY + "=";
  static final int PAGE_SIZE = 50;

  /** Configured from the environment: {@link ProviderConfig#fromEnvironment()}. */
  public HyperstackProvider() {
    this(ProviderConfig.fromEnvironment());
  }

  /**
   * An adapter that runs with {@code config}.
   *
   * @param config credentials, base URL, timeouts and limits to run with
   */
  public HyperstackProvider(ProviderConfig config) {
    super(config);
  }

  @Override
  protected List<Offer> fetchOffers(OfferFilter filter) {
    Map<String, BigDecimal> perGpuHour = new HashMap<>();
    for (PricebookModel p : Values.orEmpty(api().getPricebook())) {
      if (p.name() != null && p.value() != null) {
        perGpuHour.put(p.name(), p.value());
      }
    }
    List<Offer> offers = new ArrayList<>();
    for (FlavorItemGetResponse group : Values.orEmpty(api().listFlavors(null).data())) {
      for (FlavorFields f : Values.orEmpty(group.flavors())) {
        int gpus = f.gpuCount() == null ? 0 : f.gpuCount();
        String region = f.regionName() != null ? f.regionName() : group.regionName();
        BigDecimal price = f.gpu() == null ? null : perGpuHour.get(f.gpu());
        if (gpus == 0 || f.name() == null || region == null || !Boolean.TRUE.equals(f.stockAvailable())
            || price == null) {
          continue; // CPU-only, out of stock, or unpriced
        }
        offers.add(Offer.builder(name(), f.name() + "@" + region)
            .instanceType(f.name())
            .gpu(gpuType(f.gpu()))
            .gpuCount(gpus)
            .region(region)
            .pricing(Pricing.onDemand(price.multiply(BigDecimal.valueOf(gpus)), gpus))
            .vcpus(f.cpu())
            .memoryGib(f.ram())
            .diskGib(f.disk() == null ? null : BigDecimal.valueOf(f.disk()))
            .build());
      }
    }
    return offers;
  }

  @Override
  protected CreateInstancesPayload launchBody(LaunchRequest request) {
    String key = SshKeys.exactlyOne(name(), request.sshKeys(), "a key pair name or a public key");
    OfferIds.TypeAtRegion placement = typeAtRegion(request, "n3-H100x1@CANADA-1");
    String userData = StartupScripts.withEnv(request.startupScript(), request.env());
    String environment = environmentIn(placement.region());
    return CreateInstancesPayload.builder()
        .name(Values.truncate(request.effectiveName(), 50))
        .environmentName(environment)
        .flavorName(placement.instanceType())
        .imageName(request.image())
        .keyName(keyName(key, environment))
        .count(1)
        .userData(userData)
        .assignFloatingIp(true)
        .labels(List.of(TOKEN_LABEL + request.clientToken()))
        .build();
  }

  // ---- get, list (all pages), lookup by token, terminate, stop, start, restart: HyperstackProviderBase ----

  /** Our environment in the region ({@code provider-api-<region>}), or any there; created when there is none. */
  private String environmentIn(String region) {
    String ours = "provider-api-" + region;
    List<EnvironmentFields> all = pages("List_environments", page -> {
      Environments answer = api().listEnvironments(String.valueOf(page), String.valueOf(PAGE_SIZE), null);
      return Values.orEmpty(Failures.requireBody(answer, name(), "List_environments").environments());
    });
    Optional<EnvironmentFields> found = all.stream().filter(e -> ours.equals(e.name())).findFirst()
        .or(() -> all.stream().filter(e -> region.equals(e.region()) && e.name() != null).findFirst());
    if (found.isPresent()) {
      return found.get().name();
    }
    api().createEnvironment(new CreateEnvironment(ours, region));
    return ours;
  }

  /** One key pair name in the environment: a name as given, a public key imported once (named by fingerprint). */
  private String keyName(String key, String environment) {
    if (!SshKeys.isPublicKey(key)) {
      return key;
    }
    List<KeypairFields> pairs = pages("List_key_pairs", page -> {
      Keypairs answer = api().listKeyPairs(String.valueOf(page), String.valueOf(PAGE_SIZE), null);
      return Values.orEmpty(Failures.requireBody(answer, name(), "List_key_pairs").keypairs());
    });
    for (KeypairFields k : pairs) {
      if (k.publicKey() != null && SshKeys.sameKey(k.publicKey(), key) && k.environment() != null
          && environment.equals(k.environment().name())) {
        return k.name();
      }
    }
    String name = SshKeys.registeredName(key);
    api().importKeyPair(new ImportKeypairPayload(environment, name, key));
    return name;
  }

  /** Every item of a page-numbered listing (environments, key pairs), read like the base reads List_VMs. */
  private <T> List<T> pages(String operation, IntFunction<List<T>> fetch) {
    return new Paginator(name(), operation).byNumber(1, 1, PAGE_SIZE, fetch);
  }
}
