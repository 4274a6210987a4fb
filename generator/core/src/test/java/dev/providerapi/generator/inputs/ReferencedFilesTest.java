package dev.providerapi.generator.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferencedFilesTest {
  @TempDir Path dir;

  @Test
  void followsLocalReferencesTransitivelyAndSkipsInternalAndRemoteOnes() throws IOException {
    Path spec = write("spec.yaml", """
        paths:
          /a: {$ref: 'paths/a.yaml'}
        components:
          schemas:
            X: {$ref: '#/components/schemas/Y'}
            R: {$ref: 'https://example.test/r.yaml#/R'}
        """);
    write("paths/a.yaml", "get: {responses: {'200': {$ref: '../shared/common.json#/ok'}}}\n");
    write("shared/common.json", "{\"ok\": {\"$ref\": \"common.json#/other\"}, \"other\": {}}");

    assertThat(ReferencedFiles.of(spec)).containsExactly(
        dir.resolve("paths/a.yaml"), dir.resolve("shared/common.json"), dir.resolve("spec.yaml"));
  }

  @Test
  void aBrokenReferencedFileSaysWhereWithoutJacksonsSourceNoise() throws IOException {
    Path spec = Files.writeString(dir.resolve("openapi.yaml"), "x: {$ref: 'types.yaml#/X'}\n");
    Path types = Files.writeString(dir.resolve("types.yaml"), "X:\n  type: string\n bad: [\n");

    assertThatThrownBy(() -> ReferencedFiles.of(spec)).isInstanceOf(SpecException.class)
        .hasMessage(types + " at line 3, column 2: cannot be read as JSON or YAML: expected <block end>, but found "
            + "'<block mapping start>' (while parsing a block mapping started at line 1, column 1)")
        .hasMessageNotContaining("REDACTED").hasMessageNotContaining("StreamReadFeature")
        .hasMessageNotContaining("[Source:");
  }

  @Test
  void aMissingReferencedFileNamesTheReferringFileAndTheReference() throws IOException {
    Path spec = write("spec.yaml", "a: {$ref: 'gone.yaml#/A'}\n");

    assertThatThrownBy(() -> ReferencedFiles.of(spec))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(spec + " at $ref 'gone.yaml#/A': referenced file not found");
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
