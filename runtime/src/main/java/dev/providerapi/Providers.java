package dev.providerapi;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds provider adapters on the class path by name, through {@link ServiceLoader}. */
public final class Providers {
  private Providers() {}

  /** Every adapter on the class path, configured from the environment. */
  public static List<Provider> all() {
    return ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  public static Optional<Provider> find(String name) {
    return all().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The adapter named {@code name}; the message lists the names that are present when it is not. */
  public static Provider load(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no provider named '" + name
        + "' on the class path; found " + all().stream().map(Provider::name).sorted().toList()));
  }

  public static Provider load(String name, ProviderConfig config) {
    return load(name).configure(config);
  }
}
