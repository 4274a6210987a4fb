package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.Provider;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.MissingCredentialsException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The inherited configure(): a copy of the adapter's own class through its (ProviderConfig) constructor. */
class ConfigureTest {
  static final ProviderDescriptor D = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.test")
      .auth(AuthSpec.bearer("ACME_API_KEY")).build();

  public static class Acme extends AbstractProvider {
    public Acme(ProviderConfig config) {
      super(D, config);
    }

    ProviderConfig config() {
      return config;
    }

    @Override protected List<Offer> fetchOffers(OfferFilter filter) { return List.of(); }
    @Override protected Instance launchInstance(LaunchRequest request) { throw new AssertionError(); }
    @Override protected void terminateInstance(String instanceId) { throw new AssertionError(); }
    @Override public Optional<Instance> get(String instanceId) { return Optional.empty(); }
    @Override public List<Instance> list() { return List.of(); }
  }

  /** No public (ProviderConfig) constructor. */
  static class Hidden extends Acme {
    Hidden(ProviderConfig config) {
      super(config);
    }
  }

  /** Carries a value the config does not hold, as a kubeconfig-auth base keeps its kubeconfig. */
  public static class Carrying extends Acme {
    final StringBuilder carried;

    public Carrying(ProviderConfig config, StringBuilder carried) {
      super(config);
      this.carried = carried;
    }

    @Override
    public Provider configure(ProviderConfig config) {
      return configured(config, StringBuilder.class, carried);
    }
  }

  /** Carries a value but has no public constructor to copy it with. */
  public static class CarryingHidden extends Acme {
    public CarryingHidden(ProviderConfig config) {
      super(config);
    }

    @Override
    public Provider configure(ProviderConfig config) {
      return configured(config, StringBuilder.class, new StringBuilder());
    }
  }

  private static ProviderConfig key(String key) {
    return ProviderConfig.builder().environment(Map.of()).apiKey(key).build();
  }

  @Test
  void aCopyOfTheSameClassWithTheNewConfig() {
    Acme first = new Acme(key("one"));
    Provider copy = first.configure(key("two"));
    assertThat(copy).isExactlyInstanceOf(Acme.class).isNotSameAs(first);
    assertThat(((Acme) copy).config().apiKey(null).map(dev.providerapi.Secret::reveal)).contains("two");
    assertThat(first.config().apiKey(null).map(dev.providerapi.Secret::reveal)).contains("one");
  }

  @Test
  void theConstructorsOwnRefusalIsThrownAsItIs() {
    assertThatThrownBy(() -> new Acme(key("one")).configure(ProviderConfig.builder().environment(Map.of()).build()))
        .isInstanceOf(MissingCredentialsException.class)
        .hasMessageContaining("ACME_API_KEY");
  }

  @Test
  void withoutAPublicConstructorItSaysWhatToAdd() {
    assertThatThrownBy(() -> new Hidden(key("one")).configure(key("two")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(Hidden.class.getName() + " has no public constructor taking a ProviderConfig; add one, or override"
            + " configure(ProviderConfig)");
  }

  @Test
  void aCopyKeepsWhatTheConfigDoesNotHoldThroughTheTwoArgumentConstructor() {
    StringBuilder shared = new StringBuilder("kubeconfig");
    Carrying first = new Carrying(key("one"), shared);
    Provider copy = first.configure(key("two"));
    assertThat(copy).isExactlyInstanceOf(Carrying.class).isNotSameAs(first);
    assertThat(((Carrying) copy).carried).isSameAs(shared);
    assertThat(((Carrying) copy).config().apiKey(null).map(dev.providerapi.Secret::reveal)).contains("two");
    assertThatThrownBy(() -> first.configure(ProviderConfig.builder().environment(Map.of()).build()))
        .isInstanceOf(MissingCredentialsException.class);
    assertThatThrownBy(() -> new CarryingHidden(key("one")).configure(key("two")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(CarryingHidden.class.getName() + " has no public constructor (ProviderConfig, StringBuilder);"
            + " add one (configure keeps the StringBuilder), or override configure(ProviderConfig)");
  }
}
