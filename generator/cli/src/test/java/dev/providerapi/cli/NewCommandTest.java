package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.Capability;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
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

class NewCommandTest {
  @TempDir Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String ACME = """
      openapi: 3.0.3
      info: {title: Acme GPU Cloud, version: "3.2"}
      servers: [{url: "https://api.acme.test/v1"}]
      security: [{bearer: []}]
      components:
        securitySchemes:
          bearer: {type: http, scheme: bearer}
        schemas:
          Machine:
            type: object
            required: [id]
            properties: {id: {type: string}, status: {type: string}}
      paths:
        /gpu-types:
          get:
            operationId: listGpuTypes
            responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}}
        /machines:
          get:
            operationId: listMachines
            responses: {"200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Machine"}}}}}}
          post:
            operationId: createMachine
            responses: {"201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Machine"}}}}}
        /machines/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get:
            operationId: getMachine
            responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Machine"}}}}}
          delete:
            operationId: deleteMachine
            responses: {"204": {description: gone}}
        /machines/{id}/reboot:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post:
            operationId: rebootMachine
            responses: {"204": {description: ok}}
      """;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve("specs"));
    Files.writeString(repo.resolve("pom.xml"), """
        <project>
          <modules>
            <module>runtime</module>
            <module>providers/lambda</module>
            <module>bench</module>
          </modules>
        </project>
        """);
  }

  private int run(String... args) {
    CommandLine cmd = Main.commandLine(Generator::new, repo);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void scaffoldsProviderYamlWithInferredBindingsTheModuleAndItsTests() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme.yaml"), ACME);

    int code = run("new", "acme", "--openapi", spec.toString(), "--source", "https://acme.test/openapi.yaml");

    assertThat(code).as(err.toString()).isZero();
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/acme/provider.yaml"));
    assertThat(m.operations()).containsOnly(Map.entry("offers", "listGpuTypes"), Map.entry("list", "listMachines"),
        Map.entry("get", "getMachine"), Map.entry("launch", "createMachine"), Map.entry("terminate", "deleteMachine"),
        Map.entry("restart", "rebootMachine"));
    assertThat(m.descriptor().capabilities()).containsExactly(Capability.RESTART);
    assertThat(m.descriptor().displayName()).isEqualTo("Acme GPU Cloud");
    assertThat(m.descriptor().baseUrl().toString()).isEqualTo("https://api.acme.test/v1");
    assertThat(m.descriptor().auth().style().name()).isEqualTo("BEARER");
    assertThat(m.spec().upstreamSource()).isEqualTo("https://acme.test/openapi.yaml");
    assertThat(m.spec().upstreamVersion()).isEqualTo("3.2");
    String yaml = Files.readString(repo.resolve("specs/acme/provider.yaml"));
    assertThat(yaml).contains("#   - TODO rateLimits:").contains("  launch: createMachine  # POST /machines\n");
    assertThat(Files.readString(repo.resolve("specs/acme/openapi.yaml"))).isEqualTo(ACME);

    Path module = repo.resolve("providers/acme");
    assertThat(Files.readString(module.resolve("pom.xml"))).contains("<artifactId>provider-api-acme</artifactId>");
    assertThat(module.resolve("src/main/java/dev/providerapi/acme/AcmeProvider.java")).exists();
    assertThat(module.resolve("src/generated/java/dev/providerapi/acme/AcmeProviderBase.java")).exists();
    assertThat(Files.readString(module.resolve("src/test/java/dev/providerapi/acme/AcmeProviderTest.java")))
        .contains("Providers.find(\"acme\")").contains("Set.of(dev.providerapi.Capability.RESTART)");
    assertThat(Files.readString(repo.resolve("pom.xml"))).contains("""
            <module>providers/lambda</module>
            <module>providers/acme</module>
            <module>bench</module>
        """);
    assertThat(out.toString()).contains("inferred: 6 operation binding(s) (offers, list, get, launch, terminate, "
        + "restart), auth bearer, capabilities [RESTART]").contains("TODO (also at the top of specs/acme/provider.yaml):");
    assertThat(run("--check", "acme")).isZero();
  }

  @Test
  void packageOptionPlacesTheProviderInTheGivenPackage() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme.yaml"), ACME);

    assertThat(run("new", "acme", "--openapi", spec.toString(), "--package", "com.example.gpu.acme"))
        .as(err.toString()).isZero();

    assertThat(new ManifestReader().read(repo.resolve("specs/acme/provider.yaml")).javaPackage())
        .isEqualTo("com.example.gpu.acme");
    Path module = repo.resolve("providers/acme");
    assertThat(module.resolve("src/main/java/com/example/gpu/acme/AcmeProvider.java")).exists();
    assertThat(module.resolve("src/generated/java/com/example/gpu/acme/AcmeProviderBase.java")).exists();
    assertThat(module.resolve("src/test/java/com/example/gpu/acme/AcmeProviderTest.java")).exists();
  }

  @TempDir Path project;

  private static final String APP_POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.example</groupId>
        <artifactId>my-app</artifactId>
        <version>1.0</version>
        <dependencies>
          <!-- ours -->
          <dependency>
            <groupId>com.google.guava</groupId>
            <artifactId>guava</artifactId>
            <version>33.0.0-jre</version>
          </dependency>
        </dependencies>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.13.0</version>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private int runIn(Path dir, String... args) {
    CommandLine cmd = Main.commandLine(Generator::new, dir);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void aSingleModuleProjectGetsItsProviderYamlAnAdapterItRegistersAndThePluginInItsPom() throws Exception {
    Files.writeString(project.resolve("pom.xml"), APP_POM);
    Path spec = Files.writeString(project.resolve("acme.yaml"), ACME);

    assertThat(runIn(project, "new", "acme", "--openapi", spec.toString())).as(err.toString()).isZero();

    Path yaml = project.resolve("src/main/provider-api/acme/provider.yaml");
    assertThat(new ManifestReader().read(yaml).javaPackage()).isEqualTo("com.example.acme");
    assertThat(Files.readString(project.resolve("src/main/provider-api/acme/openapi.yaml"))).isEqualTo(ACME);
    String adapter = Files.readString(project.resolve("src/main/java/com/example/acme/AcmeProvider.java"));
    assertThat(adapter).doesNotContain("AutoService").contains("public final class AcmeProvider extends AcmeProviderBase")
        .contains("META-INF/services/dev.providerapi.Provider");
    assertThat(project.resolve("src/test/java/com/example/acme/AcmeProviderTest.java")).exists();
    assertThat(Files.readString(project.resolve("src/main/resources/META-INF/services/dev.providerapi.Provider")))
        .isEqualTo("com.example.acme.AcmeProvider\n");
    assertThat(project.resolve("specs")).doesNotExist();
    assertThat(project.resolve("providers")).doesNotExist();
    String version = dev.providerapi.generator.inputs.GeneratorVersion.get();
    assertThat(Files.readString(project.resolve("pom.xml"))).isEqualTo(APP_POM
        .replace("""
              </dependency>
            </dependencies>
          """, """
              </dependency>
              <dependency>
                <groupId>dev.providerapi</groupId>
                <artifactId>provider-api-runtime</artifactId>
              </dependency>
              <!-- JUnit 5, AssertJ and mockwebserver3 for the generated client tests -->
              <dependency>
                <groupId>dev.providerapi</groupId>
                <artifactId>provider-api-testing</artifactId>
                <scope>test</scope>
              </dependency>
            </dependencies>
          """)
        .replace("""
                </plugin>
              </plugins>
          """, """
                </plugin>
                <!-- generates the client and the adapter base into target/generated-sources/provider-api, its tests into target/generated-test-sources/provider-api -->
                <plugin>
                  <groupId>dev.providerapi</groupId>
                  <artifactId>provider-api-maven-plugin</artifactId>
                  <version>%s</version>
                  <configuration>
                    <providerYaml>src/main/provider-api/acme/provider.yaml</providerYaml>
                  </configuration>
                  <executions>
                    <execution>
                      <goals><goal>generate</goal></goals>
                    </execution>
                  </executions>
                </plugin>
              </plugins>
          """.formatted(version))
        .replace("""
        </build>
      </project>
      """, """
        </build>
        <dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>dev.providerapi</groupId>
              <artifactId>provider-api-bom</artifactId>
              <version>%s</version>
              <type>pom</type>
              <scope>import</scope>
            </dependency>
          </dependencies>
        </dependencyManagement>
      </project>
      """.formatted(version)));
    assertThat(out.toString()).contains("provider-api new acme: wrote src/main/provider-api/acme/ (provider.yaml, "
        + "openapi.yaml), src/main/java/com/example/acme/AcmeProvider.java (registered in "
        + "src/main/resources/META-INF/services/dev.providerapi.Provider)");

    // What the plugin generates at build time, plus the skeleton, compiles as it is.
    Path gen = project.resolve("target/generated-sources/provider-api");
    new Generator().generateProvider(new dev.providerapi.generator.ProviderLayout(project, yaml.getParent(),
        project.resolve("target"), yaml.getParent().resolve("templates")).withOutput(
        dev.providerapi.generator.write.Placement.separate(gen, project.resolve("target/generated-test-sources"),
            project.resolve("target/provider-api/generated.manifest"))), "acme", Generator.Mode.WRITE);
    List<String> sources = new java.util.ArrayList<>();
    try (var walk = Files.walk(gen)) {
      walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.add(p.toString()));
    }
    sources.add(project.resolve("src/main/java/com/example/acme/AcmeProvider.java").toString());
    List<String> args = new java.util.ArrayList<>(List.of("-d", project.resolve("target/classes").toString(),
        "-cp", System.getProperty("java.class.path"), "-proc:none", "--release", "17"));
    args.addAll(sources);
    java.io.ByteArrayOutputStream javac = new java.io.ByteArrayOutputStream();
    int compiled = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, javac, javac, args.toArray(String[]::new));
    assertThat(compiled).as("javac: %s", javac).isZero();
    assertThat(project.resolve("target/classes/com/example/acme/AcmeProvider.class")).exists();

    // A second run changes nothing and says why.
    String pom = Files.readString(project.resolve("pom.xml"));
    err.getBuffer().setLength(0);
    assertThat(runIn(project, "new", "acme", "--openapi", spec.toString())).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).isEqualTo("provider-api: src/main/provider-api/acme already exists; new only scaffolds"
        + " a provider that is not there yet (use update to change a spec)\n");
    assertThat(Files.readString(project.resolve("pom.xml"))).isEqualTo(pom);
  }

  @Test
  void aBarePomGetsTheSectionsItLacks() {
    String bare = "<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version></project>\n";
    String edited = NewCommand.withPlugin(bare, Path.of("src/main/provider-api/acme/provider.yaml"));
    assertThat(edited).startsWith("<project><groupId>g</groupId><artifactId>a</artifactId><version>1</version>\n"
        + "  <dependencyManagement>\n    <dependencies>\n      <dependency>\n        <groupId>dev.providerapi</groupId>\n")
        .contains("\n  <dependencies>\n    <dependency>\n      <groupId>dev.providerapi</groupId>\n"
            + "      <artifactId>provider-api-runtime</artifactId>\n    </dependency>\n")
        .contains("\n  <build>\n    <plugins>\n      <!-- generates the client")
        .endsWith("    </plugins>\n  </build>\n</project>\n");
    assertThat(NewCommand.withPlugin(edited, Path.of("x/provider.yaml"))).as("idempotent").isEqualTo(edited);
  }

  @Test
  void aSingleModulePomWithoutGroupIdNeedsAPackageAndNothingIsWritten() throws IOException {
    String pom = "<project><artifactId>my-app</artifactId></project>\n";
    Files.writeString(project.resolve("pom.xml"), pom);
    Path spec = Files.writeString(project.resolve("acme.yaml"), ACME);

    assertThat(runIn(project, "new", "acme", "--openapi", spec.toString())).isEqualTo(Main.BAD_INPUT);

    assertThat(err.toString()).isEqualTo("provider-api: " + project.resolve("pom.xml") + " has no groupId to derive the "
        + "Java package from; pass --package, e.g. --package com.example.acme\n");
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(Files.readString(project.resolve("pom.xml"))).isEqualTo(pom);
  }

  @Test
  void anInvalidPackageIsBadInputAndNothingIsWritten() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme.yaml"), ACME);

    assertThat(run("new", "acme", "--openapi", spec.toString(), "--package", "com.example.new")).isEqualTo(2);

    assertThat(err.toString()).isEqualTo("provider-api: invalid Java package 'com.example.new' (--package); allowed: "
        + "dot-separated Java identifiers that are not keywords, e.g. com.example.acme\n");
    assertThat(repo.resolve("specs/acme")).doesNotExist();
    assertThat(repo.resolve("providers/acme")).doesNotExist();
  }

  @Test
  void refusesAnExistingProviderAndLeavesItAlone() throws IOException {
    Files.createDirectories(repo.resolve("specs/acme"));
    Path spec = Files.writeString(repo.resolve("acme.yaml"), ACME);

    int code = run("new", "acme", "--openapi", spec.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("specs/acme or providers/acme already exists");
    assertThat(repo.resolve("providers/acme")).doesNotExist();
  }

  @Test
  void aSpecWithoutServersIsBadInputAndNothingIsWritten() throws IOException {
    Path spec = Files.writeString(repo.resolve("acme.yaml"), ACME.replace("servers: [{url: \"https://api.acme.test/v1\"}]\n", ""));

    int code = run("new", "acme", "--openapi", spec.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("the spec declares no servers with an absolute URL");
    assertThat(repo.resolve("specs/acme")).doesNotExist();
  }

  @Test
  void hyperstacksSpecIsBoundToItsVmOperationsAndItsStateChangingGetsAreMarkedNotIdempotent() throws IOException {
    Path upstream = OperationGuesserTest.HYPERSTACK.toAbsolutePath().normalize();

    int code = run("new", "hyperstack", "--openapi", upstream.toString());

    assertThat(code).as(err.toString()).isZero();
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/hyperstack/provider.yaml"));
    assertThat(m.operations()).containsOnly(Map.entry("offers", "List_Flavors"), Map.entry("list", "List_VMs"),
        Map.entry("get", "Get_VM"), Map.entry("launch", "Create_VMs"), Map.entry("terminate", "Delete_VM"),
        Map.entry("stop", "Stop_VM"), Map.entry("start", "Start_VM"), Map.entry("restart", "Hard_reboot_VM"));
    // Read off Create_VMs's body: user_data, image_name, key_name.
    assertThat(m.descriptor().capabilities()).containsExactlyInAnyOrder(Capability.STOP_START, Capability.RESTART,
        Capability.STARTUP_SCRIPT, Capability.CUSTOM_IMAGE, Capability.SSH_KEYS);
    assertThat(m.descriptor().auth().headerName()).isEqualTo("api_key");
    // ErrorResponseModel {status: boolean, message, error_reason}: the boolean status is not taken for the code.
    assertThat(m.descriptor().errorFormat().codePointer()).isEqualTo("/error_reason");
    assertThat(m.descriptor().errorFormat().messagePointer()).isEqualTo("/message");
    String yaml = Files.readString(repo.resolve("specs/hyperstack/provider.yaml"));
    assertThat(yaml)
        .contains("  stop: Stop_VM  # GET /core/virtual-machines/{vm_id}/stop (a GET that changes state: not idempotent)")
        .contains("#   - TODO operations.offers: runners-up List_GPUs (GET /core/gpus)")
        .contains("#   - TODO operations.launch: runners-up Start_Deployment (POST /core/marketplace/deployments)")
        .contains("#   - TODO operations.restart: Hard_reboot_VM is a GET that changes state: marked x-idempotent: false")
        .contains("instances were taken to live at /core/virtual-machines");

    // The copy differs from upstream by exactly the three marks, each under its operationId.
    List<String> theirs = Files.readAllLines(upstream);
    List<String> ours = Files.readAllLines(repo.resolve("specs/hyperstack/openapi.yaml"));
    assertThat(ours).hasSize(theirs.size() + 3);
    List<String> added = new java.util.ArrayList<>(ours);
    theirs.forEach(added::remove);
    assertThat(added).containsExactly("      x-idempotent: false", "      x-idempotent: false",
        "      x-idempotent: false");
    for (String id : List.of("Hard_reboot_VM", "Start_VM", "Stop_VM")) {
      assertThat(ours.get(ours.indexOf("      operationId: " + id) + 1)).isEqualTo("      x-idempotent: false");
    }
    String client = Files.readString(repo.resolve(
        "providers/hyperstack/src/generated/java/dev/providerapi/hyperstack/api/HyperstackApiClient.java"));
    assertThat(client)
        .contains("new Operation(\"Stop_VM\", \"GET\", \"/core/virtual-machines/{vm_id}/stop\", false, null)")
        .contains("new Operation(\"Get_VM\", \"GET\", \"/core/virtual-machines/{vm_id}\", true, null)");
    assertThat(out.toString()).contains("inferred: 8 operation binding(s) (offers, list, get, launch, terminate, stop, "
        + "start, restart), auth header, capabilities [STOP_START, RESTART, STARTUP_SCRIPT, CUSTOM_IMAGE, SSH_KEYS]");
    assertThat(yaml).contains("#   - TODO capabilities [STARTUP_SCRIPT, CUSTOM_IMAGE, SSH_KEYS] were read off "
        + "Create_VMs's body (STARTUP_SCRIPT: user_data, CUSTOM_IMAGE: image_name, SSH_KEYS: key_name)")
        .contains("#   - TODO errors: code and message below were read from ErrorResponseModel");
  }

  @Test
  void anErrorObjectNestedUnderErrorGivesPointersIntoIt() throws IOException {
    String withErrors = ACME
        .replace("    Machine:\n", "    Failure:\n      type: object\n      properties:\n        error: {type: object, "
            + "properties: {code: {type: string}, message: {type: string}}}\n    Machine:\n")
        .replace("      operationId: getMachine\n      responses: {", "      operationId: getMachine\n      responses: {"
            + "\"404\": {description: gone, content: {application/json: {schema: {$ref: \"#/components/schemas/Failure\"}}}}, ");
    assertThat(withErrors).contains("Failure").contains("\"404\"");
    Path spec = Files.writeString(repo.resolve("acme.yaml"), withErrors);

    int code = run("new", "acme", "--openapi", spec.toString());

    assertThat(code).as(err.toString()).isZero();
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/acme/provider.yaml"));
    assertThat(m.descriptor().errorFormat().codePointer()).isEqualTo("/error/code");
    assertThat(m.descriptor().errorFormat().messagePointer()).isEqualTo("/error/message");
  }

  @Test
  void specMarksEditOneOperationInYamlOrJsonAndRefuseWhatTheyCannotPlace() {
    String yaml = "paths:\n  /vm/{id}/stop:\n    get:\n      operationId: 'Stop'  # stops\n      responses: {}\n";
    assertThat(SpecMarks.notIdempotent(yaml, "Stop")).isEqualTo("paths:\n  /vm/{id}/stop:\n    get:\n"
        + "      operationId: 'Stop'  # stops\n      x-idempotent: false\n      responses: {}\n");
    String json = "{\"paths\":{\"/vm/{id}/stop\":{\"get\":{\"operationId\" : \"Stop\"}}}}";
    assertThat(SpecMarks.notIdempotent(json, "Stop"))
        .isEqualTo("{\"paths\":{\"/vm/{id}/stop\":{\"get\":{\"operationId\" : \"Stop\", \"x-idempotent\": false}}}}");
    assertThat(SpecMarks.notIdempotent(yaml, "Sto")).isNull();
    assertThat(SpecMarks.notIdempotent("paths: {/a: {get: {operationId: Stop}}}", "Stop")).isNull();
    assertThat(SpecMarks.notIdempotent(yaml + yaml, "Stop")).isNull();
  }
}
