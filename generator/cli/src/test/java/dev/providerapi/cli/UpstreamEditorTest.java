package dev.providerapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** provider.yaml keeps every byte but the upstream values that change. */
class UpstreamEditorTest {
  private static final String SHA = "e848f3e22b533929474c8661561ba271b16eeffbc0d4c2697b6b45b2fc4ceb8f";

  @Test
  void aBlockUpstreamHasOnlyItsChangedValuesRewrittenInPlace() {
    String yaml = """
        name: lambda   # ours
        spec:
          kind: openapi
          file: openapi.yaml
          upstream:
            source: 'https://cloud.lambda.ai/api/v1/openapi.json'   # quoted on purpose
            version: 1.8.3
            sha256: %s
            snapshot: upstream/openapi.json

        baseUrl: "https://cloud.lambda.ai"
        """.formatted(SHA);

    String out = UpstreamEditor.record(yaml, new UpstreamEditor.Upstream("https://cloud.lambda.ai/api/v1/openapi.json",
        "1.8.4", "0".repeat(64), "upstream/openapi.json"));

    assertThat(out).isEqualTo(yaml.replace("version: 1.8.3", "version: 1.8.4").replace(SHA, "\"" + "0".repeat(64) + "\""));
  }

  @Test
  void missingEntriesAreAddedAfterTheLastOneKeepingComments() {
    String yaml = """
        spec:
          kind: openapi
          file: openapi.yaml        # ours
          upstream:
            source: https://x.example/openapi.json
            version: "1"            # as published
        baseUrl: https://x.example
        """;

    String out = UpstreamEditor.record(yaml, new UpstreamEditor.Upstream("https://x.example/openapi.json", "1", SHA,
        "upstream/openapi.json"));

    assertThat(out).isEqualTo("""
        spec:
          kind: openapi
          file: openapi.yaml        # ours
          upstream:
            source: https://x.example/openapi.json
            version: "1"            # as published
            sha256: %s
            snapshot: upstream/openapi.json
        baseUrl: https://x.example
        """.formatted(SHA));
  }

  @Test
  void aSpecWithoutUpstreamGetsOneFlowLine() {
    String yaml = "spec:\n  kind: crd\n  file: x.crd.yaml\n# next\nbaseUrl: https://k8s.example\n";

    String out = UpstreamEditor.record(yaml, new UpstreamEditor.Upstream("https://example.com/x.yaml", "v1", SHA,
        "upstream/x.yaml"));

    assertThat(out).isEqualTo("spec:\n  kind: crd\n  file: x.crd.yaml\n  upstream: {source: https://example.com/x.yaml, "
        + "version: v1, sha256: " + SHA + ", snapshot: upstream/x.yaml}\n# next\nbaseUrl: https://k8s.example\n");
  }

  @Test
  void scalarsArePlainOnlyWhenYamlReadsThemBackAsTheSameString() {
    assertThat(UpstreamEditor.scalar("1.8.4")).isEqualTo("1.8.4");
    assertThat(UpstreamEditor.scalar("1.0")).isEqualTo("\"1.0\"");
    assertThat(UpstreamEditor.scalar("2")).isEqualTo("\"2\"");
    assertThat(UpstreamEditor.scalar("true")).isEqualTo("\"true\"");
    assertThat(UpstreamEditor.scalar("a copy: of 2024")).isEqualTo("\"a copy: of 2024\"");
  }
}
