package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.Generator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code diff} and {@code update} with the real OpenAPI reader, generator and openapi-diff. */
class SpecUpdateTest {
  @TempDir Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String V1 = """
      openapi: 3.0.3
      info: {title: Tiny Cloud API, version: "1.0"}
      servers: [{url: "https://api.tiny.example"}]
      paths:
        /machines:
          get:
            operationId: listMachines
            responses:
              "200":
                description: the machines
                content:
                  application/json:
                    schema: {type: array, items: {$ref: "#/components/schemas/Machine"}}
        /machines/{id}:
          delete:
            operationId: deleteMachine
            parameters: [{name: id, in: path, required: true, schema: {type: string}}]
            responses: {"204": {description: gone}}
      components:
        schemas:
          Machine:
            type: object
            required: [id]
            properties:
              id: {type: string}
      """;

  /** Adds an endpoint and an optional response field: nothing an old client relies on changes. */
  private static final String V2_COMPATIBLE = V1.replace("version: \"1.0\"", "version: \"1.1\"")
      .replace("      id: {type: string}\n", "      id: {type: string}\n        gpu: {type: string}\n")
      .replace("  /machines/{id}:\n", """
            /regions:
              get:
                operationId: listRegions
                responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
            /machines/{id}:
          """);

  /** Removes DELETE /machines/{id}. */
  private static final String V2_BREAKING = V1.replace("version: \"1.0\"", "version: \"2.0\"")
      .substring(0, V1.indexOf("  /machines/{id}:")) + V1.substring(V1.indexOf("components:"));

  @BeforeEach
  void repository() throws IOException {
    Path specs = Files.createDirectories(repo.resolve("specs/tiny"));
    Files.writeString(specs.resolve("openapi.yaml"), V1);
    Files.writeString(specs.resolve("provider.yaml"), """
        # Tiny Cloud
        name: tiny
        javaPackage: com.example.tiny
        classPrefix: Tiny
        spec: {kind: openapi, file: openapi.yaml}  # ours
        baseUrl: https://api.tiny.example
        operations: {list: listMachines, terminate: deleteMachine}
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

  @Test
  void diffOfCompatibleChangesExitsZeroAndListsThem() throws IOException {
    int code = run("diff", repo.resolve("specs/tiny/openapi.yaml").toString(), file("v2.yaml", V2_COMPATIBLE).toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("""
          non-breaking: added operation GET /regions (listRegions)
          non-breaking: added field `gpu` of `Machine`: optional string
        provider-api diff: 2 changes (0 breaking): non-breaking changes only
        """);
  }

  @Test
  void diffOfARemovedEndpointIsBreakingWithExitCodeOne() throws IOException {
    int code = run("diff", repo.resolve("specs/tiny/openapi.yaml").toString(), file("v2.yaml", V2_BREAKING).toString());

    assertThat(code).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).isEqualTo("""
          breaking:     removed operation DELETE /machines/{id} (deleteMachine)
        provider-api diff: 1 change (1 breaking): BREAKING changes: clients built from the old spec may fail
        """);
  }

  @Test
  void diffWithAProviderSaysWhichBoundOperationsEachChangeTouches() throws IOException {
    Path v1 = file("v1.yaml", V1);
    Path v2 = file("v2.yaml", V2_BREAKING.replace("      id: {type: string}\n", "      id: {type: integer}\n"));

    int code = run("diff", v1.toString(), v2.toString(), "--provider", "tiny");

    assertThat(code).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).isEqualTo("""
          breaking:     removed operation DELETE /machines/{id} (deleteMachine); used by terminate (deleteMachine)
          breaking:     changed field `id` of `Machine`: string -> int32; used by list (listMachines)
        provider-api diff: 2 changes (2 breaking; 2 in our spec): BREAKING changes to what our spec uses: \
        clients built from the old spec may fail
        """);
  }

  @Test
  void diffWithAProviderIgnoresBreakingChangesOurSpecDoesNotCover() throws IOException {
    // Upstream has more than ours: an endpoint and a field we never declared; both go away.
    String upstream = V1.replace("      id: {type: string}\n", "      id: {type: string}\n        note: {type: string}\n")
        .replace("components:", "  /zones:\n    get:\n      operationId: listZones\n"
            + "      responses: {\"200\": {description: ok}}\ncomponents:");
    Path v1 = file("up1.yaml", upstream);
    Path v2 = file("up2.yaml", V1);

    int code = run("diff", v1.toString(), v2.toString(), "--provider", "tiny");

    assertThat(code).as(out.toString() + err).isZero();
    assertThat(out.toString()).isEqualTo("""
          breaking:     removed operation GET /zones (listZones); not in our spec
          breaking:     removed field `note` of `Machine`; not in our spec
        provider-api diff: 2 changes (2 breaking; 0 in our spec): nothing our spec uses breaks
        """);
  }

  @Test
  void diffWithAProviderAndNoRecordedSnapshotSaysHowToRecordOne() throws IOException {
    int code = run("diff", "--provider", "tiny", file("v2.yaml", V2_COMPATIBLE).toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("specs/tiny/provider.yaml records no upstream snapshot (spec.upstream.snapshot)")
        .contains("provider-api update tiny --from FILE");
  }

  @Test
  void diffOfIdenticalSpecsIsNoChange() throws IOException {
    int code = run("diff", repo.resolve("specs/tiny/openapi.yaml").toString(), file("same.yaml", V1).toString());

    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("provider-api diff: no API change\n");
  }

  @Test
  void diffOfAnUnreadableSpecIsBadInputNamingTheFile() throws IOException {
    Path broken = file("broken.yaml", "openapi: 3.0.3\npaths: [\n");

    int code = run("diff", repo.resolve("specs/tiny/openapi.yaml").toString(), broken.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).startsWith("provider-api: " + broken);
  }

  @Test
  void updateReplacesTheSpecRecordsTheUpstreamAndRegenerates() throws IOException {
    run("tiny");
    Path v2 = file("v2.yaml", V2_COMPATIBLE);

    int code = run("update", "tiny", "--from", v2.toString(), "--source", "https://tiny.example/openapi.yaml");

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(repo.resolve("specs/tiny/openapi.yaml"))).isEqualTo(V2_COMPATIBLE);
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml"))).isEqualTo("""
        # Tiny Cloud
        name: tiny
        javaPackage: com.example.tiny
        classPrefix: Tiny
        spec:
          kind: "openapi"
          file: "openapi.yaml"
          upstream:
            source: "https://tiny.example/openapi.yaml"
            version: "1.1"
        baseUrl: https://api.tiny.example
        operations: {list: listMachines, terminate: deleteMachine}
        """);
    assertThat(Files.readString(repo.resolve("providers/tiny/src/generated/java/com/example/tiny/model/Machine.java")))
        .contains("String gpu");
    assertThat(out.toString()).contains("non-breaking: added operation GET /regions (listRegions)")
        .contains("provider-api update tiny: spec specs/tiny/openapi.yaml <- " + v2
            + "; upstream https://tiny.example/openapi.yaml version 1.1; ");
    assertThat(run("--check", "tiny")).isZero();

    // A second update replaces the recorded upstream in the block it wrote.
    // It is breaking (GET /regions removed again) yet still generates: update succeeds and exits 1 for CI.
    Path v3 = file("v3.yaml", V1.replace("version: \"1.0\"", "version: \"2.0\""));
    assertThat(run("update", "tiny", "--from", v3.toString())).as(err.toString()).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).contains("breaking:     removed operation GET /regions (listRegions)");
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml"))).contains("""
        spec:
          kind: "openapi"
          file: "openapi.yaml"
          upstream:
            source: "https://tiny.example/openapi.yaml"
            version: "2.0"
        baseUrl: https://api.tiny.example
        """);
  }

  @Test
  void anUpdateThatCannotGenerateLeavesSpecAndManifestAsTheyWere() throws IOException {
    String yamlBefore = Files.readString(repo.resolve("specs/tiny/provider.yaml"));
    // Valid OpenAPI, but the bound operation listMachines is gone: generation must fail.
    Path v2 = file("v2.yaml", V1.replace("listMachines", "listAll"));

    int code = run("update", "tiny", "--from", v2.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("listMachines");
    assertThat(Files.readString(repo.resolve("specs/tiny/openapi.yaml"))).isEqualTo(V1);
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml"))).isEqualTo(yamlBefore);
  }
}
