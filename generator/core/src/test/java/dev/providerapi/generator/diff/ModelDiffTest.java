package dev.providerapi.generator.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.diff.Change.Kind;
import dev.providerapi.generator.diff.Change.Level;
import dev.providerapi.generator.model.ApiModel;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upstream-to-upstream differences, one fixture pair per change kind ({@code src/test/resources/diff}), and how
 * each meets our trimmed spec ({@code ours.yaml}) and its bindings.
 */
class ModelDiffTest {
  private static final Map<String, String> BINDINGS =
      Map.of("offers", "listInstanceTypes", "launch", "launchInstance", "terminate", "terminateInstance");

  private static Path fixture(String name) {
    try {
      return Path.of(ModelDiffTest.class.getResource("/diff/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiModel read(String name) {
    Path p = fixture(name);
    return UpstreamSpecs.read(p, UpstreamSpecs.kind(p), null);
  }

  private static List<Change> against(String v2) {
    return ModelDiff.compare(read("upstream-v1.yaml"), read("upstream-v2-" + v2 + ".yaml"));
  }

  private static Usage ours() {
    return new Usage(read("ours.yaml"), BINDINGS);
  }

  @Test
  void identicalSpecsHaveNoChange() {
    assertThat(ModelDiff.compare(read("upstream-v1.yaml"), read("upstream-v1.yaml"))).isEmpty();
  }

  @Test
  void anAddedOptionalFieldIsNonBreakingAndCoveredBecauseOurSpecHasTheType() {
    List<Change> changes = against("field-added");

    assertThat(changes).containsExactly(new Change(Level.NON_BREAKING, Kind.FIELD_ADDED, null, null, "InstanceType",
        "gpu_memory_gib", "optional int32", "#/components/schemas/InstanceType", "#/components/schemas/InstanceType"));
    assertThat(ours().impact(changes.get(0)).describe()).isEqualTo("added field `gpu_memory_gib` of `InstanceType`: "
        + "optional int32; used by offers (listInstanceTypes)");
  }

  @Test
  void aRemovedFieldIsBreakingButNotOursWhenOurSpecNeverDeclaredIt() {
    List<Change> changes = against("field-removed");

    assertThat(changes).extracting(Change::describe).containsExactly("removed field `description` of `InstanceType`");
    assertThat(changes.get(0).level()).isEqualTo(Level.BREAKING);
    Usage.Impact impact = ours().impact(changes.get(0));
    assertThat(impact.covered()).isFalse();
    assertThat(impact.operations()).isEmpty();
    assertThat(impact.describe()).isEqualTo("removed field `description` of `InstanceType`; not in our spec");
  }

  @Test
  void aRetypedFieldIsBreakingAndNamesTheBoundOperationsThatReachIt() {
    List<Change> changes = against("type-changed");

    assertThat(changes).extracting(Change::describe)
        .containsExactly("changed field `price_cents_per_hour` of `InstanceType`: int64 -> string");
    Usage.Impact impact = ours().impact(changes.get(0));
    assertThat(impact.covered()).isTrue();
    // Upstream's Instance also carries an InstanceType; ours does not, so only offers decodes one.
    assertThat(impact.operations()).containsExactly("listInstanceTypes");
    assertThat(impact.boundOperations()).containsExactly("offers (listInstanceTypes)");
    assertThat(impact.describe()).isEqualTo("changed field `price_cents_per_hour` of `InstanceType`: int64 -> string;"
        + " used by offers (listInstanceTypes)");
  }

  @Test
  void anAddedEnumValueIsDangerous() {
    List<Change> changes = against("enum-value-added");

    assertThat(changes).containsExactly(new Change(Level.DANGEROUS, Kind.ENUM_VALUE_ADDED, null, null,
        "InstanceStatus", "preempted", null, "#/components/schemas/InstanceStatus",
        "#/components/schemas/InstanceStatus"));
    assertThat(ours().impact(changes.get(0)).boundOperations()).containsExactly("launch (launchInstance)");
  }

  @Test
  void aRemovedOperationIsBreakingAndTouchesItsBinding() {
    List<Change> changes = against("operation-removed");

    assertThat(changes).extracting(Change::describe)
        .containsExactly("removed operation DELETE /instances/{id} (terminateInstance)");
    assertThat(changes.get(0).level()).isEqualTo(Level.BREAKING);
    assertThat(ours().impact(changes.get(0)).describe()).isEqualTo(
        "removed operation DELETE /instances/{id} (terminateInstance); used by terminate (terminateInstance)");
  }

  @Test
  void newRequiredParametersAreBreakingButNotOursWhenWeNeverCallTheOperation() {
    List<Change> changes = against("param-required");

    assertThat(changes).extracting(Change::describe).containsExactly(
        "added parameter `X-Project` of GET /instances (listInstances): required header string",
        "changed parameter `region` of GET /instances (listInstances): optional -> required");
    assertThat(changes).extracting(Change::level).containsOnly(Level.BREAKING);
    assertThat(ours().impacts(changes)).extracting(Usage.Impact::covered).containsOnly(false);
  }

  @Test
  void aChangedSuccessStatusIsBreaking() {
    List<Change> changes = against("status-changed");

    assertThat(changes).extracting(Change::describe)
        .containsExactly("changed success status of POST /instances (launchInstance): 201 -> 202");
    assertThat(ours().impact(changes.get(0)).boundOperations()).containsExactly("launch (launchInstance)");
  }

  @Test
  void declaredResponseStatusesAreComparedPerOperation() {
    List<Change> changes = withStatuses("status-added");

    assertThat(changes).extracting(c -> c.level().label() + ": " + c.describe())
        .containsExactly("non-breaking: added response status `409` of POST /instances (launchInstance)");
    assertThat(ours().impact(changes.get(0)).boundOperations()).containsExactly("launch (launchInstance)");
    // A moved success status is one change, not also an added and a removed status.
    assertThat(withStatuses("status-changed")).extracting(Change::kind).containsExactly(Kind.STATUS_CHANGED);
  }

  private static List<Change> withStatuses(String v2) {
    Path a = fixture("upstream-v1.yaml");
    Path b = fixture("upstream-v2-" + v2 + ".yaml");
    return ModelDiff.compare(read("upstream-v1.yaml"), read("upstream-v2-" + v2 + ".yaml"),
        UpstreamSpecs.responseStatuses(a, UpstreamSpecs.Kind.OPENAPI),
        UpstreamSpecs.responseStatuses(b, UpstreamSpecs.Kind.OPENAPI));
  }

  @Test
  void aCrdSchemaChangeIsNamedFieldByField() {
    List<Change> changes = ModelDiff.compare(read("crd-v1.yaml"), read("crd-v2.yaml"));

    assertThat(changes).extracting(c -> c.level().label() + ": " + c.describe()).containsExactly(
        "breaking: changed field `gpuCount` of `MachineSpec`: int64 -> string",
        "breaking: removed field `phase` of `MachineStatus`",
        "dangerous: added enum value `Manual` of `MachineSpecRunStrategy`",
        "non-breaking: added field `diskSize` of `MachineSpec`: optional string",
        "non-breaking: added field `ready` of `MachineStatus`: optional boolean");
    Usage crd = new Usage(read("crd-v1.yaml"), Map.of("launch", "createMachine", "get", "getMachine"));
    assertThat(crd.impact(changes.get(0)).boundOperations())
        .containsExactly("launch (createMachine)", "get (getMachine)");
  }

  @Test
  void duplicateOperationIdsAreReadAndMatchedByMethodAndPath() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("dup");
    Path spec = java.nio.file.Files.writeString(dir.resolve("dup.yaml"), """
        openapi: 3.0.3
        info: {title: Dup, version: "1"}
        paths:
          /pods:
            get: {operationId: list, responses: {"200": {description: ok}}}
          /endpoints:
            get: {operationId: list, responses: {"200": {description: ok}}}
        """);

    ApiModel model = UpstreamSpecs.read(spec, UpstreamSpecs.Kind.OPENAPI, null);

    assertThat(model.operations()).extracting(ModelDiff::label)
        .containsExactlyInAnyOrder("GET /endpoints (list)", "GET /pods (list_get)");
    assertThat(ModelDiff.compare(model, model)).isEmpty();
    assertThat(dir.toFile().list()).containsExactly("dup.yaml");
  }

  @Test
  void aChangeToLambdasRecordedUpstreamIsMappedOntoOurSpecAndBindings() throws Exception {
    Path yaml = Path.of("../../specs/lambda/provider.yaml");
    dev.providerapi.generator.manifest.ProviderManifest m =
        new dev.providerapi.generator.manifest.ManifestReader().read(yaml);
    Path snapshot = m.spec().upstreamSnapshot();
    assertThat(snapshot).isNotNull();
    assertThat(UpstreamSpecs.sha256(snapshot)).isEqualTo(m.spec().upstreamSha256());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(snapshot.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/components/schemas/InstanceType/properties"))
        .putObject("price_cents_per_hour").put("type", "string");
    Path changed = java.nio.file.Files.createTempFile("lambda-next", ".json");
    try {
      json.writeValue(changed.toFile(), tree);

      List<Change> changes = ModelDiff.compare(UpstreamSpecs.read(snapshot, UpstreamSpecs.Kind.OPENAPI, "data"),
          UpstreamSpecs.read(changed, UpstreamSpecs.Kind.OPENAPI, "data"));

      Usage ours = new Usage(new dev.providerapi.generator.openapi.OpenApiReader().read(m.spec().file(), "data"),
          m.operations());
      assertThat(ours.impacts(changes)).extracting(Usage.Impact::describe).containsExactly(
          "changed field `price_cents_per_hour` of `InstanceType`: int32 -> string; used by get (getInstance), "
              + "offers (listInstanceTypes), list (listInstances), restart (restartInstance), "
              + "terminate (terminateInstance), postInstance (not bound)");
    } finally {
      java.nio.file.Files.delete(changed);
    }
  }
}
