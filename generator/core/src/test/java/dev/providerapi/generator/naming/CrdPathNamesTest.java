package dev.providerapi.generator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.crd.CrdReader;
import dev.providerapi.generator.graphql.GraphQlReader;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CRD path names get the shortest unique trailing run of their path (the rule in {@link CrdPathNames}). */
class CrdPathNamesTest {
  private static final Path NOTEBOOKS = Path.of("src/test/resources/golden/crd-paths/notebooks.crd.yaml");

  /** Every name of the fixture, after the naming pass. */
  private static final List<String> NAMES = List.of("ConditionsStatus", "DownwardApi", "DownwardApiItemsItem",
      "EphemeralPersistentVolumeClaim", "ListMeta", "Notebook", "NotebookList", "NotebookSpec", "NotebookSpecGpu",
      "NotebookSpecPortsValue", "NotebookSpecTemplate", "NotebookStatus", "NotebookStatusConditionsItem",
      "ObjectMeta", "ResourceFieldRef", "TemplateJsonNode", "TemplateSpec", "TemplateVolumesItem",
      "VolumesEphemeral", "VolumesPersistentVolumeClaim");

  @TempDir Path dir;

  private ApiModel read(String yaml) throws IOException {
    Path file = dir.resolve("notebooks.crd.yaml");
    Files.writeString(file, yaml);
    return TypeNames.apply(new CrdReader().read(file, null));
  }

  private static String fixture() throws IOException {
    return Files.readString(NOTEBOOKS);
  }

  @Test
  void takesTheShortestTrailingRunThatIsUniqueAndSaysMoreThanOneWord() throws IOException {
    ApiModel model = read(fixture());

    assertThat(names(model)).containsExactlyElementsOf(NAMES);
    // References follow the renames: the resource's own types, nested ones, list elements and map values.
    RecordDef volume = (RecordDef) model.type("TemplateVolumesItem").orElseThrow();
    assertThat(field(volume, "persistentVolumeClaim").type())
        .isEqualTo(new TypeRef.Named("VolumesPersistentVolumeClaim"));
    assertThat(field((RecordDef) model.type("TemplateSpec").orElseThrow(), "volumes").type())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("TemplateVolumesItem")));
    assertThat(field((RecordDef) model.type("NotebookSpec").orElseThrow(), "ports").type())
        .isEqualTo(new TypeRef.MapOf(new TypeRef.Named("NotebookSpecPortsValue")));
    assertThat(model.derived()).containsEntry("ResourceFieldRef", "ResourceFieldRef")
        .doesNotContainKey("NotebookSpecTemplateSpecVolumesItemDownwardApiItemsItemResourceFieldRef");
  }

  @Test
  void sameInputSameNamesWhateverTheOrderOfTheProperties() throws IOException {
    String yaml = fixture();
    // The two claims swapped: which one comes first must not decide which gets the shorter name.
    String claim = "persistentVolumeClaim:\n" + " ".repeat(30) + "type: object\n" + " ".repeat(30)
        + "properties: {claimName: {type: string}}\n" + " ".repeat(28);
    String swapped = yaml.replace(claim, "").replace("downwardAPI:", claim + "downwardAPI:");
    assertThat(swapped).isNotEqualTo(yaml);

    assertThat(names(read(swapped))).containsExactlyElementsOf(NAMES);
    assertThat(read(yaml)).isEqualTo(read(yaml));
  }

  @Test
  void anUnrelatedTypeAddedRenamesNothing() throws IOException {
    String more = insertBefore(fixture(), "volumes:", "monitoring:", "  type: object", "  properties:",
        "    scrapeConfig:", "      type: object", "      properties: {interval: {type: string}}");
    Set<String> expected = new TreeSet<>(NAMES);
    expected.add("TemplateMonitoring");
    expected.add("ScrapeConfig");
    assertThat(names(read(more))).containsExactlyElementsOf(expected);
  }

  @Test
  void aThirdTypeWantingAClaimedNameMovesOnlyTheTypesThatWantIt() throws IOException {
    String more = insertBefore(fixture(), "ports:", "resourceFieldRef:", "  type: object",
        "  properties: {divisor: {type: string}}");
    Set<String> expected = new TreeSet<>(NAMES);
    expected.remove("ResourceFieldRef");
    expected.add("NotebookSpecResourceFieldRef");
    expected.add("ItemsResourceFieldRef");
    assertThat(names(read(more))).containsExactlyElementsOf(expected);
  }

  @Test
  void neverTakesANameOfTheModelNorAReservedOneCaseInsensitively() throws IOException {
    // JsonNode is reserved (records import it); ObjectMeta and LISTMeta are the model's own (one file on macOS).
    assertThat(names(read(fixture()))).contains("TemplateJsonNode").doesNotContain("JsonNode");
    ApiModel meta = read(fixture().replace("jsonNode:", "objectMeta:").replace("resourceFieldRef:", "listMETA:"));
    assertThat(names(meta)).contains("TemplateObjectMeta", "ItemsListMeta", "ObjectMeta", "ListMeta");
  }

  @Test
  void segmentsDropTheNestedSpecAndTheMiddleItemsAndRepeats() {
    assertThat(CrdPathNames.segments("/properties/spec/properties/template/properties/spec/properties/volumes"
        + "/items")).containsExactly(new CrdPathNames.Segment("Spec", ""), new CrdPathNames.Segment("Template", ""),
            new CrdPathNames.Segment("Volumes", "Item"));
    assertThat(CrdPathNames.segments("/properties/spec/properties/disks/items/properties/spec"))
        .containsExactly(new CrdPathNames.Segment("Spec", ""), new CrdPathNames.Segment("Disks", "Item"),
            new CrdPathNames.Segment("Spec", ""));
    assertThat(CrdPathNames.segments("/properties/spec/properties/volume/properties/volume/properties/secretRef"))
        .extracting(CrdPathNames.Segment::name).containsExactly("Spec", "Volume", "SecretRef");
    assertThat(CrdPathNames.segments("/properties/spec/properties/labels/additionalProperties/items"))
        .containsExactly(new CrdPathNames.Segment("Spec", ""), new CrdPathNames.Segment("Labels", "ValueItem"));
    assertThat(CrdPathNames.segments("/properties/spec/allOf/0")).isNull();
  }

  @Test
  void aMergedTypeKeepsTheNameTheMergeGaveIt() throws IOException {
    String twice = insertBefore(fixture(), "resourceFieldRef:", "limitFieldRef:", "  type: object",
        "  properties: {resource: {type: string}}");
    ApiModel model = read(twice);

    // Two families, so no merge: each takes its own trailing run.
    assertThat(names(model)).contains("ResourceFieldRef", "LimitFieldRef");
    String same = fixture().replace("storageClassName", "claimName");
    // The two claims are one shape now: merged and named after their property, not shortened again.
    assertThat(names(read(same))).contains("PersistentVolumeClaim")
        .doesNotContain("VolumesPersistentVolumeClaim", "EphemeralPersistentVolumeClaim");
  }

  @Test
  void aMergeThatNoFamilyNameFitsTakesARunAllItsPlacesShareElseItsLeastNestedPlaces() throws IOException {
    // A backup beside the volumes with the same two claims: two merges of one family, so neither takes the
    // family's name (TypeCollapse), and the shortener names them.
    String backup = insertBefore(fixture(), "volumes:", "backup:", "  type: object", "  properties:",
        "    persistentVolumeClaim:", "      type: object", "      properties: {claimName: {type: string}}",
        "    ephemeral:", "      type: object", "      properties:", "        persistentVolumeClaim:",
        "          type: object", "          properties: {storageClassName: {type: string}}");

    ApiModel model = read(backup);

    // Both want PersistentVolumeClaim; the ephemeral claims share one more segment, the others do not, so
    // they take their least nested place's next run.
    assertThat(names(model)).contains("EphemeralPersistentVolumeClaim", "BackupPersistentVolumeClaim")
        .doesNotContain("PersistentVolumeClaim", "VolumesPersistentVolumeClaim");
    assertThat(names(model)).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(33));
    RecordDef volume = (RecordDef) model.type("TemplateVolumesItem").orElseThrow();
    assertThat(field(volume, "persistentVolumeClaim").type())
        .isEqualTo(new TypeRef.Named("BackupPersistentVolumeClaim"));
  }

  @Test
  void leavesOtherReadersNamesAlone() throws IOException {
    Files.writeString(dir.resolve("schema.graphql"), "type Query { pod: Pod }\ntype Pod { runtime: Runtime }\n"
        + "type Runtime { uptimeSeconds: Int }\n");
    Files.createDirectories(dir.resolve("operations"));
    Files.writeString(dir.resolve("operations/Pod.graphql"), "query Pod { pod { runtime { uptimeSeconds } } }");
    ApiModel graphQl = new GraphQlReader().read(dir.resolve("schema.graphql"), null);

    assertThat(names(TypeNames.apply(graphQl))).containsExactlyElementsOf(names(TypeCollapse.collapse(graphQl)));
    assertThat(CrdPathNames.shorten(graphQl, Map.of(), Set.of())).isSameAs(graphQl);
  }

  private static List<String> names(ApiModel model) {
    return model.types().stream().map(TypeDef::name).toList();
  }

  private static FieldDef field(RecordDef r, String json) {
    return r.fields().stream().filter(f -> f.jsonName().equals(json)).findFirst().orElseThrow();
  }

  /** {@code yaml} with {@code lines} inserted before the first line that is {@code anchor}, as indented. */
  private static String insertBefore(String yaml, String anchor, String... lines) {
    int at = yaml.indexOf(anchor + "\n");
    int start = yaml.lastIndexOf('\n', at) + 1;
    String indent = yaml.substring(start, at);
    assertThat(indent).as("the anchor starts its line").isBlank();
    StringBuilder inserted = new StringBuilder();
    for (String l : lines) {
      inserted.append(indent).append(l).append('\n');
    }
    return yaml.substring(0, start) + inserted + yaml.substring(start);
  }
}
