package dev.providerapi.ops;

import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.Providers;
import dev.providerapi.Secret;
import dev.providerapi.broker.Fleet;
import dev.providerapi.broker.JdbcLaunchLedger;
import dev.providerapi.broker.LaunchLedger;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.sandbox.Sandbox;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The providers (configured from the environment and the config file, or against the sandbox), the fleet over
 * them and the ledger, for one command. Credentials come from, in this order:
 * <ol>
 *   <li>{@code <NAME>_API_KEY} (the same name for every provider, e.g. {@code TENSORDOCK_API_KEY}), or the
 *       variable the provider's provider.yaml declares where that differs ({@code TENSORDOCK_API_TOKEN});
 *   <li>{@code providers.<name>.apiKey} in the config file.
 * </ol>
 * {@code <NAME>_BASE_URL} / {@code baseUrl} points a provider elsewhere (a proxy, {@code provider-api sandbox}).
 * CoreWeave is reached through a kubeconfig ({@code KUBECONFIG} / {@code kubeconfig}, and {@code COREWEAVE_NAMESPACE}
 * / {@code namespace}), or through {@code COREWEAVE_API_KEY} with {@code COREWEAVE_BASE_URL}.
 */
final class Session implements AutoCloseable {
  private final Env env;
  private final GlobalOptions options;
  private final OpsConfig config;
  private final @Nullable Sandbox sandbox;
  private final Fleet fleet;
  private final List<String> skipped;
  private @Nullable LaunchLedger ledger;
  private @Nullable Path temporaryLedger;

  private Session(Env env, GlobalOptions options, OpsConfig config, @Nullable Sandbox sandbox, Fleet fleet,
      List<String> skipped) {
    this.env = env;
    this.options = options;
    this.config = config;
    this.sandbox = sandbox;
    this.fleet = fleet;
    this.skipped = List.copyOf(skipped);
  }

  static Session open(Env env, GlobalOptions options) {
    OpsConfig config = options.sandbox && options.config == null ? OpsConfig.none() : OpsConfig.load(options.config, env);
    Duration deadline = options.deadline != null ? options.deadline
        : config.deadline != null ? config.deadline : Fleet.DEFAULT_DEADLINE;
    Map<String, Provider> adapters = adapters(env);
    List<String> wanted = new ArrayList<>();
    for (String p : options.providers) {
      String name = p.strip().toLowerCase(Locale.ROOT);
      if (!adapters.containsKey(name)) {
        throw new UsageException("no provider named '" + p + "'; there are " + adapters.keySet());
      }
      if (!wanted.contains(name)) {
        wanted.add(name);
      }
    }
    for (String named : config.providers.keySet()) {
      if (!adapters.containsKey(named)) {
        throw new UsageException(config.file + " at providers." + named + ": no provider named '" + named
            + "'; there are " + adapters.keySet());
      }
    }
    Fleet.Builder fleet = Fleet.builder().deadline(deadline);
    List<String> skipped = new ArrayList<>();
    Sandbox sandbox = null;
    if (options.sandbox) {
      List<String> names = wanted.isEmpty() ? new ArrayList<>(Sandbox.PROVIDERS) : wanted;
      names.retainAll(Sandbox.PROVIDERS);
      sandbox = Sandbox.start(0, names);
      for (String name : names) {
        sandbox.fake(name).bootTime(options.sandboxBoot);
        ProviderConfig c = sandbox.config(name).rateLimited(false).build();
        fleet.provider(adapters.get(name).configure(c));
      }
      env.err().println("sandbox: fakes of " + names + " on 127.0.0.1:" + sandbox.port()
          + " (in memory; gone when the command ends)");
    } else {
      for (Map.Entry<String, Provider> e : adapters.entrySet()) {
        String name = e.getKey();
        if (!wanted.isEmpty() && !wanted.contains(name)) {
          continue;
        }
        OpsConfig.ProviderSection section = config.provider(name);
        if (!section.enabled() && wanted.isEmpty()) {
          skipped.add(name + " (enabled: false)");
          continue;
        }
        ProviderConfig c = configFor(name, e.getValue(), section, env);
        if (c == null) {
          if (!wanted.isEmpty()) {
            throw new UsageException(name + " is not configured: " + howToConfigure(name, e.getValue()));
          }
          skipped.add(name);
          continue;
        }
        fleet.provider(e.getValue().configure(c));
        if (section.deadline() != null) {
          fleet.deadline(name, section.deadline());
        }
      }
    }
    Fleet built = fleet.build();
    if (built.providers().isEmpty()) {
      built.close();
      throw new UsageException("no provider is configured: set a key such as LAMBDA_API_KEY (every provider reads"
          + " <NAME>_API_KEY), or write " + env.defaultConfigFile() + " (mode 600) with providers.<name>.apiKey;"
          + " or try --sandbox, which needs no keys");
    }
    return new Session(env, options, config, sandbox, built, skipped);
  }

  /** Every adapter on the class path by name; an adapter that cannot start is reported on stderr. */
  private static Map<String, Provider> adapters(Env env) {
    Providers.Discovery d = Providers.discover(Session.class.getClassLoader());
    d.failures().forEach((what, error) -> env.err().println("warning: provider adapter " + what
        + " could not start and is left out: " + error));
    Map<String, Provider> byName = new TreeMap<>();
    for (Provider p : d.providers()) {
      byName.put(p.name(), p);
    }
    return byName;
  }

  /** The config for a provider, or null when nothing says how to reach it. */
  static @Nullable ProviderConfig configFor(String name, Provider adapter, OpsConfig.ProviderSection section,
      Env env) {
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    ProviderConfig.Builder b = ProviderConfig.builder().environment(env.vars());
    String declared = declaredKeyVariable(adapter);
    String key = env.get(upper + "_API_KEY");
    if (key == null && declared != null) {
      key = env.get(declared);
    }
    Secret secret = key != null ? Secret.of(key) : section.apiKey();
    if (secret != null) {
      b.apiKey(secret.reveal());
    }
    String baseUrl = env.get(upper + "_BASE_URL");
    if (baseUrl == null) {
      baseUrl = section.baseUrl();
    }
    if (baseUrl != null) {
      try {
        b.baseUrl(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new UsageException(name + ": base URL '" + baseUrl + "' is not a URL: " + e.getMessage());
      }
    }
    if (usesKubeconfig(adapter)) {
      // the adapter reads its namespace from <NAME>_NAMESPACE (COREWEAVE_NAMESPACE)
      String ns = env.get(upper + "_NAMESPACE");
      if (ns == null && section.namespace() != null) {
        b.secret(upper + "_NAMESPACE", section.namespace());
      }
      String kubeconfig = env.get("KUBECONFIG");
      if (kubeconfig == null && section.kubeconfig() != null) {
        // fabric8 reads the kubeconfig's path from this system property when KUBECONFIG is not set
        System.setProperty("kubeconfig", section.kubeconfig());
        kubeconfig = section.kubeconfig();
      }
      boolean reachable = secret != null && baseUrl != null || kubeconfig != null || ns != null
          || section.namespace() != null || section.apiKey() != null;
      return reachable ? b.build() : null;
    }
    return secret == null ? null : b.build();
  }

  static String howToConfigure(String name, Provider adapter) {
    String upper = name.toUpperCase(Locale.ROOT).replace('-', '_');
    if (usesKubeconfig(adapter)) {
      return "set KUBECONFIG and " + upper + "_NAMESPACE, or providers." + name
          + ".kubeconfig and .namespace in the config file";
    }
    String declared = declaredKeyVariable(adapter);
    String alt = declared != null && !declared.equals(upper + "_API_KEY") ? " (or " + declared + ")" : "";
    return "set " + upper + "_API_KEY" + alt + ", or providers." + name + ".apiKey in the config file";
  }

  /** The key variable the provider's provider.yaml declares (its generated base's DESCRIPTOR), if readable. */
  static @Nullable String declaredKeyVariable(Provider adapter) {
    ProviderDescriptor d = descriptor(adapter);
    return d == null ? null : d.auth().apiKeyEnv();
  }

  /** provider.yaml says auth style kubeconfig: the adapter is reached through a kubeconfig, not a key. */
  static boolean usesKubeconfig(Provider adapter) {
    ProviderDescriptor d = descriptor(adapter);
    return d != null && d.auth().style() == dev.providerapi.descriptor.AuthStyle.KUBECONFIG;
  }

  /** The generated base's DESCRIPTOR, if readable. */
  static @Nullable ProviderDescriptor descriptor(Provider adapter) {
    for (Class<?> c = adapter.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField("DESCRIPTOR");
        if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())
            && f.getType() == ProviderDescriptor.class) {
          return (ProviderDescriptor) f.get(null);
        }
      } catch (NoSuchFieldException | IllegalAccessException e) {
        // look further up
      }
    }
    return null;
  }

  Fleet fleet() {
    return fleet;
  }

  Provider provider(String name) {
    return fleet.provider(name).orElseThrow(() -> new UsageException("provider '" + name + "' is not in use here;"
        + " in use: " + fleet.providers().stream().map(Provider::name).toList()
        + (skipped.isEmpty() ? "" : "; not configured: " + skipped)));
  }

  /** The providers left out because nothing configures them. */
  List<String> skipped() {
    return skipped;
  }

  @Nullable Sandbox sandbox() {
    return sandbox;
  }

  /** The ledger: --ledger, $PROVIDER_API_LEDGER, the config's, else the default file (a temporary one in the sandbox). */
  LaunchLedger ledger() {
    if (ledger != null) {
      return ledger;
    }
    String where = options.ledger != null ? options.ledger : env.get("PROVIDER_API_LEDGER");
    if (where == null && !options.sandbox) {
      where = config.ledgerUrl;
    }
    if (where == null && options.sandbox) {
      try {
        temporaryLedger = Files.createTempFile("provider-api-sandbox-ledger", ".db");
      } catch (IOException e) {
        throw new IllegalStateException("cannot make a temporary ledger file: " + e.getMessage(), e);
      }
      where = temporaryLedger.toString();
    }
    if (where == null) {
      where = env.defaultLedgerFile().toString();
    }
    if (where.startsWith("jdbc:")) {
      Properties p = new Properties();
      String user = env.get("PROVIDER_API_LEDGER_USER");
      if (user == null) {
        user = config.ledgerUser;
      }
      if (user != null) {
        p.setProperty("user", user);
      }
      String password = env.get("PROVIDER_API_LEDGER_PASSWORD");
      if (password == null && config.ledgerPassword != null) {
        password = config.ledgerPassword.reveal();
      }
      if (password != null) {
        p.setProperty("password", password);
      }
      ledger = JdbcLaunchLedger.open(where, p);
    } else {
      ledger = JdbcLaunchLedger.sqlite(Path.of(OpsConfig.expandHome(where, env)));
    }
    return ledger;
  }

  /** The ledger's name for messages (password masked). */
  String ledgerName() {
    LaunchLedger l = ledger();
    return l instanceof JdbcLaunchLedger j ? j.displayName() : l.toString();
  }

  @Override
  public void close() {
    fleet.close();
    if (ledger != null) {
      ledger.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (temporaryLedger != null) {
      for (String suffix : List.of("", "-wal", "-shm")) {
        try {
          Files.deleteIfExists(Path.of(temporaryLedger + suffix));
        } catch (IOException e) {
          // a temporary file left behind
        }
      }
    }
  }

}
