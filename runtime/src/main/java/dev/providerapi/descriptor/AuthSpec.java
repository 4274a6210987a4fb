package dev.providerapi.descriptor;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Declared auth. {@code apiKeyEnv} names the environment variable holding the key; for {@link AuthStyle#QUERY},
 * {@code queryParams} maps each query parameter to the environment variable (secret name) holding its value.
 */
public record AuthSpec(
    AuthStyle style,
    @Nullable String apiKeyEnv,
    @Nullable String headerName,
    @Nullable String valuePrefix,
    Map<String, String> queryParams) {

  public AuthSpec {
    Objects.requireNonNull(style, "style");
    queryParams = Map.copyOf(queryParams);
  }

  public static AuthSpec bearer(String apiKeyEnv) {
    return new AuthSpec(AuthStyle.BEARER, apiKeyEnv, "Authorization", "Bearer ", Map.of());
  }

  public static AuthSpec basic(String apiKeyEnv) {
    return new AuthSpec(AuthStyle.BASIC, apiKeyEnv, "Authorization", "Basic ", Map.of());
  }

  public static AuthSpec header(String headerName, @Nullable String valuePrefix, String apiKeyEnv) {
    return new AuthSpec(AuthStyle.HEADER, apiKeyEnv, headerName, valuePrefix, Map.of());
  }

  public static AuthSpec query(Map<String, String> paramToSecretName) {
    return new AuthSpec(AuthStyle.QUERY, null, null, null, paramToSecretName);
  }

  public static AuthSpec kubeconfig() {
    return new AuthSpec(AuthStyle.KUBECONFIG, null, null, null, Map.of());
  }

  public static AuthSpec none() {
    return new AuthSpec(AuthStyle.NONE, null, null, null, Map.of());
  }
}
