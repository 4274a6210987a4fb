package dev.providerapi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.providerapi.processor.ProcessorFixtures.compile;
import static dev.providerapi.processor.ProcessorFixtures.packageInfo;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.ProviderLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class GenerateProviderTest {

  @Test
  void generatesTheClientModelsAndBaseThatCompile() {
    Compilation c = compile(packageInfo("com.example.app", "specs/tiny/provider.yaml"));

    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("com.example.tiny.TinyProviderBase");
    assertThat(c).generatedSourceFile("com.example.tiny.api.TinyApi");
    assertThat(c).generatedSourceFile("com.example.tiny.api.TinyApiClient");
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "com/example/tiny/api/TinyApiClient.class");
    assertThat(c).hadNoteContaining("provider-api: generated provider 'tiny' from specs/tiny/openapi.yaml");
  }

  @Test
  void recordsItsInputsBesideTheGeneratedSourcesSoABuildCanTellASpecChanged() throws IOException {
    Compilation c = compile(packageInfo("com.example.app", "specs/tiny/provider.yaml"));

    JavaFileObject record = c.generatedFile(StandardLocation.SOURCE_OUTPUT, "provider-api/tiny.inputs").orElseThrow();
    String text = record.getCharContent(true).toString();
    byte[] spec = java.nio.file.Files.readAllBytes(ProcessorFixtures.root().resolve("specs/tiny/openapi.yaml"));
    assertThat(text).startsWith("# package com.example.app\n# root " + ProcessorFixtures.root() + "\n"
        + "# watch specs/tiny/fixtures\n# watch specs/tiny/templates\n# watch specs/tiny/operations\n"
        + "# provider-api: sha256 of the inputs and of every generated file. Do not edit.\n")
        .contains(dev.providerapi.generator.write.GeneratedManifest.sha256(spec) + "  specs/tiny/openapi.yaml\n",
            "  specs/tiny/provider.yaml\n", "  specs/tiny/shared/machine.yaml\n");
    // Not a class output: it must not end up in the jar.
    assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "provider-api/tiny.inputs")).isEmpty();
  }

  @Test
  void theModelFromTheRefdSchemaFileIsTheExpectedSource() {
    Compilation c = compile(packageInfo("com.example.app", "specs/tiny/provider.yaml"));

    assertThat(c).generatedSourceFile("com.example.tiny.model.Machine")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/Machine.java"));
  }

  @Test
  void sourcesAreByteIdenticalToWhatTheCliWrites() throws IOException {
    Compilation c = compile(packageInfo("com.example.app", "specs/tiny/provider.yaml"));
    var root = ProcessorFixtures.root();
    ProviderLayout layout = ProviderLayout.standard(root, "tiny");
    Map<String, byte[]> plan = new Generator().planProvider(layout, "tiny").generated();

    int compared = 0;
    for (Map.Entry<String, byte[]> e : plan.entrySet()) {
      if (e.getKey().startsWith("src/generated/java/")) {
        String type = e.getKey().substring("src/generated/java/".length(), e.getKey().length() - 5).replace('/', '.');
        JavaFileObject generated = c.generatedSourceFile(type).orElseThrow();
        assertThat(generated.getCharContent(true).toString()).isEqualTo(new String(e.getValue(), StandardCharsets.UTF_8));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(4);
  }

  @Test
  void aMissingManifestIsAnErrorOnThePackage() {
    Compilation c = compile(packageInfo("com.example.app", "specs/none/provider.yaml"));

    assertThat(c).failed();
    assertThat(c).hadErrorContaining(ProcessorFixtures.root().resolve("specs/none/provider.yaml")
        + ": provider.yaml not found (paths are resolved against " + ProcessorFixtures.root())
        .inFile(packageInfo("com.example.app", "specs/none/provider.yaml")).onLine(1);
  }

  @Test
  void aMissingSpecFileNamesTheManifestKey() {
    Compilation c = compile(packageInfo("com.example.app", "specs/nospec/provider.yaml"));

    assertThat(c).failed();
    assertThat(c).hadErrorContaining(ProcessorFixtures.root().resolve("specs/nospec/provider.yaml")
        + " at spec.file: spec file 'missing.yaml' not found");
  }

  @Test
  void anInvalidSpecNamesTheSpecAndWhereItBreaks() {
    Compilation c = compile(packageInfo("com.example.app", "specs/broken/provider.yaml"));

    assertThat(c).failed();
    assertThat(c).hadErrorContaining(ProcessorFixtures.root().resolve("specs/broken/openapi.yaml")
        + " at line 6, column 1: cannot be read as JSON or YAML: expected ',' or ']', but got <stream end> (while "
        + "parsing a flow sequence started at line 5, column 10)");
  }
}
