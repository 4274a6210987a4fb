package dev.providerapi.runpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.Providers;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.CapacityUnavailableException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written adapter against a loopback GraphQL endpoint, checked on the server side. */
class RunpodProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/runpod/fixtures");
  private static final String KEY = "secret-runpod-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String H100 = "NVIDIA H100 80GB HBM3";

  private static final String GPU_TYPES = """
      {"data": {"gpuTypes": [
        {"id": "NVIDIA H100 80GB HBM3", "displayName": "H100 SXM", "memoryInGb": 80, "maxGpuCount": 8,
         "secureCloud": true, "communityCloud": false,
         "secureLowestPrice": {"minimumBidPrice": 1.75, "uninterruptablePrice": 2.99, "stockStatus": "High",
                               "availableGpuCounts": [1, 2, 8]},
         "communityLowestPrice": {"minimumBidPrice": 1.5, "uninterruptablePrice": 2.5, "stockStatus": "Low",
                                  "availableGpuCounts": [1]}},
        {"id": "NVIDIA GeForce RTX 4090", "displayName": "RTX 4090", "memoryInGb": 24, "maxGpuCount": 4,
         "secureCloud": true, "communityCloud": true,
         "secureLowestPrice": {"minimumBidPrice": null, "uninterruptablePrice": 0.69, "stockStatus": "Medium"},
         "communityLowestPrice": {"minimumBidPrice": 0.2, "uninterruptablePrice": 0.34, "stockStatus": "High",
                                  "availableGpuCounts": [1, 2]}},
        {"id": "NVIDIA A40", "displayName": "A40", "memoryInGb": 48, "secureCloud": true, "communityCloud": true,
         "secureLowestPrice": null, "communityLowestPrice": null}
      ]}}""";

  private MockWebServer server;
  private RunpodProvider runpod;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    runpod = new RunpodProvider(config().build());
  }

  @AfterEach
  void stop() {
    runpod.close();
    server.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/graphql").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5));
  }

  // ---- offers ----

  @Test
  void offersAreGpuTypesPerCloudAndAvailableCountWithOnDemandAndSpotPrices() throws Exception {
    enqueue(GPU_TYPES);

    List<Offer> offers = runpod.offers(OfferFilter.any());

    JsonNode sent = graphQl(take(), "GpuTypes");
    assertThat(sent.get("query").asText()).contains("secureLowestPrice: lowestPrice(input: {gpuCount: 1, "
        + "secureCloud: true})");
    assertThat(sent.get("variables").toString()).as("no filter: the optional $input is left out").isEqualTo("{}");

    assertThat(offers).extracting(Offer::id).containsExactly(
        "SECURE/1/NVIDIA GeForce RTX 4090",
        "COMMUNITY/1/NVIDIA GeForce RTX 4090", "COMMUNITY/2/NVIDIA GeForce RTX 4090",
        "SECURE/1/NVIDIA H100 80GB HBM3", "SECURE/2/NVIDIA H100 80GB HBM3", "SECURE/8/NVIDIA H100 80GB HBM3");
    Offer h100x2 = offers.get(4);
    assertThat(h100x2.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(h100x2.gpuCount()).isEqualTo(2);
    assertThat(h100x2.instanceType()).isEqualTo(H100);
    assertThat(h100x2.pricing().onDemandPerHour()).isEqualByComparingTo("5.98");
    assertThat(h100x2.pricing().spotPerHour()).isEqualByComparingTo("3.50");
    assertThat(h100x2.pricing().spotPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.75"));
    assertThat(h100x2.details()).containsEntry("cloudType", "SECURE").containsEntry("stockStatus", "High");
    // Secure 4090 has no spot price today: on demand only.
    assertThat(offers.get(0).spotAvailable()).isFalse();
    assertThat(offers.get(0).gpu().canonicalName()).isEqualTo("RTX-4090-24GB");

    List<Offer> spotH100 = runpod.offers(OfferFilter.builder().gpu("H100-SXM-80GB").gpuCount(8)
        .market(Market.SPOT).build());
    assertThat(spotH100).extracting(Offer::id).containsExactly("SECURE/8/NVIDIA H100 80GB HBM3");
    assertThat(server.getRequestCount()).as("served from cache").isEqualTo(1);
  }

  @Test
  void theDocsSampleDecodesIntoACommunityOffer() throws Exception {
    enqueue(fixture("GpuTypes.response.json"));

    List<Offer> offers = runpod.offers(OfferFilter.any());

    assertThat(offers).singleElement().satisfies(o -> {
      assertThat(o.id()).isEqualTo("COMMUNITY/1/NVIDIA GeForce RTX 3090");
      assertThat(o.gpu().canonicalName()).isEqualTo("RTX-3090-24GB");
      assertThat(o.pricing().onDemandPerHour()).isEqualByComparingTo("0.3");
      assertThat(o.pricing().spotPerHour()).isEqualByComparingTo("0.163");
    });
  }

  // ---- launch ----

  @Test
  void onDemandLaunchSendsVariablesWithNameTokenEnvAndStartupCommandThenReadsThePodBack() throws Exception {
    enqueue("{\"data\":{\"podFindAndDeployOnDemand\":{\"id\":\"pod-1\",\"imageName\":\"runpod/pytorch\"}}}");
    enqueue(pod("pod-1", "job-7", "RUNNING", "RESERVED", true, "pa-token-1"));

    Instance i = runpod.launch(LaunchRequest.builder()
        .gpu("H100-SXM-80GB").gpuCount(2)
        .image("runpod/pytorch")
        .startupScript("echo 'hi' && python train.py")
        .env(Map.of("FOO", "bar"))
        .diskGb(50)
        .clientToken("pa-token-1")
        .name("job-7")
        .build());

    JsonNode input = graphQl(take(), "PodFindAndDeployOnDemand").at("/variables/input");
    assertThat(input.get("gpuTypeId").asText()).isEqualTo(H100);
    assertThat(input.get("gpuCount").asInt()).isEqualTo(2);
    assertThat(input.get("cloudType").asText()).isEqualTo("ALL");
    assertThat(input.get("imageName").asText()).isEqualTo("runpod/pytorch");
    assertThat(input.get("name").asText()).isEqualTo("job-7");
    assertThat(input.get("containerDiskInGb").asInt()).isEqualTo(50);
    assertThat(input.get("dockerArgs").asText()).isEqualTo("bash -c 'echo '\\''hi'\\'' && python train.py'");
    assertThat(input.get("env").toString()).isEqualTo("[{\"key\":\"FOO\",\"value\":\"bar\"},"
        + "{\"key\":\"PROVIDER_API_CLIENT_TOKEN\",\"value\":\"pa-token-1\"}]");
    assertThat(graphQl(take(), "Pod").at("/variables/input/podId").asText()).isEqualTo("pod-1");

    assertThat(i.id()).isEqualTo("pod-1");
    assertThat(i.clientToken()).isEqualTo("pa-token-1");
    assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(i.market()).isEqualTo(Market.ON_DEMAND);
    assertThat(i.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(i.pricing().onDemandPerHour()).isEqualByComparingTo("5.98");
    assertThat(i.publicIp()).isEqualTo("203.0.113.7");
    assertThat(i.sshPort()).isEqualTo(40022);
    assertThat(i.region()).isEqualTo("EU-RO-1");
  }

  @Test
  void spotLaunchRentsAnInterruptablePodBiddingPerGpu() throws Exception {
    enqueue("{\"data\":{\"podRentInterruptable\":{\"id\":\"pod-2\"}}}");
    enqueue(pod("pod-2", "pa-spot", "RUNNING", "INTERRUPTABLE", true, "pa-spot"));

    Instance i = runpod.launch(LaunchRequest.builder()
        .offerId("SECURE/2/" + H100)
        .image("runpod/pytorch")
        .market(Market.SPOT)
        .spotBidPerHour(new BigDecimal("3.60"))
        .clientToken("pa-spot")
        .build());

    JsonNode sent = graphQl(take(), "PodRentInterruptable");
    assertThat(sent.get("query").asText()).startsWith("mutation PodRentInterruptable(");
    JsonNode input = sent.at("/variables/input");
    assertThat(input.get("bidPerGpu").decimalValue()).isEqualByComparingTo("1.80");
    assertThat(input.get("cloudType").asText()).isEqualTo("SECURE");
    assertThat(input.get("gpuCount").asInt()).isEqualTo(2);
    assertThat(input.get("gpuTypeId").asText()).isEqualTo(H100);
    assertThat(input.get("name").asText()).as("named after the client token").isEqualTo("pa-spot");
    graphQl(take(), "Pod");
    assertThat(i.market()).isEqualTo(Market.SPOT);
    assertThat(i.pricing().spotPerHour()).isEqualByComparingTo("5.98");
    assertThat(i.preempted()).isFalse();
  }

  @Test
  void aLaunchThatFailsAmbiguouslyIsResolvedByNameIntoOnePodNotTwo() throws Exception {
    enqueue(503, "{\"errors\":[{\"message\":\"upstream unavailable\"}]}");
    enqueue(myPods(pod("pod-3", "pa-amb", "RUNNING", "RESERVED", false, null)));

    Instance i = runpod.launch(LaunchRequest.builder()
        .offerId("COMMUNITY/1/NVIDIA GeForce RTX 4090").image("runpod/pytorch").clientToken("pa-amb").build());

    graphQl(take(), "PodFindAndDeployOnDemand");
    graphQl(take(), "MyPods");
    assertThat(server.getRequestCount()).as("one launch, one lookup, no blind retry").isEqualTo(2);
    assertThat(i.id()).isEqualTo("pod-3");
    assertThat(i.status()).as("no runtime yet").isEqualTo(InstanceStatus.PROVISIONING);
  }

  @Test
  void noCapacityInA200IsATypedCapacityErrorAndIsNotRetried() throws Exception {
    enqueue("{\"data\":{\"podFindAndDeployOnDemand\":null},\"errors\":[{\"message\":\"There are no longer any "
        + "instances available with the requested specifications. Please refresh and try again.\"}]}");

    assertThatThrownBy(() -> runpod.launch(LaunchRequest.builder().offerId("SECURE/1/" + H100)
        .image("runpod/pytorch").clientToken("pa-cap").build()))
        .isInstanceOfSatisfying(CapacityUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("no longer any instances"));
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void launchRejectsAMissingImageAndAReservedEnvNameBeforeSendingAnything() {
    assertThatThrownBy(() -> runpod.launch(LaunchRequest.builder().offerId("SECURE/1/" + H100)
        .clientToken("pa-x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need an image");
    assertThatThrownBy(() -> runpod.launch(LaunchRequest.builder().offerId("SECURE/1/" + H100).image("img")
        .env(Map.of("PROVIDER_API_CLIENT_TOKEN", "x")).clientToken("pa-x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    assertThatThrownBy(() -> runpod.launch(LaunchRequest.builder().offerId("H100").image("img")
        .clientToken("pa-x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offer ids look like");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- lifecycle ----

  @Test
  void listMapsDesiredStatusAndTellsPreemptedSpotPodsFromStoppedOnes() throws Exception {
    enqueue(myPods(
        pod("a", "a", "RUNNING", "RESERVED", true, "pa-a"),
        pod("b", "b", "EXITED", "INTERRUPTABLE", false, null),
        pod("c", "c", "EXITED", "RESERVED", false, null),
        pod("d", "d", "TERMINATED", "RESERVED", false, null)));

    Map<String, Instance> byId = byId(runpod.list());

    assertThat(byId.get("a").status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(byId.get("a").clientToken()).isEqualTo("pa-a");
    assertThat(byId.get("b").status()).isEqualTo(InstanceStatus.STOPPED);
    assertThat(byId.get("b").preempted()).as("spot, exited, never stopped by us").isTrue();
    assertThat(byId.get("c").preempted()).as("on demand is never preempted").isFalse();
    assertThat(byId.get("d").status()).isEqualTo(InstanceStatus.TERMINATED);
  }

  @Test
  void aSpotPodStoppedHereIsNotPreemptedAndStartsAgainWithABid() throws Exception {
    enqueue("{\"data\":{\"podStop\":{\"id\":\"b\",\"desiredStatus\":\"EXITED\"}}}");
    enqueue(pod("b", "b", "EXITED", "INTERRUPTABLE", false, null));

    Instance stopped = runpod.stop("b");

    assertThat(graphQl(take(), "PodStop").at("/variables/input/podId").asText()).isEqualTo("b");
    graphQl(take(), "Pod");
    assertThat(stopped.status()).isEqualTo(InstanceStatus.STOPPED);
    assertThat(stopped.preempted()).isFalse();

    enqueue(pod("b", "b", "EXITED", "INTERRUPTABLE", false, null));
    enqueue("{\"data\":{\"podBidResume\":{\"id\":\"b\",\"desiredStatus\":\"RUNNING\"}}}");
    enqueue(pod("b", "b", "RUNNING", "INTERRUPTABLE", true, null));

    Instance started = runpod.start("b");

    graphQl(take(), "Pod");
    JsonNode input = graphQl(take(), "PodBidResume").at("/variables/input");
    assertThat(input.get("podId").asText()).isEqualTo("b");
    assertThat(input.get("gpuCount").asInt()).isEqualTo(2);
    assertThat(input.get("bidPerGpu").decimalValue()).isEqualByComparingTo("2.99");
    graphQl(take(), "Pod");
    assertThat(started.status()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void anOnDemandPodStartsWithPodResume() throws Exception {
    enqueue(pod("c", "c", "EXITED", "RESERVED", false, null));
    enqueue(fixture("PodResume.response.json"));
    enqueue(pod("c", "c", "RUNNING", "RESERVED", true, null));

    runpod.start("c");

    graphQl(take(), "Pod");
    JsonNode input = graphQl(take(), "PodResume").at("/variables/input");
    assertThat(input.toString()).isEqualTo("{\"podId\":\"c\",\"gpuCount\":2}");
  }

  @Test
  void getOfAnUnknownPodIsEmpty() throws Exception {
    enqueue("{\"data\":{\"pod\":null}}");
    assertThat(runpod.get("nope")).isEmpty();
    enqueue("{\"data\":{\"pod\":null},\"errors\":[{\"message\":\"Pod not found\"}]}");
    assertThat(runpod.get("nope")).isEmpty();
  }

  @Test
  void terminateSendsThePodIdAndAnAlreadyGonePodCountsAsSuccess() throws Exception {
    enqueue(fixture("PodTerminate.response.json"));
    runpod.terminate("pod-1");
    JsonNode sent = graphQl(take(), "PodTerminate");
    assertThat(sent.at("/variables/input").toString()).isEqualTo("{\"podId\":\"pod-1\"}");

    enqueue("{\"data\":{\"podTerminate\":null},\"errors\":[{\"message\":\"Pod not found.\"}]}");
    runpod.terminate("pod-1");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void billingIsManualAtTheCostPerHourAndInfoComesFromProviderYaml() throws Exception {
    enqueue(pod("a", "a", "RUNNING", "RESERVED", true, null));

    BillingStatus billing = runpod.billingStatus("a");

    assertThat(billing.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(billing.ratePerHour()).isEqualByComparingTo("5.98");
    assertThat(runpod.info().capabilities()).contains(Capability.SPOT, Capability.STOP_START,
        Capability.STARTUP_SCRIPT).doesNotContain(Capability.BILLING_VERIFICATION);
    assertThat(runpod.rateLimits().global()).hasSize(2);
  }

  @Test
  void aBrokerFindsRunpodByNameAndAMissingKeyNamesTheVariableWithoutLeakingAnything() {
    // An explicit config without the key fails at once (configure / load), naming the variable; discovery
    // (the no-argument constructor) still works keyless and reports it on the first call.
    assertThatThrownBy(() -> Providers.load("runpod", ProviderConfig.builder()
        .environment(Map.of()).baseUrl(server.url("/graphql").toString()).rateLimited(false).build()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class).isInstanceOf(AuthenticationException.class)
        .hasMessage("runpod: no credentials: set RUNPOD_API_KEY or ProviderConfig.apiKey");
    Provider found = Providers.load("runpod");
    assertThat(found).isInstanceOf(RunpodProvider.class);
    assertThat(server.getRequestCount()).isZero();
    assertThat(config().build().toString()).doesNotContain(KEY);
  }

  // ---- helpers ----

  /** A pod as the Pod / MyPods documents select it: 2 GPUs at 5.98/h, SSH on a public port when running. */
  private static String pod(String id, String name, String status, String podType, boolean withRuntime,
      String token) {
    String runtime = withRuntime ? "{\"uptimeInSeconds\": 12, \"ports\": [{\"ip\": \"203.0.113.7\", \"isIpPublic\": true,"
        + " \"privatePort\": 22, \"publicPort\": 40022, \"type\": \"tcp\"}]}" : "null";
    String env = token == null ? "[]" : "[\"FOO=bar\", \"PROVIDER_API_CLIENT_TOKEN=" + token + "\"]";
    return "{\"data\": {\"pod\": {\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"imageName\": \"runpod/pytorch\","
        + " \"desiredStatus\": \"" + status + "\", \"podType\": \"" + podType + "\", \"costPerHr\": 5.98,"
        + " \"gpuCount\": 2, \"env\": " + env + ", \"machineId\": \"m-1\", \"runtime\": " + runtime + ","
        + " \"machine\": {\"gpuTypeId\": \"" + H100 + "\", \"gpuDisplayName\": \"H100 SXM\","
        + " \"dataCenterId\": \"EU-RO-1\"}}}}";
  }

  private static String myPods(String... pods) throws IOException {
    StringBuilder list = new StringBuilder();
    for (String p : pods) {
      list.append(list.length() == 0 ? "" : ",").append(JSON.readTree(p).at("/data/pod"));
    }
    return "{\"data\": {\"myself\": {\"pods\": [" + list + "]}}}";
  }

  private static Map<String, Instance> byId(List<Instance> instances) {
    Map<String, Instance> out = new HashMap<>();
    instances.forEach(i -> out.put(i.id(), i));
    return out;
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  private void enqueue(String body) {
    enqueue(200, body);
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build());
  }

  /** The GraphQL body of a POST to the endpoint, checked to run {@code operationName}. */
  private static JsonNode graphQl(RecordedRequest request, String operationName) throws IOException {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/graphql");
    JsonNode body = JSON.readTree(request.getBody().utf8());
    assertThat(body.get("operationName").asText()).isEqualTo(operationName);
    return body;
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    return request;
  }
}
