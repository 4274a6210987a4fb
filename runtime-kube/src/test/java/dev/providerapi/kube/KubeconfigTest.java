package dev.providerapi.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.MissingCredentialsException;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.Operation;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading once, the credential check, the client on the kubeconfig's server and token, and the namespace rule. */
class KubeconfigTest {
  private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("kubething")
      .displayName("Kube Thing").baseUrl("https://k8s.example.invalid").auth(AuthSpec.kubeconfig()).build();
  private static final Operation GET = new Operation("getThing", "GET", "/apis/x/v1/namespaces/{namespace}/things/{name}",
      true, null);
  private static final ProviderConfig NOTHING = ProviderConfig.builder().environment(Map.of()).rateLimited(false)
      .maxAttempts(1).build();

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String kubeconfig(String user, String namespace) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "%s"}
        users:
        - name: u
          user: %s
        contexts:
        - name: ctx
          context: {cluster: c, user: u%s}
        current-context: ctx
        """.formatted(server.url("/").toString().replaceAll("/$", ""), user,
        namespace == null ? "" : ", namespace: " + namespace);
  }

  @Test
  void theSourceIsReadOnceOnFirstUseAndNotAtAllWhenNothingAsksForIt() {
    AtomicInteger loads = new AtomicInteger();
    Kubeconfig k = Kubeconfig.of(() -> {
      loads.incrementAndGet();
      return KubeconfigCredentials.fromKubeconfig(kubeconfig("{token: t}", "ns"));
    });
    assertThat(loads).hasValue(0);
    assertThat(k).hasToString("Kubeconfig[not read yet]");
    assertThat(k.authenticates()).isTrue();
    assertThat(k.config()).isPresent();
    assertThat(k.namespace("kubething", NOTHING, "THING_NAMESPACE")).isEqualTo("ns");
    assertThat(loads).hasValue(1);
    assertThat(k).hasToString("Kubeconfig[read]");
  }

  @Test
  void aKubeconfigWithoutUserCredentialsDoesNotAuthenticate() {
    assertThat(Kubeconfig.fromYaml(kubeconfig("{}", "ns")).authenticates()).isFalse();
    assertThat(Kubeconfig.fromYaml(kubeconfig("{username: a, password: b}", "ns")).authenticates()).isTrue();
    assertThat(Kubeconfig.none().authenticates()).isFalse();
    assertThat(Kubeconfig.none().config()).isEmpty();
  }

  @Test
  void credentialsAreATokenInTheConfigOrAKubeconfigThatAuthenticatesUnlessTheCheckIsDeferred() {
    Kubeconfig noUser = Kubeconfig.fromYaml(kubeconfig("{}", "ns"));
    assertThatThrownBy(() -> noUser.requireCredentials("kubething", NOTHING))
        .isInstanceOf(MissingCredentialsException.class)
        .hasMessage("kubething: no credentials: give a kubeconfig with a token or client certificate (KUBECONFIG,"
            + " ~/.kube/config or the in-cluster service account) or a bearer token as ProviderConfig.apiKey");
    assertThatThrownBy(() -> Kubeconfig.none().requireCredentials("kubething", NOTHING))
        .isInstanceOf(MissingCredentialsException.class);
    assertThatCode(() -> Kubeconfig.none().requireCredentials("kubething", NOTHING.toBuilder().apiKey("t").build()))
        .doesNotThrowAnyException();
    assertThatCode(() -> noUser.requireCredentials("kubething", NOTHING.toBuilder().credentialsDeferred(true).build()))
        .doesNotThrowAnyException();
    assertThatCode(() -> Kubeconfig.fromYaml(kubeconfig("{token: t}", null)).requireCredentials("kubething", NOTHING))
        .doesNotThrowAnyException();
  }

  @Test
  void theNamespaceIsTheConfigsElseTheKubeconfigContextsElseAConfigurationGap() {
    Kubeconfig withNamespace = Kubeconfig.fromYaml(kubeconfig("{token: t}", "from-context"));
    assertThat(withNamespace.namespace("kubething", NOTHING.toBuilder().secret("THING_NAMESPACE", "given").build(),
        "THING_NAMESPACE")).isEqualTo("given");
    assertThat(withNamespace.namespace("kubething", NOTHING.toBuilder()
        .environment(Map.of("THING_NAMESPACE", "from-env")).build(), "THING_NAMESPACE")).isEqualTo("from-env");
    assertThat(withNamespace.namespace("kubething", NOTHING, "THING_NAMESPACE")).isEqualTo("from-context");
    for (Kubeconfig none : new Kubeconfig[] {Kubeconfig.none(), Kubeconfig.fromYaml(kubeconfig("{token: t}", null))}) {
      assertThatThrownBy(() -> none.namespace("kubething", NOTHING, "THING_NAMESPACE"))
          .isInstanceOf(MissingCredentialsException.class)
          .hasMessage("kubething: no credentials: set THING_NAMESPACE (or ProviderConfig.secret(\"THING_NAMESPACE\","
              + " ...)) or a namespace in the kubeconfig context: every call to the API server names it");
    }
  }

  @Test
  void theClientCallsTheKubeconfigsServerWithItsToken() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build());
    try (ApiClient client = Kubeconfig.fromYaml(kubeconfig("{token: kube-token-1}", "ns")).apiClient(DESCRIPTOR, NOTHING)) {
      client.execute(GET, ApiRequest.builder().path("namespace", "ns").path("name", "a").build());
    }
    RecordedRequest get = server.takeRequest();
    assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer kube-token-1");
    assertThat(get.getUrl().encodedPath()).isEqualTo("/apis/x/v1/namespaces/ns/things/a");
  }

  @Test
  void aTokenAndBaseUrlInTheConfigWinAndTheKubeconfigIsNotRead() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    Kubeconfig k = Kubeconfig.of(() -> {
      loads.incrementAndGet();
      throw new AssertionError("not to be read");
    });
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build());
    ProviderConfig direct = NOTHING.toBuilder().apiKey("sa-token").baseUrl(server.url("/").toString()).build();
    try (ApiClient client = k.apiClient(DESCRIPTOR, direct)) {
      client.execute(GET, ApiRequest.builder().path("namespace", "ns").path("name", "a").build());
    }
    k.requireCredentials("kubething", direct);
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer sa-token");
    assertThat(loads).hasValue(0);
  }
}
