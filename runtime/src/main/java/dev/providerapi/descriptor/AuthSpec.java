package dev.providerapi.descriptor;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Declared auth. {@code apiKeyEnv} names the environment variable holding the key; for {@link AuthStyle#QUERY},
 * {@code queryParams} maps each query parameter to the environment variable (secret name) holding its value.
 *
 * @param style how the credential is sent
 * @param apiKeyEnv the environment variable (secret name) holding the key; null when the style uses no key
 * @param headerName the header that carries the key; null when no header does
 * @param valuePrefix what precedes the key in the header ({@code Bearer }); null for none
 * @param queryParams for QUERY, each query parameter -> the secret name holding its value; else empty (copied)
 */
public record AuthSpec(
    AuthStyle style,
    @Nullable String apiKeyEnv,
    @Nullable String headerName,
    @Nullable String valuePrefix,
    Map<String, String> queryParams) {

  /**
   * Checks the style and copies {@code queryParams}.
   *
   * @param style how the credential is sent
   * @param apiKeyEnv the environment variable (secret name) holding the key; null when the style uses no key
   * @param headerName the header that carries the key; null when no header does
   * @param valuePrefix what precedes the key in the header ({@code Bearer }); null for none
   * @param queryParams for QUERY, each query parameter -> the secret name holding its value; else empty (copied)
   * @throws NullPointerException if {@code style} is null
   */
  public AuthSpec {
    Objects.requireNonNull(style, "style");
    queryParams = Map.copyOf(queryParams);
  }

  /**
   * The key as {@code Authorization: Bearer <key>}.
   *
   * @param apiKeyEnv the environment variable holding the key
   * @return the auth spec
   */
  public static AuthSpec bearer(String apiKeyEnv) {
    return new AuthSpec(AuthStyle.BEARER, apiKeyEnv, "Authorization", "Bearer ", Map.of());
  }

  /**
   * The key as {@code Authorization: Basic <key>}.
   *
   * @param apiKeyEnv the environment variable holding the (already encoded) key
   * @return the auth spec
   */
  public static AuthSpec basic(String apiKeyEnv) {
    return new AuthSpec(AuthStyle.BASIC, apiKeyEnv, "Authorization", "Basic ", Map.of());
  }

  /**
   * The key in a header of its own.
   *
   * @param headerName the header's name
   * @param valuePrefix what precedes the key, or null for none
   * @param apiKeyEnv the environment variable holding the key
   * @return the auth spec
   */
  public static AuthSpec header(String headerName, @Nullable String valuePrefix, String apiKeyEnv) {
    return new AuthSpec(AuthStyle.HEADER, apiKeyEnv, headerName, valuePrefix, Map.of());
  }

  /**
   * Credentials as query parameters.
   *
   * @param paramToSecretName each query parameter -> the secret name holding its value
   * @return the auth spec
   */
  public static AuthSpec query(Map<String, String> paramToSecretName) {
    return new AuthSpec(AuthStyle.QUERY, null, null, null, paramToSecretName);
  }

  /**
   * Credentials from a kubeconfig.
   *
   * @return the auth spec
   */
  public static AuthSpec kubeconfig() {
    return new AuthSpec(AuthStyle.KUBECONFIG, null, null, null, Map.of());
  }

  /**
   * No credentials.
   *
   * @return the auth spec
   */
  public static AuthSpec none() {
    return new AuthSpec(AuthStyle.NONE, null, null, null, Map.of());
  }
}
