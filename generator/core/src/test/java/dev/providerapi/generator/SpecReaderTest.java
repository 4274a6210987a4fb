package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.crd.CrdSpecReader;
import dev.providerapi.generator.graphql.GraphQlSpecReader;
import dev.providerapi.generator.openapi.OpenApiSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {
  @TempDir Path dir;

  @Test
  void standardReadersAreAskedGraphQlThenCrdThenOpenApi() {
    assertThat(SpecReader.standard()).extracting(SpecReader::kind).containsExactly("graphql", "crd", "openapi");
  }

  @Test
  void eachKindAcceptsItsFilesAndOpenApiTakesTheRest() throws IOException {
    Path sdl = Files.writeString(dir.resolve("schema.txt"), "# comment\ntype Query { a: Int }\n");
    Path crd = Files.writeString(dir.resolve("widgets.yaml"), "apiVersion: apiextensions.k8s.io/v1\n"
        + "kind: CustomResourceDefinition\n");
    Path openapi = Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\n");

    assertThat(new GraphQlSpecReader().accepts(sdl)).isTrue();
    assertThat(new GraphQlSpecReader().accepts(crd)).isFalse();
    assertThat(new CrdSpecReader().accepts(crd)).isTrue();
    assertThat(new CrdSpecReader().accepts(openapi)).isFalse();
    assertThat(new OpenApiSpecReader().accepts(openapi)).isTrue();
    assertThat(List.of(sdl, crd, openapi)).extracting(Generator::specKind).containsExactly("graphql", "crd", "openapi");
  }

  @Test
  void onlyGraphQlAndCrdNameABaseUrlForASpecWithoutServers() {
    assertThat(new GraphQlSpecReader().unnamedBaseUrl("acme")).isEqualTo("https://acme.invalid/graphql");
    assertThat(new CrdSpecReader().unnamedBaseUrl("acme")).isEqualTo("https://kubernetes.invalid");
    assertThat(new OpenApiSpecReader().unnamedBaseUrl("acme")).isNull();
  }

  @Test
  void graphQlInputsAreTheSchemaAndItsOperationDocuments() throws IOException {
    Path schema = Files.writeString(dir.resolve("schema.graphql"), "type Query { a: Int }\n");
    Path op = Files.writeString(Files.createDirectories(dir.resolve("operations")).resolve("A.graphql"),
        "query A { a }\n");
    assertThat(new GraphQlSpecReader().inputs(schema)).containsExactly(schema, op.toAbsolutePath());
  }

  @Test
  void aGeneratorWithoutAReaderThatAcceptsTheFileSaysWhichItHas() throws IOException {
    Path sdl = Files.writeString(dir.resolve("schema.graphql"), "type Query { a: Int }\n");
    Generator crdOnly = new Generator(List.of(new CrdSpecReader()), (model, manifest) -> List.of());
    assertThatThrownBy(() -> crdOnly.planSpec(sdl, dir.resolve("out"), Generator.SpecOptions.defaults()))
        .isInstanceOf(SpecException.class)
        .hasMessage(sdl + ": no reader of this build (crd) accepts this file as its spec kind");
  }

  @Test
  void twoReadersOfOneKindOrAnUnknownKindAreRefused() {
    assertThatThrownBy(() -> new Generator(List.of(new CrdSpecReader(), new CrdSpecReader()),
        (model, manifest) -> List.of())).hasMessage("two readers of spec kind 'crd'");
    assertThatThrownBy(() -> new Generator(Map.of("wsdl", (spec, envelope) -> null), (model, manifest) -> List.of()))
        .hasMessage("unknown spec kind 'wsdl'");
  }
}
