package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.AuthDef;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.openapi.OpenApiSpecReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecAuthTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/auth");

  @TempDir Path dir;

  private static AuthDef read(String fixture) {
    return new OpenApiReader().read(FIXTURES.resolve(fixture), null).auth();
  }

  @Test
  void bearerIsPreferredOverBasic() {
    assertThat(read("bearer.yaml")).isEqualTo(AuthDef.bearer());
    assertThat(SpecAuth.of(read("bearer.yaml"), "lambda-official")).isEqualTo(AuthSpec.bearer("LAMBDA_OFFICIAL_API_KEY"));
  }

  @Test
  void topLevelSecurityRequirementWins() {
    assertThat(read("basic.yaml")).isEqualTo(AuthDef.basic());
    assertThat(SpecAuth.of(read("basic.yaml"), "lambda-official")).isEqualTo(AuthSpec.basic("LAMBDA_OFFICIAL_API_KEY"));
  }

  @Test
  void apiKeysInHeaderOrQuery() {
    assertThat(read("header.yaml")).isEqualTo(AuthDef.header("X-Api-Key"));
    assertThat(SpecAuth.of(read("header.yaml"), "lambda-official"))
        .isEqualTo(AuthSpec.header("X-Api-Key", null, "LAMBDA_OFFICIAL_API_KEY"));
    assertThat(read("query.yaml")).isEqualTo(AuthDef.query("api_key"));
    assertThat(SpecAuth.of(read("query.yaml"), "lambda-official"))
        .isEqualTo(AuthSpec.query(Map.of("api_key", "LAMBDA_OFFICIAL_API_KEY")));
  }

  @Test
  void swagger2SecurityDefinitions() {
    assertThat(read("swagger2-header.yaml")).isEqualTo(AuthDef.header("X-Token"));
  }

  @Test
  void noSchemeThisGeneratorCanSendMeansNoAuth() {
    assertThat(read("none.yaml")).isEqualTo(AuthDef.none());
    assertThat(SpecAuth.of(AuthDef.none(), "x")).isEqualTo(AuthSpec.none());
  }

  @Test
  void graphQlTakesABearerTokenAndACrdTheKubeconfig() throws IOException {
    Path schema = Files.writeString(dir.resolve("schema.graphql"), "type Query { ping: String }\n");
    assertThat(new dev.providerapi.generator.graphql.GraphQlReader().read(schema, null).auth())
        .isEqualTo(AuthDef.bearer());
    assertThat(SpecAuth.of(AuthDef.kubeconfig(), "x")).isEqualTo(AuthSpec.kubeconfig());
  }

  @Test
  void specAuthReadsNoFile() {
    List<Method> methods = Arrays.stream(SpecAuth.class.getDeclaredMethods())
        .filter(m -> Arrays.asList(m.getParameterTypes()).contains(Path.class)).toList();
    assertThat(methods).isEmpty();
  }

  /**
   * The spec is read once: a reader that counts its reads and, right after the one read, rewrites the spec to
   * declare basic auth. The generated descriptor still says bearer, so the auth came from that one parse.
   */
  @Test
  void generateSpecParsesTheSpecOnce() throws IOException {
    Path spec = Files.writeString(dir.resolve("openapi.yaml"), Files.readString(FIXTURES.resolve("bearer.yaml"))
        .replace("paths: {}", "servers: [{url: 'https://api.acme.test'}]\npaths: {}"));
    AtomicInteger reads = new AtomicInteger();
    OpenApiSpecReader real = new OpenApiSpecReader();
    SpecReader counting = new SpecReader() {
      @Override
      public String kind() {
        return real.kind();
      }

      @Override
      public boolean accepts(Path file) {
        return real.accepts(file);
      }

      @Override
      public ApiModel read(Path file, @Nullable String responseEnvelope) {
        reads.incrementAndGet();
        ApiModel model = real.read(file, responseEnvelope);
        try {
          Files.writeString(file, Files.readString(FIXTURES.resolve("basic.yaml")));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return model;
      }

      @Override
      public Set<Path> inputs(Path file) {
        return real.inputs(file);
      }
    };
    Map<String, byte[]> generated = new Generator(List.of(counting), dev.providerapi.generator.emit.JavaEmitters::emit)
        .planSpec(spec, dir.resolve("out"), new Generator.SpecOptions("acme", null, Generator.Mode.WRITE)).generated();

    assertThat(reads).hasValue(1);
    String all = generated.values().stream().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
        .reduce("", String::concat);
    assertThat(all).contains("ACME_API_KEY").contains("AuthSpec.bearer(\"ACME_API_KEY\")").doesNotContain("AuthSpec.basic(");
  }
}
