package dev.providerapi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {
  @TempDir Path project;
  Path specs;

  @BeforeEach
  void lambdaSpecs() throws Exception {
    specs = project.resolve("api-specs");
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), specs.resolve("lambda"));
  }

  private GenerateMojo mojo(String output) {
    return Mojos.configure(new GenerateMojo(), project, specs, output);
  }

  @Test
  void generatesAddsSourceRootsThenSkipsWhenNothingChanged() throws Exception {
    GenerateMojo first = mojo("gen");
    first.execute();

    assertThat(first.project.getCompileSourceRoots()).containsExactly(
        project.resolve("gen/src/generated/java").toString());
    assertThat(first.project.getTestCompileSourceRoots()).containsExactly(
        project.resolve("gen/src/generated-test/java").toString());
    assertThat(Mojos.infos(first)).singleElement().asString()
        .startsWith("provider-api: lambda -> " + project.resolve("gen") + ": 53 files written, 0 unchanged, created "
            + "src/main/java/dev/providerapi/lambda/LambdaProvider.java (no generated.manifest yet; ");
    Map<String, String> before = Mojos.tree(project.resolve("gen"));

    GenerateMojo second = mojo("gen");
    second.execute();

    assertThat(Mojos.infos(second)).singleElement().asString()
        .startsWith("provider-api: lambda is up to date, nothing to do (inputs unchanged; checked in ");
    assertThat(second.project.getCompileSourceRoots()).hasSize(1);
    assertThat(Mojos.tree(project.resolve("gen"))).isEqualTo(before);
  }

  @Test
  void aChangedSpecRegenerates() throws Exception {
    mojo("gen").execute();
    Path spec = specs.resolve("lambda/openapi.yaml");
    Files.writeString(spec, Files.readString(spec) + "# a comment is a change of input too\n");

    GenerateMojo again = mojo("gen");
    again.execute();

    assertThat(Mojos.infos(again)).singleElement().asString().contains("(api-specs/lambda/openapi.yaml changed; ");
  }

  @Test
  void aBrokenSpecFailsTheBuildNamingTheFileAndWritesNothing() throws Exception {
    Files.writeString(specs.resolve("lambda/provider.yaml"), "name: lambda\nspec: [\n");

    assertThatThrownBy(() -> mojo("gen").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("provider-api: lambda: " + specs.resolve("lambda/provider.yaml") + " at line ")
        .hasMessageContaining("not valid YAML")
        .hasMessageEndingWith("(nothing was written)");
    assertThat(project.resolve("gen")).doesNotExist();
  }

  @Test
  void severalProvidersNeedAProviderTokenInTheOutputDirectory() throws Exception {
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), specs.resolve("lambda2"));

    assertThatThrownBy(() -> mojo("gen").execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("provider-api: 2 providers [lambda, lambda2] would share the output directory gen; put {provider} "
            + "in <outputDirectory>, e.g. ${project.basedir}/providers/{provider}");
  }

  @Test
  void noProviderIsAClearFailure() {
    GenerateMojo mojo = Mojos.configure(new GenerateMojo(), project, project.resolve("nothing"), "gen");

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("provider-api: no provider found: " + project.resolve("nothing"));
  }
}
