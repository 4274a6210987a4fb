package dev.providerapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.UnexpectedResponseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GraphQL as a transport on the same chain: POST {query, operationName, variables}, data.<field> unwrapped. */
class ApiClientGraphQlTest {
  static final String DOCUMENT = "mutation PodStop($input: PodStopInput!) { podStop(input: $input) { id } }";
  static final Operation POD_STOP = new Operation("PodStop", "POST", "", false, "/data/podStop");
  static final Operation POD = new Operation("Pod", "POST", "", true, "/data/pod");

  record PodStopVariables(Map<String, String> input) {}

  record Pod(String id) {}

  MockWebServer server;
  ApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    ErrorFormat errors = new ErrorFormat("/errors/0/extensions/code", "/errors/0/message", null, "/errors", null,
        List.of(new ErrorRule(null, null, null, "no longer any instances", ErrorKind.CAPACITY_UNAVAILABLE, null)));
    ProviderDescriptor d = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid/graphql")
        .auth(AuthSpec.bearer("ACME_KEY")).errorFormat(errors).build();
    client = ApiClient.create(d, ProviderConfig.builder().environment(Map.of()).apiKey("k-1")
        .baseUrl(server.url("/graphql").toString()).rateLimited(false).retryBaseDelay(Duration.ofMillis(1)).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private ApiRequest request() {
    return ApiRequest.builder().body(new GraphQlRequest(DOCUMENT, "PodStop",
        new PodStopVariables(Map.of("podId", "p-1")))).build();
  }

  @Test
  void postsTheDocumentWithVariablesAndUnwrapsTheRootField() throws Exception {
    server.enqueue(json("{\"data\":{\"podStop\":{\"id\":\"p-1\"}}}"));

    Pod pod = client.execute(POD_STOP, request(), Pod.class);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/graphql");
    assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = new ObjectMapper().readTree(r.getBody().utf8());
    assertThat(body.get("query").asText()).isEqualTo(DOCUMENT);
    assertThat(body.get("operationName").asText()).isEqualTo("PodStop");
    assertThat(body.get("variables").toString()).isEqualTo("{\"input\":{\"podId\":\"p-1\"}}");
    assertThat(pod).isEqualTo(new Pod("p-1"));
  }

  @Test
  void aNullRootFieldDecodesToNull() {
    server.enqueue(json("{\"data\":{\"podStop\":null}}"));

    assertThat(client.execute(POD_STOP, request(), Pod.class)).isNull();
  }

  @Test
  void aMutationWhoseAnswerCarriesItsResultAndErrorsWasAppliedAndReturnsTheResult() {
    server.enqueue(json("{\"data\":{\"podStop\":{\"id\":\"p-1\"}},\"errors\":[{\"message\":"
        + "\"There are no longer any instances available with the requested specifications.\"}]}"));

    assertThat(client.execute(POD_STOP, request(), Pod.class)).isEqualTo(new Pod("p-1"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMutationWithErrorsAndNoResultIsTheTypedError() {
    server.enqueue(json("{\"data\":{\"podStop\":null},\"errors\":[{\"message\":"
        + "\"There are no longer any instances available with the requested specifications.\"}]}"));

    assertThatThrownBy(() -> client.execute(POD_STOP, request(), Pod.class))
        .isInstanceOfSatisfying(CapacityUnavailableException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.providerMessage()).contains(
              "There are no longer any instances available with the requested specifications.");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorsWithPartialDataOfAQueryAreAnErrorNotASuccess() {
    server.enqueue(json("{\"data\":{\"pod\":{\"id\":\"p-1\"}},\"errors\":[{\"message\":\"pod is gone\"}]}"));

    assertThatThrownBy(() -> client.execute(POD, request(), Pod.class))
        .isInstanceOf(dev.providerapi.errors.ProviderException.class)
        .hasMessageContaining("pod is gone");
  }

  @Test
  void aMissingPointedMemberIsAnUnexpectedResponse() {
    server.enqueue(json("{\"data\":{}}"));

    assertThatThrownBy(() -> client.execute(POD_STOP, request(), Pod.class))
        .isInstanceOf(UnexpectedResponseException.class)
        .hasMessageContaining("'/data/podStop'");
  }
}
