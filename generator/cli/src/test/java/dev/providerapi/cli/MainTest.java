package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.OperationDef;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {
  @TempDir Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final ApiModel MODEL = new ApiModel("Acme API", "2.0", null, List.of("https://api.acme.test"),
      List.of(), List.of(new OperationDef("listThings", "listThings", null, null,
          new OperationDef.Http("GET", "/things"), List.of(), null, null, null, 204, true, false, List.of())),
      "openapi.yaml");

  /** The real flow with a fake reader and emitter, so these tests do not depend on them. */
  private static Generator generator() {
    return new Generator(Map.of("openapi", (spec, envelope) -> MODEL), (model, manifest) -> List.of(
        JavaFile.builder(manifest.javaPackage() + ".api", TypeSpec.interfaceBuilder(manifest.classPrefix() + "Api").build())
            .build()));
  }

  @BeforeEach
  void repository() throws IOException {
    Path specs = Files.createDirectories(repo.resolve("specs/acme"));
    Files.writeString(specs.resolve("openapi.yaml"), "openapi: 3.0.3\n");
    Files.writeString(specs.resolve("provider.yaml"), """
        name: acme
        javaPackage: dev.providerapi.acme
        classPrefix: Acme
        spec: {kind: openapi, file: openapi.yaml}
        baseUrl: https://api.acme.test
        auth: {style: bearer, apiKeyEnv: ACME_API_KEY}
        operations: {list: listThings}
        """);
  }

  private int run(Path workingDir, String... args) {
    CommandLine cmd = Main.commandLine(MainTest::generator, workingDir);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private int run(String... args) {
    return run(repo, args);
  }

  @Test
  void generatesANamedProviderAndSummarizesOnOneLine() {
    assertThat(run("acme")).isZero();

    assertThat(repo.resolve("providers/acme/src/generated/java/dev/providerapi/acme/api/AcmeApi.java")).exists();
    assertThat(out.toString()).startsWith(
        "created providers/acme/src/main/java/dev/providerapi/acme/AcmeProvider.java (adapter skeleton: hand-written "
            + "from now on)\nprovider-api: acme: 2 files written, 0 unchanged (");
    assertThat(out.toString()).endsWith(" ms)\n");
    assertThat(err.toString()).isEmpty();

    StringWriter again = new StringWriter();
    CommandLine cmd = Main.commandLine(MainTest::generator, repo);
    cmd.setOut(new PrintWriter(again, true));
    assertThat(cmd.execute("--all")).isZero();
    assertThat(again.toString()).startsWith("provider-api: acme: 0 files written, 2 unchanged (");
  }

  @Test
  void findsTheRepositoryFromASubfolderOrTakesRepo() throws IOException {
    Path deep = Files.createDirectories(repo.resolve("providers/acme/src"));
    assertThat(run(deep, "acme")).isZero();
    assertThat(repo.resolve("providers/acme/generated.manifest")).exists();

    Path elsewhere = Files.createTempDirectory("elsewhere");
    assertThat(run(elsewhere, "--repo", repo.toString(), "--check")).isZero();
    assertThat(out.toString()).contains("provider-api --check: acme up to date (");
  }

  @Test
  void checkListsDriftAndExitsOne() throws IOException {
    run("acme");
    Path api = repo.resolve("providers/acme/src/generated/java/dev/providerapi/acme/api/AcmeApi.java");
    Files.writeString(api, "edited");
    out.getBuffer().setLength(0);

    assertThat(run("--check")).isEqualTo(1);

    assertThat(out.toString()).startsWith("acme: changed: src/generated/java/dev/providerapi/acme/api/AcmeApi.java\n"
        + "provider-api --check: 1 file(s) drifted; run ./provider-api acme (");
    assertThat(Files.readString(api)).isEqualTo("edited");
  }

  @Test
  void unknownProviderListsTheAvailableOnesAndExitsTwo() {
    assertThat(run("acne")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("provider-api: " + repo.resolve("specs/acne/provider.yaml")
        + ": provider 'acne' not found: there is no specs/acne/provider.yaml under " + repo
        + "; available providers: acme\n");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badProviderYamlIsOneParagraphWithoutStackTrace() throws IOException {
    Path yaml = repo.resolve("specs/acme/provider.yaml");
    Files.writeString(yaml, Files.readString(yaml) + "capabilities: [SPOTT]\n");

    assertThat(run("acme")).isEqualTo(2);

    assertThat(err.toString()).startsWith("provider-api: " + yaml + " at capabilities[0]: unknown capability 'SPOTT'; "
        + "allowed: SPOT, ").doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void anEmitterFailureIsBadInputNamingSpecAndElementWithoutStackTrace() {
    ApiModel bad = new ApiModel("Acme API", "2.0", null, List.of("https://api.acme.test"), List.of(),
        List.of(new OperationDef("listThings", "list things", null, null, new OperationDef.Http("GET", "/things"),
            List.of(), null, null, null, 204, true, false, List.of())), "openapi.yaml");
    CommandLine cmd = Main.commandLine(() -> new Generator(Map.of("openapi", (spec, envelope) -> bad),
        dev.providerapi.generator.emit.JavaEmitters::emit), repo);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));

    assertThat(cmd.execute("acme")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("provider-api: " + repo.resolve("specs/acme/openapi.yaml")
        + " at operation listThings (GET /things): cannot be emitted as Java: IllegalArgumentException: not a valid "
        + "name: list things (a generator limitation: change or remove this element in the spec, and please report "
        + "it)\n");
    assertThat(repo.resolve("providers/acme")).doesNotExist();
  }

  @Test
  void verbosePrintsTheStackTrace() throws IOException {
    Path yaml = repo.resolve("specs/acme/provider.yaml");
    Files.writeString(yaml, Files.readString(yaml) + "capabilities: [SPOTT]\n");

    assertThat(run("--verbose", "acme")).isEqualTo(2);

    assertThat(err.toString()).contains("unknown capability 'SPOTT'")
        .contains("dev.providerapi.generator.SpecException").contains("\tat ");
  }

  @Test
  void argumentErrorsExitTwoWithUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).startsWith("Name at least one provider, or use --all or --check\nUsage: provider-api");

    err.getBuffer().setLength(0);
    assertThat(run("--all", "acme")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Name providers or use --all, not both");
  }

  @Test
  void noRepositoryFoundIsBadInput() throws IOException {
    Path elsewhere = Files.createTempDirectory("norepo");
    assertThat(run(elsewhere, "acme")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("provider-api: no specs/ folder in " + elsewhere
        + " or any folder above it; run inside the repository or pass --repo DIR\n");
  }

  @Test
  void helpAndVersionWorkEverywhere() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: provider-api").contains("--check").contains("generate")
        .contains("2   bad input");
    out.getBuffer().setLength(0);
    assertThat(run("generate", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: provider-api generate").contains("--spec=FILE").contains("--out=DIR");
    out.getBuffer().setLength(0);
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("provider-api 0.1.0-SNAPSHOT\n");
    out.getBuffer().setLength(0);
    assertThat(run("generate", "--version")).isZero();
    assertThat(out.toString()).startsWith("provider-api ");
  }

  @Test
  void helpListsEveryCommandWithAWholeSentence() {
    assertThat(run("--help")).isZero();
    String help = out.toString();
    String commands = help.substring(help.indexOf("Commands:\n"), help.indexOf("\nExit codes:"));
    assertThat(commands.lines().skip(1).filter(l -> !l.isBlank()).toList()).containsExactly(
        "  generate  Generates a client from one spec file (OpenAPI, GraphQL, CRD).",
        "  diff      Classifies the changes between two specs (exit 1 when breaking).",
        "  update    Follows upstream: carries its changes over, regenerates, verifies.",
        "  new       Scaffolds a new provider from its spec, schema or CRD.",
        "  sandbox   Serves keyless fakes of the providers' APIs on 127.0.0.1.");
    // No line of the top-level help wraps: each fits the 80 columns picocli prints.
    assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(help).doesNotContain("\n127.0.0.1");
  }

  @Test
  void generateFromASpecOutsideTheRepository() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme-openapi-2.0.yaml"), "openapi: 3.0.3\n");
    Path outDir = repo.resolve("out");

    assertThat(run("generate", "--spec", spec.toString(), "--out", outDir.toString(), "--package", "com.example.acme"))
        .isZero();

    // Named from the spec's title (Acme API), not from the file name (acme-openapi-2.0.yaml).
    assertThat(outDir.resolve("src/generated/java/com/example/acme/api/AcmeApi.java")).exists();
    assertThat(outDir.resolve("src/main/java/com/example/acme/AcmeProvider.java")).exists();
    assertThat(out.toString()).startsWith("provider-api: acme -> " + outDir + ": 2 files written, 0 unchanged (");

    out.getBuffer().setLength(0);
    assertThat(run("generate", "--spec", spec.toString(), "--out", outDir.toString(), "--package", "com.example.acme",
        "--check")).isZero();
    assertThat(out.toString()).startsWith("provider-api generate --check: up to date (");
  }

  @Test
  void generateNeedsSpecAndOut() {
    assertThat(run("generate", "--spec", "x.json")).isEqualTo(2);
    assertThat(err.toString()).startsWith("Missing required option: '--out=DIR'");
    err.getBuffer().setLength(0);
    assertThat(run("generate", "--spec", repo.resolve("missing.json").toString(), "--out", "o")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("provider-api: " + repo.resolve("missing.json") + ": spec file not found\n");
    err.getBuffer().setLength(0);
    assertThat(run("generate", "--spec", repo.toString(), "--out", "o")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("provider-api: " + repo + ": is a folder, not a spec file; pass the OpenAPI, "
        + "GraphQL or CRD file itself (e.g. " + repo.resolve("openapi.yaml") + ")\n");
  }

  @Test
  void generateIntoAnUnwritableFolderSaysPermissionDeniedAndExits2() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme.yaml"), "openapi: 3.0.3\n");
    Path locked = Files.createDirectories(repo.resolve("locked"));
    org.junit.jupiter.api.Assumptions.assumeTrue(locked.toFile().setWritable(false) && !Files.isWritable(locked),
        "the file system enforces permissions (not as root)");
    try {
      assertThat(run("generate", "--spec", spec.toString(), "--out", locked.resolve("out").toString())).isEqualTo(2);
      assertThat(err.toString()).isEqualTo("provider-api: could not write the generated sources under "
          + locked.resolve("out") + ": permission denied: " + locked.resolve("out") + "; nothing was written\n");
    } finally {
      locked.toFile().setWritable(true);
    }
  }
}
