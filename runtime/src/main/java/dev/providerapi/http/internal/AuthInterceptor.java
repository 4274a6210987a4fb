package dev.providerapi.http.internal;

import dev.providerapi.ProviderConfig;
import dev.providerapi.Secret;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.errors.AuthenticationException;
import dev.providerapi.errors.ErrorDetails;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Adds the declared credentials. Reads them per call, so a provider built without a key fails on its first
 * call (with the environment variable to set), not at construction.
 */
public final class AuthInterceptor implements Interceptor {
  private final String provider;
  private final AuthSpec auth;
  private final ProviderConfig config;
  private final @Nullable Supplier<@Nullable Secret> kubeToken;

  public AuthInterceptor(String provider, AuthSpec auth, ProviderConfig config) {
    this(provider, auth, config, null);
  }

  /** @param kubeToken for auth style kubeconfig: the kubeconfig's token (null inside: certificate auth) */
  public AuthInterceptor(String provider, AuthSpec auth, ProviderConfig config,
      @Nullable Supplier<@Nullable Secret> kubeToken) {
    this.provider = provider;
    this.auth = auth;
    this.config = config;
    this.kubeToken = kubeToken;
  }

  @Override
  public HttpResult intercept(Chain chain) throws IOException {
    return chain.proceed(authenticate(chain.call()));
  }

  HttpCall authenticate(HttpCall call) {
    return switch (auth.style()) {
      case NONE -> call;
      case BEARER -> call.withHeader(headerName(), prefix("Bearer ") + key(call).reveal());
      case HEADER -> call.withHeader(headerName(), prefix("") + key(call).reveal());
      case BASIC -> call.withHeader(headerName(), "Basic " + Base64.getEncoder()
          .encodeToString((key(call).reveal() + ":").getBytes(StandardCharsets.UTF_8)));
      case QUERY -> withQueryCredentials(call);
      case KUBECONFIG -> kubeconfig(call);
    };
  }

  /**
   * The kubeconfig's token when it has one; none when it authenticates by client certificate (the TLS context
   * carries it); without a kubeconfig, a token given as the API key.
   */
  private HttpCall kubeconfig(HttpCall call) {
    if (kubeToken != null) {
      Secret token = kubeToken.get();
      return token == null || token.isBlank() ? call : call.withHeader("Authorization", "Bearer " + token.reveal());
    }
    Secret token = config.apiKey(auth.apiKeyEnv()).filter(s -> !s.isBlank())
        .orElseThrow(() -> missing(call, "give a kubeconfig (KUBECONFIG, ~/.kube/config or the in-cluster service "
            + "account) or a bearer token as ProviderConfig.apiKey"));
    return call.withHeader("Authorization", "Bearer " + token.reveal());
  }

  private String headerName() {
    return auth.headerName() != null ? auth.headerName() : "Authorization";
  }

  private String prefix(String dflt) {
    return auth.valuePrefix() != null ? auth.valuePrefix() : dflt;
  }

  private Secret key(HttpCall call) {
    return config.apiKey(auth.apiKeyEnv())
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> missing(call, howToSetKey(auth)));
  }

  private static String howToSetKey(AuthSpec auth) {
    return auth.apiKeyEnv() == null ? "set ProviderConfig.apiKey" : "set " + auth.apiKeyEnv() + " or ProviderConfig.apiKey";
  }

  private static String howToSetQuerySecret(String param, String secret) {
    return "set " + secret + " or ProviderConfig.secret(\"" + secret + "\", ...) for query parameter " + param;
  }

  /**
   * What is missing for {@code auth} in {@code config}, as what to set (empty when every credential it needs is
   * there). Kubeconfig auth is the adapter's to check: its credentials come from outside the config.
   */
  public static java.util.Optional<String> missingCredentials(AuthSpec auth, ProviderConfig config) {
    return switch (auth.style()) {
      case NONE, KUBECONFIG -> java.util.Optional.empty();
      case BEARER, HEADER, BASIC -> config.apiKey(auth.apiKeyEnv()).filter(s -> !s.isBlank()).isPresent()
          ? java.util.Optional.empty() : java.util.Optional.of(howToSetKey(auth));
      case QUERY -> new TreeMap<>(auth.queryParams()).entrySet().stream()
          .filter(p -> config.secret(p.getValue()).filter(s -> !s.isBlank()).isEmpty())
          .map(p -> howToSetQuerySecret(p.getKey(), p.getValue())).findFirst();
    };
  }

  private HttpCall withQueryCredentials(HttpCall call) {
    StringBuilder extra = new StringBuilder();
    // Sorted so the URL is the same on every call (and in every test).
    for (Map.Entry<String, String> p : new TreeMap<>(auth.queryParams()).entrySet()) {
      Secret value = config.secret(p.getValue()).filter(s -> !s.isBlank())
          .orElseThrow(() -> missing(call, howToSetQuerySecret(p.getKey(), p.getValue())));
      extra.append(extra.length() == 0 ? "" : "&")
          .append(UrlBuilder.encodeQuery(p.getKey())).append('=').append(UrlBuilder.encodeQuery(value.reveal()));
    }
    if (extra.length() == 0) {
      return call;
    }
    String uri = call.uri().toString();
    int hash = uri.indexOf('#');
    String fragment = hash >= 0 ? uri.substring(hash) : "";
    String base = hash >= 0 ? uri.substring(0, hash) : uri;
    return call.withUri(URI.create(base + (base.contains("?") ? "&" : "?") + extra + fragment));
  }

  private AuthenticationException missing(HttpCall call, String howToFix) {
    return new AuthenticationException(new ErrorDetails(provider, call.operation().id(), 0, null,
        "no credentials: " + howToFix, null, false, null), null);
  }
}
