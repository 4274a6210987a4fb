package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.manifest.ProviderManifest;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One tiny spec per edge case under {@code src/test/resources/fixtures/<case>/spec.yaml}; the whole emitted
 * source is compared with {@code fixtures/<case>/expected/}, and must compile.
 *
 * <p>To re-bless the expected files after an intended change, run
 * {@code mvn -o -pl generator/core -am test -Dtest=FixtureTest -Dsurefire.failIfNoSpecifiedTests=false -Dbless=true}
 * and review the diff.
 */
class FixtureTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @ParameterizedTest
  @ValueSource(strings = {"enums", "unions", "recursion", "maps", "naming", "nullable30", "nullable31", "allof",
      "external-ref", "envelope", "sensitive", "inputs/server-variables", "inputs/property-ref", "inputs/multi-file",
      "inputs/definitions-ref", "inputs/null-ref", "inputs/openapi32"})
  void emitsExpectedSourceThatCompiles(String fixture) throws IOException {
    Path dir = FIXTURES.resolve(fixture);
    List<JavaFile> files = emit(fixture);

    Map<String, String> actual = new TreeMap<>();
    for (JavaFile f : files) {
      actual.put(f.packageName().replace('.', '/') + "/" + f.typeSpec().name() + ".java", f.toString());
    }
    Path expectedDir = dir.resolve("expected");
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

  /** The fixture's spec, read and emitted as this test does. */
  static List<JavaFile> emit(String fixture) {
    Path dir = FIXTURES.resolve(fixture);
    String name = fixture.substring(fixture.lastIndexOf('/') + 1);
    ProviderManifest manifest = "envelope".equals(fixture)
        ? TestManifests.full(name, "Fixture") : TestManifests.minimal(name, "Fixture");
    ApiModel model = new OpenApiReader().read(dir.resolve("spec.yaml"), "envelope".equals(fixture) ? "data" : null);
    return JavaEmitters.emit(model, manifest);
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
