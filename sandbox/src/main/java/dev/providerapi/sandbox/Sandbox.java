package dev.providerapi.sandbox;

import dev.providerapi.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stateful fakes of the providers' APIs on one 127.0.0.1 port, each under {@code /<provider>}:
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start("lambda")) {
 *   Provider lambda = Providers.load("lambda", sandbox.config("lambda").build());
 *   sandbox.fake("lambda").faults().once(Op.CREATE, FaultKind.CREATED_DESPITE_ERROR);
 *   ...
 *   assertThat(sandbox.fake("lambda").state().live()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>No real credential is involved: each fake accepts the random key it was started with and refuses others.
 */
public final class Sandbox implements AutoCloseable {
  /** Every provider the sandbox can fake, in a stable order. */
  public static final List<String> PROVIDERS = List.of("lambda", "vast", "paperspace", "runpod", "tensordock", "coreweave",
      "hyperstack");

  private static final Map<String, BiFunction<String, SandboxClock, FakeProvider>> FACTORIES = Map.of(
      "lambda", LambdaFake::new, "vast", VastFake::new, "paperspace", PaperspaceFake::new,
      "runpod", RunpodFake::new, "tensordock", TensordockFake::new, "coreweave", CoreweaveFake::new,
      "hyperstack", HyperstackFake::new);

  private final SandboxClock clock = new SandboxClock();
  private final Map<String, FakeProvider> fakes = new LinkedHashMap<>();
  private final LoopbackServer server;

  private Sandbox(int port, List<String> providers) throws IOException {
    for (String p : providers.isEmpty() ? PROVIDERS : providers) {
      BiFunction<String, SandboxClock, FakeProvider> factory = FACTORIES.get(p);
      if (factory == null) {
        throw new IllegalArgumentException("the sandbox has no fake of '" + p + "'; it has " + PROVIDERS);
      }
      fakes.put(p, factory.apply("sandbox-" + p + "-" + UUID.randomUUID(), clock));
    }
    this.server = new LoopbackServer(port, (request, connection) -> {
      String path = request.path();
      int slash = path.indexOf('/', 1);
      String prefix = slash < 0 ? path.substring(1) : path.substring(1, slash);
      FakeProvider fake = fakes.get(prefix);
      if (fake == null) {
        connection.send(SandboxResponse.json(404, "{\"error\":\"no fake at /" + prefix + "; serving " + fakes.keySet()
            + "\"}"));
        return;
      }
      SandboxRequest inner = new SandboxRequest(request.method(), slash < 0 ? "/" : path.substring(slash),
          request.query(), request.headers(), request.body());
      fake.serve(inner, connection);
    });
  }

  /**
   * The named providers' fakes (all of them when none is named) on a free port.
   *
   * @param providers provider names from {@link #PROVIDERS}
   * @return the started sandbox, listening on 127.0.0.1
   * @throws IllegalArgumentException when a name has no fake
   * @throws java.io.UncheckedIOException when the server cannot listen
   */
  public static Sandbox start(String... providers) {
    return start(0, List.of(providers));
  }

  /**
   * The named providers' fakes (all when the list is empty) on {@code port} (0: any free port).
   *
   * @param port the TCP port on 127.0.0.1; 0 for any free one
   * @param providers provider names from {@link #PROVIDERS}
   * @return the started sandbox
   * @throws IllegalArgumentException when a name has no fake
   * @throws java.io.UncheckedIOException when the server cannot listen on the port
   */
  public static Sandbox start(int port, List<String> providers) {
    try {
      return new Sandbox(port, new ArrayList<>(providers));
    } catch (IOException e) {
      throw new UncheckedIOException("sandbox: cannot listen on 127.0.0.1:" + port, e);
    }
  }

  /**
   * The port the sandbox listens on.
   *
   * @return the TCP port on 127.0.0.1
   */
  public int port() {
    return server.port();
  }

  /**
   * The providers this sandbox fakes.
   *
   * @return their names, in the order started
   */
  public List<String> providers() {
    return List.copyOf(fakes.keySet());
  }

  /**
   * The fake of {@code provider}.
   *
   * @param provider the provider's name
   * @return its fake
   * @throws IllegalArgumentException when this sandbox does not serve that provider
   */
  public FakeProvider fake(String provider) {
    FakeProvider f = fakes.get(provider);
    if (f == null) {
      throw new IllegalArgumentException("this sandbox serves " + fakes.keySet() + ", not '" + provider + "'");
    }
    return f;
  }

  /**
   * The clock every fake of this sandbox reads; tests move it with {@link SandboxClock#advance}.
   *
   * @return the sandbox's clock
   */
  public SandboxClock clock() {
    return clock;
  }

  /**
   * {@code http://127.0.0.1:<port>/<provider>} plus the provider's own base path (e.g. RunPod's /graphql).
   *
   * @param provider the provider's name
   * @return the base URL its adapter is pointed at
   * @throws IllegalArgumentException when this sandbox does not serve that provider
   */
  public String baseUrl(String provider) {
    return "http://127.0.0.1:" + port() + "/" + provider + fake(provider).basePath();
  }

  /**
   * Environment variables that point the provider's adapter at its fake (credential and base URL).
   *
   * @param provider the provider's name
   * @return the variables, name to value
   * @throws IllegalArgumentException when this sandbox does not serve that provider
   */
  public Map<String, String> environment(String provider) {
    return fake(provider).environment(baseUrl(provider));
  }

  /**
   * True when the provider's adapter is pointed at its fake with a kubeconfig ({@link #kubeconfig}).
   *
   * @param provider the provider's name
   * @return true for a Kubernetes-API fake
   * @throws IllegalArgumentException when this sandbox does not serve that provider
   */
  public boolean usesKubeconfig(String provider) {
    return fake(provider).usesKubeconfig();
  }

  /**
   * A kubeconfig (server, token, namespace) for a Kubernetes-API fake (coreweave).
   *
   * @param provider the provider's name
   * @return the kubeconfig as YAML text
   * @throws IllegalArgumentException when the provider is not served or not reached through a kubeconfig
   */
  public String kubeconfig(String provider) {
    if (!(fake(provider) instanceof CoreweaveFake k8s)) {
      throw new IllegalArgumentException(provider + " is not reached through a kubeconfig");
    }
    return k8s.kubeconfig(baseUrl(provider));
  }

  /**
   * A config for the provider's adapter against its fake: the fake's key, its base URL, no environment
   * credentials, and short timeouts and lookups suited to tests; callers may change any of it.
   *
   * @param provider the provider's name
   * @return a new builder; {@code build()} it and pass it to {@code Providers.load}
   * @throws IllegalArgumentException when this sandbox does not serve that provider
   */
  public ProviderConfig.Builder config(String provider) {
    ProviderConfig.Builder b = ProviderConfig.builder()
        .environment(Map.of())
        .apiKey(fake(provider).apiKey())
        .baseUrl(baseUrl(provider))
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5))
        .retryBaseDelay(Duration.ofMillis(50))
        .launchLookupDelay(Duration.ofMillis(50));
    fake(provider).environment(baseUrl(provider)).forEach((k, v) -> {
      if (!k.endsWith("_API_KEY") && !k.endsWith("_API_TOKEN")) {
        b.secret(k, v);
      }
    });
    return b;
  }

  /** Forgets every fake's instances, requests and pending faults. */
  public void reset() {
    fakes.values().forEach(f -> {
      f.state().clear();
      f.faults().clear();
    });
  }

  @Override
  public void close() {
    server.close();
  }
}
