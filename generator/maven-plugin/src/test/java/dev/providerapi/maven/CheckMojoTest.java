package dev.providerapi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckMojoTest {
  @TempDir Path project;

  @Test
  void passesOnFreshOutputAndListsEveryDriftedFileOtherwise() throws Exception {
    Path specs = project.resolve("specs");
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), specs.resolve("lambda"));
    Mojos.configure(new GenerateMojo(), project, specs, "out/{provider}").execute();

    CheckMojo clean = Mojos.configure(new CheckMojo(), project, specs, "out/{provider}");
    clean.execute();
    assertThat(Mojos.infos(clean)).containsExactly("provider-api: lambda is up to date");

    Path instance = project.resolve("out/lambda/src/generated/java/dev/providerapi/lambda/model/Instance.java");
    Files.writeString(instance, "edited");
    Files.delete(project.resolve("out/lambda/src/generated/java/dev/providerapi/lambda/model/Region.java"));

    assertThatThrownBy(() -> Mojos.configure(new CheckMojo(), project, specs, "out/{provider}").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("provider-api: 2 generated file(s) differ from the specs:\n"
            + "  lambda: changed: src/generated/java/dev/providerapi/lambda/model/Instance.java (in "
            + project.resolve("out/lambda") + ")\n"
            + "  lambda: missing: src/generated/java/dev/providerapi/lambda/model/Region.java (in "
            + project.resolve("out/lambda") + ")\n"
            + "regenerate with: mvn provider-api:generate (or ./provider-api <provider>)");
    assertThat(Files.readString(instance)).isEqualTo("edited");
  }
}
