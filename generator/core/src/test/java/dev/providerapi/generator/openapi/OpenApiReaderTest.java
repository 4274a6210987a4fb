package dev.providerapi.generator.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.ParamDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.UnionDef;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiReaderTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private final OpenApiReader reader = new OpenApiReader();

  private ApiModel read(String fixture, String envelope) {
    return reader.read(FIXTURES.resolve(fixture).resolve("spec.yaml"), envelope);
  }

  private static FieldDef field(ApiModel m, String type, String json) {
    return ((RecordDef) m.type(type).orElseThrow()).fields().stream().filter(f -> f.jsonName().equals(json))
        .findFirst().orElseThrow();
  }

  @Test
  void nullableIsTheSameIn30And31() {
    for (String fixture : new String[] {"nullable30", "nullable31"}) {
      ApiModel m = read(fixture, null);
      assertThat(field(m, "Box", "label").nullable()).as(fixture).isTrue();
      assertThat(field(m, "Box", "label").required()).as(fixture).isTrue();
      assertThat(field(m, "Box", "size").nullable()).as(fixture).isFalse();
      assertThat(field(m, "Box", "created").type()).isEqualTo(new TypeRef.Primitive(TypeRef.PrimitiveKind.DATE_TIME));
    }
  }

  @Test
  void collidingAndKeywordNamesBecomeDistinctLegalJava() {
    ApiModel m = read("naming", null);
    assertThat(((RecordDef) m.type("Class2").orElseThrow()).fields()).extracting(FieldDef::javaName)
        .containsExactly("fooBar2", "fooBar", "default_", "_1stPlace", "aBC", "builder_");
    assertThat(m.operations()).extracting(OperationDef::javaName).containsExactly("getThing2", "getThing");
    assertThat(m.operation("get-thing").orElseThrow().params()).extracting(ParamDef::javaName)
        .containsExactly("class_", "default_", "xRequestId");
  }

  @Test
  void discriminatorMappingGivesTagsAndNullableAnyOfIsJustTheType() {
    ApiModel m = read("unions", null);
    UnionDef pet = (UnionDef) m.type("Pet").orElseThrow();
    assertThat(pet.discriminator()).isEqualTo("kind");
    assertThat(pet.variants()).extracting(v -> v.type().name() + "=" + v.tags()).containsExactly("Cat=[cat]",
        "Dog=[dog]");
    assertThat(m.type("Id")).isEmpty();
    assertThat(m.type("MaybeCat")).isEmpty();
  }

  @Test
  void envelopeIsUnwrappedAndIdempotencyFollowsMethodOrExtension() {
    ApiModel m = read("envelope", "data");
    OperationDef get = m.operation("getInstance").orElseThrow();
    assertThat(get.response()).isEqualTo(new TypeRef.Named("Instance"));
    assertThat(get.params()).extracting(ParamDef::name).containsExactly("id");
    assertThat(m.operation("terminateInstance").orElseThrow().idempotent()).isFalse();
    assertThat(m.operation("terminateInstance").orElseThrow().response()).isNull();
    assertThat(m.operation("terminateInstance").orElseThrow().successStatus()).isEqualTo(204);
    OperationDef launch = m.operation("launchInstance").orElseThrow();
    assertThat(launch.examples()).containsExactly(new OperationDef.Example("default", "{\"region\":\"us-east-1\"}",
        "{\"data\":{\"ids\":[\"i-1\"]}}", 200));
    assertThat(launch.deprecated()).isTrue();
  }

  @Test
  void allOfMergesPropertiesAndRequired() {
    ApiModel m = read("allof", null);
    RecordDef named = (RecordDef) m.type("Named").orElseThrow();
    assertThat(named.fields()).extracting(f -> f.jsonName() + (f.required() ? "!" : ""))
        .containsExactly("id!", "name!", "price");
    assertThat(named.fields().get(2).type()).isEqualTo(new TypeRef.Primitive(TypeRef.PrimitiveKind.DECIMAL));
  }

  @Test
  void externalRefBecomesANamedType() {
    ApiModel m = read("external-ref", null);
    assertThat(m.operation("listRegions").orElseThrow().response())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("Region")));
  }

  @Test
  void danglingRefNamesFileAndLocation() {
    Path spec = FIXTURES.resolve("broken/spec.yaml");
    assertThatThrownBy(() -> reader.read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(spec.toString())
        .hasMessageContaining(" at paths.'/x'(get).responses.200.content.'application/json'.schema")
        .hasMessageContaining("$ref '#/components/schemas/Missing' points to nothing");
  }

  @Test
  void aRefToAMissingFileNamesTheReferrerAndTheFile(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("openapi.yaml");
    Files.writeString(spec, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /things:\n    get:\n"
        + "      operationId: listThings\n      responses:\n        '200':\n          description: ok\n"
        + "          content:\n            application/json:\n"
        + "              schema: {$ref: 'schemas/missing.yaml#/Thing'}\n");
    assertThatThrownBy(() -> reader.read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at paths.'/things'(get).responses.200.content.'application/json'.schema: $ref"
            + " 'schemas/missing.yaml#/Thing' names " + dir.resolve("schemas/missing.yaml") + ", which does not exist");
  }

  @Test
  void unparsableYamlNamesFileAndParserMessage(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.yaml");
    Files.writeString(spec, "openapi: 3.0.3\ninfo: {title: x\npaths: [\n");
    assertThatThrownBy(() -> reader.read(spec, null))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at line 3, column 6: cannot be read as JSON or YAML: expected ',' or '}', but got :"
            + " (while parsing a flow mapping started at line 2, column 7)");
  }

  @Test
  void missingFileIsASpecException(@TempDir Path dir) {
    assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"), null))
        .isInstanceOf(SpecException.class).hasMessageContaining("no such file");
  }
}
