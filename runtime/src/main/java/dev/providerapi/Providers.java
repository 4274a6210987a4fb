package dev.providerapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds provider adapters on the class path by name, through {@link ServiceLoader}. An adapter that cannot
 * start (a missing optional dependency, a constructor that throws) is left out and reported in
 * {@link Discovery#failures()}; it never keeps the others from loading.
 */
public final class Providers {
  private static final Logger LOG = LoggerFactory.getLogger(Providers.class);
  /** ServiceLoader goes on after an error on a best-effort basis; this bounds a loader that keeps failing. */
  private static final int MAX_FAILURES = 64;

  private Providers() {}

  /**
   * What discovery found: the adapters that started, and for each that did not, the error keyed by what
   * names it best (the adapter class when ServiceLoader says it, else the error's message).
   *
   * @param providers the adapters that started (copied)
   * @param failures the errors of those that did not, in discovery order (copied)
   */
  public record Discovery(List<Provider> providers, Map<String, Throwable> failures) {
    /**
     * Copies both collections.
     *
     * @param providers the adapters that started
     * @param failures the errors of those that did not
     */
    public Discovery {
      providers = List.copyOf(providers);
      failures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }
  }

  /**
   * Every adapter on the class path that starts, configured from the environment; failures are logged.
   *
   * @return the adapters that started
   */
  public static List<Provider> all() {
    return discover().providers();
  }

  /**
   * Discovery with the thread's context class loader (what {@link ServiceLoader#load(Class)} uses).
   *
   * @return what was found
   */
  public static Discovery discover() {
    return discover(ServiceLoader.load(Provider.class));
  }

  /**
   * Discovery through {@code loader}.
   *
   * @param loader the class loader to look in
   * @return what was found
   */
  public static Discovery discover(ClassLoader loader) {
    return discover(ServiceLoader.load(Provider.class, loader));
  }

  private static Discovery discover(ServiceLoader<Provider> loader) {
    List<Provider> providers = new ArrayList<>();
    Map<String, Throwable> failures = new LinkedHashMap<>();
    Iterator<ServiceLoader.Provider<Provider>> it = loader.stream().iterator();
    while (failures.size() < MAX_FAILURES) {
      ServiceLoader.Provider<Provider> candidate;
      try {
        if (!it.hasNext()) {
          break;
        }
        candidate = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        failed(failures, e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
        continue;
      }
      String type;
      try {
        type = candidate.type().getName();
      } catch (ServiceConfigurationError | LinkageError e) {
        failed(failures, String.valueOf(e.getMessage()), e);
        continue;
      }
      try {
        providers.add(candidate.get());
      } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
        failed(failures, type, e);
      }
    }
    return new Discovery(providers, failures);
  }

  private static void failed(Map<String, Throwable> failures, String key, Throwable e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    LOG.warn("provider adapter {} could not start and is left out: {}", key, cause.toString());
    failures.put(key, e);
  }

  /**
   * The adapter named {@code name}, configured from the environment.
   *
   * @param name the provider's name
   * @return the adapter, or empty if none by that name starts
   */
  public static Optional<Provider> find(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The adapter named {@code name}; the message lists the names that are present when it is not.
   *
   * @param name the provider's name
   * @return the adapter, configured from the environment
   * @throws IllegalArgumentException if no adapter of that name is on the class path
   */
  public static Provider load(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no provider named '" + name
        + "' on the class path; found " + all().stream().map(Provider::name).sorted().toList()));
  }

  /**
   * The adapter named {@code name}, configured with {@code config}.
   *
   * @param name the provider's name
   * @param config the configuration
   * @return the configured adapter
   * @throws IllegalArgumentException if no adapter of that name is on the class path
   * @throws dev.providerapi.errors.MissingCredentialsException when {@code config} lacks the credentials the
   *     provider needs
   */
  public static Provider load(String name, ProviderConfig config) {
    return load(name).configure(config);
  }
}
