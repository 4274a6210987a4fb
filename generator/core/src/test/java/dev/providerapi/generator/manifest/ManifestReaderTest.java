package dev.providerapi.generator.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.Capability;
import dev.providerapi.descriptor.AuthStyle;
import dev.providerapi.descriptor.ErrorRule;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.generator.SpecException;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Region;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  @TempDir Path dir;

  private static final String MINIMAL = """
      name: acme
      javaPackage: dev.providerapi.acme
      classPrefix: Acme
      spec: {kind: openapi, file: openapi.yaml}
      baseUrl: https://api.acme.test
      """;

  private Path write(String yaml) throws IOException {
    Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\n");
    return Files.writeString(dir.resolve("provider.yaml"), yaml);
  }

  private SpecException failure(String yaml) throws IOException {
    Path file = write(yaml);
    try {
      new ManifestReader().read(file);
    } catch (SpecException e) {
      assertThat(e.file()).isEqualTo(file);
      return e;
    }
    throw new AssertionError("expected a SpecException for:\n" + yaml);
  }

  private String prefix() {
    return dir.resolve("provider.yaml") + " at ";
  }

  @Test
  void anUpstreamSha256MustBeSixtyFourHexDigitsAndSnapshotNoneMeansNoCopy() throws IOException {
    String yaml = MINIMAL.replace("spec: {kind: openapi, file: openapi.yaml}",
        "spec: {kind: openapi, file: openapi.yaml, upstream: {source: https://x.test/o.json, sha256: ABC}}");

    assertThat(failure(yaml)).hasMessage(prefix() + "spec.upstream.sha256: expected the 64 lower-case hex digits "
        + "of a SHA-256, found 'ABC'");

    ProviderManifest m = new ManifestReader().read(write(yaml.replace("sha256: ABC", "snapshot: none")));
    assertThat(m.spec().upstreamSnapshot()).isNull();
    assertThat(m.spec().upstreamSource()).isEqualTo("https://x.test/o.json");
  }

  @Test
  void readsTheLambdaManifest() throws IOException {
    Path repo = Path.of("../..").toAbsolutePath().normalize();
    Files.copy(repo.resolve("specs/lambda/provider.yaml"), dir.resolve("provider.yaml"));
    Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\n");
    // provider.yaml records a snapshot of the upstream spec (spec.upstream.snapshot), which must exist.
    Files.createDirectories(dir.resolve("upstream"));
    Files.writeString(dir.resolve("upstream/openapi.json"), "{}\n");

    ProviderManifest m = new ManifestReader().read(dir.resolve("provider.yaml"));

    assertThat(m.name()).isEqualTo("lambda");
    assertThat(m.javaPackage()).isEqualTo("dev.providerapi.lambda");
    assertThat(m.classPrefix()).isEqualTo("Lambda");
    assertThat(m.responseEnvelope()).isEqualTo("data");
    assertThat(m.spec()).isEqualTo(new ProviderManifest.SpecRef("openapi", dir.resolve("openapi.yaml"),
        "https://cloud.lambda.ai/api/v1/openapi.json", "1.8.3",
        "e848f3e22b533929474c8661561ba271b16eeffbc0d4c2697b6b45b2fc4ceb8f", dir.resolve("upstream/openapi.json")));
    assertThat(m.operations()).containsOnly(Map.entry("offers", "listInstanceTypes"),
        Map.entry("list", "listInstances"), Map.entry("get", "getInstance"), Map.entry("launch", "launchInstance"),
        Map.entry("terminate", "terminateInstance"), Map.entry("restart", "restartInstance"));

    var d = m.descriptor();
    assertThat(d.displayName()).isEqualTo("Lambda Cloud");
    assertThat(d.baseUrl()).isEqualTo(URI.create("https://cloud.lambda.ai"));
    assertThat(d.consoleUrl()).isEqualTo(URI.create("https://cloud.lambda.ai/instances"));
    assertThat(d.auth().style()).isEqualTo(AuthStyle.BEARER);
    assertThat(d.auth().apiKeyEnv()).isEqualTo("LAMBDA_API_KEY");
    assertThat(d.auth().headerName()).isEqualTo("Authorization");
    assertThat(d.auth().valuePrefix()).isEqualTo("Bearer ");
    assertThat(d.rateLimits()).containsExactly(new RateLimitWindow(1, Duration.ofSeconds(1), 1));
    assertThat(d.operationRateLimits()).containsOnlyKeys("launchInstance");
    assertThat(d.operationRateLimits().get("launchInstance")).containsExactly(
        new RateLimitWindow(1, Duration.ofSeconds(12), 1), new RateLimitWindow(5, Duration.ofMinutes(1), 1));
    assertThat(d.errorFormat().codePointer()).isEqualTo("/error/code");
    assertThat(d.errorFormat().messagePointer()).isEqualTo("/error/message");
    assertThat(d.errorFormat().rules()).hasSize(13);
    assertThat(d.errorFormat().rules().get(0)).isEqualTo(
        ErrorRule.code("instance-operations/launch/insufficient-capacity", ErrorKind.CAPACITY_UNAVAILABLE));
    assertThat(d.errorFormat().rules().get(11)).isEqualTo(
        new ErrorRule(null, null, "provider/", null, ErrorKind.PROVIDER_UNAVAILABLE, true));
    assertThat(d.statusMapping().map("active")).isEqualTo(InstanceStatus.RUNNING);
    assertThat(d.statusMapping().map("unhealthy")).isEqualTo(InstanceStatus.FAILED);
    assertThat(d.statusMapping().isPreempted("preempted")).isTrue();
    assertThat(d.capabilities()).containsExactlyInAnyOrder(Capability.RESTART, Capability.STARTUP_SCRIPT,
        Capability.SSH_KEYS, Capability.CUSTOM_IMAGE, Capability.ENV_VARS);
    assertThat(d.billingGranularity().increment()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.billingGranularity().minimum()).isEqualTo(Duration.ZERO);
    assertThat(d.offersCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.gpuNamePattern()).isEqualTo("^gpu_(?<count>\\d+)x_(?<name>.+)$");
    assertThat(d.regions()).hasSize(17).startsWith(new Region("us-east-1", "us-east", "Virginia, USA"));
    assertThat(d.specVersion()).isEqualTo("1.8.3");
  }

  @Test
  void minimalManifestGetsDefaults() throws IOException {
    ProviderManifest m = new ManifestReader().read(write(MINIMAL));
    assertThat(m.descriptor().displayName()).isEqualTo("acme");
    assertThat(m.descriptor().auth().style()).isEqualTo(AuthStyle.NONE);
    assertThat(m.responseEnvelope()).isNull();
    assertThat(m.operations()).isEmpty();
  }

  @Test
  void readsHeaderAndQueryAuth() throws IOException {
    var header = new ManifestReader().read(write(MINIMAL
        + "auth: {style: header, apiKeyEnv: ACME_KEY, header: X-Api-Key, prefix: 'Key '}\n")).descriptor().auth();
    assertThat(header.headerName()).isEqualTo("X-Api-Key");
    assertThat(header.valuePrefix()).isEqualTo("Key ");
    assertThat(header.apiKeyEnv()).isEqualTo("ACME_KEY");
    var query = new ManifestReader().read(write(MINIMAL
        + "auth: {style: query, queryParams: {api_key: ACME_KEY, api_token: ACME_TOKEN}}\n")).descriptor().auth();
    assertThat(query.style()).isEqualTo(AuthStyle.QUERY);
    assertThat(query.queryParams()).containsOnly(Map.entry("api_key", "ACME_KEY"), Map.entry("api_token", "ACME_TOKEN"));
  }

  @Test
  void unknownCapability() throws IOException {
    assertThat(failure(MINIMAL + "capabilities: [SPOT, SPOTT]\n")).hasMessage(prefix()
        + "capabilities[1]: unknown capability 'SPOTT'; allowed: SPOT, STOP_START, RESTART, STARTUP_SCRIPT, "
        + "ENV_VARS, CUSTOM_IMAGE, DISK_SIZE, SSH_KEYS, BILLING_VERIFICATION");
  }

  @Test
  void unknownStatusTarget() throws IOException {
    assertThat(failure(MINIMAL + "status: {active: RUNING}\n")).hasMessage(prefix()
        + "status.active: unknown status target 'RUNING'; allowed: PENDING, PROVISIONING, RUNNING, STOPPING, "
        + "STOPPED, TERMINATING, TERMINATED, FAILED, UNKNOWN");
  }

  @Test
  void unknownErrorKind() throws IOException {
    SpecException e = failure(MINIMAL + """
        errors:
          rules:
            - {code: a, kind: NOT_FOUND}
            - {code: b, kind: CONFLICT}
            - {code: c, kind: CONFLICT}
            - {code: d, kind: GONE}
        """);
    assertThat(e.location()).isEqualTo("errors.rules[3].kind");
    assertThat(e).hasMessage(prefix() + "errors.rules[3].kind: unknown error kind 'GONE'; allowed: AUTHENTICATION, "
        + "NOT_FOUND, CAPACITY_UNAVAILABLE, QUOTA_EXCEEDED, RATE_LIMITED, INVALID_REQUEST, CONFLICT, "
        + "PROVIDER_UNAVAILABLE, UNEXPECTED_RESPONSE");
  }

  @Test
  void ruleWithoutConditionAndBadStatus() throws IOException {
    assertThat(failure(MINIMAL + "errors: {rules: [{kind: CONFLICT}]}\n")).hasMessage(prefix()
        + "errors.rules[0]: a rule needs at least one condition; allowed: status, code, codePrefix, messageContains");
    assertThat(failure(MINIMAL + "errors: {rules: [{status: 999, kind: CONFLICT}]}\n")).hasMessage(prefix()
        + "errors.rules[0].status: invalid HTTP status 999; allowed: an integer from 100 to 599");
  }

  @Test
  void badDuration() throws IOException {
    assertThat(failure(MINIMAL + "rateLimits: [{limit: 1, per: 12x}]\n")).hasMessage(prefix()
        + "rateLimits[0].per: bad duration '12x'; allowed forms: 500ms, 12s, 1m, 1h");
    assertThat(failure(MINIMAL + "offersCacheTtl: 30 seconds\n")).hasMessage(prefix()
        + "offersCacheTtl: bad duration '30 seconds'; allowed forms: 500ms, 12s, 1m, 1h");
    assertThat(failure(MINIMAL + "rateLimits: [{limit: 1, per: 0s}]\n")).hasMessage(prefix()
        + "rateLimits[0].per: duration must be more than zero, found '0s'; allowed forms: 500ms, 12s, 1m, 1h");
  }

  @Test
  void rateLimitWindowsAndBurstDefault() throws IOException {
    var d = new ManifestReader().read(write(MINIMAL + "rateLimits: [{limit: 20, per: 1s}, {limit: 1000, per: 1m, burst: 50}]\n"))
        .descriptor();
    assertThat(d.rateLimits()).containsExactly(new RateLimitWindow(20, Duration.ofSeconds(1), 20),
        new RateLimitWindow(1000, Duration.ofMinutes(1), 50));
    assertThat(failure(MINIMAL + "rateLimits: [{limit: 0, per: 1s}]\n")).hasMessage(prefix()
        + "rateLimits[0].limit: expected a positive whole number, found '0'");
  }

  @Test
  void missingRequiredKey() throws IOException {
    SpecException e = failure(MINIMAL.replace("baseUrl: https://api.acme.test\n", ""));
    assertThat(e.location()).isNull();
    assertThat(e).hasMessage(dir.resolve("provider.yaml") + ": missing required key 'baseUrl'");
    assertThat(failure(MINIMAL + "regions: {r1: {description: x}}\n")).hasMessage(prefix()
        + "regions.r1: missing required key 'canonical'");
  }

  @Test
  void unknownTopLevelKey() throws IOException {
    assertThat(failure(MINIMAL + "rateLimit: []\n")).hasMessage(prefix()
        + "rateLimit: unknown key 'rateLimit'; allowed top-level keys: " + String.join(", ", ManifestReader.TOP_LEVEL_KEYS));
  }

  @Test
  void unknownNestedKey() throws IOException {
    assertThat(failure(MINIMAL + "billing: {increment: 1m, minimun: 1m}\n")).hasMessage(prefix()
        + "billing.minimun: unknown key 'minimun'; allowed keys under billing: increment, minimum");
  }

  @Test
  void specFileNotFound() throws IOException {
    SpecException e = failure(MINIMAL.replace("file: openapi.yaml", "file: missing.yaml"));
    assertThat(e).hasMessage(prefix() + "spec.file: spec file 'missing.yaml' not found (looked for "
        + dir.resolve("missing.yaml") + "; the path is resolved against the folder of provider.yaml)");
  }

  @Test
  void unknownSpecKind() throws IOException {
    assertThat(failure(MINIMAL.replace("kind: openapi", "kind: swagger"))).hasMessage(prefix()
        + "spec.kind: unknown spec kind 'swagger'; allowed: crd, graphql, openapi");
  }

  @Test
  void invalidGpuPattern() throws IOException {
    // The index the JDK reports is its own business; the message must name the pattern and the problem.
    assertThat(failure(MINIMAL + "gpuNamePattern: '^gpu_(?<name>.+$'\n")).hasMessageStartingWith(prefix()
        + "gpuNamePattern: invalid regular expression '^gpu_(?<name>.+$': Unclosed group near index ");
    assertThat(failure(MINIMAL + "gpuNamePattern: '^gpu_(.+)$'\n")).hasMessage(prefix()
        + "gpuNamePattern: the pattern '^gpu_(.+)$' has no (?<name>...) group; it must capture the GPU name in "
        + "a group called 'name' (and may capture 'count')");
  }

  @Test
  void invalidJavaNames() throws IOException {
    assertThat(failure(MINIMAL.replace("dev.providerapi.acme", "dev.provider-api.acme"))).hasMessage(prefix()
        + "javaPackage: invalid Java package 'dev.provider-api.acme'; allowed: dot-separated Java identifiers "
        + "that are not keywords, e.g. dev.providerapi.acme");
    assertThat(failure(MINIMAL.replace("dev.providerapi.acme", "dev.class.acme"))).hasMessageContaining(
        "javaPackage: invalid Java package 'dev.class.acme'");
    assertThat(failure(MINIMAL.replace("classPrefix: Acme", "classPrefix: acme"))).hasMessage(prefix()
        + "classPrefix: invalid class prefix 'acme'; allowed: a Java identifier starting with an upper-case "
        + "letter, e.g. Lambda");
    assertThat(failure(MINIMAL.replace("classPrefix: Acme", "classPrefix: 'Ac me'"))).hasMessageContaining(
        "invalid class prefix 'Ac me'");
  }

  @Test
  void authRequirements() throws IOException {
    assertThat(failure(MINIMAL + "auth: {style: bearer}\n")).hasMessage(prefix()
        + "auth: missing required key 'apiKeyEnv' for auth style bearer (the environment variable that holds the "
        + "API key, e.g. LAMBDA_API_KEY)");
    assertThat(failure(MINIMAL + "auth: {style: basic}\n")).hasMessageContaining(
        "auth: missing required key 'apiKeyEnv' for auth style basic");
    assertThat(failure(MINIMAL + "auth: {style: header, apiKeyEnv: K}\n")).hasMessage(prefix()
        + "auth: missing required key 'header' for auth style header (the header that carries the key, e.g. "
        + "X-Api-Key)");
    assertThat(failure(MINIMAL + "auth: {style: query}\n")).hasMessage(prefix()
        + "auth: missing required key 'queryParams' for auth style query; expected a map {query parameter: "
        + "SECRET_ENV}, e.g. {api_key: TENSORDOCK_API_KEY}");
    assertThat(failure(MINIMAL + "auth: {style: oauth}\n")).hasMessage(prefix()
        + "auth.style: unknown auth style 'oauth'; allowed: bearer, header, basic, query, kubeconfig, none");
  }

  @Test
  void badUrlAndPointerAndPreempted() throws IOException {
    assertThat(failure(MINIMAL.replace("https://api.acme.test", "api.acme.test"))).hasMessage(prefix()
        + "baseUrl: invalid URL 'api.acme.test'; allowed: an absolute http or https URL, e.g. https://api.example.com");
    assertThat(failure(MINIMAL + "errors: {code: error.code}\n")).hasMessage(prefix()
        + "errors.code: invalid JSON pointer 'error.code'; it must start with '/', e.g. /error/code");
    assertThat(failure(MINIMAL + "status: {active: RUNNING}\npreempted: [reclaimed]\n")).hasMessage(prefix()
        + "preempted[0]: preempted status 'reclaimed' is not mapped under status; mapped values: active");
  }

  @Test
  void wrongShapesAndYamlErrors() throws IOException {
    assertThat(failure(MINIMAL + "capabilities: SPOT\n")).hasMessage(prefix()
        + "capabilities: expected a list, found 'SPOT'");
    assertThat(failure(MINIMAL + "operations: [listInstances]\n")).hasMessage(prefix()
        + "operations: expected a map, found a list");
    assertThat(failure(MINIMAL + "name: twice\n").getMessage()).contains("line 6").contains("Duplicate field 'name'");
  }

  @Test
  void operationBindingsMustExistInTheSpec() throws IOException {
    ProviderManifest m = new ManifestReader().read(write(MINIMAL
        + "operations: {offers: listInstanceTypez}\noperationRateLimits: {launch: [{limit: 1, per: 1s}]}\n"));
    var model = new dev.providerapi.generator.model.ApiModel("t", "1", null, List.of(), List.of(), List.of(
        op("listInstanceTypes"), op("launchInstance")), "openapi.yaml");
    assertThatThrownBy(() -> OperationBindings.check(m, model)).isInstanceOf(SpecException.class).hasMessage(prefix()
        + "operations.offers: operation id 'listInstanceTypez' is not in the spec openapi.yaml; available operation "
        + "ids: launchInstance, listInstanceTypes");
    ProviderManifest m2 = new ManifestReader().read(write(MINIMAL
        + "operations: {offers: listInstanceTypes}\noperationRateLimits: {launch: [{limit: 1, per: 1s}]}\n"));
    assertThatThrownBy(() -> OperationBindings.check(m2, model)).hasMessage(prefix()
        + "operationRateLimits.launch: operation id 'launch' is not in the spec openapi.yaml; available operation "
        + "ids: launchInstance, listInstanceTypes");
    ProviderManifest ok = new ManifestReader().read(write(MINIMAL
        + "operations: {offers: listInstanceTypes}\noperationRateLimits: {launchInstance: [{limit: 1, per: 1s}]}\n"));
    OperationBindings.check(ok, model);
    assertThat(ok.operations()).containsEntry("offers", "listInstanceTypes");
  }

  @Test
  void readsAnOfferCatalog() throws IOException {
    Path file = write(MINIMAL + """
        offerCatalog:
          asOf: 2023-12-31
          source: list prices
          note: GPU only
          offers:
            - {gpu: A40, counts: [1, 8], regions: [ORD1, LAS1], perGpuHour: 1.28}
        """);
    var catalog = new ManifestReader().read(file).descriptor().offerCatalog();
    assertThat(catalog.asOf()).isEqualTo(java.time.LocalDate.of(2023, 12, 31));
    assertThat(catalog.source()).isEqualTo("list prices");
    assertThat(catalog.note()).isEqualTo("GPU only");
    assertThat(catalog.entries()).containsExactly(new dev.providerapi.descriptor.OfferCatalog.Entry("A40",
        List.of(1, 8), List.of("ORD1", "LAS1"), new java.math.BigDecimal("1.28")));
  }

  @Test
  void badOfferCatalogsNameTheKey() throws IOException {
    String ok = "offerCatalog:\n  asOf: 2023-12-31\n  offers:\n    - {gpu: A40, counts: [1], regions: [ORD1], perGpuHour: 1.28}\n";
    assertThat(failure(MINIMAL + ok.replace("2023-12-31", "last year"))).hasMessage(prefix()
        + "offerCatalog.asOf: bad date 'last year'; allowed form: 2023-06-30 (the day the prices were taken)");
    assertThat(failure(MINIMAL + ok.replace("perGpuHour: 1.28", "perGpuHour: -1"))).hasMessage(prefix()
        + "offerCatalog.offers[0].perGpuHour: expected a positive price per GPU-hour such as 2.21, found '-1'");
    assertThat(failure(MINIMAL + ok.replace("counts: [1]", "counts: [0]"))).hasMessageStartingWith(prefix()
        + "offerCatalog.offers[0].counts[0]: expected a positive whole number");
    assertThat(failure(MINIMAL + ok.replace("gpu: A40", "gpu: A40, price: 1"))).hasMessageStartingWith(prefix()
        + "offerCatalog.offers[0].price: unknown key 'price'");
    assertThat(failure(MINIMAL + ok.replace("    - {gpu: A40, counts: [1], regions: [ORD1], perGpuHour: 1.28}\n", "    []\n")
        .replace("offers:\n    []", "offers: []"))).hasMessage(prefix()
        + "offerCatalog.offers: is empty; declare at least one offer or leave offerCatalog out");
  }

  private static dev.providerapi.generator.model.OperationDef op(String id) {
    return new dev.providerapi.generator.model.OperationDef(id, id, null, null,
        new dev.providerapi.generator.model.OperationDef.Http("GET", "/" + id), List.of(), null, null, null, 200,
        true, false, List.of());
  }
}
