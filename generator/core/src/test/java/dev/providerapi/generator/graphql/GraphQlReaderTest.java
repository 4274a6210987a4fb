package dev.providerapi.generator.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.EnumDef;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One tiny schema, one document per edge case: shapes of the IR and the errors a bad document gets. */
class GraphQlReaderTest {
  private static final String SCHEMA = """
      scalar Void
      enum Status { UP DOWN }
      type Query { box(input: BoxFilter!): Box  boxes: [Box!]! }
      type Mutation { boxStop(input: BoxStopInput!): Box  boxDelete(id: String!): Void }
      input BoxFilter { id: String! }
      input BoxStopInput { id: String!  force: Boolean  tags: [TagInput] }
      input TagInput { key: String!  value: String }
      type Box { id: String!  status: Status!  price: Float  size: Int  owner: Owner  unused: String }
      type Owner { name: String  since: Int }
      """;

  @TempDir Path dir;
  Path schema;

  @BeforeEach
  void write() throws IOException {
    schema = dir.resolve("schema.graphql");
    Files.writeString(schema, SCHEMA);
    Files.createDirectories(dir.resolve("operations"));
  }

  private Path operation(String file, String text) throws IOException {
    return Files.writeString(dir.resolve("operations").resolve(file), text);
  }

  private ApiModel read() {
    return new GraphQlReader().read(schema, null);
  }

  @Test
  void aQueryBecomesOneOperationWithAVariablesRecordAndAResultOfExactlyItsSelection() throws IOException {
    operation("Box.graphql", """
        # documents the query; not sent
        query Box($input: BoxFilter!) {
          box(input: $input) { id status cost: price owner { name } }
        }
        """);

    ApiModel model = read();

    OperationDef op = model.operation("Box").orElseThrow();
    assertThat(op.javaName()).isEqualTo("box");
    assertThat(op.idempotent()).as("queries may be retried").isTrue();
    assertThat(op.transport()).isEqualTo(new OperationDef.GraphQl(
        "query Box($input: BoxFilter!) {\n  box(input: $input) { id status cost: price owner { name } }\n}",
        "Box", OperationDef.OperationKind.QUERY));
    assertThat(op.responseEnvelope()).isEqualTo("/data/box");
    assertThat(op.response()).isEqualTo(new TypeRef.Named("BoxResult"));
    assertThat(op.body().type()).isEqualTo(new TypeRef.Named("BoxVariables"));
    assertThat(op.params()).isEmpty();

    RecordDef result = record(model, "BoxResult");
    assertThat(result.fields()).extracting(FieldDef::jsonName).containsExactly("id", "status", "cost", "owner");
    assertThat(field(result, "id").nullable()).as("String!").isFalse();
    assertThat(field(result, "cost").type()).isEqualTo(new TypeRef.Primitive(TypeRef.PrimitiveKind.DOUBLE));
    assertThat(field(result, "cost").nullable()).isTrue();
    assertThat(field(result, "status").type()).isEqualTo(new TypeRef.Named("Status"));
    assertThat(field(result, "owner").type()).isEqualTo(new TypeRef.Named("BoxOwner"));
    assertThat(record(model, "BoxOwner").fields()).extracting(FieldDef::jsonName).containsExactly("name");

    RecordDef variables = record(model, "BoxVariables");
    assertThat(variables.fields()).singleElement().satisfies(f -> {
      assertThat(f.jsonName()).isEqualTo("input");
      assertThat(f.type()).isEqualTo(new TypeRef.Named("BoxFilter"));
      assertThat(f.required()).isTrue();
    });
    assertThat(model.type("Status")).get().isInstanceOfSatisfying(EnumDef.class, e ->
        assertThat(e.values()).extracting(EnumDef.EnumValue::wire).containsExactly("UP", "DOWN"));
    assertThat(model.type("Box")).as("schema object types are not emitted, only selections").isEmpty();
  }

  @Test
  void aLeadingXIdempotentCommentMarksAMutationSafeToRepeatAndStaysOffTheWire() throws IOException {
    operation("BoxStop.graphql", "# Stops a box.\n# x-idempotent: true\n"
        + "mutation BoxStop($input: BoxStopInput!) { boxStop(input: $input) { id } }");

    OperationDef op = read().operation("BoxStop").orElseThrow();

    assertThat(op.idempotent()).isTrue();
    assertThat(((OperationDef.GraphQl) op.transport()).document()).startsWith("mutation BoxStop")
        .doesNotContain("x-idempotent");
  }

  @Test
  void anXIdempotentCommentThatIsNeitherTrueNorFalseIsRefusedWithTheFile() throws IOException {
    operation("BoxStop.graphql", "# x-idempotent: maybe\n"
        + "mutation BoxStop($input: BoxStopInput!) { boxStop(input: $input) { id } }");

    org.assertj.core.api.Assertions.assertThatThrownBy(this::read)
        .hasMessageContaining("BoxStop.graphql")
        .hasMessageContaining("the x-idempotent comment must say true or false, found 'maybe'");
  }

  @Test
  void aMutationIsNotIdempotentAndItsInputObjectsAreRecordsWithNestedInputs() throws IOException {
    operation("BoxStop.graphql", "mutation BoxStop($input: BoxStopInput!) { boxStop(input: $input) { id } }");

    ApiModel model = read();

    OperationDef op = model.operation("BoxStop").orElseThrow();
    assertThat(op.idempotent()).as("never retried blindly").isFalse();
    RecordDef input = record(model, "BoxStopInput");
    assertThat(field(input, "id").required()).isTrue();
    assertThat(field(input, "force").required()).isFalse();
    assertThat(field(input, "tags").type()).isEqualTo(new TypeRef.ListOf(new TypeRef.Named("TagInput")));
    assertThat(model.type("TagInput")).isPresent();
  }

  @Test
  void listsAndScalarResultsKeepTheirShapeAndFragmentsAreMerged() throws IOException {
    operation("Boxes.graphql", """
        query Boxes { boxes { ...Core size } }
        fragment Core on Box { id }
        """);
    operation("BoxDelete.graphql", "mutation BoxDelete($id: String!) { boxDelete(id: $id) }");

    ApiModel model = read();

    assertThat(model.operation("Boxes").orElseThrow().response())
        .isEqualTo(new TypeRef.ListOf(new TypeRef.Named("BoxesResult")));
    assertThat(record(model, "BoxesResult").fields()).extracting(FieldDef::jsonName).containsExactly("id", "size");
    assertThat(model.operation("BoxDelete").orElseThrow().response())
        .as("a custom scalar is kept as JSON").isEqualTo(TypeRef.any());
    assertThat(record(model, "BoxDeleteVariables").fields()).extracting(FieldDef::jsonName).containsExactly("id");
  }

  @Test
  void anOperationThatDoesNotValidateNamesTheFileAndLine() throws IOException {
    Path file = operation("Bad.graphql", "query Bad {\n  boxes {\n    id\n    colour\n  }\n}\n");

    assertThatThrownBy(this::read)
        .isInstanceOfSatisfying(SpecException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.location()).isEqualTo("line 4, column 5");
        })
        .hasMessageContaining("operation does not validate against the schema")
        .hasMessageContaining("colour");
  }

  @Test
  void aSyntaxErrorNamesTheFileAndLine() throws IOException {
    Path file = operation("Broken.graphql", "query Broken {\n  boxes { id \n");

    assertThatThrownBy(this::read)
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.file()).isEqualTo(file))
        .hasMessageContaining("invalid GraphQL document")
        .hasMessageContaining(" at line ");
  }

  @Test
  void documentsMustBeNamedAndHoldOneOperationWithOneRootField() throws IOException {
    Path anonymous = operation("Anon.graphql", "{ boxes { id } }");
    assertThatThrownBy(this::read).isInstanceOfSatisfying(SpecException.class,
        e -> assertThat(e.file()).isEqualTo(anonymous)).hasMessageContaining("the operation has no name");
    Files.delete(anonymous);

    operation("Two.graphql", "query Two { boxes { id } box(input: {id: \"x\"}) { id } }");
    assertThatThrownBy(this::read).hasMessageContaining("exactly one root field");
  }

  @Test
  void aGeneratedNameThatCollidesWithASchemaTypeIsAnError() throws IOException {
    // Box's selection aliased "stopInput" would be the record BoxStopInput, the name of the schema's input type.
    operation("Box.graphql", "query Box($input: BoxFilter!) { box(input: $input) { stopInput: owner { name } } }");
    operation("BoxStop.graphql", "mutation BoxStop($input: BoxStopInput!) { boxStop(input: $input) { id } }");

    assertThatThrownBy(this::read)
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("generated type name 'BoxStopInput' is already taken by Box.graphql");
  }

  @Test
  void withoutOperationDocumentsTheStarterQueriesAreReadAndSaidSo() throws IOException {
    Files.delete(dir.resolve("operations"));
    java.util.List<String> warnings = new java.util.ArrayList<>();

    ApiModel model = new GraphQlReader(warnings::add).read(schema, null);

    assertThat(model.operations()).extracting(OperationDef::id).as("box needs an argument").containsExactly("Boxes");
    assertThat(((OperationDef.GraphQl) model.operations().get(0).transport()).document())
        .startsWith("query Boxes {\n  boxes {\n    id\n    status\n");
    assertThat(record(model, "BoxesResult").fields()).extracting(FieldDef::jsonName)
        .containsExactly("id", "status", "price", "size", "owner", "unused");
    assertThat(warnings).singleElement().asString()
        .startsWith(schema + ": no operation documents in " + dir.resolve("operations").toAbsolutePath()
            + "; generated 1 starter queries, one per argument-free field of Query;");
  }

  @Test
  void aSchemaWhoseQueriesAllNeedArgumentsAndNoDocumentsIsAClearError() throws IOException {
    Files.delete(dir.resolve("operations"));
    Files.writeString(schema, "type Query { box(id: ID!): Box }\ntype Box { id: ID }\n");

    assertThatThrownBy(this::read).isInstanceOfSatisfying(SpecException.class,
            e -> assertThat(e.file()).isEqualTo(schema))
        .hasMessageContaining("no operation documents in ")
        .hasMessageContaining("no field of the root Query type (Query) can be called without arguments");
  }

  private static RecordDef record(ApiModel model, String name) {
    return (RecordDef) model.type(name).orElseThrow(() -> new AssertionError("no type " + name + " in "
        + model.types().stream().map(t -> t.name()).toList()));
  }

  private static FieldDef field(RecordDef r, String json) {
    return r.fields().stream().filter(f -> f.jsonName().equals(json)).findFirst().orElseThrow();
  }
}
