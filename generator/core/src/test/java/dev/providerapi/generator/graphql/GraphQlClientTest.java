package dev.providerapi.generator.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.palantir.javapoet.JavaFile;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.ErrorFormat;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.InvalidRequestException;
import dev.providerapi.generator.emit.JavaEmitters;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import dev.providerapi.http.ApiClient;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted client of a GraphQL operation, compiled and called against a loopback server: the document is a
 * constant sent verbatim, values travel only as variables, and data.<root field> is what the method returns.
 */
class GraphQlClientTest {
  @TempDir Path dir;
  MockWebServer server;
  ApiClient client;
  Compiled compiled;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(dir.resolve("schema.graphql"), """
        type Query { box(id: String!): Box }
        type Mutation { boxStop(id: String!, force: Boolean): Box }
        type Box { id: String!  size: Int }
        """);
    Files.createDirectories(dir.resolve("operations"));
    Files.writeString(dir.resolve("operations/BoxStop.graphql"),
        "mutation BoxStop($id: String!, $force: Boolean) {\n  boxStop(id: $id, force: $force) { id size }\n}\n");
    ApiModel model = new GraphQlReader().read(dir.resolve("schema.graphql"), null);
    List<JavaFile> files = JavaEmitters.emit(model, TestManifests.minimal("gq", "Gq"));
    compiled = Compiled.compile(files);

    server = new MockWebServer();
    server.start();
    ProviderDescriptor d = ProviderDescriptor.builder("gq").baseUrl("https://api.example.test/graphql")
        .errorFormat(new ErrorFormat(null, "/errors/0/message", null, "/errors", null, List.of())).build();
    client = ApiClient.create(d, ProviderConfig.builder().environment(Map.of()).apiKey("k")
        .baseUrl(server.url("/graphql").toString()).rateLimited(false).build());
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  private Object call(String id, Boolean force) throws Exception {
    Class<?> impl = compiled.load("test.gq.api.GqApiClient");
    Object api = impl.getConstructor(ApiClient.class).newInstance(client);
    try {
      return impl.getMethod("boxStop", String.class, Boolean.class).invoke(api, id, force);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void sendsTheDocumentAndVariablesAndReturnsTheRootField() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"data\":{\"boxStop\":{\"id\":\"b\\\"1\",\"size\":3}}}")
        .build());

    Object box = call("b\"1", null);

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/graphql");
    JsonNode body = json.readTree(r.getBody().utf8());
    assertThat(body.get("query").asText())
        .isEqualTo("mutation BoxStop($id: String!, $force: Boolean) {\n  boxStop(id: $id, force: $force) { id size }\n}");
    assertThat(body.get("operationName").asText()).isEqualTo("BoxStop");
    assertThat(body.get("variables").toString()).as("a quote in a value stays a value").isEqualTo("{\"id\":\"b\\\"1\"}");
    assertThat(box.getClass().getName()).isEqualTo("test.gq.model.BoxStopResult");
    assertThat(box.getClass().getMethod("size").invoke(box)).isEqualTo(3);
  }

  @Test
  void errorsInA200AreAnErrorWhenTheMutationHasNoResult() {
    server.enqueue(new MockResponse.Builder().code(200)
        .body("{\"data\":{\"boxStop\":null},\"errors\":[{\"message\":\"box is busy\"}]}").build());

    assertThatThrownBy(() -> call("b", true))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.providerMessage()).contains("box is busy");
          assertThat(e.operation()).isEqualTo("BoxStop");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMutationAnsweredWithItsResultAndErrorsWasAppliedAndReturnsTheResult() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200)
        .body("{\"data\":{\"boxStop\":{\"id\":\"b\"}},\"errors\":[{\"message\":\"box is busy\"}]}").build());

    Object box = call("b", true);
    assertThat(box.getClass().getMethod("id").invoke(box)).isEqualTo("b");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
