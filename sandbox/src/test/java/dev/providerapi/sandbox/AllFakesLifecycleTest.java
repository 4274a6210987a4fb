package dev.providerapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.Providers;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every adapter against its fake, with no fault: the fakes speak each provider's API as the adapters expect it. */
class AllFakesLifecycleTest {
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  static List<String> providers() {
    return Sandbox.PROVIDERS;
  }

  static LaunchRequest request(Provider p, String provider, Offer offer, String token) {
    LaunchRequest.Builder b = LaunchRequest.builder().offerId(offer.id()).clientToken(token);
    if (provider.equals("lambda")) {
      b.sshKey("yubikey");
    } else if (p.supports(Capability.SSH_KEYS)) {
      b.sshKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample user@host");
    }
    if (!provider.equals("lambda")) {
      b.image(provider.equals("coreweave") ? "ubuntu2204-nvidia-535-docker-master-ord1"
          : provider.equals("tensordock") ? "ubuntu2404" : "pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime");
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("providers")
  void launchReadListStopStartTerminate(String name) {
    FakeProvider fake = sandbox.fake(name);
    try (Provider provider = Providers.load(name, sandbox.config(name).rateLimited(false).build())) {
      List<Offer> offers = provider.offers(OfferFilter.any());
      assertThat(offers).as(name + " offers").isNotEmpty();
      String token = "tok-" + name;
      Instance launched = provider.launch(request(provider, name, offers.get(0), token));
      assertThat(fake.state().refused()).as(name + " refused").isEmpty();
      assertThat(fake.state().live()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(launched.id()));
      assertThat(fake.state().withToken(token)).hasSize(1);

      sandbox.clock().advance(Duration.ofMinutes(5));
      assertThat(provider.get(launched.id())).get().extracting(Instance::status).isEqualTo(InstanceStatus.RUNNING);
      assertThat(provider.list()).extracting(Instance::id).containsExactly(launched.id());
      assertThat(provider.findByClientToken(token)).extracting(Instance::id).containsExactly(launched.id());

      if (provider.supports(Capability.STOP_START)) {
        provider.stop(launched.id());
        assertThat(fake.state().instance(launched.id()).orElseThrow().state(sandbox.clock().now()))
            .isEqualTo(FakeInstance.State.STOPPED);
        provider.start(launched.id());
        assertThat(fake.state().instance(launched.id()).orElseThrow().state())
            .isIn(FakeInstance.State.BOOTING, FakeInstance.State.RUNNING);
      }
      provider.terminate(launched.id());
      assertThat(fake.state().live()).isEmpty();
      assertThat(provider.get(launched.id())).isEmpty();
      assertThat(fake.state().refused()).as(name + " refused").isEmpty();
    }
  }
}
