package dev.providerapi.generator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.descriptor.AuthSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Auth for a spec generated without a provider.yaml, taken from its OpenAPI {@code securitySchemes}: the
 * schemes named by the top-level {@code security} requirement first, else bearer, then an API-key header, then
 * basic, then an API-key query parameter. The key is read from {@code <NAME>_API_KEY}. The IR carries no auth,
 * so this reads the document's tree directly.
 */
public final class SpecAuth {
  private SpecAuth() {}

  public static AuthSpec infer(Path spec, String providerName) {
    JsonNode root;
    try {
      root = dev.providerapi.generator.inputs.SpecTrees.read(spec);
    } catch (SpecException e) {
      // The spec reader has already accepted the file; a document we cannot read here just gets no auth.
      return AuthSpec.none();
    }
    // OpenAPI 3 components.securitySchemes; Swagger 2.0 securityDefinitions (type basic, or apiKey with in/name).
    JsonNode schemes = root == null ? null : root.has("securityDefinitions") ? root.path("securityDefinitions")
        : root.path("components").path("securitySchemes");
    if (schemes == null || !schemes.isObject() || schemes.isEmpty()) {
      return AuthSpec.none();
    }
    String env = providerName.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
    List<String> preferred = new ArrayList<>();
    for (JsonNode requirement : root.path("security")) {
      requirement.fieldNames().forEachRemaining(preferred::add);
    }
    for (String name : preferred) {
      AuthSpec auth = of(schemes.path(name), env);
      if (auth != null) {
        return auth;
      }
    }
    for (String kind : List.of("bearer", "header", "basic", "query")) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schemes::fields) {
        AuthSpec auth = of(e.getValue(), env);
        if (auth != null && kind(e.getValue()).equals(kind)) {
          return auth;
        }
      }
    }
    return AuthSpec.none();
  }

  private static String kind(JsonNode scheme) {
    String type = scheme.path("type").asText();
    if (type.equals("basic")) {
      return "basic";
    }
    if (type.equals("http")) {
      return scheme.path("scheme").asText().toLowerCase(Locale.ROOT);
    }
    return type.equals("apiKey") ? scheme.path("in").asText() : type;
  }

  private static AuthSpec of(JsonNode scheme, String env) {
    String name = scheme.path("name").asText();
    return switch (kind(scheme)) {
      case "bearer" -> AuthSpec.bearer(env);
      case "basic" -> AuthSpec.basic(env);
      case "header" -> name.isEmpty() ? null : AuthSpec.header(name, null, env);
      case "query" -> name.isEmpty() ? null : AuthSpec.query(Map.of(name, env));
      default -> null;
    };
  }
}
