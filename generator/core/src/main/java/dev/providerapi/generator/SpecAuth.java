package dev.providerapi.generator;

import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.model.AuthDef;
import java.util.Locale;
import java.util.Map;

/**
 * Auth for a spec generated without a provider.yaml: the scheme the reader put into {@link ApiModel#auth()} while
 * parsing the spec, with the key read from {@code <NAME>_API_KEY}. It reads no file: the spec is parsed once.
 */
public final class SpecAuth {
  private SpecAuth() {}

  /**
   * {@code auth} with its key in {@link #apiKeyEnv}{@code (providerName)}.
   *
   * @param auth the auth the spec's reader found
   * @param providerName the provider's name
   * @return the auth as a provider.yaml would state it
   */
  public static AuthSpec of(AuthDef auth, String providerName) {
    String env = apiKeyEnv(providerName);
    return switch (auth.style()) {
      case BEARER -> AuthSpec.bearer(env);
      case BASIC -> AuthSpec.basic(env);
      case HEADER -> AuthSpec.header(auth.name(), null, env);
      case QUERY -> AuthSpec.query(Map.of(auth.name(), env));
      case KUBECONFIG -> AuthSpec.kubeconfig();
      case NONE -> AuthSpec.none();
    };
  }

  /**
   * {@code lambda-official} -> {@code LAMBDA_OFFICIAL_API_KEY}.
   *
   * @param providerName the provider's name
   * @return the environment variable its API key is read from
   */
  public static String apiKeyEnv(String providerName) {
    return providerName.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
  }
}
