package dev.providerapi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.AuthSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecAuthTest {
  @TempDir Path dir;

  private AuthSpec infer(String file, String text) throws IOException {
    return SpecAuth.infer(Files.writeString(dir.resolve(file), text), "lambda-official");
  }

  @Test
  void lambdaOfficialSpecPrefersBearerOverBasic() throws IOException {
    assertThat(infer("spec.json", """
        {"components": {"securitySchemes": {
          "basicAuth": {"type": "http", "scheme": "basic"},
          "bearerAuth": {"type": "http", "scheme": "bearer"}}}}
        """)).isEqualTo(AuthSpec.bearer("LAMBDA_OFFICIAL_API_KEY"));
  }

  @Test
  void topLevelSecurityRequirementWins() throws IOException {
    assertThat(infer("spec.yaml", """
        security: [{basicAuth: []}]
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
            bearerAuth: {type: http, scheme: bearer}
        """)).isEqualTo(AuthSpec.basic("LAMBDA_OFFICIAL_API_KEY"));
  }

  @Test
  void apiKeysInHeaderOrQuery() throws IOException {
    assertThat(infer("h.yaml", "components: {securitySchemes: {k: {type: apiKey, in: header, name: X-Api-Key}}}\n"))
        .isEqualTo(AuthSpec.header("X-Api-Key", null, "LAMBDA_OFFICIAL_API_KEY"));
    assertThat(infer("q.yaml", "components: {securitySchemes: {k: {type: apiKey, in: query, name: api_key}}}\n"))
        .isEqualTo(AuthSpec.query(Map.of("api_key", "LAMBDA_OFFICIAL_API_KEY")));
  }

  @Test
  void noSchemesMeansNoAuth() throws IOException {
    assertThat(infer("none.yaml", "openapi: 3.0.3\n")).isEqualTo(AuthSpec.none());
    assertThat(infer("oauth.yaml", "components: {securitySchemes: {o: {type: oauth2}}}\n")).isEqualTo(AuthSpec.none());
  }
}
