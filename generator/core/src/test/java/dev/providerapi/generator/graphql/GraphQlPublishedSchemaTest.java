package dev.providerapi.generator.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeRef;
import dev.providerapi.generator.model.UnionDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What published schemas need: defects tolerated with a warning, errors at the line they are about, and
 * selections on interfaces and unions (inline fragments, {@code node(id:)}) as sealed types.
 */
class GraphQlPublishedSchemaTest {
  private static final String ABSTRACT = """
      interface Node { id: ID! }
      type App implements Node { id: ID!  name: String  owner: Org }
      type Org implements Node { id: ID!  slug: String }
      type Machine implements Node { id: ID!  region: String }
      union SearchHit = App | Org
      type Query { node(id: ID!): Node  search(q: String!): [SearchHit!]! }
      """;

  @TempDir Path dir;
  final List<String> warnings = new ArrayList<>();

  private Path schema(String sdl) throws IOException {
    return Files.writeString(dir.resolve("schema.graphql"), sdl);
  }

  private void operation(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve("operations"));
    Files.writeString(dir.resolve("operations").resolve(name + ".graphql"), text);
  }

  private ApiModel read() {
    return new GraphQlReader(warnings::add).read(dir.resolve("schema.graphql"), null);
  }

  @Test
  void aFieldDeclaredTwiceInOneTypeIsKeptOnceWithAWarningNamingBothLines() throws IOException {
    Path file = schema("""
        type Query {
          pods: [Pod]
        }
        type Pod {
          id: ID!
          name: String
          id: ID!
          name: Int
        }
        """);
    operation("Pods", "query Pods { pods { id name } }");

    ApiModel model = read();

    RecordDef pods = (RecordDef) model.type("PodsResult").orElseThrow();
    assertThat(pods.fields()).extracting(FieldDef::jsonName).containsExactly("id", "name");
    assertThat(pods.fields().get(1).type()).as("the first declaration wins").isEqualTo(TypeRef.string());
    assertThat(warnings).containsExactly(
        file + ": type Pod declares field 'id' twice, at line 5 and line 7; the first is used",
        file + ": type Pod declares field 'name' twice, at line 6 and line 8; the first is used (String is kept, "
            + "Int ignored)");
  }

  @Test
  void anUnknownFieldTypeIsReportedAtTheFieldNotAtTheTypesDocComment() throws IOException {
    Path file = schema("""
        type Query { pod: Pod }
        \"""
        A pod.
        Its description spans lines.
        \"""
        type Pod {
          id: ID
          gpu: GpuType
        }
        """);

    assertThatThrownBy(() -> GraphQlReader.schema(file))
        .isInstanceOfSatisfying(SpecException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.location()).isEqualTo("line 8, column 3");
        })
        .hasMessage(file + " at line 8, column 3: invalid GraphQL schema: The field type 'GpuType' is not present "
            + "when resolving type 'Pod'");
  }

  @Test
  void aTypeLevelErrorPointsAtTheLineThatDeclaresTheType() throws IOException {
    Path file = schema("""
        type Query { pod: Pod }
        "A pod."
        type Pod implements Missing {
          id: ID
        }
        """);

    assertThatThrownBy(() -> GraphQlReader.schema(file))
        .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.location()).isEqualTo("line 3, column 1"))
        .hasMessageContaining("invalid GraphQL schema: ")
        .hasMessageContaining("Missing")
        .hasMessageNotContaining("[@");
  }

  @Test
  void inlineFragmentsOnAnInterfaceBecomeASealedUnionToldByTypename() throws IOException {
    schema(ABSTRACT);
    operation("Node", """
        # documented
        query Node($id: ID!) {
          node(id: $id) {
            id
            ... on App { name owner { slug } }
            ... on Org { slug }
          }
        }
        """);

    ApiModel model = read();

    OperationDef op = model.operation("Node").orElseThrow();
    assertThat(op.response()).isEqualTo(new TypeRef.Named("NodeResult"));
    assertThat(((OperationDef.GraphQl) op.transport()).document()).as("__typename is added to what is sent")
        .isEqualTo("query Node($id: ID!) {\n  node(id: $id) { __typename\n    id\n"
            + "    ... on App { name owner { slug } }\n    ... on Org { slug }\n  }\n}");
    UnionDef union = (UnionDef) model.type("NodeResult").orElseThrow();
    assertThat(union.discriminator()).isEqualTo("__typename");
    assertThat(union.variants()).containsExactly(
        new UnionDef.Variant(new TypeRef.Named("NodeAsApp"), List.of("App")),
        new UnionDef.Variant(new TypeRef.Named("NodeAsOrg"), List.of("Org")));
    RecordDef app = (RecordDef) model.type("NodeAsApp").orElseThrow();
    assertThat(app.fields()).extracting(FieldDef::jsonName).containsExactly("__typename", "id", "name", "owner");
    assertThat(app.fields().get(3).type()).isEqualTo(new TypeRef.Named("NodeAsAppOwner"));
    assertThat(((RecordDef) model.type("NodeAsOrg").orElseThrow()).fields()).extracting(FieldDef::jsonName)
        .containsExactly("__typename", "id", "slug");
    assertThat(model.type("NodeAsMachine")).as("an implementor no fragment names is the Unknown case").isEmpty();
  }

  @Test
  void anInterfaceSelectedWithoutTypeConditionsIsARecordOfItsCommonFields() throws IOException {
    schema(ABSTRACT);
    operation("Node", "query Node($id: ID!) { node(id: $id) { id ... on Node { __typename } } }");

    ApiModel model = read();

    assertThat(((RecordDef) model.type("NodeResult").orElseThrow()).fields()).extracting(FieldDef::jsonName)
        .containsExactly("id", "__typename");
    assertThat(((OperationDef.GraphQl) model.operation("Node").orElseThrow().transport()).document())
        .doesNotContain("{ __typename id");
  }

  @Test
  void aUnionInAListWithFragmentSpreadsKeepsTheSelectedTypename() throws IOException {
    schema(ABSTRACT);
    operation("Search", """
        query Search($q: String!) { search(q: $q) { __typename ...AppHit ... on Org { slug } } }
        fragment AppHit on App { name }
        """);

    ApiModel model = read();

    OperationDef op = model.operation("Search").orElseThrow();
    assertThat(op.response()).isEqualTo(new TypeRef.ListOf(new TypeRef.Named("SearchResult")));
    assertThat(((OperationDef.GraphQl) op.transport()).document()).startsWith(
        "query Search($q: String!) { search(q: $q) { __typename ...AppHit");
    UnionDef union = (UnionDef) model.type("SearchResult").orElseThrow();
    assertThat(union.variants()).extracting(v -> v.type().name()).containsExactly("SearchAsApp", "SearchAsOrg");
    assertThat(((RecordDef) model.type("SearchAsApp").orElseThrow()).fields()).extracting(FieldDef::jsonName)
        .containsExactly("__typename", "name");
  }
}
