package dev.providerapi.generator.emit;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.testing.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emitted model types, client, server class and adapter base carry complete Javadoc (issue 13): javac's doclint, every
 * group on, finds no missing comment, {@code @param}, {@code @return} or {@code @throws} in them, nor any bad
 * HTML or reference, for every golden case ({@link FixtureTest}'s OpenAPI specs, {@link GoldenGraphQlCrdTest}'s
 * GraphQL schemas and CRDs).
 */
class JavadocCompletenessTest {

  static Stream<String> cases() throws IOException {
    return Stream.concat(withExpected(FixtureTest.FIXTURES), withExpected(GoldenGraphQlCrdTest.GOLDEN)
        .map(c -> "golden:" + c));
  }

  /** Every case folder under {@code root} that has an {@code expected/} folder, as a path relative to root. */
  private static Stream<String> withExpected(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals("expected") && Files.isDirectory(p))
          .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void doclintFindsNothingInTheEmittedTypes(String fixture) throws IOException {
    List<JavaFile> files = fixture.startsWith("golden:")
        ? JavaEmitters.emit(GoldenGraphQlCrdTest.model(fixture.substring(7)),
            TestManifests.minimal(fixture.substring(7), "Fixture"))
        : FixtureTest.emit(fixture);
    List<JavaFileObject> sources = files.stream().map(JavaFile::toJavaFileObject).toList();

    Compilation c = javac().withOptions("-proc:none", "-Xdoclint:all/protected").compile(sources);

    List<String> findings = c.diagnostics().stream()
        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
        .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
            + d.getMessage(Locale.ROOT))
        .toList();
    assertThat(findings).as(fixture).isEmpty();
    assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
  }
}
