package dev.providerapi.hyperstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.Providers;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written adapter against a loopback server, on our fixtures ({@code specs/hyperstack/fixtures/}). */
class HyperstackProviderTest {
  private static final Path FIXTURES = Path.of("../../specs/hyperstack/fixtures");
  private static final String KEY = "secret-hyperstack-key-123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private HyperstackProvider hyperstack;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    hyperstack = new HyperstackProvider(ProviderConfig.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/v1").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5))
        .build());
  }

  @AfterEach
  void stop() {
    hyperstack.close();
    server.close();
  }

  @Test
  void isFoundByNameThroughServiceLoaderWithTheCapabilitiesOfProviderYaml() {
    Provider p = Providers.find("hyperstack").orElseThrow();

    assertThat(p).isInstanceOf(HyperstackProvider.class);
    assertThat(p.info().displayName()).isEqualTo("Hyperstack");
    assertThat(p.info().capabilities()).isEqualTo(Set.of(Capability.STOP_START, Capability.RESTART,
        Capability.STARTUP_SCRIPT, Capability.ENV_VARS, Capability.CUSTOM_IMAGE, Capability.SSH_KEYS));
  }

  @Test
  void offersAreGpuFlavorsInStockPricedFromThePricebookPerGpuHour() throws Exception {
    enqueue(200, fixture("Get_pricebook.response.json"));
    enqueue(200, fixture("List_Flavors.response.json"));

    List<Offer> offers = hyperstack.offers(OfferFilter.any());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/pricebook");
    RecordedRequest flavors = take();
    assertThat(flavors.getMethod()).isEqualTo("GET");
    assertThat(flavors.getUrl().encodedPath()).isEqualTo("/v1/core/flavors");
    // The 8x H100 is out of stock and the CPU flavor has no GPU: neither is an offer.
    assertThat(offers).extracting(Offer::id).containsExactlyInAnyOrder("n3-H100x1@CANADA-1", "n3-A100x1@NORWAY-1");
    Offer h100 = offers.stream().filter(o -> o.id().equals("n3-H100x1@CANADA-1")).findFirst().orElseThrow();
    assertThat(h100.gpu().canonicalName()).isEqualTo("H100-PCIE-80GB");
    assertThat(h100.gpuCount()).isEqualTo(1);
    assertThat(h100.region()).isEqualTo("CANADA-1");
    assertThat(h100.pricing().onDemandPerHour()).isEqualByComparingTo("1.9");
    assertThat(h100.vcpus()).isEqualTo(28);
    assertThat(h100.memoryGib()).isEqualByComparingTo("180");
  }

  @Test
  void launchCreatesOneVmInOurEnvironmentLabelledWithTheClientTokenAndReadsItBack() throws Exception {
    enqueue(200, fixture("List_environments.response.json"));
    enqueue(200, fixture("Create_VMs.response.json"));
    enqueue(200, fixture("Get_VM.response.json"));

    Instance vm = hyperstack.launch(LaunchRequest.builder().offerId("n3-H100x1@CANADA-1").sshKey("laptop")
        .name("job-42").clientToken("job-42").startupScript("#!/bin/bash\nnvidia-smi").build());

    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/environments");
    RecordedRequest create = take();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines");
    JsonNode body = JSON.readTree(create.getBody().utf8());
    assertThat(body.get("name").asText()).isEqualTo("job-42");
    assertThat(body.get("environment_name").asText()).isEqualTo("provider-api-CANADA-1");
    assertThat(body.get("flavor_name").asText()).isEqualTo("n3-H100x1");
    assertThat(body.get("key_name").asText()).isEqualTo("laptop");
    assertThat(body.get("count").asInt()).isEqualTo(1);
    assertThat(body.get("assign_floating_ip").asBoolean()).isTrue();
    assertThat(body.get("user_data").asText()).contains("nvidia-smi");
    assertThat(body.get("labels")).hasSize(1);
    assertThat(body.get("labels").get(0).asText()).isEqualTo("provider-api-token=job-42");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/5001");

    assertThat(vm.id()).isEqualTo("5001");
    assertThat(vm.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(vm.rawStatus()).isEqualTo("ACTIVE");
    assertThat(vm.clientToken()).isEqualTo("job-42");
    assertThat(vm.publicIp()).isEqualTo("38.80.122.10");
    assertThat(vm.region()).isEqualTo("CANADA-1");
    assertThat(vm.gpu().canonicalName()).isEqualTo("H100-PCIE-80GB");
  }

  @Test
  void aPublicKeyIsImportedIntoANewEnvironmentOnce() throws Exception {
    String publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOther me@desk";
    enqueue(200, "{\"status\":true,\"environments\":[],\"count\":0}");
    enqueue(200, fixture("Create_environment.response.json").replace("CANADA-1", "NORWAY-1"));
    enqueue(200, fixture("List_key_pairs.response.json"));
    enqueue(200, fixture("Import_key_pair.response.json"));
    enqueue(200, fixture("Create_VMs.response.json"));
    enqueue(200, fixture("Get_VM.response.json"));

    hyperstack.launch(LaunchRequest.builder().offerId("n3-A100x1@NORWAY-1").sshKey(publicKey).clientToken("t-1")
        .build());

    take();
    RecordedRequest env = take();
    assertThat(env.getMethod()).isEqualTo("POST");
    assertThat(JSON.readTree(env.getBody().utf8()).get("name").asText()).isEqualTo("provider-api-NORWAY-1");
    assertThat(JSON.readTree(env.getBody().utf8()).get("region").asText()).isEqualTo("NORWAY-1");
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/keypairs");
    RecordedRequest imported = take();
    assertThat(imported.getMethod()).isEqualTo("POST");
    JsonNode key = JSON.readTree(imported.getBody().utf8());
    assertThat(key.get("environment_name").asText()).isEqualTo("provider-api-NORWAY-1");
    assertThat(key.get("public_key").asText()).isEqualTo(publicKey);
    assertThat(key.get("name").asText()).startsWith("provider-api-").hasSize(29);
    assertThat(JSON.readTree(take().getBody().utf8()).get("key_name").asText()).isEqualTo(key.get("name").asText());
  }

  @Test
  void noFlavorInStockAndAnOutOfStockAnswerAreCapacityErrors() throws Exception {
    enqueue(200, fixture("Get_pricebook.response.json"));
    enqueue(200, fixture("List_Flavors.response.json"));

    assertThatThrownBy(() -> hyperstack.launch(LaunchRequest.builder().gpu("B200-SXM-180GB").sshKey("laptop")
        .clientToken("t-2").build()))
        .isInstanceOf(CapacityUnavailableException.class)
        .hasMessageContaining("no offer with capacity fits instanceType=null, gpu=B200-SXM-180GB x1");

    enqueue(200, fixture("List_environments.response.json"));
    enqueue(400, fixture("errors/out-of-stock.json"));
    assertThatThrownBy(() -> hyperstack.launch(LaunchRequest.builder().offerId("n3-H100x8@CANADA-1")
        .sshKey("laptop").clientToken("t-3").build()))
        .isInstanceOf(CapacityUnavailableException.class)
        .hasMessageContaining("Insufficient stock for flavor n3-H100x8");
  }

  @Test
  void aBadOfferIdOrTwoKeysAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> hyperstack.launch(LaunchRequest.builder().offerId("n3-H100x1").sshKey("laptop")
        .clientToken("t").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hyperstack offer ids look like 'n3-H100x1@CANADA-1', got 'n3-H100x1'");
    assertThatThrownBy(() -> hyperstack.launch(LaunchRequest.builder().offerId("n3-H100x1@CANADA-1")
        .sshKey("laptop").sshKey("desk").clientToken("t").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hyperstack launches take exactly one SSH key (a key pair name or a public key), got 2");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void successWithoutAnIdIsAnUnexpectedResponseResolvedByTheTokenLabel() throws Exception {
    enqueue(200, fixture("List_environments.response.json"));
    enqueue(200, "{\"status\":true,\"message\":\"ok\",\"instances\":[]}");
    enqueue(200, fixture("List_VMs.response.json"));

    Instance vm = hyperstack.launch(LaunchRequest.builder().offerId("n3-H100x1@CANADA-1").sshKey("laptop")
        .clientToken("train-7").build());

    assertThat(vm.id()).isEqualTo("5002");
    assertThat(vm.status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(server.getRequestCount()).isEqualTo(3); // never a second Create_VMs
  }

  @Test
  void getOfAVmThatIsGoneOrCannotExistIsEmpty() throws Exception {
    enqueue(404, fixture("errors/not-found.json"));

    assertThat(hyperstack.get("404")).isEmpty();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/404");
    assertThat(hyperstack.get("i-abc")).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void listReadsEveryPageUntilAShortOne() throws Exception {
    ObjectNode vm = (ObjectNode) JSON.readTree(fixture("List_VMs.response.json")).get("instances").get(0);
    for (int p = 0; p < 3; p++) {
      ObjectNode page = JSON.createObjectNode().put("status", true).put("message", "Success");
      var items = page.putArray("instances");
      for (int k = 0; k < (p < 2 ? 50 : 3); k++) {
        items.add(vm.deepCopy().put("id", 6000 + p * 50 + k));
      }
      page.put("page", p + 1).put("page_size", 50).put("count", 103);
      enqueue(200, page.toString());
    }

    List<Instance> all = hyperstack.list();

    assertThat(all).hasSize(103);
    assertThat(all.get(102).id()).isEqualTo("6102");
    for (int p = 1; p <= 3; p++) {
      RecordedRequest request = take();
      assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines");
      assertThat(request.getUrl().queryParameter("page")).isEqualTo(String.valueOf(p));
      assertThat(request.getUrl().queryParameter("pageSize")).isEqualTo("50");
    }
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void terminateOfAVmAlreadyGoneIsDone() throws Exception {
    enqueue(404, fixture("errors/not-found.json"));

    hyperstack.terminate("5001");

    RecordedRequest delete = take();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/5001");
  }

  @Test
  void stopStartAndRebootAreGetsThatAreNeverRetried() throws Exception {
    enqueue(503, "{\"status\":false,\"message\":\"busy\"}");
    enqueue(200, fixture("Stop_VM.response.json"));

    assertThatThrownBy(() -> hyperstack.stop("5001")).isInstanceOf(ProviderUnavailableException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest stop = take();
    assertThat(stop.getMethod()).isEqualTo("GET");
    assertThat(stop.getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/5001/stop");

    enqueue(200, fixture("Get_VM.response.json").replace("\"ACTIVE\"", "\"SHUTOFF\""));
    assertThat(hyperstack.stop("5001").status()).isEqualTo(InstanceStatus.STOPPED);
    enqueue(200, fixture("Start_VM.response.json"));
    enqueue(200, fixture("Get_VM.response.json"));
    assertThat(hyperstack.start("5001").status()).isEqualTo(InstanceStatus.RUNNING);
    enqueue(200, fixture("Hard_reboot_VM.response.json"));
    enqueue(200, fixture("Get_VM.response.json").replace("\"ACTIVE\"", "\"HARD_REBOOT\""));
    assertThat(hyperstack.restart("5001").status()).isEqualTo(InstanceStatus.PROVISIONING);
    take();
    take();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/5001/start");
    take();
    assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/core/virtual-machines/5001/hard-reboot");
  }

  @Test
  void anUnknownStatusIsUnknownWithItsRawText() throws Exception {
    enqueue(200, fixture("Get_VM.response.json").replace("\"ACTIVE\"", "\"SHELVED_OFFLOADED\""));

    Instance vm = hyperstack.get("5001").orElseThrow();

    assertThat(vm.status()).isEqualTo(InstanceStatus.UNKNOWN);
    assertThat(vm.rawStatus()).isEqualTo("SHELVED_OFFLOADED");
    assertThat(vm.toString()).doesNotContain(KEY);
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8);
  }

  private void enqueue(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(body).build());
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    assertThat(request.getHeaders().get("api_key")).isEqualTo(KEY);
    return request;
  }
}
