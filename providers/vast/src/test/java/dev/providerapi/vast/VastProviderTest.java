package dev.providerapi.vast;

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
import dev.providerapi.errors.QuotaExceededException;
import dev.providerapi.errors.RateLimitedException;
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

/** The hand-written adapter against a loopback server, on our fixtures ({@code specs/vast/fixtures/}). */
class VastProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/vast/fixtures");
  private static final String KEY = "secret-vast-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "pa-0123456789abcdef";

  private MockWebServer server;
  private VastProvider vast;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    vast = new VastProvider(config().build());
  }

  @AfterEach
  void stop() {
    vast.close();
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
  void offersSearchServerSideWithTheDefaultsAndTheCallersGpuCountAndOnDemandPrice() throws Exception {
    enqueue(200, fixture("searchOffers.response.json"));

    List<Offer> offers = vast.offers(OfferFilter.builder().gpu("RTX-4090-24GB").gpuCount(1)
        .maxPricePerHour(new BigDecimal("2.0")).market(Market.ON_DEMAND).build());

    RecordedRequest search = take();
    assertThat(search.getMethod()).isEqualTo("POST");
    assertThat(search.getUrl().encodedPath()).isEqualTo("/api/v0/bundles/");
    assertThat(search.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(search)).isEqualTo(JSON.readTree(fixture("searchOffers.request.json")));

    // The server would have filtered; the fixture has more, and the client-side check keeps only the 4090.
    assertThat(offers).hasSize(1);
    Offer offer = offers.get(0);
    assertThat(offer.id()).isEqualTo("13684241");
    assertThat(offer.provider()).isEqualTo("vast");
    assertThat(offer.gpu().canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(offer.gpu().known()).isTrue();
    assertThat(offer.gpuCount()).isEqualTo(1);
    assertThat(offer.instanceType()).isEqualTo("1x RTX 4090");
    assertThat(offer.pricing().onDemandPerHour()).isEqualByComparingTo("0.3511");
    assertThat(offer.pricing().spotPerHour()).isEqualByComparingTo("0.1867");
    assertThat(offer.region()).isEqualTo("US");
    assertThat(vast.canonicalRegion(offer.region())).isEqualTo("us");
    assertThat(offer.vcpus()).isEqualTo(8);
    assertThat(offer.memoryGib()).isEqualByComparingTo("31.3");
    assertThat(offer.diskGib()).isEqualByComparingTo("212.3");
    assertThat(offer.details()).containsEntry("geolocation", "California, US").containsEntry("machineId", "28714")
        .containsEntry("reliability", "0.9973").containsEntry("inetDownMbps", "904.1");
  }

  @Test
  void everyOfferIsNormalizedToTheCatalogWithPerGpuPricesAndCountryRegions() throws Exception {
    enqueue(200, fixture("searchOffers.response.json"));

    List<Offer> offers = vast.offers(OfferFilter.any());

    JsonNode body = body(take());
    assertThat(body.has("gpu_name")).isFalse();
    assertThat(body.has("dph_total")).isFalse();
    assertThat(body.get("type").asText()).isEqualTo("ondemand");
    assertThat(body.get("verified").get("eq").asBoolean()).isTrue();
    assertThat(body.get("rented").get("eq").asBoolean()).isFalse();

    assertThat(offers).extracting(o -> o.gpu().canonicalName())
        .containsExactly("RTX-4090-24GB", "H100-SXM-80GB", "A100-SXM-80GB");
    assertThat(offers).extracting(Offer::region).containsExactly("US", "DE", "CA");
    Offer h100 = offers.get(1);
    assertThat(h100.gpuCount()).isEqualTo(8);
    assertThat(h100.pricing().onDemandPerHour()).isEqualByComparingTo("17.0744");
    assertThat(h100.pricing().onDemandPerGpuHour()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2.1343"));
    assertThat(h100.pricing().spotPerHour()).isEqualByComparingTo("10.4");
    assertThat(vast.canonicalRegion("DE")).isEqualTo("eu-central");
  }

  @Test
  void aSpotSearchAsksForBidPricingAndFiltersOnTheMinimumBid() throws Exception {
    enqueue(200, fixture("searchOffers.response.json"));

    List<Offer> offers = vast.offers(OfferFilter.builder().market(Market.SPOT)
        .maxPricePerHour(new BigDecimal("1.5")).region("eu-central").build());

    JsonNode body = body(take());
    assertThat(body.get("type").asText()).isEqualTo("bid");
    assertThat(body.get("min_bid").get("lte").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(body.has("dph_total")).isFalse();
    assertThat(body.get("order")).isEqualTo(JSON.readTree("[[\"min_bid\",\"asc\"]]"));
    assertThat(body.get("geolocation").get("in")).extracting(JsonNode::asText)
        .containsExactly("DE", "AT", "CH", "CZ", "PL", "HU", "SK", "SI");
    // In a bid search dph_total is priced from the bid, so no offer claims an on-demand price.
    assertThat(offers).allSatisfy(o -> assertThat(o.pricing().onDemandPerHour()).isNull());
    // Client side: eu-central and a bid of at most 1.5 leaves nothing in this fixture (the H100 bid is 10.4).
    assertThat(offers).isEmpty();
  }

  @Test
  void aModelPrefixSearchesEveryVastNameOfThatModelAndRepeatedFiltersComeFromTheCache() throws Exception {
    enqueue(200, fixture("searchOffers.response.json"));

    List<Offer> h100 = vast.offers(OfferFilter.builder().gpu("H100").build());
    List<Offer> again = vast.offers(OfferFilter.builder().gpu("H100").build());

    JsonNode names = body(take()).get("gpu_name").get("in");
    assertThat(names).extracting(JsonNode::asText).contains("H100 SXM", "H100 PCIE", "H100 NVL");
    assertThat(h100).extracting(Offer::id).containsExactly("20113578");
    assertThat(again).isEqualTo(h100);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- launch ----

  @Test
  void launchRentsTheOfferWithImageDiskLabelStartupScriptAndEnvThenReadsTheInstanceBack() throws Exception {
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("showInstance.response.json"));

    Instance instance = vast.launch(LaunchRequest.builder()
        .offerId("13684241")
        .image("pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime")
        .diskGb(40)
        .startupScript("#!/bin/bash\necho hello")
        .env("HF_HOME", "/workspace/hf")
        .clientToken(TOKEN)
        .build());

    RecordedRequest create = take();
    assertThat(create.getMethod()).isEqualTo("PUT");
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/v0/asks/13684241/");
    assertThat(body(create)).isEqualTo(JSON.readTree(fixture("createInstance.request.json")));

    RecordedRequest get = take();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835610/");

    assertThat(instance.id()).isEqualTo("7835610");
    assertThat(instance.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(instance.clientToken()).isEqualTo(TOKEN);
    assertThat(instance.gpu().canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(instance.market()).isEqualTo(Market.ON_DEMAND);
    assertThat(instance.pricing().onDemandPerHour()).isEqualByComparingTo("0.3511");
    assertThat(instance.publicIp()).isEqualTo("203.0.113.42");
    assertThat(instance.sshPort()).isEqualTo(35610);
    assertThat(instance.details()).containsEntry("sshHost", "ssh5.vast.ai");
    assertThat(instance.createdAt()).hasToString("2025-11-23T10:40:00.250Z");
    assertThat(instance.toString()).doesNotContain("53fc448d6644aa7535c6fa5498cdbedc"); // the Jupyter token
  }

  @Test
  void envValuesDockerFlagsCannotCarryAreExportedByTheStartupScript() throws Exception {
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("showInstance.response.json"));

    vast.launch(LaunchRequest.builder().offerId("13684241")
        .startupScript("#!/bin/bash\npython serve.py")
        .env("HF_TOKEN", "hf_abc123")
        .env("GREETING", "hello world")
        .clientToken(TOKEN)
        .build());

    JsonNode body = body(take());
    assertThat(body.get("image").asText()).isEqualTo(VastProvider.DEFAULT_IMAGE);
    assertThat(body.get("env").asText()).isEqualTo("-e HF_TOKEN=hf_abc123");
    assertThat(body.get("onstart").asText()).isEqualTo("#!/bin/bash\nexport GREETING='hello world'\n"
        + "echo 'GREETING=hello world' >> /etc/environment\npython serve.py");
    assertThat(body.has("price")).isFalse();
    assertThat(body.has("disk")).isFalse();
  }

  @Test
  void aSpotLaunchSendsTheBidAsPriceAndIsMarkedSpot() throws Exception {
    enqueue(200, "{\"success\":true,\"new_contract\":7835611}");
    enqueue(200, withInstance(fixture("showInstance.response.json"), i -> i.put("is_bid", true).put("id", 7835611)
        .put("dph_total", 0.2)));

    Instance instance = vast.launch(LaunchRequest.builder().offerId("13684241")
        .spotBidPerHour(new BigDecimal("0.20")).clientToken(TOKEN).build());

    RecordedRequest create = take();
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/v0/asks/13684241/");
    assertThat(body(create).get("price").decimalValue()).isEqualByComparingTo("0.20");
    assertThat(instance.market()).isEqualTo(Market.SPOT);
    assertThat(instance.pricing().spotPerHour()).isEqualByComparingTo("0.2");
    assertThat(instance.pricing().onDemandPerHour()).isNull();
  }

  @Test
  void aSpotLaunchByGpuRentsTheCheapestBidOfferAtItsMinimumBid() throws Exception {
    enqueue(200, fixture("searchOffers.response.json"));
    enqueue(200, "{\"success\":true,\"new_contract\":7835612}");
    enqueue(200, withInstance(fixture("showInstance.response.json"), i -> i.put("id", 7835612)));

    vast.launch(LaunchRequest.builder().gpu("H100-SXM-80GB").gpuCount(8).market(Market.SPOT)
        .clientToken(TOKEN).build());

    JsonNode search = body(take());
    assertThat(search.get("type").asText()).isEqualTo("bid");
    assertThat(search.get("num_gpus").get("eq").asInt()).isEqualTo(8);
    RecordedRequest create = take();
    assertThat(create.getUrl().encodedPath()).isEqualTo("/api/v0/asks/20113578/");
    assertThat(body(create).get("price").decimalValue()).isEqualByComparingTo("10.4");
  }

  @Test
  void aLaunchThatTimesOutIsResolvedByItsLabelWithExactlyOnePut() throws Exception {
    vast = new VastProvider(config().requestTimeout(Duration.ofMillis(300)).build());
    server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
        .body("{\"success\":true,\"new_contract\":7835610}").build());
    enqueue(200, fixture("showInstances.response.json"));

    Instance instance = vast.launch(LaunchRequest.builder().offerId("13684241").clientToken(TOKEN).build());

    assertThat(instance.id()).isEqualTo("7835610");
    assertThat(instance.clientToken()).isEqualTo(TOKEN);
    RecordedRequest create = take();
    assertThat(create.getMethod()).isEqualTo("PUT");
    RecordedRequest lookup = take();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/v1/instances/");
    assertThat(lookup.getUrl().queryParameter("select_filters")).isEqualTo("{\"label\":{\"eq\":\"" + TOKEN + "\"}}");
    assertThat(lookup.getUrl().queryParameter("limit")).isEqualTo("25");
    // On a loaded machine a lookup can itself outlast the 300 ms timeout and be repeated: more lookups are
    // fine, a second PUT never is.
    List<String> rest = new ArrayList<>();
    for (int i = 2; i < server.getRequestCount(); i++) {
      rest.add(take().getMethod());
    }
    assertThat(rest).as("after one PUT, only lookups").allMatch("GET"::equals);
  }

  @Test
  void aLaunchThat503sIsResolvedByItsLabelWithoutASecondPut() throws Exception {
    enqueue(503, "upstream connect error");
    enqueue(200, "{\"success\":true,\"instances_found\":0,\"total_instances\":0,\"next_token\":null,\"instances\":[]}");
    enqueue(200, fixture("showInstances.response.json"));

    Instance instance = vast.launch(LaunchRequest.builder().offerId("13684241").clientToken(TOKEN).build());

    assertThat(instance.id()).isEqualTo("7835610");
    List<String> methods = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      methods.add(take().getMethod());
    }
    assertThat(methods).containsExactly("PUT", "GET", "GET");
  }

  @Test
  void anErrorThatStillReportsANewContractDestroysItBeforeThrowing() throws Exception {
    enqueue(200, "{\"success\":false,\"error\":\"invalid_args\",\"msg\":\"onstart failed validation\","
        + "\"new_contract\":7835613}");
    enqueue(200, fixture("destroyInstance.response.json"));

    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").clientToken(TOKEN).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerCode()).hasValue("invalid_args");
          assertThat(e.providerMessage()).hasValue("onstart failed validation");
        });

    assertThat(take().getMethod()).isEqualTo("PUT");
    RecordedRequest destroy = take();
    assertThat(destroy.getMethod()).isEqualTo("DELETE");
    assertThat(destroy.getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835613/");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aReportedContractThatCannotBeDestroyedIsNamedInTheLaunchError() throws Exception {
    enqueue(410, "{\"success\":false,\"error\":\"no_such_ask\",\"msg\":\"gone\",\"new_contract\":7835614}");
    for (int i = 0; i < 4; i++) {
      enqueue(500, "{\"success\":false,\"error\":\"server_error\",\"msg\":\"try later\"}");
    }

    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").clientToken(TOKEN).build()))
        .isInstanceOf(dev.providerapi.errors.UnexpectedResponseException.class)
        .hasMessageStartingWith("vast createInstance: HTTP 410 [no_such_ask] gone; vast still created instance 7835614"
            + " and destroying it failed (")
        .hasMessageEndingWith("): destroy instance 7835614 by hand")
        .satisfies(e -> {
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(e.getCause()).isInstanceOf(CapacityUnavailableException.class);
        });
    take();
    RecordedRequest destroy = take();
    assertThat(destroy.getMethod()).isEqualTo("DELETE");
    assertThat(destroy.getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835614/");
  }

  @Test
  void launchErrorsMapToTypedExceptionsAndAreNotRetried() throws Exception {
    enqueue(404, fixture("errors/no-such-ask-404.json"));
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").build()))
        .isInstanceOfSatisfying(CapacityUnavailableException.class, e -> {
          assertThat(e.provider()).isEqualTo("vast");
          assertThat(e.operation()).isEqualTo("createInstance");
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.providerCode()).hasValue("invalid_args");
          assertThat(e.providerMessage()).hasValue(
              "error 404/3603: no_such_ask Instance type by id 13684241 is not available.");
          assertThat(e.isRetryable()).isFalse();
        });

    enqueue(410, fixture("errors/no-such-ask-410.json"));
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").build()))
        .isInstanceOf(CapacityUnavailableException.class).hasMessageContaining("[no_such_ask]");

    enqueue(400, fixture("errors/invalid-price.json"));
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241")
        .spotBidPerHour(new BigDecimal("0.05")).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.providerCode()).hasValue("invalid_price"));

    enqueue(200, fixture("errors/insufficient-credit.json"));
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").build()))
        .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerCode()).isEmpty();
          assertThat(e.providerMessage()).hasValue("Insufficient credit");
        });
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void launchRejectsWhatVastCannotDoBeforeSendingAnything() {
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241")
        .sshKey("ssh-ed25519 AAAA me").build()))
        .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SSH_KEYS");
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("gpu_1x_a10@us-east-1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vast offer ids are numbers");
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").market(Market.SPOT).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs spotBidPerHour");
    assertThatThrownBy(() -> vast.launch(LaunchRequest.builder().offerId("13684241").env("BAD-NAME", "x").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid environment variable name");
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- list, get, lookup ----

  @Test
  void listFollowsNextTokenAcrossEveryPage() throws Exception {
    enqueue(200, page("tok-1", 1001, 1002));
    enqueue(200, page("tok-2", 1003));
    enqueue(200, page(null, 1004));

    List<Instance> instances = vast.list();

    assertThat(instances).extracting(Instance::id).containsExactly("1001", "1002", "1003", "1004");
    RecordedRequest first = take();
    assertThat(first.getUrl().encodedPath()).isEqualTo("/api/v1/instances/");
    assertThat(first.getUrl().queryParameter("after_token")).isNull();
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("25");
    assertThat(take().getUrl().queryParameter("after_token")).isEqualTo("tok-1");
    assertThat(take().getUrl().queryParameter("after_token")).isEqualTo("tok-2");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aCursorThatRepeatsStopsTheListingInsteadOfLoopingForever() throws Exception {
    enqueue(200, page("same", 1));
    enqueue(200, page("same", 2));

    assertThatThrownBy(vast::list).isInstanceOf(dev.providerapi.errors.UnexpectedResponseException.class)
        .hasMessageContaining("pagination served cursor 'same' a second time");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void statusesMapFromActualStatusWithNullAsPendingAndAStoppingContainer() throws Exception {
    // Instances 1..6 get these {actual_status, intended_status} pairs in order.
    String[][] statuses = {{null, "running"}, {"loading", "running"}, {"running", "stopped"},
        {"exited", "stopped"}, {"offline", "running"}, {"something_new", "running"}};
    JsonNode root = JSON.readTree(page(null, 1, 2, 3, 4, 5, 6));
    for (int i = 0; i < statuses.length; i++) {
      ObjectNode inst = (ObjectNode) root.get("instances").get(i);
      if (statuses[i][0] == null) {
        inst.putNull("actual_status");
      } else {
        inst.put("actual_status", statuses[i][0]);
      }
      inst.put("intended_status", statuses[i][1]);
    }
    enqueue(200, JSON.writeValueAsString(root));

    List<Instance> instances = vast.list();
    assertThat(instances).extracting(Instance::status).containsExactly(InstanceStatus.PENDING,
        InstanceStatus.PROVISIONING, InstanceStatus.STOPPING, InstanceStatus.STOPPED, InstanceStatus.FAILED,
        InstanceStatus.UNKNOWN);
    assertThat(instances.get(5).rawStatus()).isEqualTo("something_new");
  }

  @Test
  void getReadsTheSingleInstanceUnderInstancesAndAnUnknownIdIsEmpty() throws Exception {
    enqueue(200, fixture("showInstance.response.json"));
    assertThat(vast.get("7835610")).hasValueSatisfying(i -> assertThat(i.name()).isEqualTo(TOKEN));
    assertThat(take().getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835610/");

    enqueue(404, fixture("errors/not-found.json"));
    assertThat(vast.get("999")).isEmpty();
    enqueue(200, "{\"instances\":null}");
    assertThat(vast.get("998")).isEmpty();
    assertThat(vast.get("not-a-number")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  // ---- terminate, stop, start ----

  @Test
  void terminateDeletesAndAnInstanceAlreadyGoneCountsAsSuccess() throws Exception {
    enqueue(200, fixture("destroyInstance.response.json"));
    vast.terminate("7835610");
    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835610/");

    enqueue(404, fixture("errors/not-found.json"));
    vast.terminate("7835610");
    enqueue(200, "{\"success\":false,\"msg\":\"No such instance\"}");
    vast.terminate("7835610");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void stopAndStartPutTheStateThenReadTheInstanceBack() throws Exception {
    enqueue(200, fixture("manageInstance.response.json"));
    enqueue(200, withInstance(fixture("showInstance.response.json"), i -> i.put("actual_status", "exited")
        .put("intended_status", "stopped")));
    Instance stopped = vast.stop("7835610");
    RecordedRequest put = take();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getUrl().encodedPath()).isEqualTo("/api/v0/instances/7835610/");
    assertThat(body(put)).isEqualTo(JSON.readTree(fixture("manageInstance.request.json")));
    take();
    assertThat(stopped.status()).isEqualTo(InstanceStatus.STOPPED);

    enqueue(200, fixture("manageInstance.response.json"));
    enqueue(200, fixture("showInstance.response.json"));
    Instance started = vast.start("7835610");
    assertThat(body(take())).isEqualTo(JSON.readTree("{\"state\":\"running\"}"));
    assertThat(started.status()).isEqualTo(InstanceStatus.RUNNING);
  }

  @Test
  void anErrorInA200IsTypedLikeTheSameErrorInA4xx() throws Exception {
    enqueue(200, "{\"success\":false,\"error\":\"invalid_args\",\"msg\":\"state must be running or stopped\"}");
    assertThatThrownBy(() -> vast.stop("7835610"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.providerCode()).hasValue("invalid_args");
          assertThat(e.providerMessage()).hasValue("state must be running or stopped");
        });
    enqueue(400, "{\"success\":false,\"error\":\"invalid_args\",\"msg\":\"state must be running or stopped\"}");
    assertThatThrownBy(() -> vast.stop("7835610"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
  }

  // ---- errors shared by every call ----

  @Test
  void vastsInvalidUserKey404IsAnAuthenticationError() throws Exception {
    enqueue(404, fixture("errors/invalid-user-key.json"));
    assertThatThrownBy(() -> vast.offers(OfferFilter.any()))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.providerMessage()).hasValue("Invalid user key");
        });
    enqueue(404, "{\"error\":\"invalid_request\",\"msg\":\"Invalid user key\"}");
    assertThatThrownBy(() -> vast.offers(OfferFilter.builder().gpuCount(2).build()))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void aPlainText429WithoutRetryAfterIsRetriedAndThenSucceeds() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).body("API requests too frequent").build());
    server.enqueue(new MockResponse.Builder().code(429)
        .addHeader("Content-Type", "application/json")
        .body("{\"detail\":\"API requests too frequent endpoint threshold=1.0\"}").build());
    enqueue(200, page(null, 42));

    assertThat(vast.list()).extracting(Instance::id).containsExactly("42");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void a429ThatPersistsIsARateLimitedErrorWithVastsText() throws Exception {
    vast = new VastProvider(config().maxAttempts(2).build());
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(429).body("API requests too frequent").build());
    }

    assertThatThrownBy(vast::list).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.httpStatus()).isEqualTo(429);
      assertThat(e.providerMessage()).hasValue("API requests too frequent");
      assertThat(e.retryAfter()).isEmpty();
    });
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aLaunchTurnedAwayWith429IsSentAgainBecauseNothingWasCreated() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).body("API requests too frequent").build());
    enqueue(200, fixture("createInstance.response.json"));
    enqueue(200, fixture("showInstance.response.json"));

    Instance instance = vast.launch(LaunchRequest.builder().offerId("13684241").clientToken(TOKEN).build());

    assertThat(instance.id()).isEqualTo("7835610");
    assertThat(take().getMethod()).isEqualTo("PUT");
    assertThat(take().getMethod()).isEqualTo("PUT");
    assertThat(take().getMethod()).isEqualTo("GET");
  }

  // ---- billing ----

  @Test
  void billingIsReadFromTheChargesOfThisInstance() throws Exception {
    enqueue(200, fixture("showInstance.response.json"));
    enqueue(200, fixture("showCharges.response.json"));

    BillingStatus billing = vast.billingStatus("7835610");

    take();
    RecordedRequest charges = take();
    assertThat(charges.getMethod()).isEqualTo("GET");
    assertThat(charges.getUrl().encodedPath()).isEqualTo("/api/v0/charges/");
    JsonNode filter = JSON.readTree(charges.getUrl().queryParameter("select_filters"));
    assertThat(filter.get("type").get("in").get(0).asText()).isEqualTo("instance");
    // From a day before the instance started (1763894400) to now.
    assertThat(filter.get("day").get("gte").asLong()).isEqualTo(1763894400L - 86400);
    assertThat(filter.get("day").get("lte").asLong()).isGreaterThan(1763894400L);
    assertThat(charges.getUrl().queryParameter("format")).isEqualTo("table");
    assertThat(charges.getUrl().queryParameter("limit")).isEqualTo("500");

    assertThat(vast.supportsBillingVerification()).isTrue();
    assertThat(billing.verification()).isEqualTo(BillingStatus.Verification.VERIFIED_BY_API);
    assertThat(billing.accruedUsd()).isEqualByComparingTo("8.431");
    assertThat(billing.ratePerHour()).isEqualByComparingTo("0.3511");
    assertThat(billing.accruing()).isTrue();
    assertThat(billing.asOf()).isNotNull();
    assertThat(billing.message()).contains("instance-7835610");
  }

  @Test
  void billingOfADestroyedInstanceFollowsChargePagesAndNoLongerAccrues() throws Exception {
    enqueue(404, fixture("errors/not-found.json"));
    enqueue(200, "{\"success\":true,\"count\":1,\"total\":2,\"next_token\":\"c-1\",\"results\":[{\"source\":"
        + "\"instance-7835610\",\"type\":\"instance\",\"amount\":1.5}]}");
    enqueue(200, "{\"success\":true,\"count\":1,\"total\":2,\"next_token\":null,\"results\":[{\"source\":"
        + "\"instance-7835610\",\"type\":\"instance\",\"amount\":0.25}]}");

    BillingStatus billing = vast.billingStatus("7835610");

    take();
    take();
    assertThat(take().getUrl().queryParameter("after_token")).isEqualTo("c-1");
    assertThat(billing.accruedUsd()).isEqualByComparingTo("1.75");
    assertThat(billing.accruing()).isFalse();
    assertThat(billing.ratePerHour()).isNull();
  }

  // ---- discovery, info, secrets ----

  @Test
  void infoComesFromProviderYaml() {
    assertThat(vast.name()).isEqualTo("vast");
    assertThat(vast.info().displayName()).isEqualTo("Vast.ai");
    assertThat(vast.info().capabilities()).contains(Capability.SPOT, Capability.STOP_START,
        Capability.BILLING_VERIFICATION).doesNotContain(Capability.SSH_KEYS, Capability.RESTART);
    assertThat(vast.rateLimits().perOperation()).containsKey("createInstance");
    assertThat(vast.providerRegions("eu-north")).contains("SE", "NO", "FI");
    assertThat(vast.gpuType("RTX 4090").canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(vast.providerGpuName("RTX-4090-24GB")).hasValue("RTX 4090");
  }

  @Test
  void aBrokerFindsVastByNameAndAMissingKeyNamesTheVariableWithoutLeakingAnything() {
    // An explicit config without the key fails at once (configure / load), naming the variable; discovery
    // (the no-argument constructor) still works keyless and reports it on the first call.
    assertThatThrownBy(() -> Providers.load("vast", ProviderConfig.builder()
        .environment(Map.of()).baseUrl(server.url("/").toString()).rateLimited(false).build()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class).isInstanceOf(AuthenticationException.class)
        .hasMessage("vast: no credentials: set VAST_API_KEY or ProviderConfig.apiKey");
    Provider found = Providers.load("vast");
    assertThat(found).isInstanceOf(VastProvider.class);
    assertThat(server.getRequestCount()).isZero();

    Provider fromEnv = new VastProvider(ProviderConfig.builder()
        .environment(Map.of("VAST_API_KEY", KEY)).baseUrl(server.url("/").toString()).build());
    assertThat(fromEnv.toString()).doesNotContain(KEY);
  }

  // ---- helpers ----

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  /** A list page with instances of the given ids (copies of the fixture instance). */
  private static String page(String nextToken, long... ids) throws IOException {
    JsonNode instance = JSON.readTree(fixture("showInstance.response.json")).get("instances");
    ObjectNode root = JSON.createObjectNode().put("success", true).put("instances_found", ids.length);
    if (nextToken == null) {
      root.putNull("next_token");
    } else {
      root.put("next_token", nextToken);
    }
    var list = root.putArray("instances");
    for (long id : ids) {
      list.add(((ObjectNode) instance.deepCopy()).put("id", id));
    }
    return JSON.writeValueAsString(root);
  }

  private static String withInstance(String json, java.util.function.Consumer<ObjectNode> change) throws IOException {
    JsonNode root = JSON.readTree(json);
    change.accept((ObjectNode) root.get("instances"));
    return JSON.writeValueAsString(root);
  }

  private static JsonNode body(RecordedRequest request) throws IOException {
    return JSON.readTree(request.getBody().utf8());
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
