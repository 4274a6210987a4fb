package dev.providerapi.tensordock;

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
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.QuotaExceededException;
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
import java.util.ArrayList;
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
 * The hand-written adapter against a loopback server, on the fixtures in {@code specs/tensordock/fixtures/}
 * (official docs examples where TensorDock published one, our own bodies in the documented shapes otherwise).
 */
class TensordockProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/tensordock/fixtures");
  private static final String KEY = "secret-tensordock-token-123";
  private static final String PUBLIC_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBl5sZ8q7XDG2w0Ir2YfwUaJ0P2GcN0H5lZ3n1sBZsnF me@laptop";
  private static final String CHUBBUCK = "1f4c2a9e-5b7d-4e21-9a8c-3d6e0f1b2c4d";
  private static final String RTX4090 = "geforcertx4090-pcie-24gb";
  private static final String INSTANCE_ID = "550e8400-e29b-41d4-a716-446655440000";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private TensordockProvider tensordock;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    tensordock = new TensordockProvider(config().build());
  }

  @AfterEach
  void stop() {
    tensordock.close();
    server.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/api/v2").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5));
  }

  // ---- offers ----

  @Test
  void offersAreLocationGpuCountsNormalizedToTheCatalogAndPricedForWhatALaunchWouldBill() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));

    List<Offer> offers = tensordock.offers(OfferFilter.any());

    RecordedRequest request = take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/locations");

    // Every count from 1 to max_count: 4 (RTX 4090) + 8 (H100) + 2 (A6000).
    assertThat(offers).hasSize(14);
    assertThat(offers).allSatisfy(o -> assertThat(o.gpu().known()).as(o.id()).isTrue());
    Offer rtx = offers.stream().filter(o -> o.id().equals(RTX4090 + "/2/" + CHUBBUCK)).findFirst().orElseThrow();
    assertThat(rtx.gpu().canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(rtx.gpu().providerName()).isEqualTo(RTX4090);
    assertThat(rtx.instanceType()).isEqualTo(RTX4090);
    assertThat(rtx.gpuCount()).isEqualTo(2);
    assertThat(rtx.region()).isEqualTo(CHUBBUCK);
    // 2 x 0.35 for the GPUs + 8 vCPU x 0.003 + 32 GB x 0.002 + 100 GB x 0.00005.
    assertThat(rtx.pricing().onDemandPerHour()).isEqualByComparingTo("0.793");
    assertThat(rtx.pricing().onDemandPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.3965"));
    assertThat(rtx.pricing().spotPerHour()).isNull();
    assertThat(rtx.details()).containsEntry("gpuPricePerHour", "0.7").containsEntry("city", "Chubbuck")
        .containsEntry("maxCount", "4");
    assertThat(rtx.vcpus()).isEqualTo(8);
    assertThat(rtx.memoryGib()).isEqualByComparingTo("32");
    assertThat(rtx.diskGib()).isEqualByComparingTo("100");

    // Defaults never exceed the location's ceilings: 8 x H100 gets 32 vCPUs (not more) within max 192.
    Offer h100x8 = offers.stream().filter(o -> o.id().equals("h100-sxm5-80gb/8/" + CHUBBUCK)).findFirst().orElseThrow();
    assertThat(h100x8.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(h100x8.pricing().onDemandPerHour()).isEqualByComparingTo("18.357");
  }

  @Test
  void offersAreFilteredByCanonicalGpuAndExactCountAndServedFromCache() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));

    assertThat(tensordock.offers(OfferFilter.builder().gpu("RTX-4090-24GB").gpuCount(4).build()))
        .extracting(Offer::id).containsExactly(RTX4090 + "/4/" + CHUBBUCK);
    assertThat(tensordock.offers(OfferFilter.builder().gpu("RTX A6000").build())).hasSize(2);
    assertThat(tensordock.offers(OfferFilter.builder().maxPricePerHour(new BigDecimal("0.40")).build()))
        .extracting(Offer::id).containsExactly(RTX4090 + "/1/" + CHUBBUCK);
    assertThat(tensordock.offers(OfferFilter.builder().market(Market.SPOT).build())).isEmpty();
    assertThat(server.getRequestCount()).as("offersCacheTtl 30s: one GET for four calls").isEqualTo(1);
  }

  // ---- launch ----

  @Test
  void launchSendsTheEnvelopeWithGpusByNameStorageKeyNameAndTheStartupScriptAsCloudInit() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));

    Instance instance = tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/2/" + CHUBBUCK)
        .sshKey(PUBLIC_KEY)
        .startupScript("#!/bin/bash\necho hello")
        .env("HF_TOKEN", "hf_secret")
        .diskGb(200)
        .clientToken("pa-0123456789abcdef")
        .build());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v2/locations");
    RecordedRequest create = take();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/v2/instances");
    assertThat(create.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(create.getBody().utf8());
    assertThat(body.path("data").path("type").asText()).isEqualTo("virtualmachine");
    JsonNode a = body.path("data").path("attributes");
    assertThat(a.path("name").asText()).isEqualTo("pa-0123456789abcdef");
    assertThat(a.path("type").asText()).isEqualTo("virtualmachine");
    assertThat(a.path("image").asText()).isEqualTo("ubuntu2404");
    assertThat(a.path("location_id").asText()).isEqualTo(CHUBBUCK);
    assertThat(a.has("hostnode_id")).isFalse();
    assertThat(a.path("useDedicatedIp").asBoolean()).isTrue();
    assertThat(a.path("ssh_key").asText()).isEqualTo(PUBLIC_KEY);
    assertThat(a.has("ssh_key_id")).isFalse();
    assertThat(a.path("resources")).isEqualTo(JSON.readTree(
        "{\"vcpu_count\":8,\"ram_gb\":32,\"storage_gb\":200,\"gpus\":{\"" + RTX4090 + "\":{\"count\":2}}}"));
    JsonNode cloudInit = a.path("cloud_init");
    assertThat(cloudInit.isObject()).as("cloud_init is an object, not a string").isTrue();
    assertThat(cloudInit.path("runcmd")).isEqualTo(JSON.readTree("[\"/opt/provider-api/startup.sh\"]"));
    JsonNode file = cloudInit.path("write_files").get(0);
    assertThat(file.path("path").asText()).isEqualTo("/opt/provider-api/startup.sh");
    assertThat(file.path("permissions").asText()).isEqualTo("0700");
    assertThat(file.path("content").asText()).isEqualTo(
        "#!/bin/bash\nexport HF_TOKEN='hf_secret'\necho 'HF_TOKEN=hf_secret' >> /etc/environment\necho hello");

    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v2/instances/instance-uuid");

    assertThat(instance.id()).isEqualTo(INSTANCE_ID);
    assertThat(instance.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(instance.gpu().canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(instance.gpuCount()).isEqualTo(2);
    assertThat(instance.publicIp()).isEqualTo("203.0.113.10");
    assertThat(instance.sshPort()).as("the port forwarded to 22").isEqualTo(20022);
    assertThat(instance.pricing().onDemandPerHour()).isEqualByComparingTo("0.744");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aScriptWithoutShebangRunsUnderBashAStoredKeyIdGoesAsSshKeyIdAndSmallDisksAreRaisedTo100Gb()
      throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));

    tensordock.launch(LaunchRequest.builder()
        .instanceType("rtxa6000-pcie-48gb").region("7a0b3c5d-1e2f-4a6b-8c9d-0e1f2a3b4c5d").gpuCount(1)
        .sshKey("sshkey-uuid-12345")
        .startupScript("nvidia-smi")
        .diskGb(50)
        .name("trainer")
        .clientToken("pa-tok")
        .image("ubuntu2204")
        .build());

    take();
    JsonNode a = JSON.readTree(take().getBody().utf8()).path("data").path("attributes");
    assertThat(a.path("name").asText()).isEqualTo("trainer-pa-tok");
    assertThat(a.path("image").asText()).isEqualTo("ubuntu2204");
    assertThat(a.path("ssh_key_id").asText()).isEqualTo("sshkey-uuid-12345");
    assertThat(a.has("ssh_key")).isFalse();
    assertThat(a.path("resources").path("storage_gb").asInt()).isEqualTo(100);
    assertThat(a.path("resources").path("gpus")).isEqualTo(JSON.readTree("{\"rtxa6000-pcie-48gb\":{\"count\":1}}"));
    // Orlando has no dedicated IPs.
    assertThat(a.path("useDedicatedIp").asBoolean()).isFalse();
    assertThat(a.path("cloud_init").path("write_files").get(0).path("content").asText())
        .isEqualTo("#!/bin/bash\nnvidia-smi");
  }

  @Test
  void aLaunchWithoutScriptSendsNoCloudInitAndACloudConfigDocumentIsRefusedBeforeSending() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));
    tensordock.launch(LaunchRequest.builder().offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).build());
    take();
    assertThat(JSON.readTree(take().getBody().utf8()).path("data").path("attributes").has("cloud_init")).isFalse();

    int before = server.getRequestCount();
    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder().offerId(RTX4090 + "/1/" + CHUBBUCK)
        .sshKey(PUBLIC_KEY).startupScript("#cloud-config\npackages: [curl]").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tensordock launch")
        .hasMessageContaining("#cloud-config");
    assertThat(server.getRequestCount()).isEqualTo(before);
  }

  @Test
  void aLaunchByGpuAloneTakesTheCheapestLocationWithThatCount() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));

    tensordock.launch(LaunchRequest.builder().gpu("A6000-48GB").gpuCount(2).sshKey(PUBLIC_KEY).build());

    take();
    JsonNode a = JSON.readTree(take().getBody().utf8()).path("data").path("attributes");
    assertThat(a.path("location_id").asText()).isEqualTo("7a0b3c5d-1e2f-4a6b-8c9d-0e1f2a3b4c5d");
    assertThat(a.path("resources").path("gpus")).isEqualTo(JSON.readTree("{\"rtxa6000-pcie-48gb\":{\"count\":2}}"));
    assertThat(a.path("resources").path("vcpu_count").asInt()).isEqualTo(8);
    assertThat(a.path("resources").path("ram_gb").asInt()).isEqualTo(32);
  }

  @Test
  void whenLocationsCannotBeReadALaunchAtANamedOfferStillCreatesOnceWithDefaultResources() throws Exception {
    enqueue(500, "{\"error\":\"Internal server error\",\"status\":500}");
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));

    Instance instance = tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/2/" + CHUBBUCK).sshKey(PUBLIC_KEY).build());

    assertThat(instance.id()).isEqualTo(INSTANCE_ID);
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v2/locations");
    JsonNode a = JSON.readTree(take().getBody().utf8()).path("data").path("attributes");
    assertThat(a.path("resources").path("vcpu_count").asInt()).isEqualTo(8);
    assertThat(a.path("useDedicatedIp").asBoolean()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aLaunchThatTimesOutIsResolvedByItsNameIntoOneInstanceNotTwo() throws Exception {
    tensordock = new TensordockProvider(config().requestTimeout(Duration.ofMillis(300)).build());
    enqueue(200, fixture("listLocations.response.json"));
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
        .body(fixture("createInstance.response.json")).build());
    enqueue(200, listOf(instance("old-deleted", "pa-timeout-token", "deleted"),
        instance(INSTANCE_ID, "pa-timeout-token", "starting"), instance("other", "someone-else", "running")));

    Instance instance = tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).clientToken("pa-timeout-token").build());

    assertThat(instance.id()).as("the live instance, not the deleted one with the same name").isEqualTo(INSTANCE_ID);
    assertThat(instance.status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v2/locations");
    RecordedRequest first = take();
    assertThat(first.getMethod()).isEqualTo("POST");
    RecordedRequest lookup = take();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/v2/instances");
    assertThat(server.getRequestCount()).as("one create, one lookup, never a second create").isEqualTo(3);
  }

  @Test
  void aLaunchThat503sAndCannotBeFoundFailsTypedWithoutASecondCreate() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(503, "{\"error\":\"Service temporarily unavailable\",\"status\":503}");
    for (int i = 0; i < 3; i++) {
      enqueue(200, "{\"data\":{\"instances\":[]}}");
    }

    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).clientToken("pa-lost").build()))
        .isInstanceOf(LaunchOutcomeUnknownException.class)
        .hasMessageContaining("tensordock")
        .satisfies(e -> assertThat(((LaunchOutcomeUnknownException) e).clientToken()).isEqualTo("pa-lost"));

    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void aSuccessWithoutAnInstanceIdIsResolvedByNameWithoutASecondCreate() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, "{\"data\":{\"type\":\"virtualmachine\"}}");
    enqueue(200, listOf(instance(INSTANCE_ID, "pa-no-id", "running")));

    Instance instance = tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).clientToken("pa-no-id").build());

    assertThat(instance.id()).isEqualTo(INSTANCE_ID);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void aCreateTurnedAwayWith429IsSentAgainBecauseNothingWasCreated() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(429, fixture("errors/rate-limited.json"));
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("getInstance.response.json"));

    Instance instance = tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).clientToken("pa-429").build());

    assertThat(instance.id()).isEqualTo(INSTANCE_ID);
    assertThat(creates()).isEqualTo(2);
  }

  @Test
  void a429OnAReadIsRetriedAndThenSucceeds() throws Exception {
    enqueue(429, fixture("errors/rate-limited.json"));
    enqueue(200, fixture("listInstances.response.json"));

    assertThat(tensordock.list()).hasSize(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void spotIsRefusedBeforeAnythingIsSentAndTheKeyIsRequired() {
    assertThat(tensordock.supports(Capability.SPOT)).isFalse();
    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder().offerId(RTX4090 + "/1/" + CHUBBUCK)
        .sshKey(PUBLIC_KEY).spotBidPerHour(new BigDecimal("0.2")).build()))
        .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SPOT");
    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder().offerId(RTX4090 + "/1/" + CHUBBUCK)
        .market(Market.SPOT).sshKey(PUBLIC_KEY).build()))
        .isInstanceOf(UnsupportedCapabilityException.class);
    assertThat(server.getRequestCount()).isZero();

    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder().offerId("not-an-offer").sshKey("k").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offer ids look like");
    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder().offerId(RTX4090 + "/1/" + CHUBBUCK).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one SSH key");
  }

  // ---- error formats ----

  @Test
  void anErrorInsideAnHttp200BodyIsAnErrorMappedByTheStatusInTheBody() throws Exception {
    enqueue(200, fixture("errors/in-body-not-found.json"));
    assertThatThrownBy(() -> tensordock.stop("gone"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerCode()).hasValue("404");
          assertThat(e.providerMessage()).hasValue("Instance not found");
          assertThat(e.operation()).isEqualTo("stopInstance");
        });

    enqueue(200, fixture("errors/in-body-not-found.json"));
    assertThat(tensordock.get("gone")).as("get of an unknown id is empty, even with HTTP 200").isEmpty();
  }

  @Test
  void anInsufficientBalanceAnsweredWith200IsAQuotaErrorAndIsNotRetriedOrLookedUp() throws Exception {
    enqueue(200, fixture("listLocations.response.json"));
    enqueue(200, fixture("errors/in-body-insufficient-balance.json"));

    assertThatThrownBy(() -> tensordock.launch(LaunchRequest.builder()
        .offerId(RTX4090 + "/1/" + CHUBBUCK).sshKey(PUBLIC_KEY).build()))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerCode()).hasValue("400");
          assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).contains("Insufficient balance"));
          assertThat(e.isRetryable()).isFalse();
        });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nonSuccessStatusesMapByStatusAndMessage() throws Exception {
    enqueue(401, fixture("errors/unauthorized.json"));
    assertThatThrownBy(tensordock::list).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.providerMessage()).hasValue("Unauthorized");
      assertThat(e.getMessage()).doesNotContain(KEY);
    });

    enqueue(400, fixture("errors/message-only.json"));
    assertThatThrownBy(() -> tensordock.start("i-1")).isInstanceOfSatisfying(InvalidRequestException.class,
        e -> assertThat(e.providerMessage()).hasValue("Storage must be at least 100 GB"));

    enqueue(400, "{\"error\":\"Not enough GPUs available on this location\",\"status\":400}");
    assertThatThrownBy(() -> tensordock.stop("i-1")).isInstanceOf(CapacityUnavailableException.class);

    enqueue(500, "{\"error\":\"Internal server error\",\"status\":500}");
    assertThatThrownBy(() -> tensordock.get("i-1")).isInstanceOfSatisfying(ProviderUnavailableException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(500));

    enqueue(404, "{\"error\":\"Instance not found\",\"status\":404}");
    assertThat(tensordock.get("i-404")).isEmpty();
  }

  // ---- get, list, stop/start, terminate ----

  @Test
  void getAcceptsTheFlatAndTheDataWrappedShape() throws Exception {
    enqueue(200, fixture("getInstance.response.json"));
    Instance flat = tensordock.get(INSTANCE_ID).orElseThrow();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v2/instances/" + INSTANCE_ID);

    enqueue(200, "{\"data\":" + fixture("getInstance.response.json") + "}");
    Instance wrapped = tensordock.get(INSTANCE_ID).orElseThrow();

    for (Instance i : List.of(flat, wrapped)) {
      assertThat(i.id()).isEqualTo(INSTANCE_ID);
      assertThat(i.name()).isEqualTo("pa-0123456789abcdef");
      assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
      assertThat(i.gpu().canonicalName()).isEqualTo("RTX-4090-24GB");
      assertThat(i.details()).containsEntry("storageGb", "200");
    }
  }

  @Test
  void listIsOneUnpaginatedCallAndMapsStatusesCaseInsensitively() throws Exception {
    enqueue(200, listOf(instance("a", "n-a", "running"), instance("b", "n-b", "StoppedDisassociated"),
        instance("c", "n-c", "Stopping"), instance("d", "n-d", "deleted"), instance("e", "n-e", "migrating")));

    List<Instance> instances = tensordock.list();

    RecordedRequest request = take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v2/instances");
    assertThat(request.getUrl().encodedQuery()).isNull();
    assertThat(instances).extracting(Instance::status).containsExactly(InstanceStatus.RUNNING,
        InstanceStatus.STOPPED, InstanceStatus.STOPPING, InstanceStatus.TERMINATED, InstanceStatus.UNKNOWN);
    assertThat(instances.get(4).rawStatus()).isEqualTo("migrating");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void officialListSampleDecodes() throws Exception {
    enqueue(200, fixture("listInstances.response.json"));
    Instance only = tensordock.list().get(0);
    assertThat(only.id()).isEqualTo(INSTANCE_ID);
    assertThat(only.name()).isEqualTo("My Instance");
    assertThat(only.status()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void stopAndStartPostToTheirPathsAndReturnTheInstanceReadBack() throws Exception {
    enqueue(200, fixture("stopInstance.response.json"));
    enqueue(200, withStatus(fixture("getInstance.response.json"), "stopping"));
    Instance stopped = tensordock.stop(INSTANCE_ID);
    RecordedRequest stop = take();
    assertThat(stop.getMethod()).isEqualTo("POST");
    assertThat(stop.getUrl().encodedPath()).isEqualTo("/api/v2/instances/" + INSTANCE_ID + "/stop");
    take();
    assertThat(stopped.status()).isEqualTo(InstanceStatus.STOPPING);

    enqueue(200, fixture("startInstance.response.json"));
    enqueue(503, "{\"error\":\"busy\",\"status\":503}");
    enqueue(503, "{\"error\":\"busy\",\"status\":503}");
    enqueue(503, "{\"error\":\"busy\",\"status\":503}");
    enqueue(503, "{\"error\":\"busy\",\"status\":503}");
    Instance started = tensordock.start(INSTANCE_ID);
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v2/instances/" + INSTANCE_ID + "/start");
    assertThat(started.status()).as("from the start answer when the read-back fails").isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(started.rawStatus()).isEqualTo("starting");
  }

  @Test
  void terminateDeletesAndAnInstanceAlreadyGoneCountsAsSuccess() throws Exception {
    enqueue(200, fixture("deleteInstance.response.json"));
    tensordock.terminate(INSTANCE_ID);
    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/api/v2/instances/" + INSTANCE_ID);

    enqueue(404, "{\"error\":\"Instance not found\",\"status\":404}");
    tensordock.terminate("gone-1");

    enqueue(200, fixture("errors/in-body-not-found.json"));
    tensordock.terminate("gone-2");

    enqueue(400, "{\"error\":\"Instance is already deleted\",\"status\":400}");
    enqueue(200, withStatus(fixture("getInstance.response.json"), "deleted"));
    tensordock.terminate("gone-3");

    enqueue(400, "{\"error\":\"Instance is busy\",\"status\":400}");
    enqueue(200, fixture("getInstance.response.json"));
    assertThatThrownBy(() -> tensordock.terminate(INSTANCE_ID)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(7);
  }

  // ---- billing, info, discovery, secrets ----

  @Test
  void billingNeedsManualVerificationWithTheHourlyRate() throws Exception {
    assertThat(tensordock.supportsBillingVerification()).isFalse();
    enqueue(200, fixture("getInstance.response.json"));
    BillingStatus billing = tensordock.billingStatus(INSTANCE_ID);
    assertThat(billing.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(billing.ratePerHour()).isEqualByComparingTo("0.744");
    assertThat(billing.accruing()).isTrue();
    assertThat(billing.message()).contains("https://dashboard.tensordock.com/instances");
  }

  @Test
  void infoComesFromProviderYaml() {
    assertThat(tensordock.name()).isEqualTo("tensordock");
    assertThat(tensordock.info().displayName()).isEqualTo("TensorDock");
    assertThat(tensordock.info().capabilities()).contains(Capability.STOP_START, Capability.STARTUP_SCRIPT,
        Capability.SSH_KEYS, Capability.CUSTOM_IMAGE, Capability.DISK_SIZE)
        .doesNotContain(Capability.SPOT, Capability.BILLING_VERIFICATION);
    assertThat(tensordock.rateLimits().global()).singleElement()
        .satisfies(w -> assertThat(w.limit()).isEqualTo(100));
  }

  @Test
  void aBrokerFindsTensordockByNameAndAMissingTokenNamesTheVariableWithoutLeakingAnything() {
    // An explicit config without the key fails at once (configure / load), naming the variable; discovery
    // (the no-argument constructor) still works keyless and reports it on the first call.
    assertThatThrownBy(() -> Providers.load("tensordock", ProviderConfig.builder()
        .environment(Map.of()).baseUrl(server.url("/api/v2").toString()).rateLimited(false).build()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class).isInstanceOf(AuthenticationException.class)
        .hasMessage("tensordock: no credentials: set TENSORDOCK_API_TOKEN or ProviderConfig.apiKey");
    Provider found = Providers.load("tensordock");
    assertThat(found).isInstanceOf(TensordockProvider.class);
    assertThat(server.getRequestCount()).isZero();

    Provider fromEnv = new TensordockProvider(ProviderConfig.builder()
        .environment(Map.of("TENSORDOCK_API_TOKEN", KEY)).baseUrl(server.url("/api/v2").toString()).build());
    assertThat(fromEnv.toString()).doesNotContain(KEY);
  }

  // ---- helpers ----

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  private static ObjectNode instance(String id, String name, String status) {
    ObjectNode i = JSON.createObjectNode().put("type", "virtualmachine").put("id", id);
    i.putObject("attributes").put("name", name).put("status", status);
    return i;
  }

  private static String listOf(ObjectNode... instances) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    var array = root.putObject("data").putArray("instances");
    for (ObjectNode i : instances) {
      array.add(i);
    }
    return JSON.writeValueAsString(root);
  }

  private static String withStatus(String flatInstance, String status) throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(flatInstance);
    node.put("status", status);
    return JSON.writeValueAsString(node);
  }

  /** POSTs to /instances among every request received. */
  private long creates() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      all.add(take());
    }
    return all.stream().filter(r -> r.getMethod().equals("POST")
        && r.getUrl().encodedPath().equals("/api/v2/instances")).count();
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
