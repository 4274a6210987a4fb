package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.openapi.OpenApiReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tiny spec per input edge case found in published specs ({@code fixtures/inputs/<case>}), through
 * {@link Generator#generateSpec} as {@code generate --spec} runs it: what is generated, what is warned, and that
 * client, adapter base, skeleton and generated tests compile together.
 */
class SpecInputsTest {
  static final Path INPUTS = Path.of("src/test/resources/fixtures/inputs");

  @TempDir
  Path out;

  private final Generator generator = new Generator();

  @Test
  void duplicateOperationIdsGenerateWithAWarningNamingBothPlaces() throws IOException {
    Path spec = INPUTS.resolve("duplicate-ids/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).containsExactly(
        spec.toAbsolutePath() + " at #/paths/~1health/head: operationId 'health' is also used at #/paths/~1health/get;"
            + " this HEAD /health is generated as 'health_head'",
        spec.toAbsolutePath() + " at #/paths/~1pods~1{podId}~1update/post: operationId 'UpdatePod' is also used at "
            + "#/paths/~1pods~1{podId}/patch; this POST /pods/{podId}/update is generated as 'UpdatePod_post'");
    String client = read("src/generated/java/generated/spec/api/SpecApiClient.java");
    assertThat(client)
        .contains("new Operation(\"UpdatePod\", \"PATCH\", \"/pods/{podId}\"")
        .contains("new Operation(\"UpdatePod_post\", \"POST\", \"/pods/{podId}/update\"")
        .contains("new Operation(\"health\", \"GET\", \"/health\"")
        .contains("new Operation(\"health_head\", \"HEAD\", \"/health\"");
    assertThat(read("src/generated/java/generated/spec/api/SpecApi.java"))
        .contains("Pod updatePod(String podId, PodUpdate body)")
        .contains("Pod updatePodPost(String podId, PodUpdate body)")
        .contains("void healthHead()");
    assertCompiles();
  }

  @Test
  void openApi32IsReadAs31WithAWarning() throws IOException {
    Path spec = INPUTS.resolve("openapi32/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).singleElement().asString()
        .startsWith(spec.toAbsolutePath() + " at openapi: OpenAPI 3.2.0 is read as 3.1");
    assertThat(read("src/generated/java/generated/spec/model/Instance.java"))
        .contains("@JsonProperty(\"status\") @Nullable String status");
    assertCompiles();
  }

  @Test
  void noServersGetsAPlaceholderBaseUrlAndAWarningThatDoesNotBlameServers0() throws IOException {
    Path spec = INPUTS.resolve("no-servers/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).containsExactly(spec.toAbsolutePath() + ": the spec declares no servers, so the client's"
        + " default base URL is the placeholder https://spec.invalid; set ProviderConfig.baseUrl at run time, or"
        + " generate with --base-url URL");
    assertThat(read("src/generated/java/generated/spec/SpecProviderBase.java"))
        .contains(".baseUrl(\"https://spec.invalid\")");
    assertCompiles();
  }

  @Test
  void baseUrlOptionWinsOverTheSpecWithoutWarning() throws IOException {
    Generator.Result r = generator.generateSpec(INPUTS.resolve("relative-server/spec.yaml"), out,
        new Generator.SpecOptions("spec", null, Generator.Mode.WRITE, null, "https://api.acme.test/api/v3", null));

    assertThat(r.warnings()).isEmpty();
    assertThat(read("src/generated/java/generated/spec/SpecProviderBase.java"))
        .contains(".baseUrl(\"https://api.acme.test/api/v3\")");
  }

  @Test
  void relativeServerIsResolvedAgainstTheSpecUrl() throws IOException {
    Path spec = INPUTS.resolve("relative-server/spec.yaml");

    Generator.Result r = generator.generateSpec(spec, out, new Generator.SpecOptions("spec", null,
        Generator.Mode.WRITE, null, null, "https://docs.acme.test/specs/openapi.yaml"));

    assertThat(r.warnings()).containsExactly(spec.toAbsolutePath() + " at servers[0].url: relative URL '/api/v3' "
        + "resolved against the spec's URL https://docs.acme.test/specs/openapi.yaml: https://docs.acme.test/api/v3");
    assertThat(read("src/generated/java/generated/spec/SpecProviderBase.java"))
        .contains(".baseUrl(\"https://docs.acme.test/api/v3\")");
  }

  @Test
  void relativeServerOfALocalFileKeepsItsPathUnderAPlaceholderHost() throws IOException {
    Generator.Result r = generate(INPUTS.resolve("relative-server/spec.yaml"));

    assertThat(r.warnings()).singleElement().asString()
        .contains("at servers[0].url: the URL '/api/v3' is relative to where the spec is served")
        .contains("placeholder https://spec.invalid/api/v3");
    assertThat(read("src/generated/java/generated/spec/SpecProviderBase.java"))
        .contains(".baseUrl(\"https://spec.invalid/api/v3\")");
  }

  @Test
  void aBadBaseUrlOptionIsASpecException() {
    assertThatThrownBy(() -> generator.generateSpec(INPUTS.resolve("no-servers/spec.yaml"), out,
        new Generator.SpecOptions(null, null, Generator.Mode.WRITE, null, "/v1", null)))
        .isInstanceOf(SpecException.class)
        .hasMessageEndingWith(" at --base-url: base URL '/v1' is not an absolute http or https URL with a host");
  }

  @Test
  void serverVariablesTakeTheirDefaultsAndAreChosenThroughTheServerClass() throws Exception {
    generate(INPUTS.resolve("server-variables/spec.yaml"));

    assertThat(read("src/generated/java/generated/spec/SpecProviderBase.java"))
        .contains(".baseUrl(\"http://petstore.example.test:80/v2\")");
    ClassLoader classes = assertCompiles();
    Class<?> server = classes.loadClass("generated.spec.api.SpecServer");
    Object defaults = server.getMethod("defaults").invoke(null);
    assertThat(server.getMethod("url").invoke(defaults)).isEqualTo(URI.create("http://petstore.example.test:80/v2"));
    Object qa = server.getMethod("port", String.class).invoke(server.getMethod("server", String.class)
        .invoke(defaults, "qa-petstore"), "8080");
    assertThat(server.getMethod("url").invoke(qa)).isEqualTo(URI.create("http://qa-petstore.example.test:8080/v2"));
    assertThatThrownBy(() -> server.getMethod("server", String.class).invoke(defaults, "prod"))
        .isInstanceOf(InvocationTargetException.class).cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("server variable server: 'prod' is not one of [petstore, qa-petstore, dev-petstore]");
  }

  @Test
  void aServerVariableWithoutDeclarationIsNamed(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("vars.yaml");
    Files.writeString(spec, """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        servers: [{url: 'https://{region}.example.test'}]
        paths: {}
        """);

    assertThatThrownBy(() -> new OpenApiReader().read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at servers[0].url: server URL 'https://{region}.example.test' uses {region}, but "
            + "servers[0].variables does not declare it; a server variable needs a default");
  }

  @Test
  void multiFileSpecWithOperationAndPathItemRefsRelativeToTheirOwnFiles() throws IOException {
    Path spec = INPUTS.resolve("multi-file/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).isEmpty();
    assertThat(read("src/generated/java/generated/spec/api/SpecApi.java"))
        .contains("ListPodsResponse listPods(@Nullable Integer perPage)")
        .contains("Pod createPod(PodCreate body)")
        .contains("Pod getPod(String id)")
        .contains("void deletePod(String id)")
        .contains("Status getStatus()");
    assertThat(read("src/generated/java/generated/spec/model/Pod.java"))
        .contains("@JsonProperty(\"spec\") @Nullable PodSpec spec")
        .contains("@JsonProperty(\"region\") @Nullable Region region");
    assertThat(read("src/generated/java/generated/spec/model/ListPodsResponse.java"))
        .contains("@JsonProperty(\"links\") @Nullable Links links");
    // Every file of the spec is an input: a change in any of them regenerates.
    assertThat(read("generated.manifest")).contains("operations/pods_list.yml", "operations/pods_get.yml",
        "paths/pods/by-id.yaml", "paths/status.yaml", "components/schemas/PodSpec.yaml", "shared/common.yaml",
        "shared/parameters.yaml");
    assertCompiles();
  }

  @Test
  void anOperationRefToAMissingFileNamesTheReferrer(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("root.yaml");
    Files.writeString(spec, """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        paths:
          /x:
            get:
              $ref: 'ops/missing.yml'
        """);

    assertThatThrownBy(() -> new OpenApiReader().read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at #/paths/~1x/get: operation $ref 'ops/missing.yml': referenced file not found (looked "
            + "for " + dir.resolve("ops/missing.yml") + ")");
  }

  @Test
  void aPathItemThatIsARefToASchemaIsRefusedNamingTheReferrer() {
    Path spec = INPUTS.resolve("schema-path-item/spec.yaml");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec.toAbsolutePath() + " at #/paths/~1x: a $ref to a schema where a path item was expected "
            + "('#/components/schemas/Pet'); a path item $ref points to a path item (#/components/pathItems/... or a "
            + "file holding one)");
  }

  @Test
  void aPathItemRefToASchemaInAnotherFileIsRefusedToo(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("root.yaml");
    Files.writeString(dir.resolve("pet.yaml"), "type: object\nproperties:\n  id: {type: string}\n");
    Files.writeString(spec, """
        openapi: 3.0.0
        info: {title: t, version: '1'}
        paths:
          /x:
            $ref: 'pet.yaml'
        """);

    assertThatThrownBy(() -> new OpenApiReader().read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(spec + " at #/paths/~1x: a $ref to a schema where a path item was expected "
            + "('pet.yaml')");
  }

  @Test
  void yamlOverThreeMegabytesIsRead(@TempDir Path dir) throws IOException {
    // Root and a $ref'd file both over SnakeYAML's default 3 MB code-point limit: swagger-parser reads both, and
    // so does our own read of the referenced files.
    StringBuilder shared = new StringBuilder();
    for (int i = 0; i < 700; i++) {
      shared.append("Thing").append(i).append(":\n  type: object\n  description: '").append("x".repeat(4600))
          .append("'\n  properties:\n    id: {type: string}\n");
    }
    Files.writeString(dir.resolve("shared.yaml"), shared);
    StringBuilder root = new StringBuilder("""
        openapi: 3.0.0
        info: {title: Big, version: '1'}
        servers: [{url: 'https://api.example.test'}]
        paths:
          /things:
            get:
              operationId: getThing
              responses:
                '200':
                  description: a thing
                  content:
                    application/json:
                      schema: {$ref: 'shared.yaml#/Thing699'}
        x-padding: '""").append("y".repeat(3_200_000)).append("'\n");
    Path spec = dir.resolve("big.yaml");
    Files.writeString(spec, root);
    assertThat(Files.size(spec)).isGreaterThan(3 * 1024 * 1024);
    assertThat(Files.size(dir.resolve("shared.yaml"))).isGreaterThan(3 * 1024 * 1024);

    generator.generateSpec(spec, out, Generator.SpecOptions.defaults());

    assertThat(read("src/generated/java/generated/big/api/BigApi.java")).contains("Thing699 getThing()");
    assertThat(read("generated.manifest")).contains("shared.yaml");
  }

  @Test
  void refsIntoAPropertyReuseTheTypeMadeThere() throws IOException {
    ApiModel model = new OpenApiReader().read(INPUTS.resolve("property-ref/spec.yaml"), null);

    assertThat(model.types()).extracting(t -> t.name())
        .containsExactlyInAnyOrder("Owner", "Pet", "PetStatus", "PetTagsItem");
    RecordDef owner = (RecordDef) model.type("Owner").orElseThrow();
    assertThat(owner.fields()).extracting(f -> f.type().toString())
        .containsExactly("Named[name=PetStatus]", "Named[name=PetTagsItem]");
    generate(INPUTS.resolve("property-ref/spec.yaml"));
    assertThat(read("src/generated/java/generated/spec/api/SpecApi.java"))
        .contains("Pet getPet(Long id, @Nullable PetStatus status)");
    assertCompiles();
  }

  @Test
  void swagger2StyleDefinitionRefsInAnOpenApi3DocumentAreComponentSchemas() throws IOException {
    Path spec = INPUTS.resolve("definitions-ref/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).containsExactly(spec.toAbsolutePath() + ": Swagger 2 style 2 $ref(s) to "
        + "'#/definitions/...' and top-level 'definitions' (1) in an OpenAPI 3 document, read as "
        + "'#/components/schemas/...'");
    assertThat(read("src/generated/java/generated/spec/model/Pet.java"))
        .contains("@JsonProperty(\"category\") @Nullable Category category");
    assertCompiles();
  }

  @Test
  void nullRefsAndNullEntriesMeanAnyValue() throws IOException {
    generate(INPUTS.resolve("null-ref/spec.yaml"));

    assertThat(read("src/generated/java/generated/spec/model/Thing.java"))
        .contains("@JsonProperty(\"extra\") @Nullable JsonNode extra")
        .contains("@JsonProperty(\"maybe\") @Nullable Integer maybe");
    assertCompiles();
  }

  @Test
  void aFileNamedLikeAJavaKeywordGetsALegalDefaultPackage() throws IOException {
    // Named after its title, Enum.
    Generator.Result r = generator.generateSpec(INPUTS.resolve("keyword/enum.yaml"), out,
        Generator.SpecOptions.defaults());

    assertThat(r.provider()).isEqualTo("enum");
    assertThat(read("src/generated/java/generated/enum_/api/EnumApi.java")).startsWith(
        "// Generated by provider-api from enum.yaml.").contains("package generated.enum_.api;");
    assertCompiles();
  }

  @Test
  void swagger2IsConvertedWithItsHostAndApiKey() throws IOException {
    Path spec = INPUTS.resolve("swagger2/spec.json");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).containsExactly(spec.toAbsolutePath() + ": Swagger 2.0, converted to OpenAPI 3.0 with"
        + " swagger-parser's v2 converter");
    String base = read("src/generated/java/generated/spec/SpecProviderBase.java");
    assertThat(base).contains(".baseUrl(\"https://api.example.test/v1\")")
        .contains(".auth(new AuthSpec(AuthStyle.HEADER, \"SPEC_API_KEY\", \"X-Api-Key\", null, Map.of()))");
    assertThat(read("src/generated/java/generated/spec/api/SpecApi.java"))
        .contains("List<Pet> findPetsByStatus(List<FindPetsByStatusStatusItem> status)")
        .contains("Pet addPet(Pet body)");
    assertCompiles();
  }

  @Test
  void aQueryArrayOfAnInlineEnumGetsAGeneratedTestThatPassesTheEnum() throws IOException {
    generate(INPUTS.resolve("array-enum-query/spec.yaml"));

    assertThat(read("src/generated-test/java/generated/spec/api/SpecApiClientTest.java"))
        .contains("mock.api().findPetsByStatus(java.util.List.of(mock.mapper().convertValue(\"available\", "
            + "generated.spec.model.FindPetsByStatusStatusItem.class)), null)")
        .contains("assertQuery(request, \"status=available\")");
    assertCompiles();
  }

  @Test
  void aGetOrHeadSendsNoBodyAndAHeadAnswerHasNoContent() throws Exception {
    Path spec = INPUTS.resolve("bodiless-methods/spec.yaml");

    Generator.Result r = generate(spec);

    assertThat(r.warnings()).containsExactly(spec.toAbsolutePath() + " at #/paths/~1charges~1{id}/get/requestBody: "
        + "a GET sends no body; the declared requestBody is left out");
    assertThat(read("src/generated/java/generated/spec/api/SpecApi.java"))
        .contains("Charge getCharge(String id)")
        .contains("void chargeExists(String id)");
    assertGeneratedTestsPass(assertCompiles(), 2);
  }

  @Test
  void specExamplesThatAreNotValuesOfTheirTypeGiveWayToSamples() throws Exception {
    generate(INPUTS.resolve("nonconforming-examples/spec.yaml"));

    String test = read("src/generated-test/java/generated/spec/api/SpecApiClientTest.java");
    assertThat(test)
        .doesNotContain("Invalid date range")
        .doesNotContain("default_route")
        .contains("Boolean body = mock.read(")
        .contains("kept-example");
    assertGeneratedTestsPass(assertCompiles(), 4);
  }

  @Test
  void starterQueriesOfScalarAndEnumRootFieldsGetTestsThatPass() throws Exception {
    generate(INPUTS.resolve("graphql-scalar-roots/schema.graphql"));

    String test = read("src/generated-test/java/generated/spec/api/SpecApiClientTest.java");
    assertThat(test)
        .contains("mock.enqueueJson(200, \"{\\\"data\\\":{\\\"_dummy\\\":\\\"test\\\"}}\");")
        .contains("mock.enqueueJson(200, \"{\\\"data\\\":{\\\"userOnlyToken\\\":true}}\");")
        .contains("mock.enqueueJson(200, \"{\\\"data\\\":{\\\"authenticationStatus\\\":\\\"LOGGED_IN\\\"}}\");");
    assertGeneratedTestsPass(assertCompiles(), 5);
  }

  @Test
  void unsupportedVersionsSayWhichInTheFirstLine(@TempDir Path dir) throws IOException {
    Path four = dir.resolve("four.yaml");
    Files.writeString(four, "openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n");
    Path none = dir.resolve("none.yaml");
    Files.writeString(none, "info: {title: t, version: '1'}\npaths: {}\n");
    Path old = dir.resolve("old.json");
    Files.writeString(old, "{\"swagger\": \"1.2\", \"info\": {\"title\": \"t\", \"version\": \"1\"}}");

    assertThatThrownBy(() -> new OpenApiReader().read(four, null)).isInstanceOf(SpecException.class)
        .hasMessage(four + " at openapi: unsupported OpenAPI version '4.0.0'; supported: 3.0, 3.1, 3.2 (read as 3.1)"
            + " and Swagger 2.0 (converted)");
    assertThatThrownBy(() -> new OpenApiReader().read(none, null)).isInstanceOf(SpecException.class)
        .hasMessage(none + ": not an OpenAPI document: no 'openapi' (or 'swagger') version at the top level");
    assertThatThrownBy(() -> new OpenApiReader().read(old, null)).isInstanceOf(SpecException.class)
        .hasMessage(old + " at swagger: unsupported Swagger version '1.2'; supported: Swagger 2.0 (converted to "
            + "OpenAPI 3.0), OpenAPI 3.0, 3.1 and 3.2");
  }

  @Test
  void aLongListOfErrorsIsCappedWithACount(@TempDir Path dir) throws IOException {
    StringBuilder paths = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      paths.append("  /p").append(i).append(":\n    get:\n      responses:\n        '200':\n          description: x\n")
          .append("          content:\n            application/json:\n              schema: {$ref: '#/components/")
          .append("schemas/Missing").append(i).append("'}\n");
    }
    Path spec = dir.resolve("broken.yaml");
    Files.writeString(spec, "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n" + paths);

    assertThatThrownBy(() -> new OpenApiReader().read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at paths.'/p0'(get).responses.200.content.'application/json'.schema: invalid OpenAPI "
            + "document: $ref '#/components/schemas/Missing0' points to nothing; at paths.'/p1'(get).responses.200"
            + ".content.'application/json'.schema: $ref '#/components/schemas/Missing1' points to nothing; at "
            + "paths.'/p2'(get).responses.200.content.'application/json'.schema: $ref '#/components/schemas/Missing2' "
            + "points to nothing; and 9 more");
  }

  // ---- helpers ----

  /** As {@code generate --spec FILE --name spec}. */
  private Generator.Result generate(Path spec) {
    return generator.generateSpec(spec, out, new Generator.SpecOptions("spec", null, Generator.Mode.WRITE));
  }

  private String read(String relative) throws IOException {
    return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
  }

  /** Runs the generated client test: one exchange per operation plus the error cases, every one passing. */
  private static void assertGeneratedTestsPass(ClassLoader classes, int operations) throws ClassNotFoundException {
    dev.providerapi.generator.testing.GeneratedTests.Outcome outcome =
        dev.providerapi.generator.testing.GeneratedTests.run(classes.loadClass("generated.spec.api.SpecApiClientTest"));
    assertThat(outcome.failures()).isEmpty();
    assertThat(outcome.found()).isGreaterThanOrEqualTo(operations);
    assertThat(outcome.succeeded()).isEqualTo(outcome.found());
  }

  /** Compiles everything written (client, models, adapter base, skeleton, generated tests); returns the classes. */
  private ClassLoader assertCompiles() throws IOException {
    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(out.resolve("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(SpecInputsTest::source).toList();
    }
    Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(sources);
    assertThat(compilation.status()).as(compilation.diagnostics().toString()).isEqualTo(Compilation.Status.SUCCESS);
    return new ClassLoader(SpecInputsTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        String suffix = "/" + name.replace('.', '/') + ".class";
        for (JavaFileObject f : compilation.generatedFiles()) {
          if (f.getKind() == JavaFileObject.Kind.CLASS && f.toUri().getPath().endsWith(suffix)) {
            try (InputStream in = f.openInputStream()) {
              byte[] bytes = in.readAllBytes();
              return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
              throw new ClassNotFoundException(name, e);
            }
          }
        }
        throw new ClassNotFoundException(name);
      }
    };
  }

  private static JavaFileObject source(Path p) {
    try {
      return JavaFileObjects.forSourceString(p.getFileName().toString().replace(".java", ""), Files.readString(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
