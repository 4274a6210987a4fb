package dev.providerapi.kube;

import dev.providerapi.Secret;
import dev.providerapi.http.KubeCredentials;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * fabric8's {@link Config} -> the runtime's {@link KubeCredentials}. fabric8 does what it is good at (finding and
 * reading the kubeconfig, the in-cluster service account, exec/OIDC token providers, CA and client-certificate
 * material); the calls themselves go through the runtime ApiClient, so rate limiting, retry and error mapping are
 * the same chain as for every other provider.
 */
public final class KubeconfigCredentials {
  private KubeconfigCredentials() {}

  /**
   * The kubeconfig fabric8 finds: {@code KUBECONFIG}, {@code ~/.kube/config}, else the in-cluster service account.
   *
   * @return the loaded config (fabric8 may have run an exec plugin to load it)
   */
  public static Config autoConfigure() {
    return Config.autoConfigure(null);
  }

  /**
   * A kubeconfig given as text (e.g. the file a provider issues), with its current context.
   *
   * @param kubeconfigYaml the kubeconfig file's contents
   * @return the parsed config
   */
  public static Config fromKubeconfig(String kubeconfigYaml) {
    return Config.fromKubeconfig(kubeconfigYaml);
  }

  /**
   * The server, token and TLS context the runtime's chain calls with.
   *
   * @param config the loaded kubeconfig
   * @return its credentials; the token is read per call, so a refreshed one is picked up
   * @throws IllegalStateException when the CA or client certificate material cannot make a TLS context
   */
  public static KubeCredentials of(Config config) {
    URI server = config.getMasterUrl() == null ? null : URI.create(config.getMasterUrl());
    return new KubeCredentials(server, () -> token(config), sslContext(config));
  }

  /**
   * Whether {@code config} can authenticate at all: a token (or a provider of one), a client certificate, a
   * user name with a password, or an auth provider.
   *
   * @param config the loaded kubeconfig
   * @return true if a call with it can authenticate
   */
  public static boolean authenticates(Config config) {
    return config.getOauthTokenProvider() != null || present(config.getAutoOAuthToken()) || present(config.getOauthToken())
        || present(config.getClientCertData()) || present(config.getClientCertFile())
        || present(config.getUsername()) && present(config.getPassword()) || config.getAuthProvider() != null;
  }

  private static boolean present(@Nullable String s) {
    return s != null && !s.isBlank();
  }

  /** Read per call: an exec or OIDC provider may refresh it. */
  private static @Nullable Secret token(Config config) {
    String token = config.getOauthTokenProvider() != null ? config.getOauthTokenProvider().getToken()
        : config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken();
    return token == null || token.isBlank() ? null : Secret.of(token);
  }

  private static SSLContext sslContext(Config config) {
    try {
      return SSLUtils.sslContext(config);
    } catch (Exception e) {
      // The message names the file or setting that is wrong; it never carries key material.
      throw new IllegalStateException("cannot build the TLS context from the kubeconfig (CA or client certificate): "
          + e.getMessage(), e);
    }
  }
}
