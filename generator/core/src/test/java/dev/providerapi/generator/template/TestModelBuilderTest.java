package dev.providerapi.generator.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.generator.FakeLambda;
import dev.providerapi.generator.manifest.ManifestReader;
import dev.providerapi.generator.manifest.ProviderManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestModelBuilderTest {
  @TempDir Path dir;

  private ProviderManifest manifest(String from, String to) throws IOException {
    Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\n");
    Path yaml = Files.writeString(dir.resolve("provider.yaml"), FakeLambda.PROVIDER_YAML.replace(from, to));
    return new ManifestReader().read(yaml);
  }

  private String render(ProviderManifest m) {
    return new TemplateRenderer(null).render(TemplateRenderer.CLIENT_TEST,
        TestModelBuilder.build(m, FakeLambda.model(), Map.of(), "openapi.yaml"));
  }

  @Test
  void headerAuthIsAssertedWithItsPrefix() throws IOException {
    String test = render(manifest("auth: {style: bearer, apiKeyEnv: LAMBDA_API_KEY}",
        "auth: {style: header, apiKeyEnv: K, header: X-Api-Key, prefix: 'Key '}"));
    assertThat(test).contains(".expectHeader(\"X-Api-Key\", \"Key test-key\");")
        .contains("mock.assertAuth(request);");
  }

  @Test
  void basicAuthIsTheKeyWithAnEmptyPassword() throws IOException {
    String test = render(manifest("auth: {style: bearer, apiKeyEnv: LAMBDA_API_KEY}", "auth: {style: basic, apiKeyEnv: K}"));
    assertThat(test).contains(".expectHeader(\"Authorization\", \"Basic dGVzdC1rZXk6\");");
  }

  @Test
  void queryAuthPassesSecretsAndExpectsThemInEveryQuery() throws IOException {
    String test = render(manifest("auth: {style: bearer, apiKeyEnv: LAMBDA_API_KEY}",
        "auth: {style: query, queryParams: {api_key: TD_KEY, api_token: TD_TOKEN}}"));
    assertThat(test)
        .contains(".secret(\"TD_KEY\", \"test-secret-td-key\")")
        .contains(".secret(\"TD_TOKEN\", \"test-secret-td-token\")")
        .contains("assertQuery(request, \"region=test-region\", \"api_key=test-secret-td-key\", "
            + "\"api_token=test-secret-td-token\");")
        // no header to expect: the extension's assertAuth then requires that no Authorization is sent
        .doesNotContain(".expectHeader(");
  }

  @Test
  void errorBodiesFollowTheDeclaredPointers() throws IOException {
    String test = render(manifest("  code: /error/code\n  message: /error/message\n",
        "  message: /errors/0/message\n  requestIdHeader: X-Request-Id\n"));
    assertThat(test)
        .contains(".body(\"{\\\"errors\\\":[{\\\"message\\\":\\\"test message for HTTP 404\\\"}]}\")")
        .contains("assertThat(e.providerCode()).isEmpty();")
        .contains(".addHeader(\"X-Request-Id\", \"req-404\")")
        .contains("assertThat(e.requestId()).contains(\"req-404\");");
  }

  @Test
  void aRuleForAnotherKindDecidesTheExpectedException() throws IOException {
    // A rule that turns every 404 into CONFLICT: the generated test must expect what the rules say.
    String test = render(manifest("    - {code: global/object-does-not-exist, kind: NOT_FOUND}",
        "    - {status: 404, kind: CONFLICT}"));
    assertThat(test).contains("void http404IsConflictException()")
        .contains("isInstanceOfSatisfying(dev.providerapi.errors.ConflictException.class");
  }

  @Test
  void requiredParametersGetTypedExampleValuesAndAreAsserted() throws IOException {
    String test = render(manifest("x", "x"));
    assertThat(test)
        .contains("java.util.List<dev.providerapi.lambda.model.Instance> result = mock.api().listInstances("
            + "\"test-region\", 7L, null);")
        .contains("assertQuery(request, \"region=test-region\");")
        .contains("assertThat(request.getHeaders().get(\"X-Trace\")).isEqualTo(\"7\");")
        .contains("assertThat(request.getUrl().encodedPath()).isEqualTo(\"/api/v1/instances/test-id/restart\");")
        .contains("void restartInstanceSendsTheRequest()");
  }

  @Test
  void jsonPointerBuilderMakesObjectsAndArrays() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    TestModelBuilder.put(root, "/errors/1/extensions/code", "X");
    TestModelBuilder.put(root, "/a~1b", "slash");
    assertThat(root.toString()).isEqualTo("{\"errors\":[{},{\"extensions\":{\"code\":\"X\"}}],\"a/b\":\"slash\"}");
  }

  @Test
  void skeletonListsEveryBoundOperation() throws IOException {
    String skeleton = new TemplateRenderer(null).render(TemplateRenderer.SKELETON,
        SkeletonModelBuilder.build(manifest("capabilities: [RESTART, SSH_KEYS]", "capabilities: [STOP_START]"),
            FakeLambda.model()));
    assertThat(skeleton)
        .contains("// offers: api().listInstanceTypes() -> GET /api/v1/instance-types")
        .contains("//   sshKeys: api().listSshKeys() -> GET /api/v1/ssh-keys")
        .contains("public Instance stop(String instanceId)")
        .contains("public Instance start(String instanceId)")
        .doesNotContain("restart(String")
        .contains("// No operation is bound to this method under provider.yaml operations.");
    assertThat(List.of(skeleton.split("\n"))).first().asString().startsWith("// Hand-written adapter.");
  }
}
