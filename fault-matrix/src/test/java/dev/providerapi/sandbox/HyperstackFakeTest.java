package dev.providerapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HyperstackFakeTest {
  @RegisterExtension
  static SandboxExtension sandbox = SandboxExtension.of("hyperstack").withConfig(c -> c.rateLimited(false));

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void clean() {
    sandbox.provider().list().forEach(i -> sandbox.provider().terminate(i.id()));
    sandbox.state().clear();
  }

  private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.sandbox().baseUrl("hyperstack") + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("api_key", key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static LaunchRequest request(String token) {
    return LaunchRequest.builder().offerId("n3-H100x1@CANADA-1").sshKey("laptop").clientToken(token).build();
  }

  @Test
  void listIsPagedByPageAndPageSizeAndTheAdapterReadsAllThreePages() throws Exception {
    for (int n = 0; n < 5; n++) {
      sandbox.provider().launch(request("tok-" + n));
    }
    String key = sandbox.fake().apiKey();

    JsonNode p3 = Specs.JSON.readTree(send("GET", "/core/virtual-machines?page=3&pageSize=2", null, key).body());

    assertThat(p3.get("count").asInt()).isEqualTo(5);
    assertThat(p3.get("instances")).hasSize(1);
    assertThat(p3.get("page").asInt()).isEqualTo(3);
    assertThat(sandbox.provider().list()).extracting(Instance::clientToken)
        .containsExactly("tok-0", "tok-1", "tok-2", "tok-3", "tok-4");
  }

  @Test
  void theApiKeyHeaderIsRequiredAndErrorsAreErrorResponseModels() throws Exception {
    HttpResponse<String> noKey = send("GET", "/core/virtual-machines", null, null);
    assertThat(noKey.statusCode()).isEqualTo(401);

    HttpResponse<String> missing = send("GET", "/core/virtual-machines/999999", null, sandbox.fake().apiKey());
    JsonNode error = Specs.JSON.readTree(missing.body());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(error.get("status").asBoolean()).isFalse();
    assertThat(error.get("error_reason").asText()).isEqualTo("NOT_FOUND");
    assertThat(error.get("message").asText()).isEqualTo("Virtual machine not found");
  }

  @Test
  void aCreateIsValidatedAgainstOurSpecAndRefusedWithoutStockOrKeyPair() throws Exception {
    String key = sandbox.fake().apiKey();

    HttpResponse<String> noKeyName = send("POST", "/core/virtual-machines",
        "{\"name\":\"a\",\"environment_name\":\"provider-api-CANADA-1\",\"flavor_name\":\"n3-H100x1\",\"count\":1}", key);
    assertThat(noKeyName.statusCode()).isEqualTo(400);
    assertThat(sandbox.state().refused()).singleElement().asString().startsWith("Create_VMs: ").contains("key_name");

    HttpResponse<String> noStock = send("POST", "/core/virtual-machines", "{\"name\":\"a\",\"environment_name\":"
        + "\"provider-api-CANADA-1\",\"flavor_name\":\"n3-H100x8\",\"key_name\":\"laptop\",\"count\":1}", key);
    assertThat(noStock.statusCode()).isEqualTo(400);
    assertThat(Specs.JSON.readTree(noStock.body()).get("message").asText())
        .isEqualTo("Insufficient stock for flavor n3-H100x8 in CANADA-1");

    HttpResponse<String> unknownKey = send("POST", "/core/virtual-machines", "{\"name\":\"a\",\"environment_name\":"
        + "\"provider-api-CANADA-1\",\"flavor_name\":\"n3-H100x1\",\"key_name\":\"nobody\",\"count\":1}", key);
    assertThat(unknownKey.statusCode()).isEqualTo(404);
    assertThat(sandbox.state().live()).isEmpty();
  }

  @Test
  void stopStartAndRebootAreGetsOnTheStoredVm() throws Exception {
    Instance vm = sandbox.provider().launch(request("tok-s"));
    String key = sandbox.fake().apiKey();

    assertThat(send("GET", "/core/virtual-machines/" + vm.id() + "/stop", null, key).statusCode()).isEqualTo(200);
    assertThat(sandbox.state().instance(vm.id()).orElseThrow().state(sandbox.sandbox().clock().now()))
        .isEqualTo(FakeInstance.State.STOPPED);
    assertThat(sandbox.state().calls(Op.STOP)).isEqualTo(1);
    assertThat(send("GET", "/core/virtual-machines/" + vm.id() + "/hard-reboot", null, key).statusCode())
        .isEqualTo(200);
    assertThat(sandbox.state().calls(Op.RESTART)).isEqualTo(1);
    assertThat(sandbox.state().instance(vm.id()).orElseThrow().state(sandbox.sandbox().clock().now()))
        .isEqualTo(FakeInstance.State.BOOTING);
  }
}
