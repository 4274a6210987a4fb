package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.providerapi.Capability;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.Generator;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code new --crd}: scaffolds from a Kubernetes CRD with the real CRD reader and generator. */
class CrdNewCommandTest {
  @TempDir Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static final String GPU_BOX = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: gpuboxes.compute.acme.test
      spec:
        group: compute.acme.test
        names: {kind: GpuBox, listKind: GpuBoxList, plural: gpuboxes, singular: gpubox}
        scope: Namespaced
        versions:
        - name: v1beta1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  required: [gpuClass]
                  properties:
                    gpuClass: {type: string}
                    gpuCount: {type: integer}
                status:
                  type: object
                  properties:
                    conditions:
                      type: array
                      items:
                        type: object
                        properties:
                          type: {type: string}
                          status: {type: string}
                          reason: {type: string}
      """;

  private static final String ACTIONS = """
        annotations:
          provider-api.dev/actions: |
            - {id: stopGpuBox, method: PUT, path: '/apis/compute.acme.test/v1beta1/namespaces/{namespace}/gpuboxes/{name}/stop'}
            - {id: startGpuBox, method: PUT, path: '/apis/compute.acme.test/v1beta1/namespaces/{namespace}/gpuboxes/{name}/start'}
      """;

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(repo.resolve("specs"));
    Files.writeString(repo.resolve("pom.xml"), """
        <project>
          <modules>
            <module>runtime</module>
            <module>providers/lambda</module>
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

  private Path file(String name, String text) throws IOException {
    return Files.writeString(repo.resolve(name), text);
  }

  @Test
  void scaffoldsACrdProviderThatTheGeneratorAccepts() throws IOException {
    Path crd = file("gpubox.crd.yaml", GPU_BOX);

    int code = run("new", "acme", "--crd", crd.toString(), "--source", "https://acme.test/crds/gpubox.yaml");

    assertThat(code).as(err.toString()).isZero();
    Path specs = repo.resolve("specs/acme");
    assertThat(Files.readString(specs.resolve("gpubox.crd.yaml"))).isEqualTo(GPU_BOX);
    ProviderManifest m = new ManifestReader().read(specs.resolve("provider.yaml"));
    assertThat(m.spec().kind()).isEqualTo("crd");
    assertThat(m.spec().file().getFileName().toString()).isEqualTo("gpubox.crd.yaml");
    assertThat(m.spec().upstreamSource()).isEqualTo("https://acme.test/crds/gpubox.yaml");
    assertThat(m.spec().upstreamVersion()).isEqualTo("v1beta1");
    assertThat(m.operations()).containsOnly(Map.entry("list", "listGpuboxes"), Map.entry("get", "getGpuBox"),
        Map.entry("launch", "createGpuBox"), Map.entry("terminate", "deleteGpuBox"));
    assertThat(m.descriptor().auth().style()).isEqualTo(AuthStyle.KUBECONFIG);
    assertThat(m.descriptor().baseUrl().toString()).isEqualTo("https://kubernetes.invalid");
    assertThat(m.descriptor().capabilities()).isEmpty();
    assertThat(m.descriptor().errorFormat().codePointer()).isEqualTo("/reason");
    assertThat(m.descriptor().errorFormat().rules()).extracting(ErrorRule::code, ErrorRule::kind)
        .startsWith(tuple("AlreadyExists", ErrorKind.CONFLICT));
    String yaml = Files.readString(specs.resolve("provider.yaml"));
    assertThat(yaml)
        .contains("  code: /reason\n  message: /message\n")
        .contains("    - {code: NotFound, kind: NOT_FOUND}\n")
        .contains("    - {code: Invalid, kind: INVALID_REQUEST}\n")
        .contains("    - {code: Forbidden, messageContains: exceeded quota, kind: QUOTA_EXCEEDED}\n"
            + "    - {code: Forbidden, kind: AUTHENTICATION}\n")
        .contains("  launch: createGpuBox  # POST /apis/compute.acme.test/v1beta1/namespaces/{namespace}/gpuboxes\n")
        .contains("  terminate: deleteGpuBox  # DELETE /apis/compute.acme.test/v1beta1/namespaces/{namespace}/gpuboxes/{name}\n")
        .contains("#   - TODO baseUrl: a placeholder; the kubeconfig's server")
        .contains("#   - TODO status: conditions are provider-specific")
        .contains("#   - TODO operations.stop/start: if the provider can stop and start")
        .contains("#   - TODO namespace: every call takes one")
        .doesNotContain("  stop:");

    Path module = repo.resolve("providers/acme");
    assertThat(Files.readString(module.resolve("pom.xml")))
        .contains("<artifactId>provider-api-acme</artifactId>")
        .contains("<artifactId>provider-api-kube</artifactId>");
    assertThat(Files.readString(module.resolve("src/generated/java/dev/providerapi/acme/api/AcmeApiClient.java")))
        .contains("createGpuBox(").contains("listGpuboxes(").contains("getGpuBox(").contains("deleteGpuBox(");
    assertThat(module.resolve("src/generated/java/dev/providerapi/acme/AcmeProviderBase.java")).exists();
    assertThat(module.resolve("src/main/java/dev/providerapi/acme/AcmeProvider.java")).exists();
    assertThat(Files.readString(module.resolve("src/test/java/dev/providerapi/acme/AcmeProviderTest.java")))
        .contains("Providers.find(\"acme\")");
    assertThat(Files.readString(repo.resolve("pom.xml"))).contains("<module>providers/acme</module>");
    assertThat(out.toString()).contains("wrote specs/acme/provider.yaml, specs/acme/gpubox.crd.yaml, providers/acme")
        .contains("inferred: 4 operation binding(s) (list, get, launch, terminate), auth kubeconfig\n");
    assertThat(run("--check", "acme")).as(out + "" + err).isZero();
  }

  @Test
  void annotatedStartAndStopActionsAreBoundWithStopStart() throws IOException {
    Path crd = file("gpubox.yaml", GPU_BOX.replace("  name: gpuboxes.compute.acme.test\n",
        "  name: gpuboxes.compute.acme.test\n" + ACTIONS));

    int code = run("new", "acme", "--crd", crd.toString(), "--base-url", "https://k8s.acme.test");

    assertThat(code).as(err.toString()).isZero();
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/acme/provider.yaml"));
    assertThat(m.operations()).containsEntry("stop", "stopGpuBox").containsEntry("start", "startGpuBox")
        .hasSize(6);
    assertThat(m.descriptor().capabilities()).containsExactly(Capability.STOP_START);
    assertThat(m.descriptor().baseUrl().toString()).isEqualTo("https://k8s.acme.test");
    String yaml = Files.readString(repo.resolve("specs/acme/provider.yaml"));
    assertThat(yaml).contains("  stop: stopGpuBox  # PUT /apis/compute.acme.test/v1beta1/namespaces/{namespace}"
        + "/gpuboxes/{name}/stop\n").doesNotContain("TODO baseUrl").doesNotContain("TODO operations.stop/start");
    assertThat(Files.readString(repo.resolve(
        "providers/acme/src/test/java/dev/providerapi/acme/AcmeProviderTest.java")))
        .contains("Set.of(dev.providerapi.Capability.STOP_START)");
    assertThat(run("--check", "acme")).isZero();
  }

  @Test
  void scaffoldsFromCoreweavesRealCrd() throws IOException {
    // The working folder is the module: the real CRD, with its KubeVirt start/stop actions.
    Path crd = Path.of("../../specs/coreweave/virtualserver.crd.yaml").toAbsolutePath().normalize();

    int code = run("new", "cw", "--crd", crd.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(repo.resolve("specs/cw/virtualserver.crd.yaml")).hasSameBinaryContentAs(crd);
    ProviderManifest m = new ManifestReader().read(repo.resolve("specs/cw/provider.yaml"));
    // The same bindings CoreWeave's hand-written provider.yaml has.
    ProviderManifest coreweave = new ManifestReader().read(crd.resolveSibling("provider.yaml"));
    assertThat(m.operations()).isEqualTo(coreweave.operations());
    assertThat(m.descriptor().capabilities()).containsExactly(Capability.STOP_START);
    assertThat(m.descriptor().errorFormat()).isEqualTo(coreweave.descriptor().errorFormat());
    assertThat(repo.resolve("providers/cw/src/generated/java/dev/providerapi/cw/api/CwApiClient.java")).exists();
    assertThat(run("--check", "cw")).isZero();
  }

  @Test
  void aCrdTheReaderRejectsIsBadInputWithItsLocationAndNothingIsWritten() throws IOException {
    Path crd = file("broken.yaml", GPU_BOX.replace("kind: GpuBox, ", ""));

    int code = run("new", "acme", "--crd", crd.toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains(crd + " at /spec/names/kind: missing: a CRD must declare it");
    assertThat(repo.resolve("specs/acme")).doesNotExist();
    assertThat(repo.resolve("providers/acme")).doesNotExist();
    assertThat(Files.readString(repo.resolve("pom.xml"))).doesNotContain("providers/acme");
  }

  @Test
  void aFileThatIsNoCrdIsBadInput() throws IOException {
    int code = run("new", "acme", "--crd", file("crd.yaml", "kind: CustomResourceDefinition\n").toString());

    assertThat(code).isEqualTo(Main.BAD_INPUT);
    assertThat(err.toString()).contains("crd.yaml at apiVersion: unsupported CRD apiVersion ''");
    assertThat(repo.resolve("specs/acme")).doesNotExist();
  }
}
