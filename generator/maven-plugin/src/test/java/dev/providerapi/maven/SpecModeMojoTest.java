package dev.providerapi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <spec>} / {@code <providerYaml>}: a project that is not laid out like this repository. */
class SpecModeMojoTest {
  @TempDir Path project;

  private <T extends AbstractProviderApiMojo> T inProject(T mojo) {
    Mojos.configure(mojo, project, project.resolve("specs"), project.toString());
    mojo.buildDirectory = project.resolve("target").toFile();
    mojo.generatedSourcesDirectory = project.resolve("target/generated-sources/provider-api").toFile();
    mojo.generatedTestSourcesDirectory = project.resolve("target/generated-test-sources/provider-api").toFile();
    return mojo;
  }

  private GenerateMojo specMojo(String spec, String packageName) {
    GenerateMojo mojo = inProject(new GenerateMojo());
    mojo.spec = new File(spec);
    mojo.packageName = packageName;
    return mojo;
  }

  @Test
  void aSpecAloneGeneratesUnderTargetNamedFromItsTitleThenIsANoOp() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.copy(Mojos.REPO.resolve("specs/lambda/openapi.yaml"), project.resolve("api/lambda.yaml"));

    GenerateMojo first = specMojo("api/lambda.yaml", "com.example.gpu");
    first.execute();

    Path sources = project.resolve("target/generated-sources/provider-api");
    assertThat(Mojos.infos(first)).singleElement().asString()
        .startsWith("provider-api: lambda-cloud -> " + sources + ": ")
        .contains(" files written, 0 unchanged (no generated.manifest yet; ")
        .doesNotContain("created");
    assertThat(first.project.getCompileSourceRoots()).containsExactly(sources.toString());
    assertThat(first.project.getTestCompileSourceRoots())
        .containsExactly(project.resolve("target/generated-test-sources/provider-api").toString());
    assertThat(sources.resolve("com/example/gpu/api/LambdaCloudApiClient.java")).isRegularFile();
    assertThat(Files.readString(sources.resolve("com/example/gpu/LambdaCloudProviderBase.java")))
        .contains("\"LAMBDA_CLOUD_API_KEY\"");
    assertThat(project.resolve("target/generated-test-sources/provider-api/com/example/gpu/api/"
        + "LambdaCloudApiClientTest.java")).isRegularFile();
    assertThat(Files.readString(project.resolve("target/provider-api/generated.manifest")))
        .contains("  lambda.yaml\n", "  src/generated/java/com/example/gpu/api/LambdaCloudApiClient.java\n");
    // Nothing outside target/: no skeleton, no src/generated.
    assertThat(project.resolve("src")).doesNotExist();
    Map<String, String> before = Mojos.tree(project.resolve("target"));

    GenerateMojo second = specMojo("api/lambda.yaml", "com.example.gpu");
    second.execute();
    assertThat(Mojos.infos(second)).singleElement().asString()
        // Named by its spec file: the title is not read when the hashes say nothing changed.
        .startsWith("provider-api: lambda.yaml is up to date, nothing to do (inputs unchanged; checked in ");
    assertThat(Mojos.tree(project.resolve("target"))).isEqualTo(before);

    Files.writeString(project.resolve("api/lambda.yaml"), Files.readString(project.resolve("api/lambda.yaml"))
        .replace("title: Lambda Cloud API", "title: Lambda Cloud API  "));
    GenerateMojo third = specMojo("api/lambda.yaml", "com.example.gpu");
    third.execute();
    assertThat(Mojos.infos(third)).singleElement().asString().contains("(lambda.yaml changed; ");
  }

  @Test
  void nameOverridesTheTitleAndCheckFindsDriftInTheTargetLayout() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.copy(Mojos.REPO.resolve("specs/lambda/openapi.yaml"), project.resolve("api/lambda.yaml"));
    GenerateMojo gen = specMojo("api/lambda.yaml", "com.example.gpu");
    gen.name = "lam";
    gen.execute();
    Path client = project.resolve("target/generated-sources/provider-api/com/example/gpu/api/LamApiClient.java");
    assertThat(client).isRegularFile();

    CheckMojo check = inProject(new CheckMojo());
    check.spec = new File("api/lambda.yaml");
    check.packageName = "com.example.gpu";
    check.name = "lam";
    check.execute();
    assertThat(Mojos.infos(check)).containsExactly("provider-api: lam is up to date");

    Files.writeString(client, "edited");
    assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("lam: changed: src/generated/java/com/example/gpu/api/LamApiClient.java (in "
            + project.resolve("target/generated-sources/provider-api") + ")");
  }

  @Test
  void checkedInPutsTheRepositoryLayoutUnderTheOutputDirectory() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.copy(Mojos.REPO.resolve("specs/lambda/openapi.yaml"), project.resolve("api/lambda.yaml"));
    GenerateMojo gen = specMojo("api/lambda.yaml", "com.example.gpu");
    gen.checkedIn = true;
    gen.execute();

    assertThat(project.resolve("src/generated/java/com/example/gpu/api/LambdaCloudApiClient.java")).isRegularFile();
    assertThat(project.resolve("generated.manifest")).isRegularFile();
    assertThat(gen.project.getCompileSourceRoots()).containsExactly(project.resolve("src/generated/java").toString());
    assertThat(project.resolve("target")).doesNotExist();
  }

  @Test
  void aProviderYamlAnywhereBindsTheSpec() throws Exception {
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), project.resolve("src/main/provider-api"));
    GenerateMojo gen = inProject(new GenerateMojo());
    gen.providerYaml = new File("src/main/provider-api/provider.yaml");
    gen.execute();

    assertThat(Mojos.infos(gen)).singleElement().asString().startsWith("provider-api: lambda -> "
        + project.resolve("target/generated-sources/provider-api") + ": ");
    assertThat(project.resolve("target/generated-sources/provider-api/dev/providerapi/lambda/LambdaProviderBase.java"))
        .isRegularFile();
    assertThat(Files.readString(project.resolve("target/provider-api/generated.manifest")))
        .contains("  src/main/provider-api/provider.yaml\n", "  src/main/provider-api/openapi.yaml\n");

    GenerateMojo again = inProject(new GenerateMojo());
    again.providerYaml = new File("src/main/provider-api/provider.yaml");
    again.execute();
    assertThat(Mojos.infos(again)).singleElement().asString().startsWith("provider-api: lambda is up to date");
  }

  @Test
  void misconfigurationsAreClearFailures() throws Exception {
    Files.createDirectories(project.resolve("api"));
    Files.copy(Mojos.REPO.resolve("specs/lambda/openapi.yaml"), project.resolve("api/lambda.yaml"));
    Mojos.copyTree(Mojos.REPO.resolve("specs/lambda"), project.resolve("p"));

    assertThatThrownBy(() -> specMojo("api/lambda.yaml", null).execute()).isInstanceOf(MojoFailureException.class)
        .hasMessage("provider-api: <spec> " + project.resolve("api/lambda.yaml") + " needs <packageName>, the Java "
            + "package of the generated code (e.g. <packageName>com.example.acme</packageName>)");

    assertThatThrownBy(() -> specMojo("api", "com.example").execute()).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("provider-api: api: " + project.resolve("api") + ": is a folder, not a spec file");

    GenerateMojo wrongPackage = inProject(new GenerateMojo());
    wrongPackage.providerYaml = new File("p/provider.yaml");
    wrongPackage.packageName = "com.example.other";
    assertThatThrownBy(wrongPackage::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("provider-api: <packageName> com.example.other differs from javaPackage dev.providerapi.lambda in "
            + project.resolve("p/provider.yaml") + "; leave <packageName> out or make them agree");

    GenerateMojo wrongSpec = inProject(new GenerateMojo());
    wrongSpec.providerYaml = new File("p/provider.yaml");
    wrongSpec.spec = new File("api/lambda.yaml");
    assertThatThrownBy(wrongSpec::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("provider-api: <spec> " + project.resolve("api/lambda.yaml") + " is not the spec ");
    assertThat(project.resolve("target")).doesNotExist();
  }
}
