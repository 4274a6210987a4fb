package dev.providerapi.coreweave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.Capability;
import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.errors.QuotaExceededException;
import dev.providerapi.errors.UnsupportedCapabilityException;
import dev.providerapi.kube.Kubeconfig;
import dev.providerapi.lifecycle.KubernetesNames;
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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a loopback API server: the wire requests of every operation, the launch body checked against
 * the CRD's schema, conditions -> status, and a duplicate create (409) resolved to the existing server.
 */
class CoreweaveProviderTest {
  private static final Path SPECS = Path.of("../../specs/coreweave");
  private static final String NS = "tenant-example";
  private static final String VS = "/apis/virtualservers.coreweave.com/v1alpha1/namespaces/" + NS + "/virtualservers";
  private static final String VM = "/apis/subresources.kubevirt.io/v1/namespaces/" + NS + "/virtualmachines";
  private static final String IMAGE = "ubuntu2004-nvidia-515-86-01-1-docker-master-20221205-ord1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MockWebServer server;
  private CoreweaveProvider coreweave;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    coreweave = new CoreweaveProvider(config().build(), Kubeconfig.none());
  }

  @AfterEach
  void stop() {
    coreweave.close();
    server.close();
  }

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder()
        .environment(Map.of())
        .apiKey("sa-token")
        .secret(CoreweaveProvider.NAMESPACE_ENV, NS)
        .baseUrl(server.url("/").toString())
        .rateLimited(false)
        .retryBaseDelay(Duration.ofMillis(1))
        .launchLookupDelay(Duration.ofMillis(1))
        .requestTimeout(Duration.ofSeconds(5));
  }

  // ---- offers ----

  @Test
  void offersComeFromTheDeclaredCatalogMarkedAsCatalogPrices() {
    var offers = coreweave.offers(OfferFilter.any());
    assertThat(server.getRequestCount()).as("no offers endpoint is called").isZero();
    Offer a40 = offers.stream().filter(o -> o.id().equals("A40/8/LAS1")).findFirst().orElseThrow();
    assertThat(a40.priceSource()).isEqualTo(PriceSource.CATALOG);
    assertThat(a40.priceAsOf()).isEqualTo(Instant.parse("2023-12-31T00:00:00Z"));
    assertThat(a40.pricing().onDemandPerHour()).isEqualByComparingTo("10.24");
    assertThat(a40.pricing().spotPerHour()).isNull();
    assertThat(a40.gpu().canonicalName()).isEqualTo("A40-48GB");
    assertThat(a40.gpuCount()).isEqualTo(8);
    assertThat(a40.region()).isEqualTo("LAS1");
    assertThat(a40.details()).containsEntry("priceNote",
        "GPU only; vCPU (0.01/h) and RAM (0.005/GiB-h) are billed on top, per minute");
    Offer h100 = offers.stream().filter(o -> o.id().equals("H100_NVLINK_80GB/1/ORD1")).findFirst().orElseThrow();
    assertThat(h100.gpu().canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(h100.pricing().onDemandPerHour()).isEqualByComparingTo("4.78");
    assertThat(offers).hasSize(4 * 4 * 3);
  }

  // ---- launch ----

  @Test
  void launchCreatesAVirtualServerNamedByTheClientTokenWithABodyTheCrdAccepts() throws Exception {
    server.enqueue(json(201, fixture("createVirtualServer.response.json")
        .replace("\"vs-example\"", "\"job-42\"")));
    Instance i = coreweave.launch(request("Job_42").build());

    RecordedRequest create = server.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    assertThat(create.getUrl().encodedPath()).isEqualTo(VS);
    assertThat(create.getHeaders().get("Authorization")).isEqualTo("Bearer sa-token");
    JsonNode body = JSON.readTree(create.getBody().utf8());
    assertThat(CrdSchemaValidator.of(SPECS.resolve("virtualserver.crd.yaml")).validate(body)).isEmpty();
    assertThat(body.at("/metadata/name").asText()).isEqualTo("job-42");
    assertThat(body.at("/metadata/labels/provider-api~1client-token").asText()).isEqualTo("job-42");
    assertThat(body.at("/spec/region").asText()).isEqualTo("ORD1");
    assertThat(body.at("/spec/os/type").asText()).isEqualTo("linux");
    assertThat(body.at("/spec/resources/gpu")).isEqualTo(JSON.readTree("{\"type\":\"A40\",\"count\":2}"));
    assertThat(body.at("/spec/storage/root")).isEqualTo(JSON.readTree("{\"size\":\"80Gi\",\"storageClassName\":"
        + "\"block-nvme-ord1\",\"source\":{\"pvc\":{\"namespace\":\"vd-images\",\"name\":\"" + IMAGE + "\"}}}"));
    assertThat(body.at("/spec/users")).isEqualTo(JSON.readTree(
        "[{\"username\":\"user\",\"sshpublickey\":\"ssh-ed25519 AAAA1 a@b\\nssh-ed25519 AAAA2 c@d\"}]"));
    assertThat(body.at("/spec/network")).isEqualTo(JSON.readTree("{\"public\":true,\"tcp\":{\"ports\":[22]}}"));
    String cloudInit = body.at("/spec/cloudInit").asText();
    assertThat(cloudInit).startsWith("#cloud-config\nwrite_files:\n  - path: /usr/local/bin/provider-api-startup.sh\n");
    assertThat(cloudInit).endsWith("runcmd:\n  - [/usr/local/bin/provider-api-startup.sh]\n");
    String b64 = cloudInit.lines().filter(l -> l.trim().startsWith("content: ")).findFirst().orElseThrow()
        .trim().substring("content: ".length());
    String script = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    assertThat(script).contains("export MODEL='llama'").contains("nvidia-smi");

    assertThat(i.id()).isEqualTo("job-42");
    assertThat(i.clientToken()).isEqualTo("job-42");
    assertThat(i.status()).isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aSecondCreateWithTheSameTokenResolvesToTheExistingServer() throws Exception {
    server.enqueue(json(409, fixture("errors/already-exists.json")));
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    Instance i = coreweave.launch(request("vs-example").build());

    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    RecordedRequest get = server.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo(VS + "/vs-example");
    assertThat(server.getRequestCount()).as("no second create").isEqualTo(2);
    assertThat(i.id()).isEqualTo("vs-example");
    assertThat(i.status()).isEqualTo(InstanceStatus.RUNNING);
    assertThat(i.publicIp()).isEqualTo("216.153.60.10");
  }

  @Test
  void anExistingServerWithoutOurTokenIsARealConflictNotOurs() throws Exception {
    server.enqueue(json(409, fixture("errors/already-exists.json")));
    server.enqueue(json(200, fixture("getVirtualServer.response.json")
        .replace("\"provider-api/client-token\": \"vs-example\"", "\"provider-api/client-token\": \"someone-else\"")));
    assertThatThrownBy(() -> coreweave.launch(request("vs-example").build()))
        .isInstanceOf(dev.providerapi.errors.ConflictException.class)
        .hasMessageContaining("an instance named vs-example already exists but was not launched with client token"
            + " vs-example (its provider-api/client-token label is 'someone-else')");
    assertThat(server.getRequestCount()).as("no second create").isEqualTo(2);
  }

  @Test
  void aConflictWhoseServerIsGoneStaysTheReportedConflict() throws Exception {
    server.enqueue(json(409, fixture("errors/already-exists.json")));
    server.enqueue(json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
        + "\"message\":\"not found\",\"reason\":\"NotFound\",\"code\":404}"));
    assertThatThrownBy(() -> coreweave.launch(request("vs-example").build()))
        .isInstanceOf(dev.providerapi.errors.ConflictException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void launchRefusesSpotBeforeSendingAnything() {
    assertThatThrownBy(() -> coreweave.launch(request("t").market(Market.SPOT).build()))
        .isInstanceOf(UnsupportedCapabilityException.class);
    assertThat(coreweave.info().capabilities()).doesNotContain(Capability.SPOT, Capability.BILLING_VERIFICATION);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void launchErrorsAreTypedFromTheKubernetesStatus() throws Exception {
    server.enqueue(json(422, fixture("errors/invalid.json")));
    assertThatThrownBy(() -> coreweave.launch(request("a").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Unsupported value: \"macos\"");
    server.enqueue(json(403, fixture("errors/quota.json")));
    assertThatThrownBy(() -> coreweave.launch(request("b").build()))
        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("exceeded quota");
    assertThat(server.getRequestCount()).as("a refused create is not retried").isEqualTo(2);
  }

  @Test
  void forbiddenWithoutQuotaIsAnAuthenticationError() throws Exception {
    server.enqueue(json(403, fixture("errors/forbidden.json")));
    assertThatThrownBy(() -> coreweave.list()).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("cannot list resource");
  }

  // ---- status ----

  @Test
  void conditionsMapToOurStatus() throws Exception {
    assertThat(statusOf("[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"VirtualServerReady\"},"
        + "{\"type\":\"VirtualServerStarted\",\"status\":\"True\",\"reason\":\"VirtualServerStarted\"}]"))
        .isEqualTo(InstanceStatus.RUNNING);
    assertThat(statusOf("[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"VirtualServerStopped\"},"
        + "{\"type\":\"VirtualServerStarted\",\"status\":\"False\",\"reason\":\"VirtualServerStopped\"}]"))
        .isEqualTo(InstanceStatus.STOPPED);
    assertThat(statusOf("[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"Initializing\"}]"))
        .isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(statusOf("[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"Failed\",\"message\":\"x\"}]"))
        .isEqualTo(InstanceStatus.FAILED);
    assertThat(statusOf("[]")).as("no conditions yet").isEqualTo(InstanceStatus.PROVISIONING);
    assertThat(statusOf("[{\"type\":\"Ready\",\"status\":\"False\",\"reason\":\"SomethingNew\"}]"))
        .isEqualTo(InstanceStatus.UNKNOWN);

    ObjectNode deleting = (ObjectNode) JSON.readTree(fixture("getVirtualServer.response.json"));
    ((ObjectNode) deleting.get("metadata")).put("deletionTimestamp", "2023-05-08T11:00:00Z");
    server.enqueue(json(200, deleting.toString()));
    Instance i = coreweave.get("vs-example").orElseThrow();
    assertThat(i.status()).isEqualTo(InstanceStatus.TERMINATING);
    assertThat(i.rawStatus()).isEqualTo("Terminating");
  }

  private InstanceStatus statusOf(String conditions) throws Exception {
    ObjectNode vs = (ObjectNode) JSON.readTree(fixture("getVirtualServer.response.json"));
    ((ObjectNode) vs.get("status")).set("conditions", JSON.readTree(conditions));
    server.enqueue(json(200, vs.toString()));
    return coreweave.get("vs-example").orElseThrow().status();
  }

  @Test
  void getDecodesTheServer() throws Exception {
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    Instance i = coreweave.get("vs-example").orElseThrow();
    RecordedRequest get = server.takeRequest();
    assertThat(get.getMethod()).isEqualTo("GET");
    assertThat(get.getUrl().encodedPath()).isEqualTo(VS + "/vs-example");
    assertThat(i.gpu().canonicalName()).isEqualTo("QUADRO-RTX-4000-8GB");
    assertThat(i.gpuCount()).isEqualTo(1);
    assertThat(i.region()).isEqualTo("ORD1");
    assertThat(i.rawStatus()).isEqualTo("VirtualServerReady");
    assertThat(i.createdAt()).isEqualTo(Instant.parse("2023-05-08T10:00:00Z"));
    assertThat(i.details()).containsEntry("internalIp", "10.135.80.12");
    assertThat(i.sshPort()).isEqualTo(22);
  }

  @Test
  void getOfAMissingServerIsEmpty() throws Exception {
    server.enqueue(json(404, fixture("errors/not-found.json")));
    assertThat(coreweave.get("nope")).isEmpty();
  }

  @Test
  void listFollowsTheContinueToken() throws Exception {
    server.enqueue(json(200, fixture("listVirtualservers.response.json")));
    ObjectNode last = (ObjectNode) JSON.readTree(fixture("listVirtualservers.response.json"));
    ((ObjectNode) last.get("metadata")).remove("continue");
    ((ObjectNode) last.get("items").get(0).get("metadata")).put("name", "vs-second");
    server.enqueue(json(200, last.toString()));

    assertThat(coreweave.list()).extracting(Instance::id).containsExactly("vs-example", "vs-second");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getUrl().encodedPath()).isEqualTo(VS);
    assertThat(first.getUrl().queryParameter("limit")).isEqualTo("100");
    assertThat(first.getUrl().queryParameter("continue")).isNull();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getUrl().queryParameter("continue")).isEqualTo("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MTIzNDYwfQ");
  }

  @Test
  void findByClientTokenReadsTheServerNamedAfterIt() throws Exception {
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    server.enqueue(json(404, fixture("errors/not-found.json")));
    assertThat(coreweave.findByClientToken("VS_example")).extracting(Instance::id).containsExactly("vs-example");
    assertThat(coreweave.findByClientToken("other")).isEmpty();
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(VS + "/vs-example");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(VS + "/other");
  }

  @Test
  void anAmbiguousCreateFailureIsResolvedByLookingTheTokenUpNotByCreatingAgain() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("upstream connect error").build());
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    Instance i = coreweave.launch(request("vs-example").build());
    assertThat(i.id()).isEqualTo("vs-example");
    assertThat(server.takeRequest().getMethod()).isEqualTo("POST");
    assertThat(server.takeRequest().getMethod()).isEqualTo("GET");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  // ---- terminate, stop, start ----

  @Test
  void terminateDeletesAndAnAlreadyGoneServerIsSuccess() throws Exception {
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    server.enqueue(json(404, fixture("errors/not-found.json")));
    coreweave.terminate("vs-example");
    coreweave.terminate("vs-example");
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getUrl().encodedPath()).isEqualTo(VS + "/vs-example");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void stopAndStartGoThroughTheKubeVirtSubresources() throws Exception {
    server.enqueue(json(202, ""));
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    server.enqueue(json(202, ""));
    server.enqueue(json(200, fixture("getVirtualServer.response.json")));
    coreweave.stop("vs-example");
    coreweave.start("vs-example");
    RecordedRequest stop = server.takeRequest();
    assertThat(stop.getMethod()).isEqualTo("PUT");
    assertThat(stop.getUrl().encodedPath()).isEqualTo(VM + "/vs-example/stop");
    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(VS + "/vs-example");
    RecordedRequest start = server.takeRequest();
    assertThat(start.getMethod()).isEqualTo("PUT");
    assertThat(start.getUrl().encodedPath()).isEqualTo(VM + "/vs-example/start");
  }

  // ---- billing, names, kubeconfig ----

  @Test
  void billingIsManualWithTheCatalogRate() throws Exception {
    server.enqueue(json(200, fixture("getVirtualServer.response.json").replace("Quadro_RTX_4000", "A40")));
    BillingStatus b = coreweave.billingStatus("vs-example");
    assertThat(b.verification()).isEqualTo(BillingStatus.Verification.MANUAL_VERIFICATION_REQUIRED);
    assertThat(b.ratePerHour()).isEqualByComparingTo(new BigDecimal("1.28"));
  }

  @Test
  void clientTokensBecomeKubernetesNames() {
    assertThat(KubernetesNames.fromToken("Job_42", "vs-")).isEqualTo("job-42");
    assertThat(KubernetesNames.fromToken("7f3c-uuid", "vs-")).isEqualTo("vs-7f3c-uuid");
    assertThat(KubernetesNames.fromToken("x".repeat(80), "vs-")).hasSize(63);
    assertThat(KubernetesNames.fromToken("--A..B--", "vs-")).isEqualTo("a-b");
  }

  @Test
  void aKubeconfigSuppliesServerTokenAndNamespaceThroughFabric8() throws Exception {
    String kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s"}
        users:
        - name: u
          user: {token: kube-token-1}
        contexts:
        - name: ctx
          context: {cluster: c, user: u, namespace: tenant-from-kubeconfig}
        current-context: ctx
        """.formatted(server.url("/").toString().replaceAll("/$", ""));
    ProviderConfig noUrl = ProviderConfig.builder().environment(Map.of()).rateLimited(false).maxAttempts(1).build();
    try (CoreweaveProvider p = new CoreweaveProvider(noUrl, Kubeconfig.fromYaml(kubeconfig))) {
      server.enqueue(json(200, fixture("getVirtualServer.response.json")));
      p.get("vs-example");
      // configure() keeps the kubeconfig it was given (through the (ProviderConfig, Kubeconfig) constructor)
      try (var copy = p.configure(noUrl.toBuilder().maxAttempts(2).build())) {
        assertThat(copy).isExactlyInstanceOf(CoreweaveProvider.class).isNotSameAs(p);
        server.enqueue(json(200, fixture("getVirtualServer.response.json")));
        copy.get("vs-example");
      }
    }
    for (int i = 0; i < 2; i++) {
      RecordedRequest get = server.takeRequest();
      assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer kube-token-1");
      assertThat(get.getUrl().encodedPath()).isEqualTo(
          "/apis/virtualservers.coreweave.com/v1alpha1/namespaces/tenant-from-kubeconfig/virtualservers/vs-example");
    }
  }

  @Test
  void aKubeconfigThatCannotAuthenticateFailsAtConfigureAndDiscoveryStillWorks() {
    String noUser = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://k8s.example.invalid"}
        users:
        - name: u
          user: {}
        contexts:
        - name: ctx
          context: {cluster: c, user: u, namespace: tenant}
        current-context: ctx
        """;
    ProviderConfig explicit = ProviderConfig.builder().environment(Map.of()).build();
    assertThatThrownBy(() -> new CoreweaveProvider(explicit, Kubeconfig.fromYaml(noUser)))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class)
        .hasMessage("coreweave: no credentials: give a kubeconfig with a token or client certificate (KUBECONFIG,"
            + " ~/.kube/config or the in-cluster service account) or a bearer token as ProviderConfig.apiKey");
    assertThatThrownBy(() -> new CoreweaveProvider(explicit, Kubeconfig.none()))
        .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class);
    // A token but no namespace anywhere: a configuration gap, typed and saying where the namespace comes from.
    try (CoreweaveProvider noNamespace = new CoreweaveProvider(explicit.toBuilder().apiKey("sa-token")
        .baseUrl(server.url("/").toString()).build(), Kubeconfig.none())) {
      assertThatThrownBy(noNamespace::list)
          .isInstanceOf(dev.providerapi.errors.MissingCredentialsException.class)
          .hasMessage("coreweave: no credentials: set COREWEAVE_NAMESPACE (or ProviderConfig.secret(\"COREWEAVE_NAMESPACE\","
              + " ...)) or a namespace in the kubeconfig context: every call to the API server names it");
    }
    // A token given directly is enough, and a discovery config defers the check to the first call.
    new CoreweaveProvider(explicit.toBuilder().apiKey("sa-token").build(), Kubeconfig.none()).close();
    new CoreweaveProvider(explicit.toBuilder().credentialsDeferred(true).build(),
        Kubeconfig.fromYaml(noUser)).close();
  }

  private static LaunchRequest.Builder request(String token) {
    return LaunchRequest.builder()
        .offerId("A40/2/ORD1")
        .image(IMAGE)
        .diskGb(80)
        .sshKey("ssh-ed25519 AAAA1 a@b")
        .sshKey("ssh-ed25519 AAAA2 c@d")
        .startupScript("nvidia-smi")
        .env("MODEL", "llama")
        .clientToken(token);
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(SPECS.resolve("fixtures").resolve(name));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }
}
