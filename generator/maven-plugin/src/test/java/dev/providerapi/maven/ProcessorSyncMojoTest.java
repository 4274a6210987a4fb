package dev.providerapi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.generator.write.GeneratedManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessorSyncMojoTest {
  @TempDir Path project;
  Path record;
  Path packageInfo;

  @BeforeEach
  void aProcessedProject() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.writeString(project.resolve("api/provider.yaml"), "name: tiny\n");
    Files.writeString(project.resolve("api/openapi.yaml"), "openapi: 3.0.3\n");
    byte[] manifest = GeneratedManifest.render("1", Map.of(
        "api/provider.yaml", "name: tiny\n".getBytes(StandardCharsets.UTF_8),
        "api/openapi.yaml", "openapi: 3.0.3\n".getBytes(StandardCharsets.UTF_8)), Map.of());
    record = project.resolve("target/generated-sources/annotations/provider-api/tiny.inputs");
    Files.createDirectories(record.getParent());
    Files.writeString(record, "# package com.example.app\n# root " + project + "\n# watch api/fixtures\n"
        + new String(manifest, StandardCharsets.UTF_8));
    packageInfo = project.resolve("target/classes/com/example/app/package-info.class");
    Files.createDirectories(packageInfo.getParent());
    Files.writeString(packageInfo, "class");
  }

  private ProcessorSyncMojo mojo() {
    ProcessorSyncMojo m = new ProcessorSyncMojo();
    m.annotationsDirectory = project.resolve("target/generated-sources/annotations").toFile();
    m.classesDirectory = project.resolve("target/classes").toFile();
    m.setLog(new Mojos.CapturingLog());
    return m;
  }

  private static java.util.List<String> infos(ProcessorSyncMojo m) {
    return ((Mojos.CapturingLog) m.getLog()).infos;
  }

  @Test
  void unchangedInputsLeaveTheCompilerAlone() throws Exception {
    ProcessorSyncMojo m = mojo();
    m.execute();

    assertThat(infos(m)).containsExactly("provider-api: tiny (annotation processor) is up to date");
    assertThat(packageInfo).exists();
    assertThat(record).exists();
  }

  @Test
  void aChangedSpecRemovesTheAnnotatedPackagesClassSoTheCompilerRunsTheProcessorAgain() throws Exception {
    Files.writeString(project.resolve("api/openapi.yaml"), "openapi: 3.0.3\ninfo: {title: changed}\n");
    ProcessorSyncMojo m = mojo();
    m.execute();

    assertThat(infos(m)).containsExactly("provider-api: tiny: api/openapi.yaml changed since the annotation "
        + "processor generated it; the compiler will run it again");
    assertThat(packageInfo).doesNotExist();
    assertThat(record).doesNotExist();
    assertThat(project.resolve("target/classes/com/example/app")).isDirectory();
  }

  @Test
  void aFileAddedToAWatchedFolderCountsAsAChange() throws Exception {
    Files.createDirectories(project.resolve("api/fixtures"));
    assertThat(ProcessorSyncMojo.changedInput(Files.readString(record))).as("an empty folder").isNull();
    Files.writeString(project.resolve("api/fixtures/getThing.response.json"), "{}");
    ProcessorSyncMojo m = mojo();
    m.execute();

    assertThat(infos(m)).containsExactly("provider-api: tiny: api/fixtures/getThing.response.json was added since the "
        + "annotation processor generated it; the compiler will run it again");
    assertThat(packageInfo).doesNotExist();
  }

  @Test
  void aDeletedInputOrABrokenRecordCountsAsAChange() throws Exception {
    Files.delete(project.resolve("api/provider.yaml"));
    assertThat(ProcessorSyncMojo.changedInput(Files.readString(record))).isEqualTo("api/provider.yaml was deleted");
    assertThat(ProcessorSyncMojo.changedInput("garbage")).isEqualTo("its inputs record is not in the expected format");
  }

  @Test
  void nothingRecordedIsNothingToDo() throws Exception {
    Files.delete(record);
    ProcessorSyncMojo m = mojo();
    m.execute();
    assertThat(infos(m)).isEmpty();
    assertThat(packageInfo).exists();
  }
}
