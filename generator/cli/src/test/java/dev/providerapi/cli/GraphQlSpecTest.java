package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.Generator;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diff}, {@code update} and {@code new} on GraphQL schemas, with graphql-java and the real generator. */
class GraphQlSpecTest {
  @TempDir Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String V1 = """
      type Query {
        "Every pod of the account."
        pods: [Pod!]!
        gpuTypes(secureCloud: Boolean): [GpuType!]!
        pod(id: ID!): Pod
      }
      type Pod {
        id: ID!
        name: String
        costPerHr: Float
        status: PodStatus
        machine: Machine
      }
      type Machine { gpuDisplayName: String }
      enum PodStatus { RUNNING EXITED }
      type GpuType { id: ID! displayName: String memoryInGb: Int }
      type Mutation { podTerminate(id: ID!): Boolean }
      """;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve("specs"));
    Files.writeString(repo.resolve("pom.xml"), """
        <project>
          <modules>
            <module>runtime</module>
            <module>providers/lambda</module>
          </modules>
        </project>
        """);
  }

  private int run(String... args) {
    CommandLine cmd = Main.commandLine(Generator::new, repo);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(repo.resolve(name), text);
  }

  private int diff(String newSchema) throws IOException {
    return run("diff", file("old.graphql", V1).toString(), file("new.graphqls", newSchema).toString());
  }

  @Test
  void aRemovedFieldIsBreaking() throws IOException {
    int code = diff(V1.replace("  costPerHr: Float\n", ""));

    assertThat(code).as(err.toString()).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).isEqualTo("""
          breaking:     removed field Pod.costPerHr
        provider-api diff: BREAKING changes: clients built from the old spec may fail
        """);
  }

  @Test
  void aChangedFieldTypeIsBreaking() throws IOException {
    int code = diff(V1.replace("  name: String\n", "  name: Int\n"));

    assertThat(code).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).contains("  breaking:     changed type of field Pod.name: String -> Int\n");
  }

  @Test
  void aNewRequiredArgumentIsBreaking() throws IOException {
    int code = diff(V1.replace("pods: [Pod!]!", "pods(region: String!): [Pod!]!"));

    assertThat(code).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).contains("  breaking:     new required argument Query.pods(region)\n");
  }

  @Test
  void addedFieldsAndTypesAreNonBreaking() throws IOException {
    int code = diff(V1.replace("  name: String\n", "  name: String\n  gpuCount: Int\n")
        + "type Region { id: ID! }\n");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("""
          non-breaking: added field Pod.gpuCount
          non-breaking: added type Region
        provider-api diff: non-breaking changes only
        """);
  }

  @Test
  void aNewEnumValueIsDangerousButExitsZero() throws IOException {
    int code = diff(V1.replace("RUNNING EXITED", "RUNNING EXITED PAUSED"));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("  dangerous:    added enum value PodStatus.PAUSED\n")
        .contains("provider-api diff: no breaking change, but DANGEROUS ones");
  }

  @Test
  void identicalSchemasAreUnchangedAndSchemasAreRecognisedByContent() throws IOException {
    // No .graphql extension: the SDL is recognised by its first definition, after comments.
    int code = run("diff", file("a.txt", "# RunPod\n" + V1).toString(), file("b.txt", "# RunPod\n" + V1).toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("provider-api diff: no API change\n");
  }

  @Test
  void onlyADescriptionChangedIsStillReported() throws IOException {
    int code = diff(V1.replace("Every pod of the account.", "All pods."));

    assertThat(code).isZero();
    assertThat(out.toString()).contains("non-breaking: other changes").endsWith("non-breaking changes only\n");
  }

  @Test
  void anInvalidSchemaIsBadInputNamingFileAndLine() throws IOException {
    int code = diff("type Query {\n  pods: [Pod!\n}\n");

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).startsWith("provider-api: " + repo.resolve("new.graphqls")).contains("line ");
  }

  @Test
  void aGraphQlSchemaAndAnOpenApiSpecCannotBeCompared() throws IOException {
    int code = run("diff", file("old.graphql", V1).toString(), file("new.yaml", "openapi: 3.0.3\n").toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("one is a GraphQL schema, the other an OpenAPI spec");
  }

  /** A GraphQL provider whose MyPods document selects Pod.costPerHr. */
  private void gqlProvider() throws IOException {
    Path dir = Files.createDirectories(repo.resolve("specs/tiny/operations"));
    Files.writeString(dir.getParent().resolve("schema.graphql"), V1);
    Files.writeString(dir.resolve("MyPods.graphql"), "query MyPods {\n  pods {\n    id\n    costPerHr\n  }\n}\n");
    Files.writeString(dir.getParent().resolve("provider.yaml"), """
        name: tiny
        javaPackage: com.example.tiny
        classPrefix: Tiny
        spec: {kind: graphql, file: schema.graphql}
        baseUrl: https://api.tiny.example/graphql
        operations: {list: MyPods}
        """);
  }

  @Test
  void updateOfAGraphQlProviderRegeneratesAndRecordsTheSchemaHash() throws IOException {
    gqlProvider();
    // The first update records the baseline; the second compares with it and takes the new schema.
    assertThat(run("update", "tiny", "--from", file("v1.graphql", V1).toString(), "--source",
        "https://tiny.example/graphql")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("no upstream snapshot was recorded");
    Path v2 = file("v2.graphql", V1.replace("  name: String\n", "  name: String\n  gpuCount: Int\n"));

    int code = run("update", "tiny", "--from", v2.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(repo.resolve("specs/tiny/schema.graphql"))).contains("gpuCount: Int");
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/tiny/provider.yaml"));
    assertThat(m.spec().upstreamSource()).isEqualTo("https://tiny.example/graphql");
    assertThat(m.spec().upstreamVersion()).matches("sha256:[0-9a-f]{12}");
    assertThat(out.toString()).contains("  non-breaking: added field Pod.gpuCount; used by none of our operations\n")
        .contains("  bound operations touched: none\n");
    assertThat(repo.resolve("providers/tiny/generated.manifest")).exists();
    assertThat(run("--check", "tiny")).isZero();
  }

  @Test
  void aDiffOfAGraphQlProviderSaysWhichOfOurOperationsEachChangeTouches() throws IOException {
    gqlProvider();
    Files.writeString(repo.resolve("specs/tiny/operations/Pod.graphql"),
        "query Pod($id: ID!) {\n  pod(id: $id) {\n    id\n    name\n    status\n    machine { gpuDisplayName }\n  }\n}\n");
    Path yaml = repo.resolve("specs/tiny/provider.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("operations: {list: MyPods}", "operations: {list: MyPods, get: Pod}"));
    Path v2 = file("v2.graphql", V1.replace("  name: String\n", "")
        .replace("pods: [Pod!]!", "pods(filter: String!): [Pod!]!")
        .replace(" memoryInGb: Int", "")
        .replace("enum PodStatus { RUNNING EXITED }", "enum PodStatus { RUNNING EXITED PAUSED }"));

    int code = run("diff", "--provider", "tiny", repo.resolve("specs/tiny/schema.graphql").toString(), v2.toString());

    assertThat(code).as(err.toString()).isEqualTo(Main.DRIFT);
    assertThat(out.toString())
        .contains("  breaking:     removed field Pod.name; used by Pod (get)\n")
        .contains("  breaking:     new required argument Query.pods(filter); used by MyPods (list)\n")
        .contains("  breaking:     removed field GpuType.memoryInGb; used by none of our operations\n")
        .contains("  dangerous:    added enum value PodStatus.PAUSED; used by Pod (get)\n")
        .contains("provider-api diff: BREAKING changes to what our spec uses: clients built from the old spec may fail\n");

    // Breaking only where no document looks: nothing of ours breaks, and the exit code says so.
    out.getBuffer().setLength(0);
    Path v3 = file("v3.graphql", V1.replace(" memoryInGb: Int", ""));
    assertThat(run("diff", "--provider", "tiny", repo.resolve("specs/tiny/schema.graphql").toString(), v3.toString()))
        .isZero();
    assertThat(out.toString()).contains("  breaking:     removed field GpuType.memoryInGb; used by none of our operations\n")
        .contains("provider-api diff: nothing our spec uses breaks\n");
  }

  @Test
  void anUpdateThatInvalidatesAnOperationDocumentFailsAndPutsTheOldSchemaBack() throws IOException {
    gqlProvider();
    assertThat(run("update", "tiny", "--from", file("v1.graphql", V1).toString())).as(err.toString()).isZero();
    String yamlBefore = Files.readString(repo.resolve("specs/tiny/provider.yaml"));
    Path v2 = file("v2.graphql", V1.replace("  costPerHr: Float\n", ""));

    int code = run("update", "tiny", "--from", v2.toString());

    assertThat(code).isEqualTo(UpdateCommand.ROLLED_BACK);
    assertThat(err.toString()).contains("rolled back: the updated spec cannot be generated from: ")
        .contains("MyPods.graphql").contains("costPerHr")
        .contains("every file under specs/tiny and providers/tiny is as it was");
    assertThat(Files.readString(repo.resolve("specs/tiny/schema.graphql"))).isEqualTo(V1);
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml"))).isEqualTo(yamlBefore);
  }

  @Test
  void newScaffoldsAGraphQlProviderThatTheGeneratorAccepts() throws IOException {
    Path schema = file("acme.graphql", V1);

    int code = run("new", "acme", "--graphql", schema.toString(), "--base-url", "https://api.acme.test/graphql");

    assertThat(code).as(err.toString()).isZero();
    Path specs = repo.resolve("specs/acme");
    assertThat(Files.readString(specs.resolve("schema.graphql"))).isEqualTo(V1);
    // pod(id: ID!) needs an argument: no starter for it.
    try (var docs = Files.list(specs.resolve("operations"))) {
      assertThat(docs.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("GpuTypes.graphql", "Pods.graphql");
    }
    assertThat(Files.readString(specs.resolve("operations/Pods.graphql"))).endsWith("""
        query Pods {
          pods {
            id
            name
            costPerHr
            status
            machine {
              gpuDisplayName
            }
          }
        }
        """);
    ProviderManifest m = new ManifestReader().read(specs.resolve("provider.yaml"));
    assertThat(m.spec().kind()).isEqualTo("graphql");
    assertThat(m.operations()).containsOnly(Map.entry("offers", "GpuTypes"), Map.entry("list", "Pods"));
    assertThat(m.descriptor().baseUrl().toString()).isEqualTo("https://api.acme.test/graphql");
    String yaml = Files.readString(specs.resolve("provider.yaml"));
    assertThat(yaml).contains("""
        errors:
          okErrorPointer: /errors
          message: /errors/0/message
          code: /errors/0/extensions/code
        """).contains("  list: Pods  # query pods\n").contains("#   - TODO operations.launch:");
    Path module = repo.resolve("providers/acme");
    assertThat(Files.readString(module.resolve("src/generated/java/dev/providerapi/acme/api/AcmeApiClient.java")))
        .contains("gpuTypes(").contains("pods(");
    assertThat(module.resolve("src/generated/java/dev/providerapi/acme/AcmeProviderBase.java")).exists();
    assertThat(module.resolve("src/main/java/dev/providerapi/acme/AcmeProvider.java")).exists();
    assertThat(Files.readString(repo.resolve("pom.xml"))).contains("<module>providers/acme</module>");
    assertThat(out.toString()).contains("2 starter document(s) in specs/acme/operations/")
        .contains("inferred: 2 operation binding(s) (offers, list), auth none");
    assertThat(run("--check", "acme")).isZero();
  }

  @Test
  void starterDocumentsForRunpodsRealSchemaValidateAndGenerate() throws IOException {
    // A large real schema: nested objects, arguments with defaults, input types (the working folder is the module).
    Path schema = Path.of("../../specs/runpod/schema.graphql").toAbsolutePath().normalize();

    int code = run("new", "rp", "--graphql", schema.toString(), "--base-url", "https://api.runpod.io/graphql");

    assertThat(code).as(err.toString()).isZero();
    assertThat(repo.resolve("specs/rp/operations/Myself.graphql")).exists();
    assertThat(run("--check", "rp")).isZero();
  }

  @Test
  void newWithoutABaseUrlLeavesAReservedPlaceholderAndATodo() throws IOException {
    int code = run("new", "acme", "--graphql", file("acme.graphqls", V1).toString());

    assertThat(code).as(err.toString()).isZero();
    String yaml = Files.readString(repo.resolve("specs/acme/provider.yaml"));
    assertThat(yaml).contains("baseUrl: https://api.acme.invalid/graphql\n")
        .contains("#   - TODO baseUrl: the provider's GraphQL endpoint");
  }

  @Test
  void newFromASchemaWithoutArgumentFreeQueriesIsBadInputWithATodo() throws IOException {
    int code = run("new", "acme", "--graphql", file("acme.graphql", "type Query { pod(id: ID!): String }\n").toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("no field of the root Query type can be called without arguments")
        .contains("TODO: write one operation per file");
    assertThat(repo.resolve("specs/acme")).doesNotExist();
    assertThat(repo.resolve("providers/acme")).doesNotExist();
  }

  @Test
  void newTakesExactlyOneSpec() throws IOException {
    Path schema = file("acme.graphql", V1);

    int code = run("new", "acme", "--graphql", schema.toString(), "--openapi", schema.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("mutually exclusive");
  }
}
