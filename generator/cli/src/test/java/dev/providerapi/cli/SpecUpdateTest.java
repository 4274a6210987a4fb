package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.Generator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
  void diffTakesDuplicateOperationIdsWithoutComplaint() throws IOException {
    // RunPod REST v1 has the same operationId on a PATCH and a POST .../update; a diff needs no unique ids.
    String twice = V1.replace("operationId: deleteMachine", "operationId: listMachines");
    Path old = file("old.yaml", twice);
    Path removed = file("new.yaml", twice.substring(0, twice.indexOf("  /machines/{id}:"))
        + twice.substring(twice.indexOf("components:")));

    int code = run("diff", old.toString(), removed.toString());

    assertThat(code).as(err.toString()).isEqualTo(Main.DRIFT);
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString()).isEqualTo("""
          breaking:     removed operation DELETE /machines/{id} (listMachines_delete)
        provider-api diff: 1 change (1 breaking): BREAKING changes: clients built from the old spec may fail
        """);
  }

  @Test
  void diffComparesASwagger2SpecWithItsOpenApi3Successor() throws IOException {
    Path swagger = file("v1.json", """
        {"swagger": "2.0", "info": {"title": "Tiny", "version": "1"}, "host": "api.tiny.example",
         "paths": {"/machines": {"get": {"operationId": "listMachines", "produces": ["application/json"],
           "responses": {"200": {"description": "the machines", "schema": {"type": "array",
             "items": {"$ref": "#/definitions/Machine"}}}}}}},
         "definitions": {"Machine": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}
        """);

    int code = run("diff", swagger.toString(), repo.resolve("specs/tiny/openapi.yaml").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("""
          non-breaking: added operation DELETE /machines/{id} (deleteMachine)
        provider-api diff: 1 change (0 breaking): non-breaking changes only
        """);
  }

  @Test
  void generatePrintsWarningsOnStderrAndTakesABaseUrl() throws IOException {
    Path spec = file("dup.yaml", V1.replace("operationId: deleteMachine", "operationId: listMachines")
        .replace("servers: [{url: \"https://api.tiny.example\"}]\n", ""));

    int code = run("generate", "--spec", spec.toString(), "--out", repo.resolve("out").toString(), "--name", "dup",
        "--base-url",
        "https://eu.tiny.example/v1");

    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEqualTo("warning: " + spec + " at #/paths/~1machines~1{id}/delete: operationId "
        + "'listMachines' is also used at #/paths/~1machines/get; this DELETE /machines/{id} is generated as "
        + "'listMachines_delete'\n");
    assertThat(Files.readString(repo.resolve("out/src/generated/java/generated/dup/DupProviderBase.java")))
        .contains(".baseUrl(\"https://eu.tiny.example/v1\")");
  }

  @Test
  void diffOfAnUnreadableSpecIsBadInputNamingTheFile() throws IOException {
    Path broken = file("broken.yaml", "openapi: 3.0.3\npaths: [\n");

    int code = run("diff", repo.resolve("specs/tiny/openapi.yaml").toString(), broken.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).startsWith("provider-api: " + broken);
  }

  /** Upstream, version 1: more than our spec (a field and an endpoint we never declared). */
  private static final String UP1 = V1.replace("version: \"1.0\"", "version: \"1.0.0\"")
      .replace("      id: {type: string}\n", "      id: {type: string}\n        note: {type: string}\n")
      .replace("components:", "  /zones:\n    get:\n      operationId: listZones\n"
          + "      responses: {\"200\": {description: ok}}\ncomponents:");

  /** Every file under specs/ and providers/ (build output aside) and the hash of its bytes. */
  private Map<String, String> tree() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> s = Stream.concat(Files.walk(repo.resolve("specs")), Files.walk(repo.resolve("providers")))) {
      for (Path p : s.filter(Files::isRegularFile).filter(p -> !repo.relativize(p).toString().contains("target"))
          .toList()) {
        files.put(repo.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** Generates tiny, then records UP1 as its upstream baseline. */
  private Path baseline() throws IOException {
    assertThat(run("tiny")).as(err.toString()).isZero();
    Path up1 = file("up1.yaml", UP1);
    assertThat(run("update", "tiny", "--from", up1.toString(), "--source", "https://tiny.example/openapi.yaml"))
        .as(err.toString()).isZero();
    out.getBuffer().setLength(0);
    return up1;
  }

  @Test
  void theFirstUpdateStoresTheBaselineAndLeavesOurSpecAlone() throws IOException {
    run("tiny");
    Path up1 = file("up1.yaml", UP1);

    int code = run("update", "tiny", "--from", up1.toString(), "--source", "https://tiny.example/openapi.yaml");

    assertThat(code).as(err.toString()).isZero();
    assertThat(Files.readString(repo.resolve("specs/tiny/openapi.yaml"))).isEqualTo(V1);
    assertThat(Files.readString(repo.resolve("specs/tiny/upstream/openapi.yaml"))).isEqualTo(UP1);
    String sha = dev.providerapi.generator.diff.UpstreamSpecs.sha256(up1);
    // Only the spec line changed: the comment after it, the other lines and their quoting are as they were.
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml"))).isEqualTo("""
        # Tiny Cloud
        name: tiny
        javaPackage: com.example.tiny
        classPrefix: Tiny
        spec: {kind: openapi, file: openapi.yaml, upstream: {source: https://tiny.example/openapi.yaml, \
        version: 1.0.0, sha256: %s, snapshot: upstream/openapi.yaml}}  # ours
        baseUrl: https://api.tiny.example
        operations: {list: listMachines, terminate: deleteMachine}
        """.formatted(sha));
    assertThat(out.toString()).contains("no upstream snapshot was recorded: stored " + up1
        + " as specs/tiny/upstream/openapi.yaml, the baseline later updates compare against; our spec is unchanged")
        .contains("in-process compile of ").contains(": passed");
    assertThat(run("--check", "tiny")).isZero();

    // The same file again: nothing to do, nothing written.
    Map<String, String> before = tree();
    assertThat(run("update", "tiny", "--from", up1.toString())).isZero();
    assertThat(out.toString()).contains("provider-api update tiny: upstream unchanged (version 1.0.0, sha256 "
        + sha.substring(0, 12) + "...): nothing to do");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void anUpstreamChangeOurSpecCoversIsCarriedOverRegeneratedAndCompiled() throws IOException {
    baseline();
    // Upstream 1.1: Machine gains gpu (ours takes it up); the note field we never declared goes away (ignored).
    Path up2 = file("up2.yaml", UP1.replace("1.0.0", "1.1.0")
        .replace("        note: {type: string}\n", "        gpu: {type: string, description: GPU model}\n"));

    int code = run("update", "tiny", "--from", up2.toString());

    assertThat(code).as(err.toString() + out).isZero();
    assertThat(Files.readString(repo.resolve("specs/tiny/openapi.yaml"))).isEqualTo(V1.replace(
        "      id: {type: string}\n", "      id: {type: string}\n        gpu: {\"type\":\"string\",\"description\":\"GPU model\"}\n"));
    assertThat(Files.readString(repo.resolve("specs/tiny/upstream/openapi.yaml"))).isEqualTo(Files.readString(up2));
    assertThat(Files.readString(repo.resolve("providers/tiny/src/generated/java/com/example/tiny/model/Machine.java")))
        .contains("String gpu");
    assertThat(out.toString())
        .contains("  breaking:     removed field `note` of `Machine`; not in our spec\n")
        .contains("  non-breaking: added field `gpu` of `Machine`: optional string; used by list (listMachines)\n")
        .contains("  carried into our spec: added field `gpu` of `Machine`: optional string\n")
        .contains("  bound operations touched: list (listMachines)\n")
        .contains("provider-api update tiny: upstream https://tiny.example/openapi.yaml version 1.1.0 (sha256 ");
    assertThat(Files.readString(repo.resolve("specs/tiny/provider.yaml")))
        .contains("version: 1.1.0, sha256: " + dev.providerapi.generator.diff.UpstreamSpecs.sha256(up2) + ",");
    assertThat(run("--check", "tiny")).isZero();
  }

  @Test
  void anUpdateThatBreaksTheAdapterIsRolledBackLeavingTheTreeByteIdentical() throws IOException {
    baseline();
    // Hand-written code that reads Machine.id as a String.
    Files.writeString(repo.resolve("providers/tiny/src/main/java/com/example/tiny/MachineIds.java"), """
        package com.example.tiny;

        final class MachineIds {
          static String of(com.example.tiny.model.Machine m) {
            String id = m.id();
            return id;
          }
        }
        """);
    Map<String, String> before = tree();
    Path up2 = file("up2.yaml", UP1.replace("1.0.0", "1.1.0")
        .replace("      id: {type: string}\n        note", "      id: {type: integer, format: int64}\n        note"));

    int code = run("update", "tiny", "--from", up2.toString());

    assertThat(code).as(out.toString()).isEqualTo(UpdateCommand.ROLLED_BACK);
    assertThat(out.toString())
        .contains("  breaking:     changed field `id` of `Machine`: string -> int64; used by list (listMachines)\n")
        .contains("  bound operations touched: list (listMachines)\n");
    assertThat(err.toString()).contains("provider-api update tiny: rolled back: the regenerated provider fails "
        + "in-process compile of ").contains("MachineIds.java").contains("incompatible types")
        .contains("every file under specs/tiny and providers/tiny is as it was");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void anUpdateRemovingABoundOperationIsRolledBackAndNamesTheBinding() throws IOException {
    baseline();
    Map<String, String> before = tree();
    String removed = UP1.substring(0, UP1.indexOf("  /machines/{id}:")) + UP1.substring(UP1.indexOf("  /zones:"));
    Path up2 = file("up2.yaml", removed.replace("1.0.0", "2.0.0"));

    int code = run("update", "tiny", "--from", up2.toString());

    assertThat(code).isEqualTo(UpdateCommand.ROLLED_BACK);
    assertThat(out.toString()).contains("  breaking:     removed operation DELETE /machines/{id} (deleteMachine); "
        + "used by terminate (deleteMachine)\n").contains("  bound operations touched: terminate (deleteMachine)\n");
    assertThat(err.toString()).contains("rolled back: the updated spec cannot be generated from: ")
        .contains("operations.terminate").contains("deleteMachine");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void aCoveredBreakingChangeThatCannotBeCarriedOverChangesNothing() throws IOException {
    baseline();
    Map<String, String> before = tree();
    // listMachines now answers one Machine instead of a list: a response type change needs a hand edit.
    Path up2 = file("up2.yaml", UP1.replace("1.0.0", "1.1.0").replace(
        "schema: {type: array, items: {$ref: \"#/components/schemas/Machine\"}}",
        "schema: {$ref: \"#/components/schemas/Machine\"}"));

    int code = run("update", "tiny", "--from", up2.toString());

    assertThat(code).isEqualTo(UpdateCommand.ROLLED_BACK);
    assertThat(out.toString()).contains("  needs a hand edit of specs/tiny/openapi.yaml: changed response of "
        + "GET /machines (listMachines): list<Machine> -> Machine; used by list (listMachines)\n")
        .contains("provider-api update tiny: not updated; nothing was changed");
    assertThat(tree()).isEqualTo(before);
  }

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: boxes.tiny.example.com}
      spec:
        group: tiny.example.com
        scope: Namespaced
        names: {kind: Box, listKind: BoxList, plural: boxes, singular: box}
        versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      gpus: {type: integer}
      """;

  @Test
  void diffComparesTwoCrdsFieldByField() throws IOException {
    Path v1 = file("v1.crd.yaml", CRD);
    Path v2 = file("v2.crd.yaml", CRD.replace("gpus: {type: integer}", "gpus: {type: string}"));

    int code = run("diff", v1.toString(), v2.toString());

    assertThat(code).as(err.toString()).isEqualTo(Main.DRIFT);
    assertThat(out.toString()).isEqualTo("""
          breaking:     changed field `gpus` of `BoxSpec`: int64 -> string
        provider-api diff: 1 change (1 breaking): BREAKING changes: clients built from the old spec may fail
        """);
    assertThat(run("diff", v1.toString(), repo.resolve("specs/tiny/openapi.yaml").toString()))
        .isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("(a CRD) with ").contains("(an OpenAPI spec)");
  }

  @Test
  void aRecordedSnapshotThatIsMissingIsNamedWithTheWayOut() throws IOException {
    baseline();
    Files.delete(repo.resolve("specs/tiny/upstream/openapi.yaml"));

    int code = run("update", "tiny", "--from", file("up2.yaml", UP1.replace("1.0.0", "1.1.0")).toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("at spec.upstream.snapshot: the snapshot "
        + repo.resolve("specs/tiny/upstream/openapi.yaml") + " is missing; restore it, or write 'snapshot: none'");
  }
}
