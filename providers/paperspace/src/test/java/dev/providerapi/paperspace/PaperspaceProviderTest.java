package dev.providerapi.paperspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.Capability;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.NotFoundException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.model.BillingStatus;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import dev.providerapi.model.PriceSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written adapter against a loopback server, on our fixtures ({@code specs/paperspace/fixtures/}). */
class PaperspaceProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/paperspace/fixtures");
  private static final String KEY = "secret-paperspace-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private PaperspaceProvider paperspace;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    paperspace = new PaperspaceProvider(config().build());
  }

  @AfterEach
  void stop() {
    paperspace.close();
    server.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/v1").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5));
  }

  // ---- offers ----

  @Test
  void offersAreTemplateMachineTypesTimesAvailableRegionsWithCatalogPricesPerHourAndPerGpuHour() throws Exception {
    String templates = fixture("listOsTemplates.response.json");
    // H100 is sold out in ams1, A4000 everywhere; the rest is available.
    Set<String> soldOut = Set.of("H100@ams1", "A4000@ny2", "A4000@ca1", "A4000@ams1");
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String path = r.getUrl().encodedPath();
        if (path.equals("/v1/os-templates")) {
          return json(200, templates);
        }
        if (path.equals("/v1/machine-availability")) {
          String key = r.getUrl().queryParameter("machineType") + "@" + r.getUrl().queryParameter("region");
          return json(200, "{\"available\":" + !soldOut.contains(key) + "}");
        }
        return json(404, "{\"message\":\"no route " + path + "\",\"code\":\"NOT_FOUND\"}");
      }
    });

    List<Offer> offers = paperspace.offers(OfferFilter.any());

    RecordedRequest first = take();
    assertThat(first.getMethod()).isEqualTo("GET");
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/os-templates");
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("120");

    assertThat(offers).extracting(Offer::id).containsExactlyInAnyOrder(
        "A100-80G@ny2", "A100-80G@ca1", "A100-80G@ams1",
        "A100-80Gx8@ny2", "A100-80Gx8@ca1", "A100-80Gx8@ams1",
        "A6000@ny2", "A6000@ca1", "A6000@ams1",
        "H100@ny2", "H100@ca1",
        "H100x8@ny2", "H100x8@ca1", "H100x8@ams1");
    Offer h100x8 = offers.stream().filter(o -> o.id().equals("H100x8@ny2")).findFirst().orElseThrow();
    assertThat(h100x8.instanceType()).isEqualTo("H100x8");
    assertThat(h100x8.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(h100x8.gpuCount()).isEqualTo(8);
    assertThat(h100x8.region()).isEqualTo("ny2");
    assertThat(h100x8.pricing().onDemandPerHour()).isEqualByComparingTo("47.60");
    assertThat(h100x8.pricing().onDemandPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5.95"));
    assertThat(h100x8.pricing().spotPerHour()).isNull();
    assertThat(h100x8.priceSource()).isEqualTo(PriceSource.CATALOG);
    assertThat(h100x8.priceAsOf()).isNotNull();
    Offer a100 = offers.stream().filter(o -> o.id().equals("A100-80G@ams1")).findFirst().orElseThrow();
    assertThat(a100.gpu().canonicalName()).isEqualTo("A100-SXM-80GB");
    assertThat(a100.gpuCount()).isEqualTo(1);
    assertThat(a100.pricing().onDemandPerHour()).isEqualByComparingTo("3.18");
    assertThat(offers.stream().filter(o -> o.id().startsWith("A6000@")).findFirst().orElseThrow().gpu().canonicalName())
        .isEqualTo("A6000-48GB");
    // C5 (CPU only, no price) is never asked about; every other type once per region.
    assertThat(server.getRequestCount()).isEqualTo(1 + 6 * 3);

    // Filters are canonical: a GPU, a count and a canonical region; the second call is served from cache.
    List<Offer> h100InUsEast = paperspace.offers(OfferFilter.builder().gpu("H100-SXM-80GB").gpuCount(1)
        .region("us-east").build());
    assertThat(h100InUsEast).extracting(Offer::id).containsExactly("H100@ny2");
    assertThat(server.getRequestCount()).isEqualTo(19);
  }

  // ---- launch ----

  @Test
  void launchCreatesTheStartupScriptOnceReusesItAndSendsItsIdWithTheClientTokenAsName() throws Exception {
    String script = "#!/bin/bash\nnvidia-smi > /root/gpu.txt\n";
    String content = "#!/bin/bash\nexport HF_TOKEN='abc'\necho 'HF_TOKEN=abc' >> /etc/environment\n"
        + "nvidia-smi > /root/gpu.txt\n";
    String scriptName = StartupScriptResources.nameFor(content);
    // First launch: no such script yet, so it is created.
    enqueue(200, "{\"hasMore\":false,\"nextPage\":null,\"items\":[]}");
    enqueue(200, with(fixture("createStartupScript.response.json"), s -> s.put("name", scriptName)));
    enqueue(200, fixture("createMachine.response.json"));
    // Second launch: the script is found by name and reused.
    enqueue(200, with(fixture("listStartupScripts.response.json"),
        page -> ((ObjectNode) page.get("items").get(0)).put("name", scriptName)));
    enqueue(200, fixture("createMachine.response.json"));

    LaunchRequest request = LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5").diskGb(100)
        .startupScript(script).env("HF_TOKEN", "abc").clientToken("pa-4f2a9c1e7b3d5a60").build();
    Instance instance = paperspace.launch(request);

    assertThat(instance.id()).isEqualTo("psv7ab2cd");
    assertThat(instance.status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(instance.rawStatus()).isEqualTo("provisioning");
    assertThat(instance.clientToken()).isEqualTo("pa-4f2a9c1e7b3d5a60");
    RecordedRequest find = take();
    assertThat(find.getMethod()).isEqualTo("GET");
    assertThat(find.getUrl().encodedPath()).isEqualTo("/v1/startup-scripts");
    assertThat(find.getUrl().queryParameter("name")).isEqualTo(scriptName);
    RecordedRequest createScript = take();
    assertThat(createScript.getMethod()).isEqualTo("POST");
    assertThat(createScript.getUrl().encodedPath()).isEqualTo("/v1/startup-scripts");
    JsonNode scriptBody = JSON.readTree(createScript.getBody().utf8());
    assertThat(scriptBody.get("name").asText()).isEqualTo(scriptName);
    assertThat(scriptBody.get("script").asText()).isEqualTo(content);
    assertThat(scriptBody.get("isRunOnce").asBoolean()).isTrue();
    RecordedRequest create = take();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getUrl().encodedPath()).isEqualTo("/v1/machines");
    JsonNode body = JSON.readTree(create.getBody().utf8());
    assertThat(body.get("name").asText()).isEqualTo("pa-4f2a9c1e7b3d5a60");
    assertThat(body.get("machineType").asText()).isEqualTo("A100-80G");
    assertThat(body.get("region").asText()).isEqualTo("ny2");
    assertThat(body.get("templateId").asText()).isEqualTo("t0nspur5");
    assertThat(body.get("diskSize").asInt()).isEqualTo(100);
    assertThat(body.get("startupScriptId").asText()).isEqualTo("scr7hq2mz");
    assertThat(body.get("startOnCreate").asBoolean()).isTrue();

    paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5").name("train")
        .startupScript(script).env("HF_TOKEN", "abc").clientToken("pa-second").build());
    RecordedRequest findAgain = take();
    assertThat(findAgain.getUrl().encodedPath()).isEqualTo("/v1/startup-scripts");
    assertThat(findAgain.getMethod()).isEqualTo("GET");
    RecordedRequest secondCreate = take();
    assertThat(secondCreate.getUrl().encodedPath()).isEqualTo("/v1/machines");
    JsonNode second = JSON.readTree(secondCreate.getBody().utf8());
    assertThat(second.get("startupScriptId").asText()).isEqualTo("scr7hq2mz");
    assertThat(second.get("name").asText()).isEqualTo("train [pa-second]");
    assertThat(server.getRequestCount()).as("the script was created once").isEqualTo(5);
  }

  @Test
  void withoutAnImageTheMlTemplateForTheMachineTypeIsUsedWithItsDefaultDisk() throws Exception {
    enqueue(200, fixture("listOsTemplates.response.json"));
    enqueue(200, fixture("createMachine.response.json"));

    paperspace.launch(LaunchRequest.builder().instanceType("A6000").region("ams1").clientToken("pa-t").build());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/os-templates");
    JsonNode body = JSON.readTree(take().getBody().utf8());
    assertThat(body.get("templateId").asText()).isEqualTo("t0nspur5");
    assertThat(body.get("diskSize").asInt()).isEqualTo(100);
    assertThat(body.get("region").asText()).isEqualTo("ams1");
    assertThat(body.has("startupScriptId")).isFalse();
  }

  @Test
  void anAsyncCreateWithoutAMachineIsFollowedThroughItsEventToTheMachine() throws Exception {
    enqueue(200, with(fixture("createMachine.response.json"), op -> {
      op.remove("data");
      ((ObjectNode) op.get("event")).putNull("machineId");
    }));
    enqueue(200, with(fixture("getMachineEvent.response.json"), e -> e.put("state", "in progress").putNull("machineId")));
    enqueue(200, fixture("getMachineEvent.response.json"));
    enqueue(200, fixture("getMachine.response.json"));

    Instance instance = paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-4f2a9c1e7b3d5a60").build());

    assertThat(instance.id()).isEqualTo("psv7ab2cd");
    assertThat(instance.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(instance.publicIp()).isEqualTo("184.105.6.42");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/machines");
    RecordedRequest poll = take();
    assertThat(poll.getMethod()).isEqualTo("GET");
    assertThat(poll.getUrl().encodedPath()).isEqualTo("/v1/machine-events/mev1x9dk2q");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/machine-events/mev1x9dk2q");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/machines/psv7ab2cd");
  }

  @Test
  void aCreateEventThatFailsForCapacityIsACapacityError() throws Exception {
    enqueue(200, with(fixture("createMachine.response.json"), op -> {
      op.remove("data");
      ((ObjectNode) op.get("event")).putNull("machineId").put("state", "error")
          .put("error", "Insufficient capacity for A100-80G in ny2");
    }));

    assertThatThrownBy(() -> paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-x").build()))
        .isInstanceOf(CapacityUnavailableException.class)
        .hasMessageContaining("Insufficient capacity for A100-80G in ny2");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aCreateThat500sIsResolvedByItsClientTokenWithExactlyOneCreate() throws Exception {
    enqueue(500, fixture("errors/internal.json"));
    enqueue(200, with(fixture("listMachines.response.json"), page -> page.put("hasMore", false).putNull("nextPage")));

    Instance instance = paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-4f2a9c1e7b3d5a60").build());

    assertThat(instance.id()).isEqualTo("psv7ab2cd");
    assertThat(instance.clientToken()).isEqualTo("pa-4f2a9c1e7b3d5a60");
    assertThat(take().getMethod()).isEqualTo("POST");
    RecordedRequest lookup = take();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v1/machines");
    assertThat(server.getRequestCount()).as("one create, one lookup").isEqualTo(2);
  }

  @Test
  void aCreateThatTimesOutAndIsNeverFoundFailsAsUnknownOutcomeWithoutASecondCreate() throws Exception {
    paperspace = new PaperspaceProvider(config().requestTimeout(Duration.ofMillis(300)).build());
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
        .body(fixture("createMachine.response.json")).build());
    for (int i = 0; i < 3; i++) {
      enqueue(200, "{\"hasMore\":false,\"nextPage\":null,\"items\":[]}");
    }

    assertThatThrownBy(() -> paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-lost").build()))
        .isInstanceOf(LaunchOutcomeUnknownException.class)
        .satisfies(e -> assertThat(((LaunchOutcomeUnknownException) e).clientToken()).isEqualTo("pa-lost"));
    long creates = 0;
    for (int i = 0; i < server.getRequestCount(); i++) {
      RecordedRequest r = take();
      if (r.getMethod().equals("POST") && r.getUrl().encodedPath().equals("/v1/machines")) {
        creates++;
      }
    }
    assertThat(creates).isEqualTo(1);
  }

  @Test
  void aCreateTurnedAwayWith429IsRetriedBecauseNothingWasCreated() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
        .addHeader("Content-Type", "application/json").body(fixture("errors/rate-limited.json")).build());
    enqueue(200, fixture("createMachine.response.json"));

    Instance instance = paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-4f2a9c1e7b3d5a60").build());

    assertThat(instance.id()).isEqualTo("psv7ab2cd");
    assertThat(take().getMethod()).isEqualTo("POST");
    assertThat(take().getMethod()).isEqualTo("POST");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void a429ThatPersistsIsARateLimitedErrorWithTheProvidersCode() throws Exception {
    paperspace = new PaperspaceProvider(config().maxAttempts(2).build());
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0")
          .addHeader("Content-Type", "application/json").body(fixture("errors/rate-limited.json")).build());
    }

    assertThatThrownBy(() -> paperspace.get("psv7ab2cd"))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((ProviderException) e).providerCode()).hasValue("TOO_MANY_REQUESTS"))
        .hasMessageContaining("Too many requests");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void spotIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2")
        .market(Market.SPOT).build()))
        .isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessageContaining("SPOT");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- errors ----

  @Test
  void everyErrorBodyMapsToItsTypedExceptionWithCodeAndMessage() throws Exception {
    paperspace = new PaperspaceProvider(config().maxAttempts(1).build());
    enqueue(401, fixture("errors/unauthorized.json"));
    assertThatThrownBy(() -> paperspace.list()).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Invalid API key").hasMessageNotContaining(KEY)
        .satisfies(e -> assertThat(((ProviderException) e).providerCode()).hasValue("UNAUTHORIZED"));

    enqueue(404, fixture("errors/not-found.json"));
    assertThatThrownBy(() -> paperspace.stop("psgone")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Machine not found")
        .satisfies(e -> assertThat(((ProviderException) e).httpStatus()).isEqualTo(404));

    enqueue(400, fixture("errors/bad-request.json"));
    assertThatThrownBy(() -> paperspace.launch(LaunchRequest.builder().offerId("A100-80G@ny2").image("t0nspur5")
        .clientToken("pa-bad").build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Invalid input")
        .satisfies(e -> assertThat(((ProviderException) e).providerCode()).hasValue("BAD_REQUEST"));

    enqueue(400, fixture("errors/capacity.json"));
    assertThatThrownBy(() -> paperspace.launch(LaunchRequest.builder().offerId("H100@ny2").image("t0nspur5")
        .clientToken("pa-cap").build()))
        .isInstanceOf(CapacityUnavailableException.class)
        .hasMessageContaining("not enough capacity");

    enqueue(500, fixture("errors/internal.json"));
    assertThatThrownBy(() -> paperspace.get("psv7ab2cd")).isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("Something went wrong")
        .satisfies(e -> assertThat(((ProviderException) e).providerCode()).hasValue("INTERNAL_SERVER_ERROR"));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }

  // ---- instances ----

  @Test
  void listFollowsNextPageAcrossThreePagesAndMapsStates() throws Exception {
    String page = fixture("listMachines.response.json");
    enqueue(200, with(page, p -> p.put("nextPage", "cursor-2")));
    enqueue(200, with(page, p -> {
      p.put("nextPage", "cursor-3");
      ArrayNode items = (ArrayNode) p.get("items");
      ((ObjectNode) items.get(0)).put("id", "ps3").put("state", "stopping").put("name", "job [pa-77]");
      ((ObjectNode) items.get(1)).put("id", "ps4").put("state", "serviceready");
    }));
    enqueue(200, with(page, p -> {
      p.put("hasMore", false).putNull("nextPage");
      ArrayNode items = (ArrayNode) p.get("items");
      items.remove(1);
      ((ObjectNode) items.get(0)).put("id", "ps5").put("state", "restarting");
    }));

    List<Instance> all = paperspace.list();

    assertThat(all).extracting(Instance::id).containsExactly("psv7ab2cd", "psq81xkzt", "ps3", "ps4", "ps5");
    assertThat(all).extracting(Instance::status).containsExactly(InstanceStatus.RUNNING, InstanceStatus.STOPPED,
        InstanceStatus.STOPPING, InstanceStatus.PROVISIONING, InstanceStatus.PROVISIONING);
    assertThat(all.get(2).clientToken()).isEqualTo("pa-77");
    assertThat(all.get(2).name()).isEqualTo("job [pa-77]");
    Instance a6000 = all.get(1);
    assertThat(a6000.gpu().canonicalName()).isEqualTo("A6000-48GB");
    assertThat(a6000.gpuCount()).isEqualTo(1);
    assertThat(a6000.region()).isEqualTo("ams1");
    assertThat(a6000.pricing().onDemandPerHour()).isEqualByComparingTo("1.89");
    RecordedRequest first = take();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/v1/machines");
    assertThat(first.getUrl().queryParameter("after")).isNull();
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("120");
    assertThat(take().getUrl().queryParameter("after")).isEqualTo("cursor-2");
    assertThat(take().getUrl().queryParameter("after")).isEqualTo("cursor-3");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void findByClientTokenMatchesTheNameOrItsTokenSuffix() throws Exception {
    enqueue(200, with(fixture("listMachines.response.json"), p -> {
      p.put("hasMore", false).putNull("nextPage");
      ((ObjectNode) p.get("items").get(1)).put("name", "train [pa-4f2a9c1e7b3d5a60]");
    }));

    List<Instance> found = paperspace.findByClientToken("pa-4f2a9c1e7b3d5a60");

    assertThat(found).extracting(Instance::id).containsExactlyInAnyOrder("psv7ab2cd", "psq81xkzt");
  }

  @Test
  void getMapsTheMachineAndAnUnknownOneIsEmpty() throws Exception {
    enqueue(200, fixture("getMachine.response.json"));
    enqueue(404, fixture("errors/not-found.json"));

    Instance i = paperspace.get("psv7ab2cd").orElseThrow();
    assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(i.gpu().canonicalName()).isEqualTo("A100-SXM-80GB");
    assertThat(i.gpuCount()).isEqualTo(1);
    assertThat(i.sshPort()).isEqualTo(22);
    assertThat(i.createdAt()).isNotNull();
    assertThat(paperspace.get("psgone")).isEmpty();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/machines/psv7ab2cd");
  }

  @Test
  void startStopAndRestartPatchTheMachineAndReturnItsNewState() throws Exception {
    enqueue(200, fixture("stopMachine.response.json"));
    enqueue(200, fixture("startMachine.response.json"));
    enqueue(200, fixture("restartMachine.response.json"));

    assertThat(paperspace.stop("psv7ab2cd").status()).isEqualTo(InstanceStatus.STOPPING);
    assertThat(paperspace.start("psv7ab2cd").status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(paperspace.restart("psv7ab2cd").rawStatus()).isEqualTo("restarting");
    for (String action : List.of("stop", "start", "restart")) {
      RecordedRequest r = take();
      assertThat(r.getMethod()).isEqualTo("PATCH");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/machines/psv7ab2cd/" + action);
    }
  }

  @Test
  void terminateDeletesAndAMachineAlreadyGoneCountsAsSuccess() throws Exception {
    enqueue(200, fixture("deleteMachine.response.json"));
    enqueue(404, fixture("errors/not-found.json"));

    paperspace.terminate("psv7ab2cd");
    paperspace.terminate("psv7ab2cd");

    for (int i = 0; i < 2; i++) {
      RecordedRequest r = take();
      assertThat(r.getMethod()).isEqualTo("DELETE");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/machines/psv7ab2cd");
    }
  }

  @Test
  void billingNeedsManualVerificationAtTheConsoleWithTheMachinesRate() throws Exception {
    enqueue(200, fixture("getMachine.response.json"));

    BillingStatus billing = paperspace.billingStatus("psv7ab2cd");

    assertThat(paperspace.supportsBillingVerification()).isFalse();
    assertThat(billing.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(billing.ratePerHour()).isEqualByComparingTo("3.18");
    assertThat(billing.consoleUrl()).hasToString("https://console.paperspace.com/machines");
  }

  @Test
  void infoComesFromProviderYaml() {
    assertThat(paperspace.name()).isEqualTo("paperspace");
    assertThat(paperspace.info().capabilities()).contains(Capability.STOP_START, Capability.RESTART,
        Capability.STARTUP_SCRIPT, Capability.DISK_SIZE).doesNotContain(Capability.SPOT,
        Capability.BILLING_VERIFICATION);
    assertThat(paperspace.canonicalRegion("ny2")).isEqualTo("us-east");
    assertThat(paperspace.canonicalRegion("AMS1")).isEqualTo("eu-west");
    assertThat(paperspace.providerRegions("us-west")).containsExactly("ca1");
  }

  // ---- helpers ----

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  private static String with(String json, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(json);
    change.accept(root);
    return JSON.writeValueAsString(root);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private void enqueue(int code, String body) {
    server.enqueue(json(code, body));
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    return request;
  }
}
