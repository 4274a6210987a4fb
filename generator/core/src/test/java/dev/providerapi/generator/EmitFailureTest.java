package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.generator.emit.JavaEmitters;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.FieldDef;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.model.RecordDef;
import dev.providerapi.generator.model.TypeDef;
import dev.providerapi.generator.model.TypeRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception inside emission (here: names JavaPoet refuses, as a reader bug or an unforeseen spec could produce)
 * is bad input naming the spec and the element being emitted, and nothing is written.
 */
class EmitFailureTest {
  @TempDir Path dir;

  private static ApiModel model(List<TypeDef> types, String javaName) {
    return new ApiModel("Acme", "1", null, List.of("https://api.acme.test"), types, List.of(new OperationDef(
        "listThings", javaName, null, null, new OperationDef.Http("get", "/things"), List.of(), null,
        new TypeRef.ListOf(TypeRef.string()), null, 200, true, false, List.of())), "spec.yaml");
  }

  private Path generate(ApiModel model) throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "openapi: 3.0.3\ninfo: {title: Acme, version: '1'}\n"
        + "paths: {}\n");
    new Generator(Map.of("openapi", (file, envelope) -> model), JavaEmitters::emit).generateSpec(spec,
        dir.resolve("out"), new Generator.SpecOptions("acme", null, Generator.Mode.WRITE));
    return spec;
  }

  @Test
  void aSchemaThatCannotBeEmittedIsNamedWithItsOrigin() {
    Path spec = dir.resolve("spec.yaml").toAbsolutePath();
    ApiModel model = model(List.of(new RecordDef("Bad Name", null, "#/components/schemas/Bad Name", List.of(
        new FieldDef("id", "id", TypeRef.string(), true, false, null, false, false)), null, false)), "listThings");

    assertThatThrownBy(() -> generate(model))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at schema Bad Name (#/components/schemas/Bad Name): cannot be emitted as Java: "
            + "IllegalArgumentException: not a valid name: Bad Name (a generator limitation: change or remove this "
            + "element in the spec, and please report it)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anOperationThatCannotBeEmittedIsNamedWithItsMethodAndPath() {
    Path spec = dir.resolve("spec.yaml").toAbsolutePath();

    assertThatThrownBy(() -> generate(model(List.of(), "list things")))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + " at operation listThings (GET /things): cannot be emitted as Java: "
            + "IllegalArgumentException: not a valid name: list things (a generator limitation: change or remove "
            + "this element in the spec, and please report it)");
  }

  @Test
  void aFailureOfAnotherEmitterNamesTheSpecAndTheStep() throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "openapi: 3.0.3\n").toAbsolutePath();
    Generator generator = new Generator(Map.of("openapi", (file, envelope) -> model(List.of(), "listThings")),
        (m, manifest) -> {
          throw new NullPointerException();
        });

    assertThatThrownBy(() -> generator.generateSpec(spec, dir.resolve("out"),
        new Generator.SpecOptions("acme", null, Generator.Mode.WRITE)))
        .isInstanceOf(SpecException.class)
        .hasMessage(spec + ": cannot emit the client: NullPointerException (a generator limitation: please report it "
            + "with the spec)")
        .hasCauseInstanceOf(NullPointerException.class);
  }
}
