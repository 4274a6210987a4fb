package dev.providerapi.generator.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.SpecException;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.openapi.OpenApiReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long-form operation bindings: read, checked against the real Lambda spec, and applied to retry safety. */
class BindingsTest {
  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @TempDir Path dir;

  private static final String HEAD = """
      name: acme
      javaPackage: dev.providerapi.acme
      classPrefix: Acme
      spec: {kind: openapi, file: openapi.yaml}
      baseUrl: https://api.acme.test
      responseEnvelope: data
      operations:
      """;

  private ProviderManifest manifest(String operations) throws IOException {
    Files.copy(REPO.resolve("specs/lambda/openapi.yaml"), dir.resolve("openapi.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new ManifestReader().read(Files.writeString(dir.resolve("provider.yaml"), HEAD + operations));
  }

  private ApiModel model() {
    return new OpenApiReader().read(dir.resolve("openapi.yaml"), "data");
  }

  private String checkFails(String operations) throws IOException {
    ProviderManifest m = manifest(operations);
    ApiModel model = model();
    try {
      OperationBindings.check(m, model);
    } catch (SpecException e) {
      return e.getMessage().substring((dir.resolve("provider.yaml") + " at ").length());
    }
    throw new AssertionError("expected a SpecException for " + operations);
  }

  @Test
  void readsLambdasLongFormsAndKeepsTheShortForm() throws IOException {
    ProviderManifest m = new ManifestReader().read(REPO.resolve("specs/lambda/provider.yaml"));
    assertThat(m.bindings().get("offers")).isEqualTo(Binding.shortForm("offers", "listInstanceTypes"));
    assertThat(m.operations()).containsEntry("terminate", "terminateInstance").containsEntry("offers",
        "listInstanceTypes");
    Binding terminate = m.longForm("terminate").orElseThrow();
    assertThat(terminate.id()).isEqualTo(new Binding.IdTarget(null, "/instance_ids"));
    assertThat(terminate.alreadyGone().kinds()).containsExactly(ErrorKind.NOT_FOUND);
    assertThat(terminate.confirmGone().kinds()).containsExactly(ErrorKind.INVALID_REQUEST);
    Binding launch = m.longForm("launch").orElseThrow();
    assertThat(launch.idPointer()).isEqualTo("/instance_ids/0");
    assertThat(launch.clientToken()).isEqualTo(new Binding.ClientToken(Binding.TokenCarrier.TAG,
        "provider-api-client-token", Binding.TokenLookup.LIST, null, null, null, false));
    assertThat(m.longForm("get").orElseThrow().notFound()).isEqualTo(Binding.Errors.NOT_FOUND);
    assertThat(m.longForm("offers")).isEmpty();
  }

  @Test
  void theDefaultIdIsTheOneRequiredPathParameter() throws IOException {
    ProviderManifest m = manifest("  get: {operationId: getInstance}\n");
    OperationBindings.check(m, model());
    assertThat(OperationBindings.idTarget(m.bindings().get("get"), model().operation("getInstance").orElseThrow()))
        .contains(new Binding.IdTarget("id", null));
  }

  @Test
  void bindingsThatDoNotFitTheSpecNameTheKeyAndWhatIsThere() throws IOException {
    assertThat(checkFails("  get: {operationId: getInstance, id: {param: instance_id}}\n")).isEqualTo(
        "operations.get.id.param: 'instance_id' is not a parameter of getInstance; it has parameters id (path)");
    assertThat(checkFails("  list: {operationId: listInstances, items: /data}\n")).startsWith(
        "operations.list.items: '/data' does not resolve in the response of listInstances: '/' is a list, so the"
        + " next segment must be an index");
    assertThat(checkFails("  terminate: {operationId: terminateInstance}\n")).startsWith(
        "operations.terminate: say where the instance id goes: id: {param: <name>} or id: {body: <JSON pointer into"
        + " the request body>}; terminateInstance has no parameters (a request body)");
    assertThat(checkFails("  terminate: {operationId: terminateInstance, id: {body: /instance_idz}}\n")).isEqualTo(
        "operations.terminate.id.body: '/instance_idz' does not resolve in the request body of terminateInstance:"
        + " 'instance_idz' is not a member of InstanceTerminateRequest; members: instance_ids");
    assertThat(checkFails("  launch: {operationId: launchInstance}\n")).startsWith(
        "operations.launch: missing required key 'id': the JSON pointer of the new instance's id");
    assertThat(checkFails("  launch: {operationId: launchInstance, id: /instance_ids}\n")).isEqualTo(
        "operations.launch.id: '/instance_ids' must be a text or whole-number id, found ListOf[element=Primitive"
        + "[kind=STRING]]");
    assertThat(checkFails("  list: {operationId: listInstances, pagination: {style: cursor, cursorParam: after,"
        + " next: /next}}\n")).isEqualTo("operations.list.pagination.cursorParam: 'after' is not a parameter of"
        + " listInstances; it has parameters cluster_id (query)");
  }

  @Test
  void shapesAreCheckedWhenRead() throws IOException {
    assertThatThrownBy(() -> manifest("  get: {operationId: getInstance, notfound: [NOT_FOUND]}\n"))
        .hasMessageEndingWith("operations.get.notfound: unknown key 'notfound'; allowed keys under operations.get:"
            + " operationId, id, args, instance, notFound, absentIsNotFound, idempotent");
    assertThatThrownBy(() -> manifest("  list: {operationId: listInstances, pagination: {style: link}}\n"))
        .hasMessageEndingWith("operations.list.pagination.style: pagination style 'link' (RFC 8288 Link headers) is"
            + " not supported: the generated client returns bodies, not headers; allowed: none, cursor, page, offset");
    assertThatThrownBy(() -> manifest("  get: {operationId: getInstance, notFound: [NOT_FOUNDS]}\n"))
        .hasMessageContaining("operations.get.notFound[0]: unknown error kind 'NOT_FOUNDS'; allowed: ");
    assertThatThrownBy(() -> manifest("  get: {operationId: getInstance, id: {param: id, body: /x}}\n"))
        .hasMessageEndingWith("operations.get.id: say where the instance id goes with exactly one of param:"
            + " <parameter name> or body: <JSON pointer into the request body>");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: tag}}\n"))
        .hasMessageEndingWith("operations.launch.clientToken: a token carried in a tag needs key: the tag name it"
            + " travels under");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name,"
        + " kubernetesName: vs-}}\n"))
        .hasMessageContaining("operations.launch.clientToken.kubernetesName: goes with lookup: get");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name,"
        + " lookup: get, kubernetesName: 9x}}\n"))
        .hasMessageContaining("operations.launch.clientToken.kubernetesName: goes with lookup: get");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name,"
        + " format: '{name} [{token}]', nameSuffix: '-'}}\n"))
        .hasMessageEndingWith("operations.launch.clientToken.nameSuffix: give format or nameSuffix, not both"
            + " (nameSuffix: X is format: '{name}X{token}')");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: tag,"
        + " key: k, format: '{name}-{token}'}}\n"))
        .hasMessageEndingWith("operations.launch.clientToken.format: goes with in: name only (how the instance name"
            + " carries the token)");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name,"
        + " format: '{name}{token}'}}\n"))
        .hasMessageEndingWith("operations.launch.clientToken.format: '{name}{token}' needs text between {name} and"
            + " {token}, or the name and the token cannot be told apart");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name,"
        + " nameSuffix: ''}}\n"))
        .hasMessageEndingWith("operations.launch.clientToken.nameSuffix: '{name}{token}' needs text between {name}"
            + " and {token}, or the name and the token cannot be told apart");
    assertThat(manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name, nameSuffix: '-'}}"
        + "\n").longForm("launch").orElseThrow().clientToken().format()).isEqualTo("{name}-{token}");
    assertThat(manifest("  launch: {operationId: launchInstance, id: /id, clientToken: {in: name}}\n")
        .longForm("launch").orElseThrow().clientToken().format()).isEqualTo("{token}");
    assertThatThrownBy(() -> manifest("  stop: {operationId: getInstance, idempotent: maybe}\n"))
        .hasMessageEndingWith("operations.stop.idempotent: expected true or false, found 'maybe'");
  }

  @Test
  void nameTakenIsReadForALaunchWithAClientTokenAndEmittedAsTheBasesLaunchStep() throws IOException {
    ProviderManifest coreweave = new ManifestReader().read(REPO.resolve("specs/coreweave/provider.yaml"));
    assertThat(coreweave.longForm("launch").orElseThrow().nameTaken())
        .isEqualTo(new Binding.Errors(List.of(), List.of("AlreadyExists")));
    assertThat(coreweave.longForm("launch").orElseThrow().clientToken().kubernetesName()).isEqualTo("vs-");
    ProviderManifest lambda = new ManifestReader().read(REPO.resolve("specs/lambda/provider.yaml"));
    assertThat(lambda.longForm("launch").orElseThrow().nameTaken().isEmpty()).isTrue();

    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /instance_ids/0,"
        + " nameTaken: [AlreadyExists]}\n"))
        .hasMessageEndingWith("operations.launch.nameTaken: needs clientToken: the instance name derives from the"
            + " token, and the token's lookup is what finds the instance of the taken name");
    assertThatThrownBy(() -> manifest("  launch: {operationId: launchInstance, id: /instance_ids/0,"
        + " clientToken: {in: name}, nameTaken: []}\n"))
        .hasMessageEndingWith("operations.launch.nameTaken: is empty; expected the error kinds or provider codes"
            + " (AlreadyExists) that mean the name is taken");

    ProviderManifest m = manifest("  list: {operationId: listInstances, items: /}\n"
        + "  launch: {operationId: launchInstance, id: /instance_ids/0,"
        + " clientToken: {in: tag, key: acme-token}, nameTaken: [CONFLICT, name_in_use]}\n");
    OperationBindings.check(m, model());
    List<com.palantir.javapoet.JavaFile> files = dev.providerapi.generator.emit.JavaEmitters.emit(model(), m);
    String base = files.stream().filter(f -> f.typeSpec().name().equals("AcmeProviderBase")).findFirst()
        .orElseThrow().toString();
    assertThat(base)
        .contains("LAUNCH_NAME_TAKEN = ErrorMatch.of(List.of(ErrorKind.CONFLICT), List.of(\"name_in_use\"));")
        .contains("protected ErrorMatch launchNameTaken() {\n    return LAUNCH_NAME_TAKEN;")
        .contains("protected String clientTokenCarrier() {\n    return \"acme-token tag\";")
        .as("a token found by listing is compared as mapped: no derived form").doesNotContain("launchedWith");
    dev.providerapi.generator.testing.Compiled.compile(files);
  }

  @Test
  void anExplicitIdempotencyOverridesTheMethodDefaultAndOnlyThen() throws IOException {
    ProviderManifest m = manifest("  restart: {operationId: getInstance, idempotent: false}\n"
        + "  terminate: {operationId: terminateInstance, id: {body: /instance_ids}}\n");
    ApiModel before = model();
    ApiModel after = OperationBindings.applyIdempotency(m, before);
    assertThat(before.operation("getInstance").orElseThrow().idempotent()).isTrue();
    assertThat(after.operation("getInstance").orElseThrow().idempotent()).isFalse();
    assertThat(after.operation("terminateInstance").orElseThrow().idempotent())
        .isEqualTo(before.operation("terminateInstance").orElseThrow().idempotent());
    assertThat(after.operations()).hasSameSizeAs(before.operations());
    assertThat(OperationBindings.applyIdempotency(manifest("  get: getInstance\n"), before)).isSameAs(before);
    assertThat(List.of(after.operation("listInstances").orElseThrow().idempotent())).containsExactly(true);
  }
}
