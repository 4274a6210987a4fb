package dev.providerapi.kube;

import dev.providerapi.ProviderConfig;
import dev.providerapi.Secret;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.MissingCredentialsException;
import dev.providerapi.http.ApiClient;
import io.fabric8.kubernetes.client.Config;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The kubeconfig of a provider whose auth style is {@code kubeconfig} (its API is a Kubernetes CRD): where it comes
 * from, loaded once on first use (fabric8 parses files and may run an exec plugin to load it), and what an adapter
 * needs from it: whether it authenticates, the client that calls with its server, token and TLS context, and the
 * tenant namespace. Thread-safe; an adapter and the copies {@code configure} makes share one.
 *
 * <p>A bearer token and a base URL given in the {@link ProviderConfig} (a service-account token passed directly,
 * or a test) take precedence: then the kubeconfig is never read.
 */
public final class Kubeconfig {
  private static final Kubeconfig NONE = new Kubeconfig(null);

  private final @Nullable Supplier<Config> source;
  private volatile @Nullable Config loaded;

  private Kubeconfig(@Nullable Supplier<Config> source) {
    this.source = source;
  }

  /**
   * The kubeconfig fabric8 finds: {@code KUBECONFIG}, {@code ~/.kube/config}, else the in-cluster service account.
   *
   * @return a kubeconfig read on first use
   */
  public static Kubeconfig discover() {
    return new Kubeconfig(KubeconfigCredentials::autoConfigure);
  }

  /**
   * A kubeconfig given as text (e.g. the file the provider issues), with its current context.
   *
   * @param kubeconfigYaml the kubeconfig file's contents
   * @return a kubeconfig parsed on first use
   */
  public static Kubeconfig fromYaml(String kubeconfigYaml) {
    Objects.requireNonNull(kubeconfigYaml, "kubeconfigYaml");
    return new Kubeconfig(() -> KubeconfigCredentials.fromKubeconfig(kubeconfigYaml));
  }

  /**
   * A kubeconfig from {@code source}, called at most once, on first use.
   *
   * @param source what loads the config
   * @return a kubeconfig loaded on first use
   */
  public static Kubeconfig of(Supplier<Config> source) {
    return new Kubeconfig(Objects.requireNonNull(source, "source"));
  }

  /**
   * No kubeconfig: the token and base URL must come from the {@link ProviderConfig} (tests, or a
   * service-account token given directly).
   *
   * @return the kubeconfig that has nothing
   */
  public static Kubeconfig none() {
    return NONE;
  }

  /**
   * The loaded config, read from the source the first time only.
   *
   * @return the config, or empty for {@link #none()}
   */
  public Optional<Config> config() {
    if (source == null) {
      return Optional.empty();
    }
    Config c = loaded;
    if (c == null) {
      synchronized (this) {
        c = loaded;
        if (c == null) {
          c = Objects.requireNonNull(source.get(), "the kubeconfig source returned null");
          loaded = c;
        }
      }
    }
    return Optional.of(c);
  }

  /**
   * Whether the kubeconfig can authenticate at all (see {@link KubeconfigCredentials#authenticates}).
   *
   * @return true if it has a token, a token provider, a client certificate or a user name and password
   */
  public boolean authenticates() {
    return config().map(KubeconfigCredentials::authenticates).orElse(false);
  }

  /**
   * Refuses, when an adapter is made, a configuration that cannot authenticate: neither a bearer token as
   * {@link ProviderConfig#apiKey} nor a kubeconfig that authenticates. Nothing is checked (or read) when the
   * config defers the check to the first call ({@link ProviderConfig#credentialsDeferred()}) or has a token.
   *
   * @param provider the provider's name, for the message
   * @param config the configuration the adapter runs with
   * @throws MissingCredentialsException when there is nothing to authenticate with
   */
  public void requireCredentials(String provider, ProviderConfig config) {
    if (!config.credentialsDeferred() && !hasToken(config) && !authenticates()) {
      throw new MissingCredentialsException(provider, "give a kubeconfig with a token or client certificate"
          + " (KUBECONFIG, ~/.kube/config or the in-cluster service account) or a bearer token as ProviderConfig.apiKey");
    }
  }

  /**
   * The client an adapter calls with: with a base URL and a token in {@code config}, those; otherwise the
   * kubeconfig's server, token (read per call) and TLS context, on the same chain as every provider.
   *
   * @param descriptor the provider's descriptor
   * @param config the configuration the adapter runs with
   * @return a new client
   */
  public ApiClient apiClient(ProviderDescriptor descriptor, ProviderConfig config) {
    if (source == null || config.baseUrl().isPresent() && config.apiKey(null).isPresent()) {
      return ApiClient.create(descriptor, config);
    }
    return ApiClient.builder(descriptor, config).kubeCredentials(KubeconfigCredentials.of(config().orElseThrow()))
        .build();
  }

  /**
   * The tenant namespace every namespaced call names: the config's secret (or environment variable)
   * {@code envName}, else the namespace of the kubeconfig's context.
   *
   * @param provider the provider's name, for the message
   * @param config the configuration the adapter runs with
   * @param envName the secret or environment variable that names the namespace, e.g. {@code COREWEAVE_NAMESPACE}
   * @return the namespace
   * @throws MissingCredentialsException when neither names one: part of the account's configuration, like the
   *     token, so it is reported as such and not as a bug in the adapter
   */
  public String namespace(String provider, ProviderConfig config, String envName) {
    Optional<String> given = config.secret(envName).map(Secret::reveal).filter(s -> !s.isBlank());
    if (given.isPresent()) {
      return given.get();
    }
    String fromKubeconfig = config().map(Config::getNamespace).orElse(null);
    if (fromKubeconfig == null || fromKubeconfig.isBlank()) {
      throw new MissingCredentialsException(provider, "set " + envName + " (or ProviderConfig.secret(\"" + envName
          + "\", ...)) or a namespace in the kubeconfig context: every call to the API server names it");
    }
    return fromKubeconfig;
  }

  private static boolean hasToken(ProviderConfig config) {
    return config.apiKey(null).filter(k -> !k.isBlank()).isPresent();
  }

  @Override
  public String toString() {
    return source == null ? "Kubeconfig[none]" : "Kubeconfig[" + (loaded == null ? "not read yet" : "read") + "]";
  }
}
