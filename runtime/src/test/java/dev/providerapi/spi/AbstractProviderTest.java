package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.Capability;
import dev.providerapi.ProviderConfig;
import dev.providerapi.ProviderInfo;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.http.Sleeper;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.Pricing;
import dev.providerapi.model.Region;
import dev.providerapi.testing.FakeClock;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared adapter behaviour, on an in-memory provider shaped like Lambda. */
class AbstractProviderTest {
  static final ProviderDescriptor LAMBDA_LIKE = ProviderDescriptor.builder("lambda")
      .displayName("Lambda Cloud").baseUrl("https://cloud.lambda.ai").consoleUrl("https://cloud.lambda.ai/instances")
      .auth(AuthSpec.bearer("LAMBDA_API_KEY"))
      .status("active", InstanceStatus.RUNNING).status("preempted", InstanceStatus.TERMINATED)
      .preemptedStatus("preempted")
      .capability(Capability.STARTUP_SCRIPT).capability(Capability.CUSTOM_IMAGE)
      .offersCacheTtl(Duration.ofSeconds(30))
      .region(new Region("us-east-1", "us-east", "Virginia")).region(new Region("us-east-3", "us-east", null))
      .region(new Region("us-west-1", "us-west", "California"))
      .gpuNamePattern("^gpu_(?<count>\\d+)x_(?<name>.+)$")
      .gpuAlias("gpu_1x_mystery", "A10-24GB")
      .build();

  final FakeClock clock = new FakeClock();

  class FakeProvider extends AbstractProvider {
    final List<OfferFilter> fetched = new ArrayList<>();
    final List<Instance> instances = new ArrayList<>();
    final List<String> terminateCalls = new ArrayList<>();
    int launchCalls;
    RuntimeException launchFailure;

    FakeProvider(ProviderDescriptor d, ProviderConfig config) {
      super(d, config);
    }

    @Override
    protected List<Offer> fetchOffers(OfferFilter filter) {
      fetched.add(filter);
      return List.of(
          Offer.builder("lambda", "h100-east").instanceType("gpu_8x_h100_sxm5").gpu(gpuType("gpu_8x_h100_sxm5"))
              .gpuCount(8).region("us-east-1").pricing(Pricing.onDemand(new BigDecimal("23.92"), 8)).build(),
          Offer.builder("lambda", "a10-west").instanceType("gpu_1x_a10").gpu(gpuType("gpu_1x_a10"))
              .gpuCount(1).region("us-west-1").pricing(Pricing.onDemand(new BigDecimal("0.75"), 1)).build());
    }

    @Override
    protected Instance launchInstance(LaunchRequest request) {
      launchCalls++;
      if (launchFailure != null) {
        throw launchFailure;
      }
      Instance i = Instance.builder("lambda", "i-" + launchCalls).name(request.effectiveName())
          .status(InstanceStatus.PROVISIONING).build();
      instances.add(i);
      return i;
    }

    @Override
    protected void terminateInstance(String instanceId) {
      terminateCalls.add(instanceId);
      if (instances.stream().noneMatch(i -> i.id().equals(instanceId))) {
        throw new NotFoundException(new ErrorDetails("lambda", "terminateInstance", 404, null, "gone", null, false,
            null), null);
      }
    }

    @Override
    public Optional<Instance> get(String instanceId) {
      return instances.stream().filter(i -> i.id().equals(instanceId)).findFirst();
    }

    @Override
    public List<Instance> list() {
      return List.copyOf(instances);
    }

    @Override
    public FakeProvider configure(ProviderConfig config) {
      return new FakeProvider(descriptor, config);
    }

    @Override
    protected Clock clock() {
      return clock;
    }

    @Override
    protected Sleeper sleeper() {
      return clock.sleeper();
    }

    Optional<Integer> count(String name) {
      return gpuCountIn(name);
    }
  }

  FakeProvider provider() {
    return new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of()).credentialsDeferred(true).build());
  }

  @Test
  void toStringSaysWhatAndWhereAndWhetherTheKeyIsThereNeverTheKey() {
    assertThat(provider()).hasToString("FakeProvider[lambda, https://cloud.lambda.ai, capabilities=[STARTUP_SCRIPT, "
        + "CUSTOM_IMAGE], apiKey=missing (set LAMBDA_API_KEY)]");
    FakeProvider keyed = new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of())
        .apiKey("secret-key-123").baseUrl("http://127.0.0.1:9/lambda").build());
    assertThat(keyed.toString()).isEqualTo("FakeProvider[lambda, http://127.0.0.1:9/lambda, capabilities=[STARTUP_SCRIPT, "
        + "CUSTOM_IMAGE], apiKey=set]").doesNotContain("secret-key-123");
  }

  @Test
  void capabilitiesComeInDeclarationOrderInEveryRun() {
    ProviderDescriptor d = ProviderDescriptor.builder("x").baseUrl("https://x.test").auth(AuthSpec.bearer("X_KEY"))
        .capability(Capability.values()[Capability.values().length - 1]).capability(Capability.values()[0]).build();
    assertThat(d.capabilities()).containsExactly(Capability.values()[0], Capability.values()[Capability.values().length - 1]);
    assertThat(provider().info().capabilities()).containsExactly(Capability.STARTUP_SCRIPT, Capability.CUSTOM_IMAGE);
  }

  @Test
  void aDiscoveryConfigNeedsNoKeyUntilTheFirstCall() {
    FakeProvider p = provider();
    assertThat(p.apiClient()).isSameAs(p.apiClient());
    assertThatThrownBy(() -> p.apiClient().execute(
        new dev.providerapi.http.Operation("listInstances", "GET", "/api/v1/instances", true, "data"),
        dev.providerapi.http.ApiRequest.empty()))
        .hasMessageContaining("set LAMBDA_API_KEY or ProviderConfig.apiKey");
    assertThat(ProviderConfig.fromEnvironment().credentialsDeferred()).isTrue();
    assertThat(ProviderConfig.fromEnvironment().toBuilder().build().credentialsDeferred()).isTrue();
    assertThat(ProviderConfig.builder().build().credentialsDeferred()).isFalse();
  }

  @Test
  void anExplicitConfigWithoutItsKeyFailsAtConfigureNamingTheVariableNeverAValue() {
    assertThatThrownBy(() -> new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of()).build()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class)
        .isInstanceOf(dev.providerapi.errors.AuthenticationException.class)
        .hasMessage("lambda: no credentials: set LAMBDA_API_KEY or ProviderConfig.apiKey");
    assertThatThrownBy(() -> new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of())
        .apiKey("  ").build())).hasMessage("lambda: no credentials: set LAMBDA_API_KEY or ProviderConfig.apiKey");
    assertThat(new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of("LAMBDA_API_KEY", "from-env"))
        .build()).toString()).endsWith("apiKey=set]");
  }

  @Test
  void everyAuthStyleIsCheckedAtConfigure() {
    ProviderConfig none = ProviderConfig.builder().environment(Map.of()).build();
    java.util.function.Function<AuthSpec, ProviderDescriptor> with =
        auth -> ProviderDescriptor.builder("acme").baseUrl("https://acme.test").auth(auth).build();
    assertThatThrownBy(() -> new FakeProvider(with.apply(AuthSpec.basic("ACME_KEY")), none))
        .hasMessage("acme: no credentials: set ACME_KEY or ProviderConfig.apiKey");
    assertThatThrownBy(() -> new FakeProvider(with.apply(AuthSpec.header("X-Api-Key", null, "ACME_KEY")), none))
        .hasMessage("acme: no credentials: set ACME_KEY or ProviderConfig.apiKey");
    assertThatThrownBy(() -> new FakeProvider(with.apply(AuthSpec.query(Map.of("api_key", "ACME_KEY", "api_token",
        "ACME_TOKEN"))), ProviderConfig.builder().environment(Map.of("ACME_KEY", "k")).build()))
        .hasMessage("acme: no credentials: set ACME_TOKEN or ProviderConfig.secret(\"ACME_TOKEN\", ...) for query"
            + " parameter api_token")
        .hasMessageNotContaining("k,");
    new FakeProvider(with.apply(AuthSpec.query(Map.of("api_key", "ACME_KEY"))),
        ProviderConfig.builder().environment(Map.of()).secret("ACME_KEY", "k").build());
    new FakeProvider(with.apply(AuthSpec.none()), none);
    new FakeProvider(with.apply(AuthSpec.kubeconfig()), none); // the adapter checks its own kubeconfig
  }

  @Test
  void infoComesFromTheDescriptorAndCatalog() {
    ProviderInfo info = provider().info();
    assertThat(info.name()).isEqualTo("lambda");
    assertThat(info.displayName()).isEqualTo("Lambda Cloud");
    assertThat(info.capabilities()).containsExactlyInAnyOrder(Capability.STARTUP_SCRIPT, Capability.CUSTOM_IMAGE);
    assertThat(info.regions()).extracting(Region::providerName).containsExactly("us-east-1", "us-east-3", "us-west-1");
    assertThat(info.gpuTypes()).extracting(GpuType::canonicalName).contains("H100-SXM-80GB", "A10-24GB", "GH200-96GB")
        .doesNotContain("RTX-4090-24GB");
    assertThat(info.consoleUrl()).hasToString("https://cloud.lambda.ai/instances");
  }

  @Test
  void gpuNamesGoThroughAliasesThenThePatternThenTheCatalog() {
    FakeProvider p = provider();
    GpuType h100 = p.gpuType("gpu_1x_h100_sxm5");
    assertThat(h100.canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(h100.providerName()).isEqualTo("gpu_1x_h100_sxm5");
    assertThat(p.gpuType("gpu_8x_a100_80gb_sxm4").canonicalName()).isEqualTo("A100-SXM-80GB");
    assertThat(p.gpuType("gpu_1x_mystery").canonicalName()).isEqualTo("A10-24GB");
    assertThat(p.gpuType("h100_sxm5").canonicalName()).isEqualTo("H100-SXM-80GB");
    GpuType unknown = p.gpuType("gpu_2x_z9000");
    assertThat(unknown.known()).isFalse();
    assertThat(unknown.canonicalName()).isEqualTo("gpu_2x_z9000");
    assertThat(p.count("gpu_8x_h100_sxm5")).contains(8);
    assertThat(p.count("h100_sxm5")).isEmpty();
    assertThat(p.providerGpuName("H100-SXM-80GB")).contains("h100_sxm5");
    assertThat(p.providerGpuName("A10-24GB")).contains("gpu_1x_mystery");
  }

  @Test
  void regionsTranslateBothWays() {
    FakeProvider p = provider();
    assertThat(p.canonicalRegion("us-east-3")).isEqualTo("us-east");
    assertThat(p.canonicalRegion("mars-1")).isEqualTo("mars-1");
    assertThat(p.providerRegions("us-east")).containsExactly("us-east-1", "us-east-3");
    assertThat(p.providerRegions("mars")).isEmpty();
  }

  @Test
  void offersAreListedOncePerTtlAndFilteredClientSideForEveryFilter() {
    FakeProvider p = provider();
    OfferFilter h100 = OfferFilter.builder().gpu("H100").build();
    assertThat(p.offers(h100)).extracting(Offer::id).containsExactly("h100-east");
    assertThat(p.offers(h100)).extracting(Offer::id).containsExactly("h100-east");
    assertThat(p.offers(OfferFilter.builder().region("us-west").build())).extracting(Offer::id).containsExactly("a10-west");
    assertThat(p.fetched).containsExactly(OfferFilter.any());
    clock.advance(Duration.ofSeconds(31));
    p.offers(h100);
    assertThat(p.fetched).hasSize(2);
  }

  @Test
  void aProviderThatFiltersServerSideIsCachedPerServerSideFilter() {
    FakeProvider p = new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of()).apiKey("k").build()) {
      @Override
      protected OfferFilter serverSideFilter(OfferFilter filter) {
        return OfferFilter.builder().gpu(filter.gpu()).build();
      }
    };
    OfferFilter h100 = OfferFilter.builder().gpu("H100").build();
    p.offers(h100);
    p.offers(OfferFilter.builder().gpu("H100").region("us-east").build());
    assertThat(p.fetched).containsExactly(h100);
    p.offers(OfferFilter.builder().gpu("A10").build());
    assertThat(p.fetched).containsExactly(h100, OfferFilter.builder().gpu("A10").build());
  }

  @Test
  void theCheapestOfferForALaunchMatchesGpuCountTypeAndRegion() {
    FakeProvider p = provider();
    assertThat(p.cheapestOfferFor(LaunchRequest.builder().gpu("H100").gpuCount(8).build()))
        .map(Offer::id).hasValue("h100-east");
    assertThat(p.cheapestOfferFor(LaunchRequest.builder().gpu("H100").gpuCount(1).build())).isEmpty();
    assertThat(p.cheapestOfferFor(LaunchRequest.builder().instanceType("gpu_1x_a10").region("us-west").build()))
        .map(Offer::id).hasValue("a10-west");
    assertThat(p.cheapestOfferFor(LaunchRequest.builder().instanceType("gpu_1x_a10").region("us-east").build()))
        .isEmpty();
  }

  @Test
  void aFailedReadBackAfterAChangeIsEmptyNotAnError() {
    FakeProvider ok = provider();
    ok.instances.add(Instance.builder("lambda", "i-1").status(InstanceStatus.RUNNING).build());
    assertThat(ok.readBackAfterChange("i-1")).map(Instance::id).hasValue("i-1");

    FakeProvider failing = new FakeProvider(LAMBDA_LIKE, ProviderConfig.builder().environment(Map.of()).apiKey("k").build()) {
      @Override
      public Optional<Instance> get(String instanceId) {
        throw new IllegalStateException("read failed");
      }
    };
    assertThat(failing.readBackAfterChange("i-1")).isEmpty();
  }

  @Test
  void theConfigTtlOverridesTheDescriptor() {
    FakeProvider p = new FakeProvider(LAMBDA_LIKE,
        ProviderConfig.builder().environment(Map.of()).apiKey("k").offersCacheTtl(Duration.ZERO).build());
    p.offers(OfferFilter.any());
    p.offers(OfferFilter.any());
    assertThat(p.fetched).hasSize(2);
  }

  @Test
  void launchChecksCapabilitiesBeforeSendingAnything() {
    FakeProvider p = provider();
    assertThatThrownBy(() -> p.launch(LaunchRequest.builder().instanceType("t").spotBidPerHour(BigDecimal.ONE).build()))
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.capability()).isEqualTo(Capability.SPOT));
    assertThatThrownBy(() -> p.launch(LaunchRequest.builder().instanceType("t").env("A", "b").build()))
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.capability()).isEqualTo(Capability.ENV_VARS));
    assertThatThrownBy(() -> p.launch(LaunchRequest.builder().instanceType("t").diskGb(100).build()))
        .isInstanceOfSatisfying(UnsupportedCapabilityException.class,
            e -> assertThat(e.capability()).isEqualTo(Capability.DISK_SIZE));
    assertThat(p.launchCalls).isZero();
    Instance ok = p.launch(LaunchRequest.builder().instanceType("t").image("ubuntu").startupScript("echo hi").build());
    assertThat(ok.id()).isEqualTo("i-1");
  }

  @Test
  void anAmbiguousLaunchIsResolvedByTheDefaultTokenLookup() {
    FakeProvider p = provider();
    p.instances.add(Instance.builder("lambda", "i-9").name("pa-abc").status(InstanceStatus.PROVISIONING).build());
    p.launchFailure = new ProviderUnavailableException(new ErrorDetails("lambda", "launchInstance", 0, null,
        "timed out", null, false, null), new HttpTimeoutException("timed out"));
    Instance found = p.launch(LaunchRequest.builder().instanceType("t").clientToken("pa-abc").build());
    assertThat(found.id()).isEqualTo("i-9");
    assertThat(p.launchCalls).isEqualTo(1);
  }

  @Test
  void anAmbiguousLaunchWithNothingFoundIsReportedNotRepeated() {
    FakeProvider p = provider();
    p.launchFailure = new ProviderUnavailableException(new ErrorDetails("lambda", "launchInstance", 502, null,
        "bad gateway", null, false, null), null);
    assertThatThrownBy(() -> p.launch(LaunchRequest.builder().instanceType("t").clientToken("pa-abc").build()))
        .isInstanceOf(LaunchOutcomeUnknownException.class);
    assertThat(p.launchCalls).isEqualTo(1);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void findByClientTokenMatchesTokenOrNameOldestFirst() {
    FakeProvider p = provider();
    p.instances.add(Instance.builder("lambda", "b").clientToken("tok").createdAt(Instant.parse("2026-01-02T00:00:00Z")).build());
    p.instances.add(Instance.builder("lambda", "a").name("tok").createdAt(Instant.parse("2026-01-01T00:00:00Z")).build());
    p.instances.add(Instance.builder("lambda", "c").name("other").build());
    assertThat(p.findByClientToken("tok")).extracting(Instance::id).containsExactly("a", "b");
  }

  @Test
  void terminatingAnInstanceThatIsGoneSucceeds() {
    FakeProvider p = provider();
    p.terminate("i-gone");
    assertThat(p.terminateCalls).containsExactly("i-gone");
  }

  @Test
  void billingStatusWithoutABillingApiIsManual() {
    FakeProvider p = provider();
    p.instances.add(Instance.builder("lambda", "i-1").status(InstanceStatus.RUNNING).market(Market.ON_DEMAND)
        .pricing(Pricing.onDemand(new BigDecimal("2.49"), 1)).build());
    p.instances.add(Instance.builder("lambda", "i-2").status(InstanceStatus.TERMINATED).build());
    BillingStatus running = p.billingStatus("i-1");
    assertThat(running.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(running.accruing()).isTrue();
    assertThat(running.ratePerHour()).isEqualByComparingTo("2.49");
    assertThat(running.message()).contains("https://cloud.lambda.ai/instances");
    assertThat(p.billingStatus("i-2").accruing()).isFalse();
    BillingStatus gone = p.billingStatus("i-404");
    assertThat(gone.accruing()).isFalse();
    assertThat(gone.ratePerHour()).isNull();
  }

  @Test
  void aProviderWithABillingApiMustOverrideBillingStatus() {
    ProviderDescriptor d = ProviderDescriptor.builder("vast").baseUrl("https://console.vast.ai")
        .capability(Capability.BILLING_VERIFICATION).build();
    FakeProvider p = new FakeProvider(d, ProviderConfig.builder().environment(Map.of()).build());
    assertThatThrownBy(() -> p.billingStatus("1")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must override billingStatus");
  }

  @Test
  void statusMappingComesFromTheDescriptor() {
    FakeProvider p = provider();
    assertThat(p.mapStatus("ACTIVE")).isEqualTo(InstanceStatus.RUNNING);
    assertThat(p.mapStatus("hibernating")).isEqualTo(InstanceStatus.UNKNOWN);
    assertThat(p.isPreempted("preempted")).isTrue();
    assertThat(p.isPreempted("active")).isFalse();
    assertThat(p.rateLimits().global()).isEmpty();
  }
}
