package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.crd.CrdReader;
import dev.providerapi.generator.graphql.GraphQlReader;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.naming.TypeNames;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden sources for the GraphQL and CRD readers, as {@link FixtureTest} has them for OpenAPI: one tiny spec per
 * edge case under {@code src/test/resources/golden/<case>/} (a {@code schema.graphql} with its
 * {@code operations/}, or one {@code *.crd.yaml}), read, named ({@link TypeNames}: merged, CRD path names
 * shortened) and emitted; the whole source is compared with {@code golden/<case>/expected/} and must compile.
 *
 * <p>To re-bless after an intended change:
 * {@code mvn -o -pl generator/core -am test -Dtest=GoldenGraphQlCrdTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbless=true}, and review the diff.
 */
class GoldenGraphQlCrdTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @ParameterizedTest
  @ValueSource(strings = {"graphql-abstract", "graphql-collapse", "graphql-starter", "crd-secrets", "crd-paths"})
  void emitsExpectedSourceThatCompiles(String fixture) throws IOException {
    List<JavaFile> files = JavaEmitters.emit(model(fixture), TestManifests.minimal(fixture, "Fixture"));

    Map<String, String> actual = new TreeMap<>();
    for (JavaFile f : files) {
      actual.put(f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java", f.toString());
    }
    Path expectedDir = GOLDEN.resolve(fixture).resolve("expected");
    if (Boolean.getBoolean("bless")) {
      bless(expectedDir, actual);
    }
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(expectedDir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        expected.put(expectedDir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    actual.forEach((path, source) -> assertThat(source).as(path).isEqualTo(expected.get(path)));

    Compiled.compile(files);
  }

  @Test
  void anInterfaceSelectionDecodesToItsVariantOrToUnknownForATypeNoFragmentNames() throws Exception {
    String fixture = "graphql-abstract";
    Compiled compiled = Compiled.compile(JavaEmitters.emit(model(fixture), TestManifests.minimal(fixture, "Fixture")));
    Class<?> result = compiled.load("test.graphqlabstract.model.NodeResult");
    ObjectMapper json = new ObjectMapper();

    Object app = json.readValue("""
        {"__typename": "App", "id": "a1", "name": "web", "org": {"slug": "acme"}, "added": 1}""", result);
    Object machine = json.readValue("{\"__typename\": \"Machine\", \"id\": \"m1\", \"region\": \"ord\"}", result);

    assertThat(app.getClass().getSimpleName()).isEqualTo("NodeAsApp");
    assertThat(components(app)).containsExactly("__typename=App", "id=a1", "name=web", "org=NodeAsAppOrg[slug=acme]");
    assertThat(machine.getClass().getName()).isEqualTo("test.graphqlabstract.model.NodeResult$Unknown");
    assertThat(machine.getClass().getMethod("properties").invoke(machine))
        .isEqualTo(Map.of("__typename", "Machine", "id", "m1", "region", "ord"));
  }

  @Test
  void aSchemaWithoutOperationsWarnsOfItsDuplicateFieldAndItsStarterQueries() {
    List<String> warnings = new ArrayList<>();
    Path schema = GOLDEN.resolve("graphql-starter/schema.graphql");

    new GraphQlReader(warnings::add).read(schema, null);

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).isEqualTo(schema + ": type GpuType declares field 'displayName' twice, at line 13"
        + " and line 15; the first is used");
    assertThat(warnings.get(1)).contains("generated 2 starter queries, one per argument-free field of Queries;");
  }

  @Test
  void generateSpecOnASchemaAloneWritesAClientAndTestsThatCompile(@TempDir Path out) throws IOException {
    Path schema = GOLDEN.resolve("graphql-starter/schema.graphql");

    Generator.Result r = new Generator().generateSpec(schema, out, Generator.SpecOptions.defaults());

    assertThat(r.provider()).isEqualTo("schema");
    assertThat(Files.readString(out.resolve("generated.manifest"))).contains("schema.graphql");
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out.resolve("src"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forSourceString(p.getFileName().toString().replace(".java", ""),
            Files.readString(p)));
      }
    }
    assertThat(sources).extracting(JavaFileObject::getName)
        .contains("SchemaApiClientTest.java", "GpuTypesResult.java", "ViewerResult.java");
    Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(sources);
    assertThat(compilation.status()).as(compilation.diagnostics().toString()).isEqualTo(Compilation.Status.SUCCESS);
  }

  /** The case's schema or CRD, read and collapsed as this test does. */
  static ApiModel model(String fixture) throws IOException {
    Path dir = GOLDEN.resolve(fixture);
    if (fixture.startsWith("graphql-")) {
      return TypeNames.apply(new GraphQlReader(w -> { }).read(dir.resolve("schema.graphql"), null));
    }
    try (Stream<Path> s = Files.list(dir)) {
      Path crd = s.filter(p -> p.toString().endsWith(".crd.yaml")).findFirst().orElseThrow();
      return TypeNames.apply(new CrdReader().read(crd, null));
    }
  }

  /** {@code name=value} of each record component, in order; {@code __typename} under its wire name. */
  private static List<String> components(Object record) throws ReflectiveOperationException {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      String name = c.getName().equals("typename") ? "__typename" : c.getName();
      out.add(name + "=" + c.getAccessor().invoke(record));
    }
    return out;
  }

  private static void bless(Path expectedDir, Map<String, String> actual) throws IOException {
    if (Files.exists(expectedDir)) {
      try (Stream<Path> walk = Files.walk(expectedDir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> e : actual.entrySet()) {
      Path p = expectedDir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
