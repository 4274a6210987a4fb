package dev.providerapi.generator.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.providerapi.generator.model.AuthDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The auth of an OpenAPI document, from the tree {@link SpecDocument} parses: its OpenAPI 3
 * {@code components.securitySchemes} (Swagger 2.0: {@code securityDefinitions}, type {@code basic} or
 * {@code apiKey} with {@code in}/{@code name}); the schemes named by the top-level {@code security} requirement
 * first, else bearer, then an API-key header, then basic, then an API-key query parameter. Schemes this generator
 * cannot send (OAuth 2, OpenID Connect, a cookie) are passed over.
 */
final class SecuritySchemes {
  private SecuritySchemes() {}

  static AuthDef of(@Nullable JsonNode root) {
    JsonNode schemes = root == null ? null : root.has("securityDefinitions") ? root.path("securityDefinitions")
        : root.path("components").path("securitySchemes");
    if (schemes == null || !schemes.isObject() || schemes.isEmpty()) {
      return AuthDef.none();
    }
    List<String> preferred = new ArrayList<>();
    for (JsonNode requirement : root.path("security")) {
      requirement.fieldNames().forEachRemaining(preferred::add);
    }
    for (String name : preferred) {
      AuthDef auth = scheme(schemes.path(name));
      if (auth != null) {
        return auth;
      }
    }
    for (String kind : List.of("bearer", "header", "basic", "query")) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) schemes::fields) {
        AuthDef auth = scheme(e.getValue());
        if (auth != null && kind(e.getValue()).equals(kind)) {
          return auth;
        }
      }
    }
    return AuthDef.none();
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

  private static @Nullable AuthDef scheme(JsonNode scheme) {
    String name = scheme.path("name").asText();
    return switch (kind(scheme)) {
      case "bearer" -> AuthDef.bearer();
      case "basic" -> AuthDef.basic();
      case "header" -> name.isEmpty() ? null : AuthDef.header(name);
      case "query" -> name.isEmpty() ? null : AuthDef.query(name);
      default -> null;
    };
  }
}
