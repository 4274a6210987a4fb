package dev.providerapi.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.Providers;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-written adapter against a loopback server, on our own copies of Lambda's sample responses
 * ({@code specs/lambda/fixtures/}).
 */
class LambdaProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/lambda/fixtures");
  private static final String KEY = "secret-lambda-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private LambdaProvider lambda;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    lambda = new LambdaProvider(config().build());
  }

  @AfterEach
  void stop() {
    lambda.close();
    server.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5));
  }

  // ---- offers ----

  @Test
  void offersAreInstanceTypesTimesRegionsWithCapacityInUsdPerHourAndPerGpuHour() throws Exception {
    enqueue(200, fixture("listInstanceTypes.response.json"));

    List<Offer> offers = lambda.offers(OfferFilter.any());

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/instance-types");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);

    // 8x H100 SXM5 is offered in its three regions with capacity, nowhere else.
    List<Offer> h100x8 = offers.stream().filter(o -> "gpu_8x_h100_sxm5".equals(o.instanceType())).toList();
    assertThat(h100x8).extracting(Offer::region).containsExactlyInAnyOrder("us-west-3", "us-south-2", "us-south-3");
    Offer offer = h100x8.stream().filter(o -> "us-south-2".equals(o.region())).findFirst().orElseThrow();
    assertThat(offer.id()).isEqualTo("gpu_8x_h100_sxm5@us-south-2");
    assertThat(offer.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(offer.gpu().known()).isTrue();
    assertThat(offer.gpuCount()).isEqualTo(8);
    assertThat(offer.pricing().onDemandPerHour()).isEqualByComparingTo("23.92");
    assertThat(offer.pricing().onDemandPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2.99"));
    assertThat(offer.pricing().spotPerHour()).isNull();
    assertThat(offer.vcpus()).isEqualTo(208);
    assertThat(offer.memoryGib()).isEqualByComparingTo("1800");

    // Types with no capacity anywhere and CPU-only types are not offers.
    assertThat(offers).noneMatch(o -> "gpu_1x_gh200".equals(o.instanceType()));
    assertThat(offers).noneMatch(o -> "cpu_4x_general".equals(o.instanceType()));
    // Every GPU name Lambda uses in the sample resolves to the catalog.
    assertThat(offers).allSatisfy(o -> assertThat(o.gpu().known()).as(o.instanceType()).isTrue());
  }

  @Test
  void offersAreFilteredByCanonicalGpuCountRegionAndPriceAndServedFromCache() throws Exception {
    enqueue(200, fixture("listInstanceTypes.response.json"));

    List<Offer> h100 = lambda.offers(OfferFilter.builder().gpu("H100-SXM-80GB").gpuCount(1).build());
    assertThat(h100).extracting(Offer::id)
        .containsExactlyInAnyOrder("gpu_1x_h100_sxm5@us-south-2", "gpu_1x_h100_sxm5@us-south-3");

    List<Offer> cheapInUsEast = lambda.offers(OfferFilter.builder()
        .region("us-east").maxPricePerHour(new BigDecimal("2.00")).build());
    assertThat(cheapInUsEast).extracting(Offer::id)
        .containsExactlyInAnyOrder("gpu_1x_a10@us-east-1", "gpu_1x_a100_sxm4@us-east-1");

    assertThat(lambda.offers(OfferFilter.builder().market(Market.SPOT).build())).isEmpty();
    // One request for all four calls: the 30 s offers cache of provider.yaml.
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- launch ----

  @Test
  void launchSendsTypeRegionKeyNameTagAndStartupScriptWithEnvThenReadsTheInstanceBack() throws Exception {
    enqueue(200, "{\"data\":{\"instance_ids\":[\"0920582c7ff041399e34823a0be62549\"]}}");
    enqueue(200, fixture("getInstance.response.json"));

    Instance instance = lambda.launch(LaunchRequest.builder()
        .offerId("gpu_1x_a10@us-east-1")
        .sshKey("my-key")
        .startupScript("#!/bin/bash\necho hello")
        .env("HF_TOKEN", "hf_secret")
        .clientToken("pa-0123456789abcdef")
        .build());

    RecordedRequest launch = take();
    assertThat(launch.getMethod()).isEqualTo("POST");
    assertThat(launch.getUrl().encodedPath()).isEqualTo("/api/v1/instance-operations/launch");
    assertThat(launch.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(launch.getBody().utf8());
    assertThat(body.get("region_name").asText()).isEqualTo("us-east-1");
    assertThat(body.get("instance_type_name").asText()).isEqualTo("gpu_1x_a10");
    assertThat(body.get("ssh_key_names")).hasSize(1);
    assertThat(body.get("ssh_key_names").get(0).asText()).isEqualTo("my-key");
    assertThat(body.get("name").asText()).isEqualTo("pa-0123456789abcdef");
    assertThat(body.get("tags").get(0).get("key").asText()).isEqualTo("provider-api-client-token");
    assertThat(body.get("tags").get(0).get("value").asText()).isEqualTo("pa-0123456789abcdef");
    assertThat(body.get("user_data").asText())
        .isEqualTo("#!/bin/bash\nexport HF_TOKEN='hf_secret'\necho 'HF_TOKEN=hf_secret' >> /etc/environment\necho hello");

    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v1/instances/0920582c7ff041399e34823a0be62549");

    assertThat(instance.id()).isEqualTo("0920582c7ff041399e34823a0be62549");
    assertThat(instance.status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(instance.rawStatus()).isEqualTo("booting");
    assertThat(instance.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(instance.gpuCount()).isEqualTo(8);
    assertThat(instance.pricing().onDemandPerHour()).isEqualByComparingTo("35.92");
    assertThat(instance.publicIp()).isEqualTo("198.51.100.2");
    assertThat(instance.region()).isEqualTo("us-west-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPublicKeyIsRegisteredOnceUnderItsFingerprintNameAndReusedAfterwards() throws Exception {
    String publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBl5sZ8q7XDG2w0Ir2YfwUaJ0P2GcN0H5lZ3n1sBZsnF me@laptop";
    enqueue(200, "{\"data\":[{\"id\":\"k1\",\"name\":\"other\",\"public_key\":\"ssh-rsa AAAAB3Nza other\"}]}");
    enqueue(200, "{\"data\":{\"id\":\"k2\",\"name\":\"provider-api-6b3a0f0c9c2e8d11\",\"public_key\":\"" + publicKey + "\"}}");
    enqueue(200, "{\"data\":{\"instance_ids\":[\"i-1\"]}}");
    enqueue(200, fixture("getInstance.response.json"));

    lambda.launch(LaunchRequest.builder().offerId("gpu_1x_a10@us-east-1").sshKey(publicKey).build());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v1/ssh-keys");
    RecordedRequest add = take();
    assertThat(add.getMethod()).isEqualTo("POST");
    JsonNode added = JSON.readTree(add.getBody().utf8());
    assertThat(added.get("name").asText()).matches("provider-api-[0-9a-f]{16}");
    assertThat(added.get("public_key").asText()).isEqualTo(publicKey);
    JsonNode launch = JSON.readTree(take().getBody().utf8());
    assertThat(launch.get("ssh_key_names").get(0).asText()).isEqualTo("provider-api-6b3a0f0c9c2e8d11");
  }

  @Test
  void aLaunchThatTimesOutIsResolvedByItsClientTokenIntoOneInstanceNotTwo() throws Exception {
    lambda = new LambdaProvider(config().requestTimeout(Duration.ofMillis(300)).build());
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
        .body("{\"data\":{\"instance_ids\":[\"late\"]}}").build());
    enqueue(200, withEveryInstance(fixture("listInstances.response.json"), i -> i.putArray("tags").addObject()
        .put("key", "provider-api-client-token").put("value", "pa-timeout-token")));

    Instance instance = lambda.launch(LaunchRequest.builder()
        .instanceType("gpu_8x_h100_sxm5").region("us-west-1").sshKey("k").clientToken("pa-timeout-token").build());

    assertThat(instance.id()).isEqualTo("0920582c7ff041399e34823a0be62549");
    assertThat(instance.clientToken()).isEqualTo("pa-timeout-token");
    RecordedRequest first = take();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/instance-operations/launch");
    RecordedRequest lookup = take();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/v1/instances");
    assertThat(server.getRequestCount()).as("one launch POST, one lookup, never a second launch").isEqualTo(2);
  }

  @Test
  void aLaunchThat503sAndCannotBeFoundFailsTypedWithoutASecondLaunch() throws Exception {
    enqueue(503, "{\"error\":{\"code\":\"global/internal-error\",\"message\":\"upstream hiccup\"}}");
    for (int i = 0; i < 3; i++) {
      enqueue(200, "{\"data\":[]}");
    }

    assertThatThrownBy(() -> lambda.launch(LaunchRequest.builder()
        .instanceType("gpu_1x_a10").region("us-east-1").sshKey("k").clientToken("pa-lost").build()))
        .isInstanceOf(LaunchOutcomeUnknownException.class)
        .hasMessageContaining("lambda")
        .satisfies(e -> assertThat(((LaunchOutcomeUnknownException) e).clientToken()).isEqualTo("pa-lost"));

    long launches = 0;
    for (int i = 0; i < server.getRequestCount(); i++) {
      if (take().getUrl().encodedPath().equals("/api/v1/instance-operations/launch")) {
        launches++;
      }
    }
    assertThat(launches).isEqualTo(1);
  }

  @Test
  void insufficientCapacityIsACapacityErrorWithLambdasCodeAndIsNotRetried() throws Exception {
    enqueue(400, fixture("errors/insufficient-capacity.json"));

    assertThatThrownBy(() -> lambda.launch(LaunchRequest.builder()
        .instanceType("gpu_8x_h100_sxm5").region("us-south-2").sshKey("k").build()))
        .isInstanceOfSatisfying(CapacityUnavailableException.class, e -> {
          assertThat(e.provider()).isEqualTo("lambda");
          assertThat(e.operation()).isEqualTo("launchInstance");
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.providerCode()).hasValue("instance-operations/launch/insufficient-capacity");
          assertThat(e.providerMessage()).hasValue("Not enough capacity to fulfill launch request.");
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void launchRejectsWhatLambdaCannotDoBeforeSendingAnything() {
    assertThatThrownBy(() -> lambda.launch(LaunchRequest.builder().offerId("gpu_1x_a10@us-east-1").sshKey("k")
        .spotBidPerHour(new BigDecimal("0.5")).build()))
        .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SPOT");
    assertThatThrownBy(() -> lambda.launch(LaunchRequest.builder().offerId("gpu_1x_a10@us-east-1").sshKey("k")
        .diskGb(500).build()))
        .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("DISK_SIZE");
    assertThatThrownBy(() -> lambda.launch(LaunchRequest.builder().offerId("gpu_1x_a10@us-east-1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one SSH key");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- get, list, terminate, restart ----

  @Test
  void listMapsLambdaStatusesIncludingPreemption() throws Exception {
    enqueue(200, withEveryInstance(fixture("listInstances.response.json"), i -> i.put("status", "preempted")));

    List<Instance> instances = lambda.list();

    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v1/instances");
    assertThat(instances).hasSize(1);
    Instance i = instances.get(0);
    assertThat(i.status()).isEqualTo(InstanceStatus.TERMINATED);
    assertThat(i.preempted()).isTrue();
    assertThat(i.rawStatus()).isEqualTo("preempted");
    assertThat(i.toString()).doesNotContain("03b7d30d9d3e4d8fa41657bc0d478c1b"); // the Jupyter token
  }

  @Test
  void getOfAnUnknownInstanceIsEmpty() throws Exception {
    enqueue(404, fixture("errors/not-found.json"));

    assertThat(lambda.get("nope")).isEmpty();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v1/instances/nope");
  }

  @Test
  void terminateSendsTheIdAndAnAlreadyTerminatedInstanceCountsAsSuccess() throws Exception {
    enqueue(200, fixture("terminateInstance.response.json"));
    lambda.terminate("0920582c7ff041399e34823a0be62549");
    RecordedRequest terminate = take();
    assertThat(terminate.getUrl().encodedPath()).isEqualTo("/api/v1/instance-operations/terminate");
    assertThat(JSON.readTree(terminate.getBody().utf8()))
        .isEqualTo(JSON.readTree("{\"instance_ids\":[\"0920582c7ff041399e34823a0be62549\"]}"));

    enqueue(404, fixture("errors/not-found.json"));
    lambda.terminate("gone-1");

    enqueue(400, "{\"error\":{\"code\":\"global/invalid-parameters\",\"message\":\"Instance is terminated\"}}");
    enqueue(200, withEveryInstance(fixture("getInstance.response.json"), i -> i.put("status", "terminated")));
    lambda.terminate("0920582c7ff041399e34823a0be62549");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void restartReturnsTheRestartedInstance() throws Exception {
    enqueue(200, fixture("restartInstance.response.json"));

    Instance restarted = lambda.restart("0920582c7ff041399e34823a0be62549");

    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/instance-operations/restart");
    assertThat(restarted.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(restarted.gpu().canonicalName()).isEqualTo("A100-SXM-40GB");
  }

  // ---- what Lambda does not have, billing, discovery, secrets ----

  @Test
  void stopIsAnUnsupportedCapabilityAndBillingNeedsManualVerification() throws Exception {
    assertThat(lambda.supports(Capability.STOP_START)).isFalse();
    assertThatThrownBy(() -> lambda.stop("i")).isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessageContaining("lambda does not support STOP_START");

    assertThat(lambda.supportsBillingVerification()).isFalse();
    enqueue(200, fixture("getInstance.response.json"));
    BillingStatus billing = lambda.billingStatus("0920582c7ff041399e34823a0be62549");
    assertThat(billing.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(billing.message()).contains("https://cloud.lambda.ai/instances");
    assertThat(billing.ratePerHour()).isEqualByComparingTo("35.92");
    assertThat(billing.accruing()).isTrue();
  }

  @Test
  void infoComesFromProviderYaml() {
    assertThat(lambda.name()).isEqualTo("lambda");
    assertThat(lambda.info().displayName()).isEqualTo("Lambda Cloud");
    assertThat(lambda.info().consoleUrl()).hasToString("https://cloud.lambda.ai/instances");
    assertThat(lambda.info().capabilities()).contains(Capability.RESTART, Capability.STARTUP_SCRIPT)
        .doesNotContain(Capability.SPOT, Capability.BILLING_VERIFICATION);
    assertThat(lambda.rateLimits().perOperation()).containsKey("launchInstance");
    assertThat(lambda.canonicalRegion("us-south-2")).isEqualTo("us-south");
    assertThat(lambda.providerRegions("us-east")).containsExactly("us-east-1", "us-east-2", "us-east-3");
    assertThat(lambda.gpuType("gpu_8x_h100_sxm5").canonicalName()).isEqualTo("H100-SXM-80GB");
  }

  @Test
  void aBrokerFindsLambdaByNameAndAMissingKeyNamesTheVariableWithoutLeakingAnything() {
    // An explicit config without the key fails at once (configure / load), naming the variable; discovery
    // (the no-argument constructor) still works keyless and reports it on the first call.
    assertThatThrownBy(() -> Providers.load("lambda", ProviderConfig.builder()
        .environment(Map.of()).baseUrl(server.url("/").toString()).rateLimited(false).build()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class).isInstanceOf(AuthenticationException.class)
        .hasMessage("lambda: no credentials: set LAMBDA_API_KEY or ProviderConfig.apiKey");
    Provider found = Providers.load("lambda");
    assertThat(found).isInstanceOf(LambdaProvider.class);
    assertThat(server.getRequestCount()).isZero();

    Provider fromEnv = new LambdaProvider(ProviderConfig.builder()
        .environment(Map.of("LAMBDA_API_KEY", KEY)).baseUrl(server.url("/").toString()).build());
    assertThat(fromEnv.toString()).doesNotContain(KEY);
    assertThat(config().build().toString()).doesNotContain(KEY);
  }

  // ---- helpers ----

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  /** The fixture with {@code change} applied to its instance (get) or each of its instances (list). */
  private static String withEveryInstance(String json, java.util.function.Consumer<ObjectNode> change)
      throws IOException {
    JsonNode root = JSON.readTree(json);
    JsonNode data = root.get("data");
    if (data.isArray()) {
      data.forEach(i -> change.accept((ObjectNode) i));
    } else {
      change.accept((ObjectNode) data);
    }
    return JSON.writeValueAsString(root);
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    return request;
  }
}
