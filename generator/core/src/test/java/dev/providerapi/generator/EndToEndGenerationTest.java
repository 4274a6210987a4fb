package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real reader, emitters and templates together on a spec outside {@code specs/}: everything written (client,
 * models, adapter base, generated test, skeleton) compiles as one set, so the client's argument order and the
 * generated test's calls cannot disagree.
 */
class EndToEndGenerationTest {
  @TempDir
  Path out;

  @Test
  void everythingGeneratedFromASpecCompilesTogether() throws IOException {
    Path spec = Path.of("src/test/resources/fixtures/arguments/spec.yaml");

    new Generator().generateSpec(spec, out, new Generator.SpecOptions(null, null, Generator.Mode.WRITE));

    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(out.resolve("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(EndToEndGenerationTest::source)
          .toList();
    }
    assertThat(sources).hasSizeGreaterThan(5);
    String api = Files.readString(out.resolve("src/generated/java/generated/arguments/api/ArgumentsApi.java"));
    assertThat(api).contains("SearchVolumesResponse searchVolumes(String zone, JsonNode filter,\n      @Nullable SearchVolumesRequest body, @Nullable String q)")
        .doesNotContainIgnoringCase("String authorization")
        .contains("CreateVolumeResponse createVolume(CreateVolumeRequest body, String region,");

    Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(sources);

    assertThat(compilation.status()).as(compilation.diagnostics().toString()).isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void aCrdWithoutProviderYamlGeneratesAKubeconfigClientThatCompiles() throws IOException {
    Path crd = Path.of("src/test/resources/fixtures/crd/widgets.crd.yaml");
    assertThat(Generator.specKind(crd)).isEqualTo("crd");

    new Generator().generateSpec(crd, out, new Generator.SpecOptions("widgets", null, Generator.Mode.WRITE));

    String base = Files.readString(out.resolve("src/generated/java/generated/widgets/WidgetsProviderBase.java"));
    assertThat(base).contains("AuthSpec.kubeconfig()").contains("https://kubernetes.invalid");
    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(out.resolve("src"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().map(EndToEndGenerationTest::source)
          .toList();
    }
    Compilation compilation = Compiler.javac().withOptions("-Xlint:all", "-Werror", "-proc:none").compile(sources);
    assertThat(compilation.status()).as(compilation.diagnostics().toString()).isEqualTo(Compilation.Status.SUCCESS);
  }

  private static JavaFileObject source(Path p) {
    try {
      return JavaFileObjects.forSourceString(p.getFileName().toString().replace(".java", ""), Files.readString(p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
