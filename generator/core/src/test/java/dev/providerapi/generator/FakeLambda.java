package dev.providerapi.generator;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.BodyDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * A small Lambda-shaped world for tests that must not depend on the real OpenAPI reader and emitters: an IR
 * as the reader would produce it, a stand-in emitter, and hand-written sources of the client the real
 * emitter generates (so generated tests and skeletons can be compiled).
 */
public final class FakeLambda {
  private FakeLambda() {}

  public static final String PROVIDER_YAML = """
      name: lambda
      displayName: Lambda Cloud
      javaPackage: dev.providerapi.lambda
      classPrefix: Lambda
      spec: {kind: openapi, file: openapi.yaml, upstream: {source: https://example.test/openapi.json, version: 1.8.3}}
      baseUrl: https://cloud.lambda.ai
      auth: {style: bearer, apiKeyEnv: LAMBDA_API_KEY}
      responseEnvelope: data
      rateLimits: [{limit: 1, per: 1s}]
      operationRateLimits: {launchInstance: [{limit: 1, per: 12s}]}
      errors:
        code: /error/code
        message: /error/message
        rules:
          - {code: global/object-does-not-exist, kind: NOT_FOUND}
          - {code: global/invalid-api-key, kind: AUTHENTICATION}
          - {code: global/internal-error, kind: PROVIDER_UNAVAILABLE}
      status: {active: RUNNING}
      operations: {offers: listInstanceTypes, get: getInstance, launch: launchInstance, list: listInstances,
        terminate: terminateInstance, restart: restartInstance, sshKeys: listSshKeys}
      capabilities: [RESTART, SSH_KEYS]
      """;

  private static final TypeRef INSTANCE = new TypeRef.Named("Instance");

  public static ApiModel model() {
    List<TypeDef> types = List.of(
        new RecordDef("Instance", null, "#/components/schemas/Instance", List.of(
            field("id", TypeRef.string()), field("status", TypeRef.string()),
            field("price_cents", new TypeRef.Primitive(TypeRef.PrimitiveKind.INT32))), null, false),
        new RecordDef("LaunchBody", null, "#/components/schemas/LaunchBody", List.of(
            field("region_name", TypeRef.string()), field("ssh_key_names", new TypeRef.ListOf(TypeRef.string()))),
            null, false),
        new RecordDef("LaunchResult", null, "#/components/schemas/LaunchResult", List.of(
            field("instance_ids", new TypeRef.ListOf(TypeRef.string()))), null, false));
    List<OperationDef> ops = List.of(
        op("getInstance", "GET", "/api/v1/instances/{id}",
            List.of(new ParamDef("id", "id", ParamDef.Location.PATH, TypeRef.string(), true, null)), null, INSTANCE,
            List.of(new OperationDef.Example("default", null,
                "{\"data\":{\"id\":\"i-1\",\"status\":\"active\",\"price_cents\":110}}", 200))),
        op("launchInstance", "POST", "/api/v1/instance-operations/launch", List.of(),
            new BodyDef("application/json", new TypeRef.Named("LaunchBody"), true), new TypeRef.Named("LaunchResult"),
            List.of(new OperationDef.Example("default", "{\"region_name\":\"us-east-1\",\"ssh_key_names\":[\"k\"]}",
                "{\"data\":{\"instance_ids\":[\"i-1\"]}}", 200))),
        op("listInstanceTypes", "GET", "/api/v1/instance-types", List.of(), null,
            new TypeRef.MapOf(TypeRef.any()), List.of()),
        op("listInstances", "GET", "/api/v1/instances",
            List.of(new ParamDef("page", "page", ParamDef.Location.QUERY, new TypeRef.Primitive(TypeRef.PrimitiveKind.INT32), false, null),
                new ParamDef("region", "region", ParamDef.Location.QUERY, TypeRef.string(), true, null),
                new ParamDef("X-Trace", "xTrace", ParamDef.Location.HEADER, new TypeRef.Primitive(TypeRef.PrimitiveKind.INT64), true, null)),
            null, new TypeRef.ListOf(INSTANCE), List.of()),
        op("listSshKeys", "GET", "/api/v1/ssh-keys", List.of(), null, new TypeRef.ListOf(TypeRef.any()), List.of()),
        op("restartInstance", "POST", "/api/v1/instances/{id}/restart",
            List.of(new ParamDef("id", "id", ParamDef.Location.PATH, TypeRef.string(), true, null)), null, null,
            List.of()),
        op("terminateInstance", "DELETE", "/api/v1/instances/{id}",
            List.of(new ParamDef("id", "id", ParamDef.Location.PATH, TypeRef.string(), true, null)), null, null,
            List.of()));
    return new ApiModel("Lambda Cloud API", "1.8.3", null, List.of("https://cloud.lambda.ai"), types, ops,
        "openapi.yaml");
  }

  private static FieldDef field(String json, TypeRef type) {
    String java = json.contains("_") ? json.substring(0, json.indexOf('_'))
        + Character.toUpperCase(json.charAt(json.indexOf('_') + 1)) + json.substring(json.indexOf('_') + 2) : json;
    return new FieldDef(json, java, type, false, false, null, false, false);
  }

  private static OperationDef op(String id, String method, String path, List<ParamDef> params, BodyDef body,
      TypeRef response, List<OperationDef.Example> examples) {
    return new OperationDef(id, id, null, null, new OperationDef.Http(method, path), params, body, response,
        response == null ? null : "data", response == null ? 204 : 200, !method.equals("POST"), false, examples);
  }

  /** Stands in for JavaEmitters: one empty class per model type, enough to exercise the writer. */
  public static List<JavaFile> emit(ApiModel model, ProviderManifest manifest) {
    List<JavaFile> files = new ArrayList<>();
    for (TypeDef t : model.types()) {
      files.add(JavaFile.builder(manifest.javaPackage() + ".model",
          TypeSpec.classBuilder(t.name()).addModifiers(Modifier.PUBLIC, Modifier.FINAL).build()).build());
    }
    return files;
  }

  /** A repository with specs/lambda (provider.yaml + spec); returns its root. */
  public static Path repo(Path root) throws IOException {
    Path specs = Files.createDirectories(root.resolve("specs/lambda"));
    Files.writeString(specs.resolve("provider.yaml"), PROVIDER_YAML);
    Files.writeString(specs.resolve("openapi.yaml"), "openapi: 3.0.3\ninfo: {title: Lambda, version: 1.8.3}\n");
    return root;
  }

  public static Generator generator() {
    return new Generator(Map.of("openapi", (spec, envelope) -> model()), FakeLambda::emit);
  }

  /**
   * Hand-written versions of what the real emitter generates for {@link #model()}: the base class with its
   * DESCRIPTOR, the client interface and implementation, and the model records. Keyed by class name.
   */
  public static Map<String, String> clientSources() {
    return Map.of(
        "dev.providerapi.lambda.LambdaProviderBase", """
            package dev.providerapi.lambda;
            import dev.providerapi.ProviderConfig;
            import dev.providerapi.descriptor.ProviderDescriptor;
            import dev.providerapi.lambda.api.LambdaApi;
            import dev.providerapi.spi.AbstractProvider;
            public abstract class LambdaProviderBase extends AbstractProvider {
              public static final ProviderDescriptor DESCRIPTOR =
                  ProviderDescriptor.builder("lambda").baseUrl("https://cloud.lambda.ai").build();
              protected LambdaProviderBase(ProviderConfig config) { super(DESCRIPTOR, config); }
              protected LambdaApi api() { return null; }
            }
            """,
        "dev.providerapi.lambda.model.Instance", """
            package dev.providerapi.lambda.model;
            public record Instance(String id, String status, Integer priceCents) {}
            """,
        "dev.providerapi.lambda.model.LaunchBody", """
            package dev.providerapi.lambda.model;
            public record LaunchBody(String regionName, java.util.List<String> sshKeyNames) {}
            """,
        "dev.providerapi.lambda.model.LaunchResult", """
            package dev.providerapi.lambda.model;
            public record LaunchResult(java.util.List<String> instanceIds) {}
            """,
        "dev.providerapi.lambda.api.LambdaApi", """
            package dev.providerapi.lambda.api;
            import dev.providerapi.lambda.model.*;
            import java.util.List;
            import java.util.Map;
            import com.fasterxml.jackson.databind.JsonNode;
            public interface LambdaApi {
              Instance getInstance(String id);
              LaunchResult launchInstance(LaunchBody body);
              Map<String, JsonNode> listInstanceTypes();
              List<Instance> listInstances(String region, Long xTrace, Integer page);
              List<JsonNode> listSshKeys();
              void restartInstance(String id);
              void terminateInstance(String id);
            }
            """,
        "dev.providerapi.lambda.api.LambdaApiClient", """
            package dev.providerapi.lambda.api;
            import dev.providerapi.http.ApiClient;
            import dev.providerapi.lambda.model.*;
            import java.util.List;
            import java.util.Map;
            import com.fasterxml.jackson.databind.JsonNode;
            public final class LambdaApiClient implements LambdaApi {
              private final ApiClient client;
              public LambdaApiClient(ApiClient client) { this.client = client; }
              public Instance getInstance(String id) { return null; }
              public LaunchResult launchInstance(LaunchBody body) { return null; }
              public Map<String, JsonNode> listInstanceTypes() { return null; }
              public List<Instance> listInstances(String region, Long xTrace, Integer page) { return null; }
              public List<JsonNode> listSshKeys() { return null; }
              public void restartInstance(String id) {}
              public void terminateInstance(String id) {}
            }
            """);
  }
}
