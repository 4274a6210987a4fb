package dev.providerapi.sandbox;

import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.Providers;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5: a sandbox per test class ({@code static} field) or per test (instance field), with the provider's
 * adapter configured against its fake and the fake's state and faults reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension static SandboxExtension sandbox = SandboxExtension.of("lambda");
 *
 * @Test void launchesOnce() {
 *   sandbox.faults().once(Op.CREATE, FaultKind.CREATED_DESPITE_ERROR);
 *   Instance i = sandbox.provider().launch(request);
 *   assertThat(sandbox.state().live()).extracting(FakeInstance::id).containsExactly(i.id());
 * }
 * }</pre>
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {
  private final String provider;
  private UnaryOperator<ProviderConfig.Builder> customizer = UnaryOperator.identity();
  private Sandbox sandbox;
  private Provider adapter;
  private boolean perClass;

  private SandboxExtension(String provider) {
    this.provider = provider;
  }

  /**
   * The fake of {@code provider} and its adapter (found on the class path by name).
   *
   * @param provider the provider's name, as in {@link Sandbox#PROVIDERS}
   * @return an extension that starts the sandbox with the test class or test
   */
  public static SandboxExtension of(String provider) {
    return new SandboxExtension(provider);
  }

  /**
   * Changes the adapter's config (deadlines, retries ...) before it is built.
   *
   * @param customizer given the sandbox's config for the provider, returns the builder to build
   * @return this extension
   */
  public SandboxExtension withConfig(UnaryOperator<ProviderConfig.Builder> customizer) {
    this.customizer = customizer;
    return this;
  }

  /**
   * The adapter, configured against the fake.
   *
   * @return the running test's adapter
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public Provider provider() {
    return started().adapter;
  }

  /**
   * The fake's state, reset before each test.
   *
   * @return what the fake holds and saw
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public FakeState state() {
    return started().sandbox.fake(provider).state();
  }

  /**
   * The fake's fault schedule, cleared before each test.
   *
   * @return the schedule to queue faults in
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public FaultSchedule faults() {
    return started().sandbox.fake(provider).faults();
  }

  /**
   * The provider's fake.
   *
   * @return the fake the adapter talks to
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public FakeProvider fake() {
    return started().sandbox.fake(provider);
  }

  /**
   * The sandbox serving the fake.
   *
   * @return the running sandbox
   * @throws IllegalStateException outside a test (the extension has not started)
   */
  public Sandbox sandbox() {
    return started().sandbox;
  }

  private SandboxExtension started() {
    if (sandbox == null) {
      throw new IllegalStateException("the sandbox starts with the test; register it with @RegisterExtension");
    }
    return this;
  }

  private void start() {
    sandbox = Sandbox.start(provider);
    adapter = Providers.load(provider, customizer.apply(sandbox.config(provider)).build());
  }

  private void stop() {
    if (adapter != null) {
      adapter.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    adapter = null;
    sandbox = null;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (sandbox == null) {
      start();
    } else {
      sandbox.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }
}
