package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.palantir.javapoet.JavaFile;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import dev.providerapi.generator.openapi.OpenApiReader;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The providers' own published specs read and emit code that compiles. */
class UpstreamSpecTest {

  @Test
  void officialLambdaSpecEmitsACompilingClientWithUnwrappedResponses() {
    // Read from the shared reference beside the checkout (as CI has it), not copied into this repository.
    Path spec = Path.of("../../../shared/reference/lambda/openapi-1.8.3.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(spec),
        "reference spec not present: " + spec);
    ApiModel model = new OpenApiReader().read(spec, "data");
    OperationDef list = model.operation("listInstances").orElseThrow();
    assertThat(list.responseEnvelope()).isEqualTo("data");
    assertThat(list.response()).hasToString("ListOf[element=Named[name=Instance]]");
    assertThat(model.operation("launchInstance").orElseThrow().idempotent()).isFalse();
    assertThat(model.operation("getInstance").orElseThrow().idempotent()).isTrue();

    List<JavaFile> files = JavaEmitters.emit(model, TestManifests.full("lambda", "Lambda"));
    assertThat(files).extracting(f -> f.typeSpec().name()).contains("LambdaApi", "LambdaApiClient",
        "LambdaProviderBase", "Instance");
    Compiled.compile(files);
  }

  @Test
  void vastSpecEmitsCompilingCode() {
    compileUpstream(Path.of("../../../shared/reference/vast/openapi.yaml"), "vast", "Vast");
  }

  @Test
  void paperspaceSpecEmitsCompilingCode() {
    compileUpstream(Path.of("../../../shared/reference/paperspace/openapi-v1.json"), "paperspace", "Paperspace");
  }

  @Test
  void officialCoreweaveCrdEmitsCompilingCode() {
    Path crd = Path.of("../../../shared/reference/coreweave/virtualservers.virtualservers.coreweave.com.crd.yaml");
    assumeTrue(Files.isRegularFile(crd), "reference CRD not present: " + crd);
    ApiModel model = new dev.providerapi.generator.crd.CrdReader().read(crd, null);
    assertThat(model.operations()).extracting(OperationDef::id).containsExactly("createVirtualServer",
        "deleteVirtualServer", "getVirtualServer", "listVirtualservers");
    assertThat(model.type("VirtualServerSpecAffinity")).isPresent();
    Compiled.compile(JavaEmitters.emit(model, TestManifests.minimal("coreweave", "Coreweave")));
  }

  private static void compileUpstream(Path spec, String name, String prefix) {
    assumeTrue(Files.isRegularFile(spec), "reference spec not present: " + spec);
    ApiModel model = new OpenApiReader().read(spec, null);
    assertThat(model.operations()).isNotEmpty();
    Compiled.compile(JavaEmitters.emit(model, TestManifests.minimal(name, prefix)));
  }
}
